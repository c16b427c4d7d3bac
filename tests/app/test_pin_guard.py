"""PINs that cannot be guessed: wrong PINs wait longer and longer and then lock out until a supervisor resets them,
every wrong PIN is in the audit log, a supervisor PIN has 6 digits, and the data directory is its owner's alone."""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from pdtest.pins import BENCH, T0, try_sign_in
from sqlalchemy import select

from app.demo.station import demo_supervisor_hash
from app.persistence.rows import AuditRow, PinGuardRow
from app.services.packers import add_packer, sign_in, unlock_packer
from app.services.pin_guard import FREE_TRIES, LOCK_AFTER, SUPERVISOR, PinLocked, PinWait, check_supervisor, wait_after
from app.services.supervisor import (
    ITERATIONS,
    NotAllowed,
    WrongPin,
    check_pin,
    hash_pin,
    hash_supervisor_pin,
)
from app.services.workspace import Workspace, open_workspace


def audit_actions(ws: Workspace, entity_id: str) -> list[tuple[str, dict]]:
    with ws.session_factory() as s:
        rows = s.execute(select(AuditRow).where(AuditRow.entity_id == entity_id).order_by(AuditRow.id)).scalars()
        return [(r.action, r.detail) for r in rows]


def test_wrong_packer_pins_wait_longer_then_lock_out_until_a_supervisor_unlocks(workspace: Workspace) -> None:
    supervisor = hash_supervisor_pin("246810")
    with workspace.session_factory.begin() as s:
        add_packer(s, "李四", "2468")
    at = T0
    for _ in range(FREE_TRIES):  # the first wrong PINs answer at once
        with pytest.raises(WrongPin, match="Unknown packer or wrong PIN"):
            try_sign_in(workspace, "李四", "1111", at)
    with pytest.raises(PinWait, match="try again in 4 seconds"):  # 5 s after the last: even the right PIN waits
        try_sign_in(workspace, "李四", "2468", at + timedelta(seconds=1))
    failures = FREE_TRIES
    while failures < LOCK_AFTER - 1:
        wait = wait_after(failures)
        with pytest.raises(PinWait):
            try_sign_in(workspace, "李四", "1111", at + wait - timedelta(seconds=1))
        at += wait
        with workspace.session_factory.begin() as s, pytest.raises(WrongPin):  # a rolled-back caller: still counted
            sign_in(s, "李四", "1111", station="bench-3", now=at)
        failures += 1
    at += wait_after(failures)
    with pytest.raises(PinLocked, match="sign-in is locked until a supervisor unlocks it"):
        try_sign_in(workspace, "李四", "1112", at)
    with pytest.raises(PinLocked):  # locked is locked: the right PIN a day later does not help
        try_sign_in(workspace, "李四", "2468", at + timedelta(days=1))

    actions = audit_actions(workspace, "李四")
    failed = [d for a, d in actions if a == "pin_failed"]
    assert [d["failures"] for d in failed] == list(range(1, LOCK_AFTER + 1))
    assert [d["locked"] for d in failed] == [False] * (LOCK_AFTER - 1) + [True]
    refused = [d["reason"] for a, d in actions if a == "pin_refused"]
    assert refused == ["pin_wait"] * (1 + LOCK_AFTER - 1 - FREE_TRIES) + ["pin_locked"]
    with workspace.session_factory() as s:
        rows = s.execute(select(AuditRow).where(AuditRow.action == "pin_failed")).scalars().all()
        assert {(r.actor, r.station, r.entity) for r in rows} == {("李四", "bench-3", "packer")}

    with workspace.session_factory.begin() as s, pytest.raises(WrongPin):
        unlock_packer(s, "李四", supervisor, "135790", BENCH)
    with workspace.session_factory.begin() as s:
        assert unlock_packer(s, "李四", supervisor, "246810", BENCH) is True
    assert try_sign_in(workspace, "李四", "2468", at + timedelta(days=1)) == "李四"
    assert audit_actions(workspace, "李四")[-1] == ("pin_unlocked", {"failures": LOCK_AFTER, "locked": True})
    with workspace.session_factory() as s:
        assert s.get(PinGuardRow, "packer:李四") is None


def test_the_right_pin_clears_the_count_and_unknown_names_are_counted_alike(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as s:
        add_packer(s, "王小明", "1234")
    for _ in range(FREE_TRIES - 1):
        with pytest.raises(WrongPin):
            try_sign_in(workspace, "王小明", "9999", T0)
    assert try_sign_in(workspace, "王小明", "1234", T0) == "王小明"
    for _ in range(FREE_TRIES):  # a fresh count: no wait yet
        with pytest.raises(WrongPin):
            try_sign_in(workspace, "王小明", "9999", T0)
    # Someone trying names: an unknown one answers exactly like a known one with a wrong PIN, and is limited too.
    for _ in range(FREE_TRIES):
        with pytest.raises(WrongPin, match="Unknown packer or wrong PIN"):
            try_sign_in(workspace, "nobody", "1234", T0)
    with pytest.raises(PinWait):
        try_sign_in(workspace, "nobody", "1234", T0)


def test_wrong_supervisor_pins_are_limited_and_audited(workspace: Workspace) -> None:
    stored = hash_supervisor_pin("246810")
    at = T0
    for failures in range(LOCK_AFTER):
        at += wait_after(failures)
        with workspace.session_factory() as s, pytest.raises(NotAllowed) as raised:
            check_supervisor(s, stored, "000000", BENCH, at)
        assert isinstance(raised.value, PinLocked if failures == LOCK_AFTER - 1 else WrongPin)
    with workspace.session_factory() as s, pytest.raises(PinLocked, match="packdesk supervisor pin"):
        check_supervisor(s, stored, "246810", BENCH, at + timedelta(days=1))
    actions = audit_actions(workspace, SUPERVISOR)
    failed = [d for a, d in actions if a == "pin_failed"]
    assert len(failed) == LOCK_AFTER and failed[-1]["locked"] is True
    assert [d["reason"] for a, d in actions if a == "pin_refused"] == ["pin_locked"]
    with workspace.session_factory() as s:
        rows = s.execute(select(AuditRow).where(AuditRow.entity == SUPERVISOR)).scalars().all()
        assert {(r.actor, r.station) for r in rows} == {("李四", "bench-3")}  # who was at which bench


def test_no_supervisor_pin_set_is_not_a_wrong_guess(workspace: Workspace) -> None:
    for _ in range(LOCK_AFTER + 1):
        with workspace.session_factory() as s, pytest.raises(NotAllowed, match="No supervisor PIN"):
            check_supervisor(s, "", "000000", BENCH, T0)
    assert audit_actions(workspace, SUPERVISOR) == []


def test_a_supervisor_pin_has_at_least_6_digits_and_hashes_cost_600000_rounds() -> None:
    for short in ("0000", "12345", "12a456", "1234567890123"):
        with pytest.raises(NotAllowed, match="A supervisor PIN is 6 to 12 digits"):
            hash_supervisor_pin(short)
    stored = hash_supervisor_pin("864213")
    scheme, rounds, salt, digest = stored.split("$")
    assert (scheme, int(rounds)) == ("pbkdf2", ITERATIONS) and ITERATIONS >= 600_000
    assert hashlib.pbkdf2_hmac("sha256", b"864213", bytes.fromhex(salt), ITERATIONS).hex() == digest
    check_pin(stored, "864213")
    # A hash an older PackDesk wrote (100 000 rounds, no count in it) still checks.
    salt_bytes = bytes(range(16))
    old = f"pbkdf2${salt_bytes.hex()}${hashlib.pbkdf2_hmac('sha256', b'2468', salt_bytes, 100_000).hex()}"
    check_pin(old, "2468")
    with pytest.raises(WrongPin):
        check_pin(old, "2469")
    assert hash_pin("2468").count("$") == 3  # a packer's PIN keeps 4 digits: their sign-in locks after 10 tries


def test_the_demo_supervisor_pin_becomes_six_zeros() -> None:
    old_demo = f"pbkdf2${'ab' * 16}${hashlib.pbkdf2_hmac('sha256', b'0000', bytes.fromhex('ab' * 16), 100_000).hex()}"
    for stored in ("", old_demo):
        check_pin(demo_supervisor_hash(stored), "000000")
    sellers = hash_pin("4321")  # a seller's own 4-digit PIN from before the rule is kept, not replaced
    assert demo_supervisor_hash(sellers) == sellers


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes (a Windows profile folder is private already)")
def test_the_data_directory_and_its_files_are_the_owners_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ws = open_workspace(data)
    try:
        ws.save_settings()
        with ws.session_factory.begin() as s:
            add_packer(s, "王小明", "1234")  # the database now has its -wal and -shm files
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in data.iterdir()}
    finally:
        ws.close()
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert {n: modes[n] for n in ("packdesk.db", "packdesk.db-wal", "packdesk.db-shm", "config.toml")} == dict.fromkeys(
        ("packdesk.db", "packdesk.db-wal", "packdesk.db-shm", "config.toml"), 0o600
    )
    # What an older PackDesk left readable by everyone is tightened at the next start.
    for path in (data, data / "packdesk.db", data / "config.toml"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    open_workspace(data).close()
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "packdesk.db").stat().st_mode) == 0o600
    assert stat.S_IMODE((data / "config.toml").stat().st_mode) == 0o600

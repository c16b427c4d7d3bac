"""The `packdesk` command fails like a tool a seller can trust: a non-zero exit, one line on stderr starting with
"packdesk:", no traceback, and nothing changed in the data directory."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.demo.seed import seed_demo
from app.domain.enums import OrderStatus
from app.domain.errors import DataDirError
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.shipping import ship_order
from app.services.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]
ANCHOR = datetime(2025, 3, 14, 4, 0, tzinfo=UTC)
USED_TRACKING = "73600316247086"


@dataclass
class Seeded:
    data_dir: Path
    open_orders: list[str]  # packable, not shipped
    shipped_order: str  # shipped with USED_TRACKING

    @property
    def db(self) -> Path:
        return self.data_dir / "packdesk.db"


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Seeded]:
    data_dir = tmp_path / "data"
    ws = open_workspace(data_dir)
    try:
        with ws.session_factory.begin() as session:
            seed_demo(session, orders=20, seed=4, anchor=ANCHOR)
        packable = [o.order_no for o in list_orders(ws.session_factory, limit=1000) if o.block_reason() is None]
        ship_order(ws.session_factory, packable[0], "ZTO", USED_TRACKING, Actor("t", "bench"), ANCHOR)
    finally:
        ws.close()
    yield Seeded(data_dir, packable[1:], packable[0])


def logical_state(db: Path) -> str:
    """A digest of everything in the database (schema and rows), independent of WAL/checkpoint layout."""
    conn = sqlite3.connect(db)
    try:
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    return hashlib.sha256(dump.encode()).hexdigest()


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
            for t in ("orders", "packages", "print_jobs", "outbox", "audit_log", "scan_events")
        }
    finally:
        conn.close()


def run(packdesk_cmd: list[str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PACKDESK_HOME"}
    env["PACKDESK_BUSY_TIMEOUT"] = "0.5"
    return subprocess.run(
        [*packdesk_cmd, *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=timeout
    )


def orders_json(packdesk_cmd: list[str], data_dir: Path) -> str:
    done = run(packdesk_cmd, "orders", "--data-dir", str(data_dir), "--json", "--limit", "1000")
    assert done.returncode == 0, done.stderr
    return done.stdout


def assert_clean_failure(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode != 0, done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("packdesk:"), done.stderr
    assert "Traceback" not in done.stderr
    for word in words:
        assert word.lower() in lines[0].lower(), (word, lines[0])
    assert done.stdout == ""


def check_unchanged_failure(seeded: Seeded, packdesk_cmd: list[str], args: list[str], *words: str) -> None:
    before = (logical_state(seeded.db), counts(seeded.db), orders_json(packdesk_cmd, seeded.data_dir))
    done = run(packdesk_cmd, *args, "--data-dir", str(seeded.data_dir))
    assert_clean_failure(done, *words)
    after = (logical_state(seeded.db), counts(seeded.db), orders_json(packdesk_cmd, seeded.data_dir))
    assert after == before


def test_print_unknown_order(seeded: Seeded, packdesk_cmd: list[str], tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    check_unchanged_failure(
        seeded, packdesk_cmd, ["print", "9999999999999999999", "--printer", f"png://{labels}"], "9999999999999999999"
    )
    assert not labels.exists() or not any(labels.iterdir())


def test_print_with_unknown_printer_scheme(seeded: Seeded, packdesk_cmd: list[str]) -> None:
    check_unchanged_failure(seeded, packdesk_cmd, ["print", seeded.open_orders[0], "--printer", "foo://x"], "foo")


def test_print_an_order_on_hold(seeded: Seeded, packdesk_cmd: list[str], tmp_path: Path) -> None:
    conn = sqlite3.connect(seeded.db)
    with conn:
        conn.execute(
            "UPDATE orders SET status = ? WHERE order_no = ?", (OrderStatus.ON_HOLD.value, seeded.open_orders[0])
        )
    conn.close()
    check_unchanged_failure(
        seeded, packdesk_cmd, ["print", seeded.open_orders[0], "--printer", f"png://{tmp_path / 'labels'}"], "hold"
    )


def test_orders_with_unknown_status(seeded: Seeded, packdesk_cmd: list[str]) -> None:
    check_unchanged_failure(seeded, packdesk_cmd, ["orders", "--status", "nonsense"], "nonsense")


def test_ship_with_unknown_carrier(seeded: Seeded, packdesk_cmd: list[str]) -> None:
    check_unchanged_failure(
        seeded,
        packdesk_cmd,
        ["ship", seeded.open_orders[0], "--carrier", "NOPE", "--tracking", "73600316247999"],
        "carrier",
    )


def test_ship_with_a_tracking_number_used_by_another_order(seeded: Seeded, packdesk_cmd: list[str]) -> None:
    check_unchanged_failure(
        seeded,
        packdesk_cmd,
        ["ship", seeded.open_orders[0], "--carrier", "ZTO", "--tracking", USED_TRACKING],
        USED_TRACKING,
        seeded.shipped_order,
    )


def test_ship_unknown_order(seeded: Seeded, packdesk_cmd: list[str]) -> None:
    check_unchanged_failure(
        seeded, packdesk_cmd, ["ship", "1234", "--carrier", "ZTO", "--tracking", "73600316247999"], "1234"
    )


def test_pack_with_missing_scans_file(seeded: Seeded, packdesk_cmd: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing-file"
    check_unchanged_failure(seeded, packdesk_cmd, ["pack", "--scans", str(missing)], "missing-file")


def test_corrupt_database(seeded: Seeded, packdesk_cmd: list[str]) -> None:
    for extra in ("packdesk.db-wal", "packdesk.db-shm"):
        (seeded.data_dir / extra).unlink(missing_ok=True)
    garbage = bytes(range(256)) * 64
    seeded.db.write_bytes(garbage)
    done = run(packdesk_cmd, "orders", "--data-dir", str(seeded.data_dir), "--json")
    assert_clean_failure(done, "damaged")
    assert seeded.db.read_bytes() == garbage


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_locked_database(seeded: Seeded, packdesk_cmd: list[str], tmp_path: Path, journal: str) -> None:
    conn = sqlite3.connect(seeded.db, isolation_level=None)
    try:
        assert conn.execute(f"PRAGMA journal_mode = {journal}").fetchone()[0] == journal
    finally:
        conn.close()
    before = (logical_state(seeded.db), counts(seeded.db))
    labels = tmp_path / "labels"

    holder = sqlite3.connect(seeded.db, isolation_level=None, timeout=0)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        done = run(
            packdesk_cmd,
            "print",
            seeded.open_orders[0],
            "--printer",
            f"png://{labels}",
            "--data-dir",
            str(seeded.data_dir),
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert_clean_failure(done, "busy")
    assert (logical_state(seeded.db), counts(seeded.db)) == before
    assert not labels.exists() or not any(labels.iterdir())


def test_data_dir_that_is_a_regular_file(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    path = tmp_path / "not-a-folder"
    path.write_bytes(b"hello")
    for target in (path, path / "sub"):
        done = run(packdesk_cmd, "orders", "--data-dir", str(target))
        assert_clean_failure(done, str(path))
    assert path.read_bytes() == b"hello"


def test_data_dir_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    """workspace.py has a message for this case ("is a file, not a folder"); the seller should get it rather than
    the bare OS error text "File exists"."""
    path = tmp_path / "not-a-folder"
    path.write_bytes(b"hello")
    with pytest.raises(DataDirError, match="is a file, not a folder"):
        open_workspace(path)
    assert path.read_bytes() == b"hello"


def test_unwritable_data_dir(seeded: Seeded, packdesk_cmd: list[str]) -> None:
    before = (logical_state(seeded.db), counts(seeded.db))
    os.chmod(seeded.data_dir, 0o500)
    try:
        if os.access(seeded.data_dir, os.W_OK):
            pytest.skip("running with privileges that can write to a 0500 folder (root)")
        done = run(packdesk_cmd, "orders", "--data-dir", str(seeded.data_dir))
        assert_clean_failure(done, "write")
        fresh = run(packdesk_cmd, "orders", "--data-dir", str(seeded.data_dir / "new"))
        assert_clean_failure(fresh, "create")
    finally:
        os.chmod(seeded.data_dir, 0o700)
    assert (logical_state(seeded.db), counts(seeded.db)) == before

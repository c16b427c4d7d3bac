"""Packers, wrong-PIN counts and the audit log on a real SQLite file: what is written reads back as values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.domain.packers import Packer, PinCount
from app.persistence.packers import PackerRepository, PinCounts, record_audit
from app.persistence.rows import AuditRow
from app.services.workspace import Workspace

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
SUPERVISOR = "supervisor"


def test_a_packer_is_put_found_by_name_and_badge_and_put_again_with_a_new_badge(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        packers = PackerRepository(session)
        assert not packers.any()
        assert packers.put("李四", "hash-1", "B-1") == Packer("李四", "hash-1", "B-1", True)
    with workspace.session_factory.begin() as session:
        packers = PackerRepository(session)
        assert packers.any()
        assert packers.by_name("李四", active=True) == Packer("李四", "hash-1", "B-1", True)
        assert packers.by_name("王五") is None
        assert packers.badge_holder("B-1", active=True) == "李四" and packers.badge_holder("B-2") is None
        packers.put("李四", "hash-2", None)
    with workspace.session_factory() as session:
        packers = PackerRepository(session)
        assert packers.by_name("李四") == Packer("李四", "hash-2", None, True)
        assert packers.badge_holder("B-1") is None


def test_wrong_pins_count_up_lock_at_the_limit_and_only_a_full_clear_lifts_a_lock(workspace: Workspace) -> None:
    for n in (1, 2):
        with workspace.session_factory.begin() as session:
            count, locks = PinCounts(session).count_failure("packer:李四", NOW + timedelta(seconds=n), lock_after=3)
            assert count == PinCount("packer:李四", n, NOW + timedelta(seconds=n), None) and not locks
    with workspace.session_factory.begin() as session:
        count, locks = PinCounts(session).count_failure("packer:李四", NOW, lock_after=3)
        assert locks and count.failures == 3 and count.locked_at == NOW
    with workspace.session_factory.begin() as session:
        counts = PinCounts(session)
        count, locks = counts.count_failure("packer:李四", NOW, lock_after=3)
        assert not locks and count.failures == 4 and count.locked_at == NOW  # locked once, not again
        counts.clear_unlocked("packer:李四")
        assert counts.get("packer:李四") == count  # a lock-out stays
        counts.clear("packer:李四")
        assert counts.get("packer:李四") is None and counts.get("supervisor") is None
        counts.count_failure(SUPERVISOR, NOW, lock_after=3)
        counts.clear_unlocked(SUPERVISOR)
        assert counts.get(SUPERVISOR) is None


def test_an_audit_entry_is_written_in_the_callers_transaction(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        record_audit(session, NOW, "李四", "bench-1", "pin_failed", "packer", "李四", {"failures": 1})
    with workspace.session_factory() as session:
        row = session.execute(select(AuditRow)).scalar_one()
        assert (row.at, row.actor, row.station, row.action, row.entity, row.entity_id, row.detail) == (
            NOW, "李四", "bench-1", "pin_failed", "packer", "李四", {"failures": 1},
        )  # fmt: skip

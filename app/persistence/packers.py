"""Packers, their wrong-PIN counts and the audit log, read as domain values and written by intent
(persistence layer)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.domain.packers import Packer, PinCount
from app.persistence.rows import AuditRow, PackerRow, PinGuardRow


def _packer(row: PackerRow) -> Packer:
    return Packer(row.name, row.pin_hash, row.badge, row.active)


def _count(row: PinGuardRow) -> PinCount:
    return PinCount(row.subject, row.failures, row.last_failure_at, row.locked_at)


class PackerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_name(self, name: str, *, active: bool = False) -> Packer | None:
        """The packer called `name` (only an active one when `active`)."""
        query = select(PackerRow).where(PackerRow.name == name)
        if active:
            query = query.where(PackerRow.active.is_(True))
        row = self.session.execute(query).scalar_one_or_none()
        return None if row is None else _packer(row)

    def badge_holder(self, badge: str, *, active: bool = False) -> str | None:
        """The name of the packer (only an active one when `active`) whose badge this is."""
        query = select(PackerRow.name).where(PackerRow.badge == badge)
        if active:
            query = query.where(PackerRow.active.is_(True))
        return self.session.execute(query).scalar_one_or_none()

    def any(self) -> bool:
        """Whether any packer was ever added."""
        return self.session.execute(select(PackerRow.id).limit(1)).first() is not None

    def put(self, name: str, pin_hash: str, badge: str | None) -> Packer:
        """Adds the packer `name`, or gives them a new PIN and badge and makes them active again."""
        row = self.session.execute(select(PackerRow).where(PackerRow.name == name)).scalar_one_or_none()
        if row is None:
            row = PackerRow(name=name, pin_hash=pin_hash, badge=badge, active=True)
            self.session.add(row)
        else:
            row.pin_hash, row.badge, row.active = pin_hash, badge, True
        self.session.flush()
        return _packer(row)


class PinCounts:
    """Wrong PINs in a row per subject."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, subject: str) -> PinCount | None:
        row = self.session.get(PinGuardRow, subject)
        return None if row is None else _count(row)

    def count_failure(self, subject: str, now: datetime, lock_after: int) -> tuple[PinCount, bool]:
        """Adds one wrong PIN at `now` (atomically: an UPDATE, or the first count's INSERT) and locks the subject
        out when this one reaches `lock_after` wrong PINs; the count and whether this one locked it.

        Raises:
            IntegrityError: another process inserted the same subject's first count at once (count again).
        """
        done = self.session.execute(
            update(PinGuardRow)
            .where(PinGuardRow.subject == subject)
            .values(failures=PinGuardRow.failures + 1, last_failure_at=now)
        )
        if not done.rowcount:
            self.session.add(PinGuardRow(subject=subject, failures=1, last_failure_at=now))
            self.session.flush()
        row = self.session.execute(select(PinGuardRow).where(PinGuardRow.subject == subject)).scalar_one()
        locks = row.locked_at is None and row.failures >= lock_after
        if locks:
            row.locked_at = now
            self.session.flush()
        return _count(row), locks

    def clear_unlocked(self, subject: str) -> None:
        """Clears the count, unless the subject is locked out: only a supervisor lifts that (`clear`)."""
        self.session.execute(delete(PinGuardRow).where(PinGuardRow.subject == subject, PinGuardRow.locked_at.is_(None)))

    def clear(self, subject: str) -> None:
        """Lifts a lock-out and clears the count."""
        self.session.execute(delete(PinGuardRow).where(PinGuardRow.subject == subject))


def record_audit(
    session: Session, at: datetime, actor: str, station: str, action: str, entity: str, entity_id: str,
    detail: dict[str, Any],
) -> None:  # fmt: skip
    """Adds one entry to the audit log, in the caller's transaction."""
    session.add(
        AuditRow(at=at, actor=actor, station=station, action=action, entity=entity, entity_id=entity_id, detail=detail)
    )

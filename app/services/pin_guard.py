"""Limits on guessing PINs (services layer).

Each subject (one packer, by the name typed, or the station's supervisor PIN) gets FREE_TRIES wrong PINs in a row;
after that each try must wait, the wait doubling with every further wrong PIN (5 s, 10 s, ... at most 5 minutes), and
LOCK_AFTER wrong PINs in a row lock the subject out: a packer until a supervisor unlocks them (`packdesk packer unlock
NAME`), the supervisor PIN until it is set again (`packdesk supervisor pin`). The right PIN clears the count. Every
wrong PIN, every lock-out and every try refused while waiting or locked out is written to the audit log.

The count is written in a transaction of its own, committed before the answer: the caller's transaction is rolled back
when the PIN is wrong, and a count rolled back with it would make guessing free. No write lock is held while the PIN
is hashed (about 0.15 s), so scans at the bench never wait for a sign-in.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.messages import Message, msg
from app.domain.packers import PinCount
from app.persistence.packers import PinCounts
from app.services.audit import Actor, audit
from app.services.supervisor import NotAllowed, WrongPin, check_pin

FREE_TRIES = 3  # wrong PINs in a row before the tries must wait
LOCK_AFTER = 10  # wrong PINs in a row that lock the subject out
FIRST_WAIT = timedelta(seconds=5)
LONGEST_WAIT = timedelta(minutes=5)
SUPERVISOR = "supervisor"


class PinLocked(NotAllowed):
    """Too many wrong PINs: no PIN is checked until a supervisor resets the subject."""

    code = "pin_locked"


class PinWait(NotAllowed):
    """Too many wrong PINs just now: the next try must wait."""

    code = "pin_wait"


def packer_subject(name: str) -> str:
    return f"packer:{name.strip()[:60]}"


def wait_after(failures: int) -> timedelta:
    """How long the next try waits after `failures` wrong PINs in a row."""
    if failures < FREE_TRIES:
        return timedelta(0)
    return min(FIRST_WAIT * 2 ** (failures - FREE_TRIES), LONGEST_WAIT)


def guarded(session: Session, subject: str, actor: Actor, check: Callable[[], None], now: datetime) -> None:
    """Runs `check` (which raises WrongPin for a wrong PIN) unless the subject must wait or is locked out, and
    counts and audits the outcome.

    Args:
        session: any session on the database; the count is kept in a separate one, committed at once.
        subject: packer_subject(name) or SUPERVISOR.
        actor: who is trying, at which station (for the audit log).
        check: compares the PIN.
        now: the current time (UTC).

    Raises:
        PinWait: a try too soon after too many wrong PINs (the PIN is not even compared).
        PinLocked: the subject is locked out, or this wrong PIN locked it out.
        NotAllowed: what `check` raised (WrongPin for a wrong PIN).
    """
    entity, entity_id = _entity(subject)
    with Session(session.get_bind()) as own:
        row = PinCounts(own).get(subject)
        refusal = _refusal(row, subject, now)
        if refusal is not None:
            assert row is not None
            audit(own, actor, "pin_refused", entity, entity_id, reason=refusal.code, failures=row.failures)
            own.commit()
            raise refusal
        counted = row is not None and row.failures > 0
    try:
        check()
    except WrongPin:
        if _count_failure(session, subject, actor, now):
            raise PinLocked(_locked_message(subject)) from None
        raise
    if counted:
        with Session(session.get_bind()) as own, own.begin():
            # Not when a lock-out came in between (another process's wrong PIN): only a supervisor lifts that.
            PinCounts(own).clear_unlocked(subject)


def check_supervisor(session: Session, stored: str, pin: str, actor: Actor, now: datetime) -> None:
    """Checks the supervisor PIN against its hash `stored`, within the limits above.

    Raises:
        NotAllowed: no PIN set, wrong PIN (WrongPin), too soon (PinWait) or locked out (PinLocked).
    """
    guarded(session, SUPERVISOR, actor, lambda: check_pin(stored, pin), now)


def reset(session: Session, subject: str, actor: Actor) -> bool:
    """Lifts a subject's lock-out and clears its count, audited; False when nothing was counted."""
    counts = PinCounts(session)
    row = counts.get(subject)
    if row is None:
        return False
    entity, entity_id = _entity(subject)
    audit(session, actor, "pin_unlocked", entity, entity_id, failures=row.failures, locked=row.locked_at is not None)
    counts.clear(subject)
    return True


def is_locked(session: Session, subject: str) -> bool:
    row = PinCounts(session).get(subject)
    return row is not None and row.locked_at is not None


def _entity(subject: str) -> tuple[str, str]:
    kind, _, name = subject.partition(":")
    return kind, name or kind


def _locked_message(subject: str) -> Message:
    if subject == SUPERVISOR:
        return msg("pin.supervisor_locked")
    return msg("pin.packer_locked", name=_entity(subject)[1])


def _refusal(row: PinCount | None, subject: str, now: datetime) -> NotAllowed | None:
    if row is None:
        return None
    if row.locked_at is not None:
        return PinLocked(_locked_message(subject))
    wait = wait_after(row.failures)
    if not wait or row.last_failure_at is None:
        return None
    # A clock set back never stretches the wait beyond its length.
    left = min(row.last_failure_at + wait - now, wait)
    if left <= timedelta(0):
        return None
    seconds = math.ceil(left.total_seconds())
    return PinWait(msg("pin.wait", seconds=seconds), seconds=seconds)


def _count_failure(session: Session, subject: str, actor: Actor, now: datetime) -> bool:
    """Adds one wrong PIN (atomically: two processes never both count from the same number); True when this one
    locked the subject out."""
    entity, entity_id = _entity(subject)
    for _ in range(2):  # a first wrong PIN in two processes at once: one insert loses and counts again as an update
        try:
            with Session(session.get_bind()) as own, own.begin():
                row, locks = PinCounts(own).count_failure(subject, now, LOCK_AFTER)
                audit(own, actor, "pin_failed", entity, entity_id, failures=row.failures, locked=locks)
                return locks
        except IntegrityError:
            continue
    raise NotAllowed(msg("pin.wrong"))  # pragma: no cover - a third process keeps inserting the same first failure

"""Packers: who may sign in at a bench, by name and PIN or by scanning a badge (services layer).

Wrong PINs are limited per packer (app.services.pin_guard): a packer locked out signs in again once a supervisor
unlocked them with `unlock_packer`.
"""

from __future__ import annotations

import platform
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import msg
from app.persistence.rows import PackerRow
from app.services.audit import Actor
from app.services.pin_guard import check_supervisor, guarded, packer_subject, reset
from app.services.supervisor import ITERATIONS, NotAllowed, WrongPin, check_pin, hash_pin

# Compared with the PIN when nobody has the name typed: an unknown name costs the same time as a wrong PIN, so the
# answer's speed does not tell which names exist. No PIN hashes to zeros.
_NOBODY = f"pbkdf2${ITERATIONS}${'00' * 16}${'00' * 32}"


def add_packer(session: Session, name: str, pin: str, badge: str | None = None) -> PackerRow:
    """Adds (or updates) a packer.

    Raises:
        InvalidInput: an empty name, or a badge that belongs to someone else.
        NotAllowed: a PIN that is not 4-12 digits.
    """
    name = name.strip()
    if not name:
        raise InvalidInput(msg("packer.name_missing"))
    badge = (badge or "").strip() or None
    if badge:
        other = session.execute(select(PackerRow).where(PackerRow.badge == badge)).scalar_one_or_none()
        if other is not None and other.name != name:
            raise InvalidInput(msg("packer.badge_taken", badge=badge, name=other.name))
    row = session.execute(select(PackerRow).where(PackerRow.name == name)).scalar_one_or_none()
    if row is None:
        row = PackerRow(name=name, pin_hash=hash_pin(pin), badge=badge, active=True)
        session.add(row)
    else:
        row.pin_hash, row.badge, row.active = hash_pin(pin), badge, True
    session.flush()
    return row


def by_badge(session: Session, code: str) -> str | None:
    """The name of the active packer whose badge this is, or None."""
    return session.execute(
        select(PackerRow.name).where(PackerRow.badge == code.strip(), PackerRow.active.is_(True))
    ).scalar_one_or_none()


def sign_in(session: Session, name: str, pin: str, *, station: str | None = None, now: datetime | None = None) -> str:
    """Checks a packer's name and PIN; returns the name. Wrong PINs are counted, audited and limited per name typed.

    Args:
        station: where the try comes from, for the audit log (default: this computer's name).
        now: the current time (default: now).

    Raises:
        NotAllowed: unknown packer or wrong PIN (the message does not say which); PinWait or PinLocked after too
            many wrong PINs.
    """
    name = name.strip()
    row = session.execute(
        select(PackerRow).where(PackerRow.name == name, PackerRow.active.is_(True))
    ).scalar_one_or_none()
    actor = Actor(name[:60], station or platform.node() or "station")

    def check() -> None:
        try:
            check_pin(row.pin_hash if row is not None else _NOBODY, pin)
        except NotAllowed:
            raise WrongPin(msg("packer.wrong_pin")) from None

    guarded(session, packer_subject(name), actor, check, now or datetime.now(UTC))
    assert row is not None  # check() passed
    return row.name


def unlock_packer(session: Session, name: str, supervisor_hash: str, supervisor_pin: str, actor: Actor) -> bool:
    """A supervisor lets a packer locked out by wrong PINs sign in again (audited); False when they were not.

    Raises:
        NotAllowed: the supervisor PIN is wrong (counted like any supervisor PIN), missing or locked.
        NotFound: no packer has that name.
    """
    name = name.strip()
    check_supervisor(session, supervisor_hash, supervisor_pin, actor, datetime.now(UTC))
    if session.execute(select(PackerRow.id).where(PackerRow.name == name)).first() is None:
        raise NotFound(msg("packer.not_found", name=name))
    return reset(session, packer_subject(name), actor)

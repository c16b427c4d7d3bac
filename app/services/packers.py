"""Packers: who may sign in at a bench, by name and PIN or by scanning a badge (services layer).

Wrong PINs are limited per packer (app.services.pin_guard): a packer locked out signs in again once a supervisor
unlocked them with `unlock_packer`.
"""

from __future__ import annotations

import platform
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import msg
from app.domain.packers import Packer
from app.persistence.packers import PackerRepository
from app.services.audit import Actor
from app.services.pin_guard import check_supervisor, guarded, packer_subject, reset
from app.services.supervisor import ITERATIONS, NotAllowed, WrongPin, check_pin, hash_pin

# Compared with the PIN when nobody has the name typed: an unknown name costs the same time as a wrong PIN, so the
# answer's speed does not tell which names exist. No PIN hashes to zeros.
_NOBODY = f"pbkdf2${ITERATIONS}${'00' * 16}${'00' * 32}"


def add_packer(session: Session, name: str, pin: str, badge: str | None = None) -> Packer:
    """Adds (or updates) a packer.

    Raises:
        InvalidInput: an empty name, or a badge that belongs to someone else.
        NotAllowed: a PIN that is not 4-12 digits.
    """
    name = name.strip()
    if not name:
        raise InvalidInput(msg("packer.name_missing"))
    badge = (badge or "").strip() or None
    packers = PackerRepository(session)
    if badge:
        other = packers.badge_holder(badge)
        if other is not None and other != name:
            raise InvalidInput(msg("packer.badge_taken", badge=badge, name=other))
    return packers.put(name, hash_pin(pin), badge)


def by_badge(session: Session, code: str) -> str | None:
    """The name of the active packer whose badge this is, or None."""
    return PackerRepository(session).badge_holder(code.strip(), active=True)


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
    row = PackerRepository(session).by_name(name, active=True)
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
    if PackerRepository(session).by_name(name) is None:
        raise NotFound(msg("packer.not_found", name=name))
    return reset(session, packer_subject(name), actor)

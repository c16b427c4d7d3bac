"""Packers: who may sign in at a bench, by name and PIN or by scanning a badge."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.persistence.rows import PackerRow
from app.services.supervisor import NotAllowed, check_pin, hash_pin


def add_packer(session: Session, name: str, pin: str, badge: str | None = None) -> PackerRow:
    """Adds (or updates) a packer.

    Raises:
        InvalidInput: an empty name, or a badge that belongs to someone else.
        NotAllowed: a PIN that is not 4-12 digits.
    """
    name = name.strip()
    if not name:
        raise InvalidInput("A packer needs a name.")
    badge = (badge or "").strip() or None
    if badge:
        other = session.execute(select(PackerRow).where(PackerRow.badge == badge)).scalar_one_or_none()
        if other is not None and other.name != name:
            raise InvalidInput(f"Badge {badge} belongs to {other.name}.")
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


def sign_in(session: Session, name: str, pin: str) -> str:
    """Checks a packer's name and PIN; returns the name.

    Raises:
        NotAllowed: unknown packer or wrong PIN (the message does not say which).
    """
    row = session.execute(
        select(PackerRow).where(PackerRow.name == name.strip(), PackerRow.active.is_(True))
    ).scalar_one_or_none()
    try:
        if row is None:
            raise NotAllowed("x")
        check_pin(row.pin_hash, pin)
    except NotAllowed:
        raise NotAllowed("Unknown packer or wrong PIN.") from None
    return row.name


def add_demo_packer(session: Session, name: str) -> None:
    """The demo packer, so that an idle demo bench can be unlocked: PIN 0000, badge PD-BADGE-0001 (added only when
    no packer exists yet)."""
    from app.demo.seed import DEMO_BADGE, DEMO_PACKER_PIN

    if session.execute(select(PackerRow.id).limit(1)).first() is None:
        add_packer(session, name, DEMO_PACKER_PIN, DEMO_BADGE)

"""The demo bench's packer and supervisor PIN (demo): set through the same services a seller uses, so that an idle
demo bench can be unlocked (packer PIN 0000 or badge PD-BADGE-0001, supervisor PIN 000000)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.persistence.packers import PackerRepository
from app.services.packers import add_packer
from app.services.supervisor import NotAllowed, check_pin, hash_supervisor_pin

DEMO_PACKER_PIN = "0000"
DEMO_BADGE = "PD-BADGE-0001"
DEMO_SUPERVISOR_PIN = "000000"  # a supervisor PIN has at least 6 digits
OLD_DEMO_SUPERVISOR_PIN = "0000"  # what demo stations set before that rule


def add_demo_packer(session: Session, name: str) -> None:
    """The demo packer with PIN 0000 and badge PD-BADGE-0001 (added only when no packer exists yet)."""
    if not PackerRepository(session).any():
        add_packer(session, name, DEMO_PACKER_PIN, DEMO_BADGE)


def demo_supervisor_hash(stored: str) -> str:
    """The demo station's supervisor PIN hash: the demo's PIN (000000) when none is set or when it is still the old
    demo's 0000 (too short now); any PIN the seller set is kept."""
    if stored.count("$") == 3:
        return stored  # hashed under the 6-digit rule (the old demo's hash has no rounds count)
    if stored:
        try:
            check_pin(stored, OLD_DEMO_SUPERVISOR_PIN)
        except NotAllowed:
            return stored
    return hash_supervisor_pin(DEMO_SUPERVISOR_PIN)

"""Who packs, and how many wrong PINs in a row a subject has tried (domain layer).

A `Packer` signs in at a bench with name and PIN or a badge; a `PinCount` is the wrong-PIN count of one subject
("packer:<name>" or "supervisor") that app.services.pin_guard turns into waits and lock-outs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Packer:
    name: str
    pin_hash: str
    badge: str | None
    active: bool


@dataclass(frozen=True)
class PinCount:
    subject: str
    failures: int
    last_failure_at: datetime | None
    locked_at: datetime | None

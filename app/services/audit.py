"""The audit log: who did what, where, when (services layer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.persistence.packers import record_audit


@dataclass(frozen=True)
class Actor:
    """Who acts and at which station; every recorded event carries both."""

    name: str
    station: str


def audit(session: Session, actor: Actor, action: str, entity: str, entity_id: str | int, **detail: Any) -> None:
    """Records that `actor` did `action` to `entity` `entity_id`, with `detail`, in the caller's transaction."""
    record_audit(session, datetime.now(UTC), actor.name, actor.station, action, entity, str(entity_id), detail)

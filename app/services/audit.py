"""The audit log: who did what, where, when (services layer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.persistence.rows import AuditRow


@dataclass(frozen=True)
class Actor:
    """Who acts and at which station; every recorded event carries both."""

    name: str
    station: str


def audit(session: Session, actor: Actor, action: str, entity: str, entity_id: str | int, **detail: Any) -> None:
    session.add(
        AuditRow(
            at=datetime.now(UTC),
            actor=actor.name,
            station=actor.station,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            detail=detail,
        )
    )

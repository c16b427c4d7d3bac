"""The packer's pace today, from the scan record: parcels, units, per hour, and the mistakes the station caught."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import ScanOutcome
from app.domain.orders import CHINA_TZ
from app.persistence.rows import ScanEventRow

IDLE = timedelta(minutes=5)  # a gap longer than this is a break, not packing time
CAUGHT = {ScanOutcome.WRONG_ITEM.value, ScanOutcome.OVER_SCAN.value, ScanOutcome.INTERCEPTED.value}


@dataclass(frozen=True)
class Pace:
    parcels: int
    units: int
    caught: int  # wrong items, extra units and stopped parcels
    active: timedelta  # time spent scanning, breaks left out

    @property
    def parcels_per_hour(self) -> float:
        hours = self.active.total_seconds() / 3600
        return self.parcels / hours if hours > 0 else 0.0

    @property
    def units_per_hour(self) -> float:
        hours = self.active.total_seconds() / 3600
        return self.units / hours if hours > 0 else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "parcels": self.parcels,
            "units": self.units,
            "caught": self.caught,
            "active_minutes": round(self.active.total_seconds() / 60, 1),
            "parcels_per_hour": round(self.parcels_per_hour, 1),
            "units_per_hour": round(self.units_per_hour, 1),
        }


def pace_today(session_factory: sessionmaker[Session], packer: str, now: datetime) -> Pace:
    """`packer`'s pace since midnight, China time."""
    midnight = now.astimezone(CHINA_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
    with session_factory() as session:
        rows = session.execute(
            select(ScanEventRow.at, ScanEventRow.outcome, ScanEventRow.units)
            .where(ScanEventRow.packer == packer, ScanEventRow.at >= midnight)
            .order_by(ScanEventRow.id)
        ).all()
    parcels = units = caught = 0
    active = timedelta()
    previous: datetime | None = None
    for at, outcome, n in rows:
        if outcome == ScanOutcome.SHIPPED.value:
            parcels += 1
        elif outcome in (ScanOutcome.ITEM_OK.value, ScanOutcome.UNDONE.value):
            units += n  # an undo is recorded with negative units
        elif outcome in CAUGHT:
            caught += 1
        if previous is not None and at - previous <= IDLE:
            active += at - previous
        previous = at
    return Pace(parcels, units, caught, active)

"""The packer's pace today, from the scan record: parcels, units, per hour, and the mistakes the station caught."""

from __future__ import annotations

import threading
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
    return PaceCounter().update(session_factory, packer, now)


class PaceCounter:
    """`pace_today`, kept up to date by reading only the scans recorded since the last update (a bench refreshes
    its pace after every parcel; reading the whole day each time would grow slower as the day goes on)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[str, datetime] | None = None  # (packer, midnight) the totals are for
        self._reset()

    def _reset(self) -> None:
        self.parcels = self.units = self.caught = 0
        self.active = timedelta()
        self.last_id = 0
        self.last_at: datetime | None = None

    def update(self, session_factory: sessionmaker[Session], packer: str, now: datetime) -> Pace:
        midnight = now.astimezone(CHINA_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
        with self._lock:
            if self._key != (packer, midnight):
                self._key = (packer, midnight)
                self._reset()
            # New rows by id, not by time: another bench's clock may run a little behind this one's.
            with session_factory() as session:
                rows = session.execute(
                    select(ScanEventRow.id, ScanEventRow.at, ScanEventRow.outcome, ScanEventRow.units)
                    .where(ScanEventRow.packer == packer, ScanEventRow.at >= midnight, ScanEventRow.id > self.last_id)
                    .order_by(ScanEventRow.id)
                ).all()
            for row_id, at, outcome, n in rows:
                if outcome == ScanOutcome.SHIPPED.value:
                    self.parcels += 1
                elif outcome in (ScanOutcome.ITEM_OK.value, ScanOutcome.UNDONE.value):
                    self.units += n  # an undo is recorded with negative units
                elif outcome in CAUGHT:
                    self.caught += 1
                if self.last_at is not None and timedelta(0) <= at - self.last_at <= IDLE:
                    self.active += at - self.last_at
                self.last_id, self.last_at = row_id, at
            return Pace(self.parcels, self.units, self.caught, self.active)

"""The packer's pace today, from the scan record: parcels, units, per hour, and the mistakes the station caught.

A rate is measured, never extrapolated: it covers the last half hour of actual packing (breaks left out) and is
given only once that holds enough parcels to mean something; until then the pace is the counts alone.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import ScanOutcome
from app.domain.orders import CHINA_TZ
from app.persistence.scan_log import packer_scans

IDLE = timedelta(minutes=5)  # a gap longer than this is a break, not packing time
WINDOW = timedelta(minutes=30)  # a rate covers this much of the latest packing time
MIN_PARCELS = 5  # ... and is given only when that time holds at least this many parcels
CAUGHT = {ScanOutcome.WRONG_ITEM.value, ScanOutcome.OVER_SCAN.value, ScanOutcome.INTERCEPTED.value}
UNITS = (ScanOutcome.ITEM_OK.value, ScanOutcome.UNDONE.value)  # an undo is recorded with negative units


@dataclass(frozen=True)
class Pace:
    parcels: int
    units: int
    caught: int  # wrong items, extra units and stopped parcels
    active: timedelta  # time spent scanning, breaks left out
    recent: timedelta = timedelta()  # the latest packing time the rates cover: WINDOW, or less early in the day
    recent_parcels: int = 0  # parcels shipped in it
    recent_units: int = 0  # units verified in it

    @property
    def parcels_per_hour(self) -> float | None:
        """Parcels an hour over the last half hour of packing; None while that holds too few parcels for a rate."""
        return self._per_hour(self.recent_parcels)

    @property
    def units_per_hour(self) -> float | None:
        """Units an hour over the same time as `parcels_per_hour`; None when it is None."""
        return self._per_hour(self.recent_units)

    def _per_hour(self, count: int) -> float | None:
        if self.recent_parcels < MIN_PARCELS or self.recent <= timedelta():
            return None
        return count / (self.recent.total_seconds() / 3600)

    def to_json(self) -> dict[str, float | int | None]:
        parcels_per_hour, units_per_hour = self.parcels_per_hour, self.units_per_hour
        return {
            "parcels": self.parcels,
            "units": self.units,
            "caught": self.caught,
            "active_minutes": round(self.active.total_seconds() / 60, 1),
            "parcels_per_hour": None if parcels_per_hour is None else round(parcels_per_hour, 1),
            "units_per_hour": None if units_per_hour is None else round(units_per_hour, 1),
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
        # the parcels and units of the last WINDOW of packing time: (packing time so far when counted, parcels, units)
        self._recent: deque[tuple[timedelta, int, int]] = deque()
        self._recent_parcels = self._recent_units = 0

    def update(self, session_factory: sessionmaker[Session], packer: str, now: datetime) -> Pace:
        midnight = now.astimezone(CHINA_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
        with self._lock:
            if self._key != (packer, midnight):
                self._key = (packer, midnight)
                self._reset()
            with session_factory() as session:
                rows = packer_scans(session, packer, midnight, self.last_id)
            for row_id, at, outcome, n in rows:
                if self.last_at is not None and timedelta(0) <= at - self.last_at <= IDLE:
                    self.active += at - self.last_at
                self.last_id, self.last_at = row_id, at
                if outcome == ScanOutcome.SHIPPED.value:
                    self.parcels += 1
                    self._count_recent(1, 0)
                elif outcome in UNITS:
                    self.units += n
                    self._count_recent(0, n)
                elif outcome in CAUGHT:
                    self.caught += 1
            start = self.active - WINDOW  # what was counted at or before this much packing time has left the window
            while self._recent and self._recent[0][0] <= start:
                _at, parcels, units = self._recent.popleft()
                self._recent_parcels -= parcels
                self._recent_units -= units
            return Pace(
                self.parcels, self.units, self.caught, self.active,
                min(self.active, WINDOW), self._recent_parcels, self._recent_units,
            )  # fmt: skip

    def _count_recent(self, parcels: int, units: int) -> None:
        self._recent.append((self.active, parcels, units))
        self._recent_parcels += parcels
        self._recent_units += units

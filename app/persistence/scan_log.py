"""The station's scan log: one short insert per scan, and reading a parcel back from it (persistence layer).

Every scan at a bench is recorded as it happens (`ScanEventRow`); after a crash, a restart or a park, the station
reads back from that record where the parcel was: the packing attempt under way and the items it put in the box, or
a label printed before its waybill was scanned onto the parcel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Protocol

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from app.domain.enums import ScanOutcome
from app.persistence.rows import ScanEventRow

# What ends a packing attempt (its counts no longer apply): shipped, printed, stopped, reopened, a failed print.
ENDED = frozenset(
    {
        ScanOutcome.INTERCEPTED.value,
        ScanOutcome.SHIPPED.value,
        ScanOutcome.LABEL_PRINTED.value,
        ScanOutcome.REOPENED.value,
        ScanOutcome.PRINT_FAILED.value,
    }
)

Boxed = list[tuple[str, int]]  # (SKU, units) of each accepted item scan, undo applied


class ScanRecord(Protocol):
    """What the station reads of a recorded scan (the history's events are read-only to it)."""

    @property
    def id(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def outcome(self) -> str: ...
    @property
    def sku(self) -> str | None: ...


@cache
def _RECORD_SCAN():  # noqa: N802, ANN202 - built once: every scan writes one row
    return insert(ScanEventRow.__table__)


def record_scan(
    db: Session, at: datetime, station: str, packer: str, order_id: int | None, code: str, outcome: ScanOutcome,
    sku: str | None = None, units: int = 0,
) -> None:  # fmt: skip
    """Records one scan and what it meant."""
    # one Core INSERT: every scan writes one row, and the ORM's unit of work would cost more than the write
    db.execute(
        _RECORD_SCAN(),
        {"at": at, "station": station, "packer": packer, "order_id": order_id, "code": code,
         "outcome": outcome.value, "sku": sku, "units": units},
    )  # fmt: skip


def last_opened_order(db: Session, station: str) -> int | None:
    """The row id of the order `station` last opened a parcel for (None: it never opened one)."""
    return db.execute(
        select(ScanEventRow.order_id)
        .where(
            ScanEventRow.station == station,
            ScanEventRow.outcome == ScanOutcome.ORDER_OPENED.value,
            ScanEventRow.order_id.is_not(None),
        )
        .order_by(ScanEventRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def packer_scans(db: Session, packer: str, since: datetime, after_id: int) -> Sequence[tuple[int, datetime, str, int]]:
    """`packer`'s scans at or after `since` recorded after scan `after_id`, oldest first: (id, at, outcome, units)."""
    # By id, not by time: another bench's clock may run a little behind this one's.
    return [
        (row_id, at, outcome, units)
        for row_id, at, outcome, units in db.execute(
            select(ScanEventRow.id, ScanEventRow.at, ScanEventRow.outcome, ScanEventRow.units)
            .where(ScanEventRow.packer == packer, ScanEventRow.at >= since, ScanEventRow.id > after_id)
            .order_by(ScanEventRow.id)
        )
    ]


@cache
def _SINCE_LAST_END():  # noqa: N802, ANN202 - built once: every opening reads them
    """A station's last event that ended an attempt at one order (if any), then its scans of it since."""
    floor = (
        select(func.max(ScanEventRow.id))
        .where(
            ScanEventRow.station == bindparam("station"),
            ScanEventRow.order_id == bindparam("order_id"),
            ScanEventRow.outcome.in_(sorted(ENDED)),
        )
        .scalar_subquery()
    )
    return (
        select(ScanEventRow)
        .where(
            ScanEventRow.station == bindparam("station"),
            ScanEventRow.order_id == bindparam("order_id"),
            ScanEventRow.id >= func.coalesce(floor, 0),
        )
        .order_by(ScanEventRow.id)
    )


@cache
def _BEFORE():  # noqa: N802, ANN202 - built once
    """A station's scans of one order before a given event, oldest first."""
    return (
        select(ScanEventRow)
        .where(
            ScanEventRow.station == bindparam("station"),
            ScanEventRow.order_id == bindparam("order_id"),
            ScanEventRow.id < bindparam("before"),
        )
        .order_by(ScanEventRow.id)
    )


def history(db: Session, station: str, order_id: int) -> tuple[ScanEventRow | None, Sequence[ScanEventRow]]:
    """`station`'s last event that ended an attempt at an order (None: none did) and its scans of it since."""
    events = db.execute(_SINCE_LAST_END(), {"station": station, "order_id": order_id}).scalars().all()
    if events and events[0].outcome in ENDED:
        return events[0], events[1:]
    return None, events


def current_attempt(events: Sequence[ScanEventRow]) -> tuple[ScanEventRow, Boxed, str] | None:
    """The packing attempt in `events` (one station's scans of one order since the last end), if one began there:
    its first opening, the item scans it accepted (undo applied) and the outcome of its last event."""
    # The attempt begins at the first opening (scanning the open order's own slip again records another opening;
    # its items still count).
    start = next((i for i, ev in enumerate(events) if ev.outcome == ScanOutcome.ORDER_OPENED.value), None)
    if start is None:
        return None
    accepted: Boxed = []
    for ev in events[start:]:
        if ev.sku is None:
            continue
        if ev.outcome == ScanOutcome.ITEM_OK.value:
            accepted.append((ev.sku, ev.units))
        elif ev.outcome == ScanOutcome.UNDONE.value:
            for i in range(len(accepted) - 1, -1, -1):
                if accepted[i][0] == ev.sku:
                    del accepted[i]
                    break
    # what the parcel itself last did: its slip scanned while another parcel was open says nothing about it
    last = next(
        (ev.outcome for ev in reversed(events) if ev.outcome != ScanOutcome.ORDER_BUSY.value), events[-1].outcome
    )
    return events[start], accepted, last


def boxed_before_label(db: Session, station: str, order_id: int, label_event_id: int) -> Boxed | None:
    """The items in the parcel whose label `station` printed at its scan event `label_event_id`: those of the
    attempt that ended there, going back over failed prints (the order scanned again after a failure prints the
    same parcel's label). None when the record shows no such attempt."""
    events = list(db.execute(_BEFORE(), {"station": station, "order_id": order_id, "before": label_event_id}).scalars())
    upper = len(events)
    for i in range(len(events) - 1, -2, -1):
        if i >= 0 and events[i].outcome not in ENDED:
            continue
        attempt = current_attempt(events[i + 1 : upper])
        if attempt is not None:
            return attempt[1]
        if i < 0 or events[i].outcome != ScanOutcome.PRINT_FAILED.value:
            return None  # an earlier parcel's end: nothing was packed for this label here
        upper = i
    return None

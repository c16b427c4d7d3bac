"""What the station screen asks of the engine, one plain function per operation (core layer, Qt-free).

Each runs on a background lane (the window's TaskRunner) and returns a `StationSnapshot`: a copy of what the panel
shows, taken on the worker, so the window never reads live engine state nor opens a database session itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from app.domain.orders import Order
from app.domain.station_events import StationEvent
from app.services.pace import Pace, PaceCounter
from app.services.packers import by_badge, sign_in
from app.station.engine import Station

VERDICT_WAIT_S = 0.1  # how long a finishing scan waits for the window to show its verdict


@dataclass(frozen=True)
class StationSnapshot:
    """What the panel needs after a scan, copied on the worker so the GUI never reads live engine state."""

    events: list[StationEvent]
    order: Order | None
    scanned: dict[str, int] = field(default_factory=dict)
    complete: bool = False
    checking: bool = False  # complete, and the platform is being asked about the order before its label prints


def snapshot(station: Station, events: list[StationEvent]) -> StationSnapshot:
    """The open parcel as it is now, with the `events` that made it so."""
    session = station.session
    if session is None:
        return StationSnapshot(events, None)
    return StationSnapshot(events, session.order, dict(session.scanned), session.complete)


def scan_and_snapshot(
    station: Station,
    code: str,
    report: Callable[[StationSnapshot], None] | None = None,
    shown: threading.Event | None = None,
) -> StationSnapshot:
    """One scan on the worker. With `report`, a scan that completes the parcel reports the verdict before the label
    renders and prints; the same job then finishes the parcel, so no other scan can come in between. With `shown`,
    it first waits (briefly) until the window has painted that verdict: rendering the label meanwhile would hold
    the interpreter the window needs to paint it."""
    if report is None:
        return snapshot(station, station.scan(code))
    events = station.scan(code, then_finish=False)
    if station.finishing:
        checking = station.order is not None and station.asks_platform(station.order)
        report(replace(snapshot(station, events), checking=checking))
        if shown is not None:
            shown.wait(VERDICT_WAIT_S)
        events = events + station.finish_due()
    return snapshot(station, events)


def _one(station: Station, event: StationEvent | None) -> StationSnapshot:
    return snapshot(station, [event] if event else [])


def undo_and_snapshot(station: Station) -> StationSnapshot:
    """Takes back the last item scanned."""
    return _one(station, station.undo())


def park_and_snapshot(station: Station) -> StationSnapshot:
    """Sets the open parcel aside with its counts."""
    return _one(station, station.park())


def reopen_and_snapshot(station: Station, code: str) -> StationSnapshot:
    """Reopens a parcel closed by mistake."""
    return snapshot(station, station.reopen(code))


def resume_and_snapshot(station: Station) -> StationSnapshot | None:
    """The parcel the bench had open when PackDesk stopped, or None when there was none."""
    events = station.resume()
    return snapshot(station, events) if events else None


def recheck_and_snapshot(station: Station) -> StationSnapshot | None:
    """The open parcel checked against the cache again; None when nothing stops it."""
    event = station.recheck()
    return snapshot(station, [event]) if event else None


def supervisor_name(station: Station) -> str:
    """How a supervisor's action at this bench is recorded."""
    return f"supervisor@{station.actor.station}"


def override_and_snapshot(station: Station, code: str, reason: str) -> StationSnapshot:
    """A supervisor lets a stopped order be packed after all (the PIN was checked by the caller)."""
    return snapshot(station, station.override(code, supervisor_name(station), reason))


def bind_and_snapshot(station: Station, code: str, sku: str, units: int) -> StationSnapshot:
    """A supervisor binds an unknown code to one of the open order's SKUs."""
    return snapshot(station, station.bind_code(code, sku, units, supervisor_name(station)))


def confirm_and_snapshot(station: Station, sku: str, reason: str) -> StationSnapshot:
    """A supervisor confirms one item by hand (its barcode will not scan)."""
    return snapshot(station, station.confirm_by_hand(sku, supervisor_name(station), reason))


def sign_in_with_pin(station: Station, name: str, pin: str) -> str:
    """Signs a packer in at the bench by name and PIN; returns the name.

    Raises:
        PackDeskError: the name or PIN is refused (wrong PINs are counted and limited).
    """
    with station.session_factory() as session:
        who = sign_in(session, name, pin)
    station.sign_in(who)
    return who


def sign_in_by_badge(station: Station, code: str) -> str | None:
    """Signs in the packer whose badge `code` is; None when it is nobody's badge."""
    with station.session_factory() as session:
        who = by_badge(session, code)
    if who is not None:
        station.sign_in(who)
    return who


def pace_today(station: Station, counter: PaceCounter) -> Pace:
    """The signed-in packer's day so far."""
    return counter.update(station.session_factory, station.actor.name, datetime.now(UTC))

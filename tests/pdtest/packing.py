"""Station test helpers: the demo packer, picking demo orders, what a packer scans."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.enums import OrderStatus
from app.domain.orders import Order
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.workspace import Workspace
from app.station import Station, StationEvent

ACTOR = Actor("王小明", "bench-7")


def pick(ws: Workspace, ok: Callable[[Order], bool], skip: int = 0) -> Order:
    found = [o for o in list_orders(ws.session_factory, limit=1000) if ok(o)]
    assert len(found) > skip, "the demo data has no such order"
    return found[skip]


def simple(min_lines: int = 1) -> Callable[[Order], bool]:
    def ok(o: Order) -> bool:
        return (
            o.status is OrderStatus.AWAITING_SHIPMENT
            and not o.refund_requested
            and len(o.lines) >= min_lines
            and sum(ln.qty for ln in o.lines) <= 12
        )

    return ok


def units_scans(order: Order) -> list[str]:
    """What a packer scans: each line's first (single-unit) barcode, qty times."""
    return [ln.barcodes[0] for ln in order.lines for _ in range(ln.qty)]


def pack_all_but_one(station: Station, order: Order, **scan_options: bool) -> str:
    """Opens `order` and verifies all of it but its last unit; returns that unit's code, still to be scanned."""
    scans = units_scans(order)
    station.scan(order.order_no)
    for code in scans[:-1]:
        station.scan(code, **scan_options)
    return scans[-1]


def names(events: list[StationEvent]) -> list[str]:
    return [e.event.value for e in events]

"""Stock that prevents oversell (domain layer, pure): which waiting orders on-hand stock covers, oldest paid first.

PackDesk keeps stock only for tracked SKUs (the seller gave an on-hand figure: a sheet's stock column, `stock set`,
an adjustment or a count); an order line of any other SKU never makes an order short.

The allotment walks the waiting orders (awaiting shipment, partly shipped, out of stock) and counts only their lines
still to ship that a refund does not stop (app.domain.orders.is_packable), per tracked product:

1. First the committed orders, oldest paid first: those with a live parcel (its number allocated or its label
   printed: the print queue took it, the box is being packed or waits for the carrier) and those a supervisor let
   go out of stock (orders.stock_override). They take what they need of what is left, as much as there is, and are
   never short: their parcel leaves anyway, and counting them first keeps an older unprinted order from being
   promised the units already in their box. The print queue never gives an out-of-stock order a parcel, so an
   order becomes committed only once it was covered (or overridden), and allotting it first then moves no one.
2. Then every other waiting order, oldest paid first (id breaks ties). An order whose units can all be covered by
   what is left takes them (reserved). One that cannot takes nothing and is out of stock (缺货待补货) with, per
   product, how many units are missing; younger orders that can be covered still take theirs and ship.

Never more is reserved than is on hand, and an order is short only when what is left after the older orders (and the
committed ones) cannot cover it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.enums import OrderStatus

WAITING = (OrderStatus.AWAITING_SHIPMENT, OrderStatus.PARTLY_SHIPPED, OrderStatus.OUT_OF_STOCK)
MOVE_KINDS = ("set", "adjust", "count", "import", "ship")
MOST_UNITS = 10_000_000  # a figure beyond this is a typo, not a warehouse


@dataclass(frozen=True)
class Shortage:
    """What keeps an order out of stock: `missing` units of `sku` on-hand stock could not cover."""

    sku: str
    missing: int

    def to_json(self) -> dict[str, Any]:
        return {"sku": self.sku, "missing": self.missing}


def describe(short: Iterable[Shortage]) -> str:
    """'MUG-01 x2, TEA-03 x1': the shortages as a refusal names them (the same in every language)."""
    return ", ".join(f"{s.sku} x{s.missing}" for s in short)


@dataclass(frozen=True)
class WaitingOrder:
    """A waiting order as the allotment sees it.

    Attributes:
        id: the order's id (breaks ties between orders paid at the same moment).
        paid_at: when it was paid (older first).
        needs: tracked product id -> units its packable lines still to ship take.
        committed: it has a live parcel, or a supervisor let it go out of stock: allotted first, never short.
    """

    id: int
    paid_at: datetime
    needs: Mapping[int, int] = field(default_factory=dict)
    committed: bool = False


@dataclass(frozen=True)
class Allotment:
    """What the allotment decided: units reserved per product, and per short order the units missing per product."""

    reserved: dict[int, int]
    short: dict[int, dict[int, int]]


def allot(on_hand: Mapping[int, int], orders: Iterable[WaitingOrder]) -> Allotment:
    """Allots on-hand stock to waiting orders (see the module's rules).

    Args:
        on_hand: tracked product id -> units on hand (a product missing here has none; negative counts as none).
        orders: the waiting orders, in any order; needs of untracked products are ignored.

    Returns:
        The units reserved per product (only products with some reserved) and the short orders.
    """
    left = {pid: max(units, 0) for pid, units in on_hand.items()}
    reserved: dict[int, int] = {}
    short: dict[int, dict[int, int]] = {}
    for order in sorted(orders, key=lambda o: (not o.committed, o.paid_at, o.id)):
        needs = {pid: units for pid, units in order.needs.items() if units > 0 and pid in left}
        if not needs:
            continue
        if order.committed:
            for pid, units in needs.items():
                took = min(units, left[pid])
                if took:
                    left[pid] -= took
                    reserved[pid] = reserved.get(pid, 0) + took
            continue
        missing = {pid: units - left[pid] for pid, units in needs.items() if units > left[pid]}
        if missing:
            short[order.id] = missing
            continue
        for pid, units in needs.items():
            left[pid] -= units
            reserved[pid] = reserved.get(pid, 0) + units
    return Allotment(reserved, short)


def status_after(status: OrderStatus, *, short: bool, shipped_some: bool) -> OrderStatus:
    """A waiting order's status once the allotment has spoken: out of stock while short; back to awaiting shipment
    (partly shipped when a line already left in an earlier parcel) when no longer short. Other statuses stay."""
    if status not in WAITING:
        return status
    if short:
        return OrderStatus.OUT_OF_STOCK
    if status is OrderStatus.OUT_OF_STOCK:
        return OrderStatus.PARTLY_SHIPPED if shipped_some else OrderStatus.AWAITING_SHIPMENT
    return status


def shipped_from(on_hand: int, units: int) -> tuple[int, int]:
    """On hand after a parcel takes `units` off it, and the units actually taken.

    Stock never goes below zero: a parcel that ships more than the figure says (the count was wrong, or the seller
    shipped what PackDesk did not know was there) takes what there is and leaves 0; the shipment's stock move records
    both figures, so the seller sees that the count was off.
    """
    after = max(on_hand - units, 0)
    return after, on_hand - after


@dataclass(frozen=True)
class StockLevel:
    """A tracked SKU's stock as the stock list shows it, with the waiting orders that need it (oldest paid first)."""

    sku: str
    title: str
    spec: str
    on_hand: int
    reserved: int
    safety: int
    waiting_orders: tuple[str, ...] = ()

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def low(self) -> bool:
        return self.available < self.safety

    def to_json(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "title": self.title,
            "spec": self.spec,
            "on_hand": self.on_hand,
            "reserved": self.reserved,
            "available": self.available,
            "safety": self.safety,
            "low": self.low,
            "waiting_orders": list(self.waiting_orders),
        }


@dataclass(frozen=True)
class StockMove:
    """One change of a SKU's on-hand stock, as recorded (kind: set, adjust, count, import, ship)."""

    sku: str
    kind: str
    delta: int
    on_hand: int
    at: datetime
    reason: str = ""
    actor: str = ""
    order_no: str | None = None  # a shipment's order

    def to_json(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "kind": self.kind,
            "delta": self.delta,
            "on_hand": self.on_hand,
            "at": self.at.isoformat(),
            "reason": self.reason,
            "actor": self.actor,
            "order_no": self.order_no,
        }

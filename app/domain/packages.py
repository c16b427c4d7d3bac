"""A parcel as the cache records it, and an order with its place in the cache (domain layer).

A `Package` is one waybill with its tracking number (allocated, printed, shipped or void); an order has at most one
live package, and over time more than one (a split order ships in several parcels). A `StoredOrder` is what the
station and the shipping use case read: the order, the ids the scan log and the outbox name it by, its live package
and whether an earlier one was voided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from app.domain.enums import OrderStatus, PackageState
from app.domain.orders import Order

# An order in one of these statuses still waits for a parcel: a shipped parcel of it was an earlier one (a split
# order's first parcel), not its live one; its next parcel has no waybill until it prints.
WAITING_FOR_PARCEL = frozenset(
    {OrderStatus.AWAITING_SHIPMENT, OrderStatus.PARTLY_SHIPPED, OrderStatus.OUT_OF_STOCK, OrderStatus.ON_HOLD}
)


@dataclass(frozen=True)
class Package:
    id: int
    order_id: int
    carrier: str
    tracking_no: str
    state: PackageState
    print_count: int = 0
    # The carrier's routing printed on its label (sort_headline, route_code, consolidation); {} when it gave none.
    routing: dict[str, str] = field(default_factory=dict, hash=False)
    # The value its number was issued insured for (保价, yuan), as its request asked; None: not insured.
    insured: Decimal | None = None

    @property
    def printed(self) -> bool:
        """Its label came out at least once."""
        return self.print_count > 0


@dataclass(frozen=True)
class MergedPart:
    """One order of a merged parcel (app.domain.merges): its ids and the lines of the parcel that are its own."""

    id: int
    shop_id: int
    order_no: str
    line_nos: tuple[str, ...]


@dataclass(frozen=True)
class StoredOrder:
    id: int
    shop_id: int
    order: Order
    package: Package | None = None  # the live (not voided) parcel
    voided: bool = False  # an earlier parcel of it was voided (a label stopped after it printed)
    # A merged parcel: every order in it, lead (this one) first, and `order` is their merged view; () alone.
    parts: tuple[MergedPart, ...] = ()

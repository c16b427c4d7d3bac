"""Orders as the rest of PackDesk sees them: frozen dataclasses, no ORM (domain layer)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from app.domain.enums import Flag, OrderStatus, Platform, RefundStatus
from app.domain.stock import Shortage

CHINA_TZ = timezone(timedelta(hours=8), "CST")  # platforms speak GMT+8; China has no daylight saving
DEFAULT_SHIP_WITHIN = timedelta(hours=48)  # "付款后48小时内发货"


@dataclass(frozen=True)
class Address:
    province: str
    city: str
    district: str
    town: str
    detail: str


def place_names(province: str, city: str, *rest: str) -> str:
    """Address levels written as one, as a label or a list shows them.

    A 直辖市's city repeats its province (上海市上海市): it is written once.
    """
    return "".join(p for p in (province, "" if city == province else city, *rest) if p)


@dataclass(frozen=True)
class Receiver:
    name: str  # masked as delivered (张*)
    phone: str  # masked as delivered (138****5678)
    address: Address


def is_packable(refund: RefundStatus, *, shipped: bool) -> bool:
    """The one rule of which lines must be in the box: those still to ship whose refund does not stop them."""
    return not refund.blocks_shipping and not shipped


@dataclass(frozen=True)
class OrderLine:
    line_no: str  # the platform's sub-order id (oid), a string
    sku: str
    title: str
    spec: str
    qty: int
    price: Decimal
    refund: RefundStatus = RefundStatus.NONE
    barcodes: tuple[str, ...] = ()
    shipped: bool = False  # this sub-order already left in an earlier parcel (partly shipped order)
    image: str = ""  # URL or file URI of the product's picture, "" when none is known
    # Split parcels (拆单, app.domain.splits): units of this line that left in earlier parcels (a quantity split), and
    # the units the seller's split puts in the order's next parcel (None: no split, the next parcel takes what is left).
    sent: int = 0
    planned: int | None = None

    @property
    def units(self) -> int:
        """Units of this line the order's next parcel carries (a split's choice, else all that is left)."""
        return self.planned if self.planned is not None else self.qty - self.sent

    @property
    def packable(self) -> bool:
        """Whether the order's next parcel holds this line (`units` of it)."""
        return is_packable(self.refund, shipped=self.shipped) and self.units > 0

    @property
    def completes(self) -> bool:
        """Whether the order's next parcel carries this line's last units (its ship-back names the sub-order)."""
        return self.packable and self.sent + self.units >= self.qty


@dataclass(frozen=True)
class Order:
    order_no: str
    shop: str
    platform: Platform
    status: OrderStatus
    buyer_nick: str
    receiver: Receiver
    lines: tuple[OrderLine, ...]
    paid_at: datetime  # when it was paid; an order not paid yet (AWAITING_PAYMENT): when it was created
    deadline: datetime
    flag: Flag = Flag.NONE
    memo: str = ""
    buyer_message: str = ""
    total: Decimal = Decimal("0.00")
    tracking_no: str | None = None
    carrier: str | None = None
    print_count: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    # Out of stock (缺货待补货): per SKU, the units on-hand stock could not cover (app.domain.stock); filled by the
    # order list (app.services.stock.with_shortages), empty otherwise.
    short: tuple[Shortage, ...] = ()
    # Acting on the backlog (app.services.order_actions): expedited (1) sorts first; the seller's hold reason ("":
    # not held here).
    priority: int = 0
    hold_reason: str = ""
    # The platform's own status words where they tell why it holds the order (a presale's unpaid balance,
    # app.domain.order_actions.platform_stop); "" when not read.
    platform_status: str = ""

    @property
    def refund_requested(self) -> bool:
        return any(line.refund.blocks_shipping for line in self.lines)

    @property
    def split(self) -> bool:
        """The seller split the order: its next parcel carries only the lines and units chosen (app.domain.splits)."""
        return any(line.planned is not None for line in self.lines)

    def block_reason(self) -> str | None:
        """Why this order must not be packed now, as a stable code; None when it may be packed."""
        if self.status is OrderStatus.CLOSED:
            return "closed"
        if self.status is OrderStatus.SHIPPED:
            return "shipped"
        if self.status is OrderStatus.ON_HOLD:
            return "on_hold"
        if self.status is OrderStatus.AWAITING_PAYMENT:
            return "unpaid"
        if not any(line.packable for line in self.lines):
            return "refund"
        if self.split and not any(line.completes for line in self.lines):
            # a refund took the split parcel's whole sub-orders: what is left of it completes none, and the platform
            # takes shipments per sub-order (app.domain.splits): the seller splits it again
            return "refund"
        return None

    def to_json(self) -> dict[str, Any]:
        """The `packdesk orders --json` shape (the command-line contract: its fields never change)."""
        unpaid = self.status is OrderStatus.AWAITING_PAYMENT
        return {
            "order_no": self.order_no,
            "shop": self.shop,
            "platform": self.platform.value,
            "status": self.status.value,
            "buyer_nick": self.buyer_nick,
            "receiver": {
                "name": self.receiver.name,
                "phone": self.receiver.phone,
                "province": self.receiver.address.province,
                "city": self.receiver.address.city,
                "district": self.receiver.address.district,
                "town": self.receiver.address.town,
                "address": self.receiver.address.detail,
            },
            "lines": [
                {
                    "line_no": ln.line_no,
                    "sku": ln.sku,
                    "title": ln.title,
                    "spec": ln.spec,
                    "qty": ln.qty,
                    "price": str(ln.price),
                    "refund_status": ln.refund.value,
                    "barcodes": list(ln.barcodes),
                }
                for ln in self.lines
            ],
            "total": str(self.total),
            "tracking_no": self.tracking_no,
            "carrier": self.carrier,
            "print_count": self.print_count,
            "flag": self.flag.label,
            "memo": self.memo,
            "buyer_message": self.buyer_message,
            # an order not paid yet has neither (the cache holds its creation time until it is paid)
            "paid_at": None if unpaid else self.paid_at.astimezone(CHINA_TZ).isoformat(),
            "deadline": None if unpaid else self.deadline.astimezone(CHINA_TZ).isoformat(),
            "short": [s.to_json() for s in self.short],
            "priority": self.priority,
            "hold_reason": self.hold_reason or None,
            # Merged parcels (app.persistence.merges.MergeMarks, filled by the order list): the key the orders of
            # one parcel share ("<parcel id>" once it has a waybill, "merge-<lead order no>" for a merged group
            # without one yet, null alone without one), its orders (lead first) and the waiting orders this one
            # could merge with.
            "package": self.extra.get("package"),
            "merged": list(self.extra.get("merged", ())),
            "mergeable_with": list(self.extra.get("mergeable_with", ())),
        }

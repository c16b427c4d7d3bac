"""What wins when an order from a platform or a file meets the cached copy, and which changes the bench must hear of
(sync layer).

What PackDesk knows better than the platform wins: an order shipped (or partly shipped) here stays so while its
ship-back waits in the outbox, and an out-of-stock mark stays until the platform closes or ships the order; a line
shipped here stays shipped, and a line's picture stays when a file import carries none.

Receivers are stored masked (app.domain.masking says what and why): an order that arrives with a plaintext name or
phone number is masked before its content hash is taken and before it is compared with the cache, so every
connector and importer is covered and a plaintext value never reaches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from app.domain.enums import OrderStatus, RefundStatus
from app.domain.masking import mask_name, mask_phone
from app.sync.model import PlatformLine, PlatformOrder

_KEEP_LOCAL = {
    # local status -> platform statuses that do not override it
    OrderStatus.SHIPPED.value: {
        OrderStatus.AWAITING_SHIPMENT,
        OrderStatus.PARTLY_SHIPPED,
        OrderStatus.OUT_OF_STOCK,
        OrderStatus.ON_HOLD,  # a parcel that left cannot be held: it must not come back to the bench as "held"
    },
    OrderStatus.OUT_OF_STOCK.value: {OrderStatus.AWAITING_SHIPMENT},
    # a split order's first parcel left here, its ship-back not yet through (app.services.splits)
    OrderStatus.PARTLY_SHIPPED.value: {OrderStatus.AWAITING_SHIPMENT},
}
RECEIVER = (
    "receiver_name",
    "receiver_phone",
    "receiver_province",
    "receiver_city",
    "receiver_district",
    "receiver_town",
    "receiver_address",
)


@dataclass(frozen=True)
class Change:
    """A change that matters at the bench: `kind` is refund, closed, address, hold or shipped."""

    order_no: str
    kind: str

    def to_json(self) -> dict[str, str]:
        return {"order_no": self.order_no, "kind": self.kind}


def masked(order: PlatformOrder) -> PlatformOrder:
    """`order` with its receiver's name and phone masked (itself when they already are, as platforms send them)."""
    name, phone = mask_name(order.receiver_name), mask_phone(order.receiver_phone)
    if name == order.receiver_name and phone == order.receiver_phone:
        return order
    return replace(order, receiver_name=name, receiver_phone=phone)


def merged_status(local: str, incoming: OrderStatus) -> str:
    """The status to store when the cache says `local` and the platform or file says `incoming`."""
    return local if incoming in _KEEP_LOCAL.get(local, ()) else incoming.value


def merged_line(values: dict[str, Any], incoming: PlatformLine, cached: Any) -> dict[str, Any]:
    """`values` (the incoming line's columns) with what the cached line knows better kept.

    Args:
        values: the columns to store for `incoming`; changed in place and returned.
        incoming: the line as the platform or file has it.
        cached: the cached line's `shipped` and `image_url`.
    """
    values["shipped"] = incoming.shipped or bool(cached.shipped)  # shipped here, ship-back not yet through
    values["image_url"] = incoming.image_url or cached.image_url  # a file import carries no pictures
    return values


def refunded_now(cached_refund: str, incoming: PlatformLine) -> bool:
    """Whether a line without a refund in the cache has one now."""
    return cached_refund == RefundStatus.NONE.value and incoming.refund_status is not RefundStatus.NONE


def changes(cached: Any, order: PlatformOrder, status: str, refund_now: bool) -> list[Change]:
    """The changes the bench must hear of when `cached` (the cached order's status and receiver) becomes `order`
    stored with `status`."""
    found = []
    if refund_now:
        found.append(Change(order.order_no, "refund"))
    never_paid = cached.status == OrderStatus.AWAITING_PAYMENT.value  # closed unpaid: nothing the bench ever had
    if status != cached.status and status in (OrderStatus.CLOSED.value, OrderStatus.ON_HOLD.value) and not never_paid:
        found.append(Change(order.order_no, "closed" if status == OrderStatus.CLOSED.value else "hold"))
    if status != cached.status and status == OrderStatus.SHIPPED.value:
        found.append(Change(order.order_no, "shipped"))
    # a new ciphertext is a new receiver even when its mask reads the same (Pinduoduo's masks hide most of it)
    old_cipher = getattr(cached, "receiver_cipher", "")
    new_cipher = bool(order.receiver_cipher and old_cipher) and order.receiver_cipher != old_cipher
    if new_cipher or any(getattr(cached, name) != getattr(order, name) for name in RECEIVER):
        found.append(Change(order.order_no, "address"))
    return found

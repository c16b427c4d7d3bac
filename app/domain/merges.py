"""Merged parcels (合并发货): which waiting orders may share one parcel and one waybill, and how such a parcel reads
(domain layer, pure).

Orders may merge when they belong to one shop (one seller account asks one waybill and the platform's merge check is
per shop), come from one buyer, go to the same receiver (name, phone and the full address, as the cache holds them:
masked values are compared as delivered) and are all still waiting: not shipped, closed, refunded or held, and none
already holds a waybill number (a printed label names one order's parcel; an unprinted number was asked for its
order alone). For a Taobao privacy order the local address is masked, so the platform decides: orders carrying
different `oaid` never merge, and app.services.merges asks `taobao.top.oaid.merge` before merging any.

A merged group has a lead (the most urgent order) whose parcel is the group's; the others name it
(`orders.merged_into_id`). Everywhere a parcel is read (station, label, waybill request, ship-back) the lead is read
as `merged_view`: every order's lines in one box, every memo and buyer message kept with its order number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from app.domain.enums import OrderStatus
from app.domain.messages import Message, msg
from app.domain.orders import Order

# The statuses an order may merge from: waiting for its parcel (an out-of-stock one waits for stock either way).
MERGEABLE = frozenset({OrderStatus.AWAITING_SHIPMENT.value, OrderStatus.OUT_OF_STOCK.value})


@dataclass(frozen=True)
class MergeCandidate:
    """An order as merging sees it."""

    id: int
    order_no: str
    shop_id: int
    shop: str
    platform: str
    status: str
    buyer_nick: str
    receiver: tuple[str, ...]  # name, phone, province, city, district, town, address
    oaid: str
    deadline: datetime
    hold_reason: str | None = None
    tracking_no: str | None = None  # its live parcel's waybill number, if it has one
    printed: bool = False  # that parcel's label came out
    packable: bool = True  # some line is still to ship (not refunded, not shipped)
    merged_into: int | None = None  # its lead's id when merged


def receiver_key(c: MergeCandidate) -> tuple[str, ...]:
    """What must be equal for two orders to share a parcel (with the shop): buyer and receiver, spaces ignored."""
    return (c.buyer_nick.strip(), *("".join(part.split()) for part in c.receiver))


def eligibility(c: MergeCandidate) -> Message | None:
    """Why `c` cannot go into a merged parcel now, or None."""
    if c.status == OrderStatus.SHIPPED.value:
        return msg("actions.shipped", order_no=c.order_no)
    if c.status == OrderStatus.CLOSED.value:
        return msg("actions.closed", order_no=c.order_no)
    if c.status == OrderStatus.ON_HOLD.value or c.hold_reason:
        return msg("merge.held", order_no=c.order_no, reason=c.hold_reason or msg("order.blocked.on_hold"))
    if c.status not in MERGEABLE:
        return msg("merge.not_waiting", order_no=c.order_no, status=c.status)
    if not c.packable:
        return msg("merge.nothing_to_ship", order_no=c.order_no)
    if c.printed:
        return msg("merge.printed", order_no=c.order_no, tracking_no=c.tracking_no or "")
    if c.tracking_no:
        return msg("merge.has_waybill", order_no=c.order_no, tracking_no=c.tracking_no)
    return None


def mismatch(a: MergeCandidate, b: MergeCandidate) -> Message | None:
    """Why `a` and `b` cannot share a parcel whatever their state, or None."""
    if a.shop_id != b.shop_id:
        return msg("merge.other_shop", order_no=a.order_no, other=b.order_no, shop=a.shop, other_shop=b.shop)
    if a.buyer_nick.strip() != b.buyer_nick.strip():
        return msg("merge.other_buyer", order_no=a.order_no, other=b.order_no)
    if receiver_key(a) != receiver_key(b):
        return msg("merge.other_address", order_no=a.order_no, other=b.order_no)
    if a.oaid != b.oaid:  # one privacy order and one plain, or two addressees the platform tells apart
        return msg("merge.other_oaid", order_no=a.order_no, other=b.order_no)
    return None


def group_refusal(group: Sequence[MergeCandidate]) -> Message | None:
    """Why the orders of `group` cannot share one parcel, or None: the first order that cannot, with its reason."""
    if len(group) < 2:
        return msg("merge.too_few")
    for c in group:
        why = eligibility(c)
        if why is not None:
            return why
    first = group[0]
    for other in group[1:]:
        why = mismatch(first, other)
        if why is not None:
            return why
    return None


def leaving(group: Sequence[MergeCandidate]) -> list[MergeCandidate]:
    """The orders of a merged `group` (lead first) that no longer belong in it after the platform changed them
    (another address or buyer, closed, shipped elsewhere): members that left, or every member when the lead itself
    left. None once its label printed: that parcel is what it is (the bench stops it if an order of it must not
    ship)."""
    lead, members = group[0], group[1:]
    if lead.printed or not members:
        return []
    gone = (OrderStatus.CLOSED.value, OrderStatus.SHIPPED.value)
    if lead.status in gone:
        return list(members)
    return [m for m in members if m.status in gone or mismatch(lead, m) is not None]


def choose_lead(group: Sequence[MergeCandidate]) -> MergeCandidate:
    """The order whose parcel the group ships in: a lead already among them, else the most urgent (earliest
    ship-by, then the oldest)."""
    leads = {c.merged_into for c in group if c.merged_into is not None}
    for c in group:
        if c.id in leads:
            return c
    return min(group, key=lambda c: (c.deadline, c.id))


def platform_groups_refusal(order_nos: Sequence[str], groups: Sequence[Sequence[str]]) -> Message | None:
    """Why the platform's merge check (its groups of order numbers that may merge) refuses `order_nos` as one parcel,
    or None when one group holds them all."""
    wanted = set(order_nos)
    if any(wanted <= set(g) for g in groups):
        return None
    said = "; ".join(", ".join(g) for g in groups if set(g) & wanted) or "-"
    return msg("merge.platform_refused", orders=", ".join(order_nos), groups=said)


def _kept(orders: Sequence[Order], text: str) -> str:
    """Every order's memo or buyer message, each with its order number (none lost in the merged parcel)."""
    said = [(o.order_no, getattr(o, text).strip()) for o in orders]
    return "\n".join(f"[{no}] {t}" for no, t in said if t)


# A parcel's status when one of its orders has it, first found first: any of these stops the whole parcel (out of
# stock: it waits until every order's goods are there).
_BLOCKING = (OrderStatus.CLOSED, OrderStatus.ON_HOLD, OrderStatus.SHIPPED, OrderStatus.OUT_OF_STOCK)


def merged_view(lead: Order, members: Sequence[Order]) -> Order:
    """The parcel of `lead` with its merged `members` as one order: every order's lines, memos and buyer messages
    (with their order numbers), the most urgent ship-by, and a status that stops the parcel when any order of it
    must not ship (closed, held, out of stock). `extra["merged"]` names the group's orders, lead first."""
    orders = (lead, *members)
    status = lead.status
    for blocking in _BLOCKING:
        if any(o.status is blocking for o in orders):
            status = blocking
            break
    held = next((o.hold_reason for o in orders if o.hold_reason), "")
    return replace(
        lead,
        status=status,
        lines=tuple(ln for o in orders for ln in o.lines),
        memo=_kept(orders, "memo"),
        buyer_message=_kept(orders, "buyer_message"),
        deadline=min(o.deadline for o in orders),
        total=sum((o.total for o in orders), Decimal("0.00")),
        hold_reason=held,
        extra={**lead.extra, "merged": tuple(o.order_no for o in orders)},
    )


def merged_orders(order: Order) -> tuple[str, ...]:
    """The order numbers sharing `order`'s parcel, lead first (empty when it ships alone)."""
    return tuple(order.extra.get("merged", ()))

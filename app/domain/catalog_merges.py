"""What the core says about merged parcels (合并发货): merging, the platform's merge check, unmerging
(app.services.merges, app.cli.merges). Message id -> English template, merged into app.domain.catalog.CATALOG (see
there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

MERGES: dict[str, str] = {
    "merge.too_few": QT_TRANSLATE_NOOP("CoreMessages", "Name at least two orders to put into one parcel."),
    "merge.held": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is on hold ({reason}): release it before merging it into a parcel."
    ),
    "merge.not_waiting": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is not waiting for a parcel ({status}): only waiting orders merge."
    ),
    "merge.nothing_to_ship": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} has nothing left to ship (refunded or shipped): it cannot join a parcel."
    ),
    "merge.printed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill {tracking_no} of order {order_no} has already printed: a printed parcel takes no other orders. "
        "Merge orders before printing them.",
    ),
    "merge.has_waybill": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} already holds waybill number {tracking_no} (not printed), asked for it alone: cancel it "
        "first (packdesk waybill cancel {tracking_no}), then merge.",
    ),
    "merge.other_shop": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Orders {order_no} and {other} belong to different shops ({shop}, {other_shop}): only one shop's orders "
        "share a parcel.",
    ),
    "merge.other_buyer": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Orders {order_no} and {other} are from different buyers: only one buyer's orders share a parcel.",
    ),
    "merge.other_address": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Orders {order_no} and {other} go to different receivers or addresses: only orders to the same name, phone "
        "and full address share a parcel.",
    ),
    "merge.other_oaid": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao tells the addressees of orders {order_no} and {other} apart (their privacy ids differ): they cannot "
        "share a parcel.",
    ),
    "merge.platform_refused": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao's merge check does not let orders {orders} share one parcel (it groups them as: {groups}). Nothing "
        "was merged.",
    ),
    "merge.check_failed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao's merge check could not be asked ({reason}). Nothing was merged: try again when the shop is reachable.",
    ),
    "merge.no_check": QT_TRANSLATE_NOOP("CoreMessages", "no connection to the shop here"),
    "merge.two_parcels": QT_TRANSLATE_NOOP(
        "CoreMessages", "Orders {orders} are already in two different merged parcels: unmerge one of them first."
    ),
    "merge.already_together": QT_TRANSLATE_NOOP("CoreMessages", "Orders {orders} already ship in one parcel."),
    "merge.changed": QT_TRANSLATE_NOOP(
        "CoreMessages", "Orders {orders} changed while Taobao was asked: nothing was merged; try again."
    ),
    "merge.at_bench": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} is open at bench {station} right now: finish or park it there, then merge (the packer "
        "verifies the lines the parcel had when it was opened).",
    ),
    "unmerge.at_bench": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is open at bench {station} right now: finish or park it there, then unmerge."
    ),
    "merge.done": QT_TRANSLATE_NOOP(
        "CoreMessages", "Orders {orders} now ship in one parcel with one waybill (lead order {lead})."
    ),
    "unmerge.not_merged": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} is not merged with any other order."),
    "unmerge.printed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The parcel of orders {orders} has printed (waybill {tracking_no}): a printed parcel cannot be unmerged. "
        "Ship it as one parcel, or void its waybill first.",
    ),
    "unmerge.has_waybill": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The parcel of orders {orders} already holds waybill number {tracking_no}, asked for all of them: cancel it "
        "first (packdesk waybill cancel {tracking_no}), then unmerge.",
    ),
    "unmerge.done": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} ships in a parcel of its own again."),
}

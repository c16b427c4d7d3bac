"""What the core says about split parcels (拆单): refusals of `packdesk split` and the window's Split dialog
(app.domain.splits, app.services.splits). Message id -> English template, merged into app.domain.catalog.CATALOG."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

SPLITS: dict[str, str] = {
    "split.bad_lines": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "'{text}' is not a list of lines: give LINE_NO or LINE_NO:QTY separated by commas, "
        "e.g. 1234567890:2,1234567891.",
    ),
    "split.no_lines": QT_TRANSLATE_NOOP("CoreMessages", "Choose at least one line for the parcel."),
    "split.line_twice": QT_TRANSLATE_NOOP("CoreMessages", "Line {line} is named twice: name each line once."),
    "split.unknown_line": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} has no line {line}. Its lines still to ship: {known}."
    ),
    "split.line_not_open": QT_TRANSLATE_NOOP(
        "CoreMessages", "Line {line} of order {order_no} cannot go in a parcel: it is {state}."
    ),
    "split.line_shipped": QT_TRANSLATE_NOOP("CoreMessages", "already shipped"),
    "split.line_refund": QT_TRANSLATE_NOOP("CoreMessages", "refunded or has a refund in progress"),
    "split.qty_range": QT_TRANSLATE_NOOP(
        "CoreMessages", "Line {line} of order {order_no} has {left} unit(s) to ship: give a quantity from 1 to {left}."
    ),
    "split.nothing_left": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "That is everything order {order_no} still has to ship: nothing would stay for a second parcel, so there is "
        "nothing to split.",
    ),
    "split.completes_none": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "This parcel would complete no sub-order of order {order_no}: the platform takes shipments per whole "
        "sub-order, so the buyer would get no tracking number for it. Put the last units of at least one line in it.",
    ),
    "split.blocked": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} cannot be split: it is {reason}."),
    "split.printed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The waybill of order {order_no} ({tracking_no}) is already printed for the parcel as it is: void it or "
        "ship it first.",
    ),
    "split.not_split": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} is not split: there is nothing to undo."),
}

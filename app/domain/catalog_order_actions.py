"""What the core says about acting on the backlog: flags, memos, holds, expedite, manual out of stock, and their
write-back to the platform (app.services.order_actions, app.sync.memo_push, app.cli.order_actions).
Message id -> English template, merged into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

ORDER_ACTIONS: dict[str, str] = {
    "actions.no_orders": QT_TRANSLATE_NOOP("CoreMessages", "Name at least one order."),
    "actions.unknown_order": QT_TRANSLATE_NOOP(
        "CoreMessages", "No order {order_no} in the cache: sync or import it first."
    ),
    "actions.closed": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} is closed."),
    "actions.shipped": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} has already shipped."),
    "actions.unpaid": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} is not paid yet."),
    "actions.unchanged": QT_TRANSLATE_NOOP("CoreMessages", "Nothing changed for order {order_no}: it already was so."),
    "actions.bad_colour": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{colour}' is not a flag colour: use red, yellow, green, blue, purple or none."
    ),
    "actions.needs_reason": QT_TRANSLATE_NOOP(
        "CoreMessages", "Give a reason: the print queue and the bench show it to whoever meets the order."
    ),
    "actions.memo_too_long": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The memo of order {order_no} would be {size} bytes: Taobao keeps at most {most} (about {chars} Chinese "
        "characters). Nothing was changed.",
    ),
    "actions.empty_memo": QT_TRANSLATE_NOOP("CoreMessages", "Appending nothing changes nothing: give the text to add."),
    "actions.already_held": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} is already on hold: {reason}"),
    "actions.not_held": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is neither on hold nor marked out of stock."
    ),
    "actions.platform_hold": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} is held by the platform (shipping blocked there): lift it in the seller centre; the next "
        "sync brings it back.",
    ),
    "actions.already_marked": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is already marked out of stock: {reason}"
    ),
    "actions.expected_past": QT_TRANSLATE_NOOP(
        "CoreMessages", "The expected date {date} has passed: give a later date, or none."
    ),
    "actions.hold_stop": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} is on hold: {reason}"),
    "actions.presale_unpaid": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} is on hold: presale: balance not paid. It can ship once the buyer pays the balance (the "
        "next sync lets it go).",
    ),
    "actions.stock_stop": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is marked out of stock: {reason} (stock expected {date})."
    ),
    "actions.no_date": QT_TRANSLATE_NOOP("CoreMessages", "no date given"),
    # The write-back of flags and memos (app.sync.memo_push)
    "memo.refused": QT_TRANSLATE_NOOP("CoreMessages", "Taobao refused the flag and memo of order {order_no}: {reason}"),
    "memo.not_confirmed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao's answer did not confirm the memo of order {order_no}: it is read back before anything is sent again.",
    ),
    "memo.no_trade": QT_TRANSLATE_NOOP(
        "CoreMessages", "Taobao's answer about order {order_no} held no trade: it is asked again next round."
    ),
}

"""What the core says about shipping by hand and batch shipping with numbers filled from a roll (app.domain.
number_sequence, app.services.batch_ship, `packdesk ship`). Message id -> English template, merged into
app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

BATCH_SHIP: dict[str, str] = {
    "batch.carrier_not_filled": QT_TRANSLATE_NOOP(
        "CoreMessages", "PackDesk cannot fill numbers of carrier '{carrier}' by itself. It can for: {known}."
    ),
    "batch.sf_check_digit": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{number} is a 12-digit SF number: its last digit is a check digit whose rule SF does not publish, so "
        "PackDesk cannot fill the numbers after it. Type each number, or use SF numbers that start with SF.",
    ),
    "batch.check_digit": QT_TRANSLATE_NOOP(
        "CoreMessages", "{number} is not a valid {carrier} number: its check digit is wrong (did you mean {expected}?)."
    ),
    "batch.not_carrier_number": QT_TRANSLATE_NOOP(
        "CoreMessages", "{number} is not a {carrier} number. {carrier} numbers look like: {examples}."
    ),
    "batch.past_capacity": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{count} numbers from {number} would run past the last number of its format: only {room} are left. "
        "Ship fewer orders, or start from another roll.",
    ),
    "batch.several_need_auto_fill": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{count} orders were given one tracking number: add --auto-fill to number them from it, or ship them one "
        "at a time.",
    ),
    "batch.no_orders": QT_TRANSLATE_NOOP("CoreMessages", "No orders were given to ship."),
    "batch.no_carrier": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} has no carrier chosen: choose one first."),
    "batch.other_carrier": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} goes with {carrier}, not {expected}: one roll's numbers serve one carrier.",
    ),
    "batch.number_issued_online": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Tracking number {number} was issued by an online waybill account to order {order_no}: it cannot go on "
        "another order.",
    ),
    "batch.no_roll": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no}: its shops' waybill account for {carrier} is not a number roll, so there are no roll "
        "numbers to fill. Type the first number instead.",
    ),
    "batch.roll_empty": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no}: the number roll '{account}' has no numbers left."
    ),
    "batch.roll_moved": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no}: number {number} of the roll '{account}' was taken meanwhile (by another station or "
        "batch). Review the batch again.",
    ),
    "batch.held": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} cannot ship: it is on hold ({reason})."),
    "batch.out_of_stock": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} is out of stock (missing {short}): it ships once stock arrives, or after a supervisor "
        "overrides the shortage.",
    ),
}

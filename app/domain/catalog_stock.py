"""What the core says about stock: setting, adjusting and counting it, the stock list, shortages that keep an order
out of stock and a supervisor's override (app.services.stock, app.cli.stock, the print queue and the bench).
Message id -> English template, merged into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

STOCK: dict[str, str] = {
    "stock.unknown_sku": QT_TRANSLATE_NOOP(
        "CoreMessages", "No product '{sku}' in the catalogue: import the product sheet first, or check the SKU."
    ),
    "stock.out_of_range": QT_TRANSLATE_NOOP(
        "CoreMessages", "{on_hand} is not a stock figure for {sku}: give a whole number from 0 to {most}."
    ),
    "stock.adjust_zero": QT_TRANSLATE_NOOP("CoreMessages", "An adjustment of 0 changes nothing: give +N or -N."),
    "stock.adjust_below_zero": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{sku} has {on_hand} on hand: taking {units} off would leave less than none. Nothing was changed.",
    ),
    "stock.needs_reason": QT_TRANSLATE_NOOP(
        "CoreMessages", "Say why the stock changes: the reason is kept with the change."
    ),
    "stock.limit_too_small": QT_TRANSLATE_NOOP("CoreMessages", "The limit must be at least 1."),
    "stock.not_short": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is not out of stock: there is no shortage to override."
    ),
    "stock.override_needs_reason": QT_TRANSLATE_NOOP(
        "CoreMessages", "Overriding a shortage needs a reason: it is kept in the audit log."
    ),
    # A refusal of an out-of-stock order; {short} lists SKUs and missing units ("MUG-01 x2, TEA-03 x1")
    "stock.print_refused": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} is out of stock (missing {short}): it prints once stock arrives, or after a supervisor "
        "overrides the shortage.",
    ),
    "stock.bench_refused": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Out of stock: missing {short}. Put this order aside until stock arrives, or ask a supervisor to override.",
    ),
}

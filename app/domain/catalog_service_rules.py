"""What the core says about service rules: stops, spring-festival mode, carrier-choice rules, the cost table,
deadline rules, holidays and insurance (app.services.service_rules, `packdesk stops|carrier|deadlines`). Message id
-> English template, merged into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

SERVICE_RULES: dict[str, str] = {
    "stops.stopped": QT_TRANSLATE_NOOP(
        "CoreMessages", "{carrier} does not collect for {region} from {start} to {end} (stop {id}: {note})."
    ),
    "stops.festival": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Spring-festival mode from {start} to {end}: {carrier} is not entered as still running for {region}.",
    ),
    "print.blocked.stopped": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is not printed: {stop} Carriers still running there: {others}."
    ),
    "print.blocked.stopped_none": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} is not printed: {stop} None of its shops' other carriers runs there either: wait, or add "
        "a waybill account of a carrier that does.",
    ),
    "rules.bad_date": QT_TRANSLATE_NOOP("CoreMessages", "'{text}' is not a date: write it as 2026-01-20."),
    "rules.bad_time": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{text}' is not a date or time: write it as 2026-11-11 or 2026-11-11 20:00."
    ),
    "rules.bad_alert_times": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{text}' is not a list of times of day: write it as 10:00,15:00 (or off for none)."
    ),
    "rules.dates_reversed": QT_TRANSLATE_NOOP("CoreMessages", "It ends ({end}) before it starts ({start})."),
    "rules.no_regions": QT_TRANSLATE_NOOP(
        "CoreMessages", "Name at least one province or city, e.g. 新疆,西藏 (or 全国 for every region)."
    ),
    "rules.no_carrier": QT_TRANSLATE_NOOP("CoreMessages", "Name the carrier by its code, e.g. ZTO, SF, EMS."),
    "rules.stop_not_found": QT_TRANSLATE_NOOP("CoreMessages", "There is no stop number {id}. `stops list` shows them."),
    "rules.rule_not_found": QT_TRANSLATE_NOOP(
        "CoreMessages", "There is no carrier rule number {id}. `carrier rules list` shows them."
    ),
    "rules.deadline_rule_not_found": QT_TRANSLATE_NOOP(
        "CoreMessages", "There is no deadline rule number {id}. `deadlines list` shows them."
    ),
    "rules.holiday_not_found": QT_TRANSLATE_NOOP(
        "CoreMessages", "There is no holiday number {id}. `deadlines list` shows them."
    ),
    "rules.file_unreadable": QT_TRANSLATE_NOOP("CoreMessages", "{file} cannot be read: {error}"),
    "rules.file_columns": QT_TRANSLATE_NOOP(
        "CoreMessages", "{file} needs the columns {columns} in its first row; it has {found}."
    ),
    "rules.file_row": QT_TRANSLATE_NOOP("CoreMessages", "{file} row {row}: {reason} Nothing was imported."),
    "rules.file_empty": QT_TRANSLATE_NOOP("CoreMessages", "{file} has no rows to import."),
    "rules.bad_money": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{text}' is not an amount of yuan for {what} (e.g. 12 or 12.50, at least 0)."
    ),
    "rules.bad_weight": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{text}' is not a weight for {what}: write grams (800) or kilograms (1.5kg)."
    ),
    "rules.bad_range": QT_TRANSLATE_NOOP(
        "CoreMessages", "The lowest {what} ({low}) is not below the highest ({high})."
    ),
    "rules.bad_hours": QT_TRANSLATE_NOOP("CoreMessages", "'{text}' is not a number of hours from 1 to {most}."),
    "rules.bad_priority": QT_TRANSLATE_NOOP("CoreMessages", "'{text}' is not a priority: give a whole number."),
    "rules.deadline_needs": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "A shop rule needs --shop, a product rule --sku, and an activity rule its pay-time window (--from and --to).",
    ),
    "rules.unknown_shop": QT_TRANSLATE_NOOP("CoreMessages", "There is no shop named '{shop}'. Shops here: {names}."),
}

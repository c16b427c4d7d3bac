"""What the core says about reports, exports, history pruning and courier reconciliation (app.services.reports,
app.services.reconcile, app.cli.reports). Message id -> English template, merged into app.domain.catalog.CATALOG (see
there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

REPORTS: dict[str, str] = {
    "report.dates_reversed": QT_TRANSLATE_NOOP(
        "CoreMessages", "The report starts on {date_from}, after it ends on {date_to}: give the earlier date first."
    ),
    "report.bad_date": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01."
    ),
    "report.range_too_long": QT_TRANSLATE_NOOP(
        "CoreMessages", "A report covers at most {most} days; {days} were asked for."
    ),
    "report.keep_days_invalid": QT_TRANSLATE_NOOP(
        "CoreMessages", "Keep the history's detail for at least {least} days ('{text}' was given)."
    ),
    "report.cannot_write": QT_TRANSLATE_NOOP("CoreMessages", "Could not write {path}: {error}"),
    "report.suggest_stock_short": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{sku}: {waiting} units wait to ship but only {on_hand} are on hand. Restock {short} or more.",
    ),
    "report.suggest_backlog_hour": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The backlog grows fastest between {hour}:00 and {next_hour}:00 (about {rate} more orders a day than "
        "leave): put more packers on then.",
    ),
    "report.suggest_slowest_step": QT_TRANSLATE_NOOP(
        "CoreMessages", "The slowest step is {step}: half the orders take {hours} h or more there."
    ),
    "report.step_paid_printed": QT_TRANSLATE_NOOP("CoreMessages", "from payment to the printed waybill"),
    "report.step_printed_shipped": QT_TRANSLATE_NOOP("CoreMessages", "from the printed waybill to shipment"),
    "reconcile.unreadable": QT_TRANSLATE_NOOP(
        "CoreMessages", "The bill {path} cannot be read: {error}. Save it as CSV (UTF-8 or GB18030) or .xlsx."
    ),
    "reconcile.no_columns": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The bill {path} has no tracking number column: its first row should name the columns, e.g. "
        "运单号, 重量, 运费 (tracking number, weight, fee).",
    ),
    "reconcile.empty": QT_TRANSLATE_NOOP("CoreMessages", "The bill {path} lists no tracking numbers."),
    "reconcile.bad_row": QT_TRANSLATE_NOOP("CoreMessages", "Row {row} of the bill: '{value}' is not a {what}."),
    "reconcile.unknown_carrier": QT_TRANSLATE_NOOP(
        "CoreMessages", "No waybill numbers of carrier '{carrier}' were ever used here. Carriers used: {known}."
    ),
    # The one-page PDF daily report (app.services.report_export)
    "report.pdf_title": QT_TRANSLATE_NOOP("CoreMessages", "PackDesk daily report {day}"),
    "report.pdf_scope": QT_TRANSLATE_NOOP("CoreMessages", "Shop: {shop} · days {date_from} to {date_to}"),
    "report.pdf_all_shops": QT_TRANSLATE_NOOP("CoreMessages", "all shops"),
    "report.pdf_day": QT_TRANSLATE_NOOP(
        "CoreMessages", "New {new} · shipped {shipped} · cancelled {cancelled} · waiting at day end {waiting}"
    ),
    "report.pdf_processing": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Paid to shipped: median {p50} h, 90% within {p90} h · shipped within 24 h {within_24h} · by the deadline "
        "{within_deadline}",
    ),
    "report.pdf_trend": QT_TRANSLATE_NOOP("CoreMessages", "Unshipped orders by day"),
    "report.pdf_trend_columns": QT_TRANSLATE_NOOP("CoreMessages", "Date|New|Shipped|Cancelled|Waiting"),
    "report.pdf_products": QT_TRANSLATE_NOOP("CoreMessages", "Backlog by product"),
    "report.pdf_products_columns": QT_TRANSLATE_NOOP("CoreMessages", "SKU|Waiting units|Oldest (h)|On hand"),
    "report.pdf_packers": QT_TRANSLATE_NOOP("CoreMessages", "Packers"),
    "report.pdf_packers_columns": QT_TRANSLATE_NOOP(
        "CoreMessages", "Packer|Packed|Wrong item|Over-scan|Intercepted|Median paid to shipped (h)"
    ),
    "report.pdf_carriers": QT_TRANSLATE_NOOP("CoreMessages", "Waybills used"),
    "report.pdf_carriers_columns": QT_TRANSLATE_NOOP("CoreMessages", "Shop|Carrier|Waybills"),
    "report.pdf_suggestions": QT_TRANSLATE_NOOP("CoreMessages", "Suggestions"),
    "report.pdf_nothing": QT_TRANSLATE_NOOP("CoreMessages", "Nothing to show for these days."),
    "report.pdf_no_bench": QT_TRANSLATE_NOOP("CoreMessages", "(shipped without a bench)"),
}

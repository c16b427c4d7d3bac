"""What the core says about imported seller-centre exports: ids -> English (domain layer).

Part of the catalogue (app.domain.catalog merges it in). A refused file reads "{file} {reason}."; a rejected row's
reason often names the column the seller sees in Excel ("{column} {reason}"), and the cell's own text is a plain
parameter. Export names and the "order number" / "sub-order number" a reason speaks of are messages too.
"""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

IMPORTS: dict[str, str] = {
    "import.shop_name_missing": QT_TRANSLATE_NOOP("CoreMessages", "A shop needs a name: pass --shop NAME."),
    # The exports PackDesk reads
    "import.format.taobao_orders": QT_TRANSLATE_NOOP("CoreMessages", "Taobao order report (订单报表)"),
    "import.format.taobao_items": QT_TRANSLATE_NOOP("CoreMessages", "Taobao item report (宝贝报表)"),
    "import.format.pdd": QT_TRANSLATE_NOOP("CoreMessages", "Pinduoduo order export"),
    "import.format.jd": QT_TRANSLATE_NOOP("CoreMessages", "JD order export"),
    # A file refused as a whole
    "import.file": QT_TRANSLATE_NOOP("CoreMessages", "{file} {reason}."),
    "import.file.unreadable": QT_TRANSLATE_NOOP("CoreMessages", "cannot be read ({error})"),
    "import.file.excel": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "is an Excel workbook, not a CSV file: open it in Excel and save it as CSV (or export the CSV version)",
    ),
    "import.file.not_text": QT_TRANSLATE_NOOP(
        "CoreMessages", "is not text in UTF-8 or GBK: is it really a CSV export from the seller centre?"
    ),
    "import.file.not_csv": QT_TRANSLATE_NOOP("CoreMessages", "is not a readable CSV file ({error})"),
    "import.file.unknown": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "is not an export PackDesk knows (Taobao order or item report, Pinduoduo, JD); its first row reads: {first}",
    ),
    "import.file.empty_header": QT_TRANSLATE_NOOP("CoreMessages", "nothing"),
    "import.file.missing_columns": QT_TRANSLATE_NOOP(
        "CoreMessages", "looks like a {format} but has no {columns} column"
    ),
    "import.file.wrong_platform": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{file} is a {format}, but shop '{shop}' sells on {platform}: import it into a {family} shop "
        "(or pass --platform for a new shop).",
    ),
    "import.file.unpaired": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{file} is a {format}; import it together with its {other} exported at the same time, which holds the {holds}.",
    ),
    "import.holds.items": QT_TRANSLATE_NOOP("CoreMessages", "items and SKUs"),
    "import.holds.receivers": QT_TRANSLATE_NOOP("CoreMessages", "receivers"),
    # A cell that does not read; {column} is the file's own header, {value} the cell as written
    "import.cell": QT_TRANSLATE_NOOP("CoreMessages", "{column} {reason}"),
    "import.what.order_no": QT_TRANSLATE_NOOP("CoreMessages", "order number"),
    "import.what.line_no": QT_TRANSLATE_NOOP("CoreMessages", "sub-order number"),
    "import.cell.no_value": QT_TRANSLATE_NOOP("CoreMessages", "no {what}"),
    "import.cell.scientific": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{what} {value} is in scientific notation: Excel destroyed its digits; export again and open the file as text",
    ),
    "import.cell.not_order_no": QT_TRANSLATE_NOOP("CoreMessages", "{what} '{value}' is not a number"),
    "import.cell.not_amount": QT_TRANSLATE_NOOP("CoreMessages", "'{value}' is not an amount"),
    "import.cell.not_whole_number": QT_TRANSLATE_NOOP("CoreMessages", "'{value}' is not a whole number"),
    "import.cell.empty": QT_TRANSLATE_NOOP("CoreMessages", "is empty"),
    "import.cell.qty_too_small": QT_TRANSLATE_NOOP("CoreMessages", "'{value}' is not a quantity (at least 1)"),
    "import.cell.qty_too_large": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{value}' is more than PackDesk takes for one line ({most})"
    ),
    "import.cell.date_damaged": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{value}' is not a date that exists: the row is damaged, export it again"
    ),
    "import.cell.not_date": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{value}' is not a date and time (like 2026-05-31 14:16:18)"
    ),
    "import.cell.date_year": QT_TRANSLATE_NOOP("CoreMessages", "'{value}' is not a date of an order (the year {year})"),
    "import.cell.unknown_status": QT_TRANSLATE_NOOP(
        "CoreMessages", "order status '{status}' is unknown, so PackDesk cannot tell whether it may ship"
    ),
    # A row rejected
    "import.row.paid_empty": QT_TRANSLATE_NOOP(
        "CoreMessages", "{column} is empty: PackDesk needs the payment time for the ship-by deadline"
    ),
    "import.row.no_title": QT_TRANSLATE_NOOP("CoreMessages", "has no item title and no merchant code (商家编码)"),
    "import.row.no_quantity": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "has no quantity (the item report has no 购买数量 column) and order {order_no} has {lines} lines",
    ),
    "import.row.line_twice": QT_TRANSLATE_NOOP(
        "CoreMessages", "sub-order {line_no} appears twice (first at row {row})"
    ),
    "import.row.order_twice": QT_TRANSLATE_NOOP(
        "CoreMessages", "order {order_no} appears twice in this file (first at row {row})"
    ),
    "import.row.lines_rejected": QT_TRANSLATE_NOOP(
        "CoreMessages", "none of order {order_no}'s lines in the item report could be imported"
    ),
    "import.row.no_lines": QT_TRANSLATE_NOOP(
        "CoreMessages", "order {order_no} has no lines in the item report (宝贝报表) imported with this file"
    ),
    "import.row.not_in_order_report": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "order {order_no} is not in the order report (订单报表): export both reports with the same filter and "
        "import them together",
    ),
}

"""The seller's own product sheet (.xlsx or .csv) into the catalogue: SKUs, titles, specs, barcodes, case packs,
weights, stock and safety stock (sync layer).

A sheet is the seller's, not a platform's: its columns are found by their header names in Chinese or English, and
the seller may name any of them (`--map barcode=条形码`); the mapping used is returned so the window can show it for
confirmation (app.sync.imports.product_columns). The header may sit under a title row or two. Workbooks are read
with openpyxl in read-only mode (the first sheet whose header names a SKU column), text files as the order imports
read them (a BOM decides, else UTF-8, else GB18030). Every row the catalogue cannot take is rejected with its row
number as Excel shows it and the reason (a bad check digit, a barcode of another SKU, no SKU, a weight that is no
number); the rest is written in the caller's transaction by app.services.catalogue, and a second import of the same
file changes nothing.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.domain.barcodes import BarcodeError, case_code, split_codes, unit_code
from app.domain.messages import Message, msg
from app.domain.products import MAX_SKU, MAX_TEXT, CatalogueEntry
from app.services.catalogue import apply_entries
from app.services.stock import record_sheet_stock, sheet_stock_before
from app.sync.imports.cells import CellError, clean_cell, parse_amount
from app.sync.imports.product_columns import FIELDS, SheetColumns, locate, parse_map
from app.sync.imports.reading import FileError, Reject, Row, Table, text_records
from app.sync.imports.report import FileReport, ImportReport
from app.sync.shops import find_shop

FORMAT = "product_sheet"
MAX_WEIGHT_G = 1_000_000
MAX_COUNT = 10_000_000
MAX_KEY = 64  # outer_id, sku_id, item_id
_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE][+-]?[0-9]+")
_WEIGHT = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(kg|千克|公斤|g|克|)", re.IGNORECASE)
_COUNT = re.compile(r"([0-9]+)(?:\.0+)?\s*(?:件|个|pcs|)", re.IGNORECASE)
_KILO = Decimal(1000)

__all__ = ["FIELDS", "ProductImportReport", "SheetColumns", "import_products", "parse_map", "read_sheet"]


# -- reading the file ---------------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A workbook cell as the seller sees its text (a whole number without Excel's ".0")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def _workbook_sheets(path: Path) -> list[tuple[str, list[list[str]]]]:
    from openpyxl import load_workbook  # 0.14 s of imports (numpy too) every `packdesk` command would pay
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # style and data-validation notes about the workbook, not its cells
            book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise FileError(msg("products.file.not_xlsx", error=str(exc) or type(exc).__name__)) from None
    try:
        sheets = []
        for sheet in book.worksheets:
            sheet.reset_dimensions()  # some writers store a wrong size; read what is there
            rows = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            sheets.append((sheet.title, rows))
        return sheets
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise FileError(msg("products.file.not_xlsx", error=str(exc) or type(exc).__name__)) from None
    finally:
        book.close()


def read_sheet(path: Path, given: Mapping[str, str]) -> tuple[SheetColumns, list[tuple[int, list[str]]]]:
    """The sheet's columns and its data rows (Excel row number, cells), blank rows left out.

    Raises:
        FileError: the file cannot be read, is an old or protected workbook, is neither a workbook nor text, or has
            no SKU column (or lacks a column the seller named).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileError(msg("import.file.unreadable", error=exc.strerror or str(exc))) from None
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileError(msg("products.file.excel_old"))
    if data.startswith(b"PK\x03\x04"):
        sheets = _workbook_sheets(path)
    else:
        try:
            sheets = [("", text_records(data))]
        except FileError as exc:
            if exc.msg.id == "import.file.not_text":
                raise FileError(msg("products.file.not_sheet")) from None
            raise
    error: FileError | None = None
    for name, records in sheets:
        try:
            columns = locate(records, given, name)
        except FileError as exc:
            error = error or exc
            continue
        start = columns.header_row
        rows = [(n, cells) for n, cells in enumerate(records[start:], start=start + 1) if any(c.strip() for c in cells)]
        return columns, rows
    raise error or FileError(msg("products.file.empty"))


# -- one row ------------------------------------------------------------------------------------------------------


def _grams(kilograms: bool) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = clean_cell(text).replace(",", "").replace("，", "")
        match = _WEIGHT.fullmatch(value)
        if not match:
            raise CellError(msg("products.row.not_grams", value=value))
        unit = match.group(2).lower()
        number = Decimal(match.group(1))
        grams = number * _KILO if unit in ("kg", "千克", "公斤") or (not unit and kilograms) else number
        whole = int(grams.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        if whole > MAX_WEIGHT_G:
            raise CellError(msg("products.row.weight_range", value=value, most=f"{MAX_WEIGHT_G:,}"))
        return whole

    return parse


def _count(text: str) -> int:
    value = clean_cell(text).replace(",", "").replace("，", "")
    match = _COUNT.fullmatch(value)
    if not match:
        raise CellError(msg("products.row.not_count", value=value))
    count = int(match.group(1))
    if count > MAX_COUNT:
        raise CellError(msg("products.row.count_range", value=value, most=f"{MAX_COUNT:,}"))
    return count


def _key_text(row: Row, name: str, longest: int) -> str | None:
    """A code column's text (SKU, item code, ids); None when empty."""
    value = clean_cell(row.text(name)).lstrip("'").strip()
    if not value:
        return None
    if _SCIENTIFIC.fullmatch(value):
        what = msg(f"products.field.{name}")
        raise Reject(
            msg("import.cell", column=row.name(name), reason=msg("import.cell.scientific", what=what, value=value))
        )
    if len(value) > longest:
        raise Reject(
            msg(
                "import.cell",
                column=row.name(name),
                reason=msg("products.row.too_long", value=value[:20] + "…", most=longest),
            )
        )
    return value


def _plain(row: Row, name: str) -> str | None:
    value = row.text(name)
    if not value:
        return None
    if len(value) > MAX_TEXT:
        reason = msg("products.row.too_long", value=value[:20] + "…", most=MAX_TEXT)
        raise Reject(msg("import.cell", column=row.name(name), reason=reason))
    return value


def _codes(row: Row) -> dict[str, int]:
    codes: dict[str, int] = {}
    column = "barcode"
    try:
        for text in split_codes(row.text("barcode")):
            codes[unit_code(text)] = 1
        cases = split_codes(row.text("case_barcode"))
        if cases:
            column = "case_barcode"
            if not row.text("case_units"):
                named: str | Message = (
                    row.name("case_units") if row.has("case_units") else msg("products.field.case_units")
                )
                raise Reject(msg("products.row.case_without_units", column=named))
            units = row.parse("case_units", _count)
            for text in cases:
                code = case_code(text, units)
                if code in codes:
                    raise BarcodeError(msg("barcode.unit_and_case", code=code))
                codes[code] = units
    except BarcodeError as exc:
        raise Reject(msg("products.row.barcode", column=row.name(column), reason=exc.msg)) from None
    return codes


def entry_of(row: Row) -> CatalogueEntry:
    """What one sheet row says of its SKU.

    Raises:
        Reject: the row has no SKU, or a cell the catalogue cannot take (with the column and the reason).
    """
    outer_id = _key_text(row, "outer_id", MAX_KEY)
    sku = _key_text(row, "sku", MAX_SKU) or outer_id  # a single-SKU item's row may carry only the item's code
    if sku is None:
        raise Reject(msg("products.row.no_sku", column=row.name("sku")))
    weight: int | None = None
    if row.text("weight_g"):
        weight = row.parse("weight_g", _grams(kilograms=False))
    elif row.text("weight_kg"):
        weight = row.parse("weight_kg", _grams(kilograms=True))
    return CatalogueEntry(
        sku=sku,
        title=_plain(row, "title"),
        spec=_plain(row, "spec"),
        outer_id=outer_id,
        sku_id=_key_text(row, "sku_id", MAX_KEY),
        item_id=_key_text(row, "item_id", MAX_KEY),
        codes=_codes(row),
        weight_g=weight,
        on_hand=row.parse("stock", _count) if row.text("stock") else None,
        safety=row.parse("safety_stock", _count) if row.text("safety_stock") else None,
        price=row.parse("price", parse_amount) if row.text("price") else None,
    )


# -- the import ---------------------------------------------------------------------------------------------------


@dataclass
class ProductImportReport(ImportReport):
    """What became of a product sheet: the order imports' report (same JSON), with the columns used."""

    columns: SheetColumns | None = None

    def to_json(self) -> dict[str, Any]:
        columns = self.columns
        return {
            **super().to_json(),
            "sheet": columns.sheet if columns else None,
            "header_row": columns.header_row if columns else None,
            "mapping": columns.mapping if columns else {},
            "ignored": list(columns.ignored) if columns else [],
        }


def import_products(
    session: Session, path: Path | str, *, shop: str | None = None, mapping: Mapping[str, str] | None = None
) -> ProductImportReport:
    """Imports a product sheet into the catalogue, in the caller's transaction.

    Args:
        path: the .xlsx or .csv file.
        shop: the shop the sheet belongs to (recorded on the products it brings or changes); it must exist.
        mapping: field -> header the seller named (`parse_map`); other columns are found by their names.

    Returns:
        The report: counts, each rejected row with its number and reason, the columns used. A file that cannot be
        read or has no SKU column carries an `error` and imports nothing.

    Raises:
        NotFound: no shop of that name.
    """
    shop_id, platform, name = None, "", ""
    if shop is not None:
        found = find_shop(session, shop.strip())
        shop_id, platform, name = found.id, found.platform, found.name
    report = FileReport(str(path), FORMAT)
    result = ProductImportReport(name, platform, [report])
    try:
        columns, rows = read_sheet(Path(path), mapping or {})
    except FileError as exc:
        report.message = msg("import.file", file=str(path), reason=exc.msg)
        return result
    result.columns = columns
    report.rows = len(rows)
    table = Table(columns.columns, [])
    entries: list[tuple[int, CatalogueEntry]] = []
    for number, cells in rows:
        try:
            entries.append((number, entry_of(Row(number, cells, table))))
        except Reject as exc:
            report.reject(number, exc.msg)
    stocked = {e.sku: e.on_hand for _, e in entries if e.on_hand is not None}
    before = sheet_stock_before(session, stocked)
    changes = apply_entries(session, entries, shop_id=shop_id)
    report.inserted, report.updated, report.unchanged = changes.inserted, changes.updated, changes.unchanged
    for number, reason in changes.rejected:
        report.reject(number, reason)
    refused = {number for number, _reason in changes.rejected}
    stocked = {e.sku: e.on_hand for number, e in entries if e.on_hand is not None and number not in refused}
    # the SKUs it gives stock for are tracked from now on, each change a stock move; stock is allotted again
    record_sheet_stock(session, stocked, before, Path(path).name, datetime.now(UTC))
    return result

"""Reading a seller-centre export: its bytes, its encoding, its sheet of rows, each row's cells by field (sync layer).

A file is decoded as UTF-8 or UTF-16 when it starts with a BOM; otherwise as strict UTF-8, else GB18030 (the superset
of the GBK that legacy exports use). Comma- and tab-separated text are read (Excel's "Unicode text" is tab-separated);
an Excel workbook is refused with a reason, as is a file whose header is no known export's.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from app.domain.messages import Message, msg
from app.sync.imports.cells import DATE_LIKE, clean_cell, normalize_header, parse_order_no, parse_time, why
from app.sync.imports.formats import COLUMNS, FORMATS, REQUIRED, TAOBAO_ITEMS, detect_format

_DATE_HEADER = ("时间", "日期")  # a column whose header ends so holds dates
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_T = TypeVar("_T")


class FileError(Exception):
    """The whole file cannot be imported; the message ends a sentence starting with the file name."""

    def __init__(self, reason: Message, fmt: str = "") -> None:
        super().__init__(reason.render())
        self.msg = reason
        self.format = fmt  # the format recognised, when that much was possible


class Reject(Exception):
    """One row cannot be imported; `msg` is the reason."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.render())
        self.msg = reason


def decode(data: bytes) -> str:
    """The text of an export: a BOM decides; otherwise strict UTF-8, else GB18030 (GBK's superset).

    Raises:
        UnicodeDecodeError: the bytes are neither.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def text_records(data: bytes) -> list[list[str]]:
    """The rows of a comma- or tab-separated text file (`decode` decides its encoding).

    Raises:
        FileError: the bytes are not text, or not CSV.
    """
    try:
        text = decode(data)
    except UnicodeDecodeError:
        raise FileError(msg("import.file.not_text")) from None
    first = text.split("\n", 1)[0]
    try:
        delimiter = "\t" if first.count("\t") > first.count(",") else ","  # Excel's "Unicode text" is tab-separated
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise FileError(msg("import.file.not_csv", error=str(exc))) from None


@dataclass
class Table:
    columns: dict[str, tuple[str, int]]  # logical field -> (the file's header name, column index)
    rows: list[tuple[int, list[str]]]  # (Excel row number, cells), blank rows left out
    dates: list[tuple[str, int]] = field(default_factory=list)  # every date column, used or not: (header, index)


def read_export(path: Path) -> tuple[str, Table]:
    """Reads and recognises one export: (format, table)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileError(msg("import.file.unreadable", error=exc.strerror or str(exc))) from None
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise FileError(msg("import.file.excel"))
    records = text_records(data)
    header = {normalize_header(name): i for i, name in reversed(list(enumerate(records[0] if records else [])))}
    fmt = detect_format(set(header))
    if fmt is None:
        seen = ", ".join(n for n in (records[0] if records else [])[:8] if n.strip())
        raise FileError(msg("import.file.unknown", first=seen or msg("import.file.empty_header")))
    columns: dict[str, tuple[str, int]] = {}
    for key, names in COLUMNS[fmt].items():
        for name in names:
            if name in header:
                columns[key] = (records[0][header[name]].strip(), header[name])
                break
    missing = [COLUMNS[fmt][key][0] for key in REQUIRED[fmt] if key not in columns]
    if fmt == TAOBAO_ITEMS and "title" not in columns and "sku" not in columns:
        missing.append("标题")
    if missing:
        raise FileError(msg("import.file.missing_columns", format=FORMATS[fmt], columns=", ".join(missing)), fmt)
    rows = [(number, cells) for number, cells in enumerate(records[1:], start=2) if any(c.strip() for c in cells)]
    dates = [(records[0][i].strip(), i) for name, i in header.items() if name.endswith(_DATE_HEADER)]
    return fmt, Table(columns, rows, sorted(dates, key=lambda d: d[1]))


class Row:
    """One data row: cleaned cells by logical field; a missing column reads as an empty cell."""

    def __init__(self, number: int, cells: list[str], table: Table) -> None:
        self.number = number
        self._cells = cells
        self._columns = table.columns
        self._dates = table.dates

    def has(self, key: str) -> bool:
        return key in self._columns

    def name(self, key: str) -> str:
        """The column's header as the file spells it (what the seller sees in Excel)."""
        return self._columns[key][0] if key in self._columns else key

    def text(self, key: str) -> str:
        column = self._columns.get(key)
        if column is None or column[1] >= len(self._cells):
            return ""
        return clean_cell(self._cells[column[1]])

    def parse(self, key: str, parser: Callable[[str], _T]) -> _T:
        """`parser(cell)`, its ValueError turned into a rejection naming the column."""
        try:
            return parser(self.text(key))
        except ValueError as exc:
            raise Reject(msg("import.cell", column=self.name(key), reason=why(exc))) from None

    def check_dates(self) -> None:
        """Rejects the row when any date column, used or not, holds a date that does not exist (2026-02-30
        25:61:00): the row was damaged on its way here, and nothing in it can be trusted."""
        for header, index in self._dates:
            value = clean_cell(self._cells[index]) if index < len(self._cells) else ""
            if DATE_LIKE.fullmatch(value):
                try:
                    parse_time(value)
                except ValueError as exc:
                    raise Reject(msg("import.cell", column=header, reason=why(exc))) from None

    def order_no(self, key: str = "order_no", what: str = "order number") -> str:
        try:
            return parse_order_no(self.text(key), what)
        except ValueError as exc:
            raise Reject(why(exc)) from None

"""Reading one cell of a seller-centre export: order numbers, amounts, quantities, times, phone numbers (sync layer).

Each parser takes the cell's text and returns the value or raises CellError (a ValueError) with a catalogue message
saying why; the limits (largest amount, largest quantity, the years an order can carry) are app.sync.model's. A cell
keeps its text as the seller sees it in Excel: the ="..." wrapping exports use to keep Excel's hands off a value, and
the ".0" Excel adds to a number it saved, are undone here.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation

from app.domain.messages import Message, msg
from app.domain.orders import CHINA_TZ
from app.sync.model import MAX_AMOUNT, MAX_QTY, YEARS

_EXCEL_TEXT = re.compile(r'="(.*)"', re.S)  # ="0123" keeps Excel from turning digits into a number
_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE][+-]?[0-9]+")
_ORDER_NO = re.compile(r"[0-9]+(?:-[0-9]+)*")  # PDD numbers look like 240531-0123456789012
_FLOAT_ZERO = re.compile(r"([0-9]{1,15})\.0+")  # a short number Excel saved as 123.0: its digits are intact
_MONEY_NOISE = re.compile(r"[¥￥元,\s]")
_QTY = re.compile(r"([0-9]+)(?:\.0+)?件?")
_SERIAL = re.compile(r"[0-9]{5}(?:\.[0-9]+)?")
_EXCEL_EPOCH = datetime(1899, 12, 30)
DATE_LIKE = re.compile(r"[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}(?: [0-9]{1,2}:[0-9]{1,2}(?::[0-9]{1,2})?)?")
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d", "%Y/%m/%d")
CENT = Decimal("0.01")


class CellError(ValueError):
    """A cell that does not read as what its column holds; `msg` says why (its str() is the English)."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.render())
        self.msg = reason


def why(exc: ValueError) -> Message:
    """The reason a cell parser gave (any other ValueError's text as it is)."""
    return exc.msg if isinstance(exc, CellError) else Message.plain(str(exc))


_ORDER_NO_WHAT = {"order number": "import.what.order_no", "sub-order number": "import.what.line_no"}


def normalize_header(name: str) -> str:
    """'收货地址 ' -> '收货地址', '商品数量（件）' -> '商品数量(件)'."""
    return re.sub(r"\s+", "", name.replace("\ufeff", "")).replace("（", "(").replace("）", ")")


def clean_cell(text: str) -> str:
    """Strips spaces, tabs and the ="..." wrapping that exports use to keep Excel's hands off a value."""
    text = text.strip()
    match = _EXCEL_TEXT.fullmatch(text)
    return match.group(1).strip() if match else text


def parse_order_no(text: str, what: str = "order number") -> str:
    """An order (or sub-order) number: digits, or PDD's digits-dash-digits, after the anti-Excel wrapping.

    Args:
        what: "order number" or "sub-order number", as the reason names it.
    """
    value = clean_cell(text).lstrip("'").strip()
    named = msg(_ORDER_NO_WHAT[what])
    if not value:
        raise CellError(msg("import.cell.no_value", what=named))
    if _SCIENTIFIC.fullmatch(value):
        raise CellError(msg("import.cell.scientific", what=named, value=value))
    if match := _FLOAT_ZERO.fullmatch(value):
        value = match.group(1)
    if not _ORDER_NO.fullmatch(value):
        raise CellError(msg("import.cell.not_order_no", what=named, value=value))
    return value


def parse_amount(text: str) -> Decimal:
    """'¥1,234.50' -> Decimal('1234.50'); an empty cell is 0."""
    value = _MONEY_NOISE.sub("", clean_cell(text))
    if not value:
        return Decimal("0.00")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:  # 1E+30 is a number, but no order's amount
        raise CellError(msg("import.cell.not_amount", value=text.strip()))
    return amount.quantize(CENT)


def parse_quantity(text: str) -> int:
    value = clean_cell(text)
    match = _QTY.fullmatch(value)
    if not match:
        raise CellError(msg("import.cell.not_whole_number", value=value) if value else msg("import.cell.empty"))
    qty = int(match.group(1))
    if qty < 1:
        raise CellError(msg("import.cell.qty_too_small", value=value))
    if qty > MAX_QTY:
        raise CellError(msg("import.cell.qty_too_large", value=value, most=f"{MAX_QTY:,}"))
    return qty


def parse_time(text: str) -> datetime:
    """A China-time cell (2026-05-31 14:16:18, 2026/5/31 14:16 or an Excel serial number) as aware UTC."""
    value = clean_cell(text)
    local: datetime | None = None
    for fmt in _TIME_FORMATS:
        try:
            local = datetime.strptime(value, fmt)
            break
        except ValueError:
            continue
    if local is None and _SERIAL.fullmatch(value):
        local = _EXCEL_EPOCH + timedelta(seconds=round(float(value) * 86400))
    if local is None:
        if DATE_LIKE.fullmatch(value):  # 2026-02-30 25:61:00: shaped like a time, but none that exists
            raise CellError(msg("import.cell.date_damaged", value=value))
        raise CellError(msg("import.cell.not_date", value=value))
    if not YEARS[0] <= local.year <= YEARS[1]:
        raise CellError(msg("import.cell.date_year", value=value, year=local.year))
    return local.replace(tzinfo=CHINA_TZ).astimezone(UTC)


def parse_phone(text: str) -> str:
    """Masked numbers stay as delivered; a number Excel saved as 13812345678.0 loses the .0."""
    text = text.lstrip("'").strip()
    return re.sub(r"^([0-9]+)\.0+$", r"\1", text)

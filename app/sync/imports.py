"""Seller-centre file imports: Taobao's order report with its item report, Pinduoduo and JD order exports (sync layer).

A seller exports orders from the platform's back office and hands the files to `import_files`. Each file is
recognised by its header names, never by column position (every version of every export adds or drops columns). It is
decoded as UTF-8 when it starts with a BOM; otherwise as strict UTF-8, else GB18030 (the superset of the GBK that
legacy exports use). A row that cannot be trusted is rejected with its row number as Excel shows it (the header is
row 1) and a reason the seller can act on; the rest of the file still imports. Orders go through
`app.sync.store.upsert_orders`, so importing the same file again changes nothing.

What makes one order:
- Taobao: one row of the order report (订单报表) plus its rows in the item report (宝贝报表), joined on 订单编号.
- Pinduoduo and JD: one row per line; the rows with the same order number are one order, whose order-level fields
  (status, receiver, times, amounts) come from its first good row.
An order imports from its good rows; an order left without a good line is not imported. Orders still waiting for
payment are skipped (counted, not rejected): there is nothing to pack yet.

Times in the files are China time; PlatformOrder holds aware UTC. Without a promised ship time (承诺发货时间) the
ship-by deadline is the pay time plus DEFAULT_SHIP_WITHIN (48 h). Lines without a sub-order number (子订单编号) are
numbered ORDER_NO-N, N being the line's position among its order's rows in file order, so a re-import finds them.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import OrderStatus, Platform, RefundStatus
from app.domain.errors import InvalidInput
from app.domain.masking import mask_name, mask_phone
from app.domain.messages import Message, msg
from app.domain.orders import CHINA_TZ, DEFAULT_SHIP_WITHIN
from app.persistence.rows import ShopRow
from app.sync.import_report import FileReport, ImportReport
from app.sync.model import MAX_AMOUNT, MAX_QTY, YEARS, PlatformLine, PlatformOrder
from app.sync.shops import ensure_shop
from app.sync.store import upsert_orders

TAOBAO_ORDERS, TAOBAO_ITEMS, PDD, JD = "taobao_orders", "taobao_items", "pdd", "jd"
FORMATS = {fmt: msg(f"import.format.{fmt}") for fmt in (TAOBAO_ORDERS, TAOBAO_ITEMS, PDD, JD)}  # their names
FORMAT_NAMES = {fmt: name.render() for fmt, name in FORMATS.items()}
FORMAT_PLATFORM = {TAOBAO_ORDERS: Platform.TAOBAO, TAOBAO_ITEMS: Platform.TAOBAO, PDD: Platform.PDD, JD: Platform.JD}
# fmt: off
# The exports a shop takes: Tmall shops export the Taobao reports; a shop of platform "other" takes any export.
_SHOP_TAKES = {
    Platform.TAOBAO: Platform.TAOBAO, Platform.TMALL: Platform.TAOBAO,
    Platform.PDD: Platform.PDD, Platform.JD: Platform.JD,
}
# Logical field -> the header names that carry it, per format (normalised: no spaces, half-width parentheses).
# The first name present in a file wins.
_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    TAOBAO_ORDERS: {
        "order_no": ("订单编号",), "status": ("订单状态",), "paid": ("订单付款时间", "付款时间"),
        "created": ("订单创建时间",), "promise": ("承诺发货时间", "最晚发货时间"), "nick": ("买家会员名",),
        "name": ("收货人姓名",), "mobile": ("联系手机",), "phone": ("联系电话",), "address": ("收货地址",),
        "address_changed": ("修改后的收货地址",), "message": ("买家留言",), "memo": ("订单备注", "商家备注"),
        "total": ("买家实际支付金额", "买家实付金额", "总金额"), "post_fee": ("买家应付邮费",),
        "units": ("宝贝总数量",),
    },
    TAOBAO_ITEMS: {
        "order_no": ("订单编号", "主订单编号"), "line_no": ("子订单编号",), "title": ("标题", "商品标题", "宝贝标题"),
        "qty": ("购买数量", "宝贝数量"), "price": ("价格", "商品价格"), "spec": ("商品属性", "商品属性SKU"),
        "sku": ("商家编码",), "sku_alt": ("外部系统编号",), "line_status": ("订单状态",),
        "refund": ("退款状态", "售后状态"),
    },
    PDD: {
        "order_no": ("订单号",), "status": ("订单状态",), "paid": ("支付时间", "订单确认时间", "拼单成功时间"),
        "promise": ("承诺发货时间",), "name": ("收货人",), "mobile": ("手机", "收货人手机号"),
        "extension": ("隐私号的四位分机号",), "province": ("省",), "city": ("市",), "district": ("区",),
        "street": ("街道",), "message": ("买家留言",), "memo": ("商家备注",), "total": ("用户实付金额(元)",),
        "post_fee": ("邮费(元)",), "title": ("商品",), "qty": ("商品数量(件)",), "line_total": ("商品总价(元)",),
        "spec": ("商品规格",), "sku": ("商家编码-SKU维度",), "sku_alt": ("商家编码-商品维度",),
        "refund": ("售后状态", "退款状态"),
    },
    JD: {
        "order_no": ("订单号",), "status": ("订单状态",), "paid": ("付款确认时间",), "created": ("下单时间",),
        "nick": ("下单帐号", "下单账号"), "name": ("客户姓名",), "phone": ("联系电话",), "address": ("客户地址",),
        "message": ("订单备注",), "memo": ("商家备注",), "flag": ("商家备注等级(等级1-5为由高到低)", "商家备注等级"),
        "total": ("应付金额", "订单金额"), "post_fee": ("运费金额",), "title": ("商品名称",), "qty": ("订购数量",),
        "price": ("京东价",), "sku": ("商家编码",), "sku_alt": ("货号",), "refund": ("售后状态", "退款状态"),
    },
}
# Columns without which a format cannot import at all (a file missing one is refused as a whole).
_REQUIRED = {
    TAOBAO_ORDERS: ("order_no", "status", "paid"), TAOBAO_ITEMS: ("order_no",),
    PDD: ("order_no", "status", "qty"), JD: ("order_no", "status", "qty"),
}
# Status texts by what they mean, normalised (no spaces, half-width commas and parentheses); Taobao/Tmall, PDD, JD.
# None: not paid yet, the order is skipped.
_STATUS_TEXTS: dict[OrderStatus | None, tuple[str, ...]] = {
    None: ("等待买家付款", "待支付", "待付款", "待成团", "拼团中", "等待付款"),
    OrderStatus.AWAITING_SHIPMENT: ("买家已付款,等待卖家发货", "等待卖家发货", "待发货", "等待出库", "等待发货"),
    OrderStatus.PARTLY_SHIPPED: ("卖家部分发货",),
    OrderStatus.SHIPPED: (
        "卖家已发货,等待买家确认", "卖家已发货", "买家已签收", "交易成功", "已发货,待签收", "已发货", "已签收",
        "等待确认收货", "已出库", "完成", "已完成",
    ),
    OrderStatus.CLOSED: (
        "交易关闭", "付款以后用户退款成功,交易自动关闭", "已取消", "交易已取消", "未发货,退款成功",
        "已发货,退款成功", "取消", "订单取消", "(删除)订单取消",
    ),
    OrderStatus.ON_HOLD: ("锁定", "暂停"),
}
# After-sale texts that mean "nothing going on"; other texts mean an after-sale is open unless it succeeded.
_NO_REFUND = {
    "", "-", "无", "无售后", "无售后或售后取消", "售后取消", "售后关闭", "买家撤销", "退款关闭", "没有申请退款",
}
# PDD 售后状态 codes (platforms.md §2.2): 5 refunded; 6 withdrawn, 12 cancelled; 16/18 exchanges; 10/11 returns open.
# An unknown code counts as open: a parcel must never leave after a refund.
_REFUND_CODES = {
    0: RefundStatus.NONE, 5: RefundStatus.REFUNDED, 6: RefundStatus.NONE, 12: RefundStatus.NONE,
    16: RefundStatus.NONE, 18: RefundStatus.NONE, 10: RefundStatus.REQUESTED, 11: RefundStatus.REQUESTED,
}
# fmt: on
_STATUSES = {text: status for status, texts in _STATUS_TEXTS.items() for text in texts}

_EXCEL_TEXT = re.compile(r'="(.*)"', re.S)  # ="0123" keeps Excel from turning digits into a number
_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE][+-]?[0-9]+")
_ORDER_NO = re.compile(r"[0-9]+(?:-[0-9]+)*")  # PDD numbers look like 240531-0123456789012
_FLOAT_ZERO = re.compile(r"([0-9]{1,15})\.0+")  # a short number Excel saved as 123.0: its digits are intact
_MONEY_NOISE = re.compile(r"[¥￥元,\s]")
_QTY = re.compile(r"([0-9]+)(?:\.0+)?件?")
_SERIAL = re.compile(r"[0-9]{5}(?:\.[0-9]+)?")
_EXCEL_EPOCH = datetime(1899, 12, 30)
_DATE_LIKE = re.compile(r"[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}(?: [0-9]{1,2}:[0-9]{1,2}(?::[0-9]{1,2})?)?")
_DATE_HEADER = ("时间", "日期")  # a column whose header ends so holds dates
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d", "%Y/%m/%d")
_POSTCODE = re.compile(r"\s*[(（][0-9]{6}[)）]$")
_PROVINCE = re.compile(
    r"(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
    r"云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?"
)
_CITY = re.compile(r"[^省市区县]{1,12}?(?:市|自治州|地区|盟)")
_DISTRICT = re.compile(r"[^省市区县旗]{1,10}?(?:区|县|旗|市)")
_CENT = Decimal("0.01")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_T = TypeVar("_T")


# -- cell parsers (public: each takes the cell text and raises CellError, a ValueError, with a reason) ----------------


class CellError(ValueError):
    """A cell that does not read as what its column holds; `msg` says why (its str() is the English)."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.render())
        self.msg = reason


def _why(exc: ValueError) -> Message:
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
    return amount.quantize(_CENT)


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
        if _DATE_LIKE.fullmatch(value):  # 2026-02-30 25:61:00: shaped like a time, but none that exists
            raise CellError(msg("import.cell.date_damaged", value=value))
        raise CellError(msg("import.cell.not_date", value=value))
    if not YEARS[0] <= local.year <= YEARS[1]:
        raise CellError(msg("import.cell.date_year", value=value, year=local.year))
    return local.replace(tzinfo=CHINA_TZ).astimezone(UTC)


def map_status(text: str) -> OrderStatus | None:
    """A platform's status text as PackDesk's status; None for an order not paid yet.

    Raises:
        ValueError: a status PackDesk does not know (it cannot tell whether the order may ship).
    """
    key = normalize_header(text).replace("，", ",")
    if key not in _STATUSES:
        raise CellError(msg("import.cell.unknown_status", status=text.strip()))
    return _STATUSES[key]


def map_refund(text: str) -> RefundStatus:
    """An after-sale / refund cell (text like 退款成功, 售后处理中, or a PDD code) as a line's refund status."""
    key = normalize_header(clean_cell(text)).replace("，", ",")
    if key in _NO_REFUND:
        return RefundStatus.NONE
    if key.isdigit():
        return _REFUND_CODES.get(int(key), RefundStatus.REQUESTED)
    if "成功" in key and ("退款" in key or "退货" in key):
        return RefundStatus.REFUNDED
    if "换货" in key or "补寄" in key:
        return RefundStatus.NONE
    return RefundStatus.REQUESTED


def split_address(text: str) -> tuple[str, str, str, str]:
    """'江苏省 南京市 建邺区 沙洲街道****' -> (province, city, district, detail).

    Exports separate the levels with spaces; an address without spaces (JD) is split on the usual suffixes
    (省/市/自治区, 市/州/盟, 区/县/旗/市) and stays whole in `detail` when its province is not recognised.
    """
    text = _POSTCODE.sub("", text.strip())
    parts = text.split(maxsplit=3)
    if len(parts) == 4:
        return parts[0], parts[1], parts[2], parts[3]
    if len(parts) == 3:
        return parts[0], parts[1], "", parts[2]
    if len(parts) == 2:
        return parts[0], "", "", parts[1]
    province = _PROVINCE.match(text)
    if not province:
        return "", "", "", text
    rest = text[province.end() :]
    city = _CITY.match(rest)
    rest = rest[city.end() :] if city else rest
    district = _DISTRICT.match(rest)
    rest = rest[district.end() :] if district else rest
    return province.group(0), city.group(0) if city else "", district.group(0) if district else "", rest


# -- reading a file ---------------------------------------------------------------------------------------------------


class _FileError(Exception):
    """The whole file cannot be imported; the message ends a sentence starting with the file name."""

    def __init__(self, reason: Message, fmt: str = "") -> None:
        super().__init__(reason.render())
        self.msg = reason
        self.format = fmt  # the format recognised, when that much was possible


class _Reject(Exception):
    """One row cannot be imported; `msg` is the reason."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.render())
        self.msg = reason


class _Skip(Exception):
    """The row's order is not paid yet: nothing to pack, nothing wrong."""


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


@dataclass
class _Table:
    columns: dict[str, tuple[str, int]]  # logical field -> (the file's header name, column index)
    rows: list[tuple[int, list[str]]]  # (Excel row number, cells), blank rows left out
    dates: list[tuple[str, int]] = field(default_factory=list)  # every date column, used or not: (header, index)


def _read(path: Path) -> tuple[str, _Table]:
    """Reads and recognises one export: (format, table)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _FileError(msg("import.file.unreadable", error=exc.strerror or str(exc))) from None
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise _FileError(msg("import.file.excel"))
    try:
        text = decode(data)
    except UnicodeDecodeError:
        raise _FileError(msg("import.file.not_text")) from None
    first = text.split("\n", 1)[0]
    try:
        delimiter = "\t" if first.count("\t") > first.count(",") else ","  # Excel's "Unicode text" is tab-separated
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise _FileError(msg("import.file.not_csv", error=str(exc))) from None
    header = {normalize_header(name): i for i, name in reversed(list(enumerate(records[0] if records else [])))}
    fmt = detect_format(set(header))
    if fmt is None:
        seen = ", ".join(n for n in (records[0] if records else [])[:8] if n.strip())
        raise _FileError(msg("import.file.unknown", first=seen or msg("import.file.empty_header")))
    columns: dict[str, tuple[str, int]] = {}
    for key, names in _COLUMNS[fmt].items():
        for name in names:
            if name in header:
                columns[key] = (records[0][header[name]].strip(), header[name])
                break
    missing = [_COLUMNS[fmt][key][0] for key in _REQUIRED[fmt] if key not in columns]
    if fmt == TAOBAO_ITEMS and "title" not in columns and "sku" not in columns:
        missing.append("标题")
    if missing:
        raise _FileError(msg("import.file.missing_columns", format=FORMATS[fmt], columns=", ".join(missing)), fmt)
    rows = [(number, cells) for number, cells in enumerate(records[1:], start=2) if any(c.strip() for c in cells)]
    dates = [(records[0][i].strip(), i) for name, i in header.items() if name.endswith(_DATE_HEADER)]
    return fmt, _Table(columns, rows, sorted(dates, key=lambda d: d[1]))


def detect_format(headers: set[str]) -> str | None:
    """The export a set of normalised header names belongs to, or None."""
    if "主订单编号" in headers or {"订单编号", "标题", "购买数量"} <= headers and "收货地址" not in headers:
        return TAOBAO_ITEMS
    if "订单编号" in headers and ("收货地址" in headers or "收货人姓名" in headers):
        return TAOBAO_ORDERS
    if "订单号" in headers and "商品数量(件)" in headers:
        return PDD
    if "订单号" in headers and "订购数量" in headers:
        return JD
    return None


class _Row:
    """One data row: cleaned cells by logical field; a missing column reads as an empty cell."""

    def __init__(self, number: int, cells: list[str], table: _Table) -> None:
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
            raise _Reject(msg("import.cell", column=self.name(key), reason=_why(exc))) from None

    def check_dates(self) -> None:
        """Rejects the row when any date column, used or not, holds a date that does not exist (2026-02-30
        25:61:00): the row was damaged on its way here, and nothing in it can be trusted."""
        for header, index in self._dates:
            value = clean_cell(self._cells[index]) if index < len(self._cells) else ""
            if _DATE_LIKE.fullmatch(value):
                try:
                    parse_time(value)
                except ValueError as exc:
                    raise _Reject(msg("import.cell", column=header, reason=_why(exc))) from None

    def order_no(self, key: str = "order_no", what: str = "order number") -> str:
        try:
            return parse_order_no(self.text(key), what)
        except ValueError as exc:
            raise _Reject(_why(exc)) from None


# -- rows to orders -------------------------------------------------------------------------------------------------


@dataclass
class _Head:
    """The order-level fields of one row."""

    row: int
    order: PlatformOrder  # without lines yet
    units: int | None = None  # Taobao 宝贝总数量


@dataclass
class _Line:
    """One line row, before it knows its line number."""

    file: FileReport
    row: int
    order_no: str
    line: PlatformLine
    qty_known: bool
    position: int  # among its order's rows, 1-based
    status: OrderStatus | None = None  # Taobao item report: the line's own status


def _head(row: _Row, order_no: str, now: datetime) -> _Head:
    status_text = row.text("status")
    try:
        status = map_status(status_text)
    except ValueError as exc:
        raise _Reject(_why(exc)) from None
    if status is None:
        raise _Skip
    paid_text = row.text("paid") or row.text("created")  # JD cash-on-delivery orders have no payment time
    if not paid_text:
        if status is OrderStatus.CLOSED:
            raise _Skip  # closed before payment: never an order to pack
        raise _Reject(msg("import.row.paid_empty", column=row.name("paid")))
    paid_at = row.parse("paid" if row.text("paid") else "created", parse_time)
    deadline = row.parse("promise", parse_time) if row.text("promise") else paid_at + DEFAULT_SHIP_WITHIN
    if row.has("province"):  # PDD: one column per level
        province, city, district, detail = (
            row.text("province"),
            row.text("city"),
            row.text("district"),
            row.text("street"),
        )
    else:
        province, city, district, detail = split_address(row.text("address_changed") or row.text("address"))
    phone = _phone(row.text("mobile") or row.text("phone"))
    if row.text("extension"):
        phone = f"{phone}-{row.text('extension')}"
    flag = row.text("flag")
    order = PlatformOrder(
        order_no=order_no,
        status=status,
        platform_status=status_text,
        paid_at=paid_at,
        deadline=deadline,
        modified_at=now,
        lines=(),
        buyer_nick=row.text("nick"),
        receiver_name=mask_name(row.text("name")),  # masked as the cache keeps it
        receiver_phone=mask_phone(phone),
        receiver_province=province,
        receiver_city=city,
        receiver_district=district,
        receiver_address=detail,
        buyer_message=row.text("message"),
        seller_memo=row.text("memo"),
        flag=int(flag) if flag in ("1", "2", "3", "4", "5") else 0,
        total=row.parse("total", parse_amount) if row.has("total") else Decimal("0.00"),
        post_fee=row.parse("post_fee", parse_amount) if row.has("post_fee") else Decimal("0.00"),
    )
    try:
        units: int | None = parse_quantity(row.text("units"))
    except ValueError:
        units = None  # only needed when the item report has no quantities; _finish says so then
    return _Head(row.number, order, units)


def _phone(text: str) -> str:
    """Masked numbers stay as delivered; a number Excel saved as 13812345678.0 loses the .0."""
    text = text.lstrip("'").strip()
    return re.sub(r"^([0-9]+)\.0+$", r"\1", text)


def _line(report: FileReport, row: _Row, order_no: str, position: int) -> _Line:
    title = row.text("title")
    sku = row.text("sku") or row.text("sku_alt") or title
    if not sku:
        raise _Reject(msg("import.row.no_title"))
    qty = row.parse("qty", parse_quantity) if row.has("qty") else 1
    if row.has("price"):
        price = row.parse("price", parse_amount)
    elif row.has("line_total"):  # PDD gives the line's goods total
        price = (row.parse("line_total", parse_amount) / qty).quantize(_CENT)
    else:
        price = Decimal("0.00")
    line_no = row.order_no("line_no", "sub-order number") if row.text("line_no") else ""
    status: OrderStatus | None = None
    if row.text("line_status"):
        try:
            status = map_status(row.text("line_status"))
        except ValueError:
            status = None  # the order's own status decides; a line status only refines it
    line = PlatformLine(
        line_no=line_no,
        sku=sku,
        title=title or sku,
        qty=qty,
        price=price,
        spec=row.text("spec"),
        refund_status=map_refund(row.text("refund")),
    )
    return _Line(report, row.number, order_no, line, row.has("qty"), position, status)


def _finish(head: _Head, lines: list[_Line]) -> PlatformOrder | None:
    """The order with the lines that survive (bad ones rejected in their files); None when none does."""
    order, built, seen = head.order, [], {}
    for ln in lines:
        line = ln.line
        if not ln.qty_known:  # an item report without 购买数量: only a one-line order knows its quantity
            if len(lines) != 1 or head.units is None:
                ln.file.reject(ln.row, msg("import.row.no_quantity", order_no=order.order_no, lines=len(lines)))
                continue
            line = replace(line, qty=head.units)
        line_no = line.line_no or f"{order.order_no}-{ln.position}"
        if line_no in seen:
            ln.file.reject(ln.row, msg("import.row.line_twice", line_no=line_no, row=seen[line_no]))
            continue
        seen[line_no] = ln.row
        if order.status.is_open and ln.status is OrderStatus.CLOSED and line.refund_status is RefundStatus.NONE:
            line = replace(line, refund_status=RefundStatus.REFUNDED)  # a closed sub-order of a live order: refunded
        if order.status.is_open and ln.status is OrderStatus.SHIPPED:
            line = replace(line, shipped=True)
        built.append(replace(line, line_no=line_no))
    if not built:
        return None
    status = order.status
    if status is OrderStatus.AWAITING_SHIPMENT and any(ln.shipped for ln in built):
        status = OrderStatus.PARTLY_SHIPPED
    return replace(order, status=status, lines=tuple(built))


@dataclass
class _Loaded:
    report: FileReport
    table: _Table | None = None
    orders: list[PlatformOrder] = field(default_factory=list)


def _line_rows(loaded: _Loaded, now: datetime) -> None:
    """Pinduoduo and JD: one row per line, rows of one order merged."""
    assert loaded.table is not None
    report = loaded.report
    heads: dict[str, _Head] = {}
    lines: dict[str, list[_Line]] = {}
    positions: dict[str, int] = {}
    skipped: set[str] = set()
    for number, cells in loaded.table.rows:
        row = _Row(number, cells, loaded.table)
        try:
            order_no = row.order_no()
            positions[order_no] = position = positions.get(order_no, 0) + 1
            row.check_dates()
            head = _head(row, order_no, now)
            line = _line(report, row, order_no, position)
        except _Skip:
            skipped.add(order_no)
            continue
        except _Reject as exc:
            report.reject(number, exc.msg)
            continue
        heads.setdefault(order_no, head)
        lines.setdefault(order_no, []).append(line)
    report.skipped = len(skipped - heads.keys())
    for order_no, head in heads.items():
        order = _finish(head, lines[order_no])
        if order is not None:
            loaded.orders.append(order)


def _taobao(order_files: list[_Loaded], item_files: list[_Loaded], now: datetime) -> None:
    """Taobao: order report rows joined with item report rows on the order number."""
    items: dict[str, list[_Line]] = {}
    item_rows: dict[str, int] = {}  # item rows per order with a readable order number, rejected ones included
    for loaded in item_files:
        assert loaded.table is not None
        for number, cells in loaded.table.rows:
            row = _Row(number, cells, loaded.table)
            try:
                order_no = row.order_no()
                item_rows[order_no] = item_rows.get(order_no, 0) + 1
                row.check_dates()
                items.setdefault(order_no, []).append(_line(loaded.report, row, order_no, item_rows[order_no]))
            except _Reject as exc:
                loaded.report.reject(number, exc.msg)
    accounted: set[str] = set()  # orders the order reports spoke of, imported or not
    for loaded in order_files:
        assert loaded.table is not None
        first_row: dict[str, int] = {}
        skipped = 0
        for number, cells in loaded.table.rows:
            row = _Row(number, cells, loaded.table)
            try:
                order_no = row.order_no()
                accounted.add(order_no)
                if order_no in first_row:
                    raise _Reject(msg("import.row.order_twice", order_no=order_no, row=first_row[order_no]))
                first_row[order_no] = number
                row.check_dates()
                head = _head(row, order_no, now)
            except _Skip:
                skipped += 1
                continue
            except _Reject as exc:
                loaded.report.reject(number, exc.msg)
                continue
            order = _finish(head, items.get(order_no, []))
            if order is not None:
                loaded.orders.append(order)
            elif item_rows.get(order_no):
                loaded.report.reject(number, msg("import.row.lines_rejected", order_no=order_no))
            else:
                loaded.report.reject(number, msg("import.row.no_lines", order_no=order_no))
        loaded.report.skipped = skipped
    for order_no, lines in items.items():
        if order_no not in accounted:
            for ln in lines:
                ln.file.reject(ln.row, msg("import.row.not_in_order_report", order_no=order_no))


# -- the import -----------------------------------------------------------------------------------------------------


def import_files(
    session: Session, paths: Sequence[Path | str], shop_name: str, now: datetime, platform: Platform | None = None
) -> ImportReport:
    """Imports seller-centre exports into the shop called `shop_name` (created when new), in the caller's transaction.

    Args:
        paths: the files; a Taobao order report needs its item report among them (and the other way round).
        shop_name: the shop the orders belong to.
        now: the import time (stored as the orders' `modified_at`).
        platform: the shop's platform when it is created; by default the platform of the existing shop, else the
            one the first recognised file comes from.

    Returns:
        What became of each file. A file that cannot be read or recognised carries an `error` and imports nothing;
        the other files still import.

    Raises:
        InvalidInput: an empty shop name, or a shop that exists on another platform than `platform`.
    """
    if not shop_name.strip():
        raise InvalidInput(msg("import.shop_name_missing"))
    loaded: list[_Loaded] = []
    for path in paths:
        report = FileReport(str(path))
        try:
            report.format, table = _read(Path(path))
            report.rows = len(table.rows)
            loaded.append(_Loaded(report, table))
        except _FileError as exc:
            report.format, report.message = exc.format, msg("import.file", file=str(path), reason=exc.msg)
            loaded.append(_Loaded(report))
    shop = session.execute(select(ShopRow).where(ShopRow.name == shop_name.strip())).scalar_one_or_none()
    chosen = platform or (Platform(shop.platform) if shop else None)
    if chosen is None:
        chosen = next((FORMAT_PLATFORM[f.report.format] for f in loaded if f.table), None)
    usable = [f for f in loaded if f.table]
    for f in usable:
        family = FORMAT_PLATFORM[f.report.format]
        if chosen is not Platform.OTHER and _SHOP_TAKES.get(chosen) is not family:
            f.report.message = msg(
                "import.file.wrong_platform",
                file=f.report.file,
                format=FORMATS[f.report.format],
                shop=shop_name.strip(),
                platform=str(chosen),
                family=str(family),
            )
            f.table = None
    _pair_taobao(loaded)
    usable = [f for f in loaded if f.table]
    result = ImportReport(shop_name.strip(), "", [f.report for f in loaded])
    if not usable or chosen is None:
        return result
    for f in usable:
        if f.report.format in (PDD, JD):
            _line_rows(f, now)
    _taobao(
        [f for f in usable if f.report.format == TAOBAO_ORDERS],
        [f for f in usable if f.report.format == TAOBAO_ITEMS],
        now,
    )
    shop = ensure_shop(session, shop_name, chosen, now)
    result.platform = shop.platform
    for f in usable:
        stats = upsert_orders(session, shop.id, shop.platform, f.orders)
        f.report.inserted, f.report.updated, f.report.unchanged = stats.inserted, stats.updated, stats.unchanged
        result.changes += stats.changes
    return result


def _pair_taobao(loaded: list[_Loaded]) -> None:
    """Refuses a Taobao order report imported without an item report (it has no lines) and the other way round."""
    halves = {fmt: [f for f in loaded if f.table and f.report.format == fmt] for fmt in (TAOBAO_ORDERS, TAOBAO_ITEMS)}
    for fmt, other, holds in (
        (TAOBAO_ORDERS, TAOBAO_ITEMS, msg("import.holds.items")),
        (TAOBAO_ITEMS, TAOBAO_ORDERS, msg("import.holds.receivers")),
    ):
        if halves[fmt] and not halves[other]:
            for f in halves[fmt]:
                f.table = None
                f.report.message = msg(
                    "import.file.unpaired", file=f.report.file, format=FORMATS[fmt], other=FORMATS[other], holds=holds
                )

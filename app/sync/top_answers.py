"""What PackDesk reads from the Taobao Open Platform's answers, as typed values (sync layer).

`app.sync.top.TopClient.read` converts each answer into one of these with msgspec (not strict: "7" may stand for 7,
as the platform's own SDKs allow), so the code behind the client never meets a text where it expects a number, a
list given as a string, an impossible time or an amount too large to store. Anything that does not fit is an answer
PackDesk does not understand (`MalformedAnswer`) for that call, and nothing of it is stored.

Only the fields PackDesk uses are declared; the platform's others are ignored. Lists come non-simplified
(``"orders": {"order": [...]}``) or as plain lists; both are read. Times are GMT+8 ``yyyy-MM-dd HH:mm:ss`` and come
out aware UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, TypeVar

import msgspec
from msgspec import Meta, Struct
from msgspec.structs import force_setattr

from app.domain.orders import CHINA_TZ
from app.sync.model import MAX_AMOUNT, MAX_QTY, YEARS

Text = str | None
Count = Annotated[int, Meta(ge=0)]
Quantity = Annotated[int, Meta(ge=1, le=MAX_QTY)]
Flag = Annotated[int, Meta(ge=0, le=99)]  # 0-5 today; newer colours stay readable
Id = Annotated[int, Meta(ge=0)] | Annotated[str, Meta(max_length=64)] | None
_T = TypeVar("_T")


def utc_time(moment: datetime | None) -> datetime | None:
    """A TOP time (naive: GMT+8) as aware UTC; ValueError for a year no trade has (deadlines are computed from it)."""
    if moment is None:
        return None
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise ValueError(f"time {moment} is not a plausible time")
    local = moment if moment.tzinfo is not None else moment.replace(tzinfo=CHINA_TZ)
    return local.astimezone(UTC)


def check_amount(value: Decimal | None, what: str) -> None:
    if value is not None and (not value.is_finite() or abs(value) >= MAX_AMOUNT):
        raise ValueError(f"{what} {value} is not an amount")


def id_text(*values: object) -> str:
    """The first id present, as text ("" when none is)."""
    for value in values:
        if value not in (None, ""):
            return str(value)
    return ""


class SubOrder(Struct, frozen=True):
    """One sub-order (子订单) of a trade: a line of the parcel."""

    oid: Id = None
    oid_str: Text = None
    num_iid: Id = None
    sku_id: Id = None
    outer_iid: Text = None
    outer_sku_id: Text = None
    title: Text = None
    sku_properties_name: Text = None
    num: Quantity = 1
    price: Decimal | None = None
    status: Text = None
    refund_status: Text = None
    pic_path: Text = None
    invoice_no: Text = None
    estimate_con_time: Text = None  # 预计发货时间 (a presale's promise): read by app.sync.taobao_presale

    def __post_init__(self) -> None:
        check_amount(self.price, "price")

    @property
    def line_no(self) -> str:
        return id_text(self.oid_str, self.oid)

    @property
    def sku(self) -> str:
        """The merchant's code (outer_sku_id, else outer_iid), else the platform's ids."""
        return id_text(self.outer_sku_id, self.outer_iid, self.sku_id, self.num_iid)


class SubOrders(Struct, frozen=True):
    """The non-simplified wrapping of a trade's sub-orders: {"order": [...]}."""

    order: list[SubOrder] | SubOrder = []


class Trade(Struct, frozen=True):
    """A trade (交易) with the fields that were asked for; every one may be absent."""

    tid: Id = None
    tid_str: Text = None
    status: Text = None
    buyer_nick: Text = None
    seller_flag: Flag | None = None
    seller_memo: Text = None
    buyer_message: Text = None
    created: datetime | None = None
    pay_time: datetime | None = None
    modified: datetime | None = None
    delivery_time: Text = None  # a date, or a date and time: read by map_trade
    step_trade_status: Text = None  # a presale's payment stage (app.sync.taobao_presale)
    payment: Decimal | None = None
    post_fee: Decimal | None = None
    receiver_name: Text = None
    receiver_mobile: Text = None
    receiver_phone: Text = None
    receiver_state: Text = None
    receiver_city: Text = None
    receiver_district: Text = None
    receiver_town: Text = None
    receiver_address: Text = None
    oaid: Text = None  # the open address id of a privacy order (a Cainiao waybill request passes it)
    is_sh_ship: bool | str | None = None
    orders: list[SubOrder] | SubOrders | None = None

    def __post_init__(self) -> None:
        number = id_text(self.tid_str, self.tid)
        if not number.isdigit():
            raise ValueError("a trade without a tid" if not number else f"tid {number!r} is not a number")
        force_setattr(self, "tid_str", number)
        for name in ("created", "pay_time", "modified"):
            force_setattr(self, name, utc_time(getattr(self, name)))
        check_amount(self.payment, "payment")
        check_amount(self.post_fee, "post_fee")

    @property
    def number(self) -> str:
        """The trade's number (tid_str, checked to be digits)."""
        return self.tid_str or ""

    @property
    def sub_orders(self) -> list[SubOrder]:
        if self.orders is None:
            return []
        if isinstance(self.orders, list):
            return self.orders
        inner = self.orders.order
        return inner if isinstance(inner, list) else [inner]


class TradeList(Struct, frozen=True):
    """The non-simplified wrapping of a page of trades: {"trade": [...]}."""

    trade: list[Trade] = []


class TradesPage(Struct, frozen=True):
    """A page of `taobao.trades.sold.get` / `taobao.trades.sold.increment.get`. No `trades` key: no trades."""

    total_results: Count | None = None
    has_next: bool | None = None
    trades: list[Trade] | TradeList | None = None

    @property
    def items(self) -> list[Trade]:
        if self.trades is None:
            return []
        return self.trades if isinstance(self.trades, list) else self.trades.trade


class FullInfo(Struct, frozen=True):
    """`taobao.trade.fullinfo.get`."""

    trade: Trade | None = None


class Company(Struct, frozen=True):
    """One carrier of `taobao.logistics.companies.get`: its code and its tracking-number pattern."""

    code: Annotated[str, Meta(min_length=1, max_length=64)]
    name: Text = None
    reg_mail_no: Text = None


class CompanyList(Struct, frozen=True):
    logistics_company: list[Company] | Company = []


class Companies(Struct, frozen=True):
    """`taobao.logistics.companies.get`."""

    logistics_companies: list[Company] | CompanyList | None = None

    @property
    def items(self) -> list[Company]:
        found = self.logistics_companies
        if found is None:
            return []
        if isinstance(found, list):
            return found
        inner = found.logistics_company
        return inner if isinstance(inner, list) else [inner]


class Shipping(Struct, frozen=True):
    is_success: bool = False


class Shipped(Struct, frozen=True):
    """`taobao.logistics.offline.send`: {"shipping": {"is_success": true}}."""

    shipping: Shipping | None = None

    @property
    def confirmed(self) -> bool:
        return self.shipping is not None and self.shipping.is_success


class ErrorAnswer(Struct, frozen=True):
    """The platform's error envelope (`error_response`)."""

    code: int = 0
    msg: Text = None
    sub_code: Text = None
    sub_msg: Text = None


def convert(raw: object, answer: type[_T]) -> _T:
    """`raw` (decoded JSON) as `answer`.

    Raises:
        ValueError: `raw` does not fit (msgspec.ValidationError is one), with where and why.
    """
    return msgspec.convert(raw, answer, strict=False)

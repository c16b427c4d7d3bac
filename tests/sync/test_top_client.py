"""TOP signing (the worked example of platforms.md 1.8), GMT+8 times, and mapping trades to orders."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.domain.enums import OrderStatus, RefundStatus
from app.sync.taobao import map_trade
from app.sync.top import china_time, parse_answer, parse_china_time, sign

EXAMPLE = {
    "app_key": "12345678",
    "fields": "tid,status,orders",
    "format": "json",
    "method": "taobao.trade.fullinfo.get",
    "session": "test-session",
    "sign_method": "md5",
    "tid": "2231958349",
    "timestamp": "2024-01-01 12:00:00",
    "v": "2.0",
}


def test_md5_signature_of_the_worked_example() -> None:
    assert sign(EXAMPLE, "helloworld", "md5") == "F36B63E7DE7D5F11F1B5438BDFA29900"


def test_hmac_signature_of_the_worked_example() -> None:
    assert sign({**EXAMPLE, "sign_method": "hmac"}, "helloworld", "hmac") == "A4CFA9ABD77EBA5262896F869238AB2C"


def test_sign_ignores_an_existing_sign_parameter() -> None:
    assert sign({**EXAMPLE, "sign": "X"}, "helloworld") == "F36B63E7DE7D5F11F1B5438BDFA29900"


def test_times_are_gmt_plus_8() -> None:
    moment = datetime(2024, 1, 1, 4, 0, 0, tzinfo=UTC)
    assert china_time(moment) == "2024-01-01 12:00:00"
    assert parse_china_time("2024-01-01 12:00:00") == moment


TRADE = {
    "tid": 5118609024991031607,
    "tid_str": "5118609024991031607",
    "status": "SELLER_CONSIGNED_PART",
    "buyer_nick": "tb12345",
    "seller_flag": 1,
    "seller_memo": "送小样",
    "buyer_message": "尽快发货",
    "created": "2024-01-01 10:00:00",
    "pay_time": "2024-01-01 10:01:00",
    "modified": "2024-01-01 10:01:05",
    "payment": "176.00",
    "post_fee": "0.00",
    "receiver_state": "河南省",
    "receiver_city": "",
    "receiver_district": "济源市",
    "receiver_town": "沁园街道",
    "receiver_address": "****",
    "receiver_name": "张**",
    "receiver_mobile": "138****5678",
    "orders": {
        "order": [
            {"oid": 452790065331038, "oid_str": "452790065331038", "outer_sku_id": "TX324A0212", "outer_iid": "207",
             "title": "长袖T恤", "sku_properties_name": "颜色:白色;尺码:XL", "num": 1, "price": "88.00",
             "refund_status": "NO_REFUND", "status": "WAIT_BUYER_CONFIRM_GOODS"},
            {"oid": 452790065331039, "oid_str": "452790065331039", "outer_sku_id": "", "outer_iid": "20700066",
             "title": "短袖T恤", "num": 2, "price": "44.00", "refund_status": "WAIT_SELLER_AGREE",
             "status": "WAIT_SELLER_SEND_GOODS"},
        ]
    },
}  # fmt: skip


def test_a_trade_maps_to_an_order() -> None:
    order = map_trade(TRADE)
    assert order is not None
    assert order.order_no == "5118609024991031607" and order.status is OrderStatus.PARTLY_SHIPPED
    assert order.total == Decimal("176.00") and order.flag == 1
    assert order.receiver_city == "济源市"  # province-administered county: the district stands in for the city
    assert order.paid_at == datetime(2024, 1, 1, 2, 1, tzinfo=UTC)
    assert order.deadline == datetime(2024, 1, 3, 2, 1, tzinfo=UTC)  # 48 h after payment without a delivery_time
    first, second = order.lines
    assert (first.line_no, first.sku, first.shipped, first.refund_status) == (
        "452790065331038", "TX324A0212", True, RefundStatus.NONE,
    )  # fmt: skip
    assert (second.sku, second.qty, second.price, second.refund_status) == (
        "20700066", 2, Decimal("44.00"), RefundStatus.REQUESTED,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"status": "PAID_FORBID_CONSIGN"}, OrderStatus.ON_HOLD),
        ({"status": "WAIT_SELLER_SEND_GOODS", "is_sh_ship": True}, OrderStatus.ON_HOLD),
        ({"status": "TRADE_CLOSED"}, OrderStatus.CLOSED),
        ({"status": "WAIT_BUYER_CONFIRM_GOODS"}, OrderStatus.SHIPPED),
        ({"status": "WAIT_BUYER_PAY", "pay_time": None}, OrderStatus.AWAITING_PAYMENT),  # kept for the reminder
        ({"status": "TRADE_CLOSED_BY_TAOBAO"}, OrderStatus.CLOSED),  # closed before payment
        ({"status": "TRADE_NO_CREATE_PAY"}, None),
    ],
)
def test_statuses(changes: dict[str, object], status: OrderStatus | None) -> None:
    order = map_trade({**TRADE, **changes})
    assert (order.status if order else None) is status


def test_an_unpaid_trade_is_dated_by_its_creation() -> None:
    order = map_trade({**TRADE, "status": "WAIT_BUYER_PAY", "pay_time": None})
    assert order is not None and order.paid_at == datetime(2024, 1, 1, 2, 0, tzinfo=UTC)  # created 10:00 China


def test_delivery_time_sets_the_deadline() -> None:
    order = map_trade({**TRADE, "delivery_time": "2024-01-02"})
    assert order is not None and order.deadline == datetime(2024, 1, 2, 16, 0, tzinfo=UTC)  # end of 2 Jan, China
    # kept as the platform's promise: the seller's deadline rules never move it (app.domain.deadlines)
    assert order.promised_at == order.deadline
    without = map_trade(TRADE)
    assert without is not None and without.promised_at is None  # the rules decide when the order is stored


class _ShiftingGateway:
    """sold.increment.get over 250 trades whose first listed trade changes (and leaves the window) right after the
    first call: the rows behind it move up one place, as on the real platform."""

    def __init__(self) -> None:
        self.rows = [{"tid_str": str(1000 + i), "modified": "2024-01-01 10:00:00", "status": "TRADE_FINISHED"}
                     for i in range(250)]  # fmt: skip
        self.calls = 0
        self.listed: set[str] = set()

    def call(self, method: str, params: dict, *, write: bool = False) -> dict:
        assert method == "taobao.trades.sold.increment.get"
        self.calls += 1
        page, size = int(params["page_no"]), int(params["page_size"])
        answer = {"total_results": len(self.rows), "trades": {"trade": self.rows[(page - 1) * size : page * size]}}
        if self.calls == 1:
            self.rows.pop(0)  # it changed: now past the window's end
        self.listed.update(t["tid_str"] for t in answer["trades"]["trade"])
        return answer

    def read(self, method: str, params: dict, answer: type, *, write: bool = False) -> object:
        return parse_answer(method, self.call(method, params, write=write), answer)


def test_window_paging_misses_no_row_when_rows_shift(workspace) -> None:  # noqa: ANN001
    from app.domain.enums import Platform
    from app.sync.shops import ensure_shop
    from app.sync.taobao import SyncReport, TaobaoSync

    with workspace.session_factory.begin() as s:
        shop_id = ensure_shop(s, "店", Platform.TAOBAO, datetime.now(UTC)).id
    gateway = _ShiftingGateway()
    sync = TaobaoSync(workspace.session_factory, shop_id, gateway)  # type: ignore[arg-type]
    sync._window(datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 1, 1, 1, tzinfo=UTC), SyncReport("店"))
    assert gateway.listed == {str(1000 + i) for i in range(250)}  # every row read, the shifted ones included

"""Presale (预售) trades on the loopback TOP gateway (tests/pdtest/top_server.py): `TopServer(presale=N)` adds N of
them to the generated trades, and `srv.pay_balance(tid)` is the buyer paying a presale's balance.

A presale trade has `type` step and `step_trade_status` [V: bububa/opentaobao model/tbtrade/Trade.go]; while the
balance is unpaid it is FRONT_PAID_FINAL_NOPAID and the trade waits as WAIT_BUYER_PAY ([S]: seller tools show 定金已付
under WAIT_BUYER_PAY), without a pay_time or a delivery_time; once the balance is paid it is FRONT_PAID_FINAL_PAID
and WAIT_SELLER_SEND_GOODS, paid now. Each sub-order carries the announced ship date in `estimate_con_time`
(子订单预计发货时间 [V: Order.go]) in one of the forms sellers' tools show [I]: a date, a date and time,
"YYYY年M月D日前", "付款后N天内", or the est_con_time change API's "1_"+date [V: model/ascp/ModifyEstConTimeRequest.go].
`promise_of(trade)` is the ship-by time the test expects for one (the earliest of its sub-orders').
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

CHINA = timezone(timedelta(hours=8))
BALANCE_UNPAID = "FRONT_PAID_FINAL_NOPAID"
ALL_PAID = "FRONT_PAID_FINAL_PAID"
_FORMS = ("date", "cn_date", "after_pay", "change_api", "date_time")


def _parse(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)


def _promise_text(form: str, day: datetime, days_after_pay: int) -> str:
    if form == "date":
        return day.strftime("%Y-%m-%d")
    if form == "cn_date":
        return f"{day.year}年{day.month}月{day.day}日前"
    if form == "after_pay":
        return f"付款后{days_after_pay}天内"
    if form == "change_api":
        return "1_" + day.strftime("%Y-%m-%d")
    return day.strftime("%Y-%m-%d") + " 18:00:00"


def presale_trade(base: Mapping[str, Any], k: int, *, balance_paid: bool) -> dict[str, Any]:
    """`base` (a generated WAIT_SELLER_SEND_GOODS trade) as presale number `k`: its stage and its sub-orders'
    promises (forms in turn, 10 + k % 7 days after creation, or 3 + k % 4 days after payment)."""
    trade = {**base, "type": "step", "orders": {"order": [dict(o) for o in base["orders"]["order"]]}}
    created = _parse(trade["created"])
    trade.pop("delivery_time", None)
    for n, sub in enumerate(trade["orders"]["order"]):
        form = _FORMS[(k + n) % len(_FORMS)]
        day = created + timedelta(days=10 + (k + n) % 7)
        sub["estimate_con_time"] = _promise_text(form, day, 3 + (k + n) % 4)
        sub["refund_status"] = "NO_REFUND"
        sub["status"] = "WAIT_SELLER_SEND_GOODS" if balance_paid else "WAIT_BUYER_PAY"
    if balance_paid:
        trade.update(status="WAIT_SELLER_SEND_GOODS", step_trade_status=ALL_PAID, is_sh_ship=False)
    else:
        trade.update(status="WAIT_BUYER_PAY", step_trade_status=BALANCE_UNPAID, is_sh_ship=False)
        trade.pop("pay_time", None)
    return trade


def pay_balance(trade: dict[str, Any], now: str) -> None:
    """The buyer pays the balance of presale `trade` at `now` (a TOP time): it waits for the seller."""
    trade.update(status="WAIT_SELLER_SEND_GOODS", step_trade_status=ALL_PAID, pay_time=now, modified=now)
    for sub in trade["orders"]["order"]:
        sub["status"] = "WAIT_SELLER_SEND_GOODS"


def promise_of(trade: Mapping[str, Any]) -> datetime:
    """The ship-by time (aware UTC) the platform promises for `trade`: its sub-orders' earliest."""
    paid = _parse(trade.get("pay_time") or trade["created"])
    found = []
    for sub in trade["orders"]["order"]:
        text = sub["estimate_con_time"]
        if text.startswith("付款后"):
            found.append(paid + timedelta(days=int(text[3:-2])))
            continue
        if text.endswith(" 18:00:00"):
            found.append(_parse(text))
            continue
        digits = text.removeprefix("1_").replace("年", "-").replace("月", "-").replace("日前", "")
        year, month, day = (int(p) for p in digits.split("-"))
        found.append(datetime(year, month, day, tzinfo=CHINA) + timedelta(days=1))
    return min(found).astimezone(UTC)


def add_presales(trades: dict[str, dict[str, Any]], n: int, make: Callable[[int], dict[str, Any]]) -> list[str]:
    """`n` presale trades made from `make(i)` added to `trades`: the even ones wait for their balance, the odd ones
    are paid in full. Returns their tids."""
    tids = []
    for k in range(n):
        trade = presale_trade(make(k), k, balance_paid=k % 2 == 1)
        trades[trade["tid_str"]] = trade
        tids.append(trade["tid_str"])
    return tids

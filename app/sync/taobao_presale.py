"""Taobao presale (预售) trades and the platform's ship-by promise (sync layer): what app.sync.taobao.map_trade reads
beyond the trade's status.

A presale trade (`type` step) is paid in two stages, told by `step_trade_status` [V: bububa/opentaobao
model/tbtrade/Trade.go and the trade.fullinfo.get metadata]: FRONT_NOPAID_FINAL_NOPAID (no deposit yet),
FRONT_PAID_FINAL_NOPAID (deposit paid, balance not), FRONT_PAID_FINAL_PAID (both paid), FRONT_PAID_FRONT_FORFEITED
(the balance never came: the deposit is forfeited). While the balance is unpaid the trade is not paid in full and must
not ship: PackDesk keeps it on hold with the platform's stage as its reason ("presale: balance not paid"), and the
sync lets it go when the balance arrives. Which trade status a deposit-paid trade has is [S]: WAIT_BUYER_PAY (a
seller tool shows 定金已付 under WAIT_BUYER_PAY); any waiting status with that stage is held the same way.

The promise: `delivery_time` (最晚发货时间, a date or a date and time) and each sub-order's `estimate_con_time`
(子订单预计发货时间 [V: Order.go]: presale items carry their announced ship date there). Its formats are not
documented [I]; read here: a date (the end of that day, China time), a date and time, a date followed by 前/之前
("2026-12-10前", "2026年12月10日前", "12月10日前": the year of payment, or the next one when that date has passed),
a time after payment ("付款后3天内", "付款后72小时内"), and the encoding of the est_con_time change API
(model/ascp/ModifyEstConTimeRequest.go [V]: "1_" + a date, "2_" + days after payment). Anything else is no promise
(the seller's rules stand). The earliest promise of the still unshipped sub-orders and the trade wins: a deadline
PackDesk shows is never later than one the platform set. [I]: that "after payment" counts from the trade's
`pay_time` (for a presale, the balance's payment).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone

from app.domain.order_actions import PRESALE_BALANCE_UNPAID
from app.sync.model import YEARS
from app.sync.top_answers import Trade

CHINA = timezone(timedelta(hours=8))
BALANCE_UNPAID = PRESALE_BALANCE_UNPAID
DEPOSIT_UNPAID = "FRONT_NOPAID_FINAL_NOPAID"
FORFEITED = "FRONT_PAID_FRONT_FORFEITED"
# The trade statuses of a presale still to ship: waiting for the balance, or (should the platform say so) for the
# seller while the balance is unpaid.
_WAITING = frozenset({"WAIT_BUYER_PAY", "WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "PAID_FORBID_CONSIGN"})
_SHIPPED = frozenset({"WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED", "TRADE_FINISHED"})

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CN_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_DATE_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?")
_AFTER_PAY = re.compile(r"付款后\s*(\d{1,3})\s*(天|日|小时)")
_CHANGE_API = re.compile(r"([12])_(.+)")


def balance_unpaid(trade: Trade) -> bool:
    """Whether `trade` is a presale waiting for its balance (it must not ship yet)."""
    return trade.step_trade_status == BALANCE_UNPAID and (trade.status or "") in _WAITING


def forfeited(trade: Trade) -> bool:
    """Whether the buyer never paid the balance and the deposit was forfeited: nothing will ship."""
    return trade.step_trade_status == FORFEITED


def _end_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=CHINA).astimezone(UTC) + timedelta(days=1)


def promise_time(text: str | None, paid_at: datetime) -> datetime | None:
    """The ship-by time a promise text gives (see the module's formats), None when it gives none.

    Args:
        text: `delivery_time` or `estimate_con_time` as the platform sent it.
        paid_at: the trade's payment time (aware), for promises counted from it.
    """
    words = (text or "").strip()
    if not words:
        return None
    coded = _CHANGE_API.fullmatch(words)
    if coded is not None:
        kind, value = coded.groups()
        if kind == "2":
            return paid_at + timedelta(days=int(value)) if value.isdigit() and int(value) <= 366 else None
        words = value
    try:
        if _DATE_TIME.fullmatch(words):
            moment = datetime.strptime(words if words.count(":") == 2 else words + ":00", "%Y-%m-%d %H:%M:%S")
            return moment.replace(tzinfo=CHINA).astimezone(UTC)
        after = _AFTER_PAY.search(words)
        if after is not None:
            n, unit = int(after.group(1)), after.group(2)
            return paid_at + (timedelta(hours=n) if unit == "小时" else timedelta(days=n))
        iso = _ISO_DATE.search(words)
        if iso is not None:
            return _end_of(date(*map(int, iso.groups())))
        cn = _CN_DATE.search(words)
        if cn is not None:
            year, month, day = cn.groups()
            paid_day = paid_at.astimezone(CHINA).date()
            found = date(int(year) if year else paid_day.year, int(month), int(day))
            if not year and found < paid_day:
                found = found.replace(year=found.year + 1)  # "12月10日前" read in January: the coming December
            return _end_of(found)
    except (ValueError, OverflowError):
        return None  # 2月30日 and the like: no promise
    return None


def _plausible(moment: datetime) -> bool:
    return YEARS[0] <= moment.year <= YEARS[1]  # a year no trade has is a damaged text, not a promise


def ship_promise(trade: Trade, paid_at: datetime) -> datetime | None:
    """The earliest ship-by time the platform promised for what is still to ship of `trade`, None when it gave none."""
    texts: Iterable[str | None] = [trade.delivery_time] + [
        sub.estimate_con_time for sub in trade.sub_orders if (sub.status or "") not in _SHIPPED
    ]
    found = [t for t in (promise_time(text, paid_at) for text in texts) if t is not None and _plausible(t)]
    return min(found) if found else None


__all__ = ["BALANCE_UNPAID", "balance_unpaid", "forfeited", "promise_time", "ship_promise"]

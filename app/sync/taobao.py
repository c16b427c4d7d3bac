"""Taobao: trades mapped to PackDesk orders, the first fill and the incremental sync.

First fill: `taobao.trades.sold.get` for each waiting status over the last three months, and for trades not paid yet
(WAIT_BUYER_PAY, kept for the payment reminder) over the last three days, 100 per page, each page committed as it
arrives. The watermark is set only when the fill is complete, to the time it started (less an overlap), so everything
that changed during the fill is read again by the first incremental sync.

Incremental sync: `taobao.trades.sold.increment.get` from the watermark (less an overlap) to a little before now, in
windows of at most 30 minutes, each window read from its last page to its first: a trade that changes while the
window is being read moves to a later window instead of shifting an unread page. Trades whose `modified` is newer
than the cache are read whole with `taobao.trade.fullinfo.get`. Each window is committed with its watermark, so a
crash at any point repeats at most one window, and the cache upsert makes a repeat harmless.

Answers are read through `TopClient.read` into typed trades: an answer PackDesk does not understand stops the sync
with that reason before anything of it is stored, and the next sync asks again from the same window. A listing that
claims more than MAX_PAGES pages is not believed either: the sync stops with the reason instead of paging forever.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any

from app.domain.enums import OrderStatus, RefundStatus
from app.domain.masking import mask_name, mask_phone
from app.domain.messages import msg
from app.persistence.carriers import PlatformCarrier, PlatformCarriers
from app.persistence.order_cache import OrderCache
from app.sync.model import PlatformLine, PlatformOrder, money, picture_url
from app.sync.shop_sync import ShopSync, SyncReport, backwards, pages_of
from app.sync.taobao_presale import BALANCE_UNPAID, balance_unpaid, forfeited, ship_promise
from app.sync.top import MalformedAnswer, TopClient, TopError, china_time, parse_answer
from app.sync.top_answers import Companies, FullInfo, SubOrder, Trade, TradesPage

log = logging.getLogger(__name__)
__all__ = ["SyncReport", "TaobaoSync", "map_trade"]  # SyncReport is every platform's (app.sync.shop_sync)

PAGE_SIZE = 100
# The deepest PackDesk pages into one listing (a day of one status, or a 30-minute window): 100,000 trades. No shop
# changes that many in one window; a count beyond it is an answer not to be believed, not a reason to page for ever.
MAX_PAGES = 1000
WINDOW = timedelta(minutes=30)
OVERLAP = timedelta(minutes=5)
SETTLE = timedelta(seconds=10)  # do not ask for the last seconds: the platform may still be writing them
HISTORY = timedelta(days=90)  # sold.get covers three months
UNPAID = "WAIT_BUYER_PAY"  # kept as awaiting payment, for the payment reminder (催付)
UNPAID_HISTORY = timedelta(days=3)  # unpaid trades close by themselves: older ones are not worth a reminder
FILL_WINDOW = timedelta(days=1)
SHIP_WITHIN = timedelta(hours=48)
FILL_STATUSES = ("WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "PAID_FORBID_CONSIGN")
TRADE_FIELDS = (
    "tid,tid_str,status,type,buyer_nick,seller_flag,seller_memo,buyer_message,created,pay_time,modified,payment,"
    "post_fee,total_fee,shipping_type,receiver_name,receiver_mobile,receiver_phone,receiver_state,receiver_city,"
    "receiver_district,receiver_town,receiver_address,oaid,is_sh_ship,delivery_time,step_trade_status,orders"
)
LIGHT_FIELDS = "tid,tid_str,modified,status,step_trade_status"
# A presale whose deposit is paid waits for its balance as WAIT_BUYER_PAY: cached on hold (app.sync.taobao_presale)
PRESALE_FILL = {"status": "WAIT_BUYER_PAY", "type": "step"}

_STATUS = {
    "WAIT_SELLER_SEND_GOODS": OrderStatus.AWAITING_SHIPMENT,
    "SELLER_CONSIGNED_PART": OrderStatus.PARTLY_SHIPPED,
    "PAID_FORBID_CONSIGN": OrderStatus.ON_HOLD,
    "WAIT_BUYER_CONFIRM_GOODS": OrderStatus.SHIPPED,
    "TRADE_BUYER_SIGNED": OrderStatus.SHIPPED,
    "TRADE_FINISHED": OrderStatus.SHIPPED,
    "TRADE_CLOSED": OrderStatus.CLOSED,
    "TRADE_CLOSED_BY_TAOBAO": OrderStatus.CLOSED,  # closed before payment
    UNPAID: OrderStatus.AWAITING_PAYMENT,  # no pay_time: map_trade dates it by its creation
}
_SHIPPED_LINE = {"WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED", "TRADE_FINISHED"}
_CLOSED_LINE = {"TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO"}
_NO_REFUND = {"NO_REFUND", "CLOSED", "SELLER_REFUSE_BUYER", ""}


def _refund(order: SubOrder) -> RefundStatus:
    if order.status in _CLOSED_LINE:
        return RefundStatus.REFUNDED
    state = order.refund_status or ""
    if state in _NO_REFUND:
        return RefundStatus.NONE
    return RefundStatus.REFUNDED if state == "SUCCESS" else RefundStatus.REQUESTED


def map_trade(trade: Trade | Mapping[str, Any]) -> PlatformOrder | None:
    """A TOP trade as a PackDesk order; None for statuses PackDesk does not keep (TRADE_NO_CREATE_PAY...).

    Args:
        trade: as `TopClient.read` gives it, or the trade's JSON object (validated here first).

    Raises:
        MalformedAnswer: the trade does not fit what TOP sends, or lacks what an order needs (a payment or creation
            time, a sub-order's number or item).
    """
    if not isinstance(trade, Trade):
        trade = parse_answer("trade", trade, Trade)
    status = _STATUS.get(trade.status or "")
    if balance_unpaid(trade) or forfeited(trade):  # a presale: held until its balance is paid, or closed without it
        status = OrderStatus.ON_HOLD if balance_unpaid(trade) else OrderStatus.CLOSED
    if status is None:
        return None
    if _truthy(trade.is_sh_ship) and status in (OrderStatus.AWAITING_SHIPMENT, OrderStatus.PARTLY_SHIPPED):
        status = OrderStatus.ON_HOLD  # 屏蔽发货: shipping is blocked
    tid = trade.number
    pay_time = trade.pay_time or trade.created
    if pay_time is None:
        raise MalformedAnswer("trade", msg("top.why.no_time", tid=tid))
    promised = ship_promise(trade, pay_time)  # delivery_time, a presale's estimate_con_time (None: the seller's rules)
    # The default rule until the cache applies the seller's (app.sync.store.with_deadline).
    deadline = promised or pay_time + SHIP_WITHIN
    lines = []
    for sub in trade.sub_orders:
        if not sub.line_no or not sub.sku:
            raise MalformedAnswer("trade", msg("top.why.no_oid", tid=tid))
        lines.append(
            PlatformLine(
                line_no=sub.line_no,
                sku=sub.sku,
                title=sub.title or "",
                qty=sub.num,
                price=money(sub.price),
                spec=sub.sku_properties_name or "",
                refund_status=_refund(sub),
                shipped=sub.status in _SHIPPED_LINE,
                image_url=picture_url(sub.pic_path),
            )
        )
    city = trade.receiver_city or trade.receiver_district or ""
    return PlatformOrder(
        order_no=tid,
        status=status,
        platform_status=BALANCE_UNPAID if balance_unpaid(trade) else trade.status or "",  # why it is held
        paid_at=pay_time,
        deadline=deadline,
        promised_at=promised,
        modified_at=trade.modified or trade.created or pay_time,
        lines=tuple(lines),
        buyer_nick=trade.buyer_nick or "",
        receiver_name=mask_name(trade.receiver_name or ""),  # masked as the cache keeps it
        receiver_phone=mask_phone(trade.receiver_mobile or trade.receiver_phone or ""),
        receiver_province=trade.receiver_state or "",
        receiver_city=city,
        receiver_district=trade.receiver_district or "",
        receiver_town=trade.receiver_town or "",
        receiver_address=trade.receiver_address or "",
        oaid=trade.oaid or "",
        buyer_message=trade.buyer_message or "",
        seller_memo=trade.seller_memo or "",
        flag=trade.seller_flag or 0,
        total=money(trade.payment),
        post_fee=money(trade.post_fee),
    )


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


class TaobaoSync(ShopSync[TopClient]):
    """Syncs one Taobao shop's waiting orders into the cache."""

    def run(self) -> SyncReport:
        """A first fill when the shop has never synced, else an incremental sync up to now."""
        report = self.new_report()
        watermark = self.watermark()
        if watermark is None or not self._carriers_cached():
            self.refresh_carriers()
        if watermark is None:
            report.first_fill = True
            started = self.clock()
            self._first_fill(report)
            self.set_watermark(started - OVERLAP, report)
            watermark = started - OVERLAP
        self.increments(watermark - OVERLAP, self.clock() - SETTLE, WINDOW, report)
        return report

    # -- first fill -------------------------------------------------------------------------------------------------

    def _first_fill(self, report: SyncReport) -> None:
        """Every waiting trade of the last three months (every unpaid one of the last three days), window by window
        of creation time, each window read from its last page to its first (see `_pages`), each page stored as it
        arrives."""
        end = self.clock()
        fills = [({"status": status}, HISTORY) for status in FILL_STATUSES]
        for query, history in [*fills, (PRESALE_FILL, HISTORY), ({"status": UNPAID}, UNPAID_HISTORY)]:
            params = {"fields": TRADE_FIELDS, **query}
            whole = self._window_params(params, end - history, end)
            first = self._page("taobao.trades.sold.get", whole, 1, report)
            if (first.total_results or 0) <= PAGE_SIZE:
                self._store_page(first.items, report)
                continue
            # More than a page: windows of a day, so that trades created during the fill (after `end`) cannot
            # shift the pages of a window, and trades leaving the status shift rows only towards pages not read yet.
            window_end = end
            while window_end > end - history:
                window_start = max(end - history, window_end - FILL_WINDOW)
                for trades in self._pages(
                    "taobao.trades.sold.get", self._window_params(params, window_start, window_end), report
                ):
                    self._store_page(trades, report)
                window_end = window_start

    @staticmethod
    def _window_params(params: dict[str, str], start: datetime, end: datetime) -> dict[str, str]:
        return {**params, "start_created": china_time(start), "end_created": china_time(end)}

    def _pages(self, method: str, params: dict[str, Any], report: SyncReport) -> Iterator[list[Trade]]:
        """The pages of one query, last page first. Rows that leave the query while it is read (a trade shipped,
        or modified past the window) move towards page 1, which is read again at the end, so none is skipped.

        Raises:
            MalformedAnswer: the listing claims more than MAX_PAGES pages (nothing of it is read).
        """
        first = self._page(method, params, 1, report)
        total = first.total_results or 0
        if pages_of(total, PAGE_SIZE) > MAX_PAGES:
            start = params.get("start_created") or params.get("start_modified")
            end = params.get("end_created") or params.get("end_modified")
            why = msg("top.why.too_many", total=total, start=str(start), end=str(end), most=MAX_PAGES * PAGE_SIZE)
            raise MalformedAnswer(method, why)
        yield from backwards(
            first.items, total, PAGE_SIZE, lambda n: self._page(method, params, n, report).items, most=MAX_PAGES
        )

    def _page(self, method: str, params: dict[str, Any], page_no: int, report: SyncReport) -> TradesPage:
        answer = self.client.read(method, {**params, "page_no": page_no, "page_size": PAGE_SIZE}, TradesPage)
        report.pages += 1
        return answer

    def _store_page(self, trades: list[Trade], report: SyncReport) -> None:
        self._store(trades, report)
        report.fetched += len(trades)
        self.progress("fill", report.fetched)

    # -- incremental ------------------------------------------------------------------------------------------------

    def _window(self, start: datetime, stop: datetime, report: SyncReport) -> None:
        params = {"fields": LIGHT_FIELDS, "start_modified": china_time(start), "end_modified": china_time(stop)}
        seen: dict[str, datetime] = {}
        status: dict[str, str] = {}
        for trades in self._pages("taobao.trades.sold.increment.get", params, report):
            for t in trades:
                modified = t.modified or stop
                seen[t.number] = max(modified, seen.get(t.number, modified))
                status[t.number] = t.status or ""
                if balance_unpaid(t):
                    status[t.number] = FILL_STATUSES[0]  # wanted like a waiting trade: cached on hold
        if not seen:
            return
        with self.session_factory() as session:
            cached = OrderCache(session, self.shop_id).modified(seen)
        # New trades matter only while waiting to ship or to be paid; cached ones whenever they changed (paid, a
        # refund, a close...).
        changed = [
            tid
            for tid, modified in seen.items()
            if (tid in cached and modified > cached[tid])
            or (tid not in cached and (status[tid] in FILL_STATUSES or status[tid] == UNPAID))
        ]
        self._store(self._read_whole(changed, report), report)

    def _read_whole(self, tids: list[str], report: SyncReport) -> list[Trade]:
        """The trades `tids` read whole (`fullinfo.get`); a trade gone since it was listed is left out."""
        full = []
        for tid in tids:
            try:
                answer = self.client.read("taobao.trade.fullinfo.get", {"fields": TRADE_FIELDS, "tid": tid}, FullInfo)
            except TopError as exc:
                if exc.sub_code.endswith("trade-not-exist"):
                    continue  # listed a moment ago, gone now: nothing to store
                raise
            if answer.trade is not None:
                full.append(answer.trade)
            report.fetched += 1
            self.progress("changes", report.fetched)
        return full

    def refresh(self, tids: list[str]) -> SyncReport:
        """Reads these trades now and stores what changed (a refund, a close, a new address): the bench's last look
        at the platform before it acts on an order. A trade the platform no longer knows is left as cached."""
        report = self.new_report()
        self._store(self._read_whole(tids, report), report)
        return report

    # -- writing ----------------------------------------------------------------------------------------------------

    def _store(self, trades: list[Trade], report: SyncReport) -> None:
        self.store([map_trade(t) for t in trades], report)

    def _carriers_cached(self) -> bool:
        with self.session_factory() as session:
            return PlatformCarriers(session).any_of("taobao")

    def refresh_carriers(self) -> int:
        """Caches the platform's carrier codes and tracking-number patterns; returns how many."""
        answer = self.client.read("taobao.logistics.companies.get", {"fields": "id,code,name,reg_mail_no"}, Companies)
        companies = answer.items
        carriers = [PlatformCarrier("taobao", c.code, c.name or "", c.reg_mail_no or "") for c in companies]
        with self.session_factory.begin() as session:
            PlatformCarriers(session).store(carriers)
        return len(companies)

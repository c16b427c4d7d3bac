"""Pinduoduo: a shop's orders into the cache, the first fill and the incremental sync (sync layer).

Times are PDD's. Every run first asks PDD's clock (`pdd.time.get`) and reads only up to three minutes behind it:
PDD's documentation says an order written in the last minutes may not be listed yet, and a client that reads
closer to now misses it for good once its watermark has moved past.

First fill: `pdd.order.list.get` with order_status=1 (awaiting shipment) and every refund status, over the last 90
days (what PDD keeps readable) in windows of 24 hours of confirm time (its limit), newest window first, each window
read from its last page to its first (app.sync.shop_sync.backwards). An order confirmed during the fill falls after
every window and cannot shift a page; one that ships or is refunded during it leaves its window and shifts rows only
towards the pages not read yet. (The older `pdd.order.number.list.get` lists the waiting orders without a time
range [S]; it is not among the order APIs generated from PDD's current documentation (pdd-node-sdk), and without
windows a new order listed before rows not read yet would push one into a page already read: the listing's order is
not documented [I].) Each page is stored in one transaction together with the cursor saying which page comes next,
so a sync killed at any moment resumes at that page: nothing is lost and nothing read again but the page in flight.
When the fill is complete, the watermark is set to the moment it started, less an overlap, so whatever changed
during the fill is read again by the increments.

Increments: `pdd.order.number.list.increment.get` (every order and refund status) from the watermark to three
minutes behind PDD's clock, in windows of at most 30 minutes (PDD refuses longer), each window read from its last
page to its first, each page stored as it arrives; an order modified while a window is read leaves it for a later
one (its `updated_at` is past the window's end). Then `pdd.refund.list.increment.get` over the same window: an
after-sale does not always touch the order's `updated_at` [I], so each cached order with an after-sale newer than
what was just read of it is read again whole (`pdd.order.information.get`), and its refund reaches the cache (and
the bench stops the parcel). The watermark moves when a window is complete: a crash repeats at most that window,
and the cache's upsert makes a repeat harmless.

An answer PackDesk does not understand stops the sync before anything of it is stored (`MalformedAnswer`); a listing
that claims more than MAX_PAGES pages is not believed either.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.domain.messages import msg
from app.persistence.order_cache import OrderCache
from app.persistence.shops import ShopRepository
from app.sync.pdd import MalformedAnswer, PddClient, PddError
from app.sync.pdd_order_answers import OrderInfo, OrderPage, PddOrder, RefundPage, ServerTime, map_order
from app.sync.shop_sync import ShopSync, SyncReport, backwards, pages_of

INCREMENT = "pdd.order.number.list.increment.get"
LIST = "pdd.order.list.get"
INFORMATION = "pdd.order.information.get"
REFUNDS = "pdd.refund.list.increment.get"
TIME = "pdd.time.get"
ROOTS = {  # the answers' roots are named per API, not derived from the name (pdd-node-sdk *_RESPONSE_KEY)
    INCREMENT: "order_sn_increment_get_response",
    LIST: "order_list_get_response",
    INFORMATION: "order_info_get_response",
    REFUNDS: "refund_increment_get_response",
    TIME: "time_get_response",
}
PAGE_SIZE = 100  # PDD's largest page
MAX_PAGES = 1000  # 100,000 orders in one window: an answer not to be believed beyond that
WINDOW = timedelta(minutes=30)  # PDD's longest increment window
FILL_WINDOW = timedelta(hours=24)  # pdd.order.list.get's longest confirm-time range
HISTORY = timedelta(days=90)  # what PDD keeps readable (pdd.order.information.get: three months)
BEHIND = timedelta(minutes=3)  # PDD's rule: the end stays at least this far behind its clock
OVERLAP = timedelta(minutes=5)  # the fill's start is read again by the first increments
REREAD = timedelta(minutes=1)  # each increment run starts this much before the watermark
AWAITING, ALL_ORDERS, ALL_REFUNDS = 1, 5, 5  # order_status / refund_status values [V]
ALL_AFTER_SALES = 1  # after_sales_type 1 全部 [V]; after_sales_status 1 taken as "all" too [I]
_GONE = ("not_exist", "not-exist", "不存在")


def read_order(client: PddClient, order_sn: str) -> PddOrder | None:
    """The order as PDD has it now (`pdd.order.information.get`); None when PDD does not know it.

    Raises:
        MalformedAnswer: the answer holds no order.
        PddError: any other refusal (one about the shop's keys or token included); and whatever PddClient.read raises.
    """
    try:
        answer = client.read(INFORMATION, {"order_sn": order_sn}, OrderInfo, root=ROOTS[INFORMATION])
    except PddError as exc:
        if not exc.caller and any(mark in f"{exc.sub_code} {exc.words}".lower() for mark in _GONE):
            return None
        raise
    if answer.order_info is None:
        raise MalformedAnswer(INFORMATION, msg("pdd.ship.no_order", order_no=order_sn))
    return answer.order_info


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def _moment(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


class PddSync(ShopSync[PddClient]):
    """Syncs one Pinduoduo shop's orders into the cache (see the module docstring)."""

    def run(self) -> SyncReport:
        """A first fill (or the rest of an interrupted one) when the shop has never synced, then the increments up
        to three minutes behind PDD's clock."""
        report = self.new_report()
        now = self.server_time()
        watermark = self.watermark()
        if watermark is None:
            report.first_fill = True
            started = self._first_fill(now, report)
            watermark = started - OVERLAP
            done = lambda session: ShopRepository(session).set_fill_cursor(self.shop_id, None)  # noqa: E731
            self.set_watermark(watermark, report, also=done)
        self.increments(watermark - REREAD, now - BEHIND, WINDOW, report)
        return report

    def server_time(self) -> datetime:
        """PDD's clock (`pdd.time.get`)."""
        return self.client.read(TIME, {}, ServerTime, root=ROOTS[TIME]).time

    def refresh(self, order_sns: list[str]) -> SyncReport:
        """Reads these orders now (`pdd.order.information.get`) and stores what changed: a refund, a close, a new
        address. An order PDD no longer knows is left as cached."""
        report = self.new_report()
        self.store((map_order(o) for o in self._read_whole(order_sns, report)), report)
        return report

    # -- first fill -------------------------------------------------------------------------------------------------

    def _first_fill(self, now: datetime, report: SyncReport) -> datetime:
        """Reads every order awaiting shipment (see the module docstring); returns when the fill started."""
        with self.session_factory() as session:
            saved = ShopRepository(session).fill_cursor(self.shop_id)
        cursor: dict[str, Any] = json.loads(saved) if saved else {"started": _epoch(now), "end": _epoch(now)}
        started = _moment(cursor["started"])
        while _moment(cursor["end"]) > started - HISTORY:
            end = _moment(cursor["end"])
            start = max(started - HISTORY, end - FILL_WINDOW)
            params = {
                "order_status": AWAITING,
                "refund_status": ALL_REFUNDS,
                "start_confirm_at": _epoch(start),
                "end_confirm_at": _epoch(end),
            }
            for page_no, orders in self._pages(LIST, params, report, resume=cursor.get("page")):
                later = {"started": cursor["started"], "end": cursor["end"], "page": page_no - 1}
                if page_no <= 1:
                    later = {"started": cursor["started"], "end": _epoch(start)}
                self.store(map(map_order, orders), report, also=self._keep(later))
                cursor = later
                report.fetched += len(orders)
                self.progress("fill", report.fetched)
        return started

    def _keep(self, cursor: dict[str, Any]) -> Callable[[Session], None]:
        text = json.dumps(cursor, sort_keys=True)
        return lambda session: ShopRepository(session).set_fill_cursor(self.shop_id, text)

    # -- increments -------------------------------------------------------------------------------------------------

    def _window(self, start: datetime, stop: datetime, report: SyncReport) -> None:
        span = {"start_updated_at": _epoch(start), "end_updated_at": _epoch(stop)}
        params = {**span, "order_status": ALL_ORDERS, "refund_status": ALL_REFUNDS, "is_lucky_flag": 0}
        read: dict[str, datetime] = {}  # order_sn -> the updated_at read of it in this window
        for _page_no, orders in self._pages(INCREMENT, params, report):
            for order in orders:
                if order.updated_at is not None:
                    read[order.order_sn] = max(order.updated_at, read.get(order.order_sn, order.updated_at))
            self.store(map(map_order, orders), report)
            report.fetched += len(orders)
            self.progress("changes", report.fetched)
        refunds: dict[str, datetime] = {}
        refund_params = {**span, "after_sales_status": ALL_AFTER_SALES, "after_sales_type": ALL_AFTER_SALES}
        for _page_no, page in self._pages(REFUNDS, refund_params, report, answer=RefundPage):
            for refund in page:
                moment = refund.updated_time or stop
                refunds[refund.order_sn] = max(moment, refunds.get(refund.order_sn, moment))
        if not refunds:
            return
        with self.session_factory() as session:
            cached = OrderCache(session, self.shop_id).known(refunds)
        stale = sorted(sn for sn in cached if sn not in read or read[sn] < refunds[sn])
        self.store((map_order(o) for o in self._read_whole(stale, report)), report)

    # -- reading ----------------------------------------------------------------------------------------------------

    def _pages(
        self,
        method: str,
        params: dict[str, Any],
        report: SyncReport,
        *,
        resume: int | None = None,
        answer: type[Any] = OrderPage,
    ) -> Iterator[tuple[int, list[Any]]]:
        """(page number, rows) of one listing, last page first; from page `resume` down when resuming.

        Raises:
            MalformedAnswer: the listing claims more than MAX_PAGES pages (nothing of it is read).
        """

        def read(page_no: int) -> list[Any]:
            page = self.client.read(
                method, {**params, "page": page_no, "page_size": PAGE_SIZE}, answer, root=ROOTS[method]
            )
            report.pages += 1
            return list(page.items)

        if resume is not None:
            for page_no in range(resume, 0, -1):
                yield page_no, read(page_no)
            return
        first = self.client.read(method, {**params, "page": 1, "page_size": PAGE_SIZE}, answer, root=ROOTS[method])
        report.pages += 1
        total = first.total_count or 0
        if pages_of(total, PAGE_SIZE) > MAX_PAGES:
            why = msg("pdd.why.too_many", total=total, most=MAX_PAGES * PAGE_SIZE)
            raise MalformedAnswer(method, why)
        pages = pages_of(total, PAGE_SIZE)
        for n, rows in enumerate(backwards(list(first.items), total, PAGE_SIZE, read, most=MAX_PAGES)):
            yield (1 if pages == 1 else pages - n), rows

    def _read_whole(self, order_sns: list[str], report: SyncReport) -> list[PddOrder]:
        """The orders `order_sns` read whole; an order PDD no longer knows is left out."""
        found = []
        for order_sn in order_sns:
            order = read_order(self.client, order_sn)
            if order is not None:  # else listed a moment ago, gone now: nothing to store
                found.append(order)
            report.fetched += 1
        return found

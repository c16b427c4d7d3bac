"""Delivering the outbox: each ship-back reaches the platform once, whatever fails in between.

An entry is claimed (state `sending`, attempts + 1) and committed before the platform is called, so after a crash
an entry found in `sending` is known to have been possibly sent. Such an entry, and any whose last call ended
unclearly (the connection dropped after the request left), is first checked against the trade itself
(`taobao.trade.fullinfo.get`): if its sub-orders already carry the tracking number, it is done without a second
call. Only a clear "not applied" (a rate limit, a refused connection) or a verified "not shipped" leads to sending
again. A refusal by the platform (the trade was closed, the number is invalid) stops the entry as `failed` with the
platform's reason, for the seller to act on; it is never retried blindly.

The same round cancels the waybill numbers of labels voided before shipping (app.services.waybills.cancels), so a
station that was offline when a label was voided cancels its number later, and pushes the stock of shops that ask
for it (app.sync.stock_push), and writes flags and memos back to Taobao (app.sync.memo_push: read back the same way
before a second send).

A Pinduoduo shop's ship-backs go the same way through `pdd.logistics.online.send` (app.sync.pdd_ship: checked by
reading the order with `pdd.order.information.get`); its client is the factory's PddClient.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Platform
from app.domain.errors import NotFound, PackDeskError
from app.domain.messages import Message, msg
from app.domain.outbox import ShipmentPayload
from app.domain.shops import Shop
from app.persistence.carriers import PlatformCarriers
from app.persistence.outbox import OutboxRepository
from app.persistence.shops import ShopRepository
from app.services.waybills import WaybillProviders, installed
from app.services.waybills.cancels import CancelReport, cancel_pending
from app.sync.memo_push import MemoReport, push_memos
from app.sync.notice_push import NoticeReport, SmsFor, push_notices
from app.sync.pdd import PddClient, PddError, TokenExpired
from app.sync.pdd_ship import PddShipBack
from app.sync.platform_numbers import PlatformNumbers
from app.sync.stock_push import PushReport, push_stock
from app.sync.top import Offline, RateLimited, SessionExpired, TopClient, TopError, Unclear
from app.sync.top_answers import FullInfo, Shipped

log = logging.getLogger(__name__)

ClientFactory = Callable[[Shop], TopClient | PddClient]  # a PddClient for a Pinduoduo shop
CARRIER_ALIASES = {"JT": ("JTSD", "JT"), "POSTB": ("POSTB",), "YUNDA": ("YUNDA",)}


@dataclass
class Backoff:
    base_s: float = 30.0
    max_s: float = 3600.0

    def after(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.max_s, self.base_s * 2 ** max(0, attempts - 1)))


@dataclass
class FlushReport:
    sent: int = 0
    verified: int = 0  # found already applied after an unclear attempt
    retry_later: int = 0
    failed: int = 0
    manual: int = 0  # shipments of shops without an API connection: the seller enters them in the seller centre
    # {"id", "order_no", "reason": English, "message": the Message (kept out of the JSON, for the window)}
    errors: list[dict[str, Any]] = field(default_factory=list)
    waybill_cancels: CancelReport = field(default_factory=CancelReport)  # numbers of voided labels, cancelled
    stock_push: PushReport = field(default_factory=PushReport)  # stock sent to the platform (app.sync.stock_push)
    memo_push: MemoReport = field(default_factory=MemoReport)  # flags and memos written back (app.sync.memo_push)
    notices: NoticeReport = field(default_factory=NoticeReport)  # buyer notices sent by SMS (app.sync.notice_push)

    def error(self, entry_id: int, exc: PackDeskError, order_no: str | None = None) -> None:
        """Notes why entry `entry_id` did not go."""
        found: dict[str, Any] = {"id": entry_id, "order_no": order_no} if order_no is not None else {"id": entry_id}
        self.errors.append({**found, "reason": exc.message, "message": exc.msg})

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "verified": self.verified,
            "retry_later": self.retry_later,
            "failed": self.failed,
            "manual": self.manual,
            "skipped": self.manual,  # the older name of `manual`, kept for scripts
            "errors": [{k: v for k, v in e.items() if k != "message"} for e in self.errors],
            "waybill_cancels": self.waybill_cancels.to_json(),
            "stock_push": self.stock_push.to_json(),
            "memo_push": self.memo_push.to_json(),
            "notices": self.notices.to_json(),
        }


class OutboxWorker:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        client_for: ClientFactory,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        backoff: Backoff | None = None,
        waybills: WaybillProviders | None = None,
        sms_for: SmsFor | None = None,
    ) -> None:
        self.session_factory, self.client_for, self.clock = session_factory, client_for, clock
        self.sms_for = sms_for  # None: notices wait (no SMS client can be built here)
        self.backoff = backoff or Backoff()
        self.waybills = waybills  # None: the providers the composition root installed
        self._clients: dict[int, TopClient | PddClient] = {}

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def due(self, session: Session, *, now_too: bool = False) -> list[int]:
        """The ship-backs of API shops to try, oldest first: those whose backoff has ended, or all with `now_too`."""
        return OutboxRepository(session).due_shipments(None if now_too else self.clock())

    def flush(self, limit: int | None = None, *, now_too: bool = False) -> FlushReport:
        """Delivers every entry that is due (up to `limit`); returns what happened.

        Args:
            limit: at most this many entries.
            now_too: the seller asked to send now (`packdesk outbox flush`, the window's Send now): entries still
                waiting out their backoff are tried too. The background round leaves it off and keeps the backoff.
        """
        report = FlushReport()
        with self.session_factory() as session:
            ids = self.due(session, now_too=now_too)
            report.manual = OutboxRepository(session).waiting_for_seller_count()
        blocked_shops: set[int] = set()
        for entry_id in ids[:limit]:
            shop_id = self._shop_of(entry_id)
            if shop_id in blocked_shops:
                report.retry_later += 1  # its shop cannot be reached now: it stays queued as it is
                continue
            try:
                self._deliver(entry_id, report)
            except (Offline, SessionExpired, RateLimited, TokenExpired) as exc:
                # this shop is unreachable (or its authorization expired): skip its other entries, go on with the
                # other shops'
                report.error(entry_id, exc)
                report.retry_later += 1
                if shop_id is not None:
                    blocked_shops.add(shop_id)
        report.waybill_cancels = cancel_pending(self.session_factory, self.waybills or installed(), self.clock)
        report.stock_push = push_stock(self.session_factory, self._top_client, self.clock)
        report.memo_push = push_memos(
            self.session_factory, self._top_client, self.clock, wait=self.backoff.after, now_too=now_too
        )
        report.errors += report.memo_push.errors  # said with the ship-backs' (the window and the command line)
        if self.sms_for is not None:
            report.notices = push_notices(
                self.session_factory,
                self.sms_for,
                self.clock,
                wait=self.backoff.after,
                now_too=now_too,
                numbers=PlatformNumbers(self.client_for, clock=self.clock),
            )
            report.errors += report.notices.errors
        return report

    def _shop_of(self, entry_id: int) -> int | None:
        with self.session_factory() as session:
            return OutboxRepository(session).shop_of(entry_id)

    def _client(self, shop: Shop) -> TopClient | PddClient:
        if shop.id not in self._clients:
            self._clients[shop.id] = self.client_for(shop)
        return self._clients[shop.id]

    def _top_client(self, shop: Shop) -> TopClient:
        """The client of `shop` for the stock and memo write-backs, which only Taobao shops have."""
        return cast(TopClient, self._client(shop))

    def _deliver(self, entry_id: int, report: FlushReport) -> None:
        now = self.clock()
        with self.session_factory.begin() as session:
            claimed = OutboxRepository(session).claim_shipment(entry_id)
            if claimed is None:
                return
            payload, verify_first = claimed.payload, claimed.verify_first
            shop = ShopRepository(session).get(claimed.shop_id)
            assert shop is not None
            company = self._company_code(session, payload.carrier)
        client = self._client(shop)
        if shop.platform == Platform.PDD:
            ship = PddShipBack(self.session_factory, cast(PddClient, client))
            self._deliver_pdd(entry_id, ship, payload, verify_first, report)
            return
        try:
            if verify_first and self._already_shipped(client, payload):
                self._finish(entry_id, now, verified=True)
                report.verified += 1
                return
            params: dict[str, Any] = {"tid": payload.order_no, "out_sid": payload.tracking_no}
            params["company_code"] = company
            if payload.partial:
                params["sub_tid"] = ",".join(payload.line_nos)
                params["is_split"] = 1
            # a malformed answer is a MalformedAnswer, an Unclear: verified before sending again
            if not client.read("taobao.logistics.offline.send", params, Shipped, write=True).confirmed:
                raise Unclear(msg("outbox.not_confirmed"))
            self._finish(entry_id, now, verified=False)
            report.sent += 1
        except Unclear as exc:
            self._later(entry_id, now, exc.msg, unclear=True, code=exc.code)
            report.retry_later += 1
        except TopError as exc:
            if isinstance(exc, SessionExpired | RateLimited):
                self._later(entry_id, now, exc.msg, unclear=verify_first, code=exc.code)
                raise
            # a business refusal: was it because it already shipped with this very number?
            try:
                if self._already_shipped(client, payload):
                    self._finish(entry_id, now, verified=True)
                    report.verified += 1
                    return
            except (Offline, SessionExpired, RateLimited, Unclear) as check:  # could not look: try again later
                self._later(entry_id, now, check.msg, unclear=verify_first, code=check.code)
                report.retry_later += 1
                return
            except PackDeskError:
                pass  # the trade cannot be read (gone, malformed): the platform's refusal stands
            self._fail(entry_id, now, exc.msg, code=exc.code)
            report.failed += 1
            report.error(entry_id, exc, payload.order_no)
        except Offline as exc:
            self._later(entry_id, now, exc.msg, unclear=verify_first, code=exc.code)
            raise
        except PackDeskError as exc:
            # anything else about this one entry (its trade is gone from the platform, an answer without the trade):
            # it needs the seller, and it must not hold up the entries behind it
            self._fail(entry_id, now, exc.msg, code=exc.code)
            report.failed += 1
            report.error(entry_id, exc, payload.order_no)

    def _deliver_pdd(
        self, entry_id: int, ship: PddShipBack, payload: ShipmentPayload, verify_first: bool, report: FlushReport
    ) -> None:
        """One claimed entry of a Pinduoduo shop (see app.sync.pdd_ship)."""
        now = self.clock()
        try:
            verified = ship.deliver(payload, verify_first=verify_first)
        except Unclear as exc:
            self._later(entry_id, now, exc.msg, unclear=True, code=exc.code)
            report.retry_later += 1
            return
        except (Offline, TokenExpired) as exc:  # the shop cannot be reached: its other entries wait too
            self._later(entry_id, now, exc.msg, unclear=verify_first, code=exc.code)
            raise
        except PackDeskError as exc:  # PDD's refusal (a refund, after-sale, another number), or no such order
            if isinstance(exc, PddError) and exc.caller:
                # PDD refused the shop's client id, signature or clock: every call of the shop would be (the seller
                # fixes its keys); the shop is blocked as for an expired token, its entries stay queued
                self._later(entry_id, now, exc.msg, unclear=verify_first, code=exc.code)
                words = {"error_code": exc.error_code, "sub_code": exc.sub_code, "sub_msg": exc.sub_msg}
                raise TokenExpired(exc.msg, **words) from exc
            self._fail(entry_id, now, exc.msg, code=exc.code)
            report.failed += 1
            report.error(entry_id, exc, payload.order_no)
            return
        self._finish(entry_id, now, verified=verified)
        if verified:
            report.verified += 1
        else:
            report.sent += 1

    def _already_shipped(self, client: TopClient, payload: ShipmentPayload) -> bool:
        """Whether the trade's sub-orders (ours, when partial) already carry our tracking number."""
        try:
            answer = client.read(
                "taobao.trade.fullinfo.get", {"fields": "tid,status,orders", "tid": payload.order_no}, FullInfo
            )
        except TopError as exc:
            if exc.sub_code.endswith("trade-not-exist"):
                raise NotFound(msg("outbox.no_trade", order_no=payload.order_no)) from exc
            raise
        if answer.trade is None:
            raise Unclear(msg("outbox.answer_without_trade", order_no=payload.order_no))
        mine = set(payload.line_nos)
        relevant = [o for o in answer.trade.sub_orders if not mine or o.line_no in mine]
        return bool(relevant) and all((o.invoice_no or "") == payload.tracking_no for o in relevant)

    def _company_code(self, session: Session, carrier: str) -> str:
        """PackDesk's carrier code as the platform spells it (from the cached companies list when it differs)."""
        for code in CARRIER_ALIASES.get(carrier, (carrier,)):
            if PlatformCarriers(session).get("taobao", code) is not None:
                return code
        return carrier

    def _finish(self, entry_id: int, now: datetime, *, verified: bool) -> None:
        with self.session_factory.begin() as session:
            OutboxRepository(session).mark_delivered(entry_id, now, msg("outbox.verified") if verified else None)

    def _later(self, entry_id: int, now: datetime, reason: Message, *, unclear: bool, code: str) -> None:
        with self.session_factory.begin() as session:
            repo = OutboxRepository(session)
            repo.retry_later(entry_id, now, reason, unclear=unclear, code=code, wait=self.backoff.after)

    def _fail(self, entry_id: int, now: datetime, reason: Message, *, code: str) -> None:
        with self.session_factory.begin() as session:
            OutboxRepository(session).mark_failed(entry_id, reason, code=code)

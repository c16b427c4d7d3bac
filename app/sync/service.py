"""Sync entry points shared by the command line and the window: sync shops, flush the outbox."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OutboxState, Platform
from app.domain.errors import InvalidInput, NotFound, PackDeskError
from app.domain.messages import Message, msg
from app.domain.shops import Shop
from app.persistence.notices import SmsAccount
from app.persistence.order_actions import OrderActionRepository
from app.persistence.outbox import OutboxRepository, listed_fields
from app.persistence.shops import ShopRepository
from app.sync.aliyun_sms import AliyunSms
from app.sync.outbox import Backoff, FlushReport, OutboxWorker
from app.sync.pdd import PddClient
from app.sync.pdd_orders import PddSync
from app.sync.seller_centre import as_manual, manual_count
from app.sync.shops import API_PLATFORMS, find_shop, load_credentials
from app.sync.taobao import SyncReport, TaobaoSync
from app.sync.top import RetryPolicy, TopClient


def client_factory(data_dir: Path, retry: RetryPolicy | None = None) -> Callable[[Shop], Any]:
    """Builds a shop's platform client from its stored secrets: a TopClient, or a PddClient for a Pinduoduo shop
    (its client id is the shop's app key, its client secret and access token are stored as the app secret and
    session key)."""

    def make(shop: Shop) -> TopClient | PddClient:
        if not shop.gateway_url or not shop.app_key:
            raise InvalidInput(msg("sync.no_api", name=shop.name))
        creds = load_credentials(data_dir, shop.credentials_ref)
        if shop.platform == Platform.PDD:
            return PddClient(shop.gateway_url, shop.app_key, creds.app_secret, creds.session_key, retry=retry)
        return TopClient(shop.gateway_url, shop.app_key, creds.app_secret, creds.session_key, retry=retry)

    return make


# A notice waits in the outbox for the next round: a round does not spend half a minute (the default policy's six
# tries) on an SMS provider that does not answer; three tries within two seconds, then "retry later".
SMS_RETRY = RetryPolicy(attempts=3, backoff_s=0.5, max_backoff_s=2.0)


def sms_factory(data_dir: Path, retry: RetryPolicy | None = None) -> Callable[[SmsAccount], AliyunSms]:
    """Builds an SMS client for an account from its stored secret (`retry`: SMS_RETRY unless given)."""
    retry = retry or SMS_RETRY

    def make(account: SmsAccount) -> AliyunSms:
        try:
            creds = load_credentials(data_dir, account.credentials_ref)
        except NotFound:
            raise NotFound(msg("notice.secret_not_stored", account=account.name)) from None
        return AliyunSms(account.gateway_url, account.access_key_id, creds.app_secret, retry=retry)

    return make


def api_shops(
    session: Session, name: str | None = None, platforms: tuple[Platform, ...] = (Platform.TAOBAO,)
) -> list[Shop]:
    """The shop `name` (when it syncs through an API), else every shop of `platforms` that does."""
    if name:
        shop = find_shop(session, name)
        if not shop.gateway_url:
            raise InvalidInput(msg("sync.no_api_imports", name=name))
        return [shop]
    return ShopRepository(session).api_shops(*platforms)


def order_sync(
    session_factory: sessionmaker[Session],
    data_dir: Path,
    shop: Shop,
    *,
    retry: RetryPolicy | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> TaobaoSync | PddSync:
    """The order sync of `shop` over a new client of its platform (the caller closes `.client`)."""
    client = client_factory(data_dir, retry)(shop)
    if isinstance(client, PddClient):
        return PddSync(session_factory, shop.id, client, progress=progress)
    return TaobaoSync(session_factory, shop.id, client, progress=progress)


def sync_shops(
    session_factory: sessionmaker[Session],
    data_dir: Path,
    name: str | None = None,
    *,
    retry: RetryPolicy | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> list[SyncReport]:
    """Syncs one shop, or every shop with an API connection. A shop that fails records why and the next goes on.

    Raises:
        PackDeskError: for a single named shop, its failure; otherwise nothing (failures are in the reports' errors).
    """
    with session_factory() as session:
        shops = [(s.id, s.name) for s in api_shops(session, name, API_PLATFORMS)]
    reports = []
    for shop_id, shop_name in shops:
        with session_factory() as session:
            shop = ShopRepository(session).get(shop_id)
            assert shop is not None
        try:
            sync = order_sync(session_factory, data_dir, shop, retry=retry, progress=progress)
            with sync.client:
                reports.append(sync.run())
        except PackDeskError as exc:
            _record_error(session_factory, shop_id, exc.msg)
            if name:
                raise
            reports.append(SyncReport(shop_name, message=exc.msg))
    return reports


def _record_error(session_factory: sessionmaker[Session], shop_id: int, message: Message) -> None:
    with session_factory.begin() as session:
        ShopRepository(session).record_sync_error(shop_id, message, datetime.now(UTC))


def flush_outbox(
    session_factory: sessionmaker[Session],
    data_dir: Path,
    *,
    retry: RetryPolicy | None = None,
    backoff: Backoff | None = None,
    limit: int | None = None,
    now_too: bool = False,
) -> FlushReport:
    """Delivers the ship-backs that are due; with `now_too` (the seller asked) also those waiting out a backoff."""
    worker = OutboxWorker(
        session_factory, client_factory(data_dir, retry), backoff=backoff, sms_for=sms_factory(data_dir, retry)
    )
    try:
        return worker.flush(limit, now_too=now_too)
    finally:
        worker.close()


@dataclass(frozen=True)
class SyncStatus:
    """What the window's status bar says about sync: shops online, last success, last error (a message: JSON carries
    its English), ship-backs waiting."""

    api_shops: int
    last_success: datetime | None
    last_error: Message | None
    waiting: int  # ship-backs not yet accepted by a platform (those PackDesk can send)
    failed: int  # ship-backs a platform refused: the seller must act
    manual: int = 0  # shipments of shops without an API connection: the seller enters them in the seller centre

    def to_json(self) -> dict[str, Any]:
        return {
            "api_shops": self.api_shops,
            "last_success": self.last_success.isoformat() if self.last_success else None,
            "last_error": self.last_error.render() if self.last_error else None,
            "waiting": self.waiting,
            "failed": self.failed,
            "manual": self.manual,
        }


def sync_status(session_factory: sessionmaker[Session]) -> SyncStatus:
    with session_factory() as session:
        states = ShopRepository(session).sync_states()
        shops = ShopRepository(session).api_shop_count()
        counts = OutboxRepository(session).state_counts()
        manual = manual_count(session)
    successes = [s.last_success_at for s in states if s.last_success_at]
    errors = [(s.updated_at, s.last_error) for s in states if s.last_error and s.updated_at]
    return SyncStatus(
        api_shops=int(shops or 0),
        last_success=max(successes) if successes else None,
        last_error=max(errors, key=lambda e: e[0])[1] if errors else None,
        waiting=int(counts.get(OutboxState.PENDING, 0)) + int(counts.get(OutboxState.SENDING, 0)) - manual,
        failed=int(counts.get(OutboxState.FAILED, 0)),
        manual=manual,
    )


def outbox_items(session_factory: sessionmaker[Session], limit: int = 2000) -> list[dict[str, Any]]:
    """The outbox, newest first, as dicts (the command line and the window show the same); `last_error` is a
    Message (`outbox_json` gives its English for JSON).

    The shipments of shops without an API connection show in the state `manual`, with what the seller must do.
    """
    with session_factory() as session:
        entries = OutboxRepository(session).items(limit)
    items = []
    for e in entries:
        item = {
            "id": e.id,
            "kind": e.kind,
            "shop": e.shop,
            "state": e.state,
            "attempts": e.attempts,
            "last_error": e.last_error,
            "created_at": e.created_at.isoformat(),
            "next_attempt_at": e.next_attempt_at.isoformat() if e.next_attempt_at else None,
            "done_at": e.done_at.isoformat() if e.done_at else None,
            **listed_fields(e.payload),
        }
        manual = not e.shop_has_api and e.kind == "ship" and e.state == OutboxState.PENDING
        items.append(as_manual(item) if manual else item)
    with session_factory() as session:  # flags and memos written back to Taobao (app.sync.memo_push)
        items += OrderActionRepository(session).memo_items(limit)
    return sorted(items, key=lambda i: i["id"], reverse=True)[:limit]


def outbox_json(item: dict[str, Any]) -> dict[str, Any]:
    """An `outbox_items` entry as `packdesk outbox list --json` prints it: its last error in English."""
    last_error = item["last_error"]
    return {**item, "last_error": last_error.render() if last_error else None}

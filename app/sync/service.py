"""Sync entry points shared by the command line and the window: sync shops, flush the outbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Platform
from app.domain.errors import InvalidInput, PackDeskError
from app.persistence.rows import ShopRow, SyncStateRow
from app.sync.outbox import Backoff, FlushReport, OutboxWorker
from app.sync.shops import find_shop, load_credentials
from app.sync.taobao import SyncReport, TaobaoSync
from app.sync.top import RetryPolicy, TopClient


def client_factory(data_dir: Path, retry: RetryPolicy | None = None) -> Callable[[ShopRow], TopClient]:
    """Builds a TopClient for a shop from its row and its stored secrets."""

    def make(shop: ShopRow) -> TopClient:
        if not shop.gateway_url or not shop.app_key:
            raise InvalidInput(f"Shop '{shop.name}' has no API connection (it is filled by imports).")
        creds = load_credentials(data_dir, shop.credentials_ref)
        return TopClient(shop.gateway_url, shop.app_key, creds.app_secret, creds.session_key, retry=retry)

    return make


def api_shops(session: Session, name: str | None = None) -> list[ShopRow]:
    if name:
        shop = find_shop(session, name)
        if not shop.gateway_url:
            raise InvalidInput(f"Shop '{name}' has no API connection: its orders come from imported files.")
        return [shop]
    return list(
        session.execute(
            select(ShopRow).where(ShopRow.gateway_url.is_not(None), ShopRow.platform == Platform.TAOBAO.value)
        ).scalars()
    )


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
        shops = [(s.id, s.name) for s in api_shops(session, name)]
    make = client_factory(data_dir, retry)
    reports = []
    for shop_id, shop_name in shops:
        with session_factory() as session:
            shop = session.get(ShopRow, shop_id)
            assert shop is not None
            client = make(shop)
        try:
            with client:
                reports.append(TaobaoSync(session_factory, shop_id, client, progress=progress).run())
        except PackDeskError as exc:
            _record_error(session_factory, shop_id, exc.message)
            if name:
                raise
            reports.append(SyncReport(shop_name, error=exc.message))
    return reports


def _record_error(session_factory: sessionmaker[Session], shop_id: int, message: str) -> None:
    with session_factory.begin() as session:
        state = session.get(SyncStateRow, shop_id)
        if state is None:
            state = SyncStateRow(shop_id=shop_id)
            session.add(state)
        state.last_error = message
        state.updated_at = datetime.now(UTC)


def flush_outbox(
    session_factory: sessionmaker[Session],
    data_dir: Path,
    *,
    retry: RetryPolicy | None = None,
    backoff: Backoff | None = None,
    limit: int | None = None,
) -> FlushReport:
    worker = OutboxWorker(session_factory, client_factory(data_dir, retry), backoff=backoff)
    try:
        return worker.flush(limit)
    finally:
        worker.close()

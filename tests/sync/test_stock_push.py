"""The stock push to the loopback TOP gateway (taobao.item.quantity.update): off by default, once per change, a lost
answer read back instead of sent again, nothing lost while the gateway is away."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pdtest.top_items import GET, QUANTITY
from pdtest.top_server import TopServer
from sqlalchemy import select, update

from app.cli import main
from app.domain.enums import Platform
from app.domain.errors import InvalidInput
from app.persistence.rows import ProductRow
from app.services.workspace import Workspace
from app.sync.catalogue import CatalogueSync
from app.sync.outbox import FlushReport, OutboxWorker
from app.sync.service import flush_outbox
from app.sync.shops import Credentials, add_api_shop, ensure_shop
from app.sync.stock_push import pushes_stock, set_push_stock
from app.sync.top import RetryPolicy, TopClient

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
FAST = RetryPolicy(attempts=30, backoff_s=0.001, max_backoff_s=0.005)
SHOP = "淘宝店"


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=6, n_trades=10) as srv:
        yield srv


@pytest.fixture
def synced(workspace: Workspace, server: TopServer) -> Workspace:
    """The shop's catalogue synced from the gateway; three of its SKUs tracked with stock."""
    with workspace.session_factory.begin() as session:
        shop, _ = add_api_shop(
            session, workspace.data_dir, name=SHOP, platform=Platform.TAOBAO, gateway=server.url, app_key=APP_KEY,
            credentials=Credentials(SECRET, SESSION), now=datetime.now(UTC),
        )  # fmt: skip
        shop_id = shop.id
    with TopClient(server.url, APP_KEY, SECRET, SESSION, retry=FAST) as client:
        CatalogueSync(workspace.session_factory, shop_id, client).run()
    with workspace.session_factory.begin() as session:
        ids = session.execute(select(ProductRow.id).order_by(ProductRow.sku).limit(3)).scalars().all()
        for pid, (stock, reserved) in zip(ids, ((12, 2), (5, 7), (40, 0)), strict=True):
            session.execute(
                update(ProductRow)
                .where(ProductRow.id == pid)
                .values(stock=stock, reserved=reserved, stock_tracked=True)
            )
    return workspace


def tracked(ws: Workspace) -> dict[str, tuple[str, str, int, int | None]]:
    """SKU -> (item id, sku id, available, the figure recorded as pushed) of the tracked products."""
    with ws.session_factory() as session:
        rows = session.execute(select(ProductRow).where(ProductRow.stock_tracked.is_(True))).scalars().all()
        return {r.sku: (r.item_id or "", r.sku_id or "", max(0, r.stock - r.reserved), r.pushed_quantity) for r in rows}


def flush(ws: Workspace) -> FlushReport:
    return flush_outbox(ws.session_factory, ws.data_dir, retry=RetryPolicy(attempts=3, backoff_s=0.001))


def quick_flush(ws: Workspace, srv: TopServer) -> FlushReport:
    """An outbox round whose client spends none of the waits it is asked for (the gateway enforces no ban)."""
    worker = OutboxWorker(
        ws.session_factory,
        lambda _shop: TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST, sleep=lambda _s: None),
    )
    try:
        return worker.flush()
    finally:
        worker.close()


def set_stock(ws: Workspace, sku: str, stock: int) -> None:
    with ws.session_factory.begin() as session:
        session.execute(update(ProductRow).where(ProductRow.sku == sku).values(stock=stock))


def test_off_by_default_nothing_is_sent(synced: Workspace, server: TopServer) -> None:
    assert not pushes_stock(synced.session_factory, SHOP)
    report = flush(synced)
    assert server.items.pushes == [] and report.stock_push.to_json()["sent"] == 0


def test_each_change_is_pushed_once(synced: Workspace, server: TopServer) -> None:
    assert set_push_stock(synced.session_factory, SHOP, True) and pushes_stock(synced.session_factory, SHOP)
    report = flush(synced)
    want = tracked(synced)
    assert report.stock_push.sent == 3 and len(server.items.pushes) == 3
    for _sku, (item_id, sku_id, available, pushed) in want.items():
        assert pushed == available and server.items.quantity(item_id, sku_id) == available
    assert {p["quantity"] for p in server.items.pushes} == {10, 0, 40}  # reserved beyond stock sends 0, never less
    assert all(p["type"] == 1 and p["sku_id"] for p in server.items.pushes)

    assert flush(synced).stock_push.sent == 0 and len(server.items.pushes) == 3  # nothing changed: nothing sent
    sku = next(iter(want))
    set_stock(synced, sku, 3)
    assert flush(synced).stock_push.sent == 1 and len(server.items.pushes) == 4
    item_id, sku_id, available, pushed = tracked(synced)[sku]
    assert server.items.pushes[-1]["quantity"] == available == pushed == 1
    assert server.items.quantity(item_id, sku_id) == 1


def test_a_dropped_answer_is_read_back_not_sent_again(synced: Workspace, server: TopServer) -> None:
    set_push_stock(synced.session_factory, SHOP, True)
    server.faults.drop_after_apply = 1.0
    server.faults.only_methods = frozenset({QUANTITY})
    first = flush(synced).stock_push
    assert first.retry_later == 3 and first.sent == 0 and len(server.items.pushes) == 3  # applied, answers lost
    assert all(pushed is not None for *_, pushed in tracked(synced).values())
    server.faults.reset()
    reads = server.calls[GET]
    second = flush(synced).stock_push
    assert second.verified == 3 and second.sent == 0 and len(server.items.pushes) == 3  # no second send
    assert server.calls[GET] - reads == 3
    assert flush(synced).stock_push.to_json() == {"sent": 0, "verified": 0, "retry_later": 0, "failed": 0, "errors": []}


def test_a_send_that_did_not_land_is_sent_after_the_read_back(synced: Workspace, server: TopServer) -> None:
    set_push_stock(synced.session_factory, SHOP, True)
    server.answer_raw(QUANTITY, b"<html>gateway timeout</html>")  # not applied, and no clear answer
    assert flush(synced).stock_push.retry_later == 3 and server.items.pushes == []
    server.answer_raw(QUANTITY, None)
    again = flush(synced).stock_push
    assert again.sent == 3 and again.verified == 0 and len(server.items.pushes) == 3


def test_offline_nothing_is_lost(synced: Workspace, server: TopServer) -> None:
    set_push_stock(synced.session_factory, SHOP, True)
    server.go_offline()
    try:
        report = flush(synced).stock_push
    finally:
        server.go_online()
    assert report.sent == 0 and report.retry_later == 3 and report.errors  # one shop: its other products wait
    assert all(pushed is None for *_, pushed in tracked(synced).values())
    assert flush(synced).stock_push.sent == 3 and len(server.items.pushes) == 3


def test_a_shop_without_api_cannot_push(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        ensure_shop(session, "表格店", Platform.TAOBAO, datetime.now(UTC))
    with pytest.raises(InvalidInput):
        set_push_stock(workspace.session_factory, "表格店", True)
    assert not set_push_stock(workspace.session_factory, "表格店", False)


def test_from_the_command_line(synced: Workspace, server: TopServer) -> None:
    out = io.StringIO()
    args = ["--data-dir", str(synced.data_dir)]
    assert main([*args, "shop", "set", SHOP, "--push-stock", "on", "--json"], out=out) == 0
    assert json.loads(out.getvalue()) == {"shop": SHOP, "push_stock": True, "changed": True}
    out = io.StringIO()
    assert main([*args, "outbox", "flush", "--json"], out=out) == 0
    assert json.loads(out.getvalue())["stock_push"]["sent"] == 3 and len(server.items.pushes) == 3


def test_random_changes_and_faults_never_send_a_landed_figure_twice(synced: Workspace, server: TopServer) -> None:
    """Seeded rounds of stock changes, with answers dropped after the write landed, 5xx and dropped connections
    before it, rate limits and the gateway away: no figure that landed is sent again for the same SKU until the
    stock changed, and a quiet round leaves the platform holding every tracked SKU's available stock."""
    import random

    rng = random.Random(13)
    set_push_stock(synced.session_factory, SHOP, True)
    skus = sorted(tracked(synced))
    for _ in range(40):
        for sku in rng.sample(skus, rng.randint(0, 2)):
            set_stock(synced, sku, rng.randint(0, 30))
        server.faults.reset()
        server.faults.only_methods = frozenset({QUANTITY, GET})
        fault = rng.choice(("none", "drop_after_apply", "server_error", "drop", "rate_limit", "offline"))
        if fault == "offline":
            server.go_offline()
        elif fault != "none":
            setattr(server.faults, fault, 0.5)
        try:
            quick_flush(synced, server)
        finally:
            if fault == "offline":
                server.go_online()
    server.faults.reset()
    quick_flush(synced, server)
    quick_flush(synced, server)
    for sku, (item_id, sku_id, available, pushed) in tracked(synced).items():
        assert server.items.quantity(item_id, sku_id) == available == pushed, sku
        sent = [p["quantity"] for p in server.items.pushes if p["sku_id"] == sku_id]
        assert all(a != b for a, b in zip(sent, sent[1:], strict=False)), (sku, sent)  # no landed figure twice
    assert server.injected["drop_after_apply"] and server.injected["server_error"] and server.injected["drop"]


def test_a_sku_gone_from_the_platform_is_reported_not_sent(synced: Workspace, server: TopServer) -> None:
    set_push_stock(synced.session_factory, SHOP, True)
    server.faults.drop_after_apply = 1.0
    server.faults.only_methods = frozenset({QUANTITY})
    flush(synced)  # sent, answers lost
    server.faults.reset()
    sku, (item_id, sku_id, _available, _pushed) = next(iter(tracked(synced).items()))
    with server._lock:
        item = server.items.items[item_id]
        item["skus"] = [s for s in item["skus"] if str(s["sku_id"]) != sku_id]
    sent = len(server.items.pushes)
    report = flush(synced).stock_push
    assert report.failed == 1 and report.verified == 2 and len(server.items.pushes) == sent
    assert [e["sku"] for e in report.errors] == [sku] and "no SKU" in report.errors[0]["reason"]

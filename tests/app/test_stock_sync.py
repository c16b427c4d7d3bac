"""Out of stock survives the platform's word (issue 13): orders synced from the loopback TOP gateway (real HTTP),
one SKU's stock set to 0; a sync that brings nothing new, and one that brings a change to a short trade (the platform
still says WAIT_SELLER_SEND_GOODS), keep the orders out of stock with their shortages; stock arriving releases them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pdtest.top_server import TopServer
from pdtest.top_shop import APP_KEY, SECRET, SESSION, synced_shop, waiting
from sqlalchemy import text

from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.stock import adjust_stock, set_stock
from app.services.workspace import Workspace
from app.sync.taobao import TaobaoSync
from app.sync.top import RetryPolicy, TopClient

ACTOR = Actor("仓管", "bench-1")


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=3, n_trades=60) as server:
        yield server


def sync(ws: Workspace, srv: TopServer) -> None:
    with ws.session_factory() as session:
        shop_id = session.execute(text("SELECT id FROM shops WHERE name = '淘宝店'")).scalar_one()
    with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=RetryPolicy(attempts=3, backoff_s=0.01)) as client:
        # a clock past the settle margin, so a change just made on the server falls in a window
        TaobaoSync(ws.session_factory, shop_id, client, clock=lambda: datetime.now(UTC) + timedelta(seconds=30)).run()


def short(ws: Workspace) -> dict[str, list[tuple[str, int]]]:
    orders = list_orders(ws.session_factory, status="out_of_stock", limit=1000)
    return {o.order_no: [(s.sku, s.missing) for s in o.short] for o in orders}


def test_a_sync_keeps_orders_out_of_stock_until_stock_arrives(workspace: Workspace, srv: TopServer) -> None:
    synced_shop(workspace, srv)
    tid, _scans, _oid = waiting(workspace, srv)
    (order,) = [o for o in list_orders(workspace.session_factory, search=tid) if o.order_no == tid]
    sku = order.lines[0].sku
    set_stock(workspace.session_factory, sku, 0, ACTOR, datetime.now(UTC))
    before = short(workspace)
    assert tid in before and (sku, order.lines[0].qty) in before[tid]

    sync(workspace, srv)  # nothing new on the platform
    assert short(workspace) == before
    srv.modify(tid, seller_memo="催一下")  # a change: the platform's status (待发货) comes again
    sync(workspace, srv)
    assert short(workspace) == before
    (memo,) = [o for o in list_orders(workspace.session_factory, search=tid) if o.order_no == tid]
    assert memo.memo == "催一下" and memo.status.value == "out_of_stock"

    adjust_stock(workspace.session_factory, sku, +1000, ACTOR, datetime.now(UTC), "到货")
    assert not any(s == sku for lines in short(workspace).values() for s, _n in lines)
    sync(workspace, srv)
    assert tid not in short(workspace)


def test_a_shipment_takes_stock_once_through_its_ship_back_and_the_next_sync(
    workspace: Workspace, srv: TopServer
) -> None:
    from app.services.shipping import ship_order
    from app.sync.service import flush_outbox

    synced_shop(workspace, srv)
    tid, _scans, _oid = waiting(workspace, srv)
    (order,) = [o for o in list_orders(workspace.session_factory, search=tid) if o.order_no == tid]
    units: dict[str, int] = {}
    for line in order.lines:
        units[line.sku] = units.get(line.sku, 0) + line.qty
    for sku in units:
        set_stock(workspace.session_factory, sku, 500, ACTOR, datetime.now(UTC))
    ship_order(workspace.session_factory, tid, "ZTO", "73100000000001", ACTOR, datetime.now(UTC))
    report = flush_outbox(workspace.session_factory, workspace.data_dir, now_too=True)
    assert report.sent == 1
    sync(workspace, srv)  # the platform now says it shipped
    with workspace.session_factory() as session:
        on_hand = dict(
            session.execute(text("SELECT sku, stock FROM products WHERE stock_tracked")).all()  # type: ignore[arg-type]
        )
        ships = session.execute(text("SELECT count(*) FROM stock_moves WHERE kind = 'ship'")).scalar()
    assert on_hand == {sku: 500 - n for sku, n in units.items()} and ships == len(units)

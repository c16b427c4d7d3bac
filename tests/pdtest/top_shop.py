"""A Taobao shop synced from the loopback TOP gateway, ready to pack at a station (shared by sync and UI tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.domain.enums import Platform
from app.persistence.rows import BarcodeRow, OrderRow, ProductRow, ShopGroupRow, WaybillAccountRow
from app.services.workspace import Workspace
from app.sync.shops import Credentials, add_api_shop
from app.sync.taobao import TaobaoSync
from app.sync.top import RetryPolicy, TopClient
from pdtest.top_server import TopServer

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"


def synced_shop(ws: Workspace, srv: TopServer) -> str:
    """An API shop whose orders are synced from `srv`, with a barcode ("BC-" + SKU) for every SKU."""
    with ws.session_factory.begin() as session:
        shop, _ = add_api_shop(
            session, ws.data_dir, name="淘宝店", platform=Platform.TAOBAO, gateway=srv.url, app_key=APP_KEY,
            credentials=Credentials(SECRET, SESSION), now=datetime.now(UTC), group="测试组",
        )  # fmt: skip
        group = session.execute(select(ShopGroupRow).where(ShopGroupRow.name == shop.group)).scalar_one()
        session.add(
            WaybillAccountRow(group=group, carrier="ZTO", name="ZTO", kind="demo", next_serial=7 * 10**9,
                              serial_end=8 * 10**9, is_default=True)
        )  # fmt: skip
        shop_id = shop.id
    with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=RetryPolicy(attempts=3, backoff_s=0.01)) as client:
        TaobaoSync(ws.session_factory, shop_id, client).run()
    with ws.session_factory.begin() as session:
        skus = {ln.sku for row in session.execute(select(OrderRow)).scalars() for ln in row.lines}
        skus -= set(session.execute(select(ProductRow.sku)).scalars())  # the demo's own products keep theirs
        for sku in sorted(skus):
            product = ProductRow(sku=sku, title=sku, price=0)
            product.barcodes.append(BarcodeRow(code=f"BC-{sku}", units=1))
            session.add(product)
    return "淘宝店"


def waiting(ws: Workspace, srv: TopServer, skip: int = 0) -> tuple[str, list[str], str]:
    """A waiting trade with nothing refunded: its tid, what a packer scans for it, and its first sub-order id."""
    trades = srv.trades_snapshot()
    found = []
    for tid, trade in sorted(trades.items()):
        subs = trade["orders"]["order"]
        if trade["status"] != "WAIT_SELLER_SEND_GOODS" or any(
            s.get("refund_status") not in (None, "", "NO_REFUND") for s in subs
        ):
            continue
        with ws.session_factory() as session:
            row = session.execute(select(OrderRow).where(OrderRow.order_no == tid)).scalar_one_or_none()
            if row is None or len({ln.sku for ln in row.lines}) != len(row.lines):
                continue
            scans = [f"BC-{ln.sku}" for ln in row.lines for _ in range(ln.qty)]
        found.append((tid, scans, subs[0]["oid_str"]))
    assert len(found) > skip
    return found[skip]

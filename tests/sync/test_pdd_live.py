"""The bench's last look at a Pinduoduo order (`pdd.order.information.get`): a refund or after-sale no sync has
brought stops the parcel before its label; when PDD does not answer, the cache decides and the label prints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.persistence.rows import BarcodeRow, OrderRow, ProductRow, ShopGroupRow, WaybillAccountRow
from app.services.printing import PrintService
from app.services.workspace import Workspace
from app.station import Station
from app.sync.live import LiveCheck
from printers.registry import open_printer
from tests.pdtest import pdd_orders
from tests.pdtest.packing import ACTOR, names
from tests.pdtest.pdd_server import PddServer
from tests.pdtest.pdd_shop import CLIENT_ID, SECRET, TOKEN, PddShop, order_sn

ITEMS = (("1001", "PDD-MUG", 1), ("1002", "PDD-TEA", 2))
SCANS = ["BC-PDD-MUG", "BC-PDD-TEA", "BC-PDD-TEA"]


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def srv() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=11) as server:
        yield server


@pytest.fixture
def desk(workspace: Workspace, srv: PddServer) -> pdd_orders.PddShop:
    """A PDD shop with two orders cached, its SKUs' barcodes, and a number roll for its group; the shop at PDD."""
    shop = PddShop(workspace, srv, group="拼多多组")
    shop.orders(2, items=ITEMS)
    with workspace.session_factory.begin() as session:
        group = session.execute(select(ShopGroupRow).where(ShopGroupRow.name == "拼多多组")).scalar_one()
        session.add(
            WaybillAccountRow(group=group, carrier="ZTO", name="ZTO", kind="demo", next_serial=7 * 10**9,
                              serial_end=8 * 10**9, is_default=True)
        )  # fmt: skip
        for _goods, sku, _n in ITEMS:
            product = ProductRow(sku=sku, title=sku, price=0)
            product.barcodes.append(BarcodeRow(code=f"BC-{sku}", units=1))
            session.add(product)
    return shop.pdd


def station(ws: Workspace, labels: Path, live: LiveCheck | None) -> Station:
    printer = PrintService(ws.session_factory, open_printer(f"png://{labels}"), ACTOR)
    return Station(ws.session_factory, ACTOR, printer, live=live)


def test_a_refund_no_sync_brought_stops_the_pdd_parcel_before_its_label(
    workspace: Workspace, srv: PddServer, desk: pdd_orders.PddShop, tmp_path: Path
) -> None:
    live = LiveCheck(workspace.session_factory, workspace.data_dir)
    bench = station(workspace, tmp_path / "labels", live)
    try:
        assert names(bench.scan(order_sn(1))) == ["order_opened"]
        for code in SCANS[:-1]:
            bench.scan(code)
        desk.refund(order_sn(1))  # the buyer asks for a refund at PDD; no sync runs
        got = bench.scan(SCANS[-1])
    finally:
        live.close()
    assert names(got)[-1] == "intercepted" and got[-1].reason == "refund"
    assert not (tmp_path / "labels").exists() or not list((tmp_path / "labels").iterdir())
    assert live.answered >= 2 and srv.calls["pdd.order.information.get"] >= 2  # at the opening, before the label
    with workspace.session_factory() as session:  # the cache learned it too
        row = session.execute(select(OrderRow).where(OrderRow.order_no == order_sn(1))).scalar_one()
        assert {ln.refund_status for ln in row.lines} == {"requested"}


def test_a_refunded_pdd_order_does_not_open(workspace: Workspace, desk: pdd_orders.PddShop, tmp_path: Path) -> None:
    live = LiveCheck(workspace.session_factory, workspace.data_dir)
    bench = station(workspace, tmp_path / "labels", live)
    desk.refund(order_sn(2), done=True)
    try:
        got = bench.scan(order_sn(2))
    finally:
        live.close()
    assert names(got) == ["intercepted"]


def test_when_pdd_does_not_answer_the_cache_decides_and_the_bench_does_not_wait_again(
    workspace: Workspace, srv: PddServer, desk: pdd_orders.PddShop, tmp_path: Path
) -> None:
    live = LiveCheck(workspace.session_factory, workspace.data_dir, timeout_s=0.5)
    bench = station(workspace, tmp_path / "labels", live)
    srv.faults.drop = 1.0  # every call's connection closes unanswered
    try:
        events = [e for code in [order_sn(1), *SCANS] for e in bench.scan(code)]
        assert not live.would_ask("拼多多店")  # resting after the failure: the next parcels do not wait on PDD
    finally:
        live.close()
    assert "label_printed" in names(events) and "intercepted" not in names(events)
    assert live.asked >= 1 and live.answered == 0

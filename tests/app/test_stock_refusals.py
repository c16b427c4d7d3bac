"""An out-of-stock order is refused by the print queue (one order and a batch) and at the bench, with which SKU and
how many are missing, until a supervisor overrides the shortage (audited); then it prints and packs, and the stock
it takes is allotted to it first. The demo (real SQLite, the virtual PNG printer) has a few tracked SKUs short."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from app.demo.seed import TRACKED
from app.domain.enums import ScanOutcome
from app.domain.errors import InvalidInput, NotPackable
from app.domain.orders import Order
from app.domain.station_events import Reason
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService
from app.services.stock import override_shortage
from app.services.workspace import Workspace
from app.station import Station
from printers.registry import open_printer

ACTOR = Actor("packer", "bench-1")
BOSS = Actor("王主管", "bench-1")


def short_orders(ws: Workspace) -> list[Order]:
    return list_orders(ws.session_factory, status="out_of_stock", limit=1000)


def printer(ws: Workspace, tmp_path: Path) -> PrintService:
    return PrintService(ws.session_factory, open_printer(f"png://{tmp_path.as_posix()}/labels"), ACTOR)


def test_the_demo_has_out_of_stock_orders_each_naming_what_it_misses(demo: Workspace) -> None:
    short = short_orders(demo)
    assert short and all(o.short and all(s.missing > 0 for s in o.short) for o in short)
    assert all(o.to_json()["short"] == [s.to_json() for s in o.short] for o in short)


def test_the_print_queue_refuses_an_out_of_stock_order_until_a_supervisor_overrides(
    demo: Workspace, tmp_path: Path
) -> None:
    order = short_orders(demo)[0]
    missing = ", ".join(f"{s.sku} x{s.missing}" for s in order.short)
    service = printer(demo, tmp_path)
    with pytest.raises(NotPackable, match=f"Order {order.order_no} is out of stock \\(missing {missing}\\)") as caught:
        service.enqueue(order.order_no)
    assert caught.value.details["reason"] == "out_of_stock"
    (refused,) = service.enqueue_batch([order.order_no])
    assert isinstance(refused, NotPackable) and missing in refused.message
    with demo.session_factory() as session:
        assert session.execute(text("SELECT count(*) FROM packages")).scalar() == 0  # no number was taken

    with pytest.raises(InvalidInput, match="needs a reason"):
        override_shortage(demo.session_factory, order.order_no, BOSS, " ")
    assert [s.sku for s in override_shortage(demo.session_factory, order.order_no, BOSS, "客户加急")] == [
        s.sku for s in order.short
    ]
    assert order.order_no not in {o.order_no for o in short_orders(demo)}
    result = service.print_order(order.order_no)
    assert result.state.value == "sent"
    with demo.session_factory() as session:
        detail = session.execute(
            text("SELECT actor, detail FROM audit_log WHERE action = 'stock_override' AND entity_id = :no"),
            {"no": order.order_no},
        ).one()
    assert detail[0] == "王主管" and json.loads(detail[1])["reason"] == "客户加急"
    with pytest.raises(InvalidInput, match="is not out of stock"):
        override_shortage(demo.session_factory, order.order_no, BOSS, "again")


def test_the_bench_stops_an_out_of_stock_order_and_a_supervisor_lets_it_go(demo: Workspace, tmp_path: Path) -> None:
    station = Station(demo.session_factory, ACTOR, printer(demo, tmp_path))
    order = short_orders(demo)[0]
    (stop,) = station.scan(order.order_no)
    assert stop.event is ScanOutcome.INTERCEPTED and stop.why is Reason.OUT_OF_STOCK
    assert stop.to_json()["reason"] == "out_of_stock"
    assert stop.message is not None and all(f"{s.sku} x{s.missing}" in stop.message.render() for s in order.short)
    assert station.packing is None
    (opened,) = station.override(order.order_no, "王主管", "买家等不及，先发")
    assert opened.event is ScanOutcome.ORDER_OPENED and opened.why is Reason.OVERRIDE
    assert opened.stop is Reason.OUT_OF_STOCK
    assert order.order_no not in {o.order_no for o in short_orders(demo)}  # the print queue lets it through too
    with demo.session_factory() as session:
        actions = session.execute(
            text("SELECT action, actor FROM audit_log WHERE entity_id = :no ORDER BY id"), {"no": order.order_no}
        ).all()
    assert [tuple(a) for a in actions] == [("override", "packer"), ("stock_override", "王主管")]
    for line in order.lines:
        for _ in range(line.qty if line.packable else 0):
            events = station.scan(line.barcodes[0])
    assert ScanOutcome.LABEL_PRINTED in {e.event for e in events}
    assert ScanOutcome.SHIPPED in {e.event for e in events}  # the bench ships on its label (auto-ship)
    with demo.session_factory() as session:
        moves = session.execute(
            text(
                "SELECT p.sku, m.delta, m.on_hand FROM stock_moves m JOIN products p ON p.id = m.product_id "
                "JOIN orders o ON o.id = m.order_id WHERE m.kind = 'ship' AND o.order_no = :no"
            ),
            {"no": order.order_no},
        ).all()
    # its tracked SKUs left with it: an overridden order short of stock takes what there was, never below zero
    tracked = {ln.sku for ln in order.lines if ln.packable and ln.sku in TRACKED}
    assert {sku for sku, _d, _h in moves} == tracked and all(h >= 0 for _s, _d, h in moves)


def test_a_hold_lifted_at_the_bench_on_a_short_order_lets_it_go_short_too(demo: Workspace, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from app.services.stock import set_stock

    order = next(o for o in list_orders(demo.session_factory, status="awaiting_shipment") if o.block_reason() is None)
    sku = next(ln.sku for ln in order.lines if ln.packable)
    set_stock(demo.session_factory, sku, 0, ACTOR, datetime.now(UTC))
    assert order.order_no in {o.order_no for o in short_orders(demo)}
    with demo.session_factory.begin() as session:
        session.execute(text("UPDATE orders SET status = 'on_hold' WHERE order_no = :no"), {"no": order.order_no})
    station = Station(demo.session_factory, ACTOR, printer(demo, tmp_path))
    (opened,) = station.override(order.order_no, "王主管", "电话确认可以发")
    assert opened.why is Reason.OVERRIDE and opened.stop is Reason.ON_HOLD
    with demo.session_factory() as session:
        row = session.execute(
            text("SELECT status, stock_override FROM orders WHERE order_no = :no"), {"no": order.order_no}
        ).one()
    assert tuple(row) == ("awaiting_shipment", 1)  # waiting again, and let go short (the print queue takes it)

"""The station engine package (app.station) over a real SQLite file, built by the composition root: open, items,
complete, print to an in-memory printer, ship, park and take up again, crash resume, a supervisor's override,
SKU-first opening and weighing. The long behaviour suites (test_station*.py) cover the many cases; this module is the
engine's own."""

from __future__ import annotations

import pytest
from pdtest.packing import ACTOR, names, pick, simple, units_scans
from sqlalchemy import update

from app.domain.enums import OrderStatus, RefundStatus, ScanOutcome
from app.domain.errors import InvalidInput
from app.domain.orders import Order
from app.persistence.outbox import OutboxRepository
from app.persistence.repositories import CatalogueRepository
from app.persistence.rows import OrderRow, ProductRow
from app.services.printing import PrintService
from app.services.station_options import StationOptions
from app.services.workspace import Workspace
from app.station import Station
from app.wiring import build_station
from printers.errors import PrinterOffline
from printers.fake import MemoryPrinter

E = ScanOutcome


@pytest.fixture
def memory() -> MemoryPrinter:
    return MemoryPrinter()


@pytest.fixture
def station(demo: Workspace, memory: MemoryPrinter) -> Station:
    return build_station(demo.session_factory, ACTOR, PrintService(demo.session_factory, memory, ACTOR))


def _pack(station: Station, order: Order) -> list[str]:
    events = station.scan(order.order_no)
    for code in units_scans(order):
        events += station.scan(code)
    return names(events)


def test_a_parcel_goes_from_open_to_shipped_through_the_printer(
    demo: Workspace, station: Station, memory: MemoryPrinter
) -> None:
    order = pick(demo, simple(min_lines=2))
    total = sum(ln.qty for ln in order.lines)
    assert _pack(station, order) == ["order_opened", *["item_ok"] * total, "order_complete", "label_printed", "shipped"]
    ((name, waybill),) = memory.received
    assert waybill.order_no == order.order_no and name.startswith(waybill.tracking_no)
    assert sorted((i.sku, i.qty) for i in waybill.items) == sorted((ln.sku, ln.qty) for ln in order.lines)
    with demo.session_factory() as session:
        (entry,) = OutboxRepository(session).items(10)
    assert (entry.payload.order_no, entry.payload.tracking_no, entry.payload.partial) == (
        order.order_no,
        waybill.tracking_no,
        False,
    )
    assert station.scan(order.order_no)[0].reason == "shipped"  # it cannot be packed twice


def test_a_refunded_line_stays_out_of_the_box_the_label_and_the_ship_back(
    demo: Workspace, station: Station, memory: MemoryPrinter
) -> None:
    order = pick(demo, simple(min_lines=2))
    refunded = order.lines[0]
    with demo.session_factory.begin() as session:
        row = session.query(OrderRow).filter_by(order_no=order.order_no).one()
        next(ln for ln in row.lines if ln.line_no == refunded.line_no).refund_status = RefundStatus.REFUNDED.value
    kept = [ln for ln in order.lines if ln.line_no != refunded.line_no]
    events = station.scan(order.order_no)
    assert events[0].total == sum(ln.qty for ln in kept)
    assert names(station.scan(refunded.barcodes[0])) == ["wrong_item"]
    for ln in kept:
        for _ in range(ln.qty):
            events += station.scan(ln.barcodes[0])
    assert names(events)[-1] == "shipped"
    ((_, waybill),) = memory.received
    assert {i.sku for i in waybill.items} == {ln.sku for ln in kept}
    with demo.session_factory() as session:
        (entry,) = OutboxRepository(session).items(10)
    assert entry.payload.partial and set(entry.payload.line_nos) == {ln.line_no for ln in kept}


def test_a_failed_print_stops_the_parcel_before_it_ships(
    demo: Workspace, station: Station, memory: MemoryPrinter
) -> None:
    order = pick(demo, simple())
    memory.fail_with = PrinterOffline("printer.text", text="cover open")
    assert _pack(station, order)[-2:] == ["order_complete", "print_failed"]
    assert memory.received == [] and station.print_failed
    with demo.session_factory() as session:
        assert OutboxRepository(session).items(10) == []


def test_park_then_take_up_again_with_the_counts_kept(demo: Workspace, station: Station) -> None:
    order = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 2)
    station.scan(order.order_no)
    station.scan(units_scans(order)[0])
    parked = station.park()
    assert parked is not None and (parked.event, parked.done) == (E.PARKED, 1) and station.order is None
    (back,) = station.scan(order.order_no)
    assert (back.event, back.reason, back.done) == (E.ORDER_OPENED, "unparked", 1)


def test_a_new_engine_resumes_the_parcel_left_open(demo: Workspace, station: Station, memory: MemoryPrinter) -> None:
    order = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 2)
    station.scan(order.order_no)
    station.scan(units_scans(order)[0])
    again = build_station(demo.session_factory, ACTOR, PrintService(demo.session_factory, memory, ACTOR))
    (resumed,) = again.resume()
    assert (resumed.event, resumed.reason, resumed.order_no, resumed.done) == (
        E.ORDER_OPENED,
        "resumed",
        order.order_no,
        1,
    )
    events = []
    for code in units_scans(order)[1:]:
        events += again.scan(code)
    assert names(events)[-1] == "shipped"


def test_a_supervisor_override_opens_a_held_order(demo: Workspace, station: Station) -> None:
    order = pick(demo, simple())
    with demo.session_factory.begin() as session:
        session.execute(update(OrderRow).where(OrderRow.order_no == order.order_no).values(status="on_hold"))
    (stop,) = station.scan(order.order_no)
    assert (stop.event, stop.reason) == (E.INTERCEPTED, "on_hold")
    with pytest.raises(InvalidInput):
        station.override(order.order_no, "supervisor", " ")
    (opened,) = station.override(order.order_no, "supervisor", "hold lifted by phone")
    assert (opened.event, opened.reason) == (E.ORDER_OPENED, "override")
    assert station.order is not None and station.order.status is OrderStatus.AWAITING_SHIPMENT


def test_sku_first_opens_the_most_urgent_order_that_needs_the_item(demo: Workspace, memory: MemoryPrinter) -> None:
    station = build_station(
        demo.session_factory,
        ACTOR,
        PrintService(demo.session_factory, memory, ACTOR),
        options=StationOptions(sku_first=True),
    )
    order = pick(demo, simple())
    line = order.lines[0]
    waiting = [o for o in _waiting(demo) if any(ln.sku == line.sku and ln.packable for ln in o.lines)]
    opened, item, *_ = station.scan(line.barcodes[0])
    assert (opened.event, opened.reason, opened.sku) == (E.ORDER_OPENED, "sku_first", line.sku)
    assert opened.order_no == waiting[0].order_no and item.event is E.ITEM_OK


def _waiting(ws: Workspace) -> list[Order]:
    from app.services.orders import list_orders

    orders = list_orders(ws.session_factory, limit=1000)
    return [o for o in orders if o.status is OrderStatus.AWAITING_SHIPMENT and not o.block_reason()]


class _Scale:
    def __init__(self, grams: float) -> None:
        self.grams = grams

    def stable_grams(self, timeout_s: float = 2.0) -> float:
        return self.grams


@pytest.mark.parametrize("off_by", [0, 5000])
def test_a_weighed_parcel_prints_only_at_its_products_weight(
    demo: Workspace, memory: MemoryPrinter, off_by: int
) -> None:
    order = pick(demo, simple())
    skus = {ln.sku for ln in order.lines}
    with demo.session_factory.begin() as session:
        session.execute(update(ProductRow).where(ProductRow.sku.in_(skus)).values(weight_g=250))
    with demo.session_factory() as session:
        assert CatalogueRepository(session).weights(skus) == dict.fromkeys(skus, 250)
    grams = 250 * sum(ln.qty for ln in order.lines) + 40 + off_by
    station = build_station(
        demo.session_factory,
        ACTOR,
        PrintService(demo.session_factory, memory, ACTOR),
        options=StationOptions(packaging_g=40),
        scale=_Scale(grams),
    )
    last = _pack(station, order)[-1]
    assert last == ("shipped" if off_by == 0 else "weight_mismatch")
    assert len(memory.received) == (1 if off_by == 0 else 0)


def test_an_order_closed_while_its_label_printed_is_stopped_not_shipped(demo: Workspace) -> None:
    """The order is checked before the label prints; a close (or refund) the sync stores while the printer is busy
    is caught before the parcel counts as shipped: STOP, the label voided, no ship-back."""
    order = pick(demo, simple(min_lines=1))

    class ClosingPrinter(MemoryPrinter):
        def print_waybill(self, waybill, name):  # noqa: ANN001, ANN202
            with demo.session_factory.begin() as session:  # the sync, on another lane, while the label prints
                session.execute(
                    update(OrderRow).where(OrderRow.order_no == order.order_no).values(status=OrderStatus.CLOSED)
                )
            return super().print_waybill(waybill, name)

    printer = ClosingPrinter()
    station = build_station(demo.session_factory, ACTOR, PrintService(demo.session_factory, printer, ACTOR))
    events = _pack(station, order)
    assert events[-3:] == ["order_complete", "label_printed", "intercepted"]
    assert len(printer.received) == 1
    with demo.session_factory() as session:
        assert OutboxRepository(session).items(10) == []
    assert station.scan(order.order_no)[0].event is E.INTERCEPTED

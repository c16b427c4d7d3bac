"""The packing-station engine on the demo shop: scans in, events out, labels on a virtual printer, ship-backs queued."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdtest.packing import ACTOR, names, pack_all_but_one, pick, simple, units_scans
from pdtest.simulator import PrinterSimulator
from PIL import Image
from sqlalchemy import delete, select, update

from app.demo.seed import seed_demo
from app.domain.enums import OrderStatus, RefundStatus, ScanOutcome
from app.domain.orders import Order
from app.persistence.rows import (
    AuditRow,
    OrderLineRow,
    OrderRow,
    OutboxRow,
    PackageRow,
    PrintJobRow,
    ProductRow,
    ScanEventRow,
    WaybillAccountRow,
)
from app.services.printing import PrintService
from app.services.workspace import Workspace, open_workspace
from app.station import Station, StationEvent
from printers.registry import open_printer

ROOT = Path(__file__).resolve().parents[2]
E = ScanOutcome


@pytest.fixture
def labels(tmp_path: Path) -> Path:
    return tmp_path / "labels"


@pytest.fixture
def station(demo: Workspace, labels: Path) -> Station:
    printer = PrintService(demo.session_factory, open_printer(f"png://{labels}"), ACTOR)
    return Station(demo.session_factory, ACTOR, printer)


def foreign_barcode(ws: Workspace, order: Order) -> tuple[str, str]:
    skus = {ln.sku for ln in order.lines}
    with ws.session_factory() as s:
        for p in s.execute(select(ProductRow).order_by(ProductRow.id)).scalars():
            if p.sku not in skus:
                return p.barcodes[0].code, p.sku
    raise AssertionError("no foreign product")


def set_status(ws: Workspace, order_no: str, status: OrderStatus) -> None:
    with ws.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order_no).values(status=status.value))


def recorded(ws: Workspace) -> list[tuple[str, str, str | None, int]]:
    with ws.session_factory() as s:
        rows = s.execute(select(ScanEventRow).order_by(ScanEventRow.id)).scalars().all()
        assert all((r.station, r.packer) == (ACTOR.station, ACTOR.name) for r in rows)
        assert all(r.at.tzinfo is not None for r in rows)
        return [(r.code, r.outcome, r.sku, r.units) for r in rows]


def test_pack_an_order_from_scan_to_shipment(demo: Workspace, station: Station, labels: Path) -> None:
    order = pick(demo, simple())
    scans = units_scans(order)

    opened = station.scan(order.order_no)
    assert names(opened) == ["order_opened"]
    assert (opened[0].order_no, opened[0].done, opened[0].total) == (order.order_no, 0, len(scans))

    events: list[StationEvent] = []
    for i, code in enumerate(scans, start=1):
        got = station.scan(code)
        assert got[0].event is E.ITEM_OK and got[0].done == i and got[0].total == len(scans)
        events += got
    assert names(events) == ["item_ok"] * len(scans) + ["order_complete", "label_printed", "shipped"]
    tracking = events[-1].tracking_no
    assert tracking and events[-2].tracking_no == tracking
    assert events[-2].extra["copy_no"] == 1

    png = labels / f"{tracking}-1.png"
    assert png.is_file()
    with Image.open(png) as img:
        assert img.format == "PNG" and img.width > 300 and img.height > 300

    with demo.session_factory() as s:
        row = s.execute(select(OrderRow).where(OrderRow.order_no == order.order_no)).scalar_one()
        assert row.status == OrderStatus.SHIPPED
        outbox = s.execute(select(OutboxRow)).scalars().all()
        assert [(o.kind, o.state, o.order_id) for o in outbox] == [("ship", "pending", row.id)]
        assert outbox[0].payload["tracking_no"] == tracking
        assert outbox[0].payload["order_no"] == order.order_no
        package = s.execute(select(PackageRow).where(PackageRow.order_id == row.id)).scalar_one()
        assert (package.tracking_no, package.state, package.print_count) == (tracking, "shipped", 1)
        jobs = s.execute(select(PrintJobRow)).scalars().all()
        assert [(j.state, j.copy_no, j.package_id) for j in jobs] == [("sent", 1, package.id)]
        actions = s.execute(select(AuditRow.action, AuditRow.actor, AuditRow.station)).all()
        assert sorted(a for a, _, _ in actions) == ["print", "ship"]
        assert {(who, where) for _, who, where in actions} == {(ACTOR.name, ACTOR.station)}

    expected = [(order.order_no, "order_opened", None, 0)]
    expected += [(c, "item_ok", ln.sku, 1) for ln in order.lines for c in [ln.barcodes[0]] * ln.qty]
    expected += [(scans[-1], "order_complete", None, 0), (tracking, "label_printed", None, 0)]
    expected += [(tracking, "shipped", None, 0)]
    assert recorded(demo) == expected

    # the shipped order cannot be packed again
    again = station.scan(order.order_no)
    assert names(again) == ["intercepted"] and again[0].reason == "shipped"


def test_wrong_item_over_scan_and_unknown_code(demo: Workspace, station: Station) -> None:
    order = pick(demo, simple(min_lines=2))
    first = order.lines[0]
    foreign, foreign_sku = foreign_barcode(demo, order)
    station.scan(order.order_no)

    wrong = station.scan(foreign)
    assert names(wrong) == ["wrong_item"]
    assert (wrong[0].sku, wrong[0].done, wrong[0].order_no) == (foreign_sku, 0, order.order_no)

    for _ in range(first.qty):
        assert names(station.scan(first.barcodes[0])) == ["item_ok"]
    over = station.scan(first.barcodes[0])
    assert names(over) == ["over_scan"]
    assert (over[0].sku, over[0].scanned, over[0].required, over[0].done) == (
        first.sku,
        first.qty,
        first.qty,
        first.qty,
    )

    unknown = station.scan("NOT-A-BARCODE-42")
    assert names(unknown) == ["unknown_code"]
    assert unknown[0].done == first.qty

    assert station.session is not None and not station.session.complete
    outcomes = [(code, outcome) for code, outcome, _, _ in recorded(demo)]
    assert outcomes == [(order.order_no, "order_opened"), (foreign, "wrong_item")] + [
        (first.barcodes[0], "item_ok")
    ] * first.qty + [(first.barcodes[0], "over_scan"), ("NOT-A-BARCODE-42", "unknown_code")]


def test_scans_with_no_order_open(demo: Workspace, station: Station) -> None:
    order = pick(demo, simple())
    unknown = station.scan("???")
    assert names(unknown) == ["unknown_code"] and unknown[0].reason == "unknown"
    product = station.scan(order.lines[0].barcodes[0])
    assert names(product) == ["unknown_code"] and product[0].reason == "no_open_order"
    assert [r[:2] for r in recorded(demo)] == [("???", "unknown_code"), (order.lines[0].barcodes[0], "unknown_code")]


@pytest.mark.parametrize(("status", "reason"), [(OrderStatus.CLOSED, "closed"), (OrderStatus.ON_HOLD, "on_hold")])
def test_blocked_order_is_intercepted(demo: Workspace, station: Station, status: OrderStatus, reason: str) -> None:
    order = pick(demo, simple())
    set_status(demo, order.order_no, status)
    got = station.scan(order.order_no)
    assert names(got) == ["intercepted"] and got[0].reason == reason
    assert station.session is None
    assert recorded(demo) == [(order.order_no, "intercepted", None, 0)]
    # its items are not accepted afterwards
    assert names(station.scan(order.lines[0].barcodes[0])) == ["unknown_code"]


def test_order_closed_while_being_packed_is_intercepted_before_printing(
    demo: Workspace, station: Station, labels: Path
) -> None:
    order = pick(demo, simple())
    last = pack_all_but_one(station, order)
    set_status(demo, order.order_no, OrderStatus.CLOSED)  # the refund arrives from the platform
    got = station.scan(last)
    assert names(got) == ["item_ok", "order_complete", "intercepted"]
    assert got[-1].reason == "closed"
    assert not labels.exists() or not any(labels.iterdir())
    with demo.session_factory() as s:
        assert s.execute(select(PackageRow)).first() is None
        assert s.execute(select(OutboxRow)).first() is None


def test_refund_requested_on_a_packed_line_while_packing_stops_the_parcel(
    demo: Workspace, station: Station, labels: Path
) -> None:
    """The buyer asks for a refund of one item after the packer verified it into the box. The parcel must not be
    labelled and shipped with that item in it (design.md: never a parcel shipped after the buyer got a refund)."""
    order = pick(demo, simple(min_lines=2))
    last = pack_all_but_one(station, order)
    with demo.session_factory.begin() as s:
        row = s.execute(select(OrderRow).where(OrderRow.order_no == order.order_no)).scalar_one()
        s.execute(
            update(OrderLineRow)
            .where(OrderLineRow.order_id == row.id, OrderLineRow.line_no == order.lines[0].line_no)
            .values(refund_status=RefundStatus.REQUESTED.value)
        )
    got = station.scan(last)
    assert "label_printed" not in names(got) and "shipped" not in names(got), names(got)
    assert got[-1].event is E.INTERCEPTED
    with demo.session_factory() as s:
        assert s.execute(select(OutboxRow)).first() is None


def test_another_orders_number_while_packing_is_order_busy(demo: Workspace, station: Station) -> None:
    a = pick(demo, simple(min_lines=2))
    b = pick(demo, lambda o: simple()(o) and o.order_no != a.order_no)
    station.scan(a.order_no)
    got = station.scan(b.order_no)
    assert names(got) == ["order_busy"]
    assert got[0].order_no == a.order_no and got[0].extra["other_order_no"] == b.order_no
    assert station.order is not None and station.order.order_no == a.order_no


def test_every_scan_is_recorded_even_the_open_orders_own_number(demo: Workspace, station: Station) -> None:
    """Rescanning the open order's number (a packer checking they have the right slip) is a scan like any other."""
    order = pick(demo, simple(min_lines=2))
    station.scan(order.order_no)
    station.scan(order.order_no)
    assert [r[0] for r in recorded(demo)] == [order.order_no, order.order_no]


def test_undo_is_recorded_with_negative_units(demo: Workspace, station: Station) -> None:
    order = pick(demo, simple(min_lines=2))
    code = order.lines[0].barcodes[0]
    station.scan(order.order_no)
    station.scan(code)
    undone = station.undo()
    assert undone is not None and undone.event is E.UNDONE and undone.done == 0
    assert station.undo() is None
    assert recorded(demo)[-1] == ("", "undone", order.lines[0].sku, -1)


def test_waybill_first_verifies_a_preprinted_parcel_without_printing_again(demo: Workspace, labels: Path) -> None:
    """先打单后验货: the waybill was printed in a batch; scanning it opens the order, and the verified parcel ships
    with that label instead of a second one."""
    order = pick(demo, simple())
    service = PrintService(demo.session_factory, open_printer(f"png://{labels}"), ACTOR)
    first = service.print_order(order.order_no)
    station = Station(demo.session_factory, ACTOR, service)
    opened = station.scan(first.tracking_no)
    assert names(opened) == ["order_opened"] and opened[0].order_no == order.order_no
    assert opened[0].tracking_no == first.tracking_no
    events: list[StationEvent] = []
    for code in units_scans(order):
        events += station.scan(code)
    assert names(events)[-2:] == ["order_complete", "shipped"]
    assert events[-1].tracking_no == first.tracking_no and events[-1].reason == "printed_before_packing"
    assert sorted(p.name for p in labels.iterdir()) == [f"{first.tracking_no}-1.png"]  # no second label
    with demo.session_factory() as s:
        (package,) = s.execute(select(PackageRow)).scalars().all()
        assert (package.print_count, package.state) == (1, "shipped")


def test_packdesk_pack_command(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    data_dir, labels = tmp_path / "data", tmp_path / "labels"
    ws = open_workspace(data_dir)
    try:
        with ws.session_factory.begin() as s:
            seed_demo(s, orders=30, seed=11, anchor=datetime(2025, 3, 14, 4, tzinfo=UTC))
        order = pick(ws, simple())
        closed = pick(ws, lambda o: simple()(o) and o.order_no != order.order_no)
        set_status(ws, closed.order_no, OrderStatus.CLOSED)
        foreign, _ = foreign_barcode(ws, order)
    finally:
        ws.close()
    scans = [order.order_no, foreign, "BOGUS-1", *units_scans(order), "", closed.order_no]
    scans_file = tmp_path / "scans.txt"
    scans_file.write_text("\n".join(scans) + "\n", encoding="utf-8")

    env = {**os.environ, "PACKDESK_BUSY_TIMEOUT": "0.5"}
    env.pop("PACKDESK_HOME", None)
    done = subprocess.run(
        [
            *packdesk_cmd,
            "pack",
            "--data-dir",
            str(data_dir),
            "--scans",
            str(scans_file),
            "--printer",
            f"png://{labels}",
            "--json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    objects = [json.loads(line) for line in lines]
    assert all(isinstance(o, dict) for o in objects)
    n = len(units_scans(order))
    assert [o["event"] for o in objects] == (
        ["order_opened", "wrong_item", "unknown_code"]
        + ["item_ok"] * n
        + ["order_complete", "label_printed", "shipped", "intercepted"]
    )
    assert all(o["order_no"] == order.order_no for o in objects[:-1])
    assert objects[-1]["order_no"] == closed.order_no and objects[-1]["reason"] == "closed"
    assert [o["done"] for o in objects if o["event"] == "item_ok"] == list(range(1, n + 1))
    assert {o["sku"] for o in objects if o["event"] == "item_ok"} == {ln.sku for ln in order.lines}
    tracking = objects[-2]["tracking_no"]
    assert tracking and (labels / f"{tracking}-1.png").is_file()


def test_the_verdict_can_come_before_the_label_and_a_crash_between_prints_on_resume(
    demo: Workspace, station: Station, labels: Path
) -> None:
    order = pick(demo, simple())
    code = pack_all_but_one(station, order, then_finish=False)
    assert not station.finishing and station.finish_due() == []
    last = station.scan(code, then_finish=False)
    assert names(last)[-1] == "order_complete" and station.finishing
    assert not labels.exists() or not list(labels.glob("*.png"))  # nothing printed yet

    # the bench dies here; a new one resumes the complete parcel and prints it, once
    again = Station(demo.session_factory, ACTOR, station.printer)
    resumed = again.resume()
    assert "label_printed" in names(resumed) and "shipped" in names(resumed)
    assert len(list(labels.glob("*.png"))) == 1

    finished = station.finish_due()  # the old bench, had it lived: the parcel is shipped already
    assert "label_printed" not in names(finished)
    assert len(list(labels.glob("*.png"))) == 1
    with demo.session_factory() as s:  # and its label, on its way with the parcel, stays valid
        (package,) = s.execute(select(PackageRow)).scalars().all()
        assert (package.state, package.print_count) == ("shipped", 1)


def test_a_label_that_cannot_be_made_is_a_print_failure_the_packer_sees(demo: Workspace, station: Station) -> None:
    with demo.session_factory.begin() as s:
        s.execute(delete(WaybillAccountRow))  # the seller has not set up a waybill account yet
    order = pick(demo, simple())
    got = station.scan(pack_all_but_one(station, order))
    assert names(got) == ["item_ok", "order_complete", "print_failed"]
    assert "no waybill account" in (got[-1].reason or "")
    assert recorded(demo)[-1] == (order.order_no, "print_failed", None, 0)


def test_a_printer_out_of_labels_then_the_order_scanned_again_prints_once_and_ships(demo: Workspace) -> None:
    with PrinterSimulator("escpos") as sim:
        bench = Station(demo.session_factory, ACTOR, PrintService(demo.session_factory, open_printer(sim.uri), ACTOR))
        order = pick(demo, simple(min_lines=2))
        sim.state = "paper_out"
        got = bench.scan(pack_all_but_one(bench, order))
        assert names(got) == ["item_ok", "order_complete", "print_failed"]
        assert got[-1].extra["printer_state"] == "paper_out"
        assert sim.jobs == []
        sim.state = "ready"  # a new roll
        again = bench.scan(order.order_no)
        assert names(again) == ["label_printed", "shipped"]  # no items to verify again
        assert len(sim.wait_jobs(1)) == 1
        with demo.session_factory() as s:
            states = s.execute(select(PrintJobRow.state)).scalars().all()
            status = s.execute(select(OrderRow.status).where(OrderRow.order_no == order.order_no)).scalar_one()
        assert states == ["sent"] and status == "shipped"  # one job, sent once


def _paper_out_parcel(demo: Workspace, sim: PrinterSimulator) -> tuple[Station, Order]:
    """A complete parcel whose label did not print: the printer ran out of labels."""
    bench = Station(demo.session_factory, ACTOR, PrintService(demo.session_factory, open_printer(sim.uri), ACTOR))
    order = pick(demo, simple(min_lines=2))
    sim.state = "paper_out"
    assert names(bench.scan(pack_all_but_one(bench, order)))[-1] == "print_failed"
    return bench, order


def _jobs(demo: Workspace) -> list[tuple[str, int]]:
    with demo.session_factory() as s:
        return [(j.state, j.copy_no) for j in s.execute(select(PrintJobRow).order_by(PrintJobRow.id)).scalars()]


def test_a_label_printed_from_the_queue_meanwhile_is_not_printed_again(demo: Workspace) -> None:
    with PrinterSimulator("escpos") as sim:
        bench, order = _paper_out_parcel(demo, sim)
        sim.state = "ready"
        queue = PrintService(demo.session_factory, open_printer(sim.uri), ACTOR)
        assert [r.state.value for r in queue.run()] == ["sent"]  # someone pressed "Print waiting jobs"
        sim.wait_jobs(1)
        again = bench.scan(order.order_no)
        assert names(again) == ["label_printed", "shipped"]
        assert _jobs(demo) == [("sent", 1)]  # no second job: nothing more went to the printer


def test_the_printer_changed_after_a_failure_prints_the_waiting_label(demo: Workspace) -> None:
    with PrinterSimulator("escpos") as old, PrinterSimulator("escpos") as new:
        bench, order = _paper_out_parcel(demo, old)
        bench.printer = PrintService(demo.session_factory, open_printer(new.uri), ACTOR)  # the bench's new printer
        assert names(bench.scan(order.order_no)) == ["label_printed", "shipped"]
        assert len(new.wait_jobs(1)) == 1 and old.jobs == []
        assert _jobs(demo) == [("sent", 1)]


def test_a_label_cut_off_mid_send_waits_for_the_answer_in_the_queue(demo: Workspace) -> None:
    from app.services.printing import resolve

    with PrinterSimulator("escpos") as sim:
        bench = Station(demo.session_factory, ACTOR, PrintService(demo.session_factory, open_printer(sim.uri), ACTOR))
        order = pick(demo, simple(min_lines=2))
        sim.close_after = 4000  # the connection drops in the middle of the label
        failed = bench.scan(pack_all_but_one(bench, order))
        assert names(failed)[-1] == "print_failed" and failed[-1].extra.get("answer_in_queue")
        sim.close_after = None
        still = bench.scan(order.order_no)  # not answered yet: nothing is sent again
        assert names(still) == ["print_failed"] and still[-1].extra.get("answer_in_queue")
        resolve(demo.session_factory, _job_id(demo), printed=True, actor=ACTOR, now=datetime.now(UTC))
        assert names(bench.scan(order.order_no)) == ["label_printed", "shipped"]  # it did print: the parcel ships
        assert _jobs(demo) == [("sent", 1)]


def _job_id(demo: Workspace) -> int:
    with demo.session_factory() as s:
        return s.execute(select(PrintJobRow.id)).scalar_one()


def test_a_refund_found_on_the_retry_stops_the_parcel_and_its_waiting_label(demo: Workspace) -> None:
    with PrinterSimulator("escpos") as sim:
        bench, order = _paper_out_parcel(demo, sim)
        with demo.session_factory.begin() as s:  # the buyer asks for a refund of one item while the roll is changed
            row = s.execute(select(OrderRow).where(OrderRow.order_no == order.order_no)).scalar_one()
            row.lines[0].refund_status = RefundStatus.REQUESTED.value
        sim.state = "ready"
        got = bench.scan(order.order_no)
        assert names(got) == ["intercepted"] and got[0].reason == "refund"
        queue = PrintService(demo.session_factory, open_printer(sim.uri), ACTOR)
        assert queue.run() == []  # resuming the queue later prints nothing for the stopped parcel
        assert sim.jobs == [] and _jobs(demo)[0][0] == "failed"

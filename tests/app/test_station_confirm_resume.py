"""The confirm scan survives a crash: a parcel whose label printed before its waybill was scanned is taken up at
"scan the waybill" by the next run, whether that run resumes it or the packer scans its waybill or order number;
its items are not verified again and its label is not printed again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdtest.packing import ACTOR, names, pack_all_but_one, pick, simple, units_scans
from pdtest.simulator import PrinterSimulator
from sqlalchemy import select, update

from app.demo.seed import seed_demo
from app.domain.enums import OrderStatus, PackageState, RefundStatus
from app.domain.orders import Order
from app.persistence.rows import OrderLineRow, OrderRow, PackageRow, PrintJobRow
from app.services.printing import PrintService
from app.services.workspace import Workspace, open_workspace
from app.station import Station
from printers.registry import open_printer


@pytest.fixture
def labels(tmp_path: Path) -> Path:
    return tmp_path / "labels"


@pytest.fixture
def printer(demo: Workspace, labels: Path) -> PrintService:
    return PrintService(demo.session_factory, open_printer(f"png://{labels}"), ACTOR)


def package_of(ws: Workspace, order_no: str) -> PackageRow:
    with ws.session_factory() as s:
        row = s.execute(select(OrderRow).where(OrderRow.order_no == order_no)).scalar_one()
        return s.execute(select(PackageRow).where(PackageRow.order_id == row.id)).scalar_one()


def jobs(ws: Workspace) -> int:
    with ws.session_factory() as s:
        return len(s.execute(select(PrintJobRow.id)).all())


def labelled_then_crash(ws: Workspace, printer: PrintService, order: Order) -> str:
    """Packs `order` with the confirm scan on until its label printed; the bench dies before the waybill is scanned.
    Returns the tracking number."""
    station = Station(ws.session_factory, ACTOR, printer, confirm_scan=True)
    events = station.scan(order.order_no)
    for code in units_scans(order):
        events += station.scan(code)
    assert (events[-1].event.value, events[-1].reason) == ("label_printed", "scan_the_waybill")
    assert events[-1].tracking_no
    return events[-1].tracking_no


def several_units(o: Order) -> bool:
    return simple()(o) and sum(ln.qty for ln in o.lines) >= 2


# -- in the engine --------------------------------------------------------------------------------------------------


def test_resume_after_the_label_waits_for_the_waybill(demo: Workspace, printer: PrintService, labels: Path) -> None:
    order = pick(demo, several_units)
    tracking = labelled_then_crash(demo, printer, order)
    total = sum(ln.qty for ln in order.lines)

    second = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
    (resumed,) = second.resume()
    assert (resumed.event.value, resumed.reason, resumed.order_no) == (
        "order_opened",
        "scan_the_waybill",
        order.order_no,
    )
    assert (resumed.done, resumed.total, resumed.tracking_no) == (total, total, tracking)
    assert second.awaiting_confirm == tracking

    (wrong,) = second.scan(order.lines[0].barcodes[0])  # an item now is not the waybill
    assert (wrong.event.value, wrong.reason) == ("wrong_item", "scan_the_waybill")
    (shipped,) = second.scan(tracking)
    assert (shipped.event.value, shipped.tracking_no) == ("shipped", tracking)
    package = package_of(demo, order.order_no)
    assert (package.state, package.print_count) == (PackageState.SHIPPED, 1)
    assert jobs(demo) == 1 and len(list(labels.glob("*.png"))) == 1
    assert Station(demo.session_factory, ACTOR, printer, confirm_scan=True).resume() == []  # nothing left open


def test_without_resume_the_waybill_scan_confirms_and_ships(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, several_units)
    tracking = labelled_then_crash(demo, printer, order)
    second = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
    events = second.scan(tracking)
    assert names(events) == ["order_opened", "shipped"]
    assert events[0].reason == "scan_the_waybill" and events[0].done == events[0].total
    assert package_of(demo, order.order_no).state == PackageState.SHIPPED
    assert jobs(demo) == 1


def test_without_resume_the_order_number_asks_for_the_waybill(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, several_units)
    tracking = labelled_then_crash(demo, printer, order)
    total = sum(ln.qty for ln in order.lines)
    second = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
    (opened,) = second.scan(order.order_no)
    assert (opened.event.value, opened.reason, opened.done, opened.total) == (
        "order_opened",
        "scan_the_waybill",
        total,
        total,
    )
    assert opened.tracking_no == tracking

    # it dies again: the next run still waits for the waybill, never at 0/N
    third = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
    (resumed,) = third.resume()
    assert (resumed.reason, resumed.done) == ("scan_the_waybill", total)
    (again,) = third.scan(order.order_no)
    assert (again.event.value, again.reason) == ("wrong_item", "scan_the_waybill")
    assert names(third.scan(tracking)) == ["shipped"]
    assert jobs(demo) == 1 and package_of(demo, order.order_no).print_count == 1


def test_a_bench_restarted_without_the_confirm_scan_still_asks_for_the_waybill(
    demo: Workspace, printer: PrintService
) -> None:
    order = pick(demo, simple())
    tracking = labelled_then_crash(demo, printer, order)
    second = Station(demo.session_factory, ACTOR, printer)  # confirm scan off now: the label is still unconfirmed
    (resumed,) = second.resume()
    assert resumed.reason == "scan_the_waybill"
    assert names(second.scan(tracking)) == ["shipped"]
    assert jobs(demo) == 1


def test_a_refund_of_a_boxed_item_while_down_stops_the_parcel_and_voids_its_label(
    demo: Workspace, printer: PrintService
) -> None:
    order = pick(demo, lambda o: simple(min_lines=2)(o))
    tracking = labelled_then_crash(demo, printer, order)
    with demo.session_factory.begin() as s:  # a sync while the bench was down brings a refund of a boxed line
        row = s.execute(select(OrderRow).where(OrderRow.order_no == order.order_no)).scalar_one()
        s.execute(
            update(OrderLineRow)
            .where(OrderLineRow.order_id == row.id, OrderLineRow.line_no == order.lines[0].line_no)
            .values(refund_status="requested")
        )
    second = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
    assert second.resume() == []  # it changed meanwhile: the next scan of it says why
    (stop,) = second.scan(tracking)
    assert (stop.event.value, stop.reason) == ("intercepted", "refund")
    package = package_of(demo, order.order_no)
    assert (package.state, package.print_count) == (PackageState.VOID, 1)
    with demo.session_factory() as s:
        status = s.execute(select(OrderRow.status).where(OrderRow.order_no == order.order_no)).scalar_one()
    assert status == OrderStatus.AWAITING_SHIPMENT.value
    assert second.order is None and second.awaiting_confirm is None


def test_a_label_printed_on_the_retry_after_a_print_failure_is_confirmed_after_a_crash(demo: Workspace) -> None:
    """The items in the box are those verified before the print failure: a refund of one of them while the bench
    was down stops the parcel."""
    order = pick(demo, simple(min_lines=2))
    with PrinterSimulator("escpos") as sim:
        printer = PrintService(demo.session_factory, open_printer(sim.uri), ACTOR)
        bench = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
        sim.state = "paper_out"
        assert names(bench.scan(pack_all_but_one(bench, order)))[-1] == "print_failed"
        sim.state = "ready"  # a new roll; the order scanned again prints its label
        (printed,) = bench.scan(order.order_no)
        assert (printed.event.value, printed.reason) == ("label_printed", "scan_the_waybill")
        sim.wait_jobs(1)
        # the bench dies here
        total = sum(ln.qty for ln in order.lines)
        (resumed,) = Station(demo.session_factory, ACTOR, printer, confirm_scan=True).resume()
        assert (resumed.reason, resumed.done, resumed.total) == ("scan_the_waybill", total, total)
        with demo.session_factory.begin() as s:  # and dies again; a sync meanwhile brings a refund of a boxed item
            row = s.execute(select(OrderRow).where(OrderRow.order_no == order.order_no)).scalar_one()
            row.lines[0].refund_status = RefundStatus.REQUESTED.value
        third = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
        assert third.resume() == []
        (stop,) = third.scan(printed.tracking_no or "")
        assert (stop.event.value, stop.reason) == ("intercepted", "refund")
        assert package_of(demo, order.order_no).state == PackageState.VOID
        assert len(sim.jobs) == 1


# -- the command line, killed for real ---------------------------------------------------------------------------------


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, Order]:
    data_dir = tmp_path / "data"
    ws = open_workspace(data_dir)
    try:
        with ws.session_factory.begin() as s:
            seed_demo(s, orders=40, seed=5, anchor=datetime(2025, 3, 14, 4, tzinfo=UTC))
        order = pick(ws, several_units)
    finally:
        ws.close()
    return data_dir, order


def pack_cmd(packdesk_cmd: list[str], data_dir: Path, labels: Path, scans: str) -> list[str]:
    return [
        *packdesk_cmd, "--data-dir", str(data_dir), "pack", "--scans", scans, "--printer", f"png://{labels}",
        "--confirm-scan", "--json",
    ]  # fmt: skip


def run_pack(cmd: list[str], scans: list[str]) -> list[dict]:
    done = subprocess.run(cmd, input="\n".join(scans) + "\n", capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def shipped_once(data_dir: Path, order: Order, labels: Path) -> None:
    ws = open_workspace(data_dir)
    try:
        package = package_of(ws, order.order_no)
        assert (package.state, package.print_count) == (PackageState.SHIPPED, 1)
        assert jobs(ws) == 1
    finally:
        ws.close()
    assert len(list(labels.glob("*.png"))) == 1


def test_kill_9_after_the_label_then_the_waybill_ships_without_verifying_again(
    seeded: tuple[Path, Order], tmp_path: Path, packdesk_cmd: list[str]
) -> None:
    data_dir, order = seeded
    labels = tmp_path / "labels"
    cmd = pack_cmd(packdesk_cmd, data_dir, labels, "-")
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert proc.stdin is not None and proc.stdout is not None
    for code in [order.order_no, *units_scans(order)]:
        proc.stdin.write(code + "\n")
    proc.stdin.flush()
    seen: list[dict] = []
    deadline = time.monotonic() + 60
    while (not seen or seen[-1]["event"] != "label_printed") and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(json.loads(line))
    assert seen and (seen[-1]["event"], seen[-1]["reason"]) == ("label_printed", "scan_the_waybill")
    tracking = seen[-1]["tracking_no"]
    os.kill(proc.pid, signal.SIGKILL)  # the label is out, the waybill not yet scanned; stdin still open
    proc.wait()
    proc.stdin.close()
    proc.stdout.close()

    events = run_pack(cmd, [tracking])
    total = sum(ln.qty for ln in order.lines)
    assert [e["event"] for e in events] == ["order_opened", "shipped"]
    assert (events[0]["reason"], events[0]["done"], events[0]["total"]) == ("scan_the_waybill", total, total)
    assert events[0]["tracking_no"] == tracking
    assert (events[1]["order_no"], events[1]["tracking_no"]) == (order.order_no, tracking)
    shipped_once(data_dir, order, labels)


def test_scans_ending_after_the_label_then_the_order_number_asks_for_the_waybill(
    seeded: tuple[Path, Order], tmp_path: Path, packdesk_cmd: list[str]
) -> None:
    data_dir, order = seeded
    labels = tmp_path / "labels"
    cmd = pack_cmd(packdesk_cmd, data_dir, labels, "-")
    first = run_pack(cmd, [order.order_no, *units_scans(order)])  # the scans end before the waybill
    assert [e["event"] for e in first][-2:] == ["order_complete", "label_printed"]
    tracking = first[-1]["tracking_no"]

    events = run_pack(cmd, [order.order_no, tracking])
    total = sum(ln.qty for ln in order.lines)
    assert [e["event"] for e in events] == ["order_opened", "wrong_item", "shipped"]
    assert (events[0]["reason"], events[0]["done"]) == ("scan_the_waybill", total)
    assert (events[1]["reason"], events[1]["tracking_no"]) == ("scan_the_waybill", tracking)
    assert "label_printed" not in [e["event"] for e in events]
    shipped_once(data_dir, order, labels)

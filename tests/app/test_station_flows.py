"""The station's other flows: SKU-first, waybill-first with a refund, the confirm scan, handover, and recovery after
kill -9 (the same engine behind `packdesk pack` and the window)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from pdtest.packing import ACTOR, names, pick, simple, units_scans
from sqlalchemy import select, update

from app.domain.enums import OrderStatus, PackageState
from app.domain.orders import Order
from app.persistence.rows import AuditRow, OrderLineRow, OrderRow, PackageRow, ScanEventRow
from app.services.orders import list_orders
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


def refund_first_line(ws: Workspace, order: Order) -> None:
    with ws.session_factory.begin() as s:
        row = s.execute(select(OrderRow).where(OrderRow.order_no == order.order_no)).scalar_one()
        s.execute(
            update(OrderLineRow)
            .where(OrderLineRow.order_id == row.id, OrderLineRow.line_no == order.lines[0].line_no)
            .values(refund_status="requested")
        )


def package_of(ws: Workspace, order_no: str) -> PackageRow:
    with ws.session_factory() as s:
        row = s.execute(select(OrderRow).where(OrderRow.order_no == order_no)).scalar_one()
        return s.execute(select(PackageRow).where(PackageRow.order_id == row.id)).scalar_one()


# -- SKU-first --------------------------------------------------------------------------------------------------


def single_unit_orders(ws: Workspace) -> list[Order]:
    return [
        o for o in list_orders(ws.session_factory, limit=1000) if simple()(o) and sum(ln.qty for ln in o.lines) == 1
    ]


def test_sku_first_opens_the_most_urgent_order_and_a_single_item_prints_at_once(
    demo: Workspace, printer: PrintService, labels: Path
) -> None:
    single = single_unit_orders(demo)[0]
    sku = single.lines[0].sku
    wanting = [
        o
        for o in list_orders(demo.session_factory, limit=1000)
        if o.block_reason() is None and any(ln.sku == sku and ln.packable for ln in o.lines)
    ]
    most_urgent = min(wanting, key=lambda o: (o.deadline, o.order_no))
    station = Station(demo.session_factory, ACTOR, printer, sku_first=True)
    events = station.scan(single.lines[0].barcodes[0])
    assert events[0].event.value == "order_opened" and events[0].reason == "sku_first"
    assert events[0].order_no == most_urgent.order_no
    if sum(ln.qty for ln in most_urgent.lines) == 1:
        assert names(events) == ["order_opened", "item_ok", "order_complete", "label_printed", "shipped"]
        assert (labels / f"{events[3].tracking_no}-1.png").is_file()


def test_sku_first_with_a_single_item_order_only(demo: Workspace, printer: PrintService) -> None:
    """Every other order needing the SKU is closed: the single-item one opens and prints on that one scan."""
    single = single_unit_orders(demo)[0]
    sku = single.lines[0].sku
    with demo.session_factory.begin() as s:
        others = s.execute(
            select(OrderRow.id)
            .join(OrderLineRow, OrderLineRow.order_id == OrderRow.id)
            .where(OrderLineRow.sku == sku, OrderRow.order_no != single.order_no)
        ).scalars()
        s.execute(update(OrderRow).where(OrderRow.id.in_(list(others))).values(status="closed"))
    station = Station(demo.session_factory, ACTOR, printer, sku_first=True)
    events = station.scan(single.lines[0].barcodes[0])
    assert names(events) == ["order_opened", "item_ok", "order_complete", "label_printed", "shipped"]
    assert events[0].order_no == single.order_no


def test_without_sku_first_an_item_scan_asks_for_an_order(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, simple())
    (event,) = Station(demo.session_factory, ACTOR, printer).scan(order.lines[0].barcodes[0])
    assert (event.event.value, event.reason) == ("unknown_code", "no_open_order")


def test_sku_first_with_nothing_needing_the_item(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, simple())
    with demo.session_factory.begin() as s:
        s.execute(update(OrderRow).values(status="shipped"))
    (event,) = Station(demo.session_factory, ACTOR, printer, sku_first=True).scan(order.lines[0].barcodes[0])
    assert (event.event.value, event.reason) == ("unknown_code", "no_open_order")


# -- waybill-first and the confirm scan ----------------------------------------------------------------------------


def test_preprinted_waybill_of_a_refunded_order_is_stopped_and_voided(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, lambda o: simple()(o) and len(o.lines) == 1)
    first = printer.print_order(order.order_no)  # 先打单: printed in the morning batch
    refund_first_line(demo, order)  # the buyer asks for a refund before the parcel is packed
    station = Station(demo.session_factory, ACTOR, printer)
    (stop,) = station.scan(first.tracking_no)
    assert (stop.event.value, stop.reason, stop.order_no) == ("intercepted", "refund", order.order_no)
    assert package_of(demo, order.order_no).state == PackageState.VOID  # the label must not be used
    with demo.session_factory() as s:
        void = s.execute(select(AuditRow).where(AuditRow.action == "void")).scalar_one()
    assert void.entity_id == first.tracking_no and "refund" in void.detail["reason"]


def test_confirm_scan_ships_only_after_the_label_is_scanned(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, simple())
    station = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
    events = station.scan(order.order_no)
    for code in units_scans(order):
        events += station.scan(code)
    assert names(events)[-2:] == ["order_complete", "label_printed"]
    tracking = events[-1].tracking_no
    assert tracking and events[-1].reason == "scan_the_waybill"
    assert package_of(demo, order.order_no).state == PackageState.PRINTED
    (wrong,) = station.scan(order.lines[0].barcodes[0])  # not the waybill
    assert (wrong.event.value, wrong.reason) == ("wrong_item", "scan_the_waybill")
    (shipped,) = station.scan(tracking)
    assert shipped.event.value == "shipped" and shipped.tracking_no == tracking
    assert package_of(demo, order.order_no).state == PackageState.SHIPPED


def test_a_refund_between_print_and_confirm_is_intercepted_and_the_label_voided(
    demo: Workspace, printer: PrintService
) -> None:
    order = pick(demo, simple())
    station = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
    events = station.scan(order.order_no)
    for code in units_scans(order):
        events += station.scan(code)
    tracking = events[-1].tracking_no
    assert tracking
    refund_first_line(demo, order)
    (stop,) = station.scan(tracking)
    assert (stop.event.value, stop.reason) == ("intercepted", "refund")
    package = package_of(demo, order.order_no)
    assert package.state == PackageState.VOID and package.print_count == 1  # printed, not used
    with demo.session_factory() as s:
        status = s.execute(select(OrderRow.status).where(OrderRow.order_no == order.order_no)).scalar_one()
    assert status == OrderStatus.AWAITING_SHIPMENT.value  # not shipped: no ship-back goes out
    assert station.order is None and station.awaiting_confirm is None


# -- handover and recovery ------------------------------------------------------------------------------------------


def test_another_packer_takes_over_mid_parcel(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 2)
    station = Station(demo.session_factory, ACTOR, printer)
    station.scan(order.order_no)
    scans = units_scans(order)
    station.scan(scans[0])
    station.sign_in("李四")
    events = []
    for code in scans[1:]:
        events += station.scan(code)
    assert names(events)[-1] == "shipped"
    with demo.session_factory() as s:
        packers = [r.packer for r in s.execute(select(ScanEventRow).order_by(ScanEventRow.id)).scalars()]
        handover = s.execute(select(AuditRow).where(AuditRow.action == "handover")).scalar_one()
    assert packers[:2] == [ACTOR.name, ACTOR.name] and set(packers[2:]) == {"李四"}
    assert handover.detail["to"] == "李四"


def test_resume_restores_the_open_parcel_with_undo_applied(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 3)
    scans = units_scans(order)
    first = Station(demo.session_factory, ACTOR, printer)
    first.scan(order.order_no)
    first.scan(scans[0])
    first.scan(scans[1])
    first.undo()
    first.scan(scans[1])
    first.scan(order.order_no)  # its own slip again: progress repeated, counts kept
    # the process dies here; a new station on the same bench picks up
    second = Station(demo.session_factory, ACTOR, printer)
    (resumed,) = second.resume()
    assert (resumed.event.value, resumed.reason, resumed.order_no) == ("order_opened", "resumed", order.order_no)
    assert (resumed.done, resumed.total) == (2, len(scans))
    events = []
    for code in scans[2:]:
        events += second.scan(code)
    assert names(events)[-1] == "shipped"
    assert Station(demo.session_factory, ACTOR, printer).resume() == []  # nothing left open


def test_kill_9_mid_parcel_then_pack_again(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    from datetime import UTC, datetime

    from app.demo.seed import seed_demo

    data_dir, labels = tmp_path / "data", tmp_path / "labels"
    ws = open_workspace(data_dir)
    try:
        with ws.session_factory.begin() as s:
            seed_demo(s, orders=40, seed=5, anchor=datetime(2025, 3, 14, 4, tzinfo=UTC))
        order = pick(ws, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 3)
    finally:
        ws.close()
    scans = units_scans(order)
    cmd = [*packdesk_cmd, "--data-dir", str(data_dir), "pack", "--scans", "-", "--printer", f"png://{labels}", "--json"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert proc.stdin is not None and proc.stdout is not None
    for code in [order.order_no, scans[0], scans[1]]:
        proc.stdin.write(code + "\n")
        proc.stdin.flush()
    seen = []
    deadline = time.monotonic() + 60
    while len(seen) < 3 and time.monotonic() < deadline:
        seen.append(json.loads(proc.stdout.readline()))
    assert [e["event"] for e in seen] == ["order_opened", "item_ok", "item_ok"]
    os.kill(proc.pid, signal.SIGKILL)  # mid-parcel, stdin still open
    proc.wait()
    proc.stdin.close()
    proc.stdout.close()

    rest = "\n".join(scans[2:]) + "\n"
    done = subprocess.run(cmd, input=rest, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events[0]["event"] == "order_opened" and events[0]["reason"] == "resumed"
    assert (events[0]["done"], events[0]["total"]) == (2, len(scans))
    assert [e["event"] for e in events][-2:] == ["label_printed", "shipped"]
    assert events[-1]["order_no"] == order.order_no


# -- supervisor decisions -------------------------------------------------------------------------------------------


def test_supervisor_pin_is_hashed_and_checked() -> None:
    from app.services.supervisor import NotAllowed, check_pin, hash_pin

    stored = hash_pin("2468")
    assert "2468" not in stored and stored.startswith("pbkdf2$")
    check_pin(stored, "2468")
    for bad in ("1357", ""):
        with pytest.raises(NotAllowed, match="Wrong supervisor PIN"):
            check_pin(stored, bad)
    with pytest.raises(NotAllowed, match="No supervisor PIN is set"):
        check_pin("", "2468")
    with pytest.raises(NotAllowed, match="4 to 12 digits"):
        hash_pin("12a4")


def test_an_unknown_code_bound_by_a_supervisor_counts_now_and_later(demo: Workspace, printer: PrintService) -> None:
    from app.domain.errors import InvalidInput

    order = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 2 and o.lines[0].qty >= 1)
    station = Station(demo.session_factory, ACTOR, printer)
    station.scan(order.order_no)
    (unknown,) = station.scan("6999999999994")
    assert unknown.event.value == "unknown_code"
    events = station.bind_code("6999999999994", order.lines[0].sku, 1, "supervisor@bench-7")
    assert events[0].event.value == "item_ok" and events[0].sku == order.lines[0].sku
    with demo.session_factory() as s:
        audit = s.execute(select(AuditRow).where(AuditRow.action == "bind_barcode")).scalar_one()
    assert audit.detail == {"sku": order.lines[0].sku, "units": 1, "supervisor": "supervisor@bench-7"}
    with pytest.raises(InvalidInput, match="already belongs"):
        station.bind_code("6999999999994", order.lines[0].sku, 1, "s")
    with pytest.raises(InvalidInput, match="is not in order"):
        station.bind_code("6999999999995", "NO-SUCH-SKU", 1, "s")


def test_confirm_by_hand_counts_one_unit_and_is_audited(demo: Workspace, printer: PrintService) -> None:
    from app.domain.errors import InvalidInput

    order = pick(demo, lambda o: simple()(o) and len(o.lines) == 1 and o.lines[0].qty == 1)
    station = Station(demo.session_factory, ACTOR, printer)
    station.scan(order.order_no)
    with pytest.raises(InvalidInput, match="Say why"):
        station.confirm_by_hand(order.lines[0].sku, "supervisor", " ")
    events = station.confirm_by_hand(order.lines[0].sku, "supervisor", "barcode torn off")
    assert names(events) == ["item_ok", "order_complete", "label_printed", "shipped"]
    with demo.session_factory() as s:
        audit = s.execute(select(AuditRow).where(AuditRow.action == "confirm_by_hand")).scalar_one()
        codes = [r.code for r in s.execute(select(ScanEventRow)).scalars()]
    assert audit.detail["reason"] == "barcode torn off" and f"MANUAL:{order.lines[0].sku}" in codes


def test_an_address_changed_after_the_label_printed_stops_the_parcel(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 1)
    first = printer.print_order(order.order_no)  # printed in the morning batch
    station = Station(demo.session_factory, ACTOR, printer)
    station.scan(first.tracking_no)  # waybill-first: the label is on the parcel
    with demo.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order.order_no).values(receiver_address="新地址8号"))
    events = []
    for code in units_scans(order):
        events += station.scan(code)
    assert (events[-1].event.value, events[-1].reason) == ("intercepted", "address_changed")
    assert package_of(demo, order.order_no).state == PackageState.VOID  # the old-address label is not used


def test_an_address_change_before_printing_just_prints_the_new_one(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, simple())
    station = Station(demo.session_factory, ACTOR, printer)
    station.scan(order.order_no)
    with demo.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order.order_no).values(receiver_address="新地址8号"))
    events = []
    for code in units_scans(order):
        events += station.scan(code)
    assert names(events)[-2:] == ["label_printed", "shipped"]


def test_a_supervisor_override_lets_a_held_order_be_packed(demo: Workspace, printer: PrintService) -> None:
    from app.domain.errors import InvalidInput

    order = pick(demo, simple())
    with demo.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order.order_no).values(status="on_hold"))
    station = Station(demo.session_factory, ACTOR, printer)
    (stop,) = station.scan(order.order_no)
    assert (stop.event.value, stop.reason) == ("intercepted", "on_hold")
    with pytest.raises(InvalidInput, match="Say why"):
        station.override(order.order_no, "supervisor", "")
    (opened,) = station.override(order.order_no, "supervisor", "buyer confirmed by phone")
    assert (opened.event.value, opened.reason, opened.extra["stop"]) == ("order_opened", "override", "on_hold")
    events = []
    for code in units_scans(order):
        events += station.scan(code)
    assert names(events)[-2:] == ["label_printed", "shipped"]
    with demo.session_factory() as s:
        audit = s.execute(select(AuditRow).where(AuditRow.action == "override")).scalar_one()
    assert audit.detail["reason"] == "buyer confirmed by phone" and audit.detail["stop"] == "on_hold"


def test_closed_orders_cannot_be_overridden(demo: Workspace, printer: PrintService) -> None:
    from app.domain.errors import InvalidInput

    order = pick(demo, simple())
    with demo.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order.order_no).values(status="closed"))
    station = Station(demo.session_factory, ACTOR, printer)
    with pytest.raises(InvalidInput, match="No override can change that"):
        station.override(order.order_no, "supervisor", "please")


def test_an_override_after_an_address_change_prints_a_new_label(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, simple())
    first = printer.print_order(order.order_no)
    station = Station(demo.session_factory, ACTOR, printer)
    station.scan(first.tracking_no)
    with demo.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order.order_no).values(receiver_address="新地址8号"))
    for code in units_scans(order):
        station.scan(code)
    (opened,) = station.override(first.tracking_no, "supervisor", "new address checked with the buyer")
    assert opened.extra["stop"] == "label_voided"
    events = []
    for code in units_scans(order):
        events += station.scan(code)
    assert names(events)[-2:] == ["label_printed", "shipped"]
    assert events[-1].tracking_no != first.tracking_no  # a new number: the voided one is never reused


def test_park_one_parcel_pack_another_then_take_it_up_again(demo: Workspace, printer: PrintService) -> None:
    first = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 2)
    second = pick(demo, lambda o: simple()(o) and o.order_no != first.order_no)
    station = Station(demo.session_factory, ACTOR, printer)
    station.scan(first.order_no)
    station.scan(units_scans(first)[0])
    (busy,) = station.scan(second.order_no)
    assert (busy.event.value, busy.reason) == ("order_busy", "finish_current_order")
    parked = station.park()
    assert parked is not None and (parked.event.value, parked.done) == ("parked", 1)
    assert station.order is None
    assert Station(demo.session_factory, ACTOR, printer).resume() == []  # a parked parcel is not "open"
    events = station.scan(second.order_no)
    for code in units_scans(second):
        events += station.scan(code)
    assert names(events)[-1] == "shipped"
    (back,) = station.scan(first.order_no)
    assert (back.event.value, back.reason, back.done) == ("order_opened", "unparked", 1)
    events = []
    for code in units_scans(first)[1:]:
        events += station.scan(code)
    assert names(events)[-1] == "shipped"


def test_each_parcels_scans_are_recorded_against_its_own_order(demo: Workspace, printer: PrintService) -> None:
    station = Station(demo.session_factory, ACTOR, printer)
    orders = [o for o in list_orders(demo.session_factory, limit=1000) if simple()(o)][:6]
    for order in orders:
        station.scan(order.order_no)
        for code in units_scans(order):
            station.scan(code)
    with demo.session_factory() as s:
        ids = dict(s.execute(select(OrderRow.order_no, OrderRow.id)).all())
        for order in orders:
            skus = {ln.sku for ln in order.lines}
            rows = s.execute(
                select(ScanEventRow.sku).where(
                    ScanEventRow.order_id == ids[order.order_no], ScanEventRow.sku.is_not(None)
                )
            ).scalars()
            assert set(rows) == skus, order.order_no


def test_a_parcel_closed_by_mistake_is_reopened_until_it_ships(demo: Workspace, printer: PrintService) -> None:
    from app.domain.errors import InvalidInput

    order = pick(demo, simple())
    station = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
    events = station.scan(order.order_no)
    for code in units_scans(order):
        events += station.scan(code)
    first_label = events[-1].tracking_no
    assert events[-1].event.value == "label_printed" and first_label
    station.awaiting_confirm = None  # the packer walks away from the confirm: the parcel is "closed"
    (opened,) = station.reopen(order.order_no)
    assert (opened.event.value, opened.reason, opened.done) == ("order_opened", "reopened", 0)
    assert package_of_tracking(demo, first_label).state == PackageState.VOID
    events = []
    for code in units_scans(order):
        events += station.scan(code)
    assert events[-1].event.value == "label_printed" and events[-1].tracking_no != first_label
    events += station.scan(events[-1].tracking_no)
    assert events[-1].event.value == "shipped"
    with pytest.raises(InvalidInput, match="has shipped"):
        station.reopen(order.order_no)
    with demo.session_factory() as s:
        audit = s.execute(select(AuditRow).where(AuditRow.action == "reopen")).scalar_one()
    assert audit.actor == ACTOR.name and audit.detail["at"]


def package_of_tracking(ws: Workspace, tracking_no: str) -> PackageRow:
    with ws.session_factory() as s:
        return s.execute(select(PackageRow).where(PackageRow.tracking_no == tracking_no)).scalar_one()


# -- regressions found in review ------------------------------------------------------------------------------------


class _StuckScale:
    """A scale that always reads the same stable weight (a parcel that never weighs right)."""

    def __init__(self, grams: float) -> None:
        self.grams = grams

    def stable_grams(self, timeout_s: float = 2.0) -> float:
        return self.grams


def test_a_failed_weighing_does_not_follow_the_bench_to_the_next_parcel(demo: Workspace, printer: PrintService) -> None:
    first = pick(demo, simple())
    second = pick(demo, lambda o: simple()(o) and o.order_no != first.order_no and sum(ln.qty for ln in o.lines) >= 2)
    with demo.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == second.order_no).values(status="on_hold"))
    station = Station(demo.session_factory, ACTOR, printer, scale=_StuckScale(99_999))
    station.scan(first.order_no)
    events = []
    for code in units_scans(first):
        events += station.scan(code)
    assert names(events)[-1] == "weight_mismatch" and station.weigh_again
    station.scale = None
    station.override(second.order_no, "supervisor", "hold lifted by phone")
    (item,) = station.scan(units_scans(second)[0])
    assert item.event.value == "item_ok"  # counted, not "weigh again"
    (back,) = station.scan(second.order_no)
    assert back.event.value == "order_opened"  # its own slip: progress repeated, nothing printed half-verified


def test_after_a_reopen_a_restart_does_not_bring_back_the_old_counts(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 2)
    station = Station(demo.session_factory, ACTOR, printer, confirm_scan=True)
    station.scan(order.order_no)
    for code in units_scans(order):
        station.scan(code)
    station.awaiting_confirm = None
    station.reopen(order.order_no)
    station.scan(units_scans(order)[0])
    (resumed,) = Station(demo.session_factory, ACTOR, printer).resume()  # the bench restarts here
    assert (resumed.done, resumed.total) == (1, sum(ln.qty for ln in order.lines))


def test_a_refund_while_parked_stops_the_parcel_when_taken_up(demo: Workspace, printer: PrintService) -> None:
    order = pick(demo, lambda o: simple()(o) and len(o.lines) >= 2)
    station = Station(demo.session_factory, ACTOR, printer)
    station.scan(order.order_no)
    station.scan(order.lines[0].barcodes[0])  # the first item goes into the box
    station.park()
    refund_first_line(demo, order)
    (stop,) = station.scan(order.order_no)
    assert (stop.event.value, stop.reason) == ("intercepted", "refund")


def test_a_parked_slip_scanned_by_mistake_keeps_its_counts(demo: Workspace, printer: PrintService) -> None:
    first = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 2)
    second = pick(demo, lambda o: simple()(o) and o.order_no != first.order_no and sum(ln.qty for ln in o.lines) >= 2)
    station = Station(demo.session_factory, ACTOR, printer)
    station.scan(first.order_no)
    station.scan(units_scans(first)[0])
    station.park()
    station.scan(second.order_no)
    (busy,) = station.scan(first.order_no)  # the parked one's slip, by mistake
    assert busy.event.value == "order_busy"
    station.park()
    (back,) = station.scan(first.order_no)
    assert (back.reason, back.done) == ("unparked", 1)

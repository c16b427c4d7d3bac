"""Splitting an order (拆单) on the demo shop: what a split refuses (and that it then changes nothing), undoing it
before the label prints, the audit trail, the bench stopping a parcel whose order was split while it was packed, and
`packdesk split --json`."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdtest.packing import ACTOR, names, pick, simple, units_scans
from sqlalchemy import func, select, update

from app.domain.enums import OrderStatus, RefundStatus, ScanOutcome
from app.domain.errors import InvalidInput, NotFound, NotPackable, PackDeskError
from app.domain.orders import Order
from app.domain.splits import parse_lines
from app.domain.station_events import Reason
from app.persistence.repositories import OrderRepository
from app.persistence.rows import AuditRow, OrderLineRow, OrderRow
from app.services.order_actions import hold
from app.services.printing import PrintService
from app.services.shipping import ship_order
from app.services.splits import split_order, unsplit_order
from app.services.workspace import Workspace
from app.station import Station
from printers.registry import open_printer

NOW = datetime.now(UTC)


def three_lines(ws: Workspace, skip: int = 0) -> Order:
    return pick(ws, lambda o: simple(3)(o) and len({ln.sku for ln in o.lines}) == len(o.lines), skip)


def untouched(ws: Workspace, order_no: str) -> None:
    """Nothing of a split is stored for `order_no` and none was audited."""
    with ws.session_factory() as s:
        order_id = s.scalar(select(OrderRow.id).where(OrderRow.order_no == order_no))
        planned = s.scalars(select(OrderLineRow.parcel_qty).where(OrderLineRow.order_id == order_id)).all()
        audited = s.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.action.in_(("split", "unsplit"))))
    assert set(planned) == {None} and audited == 0


def refusal(ws: Workspace, order_no: str, lines: str) -> PackDeskError:
    with pytest.raises(PackDeskError) as refused:
        split_order(ws.session_factory, order_no, parse_lines(lines), ACTOR, NOW)
    untouched(ws, order_no)
    return refused.value


def test_bad_choices_are_refused_with_the_reason_and_change_nothing(demo: Workspace) -> None:
    order = three_lines(demo)
    no, (a, b, c, *_rest) = order.order_no, order.lines
    assert refusal(demo, no, "999").msg.id == "split.unknown_line"
    assert refusal(demo, no, f"{a.line_no}:0").msg.id == "split.qty_range"
    refused = refusal(demo, no, f"{a.line_no}:{a.qty + 1}")
    assert refused.msg.id == "split.qty_range" and f"from 1 to {a.qty}" in refused.message
    everything = ",".join(ln.line_no for ln in order.lines)
    assert refusal(demo, no, everything).msg.id == "split.nothing_left"
    assert refusal(demo, no, f"{a.line_no},{a.sku}").msg.id == "split.line_twice"
    with pytest.raises(InvalidInput):
        parse_lines("a:b")
    with pytest.raises(InvalidInput):
        parse_lines(" , ")
    with pytest.raises(NotFound):
        split_order(demo.session_factory, "404", [(a.line_no, None)], ACTOR, NOW)

    with demo.session_factory.begin() as s:  # a refund on the second line: it cannot go in a parcel
        s.execute(
            update(OrderLineRow)
            .where(OrderLineRow.line_no == b.line_no)
            .values(refund_status=RefundStatus.REQUESTED.value)
        )
    refused = refusal(demo, no, b.line_no)
    assert refused.msg.id == "split.line_not_open" and "refund" in refused.message
    assert split_order(demo.session_factory, no, [(c.sku, None)], ACTOR, NOW).reported == (c.line_no,)  # by SKU


@pytest.mark.parametrize("status", [OrderStatus.SHIPPED, OrderStatus.CLOSED])
def test_shipped_and_closed_orders_are_not_split(demo: Workspace, status: OrderStatus) -> None:
    order = three_lines(demo)
    with demo.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order.order_no).values(status=status.value))
    refused = refusal(demo, order.order_no, order.lines[0].line_no)
    assert isinstance(refused, NotPackable) and refused.msg.id == "split.blocked"


def test_an_order_whose_lines_are_all_refunded_is_not_split(demo: Workspace) -> None:
    order = three_lines(demo)
    with demo.session_factory.begin() as s:
        order_id = s.scalar(select(OrderRow.id).where(OrderRow.order_no == order.order_no))
        s.execute(
            update(OrderLineRow)
            .where(OrderLineRow.order_id == order_id)
            .values(refund_status=RefundStatus.REFUNDED.value)
        )
    refused = refusal(demo, order.order_no, order.lines[0].line_no)
    assert isinstance(refused, NotPackable) and refused.details.get("reason") == "refund"


def test_a_held_order_is_not_split(demo: Workspace) -> None:
    order = three_lines(demo)
    hold(demo.session_factory, [order.order_no], "buyer asked to wait", ACTOR, NOW)
    assert "on hold" in refusal(demo, order.order_no, order.lines[0].line_no).message


def test_undo_before_the_label_prints_and_not_after(demo: Workspace, tmp_path: Path) -> None:
    order = three_lines(demo)
    no, first = order.order_no, order.lines[0]
    with pytest.raises(InvalidInput, match="not split"):
        unsplit_order(demo.session_factory, no, ACTOR, NOW)
    split_order(demo.session_factory, no, [(first.line_no, None)], ACTOR, NOW)
    undone = unsplit_order(demo.session_factory, no, ACTOR, NOW)
    assert not undone.split and len(undone.parcel) == len(order.lines) and undone.staying == ()
    with demo.session_factory() as s:
        trail = [(a.action, a.entity_id) for a in s.scalars(select(AuditRow).order_by(AuditRow.id))]
        assert not OrderRepository(s).stored(no).order.split  # type: ignore[union-attr]
    assert trail[-2:] == [("split", no), ("unsplit", no)]

    split_order(demo.session_factory, no, [(first.line_no, None)], ACTOR, NOW)
    printer = PrintService(demo.session_factory, open_printer(f"png://{tmp_path / 'labels'}"), ACTOR)
    printed = printer.print_order(no)
    for undo in (
        lambda: unsplit_order(demo.session_factory, no, ACTOR, NOW),
        lambda: split_order(demo.session_factory, no, [(order.lines[1].line_no, None)], ACTOR, NOW),
    ):
        with pytest.raises(InvalidInput) as refused:
            undo()
        assert refused.value.msg.id == "split.printed" and printed.tracking_no in refused.value.message
    with demo.session_factory() as s:
        still = OrderRepository(s).stored(no)
    assert still is not None and [ln.units for ln in still.order.lines] == [first.qty] + [0] * (len(order.lines) - 1)


def test_the_bench_stops_a_parcel_whose_order_was_split_while_it_was_packed(demo: Workspace, tmp_path: Path) -> None:
    order = three_lines(demo)
    printer = PrintService(demo.session_factory, open_printer(f"png://{tmp_path / 'labels'}"), ACTOR)
    station = Station(demo.session_factory, ACTOR, printer)
    scans = units_scans(order)
    station.scan(order.order_no)
    station.scan(scans[0])
    first = order.lines[0]
    split_order(demo.session_factory, order.order_no, [(first.line_no, None)], ACTOR, NOW)
    events = [e for code in scans[1:] for e in station.scan(code)]
    assert names(events)[-1] == ScanOutcome.INTERCEPTED.value and events[-1].why is Reason.PARCEL_CHANGED
    with demo.session_factory() as s:
        again = OrderRepository(s).stored(order.order_no)
    assert again is not None and again.package is None and again.order.status is OrderStatus.AWAITING_SHIPMENT
    # opened again, the parcel is the split one
    opened = station.scan(order.order_no)
    assert opened[0].total == first.qty


def test_ship_by_hand_refuses_an_earlier_parcels_number_for_the_next(demo: Workspace) -> None:
    order = three_lines(demo)
    split_order(demo.session_factory, order.order_no, [(order.lines[0].line_no, None)], ACTOR, NOW)
    ship_order(demo.session_factory, order.order_no, "ZTO", "73600316247086", ACTOR, NOW)
    with pytest.raises(InvalidInput) as refused:
        ship_order(demo.session_factory, order.order_no, "ZTO", "73600316247086", ACTOR, NOW)
    assert refused.value.msg.id == "shipping.tracking_in_use"
    done = ship_order(demo.session_factory, order.order_no, "ZTO", "73600316247093", ACTOR, NOW)
    assert done.tracking_no == "73600316247093"
    with demo.session_factory() as s:
        stored = OrderRepository(s).stored(order.order_no)
    assert stored is not None and stored.order.status is OrderStatus.SHIPPED
    assert all(ln.shipped for ln in stored.order.lines)


def test_split_command_line_json_and_refusals(demo: Workspace, packdesk_cmd: list[str]) -> None:
    order = three_lines(demo)
    no, first = order.order_no, order.lines[0]
    demo.close()
    base = [*packdesk_cmd, "split", no, "--data-dir", str(demo.data_dir)]
    env = {**os.environ, "PACKDESK_LANG": "en"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*base, *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False
        )

    done = run("--lines", f"{first.line_no}", "--json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["split"] is True and shown["sub_orders"] == [first.line_no]
    assert [(p["line_no"], p["qty"]) for p in shown["parcel"]] == [(first.line_no, first.qty)]
    assert {p["line_no"] for p in shown["staying"]} == {ln.line_no for ln in order.lines[1:]}

    refused = run("--lines", f"{first.line_no}:{first.qty + 5}")
    assert refused.returncode != 0 and refused.stdout == ""
    assert f"has {first.qty} unit(s) to ship" in refused.stderr
    bad = run("--lines", "x:y:z")
    assert bad.returncode != 0 and "not a list of lines" in bad.stderr

    undone = run("--undo", "--json")
    assert undone.returncode == 0 and json.loads(undone.stdout)["split"] is False
    again = run("--undo")
    assert again.returncode != 0 and "is not split" in again.stderr


def test_the_workspace_list_shows_a_partly_shipped_order_waiting_for_its_next_parcel(
    demo: Workspace, tmp_path: Path
) -> None:
    from app.services.orders import list_orders, order_filter

    order = three_lines(demo)
    no, first = order.order_no, order.lines[0]
    split_order(demo.session_factory, no, [(first.line_no, None)], ACTOR, NOW)
    listed = list_orders(demo.session_factory, search=no, barcodes=False)
    assert [o.split for o in listed] == [True] and listed[0].lines[0].units == first.qty
    printer = PrintService(demo.session_factory, open_printer(f"png://{tmp_path / 'labels'}"), ACTOR)
    label = printer.print_order(no)  # the first parcel's label printed, then shipped with it
    assert label.tracking_no
    ship_order(demo.session_factory, no, label.carrier, label.tracking_no, ACTOR, NOW)
    factory = demo.session_factory
    waiting = list_orders(factory, filters=order_filter(factory, status="partly_shipped", printed="no"), limit=1000)
    shown = next(o for o in waiting if o.order_no == no)
    assert shown.tracking_no is None and shown.print_count == 0  # the next parcel has no waybill yet
    assert shown.lines[0].shipped and [ln.units for ln in shown.lines[1:]] == [ln.qty for ln in order.lines[1:]]


def test_the_rule_of_which_sub_orders_a_parcel_reports() -> None:
    """Pure: a sub-order goes with the parcel carrying its last units; a split whose whole lines a refund took
    completes none any more and stops at the bench (refund), until the seller splits again."""
    from dataclasses import replace

    from pdtest.orders import line, make_order

    from app.domain.splits import completed, parcel_units, plan, staying

    order = make_order(line("A", "MUG", 3), line("B", "TEE", 1), line("C", "TEA", 2))
    units = plan(order, [("A", 2), ("TEE", None)])
    assert units == {"A": 2, "B": 1, "C": 0}
    split = replace(order, lines=tuple(replace(ln, planned=units[ln.line_no]) for ln in order.lines))
    assert parcel_units(split) == {"A": 2, "B": 1} and completed(split) == ("B",)
    assert staying(split, parcel_units(split)) == {"A": 1, "C": 2} and split.block_reason() is None
    refunded = replace(split, lines=(split.lines[0], replace(split.lines[1], refund=RefundStatus.REQUESTED),
                                     split.lines[2]))  # fmt: skip
    assert completed(refunded) == () and refunded.block_reason() == "refund"
    after = replace(order, lines=(replace(order.lines[0], sent=2), *order.lines[1:]))  # the first parcel left
    assert parcel_units(after) == {"A": 1, "B": 1, "C": 2} and completed(after) == ("A", "B", "C")
    with pytest.raises(InvalidInput):
        plan(after, [("A", 2)])  # one unit of A is left


def test_an_order_out_of_stock_for_one_line_ships_the_others_after_a_split(demo: Workspace) -> None:
    """缺货待补货 for one line: split off the lines in stock, they go now; the short line waits out of stock."""
    from app.services.stock import set_stock

    order = three_lines(demo)
    no, short = order.order_no, order.lines[-1]
    set_stock(demo.session_factory, short.sku, 0, ACTOR, NOW, "shelf empty")
    for ln in order.lines[:-1]:
        set_stock(demo.session_factory, ln.sku, 500, ACTOR, NOW)
    with demo.session_factory() as s:
        assert OrderRepository(s).stored(no).order.status is OrderStatus.OUT_OF_STOCK  # type: ignore[union-attr]
    split_order(demo.session_factory, no, [(ln.line_no, None) for ln in order.lines[:-1]], ACTOR, NOW)
    with demo.session_factory() as s:
        assert OrderRepository(s).stored(no).order.status is OrderStatus.AWAITING_SHIPMENT  # type: ignore[union-attr]
    ship_order(demo.session_factory, no, "ZTO", "73600316247086", ACTOR, NOW)
    with demo.session_factory() as s:
        after = OrderRepository(s).stored(no)
    assert after is not None and after.order.status is OrderStatus.OUT_OF_STOCK  # the rest: still short
    assert [ln.shipped for ln in after.order.lines] == [True] * (len(order.lines) - 1) + [False]

"""Acceptance: a 30-label batch numbered by Cainiao (the loopback TOP gateway's cainiao.waybill.ii.* methods, over real
HTTP) through `packdesk print` as a real subprocess, killed with SIGKILL at each step of a number's life or cut off
by a lost answer, then run again as a seller would: afterwards every order of the batch has exactly one live parcel,
no number is on two parcels, and every number the gateway's ledger holds live is on the live parcel of its own order
(numbers PackDesk cancelled are allowed)."""

from __future__ import annotations

import signal
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdtest.simulator import PrinterSimulator
from pdtest.top_server import TopServer
from pdtest.waybill_desk import APP_KEY, SECRET, SESSION, Desk, cainiao_desk, wait_for

GET = "cainiao.waybill.ii.get"
BATCH = 30


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=12, n_trades=70) as server:
        yield server


@pytest.fixture
def printer() -> Iterator[PrinterSimulator]:
    with PrinterSimulator("escpos", limit_s=120) as sim:
        sim.delay_s = 0.002  # a printer that takes its time: the batch is still printing when it is killed
        yield sim


@pytest.fixture
def desk(packdesk_cmd: list[str], tmp_path: Path, srv: TopServer) -> Desk:
    return cainiao_desk(packdesk_cmd, tmp_path / "data", srv)


def batch_of(desk: Desk) -> list[str]:
    orders = desk.packable()
    assert len(orders) >= BATCH
    return orders[:BATCH]


def kill(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGKILL)  # no clean-up of any kind
    proc.wait(timeout=30)


def requested(desk: Desk) -> int:
    return len(desk.query("SELECT id FROM waybill_issues WHERE state = 'requested'"))


def issued(desk: Desk) -> int:
    return len(desk.query("SELECT id FROM waybill_issues WHERE state = 'issued'"))


def asked(srv: TopServer) -> Counter[str]:
    """How many times each request (object_id) was sent with ii.get."""
    return Counter(str(dto["object_id"]) for r in srv.cainiao.get_requests for dto in r["trade_order_info_dtos"])


def assert_never_asked_twice(srv: TopServer) -> None:
    """A request the gateway may have taken is looked up, never sent again: each object_id went out once."""
    counts = asked(srv)
    assert len(counts) == BATCH and max(counts.values()) == 1, counts


def assert_one_number_each(desk: Desk, srv: TopServer, orders: list[str]) -> None:
    parcels = desk.query(
        "SELECT o.order_no, p.tracking_no FROM packages p JOIN orders o ON o.id = p.order_id WHERE p.state != 'void'"
    )
    per_order = Counter(order_no for order_no, _ in parcels)
    assert all(per_order[o] == 1 for o in orders), {o: per_order[o] for o in orders if per_order[o] != 1}
    assert max(per_order.values()) == 1
    live_here = dict(parcels)
    every_number = [no for (no,) in desk.query("SELECT tracking_no FROM packages")]
    assert len(every_number) == len(set(every_number))  # no number on two parcels, live or not
    live_there = {no: w for no, w in srv.waybills.items() if w["state"] == "live"}
    for no, w in live_there.items():
        assert live_here.get(w["order_no"]) == no, f"{no} is live for {w['order_no']} but not on its parcel here"
    assert sorted(live_there) == sorted(live_here[o] for o in orders)
    rows = desk.query("SELECT state, COUNT(*) FROM waybill_issues GROUP BY state")
    assert dict(rows).get("requested", 0) == 0 and dict(rows).get("cancel_pending", 0) == 0, rows


def resume(desk: Desk, printer: PrinterSimulator, orders: list[str]) -> None:
    """The seller runs the batch again (the labels that printed are refused as printed, the rest print), then the
    outbox round (cancels)."""
    again = desk.run("print", *orders, "--printer", printer.uri)
    assert "Traceback" not in again.stderr, again.stderr
    flushed = desk.run("outbox", "flush", "--json")
    assert flushed.returncode == 0, flushed.stderr


def run_batch(desk: Desk, printer: PrinterSimulator, orders: list[str]) -> subprocess.Popen[bytes]:
    return desk.start("print", *orders, "--printer", printer.uri)


def test_killed_after_the_requests_are_recorded_while_the_gateway_has_not_taken_them(
    desk: Desk, srv: TopServer, printer: PrinterSimulator
) -> None:
    orders = batch_of(desk)
    srv.faults.only_methods = frozenset({GET})
    srv.faults.slow = 1.0  # the first ii.get is in flight, not yet applied
    proc = run_batch(desk, printer, orders)
    wait_for(lambda: requested(desk) == BATCH, "the requests recorded")
    kill(proc)  # before the first ii.get left, or while it waits at the gateway (applied later, for nobody)
    srv.faults.reset()
    assert issued(desk) == 0
    resume(desk, printer, orders)
    assert srv.calls["cainiao.waybill.ii.query.by.tradecode"] >= 1  # looked up before asking again
    assert_one_number_each(desk, srv, orders)


def test_killed_after_the_gateway_applied_and_before_it_answered(
    desk: Desk, srv: TopServer, printer: PrinterSimulator
) -> None:
    orders = batch_of(desk)
    hold = srv.hold_after_apply(GET)
    proc = run_batch(desk, printer, orders)
    assert hold.reached.wait(60)
    kill(proc)
    hold.release()
    assert len(srv.waybills) == 10 and issued(desk) == 0
    resume(desk, printer, orders)
    assert len(srv.waybills) == BATCH  # the 10 found again, not issued twice
    assert_never_asked_twice(srv)
    assert_one_number_each(desk, srv, orders)


def test_killed_while_the_second_call_is_held(desk: Desk, srv: TopServer, printer: PrinterSimulator) -> None:
    orders = batch_of(desk)
    srv.faults.only_methods = frozenset({GET})
    proc = run_batch(desk, printer, orders)
    wait_for(lambda: len(srv.waybills) >= 10, "the first call answered")
    hold = srv.hold_after_apply(GET)
    assert hold.reached.wait(60) or len(srv.waybills) == BATCH
    kill(proc)
    hold.release()
    resume(desk, printer, orders)
    assert len(srv.waybills) == BATCH
    assert_never_asked_twice(srv)
    assert_one_number_each(desk, srv, orders)


@pytest.mark.parametrize("fault", ["drop_after_apply", "server_error_after_apply"])
def test_answers_lost_after_the_gateway_applied_are_found_not_asked_again(
    desk: Desk, srv: TopServer, printer: PrinterSimulator, fault: str
) -> None:
    orders = batch_of(desk)
    srv.faults.only_methods = frozenset({GET})
    setattr(srv.faults, fault, 1.0)
    first = desk.run("print", *orders, "--printer", printer.uri)
    assert first.returncode != 0 and "was lost" in first.stderr
    assert len(srv.waybills) == BATCH and issued(desk) == 0 and requested(desk) == BATCH
    srv.faults.reset()
    resume(desk, printer, orders)
    assert len(srv.waybills) == BATCH and srv.calls[GET] == 3  # all found: none asked again
    assert_never_asked_twice(srv)
    assert printer.wait_jobs(BATCH, timeout=60)
    assert_one_number_each(desk, srv, orders)


def test_killed_after_the_answers_are_recorded(desk: Desk, srv: TopServer, printer: PrinterSimulator) -> None:
    orders = batch_of(desk)
    proc = run_batch(desk, printer, orders)
    wait_for(lambda: issued(desk) == BATCH, "the answers recorded")
    kill(proc)
    resume(desk, printer, orders)
    assert len(srv.waybills) == BATCH and srv.calls[GET] == 3
    assert_one_number_each(desk, srv, orders)


def test_killed_mid_print(desk: Desk, srv: TopServer, printer: PrinterSimulator) -> None:
    orders = batch_of(desk)
    proc = run_batch(desk, printer, orders)
    printer.wait_jobs(3, timeout=60)
    kill(proc)
    printed = len(printer.jobs)
    assert printed < BATCH
    resume(desk, printer, orders)
    assert len(srv.waybills) == BATCH
    assert_one_number_each(desk, srv, orders)
    sent = desk.query("SELECT COUNT(*) FROM print_jobs WHERE state = 'sent'")[0][0]
    assert sent >= BATCH - 1  # the one cut off by the kill waits for the packer's "did it print?"

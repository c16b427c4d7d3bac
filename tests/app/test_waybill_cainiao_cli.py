"""Cainiao numbers end to end through `packdesk` subprocesses against the loopback TOP gateway: a batch asked in
one ii.get, a reprint that takes no new number and asks nothing, a number cancelled by hand (cancelled at the
gateway), a shipped one refused, a cancel whose answer was lost finished by the outbox round, and an address changed
after printing updated with ii.update (same number)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdtest.simulator import PrinterSimulator
from pdtest.top_server import TopServer
from pdtest.waybill_desk import APP_KEY, SECRET, SESSION, Desk, cainiao_desk

GET = "cainiao.waybill.ii.get"
CANCEL = "cainiao.waybill.ii.cancel"
UPDATE = "cainiao.waybill.ii.update"
BY_WAYBILLCODE = "cainiao.waybill.ii.query.by.waybillcode"


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=4, n_trades=30) as server:
        yield server


@pytest.fixture
def printer() -> Iterator[PrinterSimulator]:
    with PrinterSimulator("escpos") as sim:
        yield sim


@pytest.fixture
def desk(packdesk_cmd: list[str], tmp_path: Path, srv: TopServer) -> Desk:
    return cainiao_desk(packdesk_cmd, tmp_path / "data", srv)


def number_of(desk: Desk, order_no: str) -> str:
    (found,) = [o["tracking_no"] for o in desk.ok("orders", "--limit", "500") if o["order_no"] == order_no]
    assert found
    return str(found)


def test_numbers_reprints_and_cancels_from_the_shell(desk: Desk, srv: TopServer, printer: PrinterSimulator) -> None:
    first, second, third, fourth = desk.packable()[:4]
    printed = desk.run("print", first, second, third, fourth, "--printer", printer.uri)
    assert printed.returncode == 0, printed.stderr
    assert srv.calls[GET] == 1  # four parcels, one call
    numbers = {o: number_of(desk, o) for o in (first, second, third, fourth)}
    assert {srv.waybills[n]["order_no"] for n in numbers.values()} == {first, second, third, fourth}

    again = desk.run("print", first, "--printer", printer.uri, "--reprint", "label torn")
    assert again.returncode == 0, again.stderr
    assert f"printed ZTO {numbers[first]} (copy 2)" in again.stdout
    assert srv.calls[GET] == 1 and srv.calls[BY_WAYBILLCODE] == 0  # the stored print data, no new number

    cancelled = desk.ok("waybill", "cancel", numbers[second])
    assert cancelled["state"] == "cancelled" and srv.waybills[numbers[second]]["state"] == "cancelled"
    assert [o["tracking_no"] for o in desk.ok("orders", "--limit", "500") if o["order_no"] == second] == [None]

    shipped = desk.run("ship", third, "--carrier", "ZTO", "--tracking", numbers[third])
    assert shipped.returncode == 0, shipped.stderr
    refused = desk.run("waybill", "cancel", numbers[third])
    assert refused.returncode != 0 and "has shipped" in refused.stderr
    assert srv.waybills[numbers[third]]["state"] == "live"

    srv.faults.only_methods = frozenset({CANCEL})
    srv.faults.drop_after_apply = 1.0  # the gateway cancels it, the answer never comes back
    later = desk.ok("waybill", "cancel", numbers[fourth])
    assert later["state"] == "cancel_pending" and "next outbox round" in later["message"]
    srv.faults.reset()
    flushed = desk.ok("outbox", "flush")
    assert flushed["waybill_cancels"] == {"cancelled": 1, "retry_later": 0, "failed": 0, "errors": []}
    assert desk.query("SELECT state FROM waybill_issues WHERE tracking_no = ?", numbers[fourth]) == [("cancelled",)]
    assert srv.calls[CANCEL] == 3  # asked again: a number cancelled before counts as cancelled


def test_an_address_changed_after_printing_keeps_the_number_with_new_print_data(
    desk: Desk, srv: TopServer, printer: PrinterSimulator
) -> None:
    order_no = desk.packable()[0]
    assert desk.run("print", order_no, "--printer", printer.uri).returncode == 0
    number = number_of(desk, order_no)
    before = srv.waybills[number]["print_data"]
    moved = {"receiver_address": "文三路478号华星时代广场B座1101", "receiver_district": "西湖区"}
    srv.modify(order_no, **moved)
    # The cache as the next sync leaves it (the increment window lags the platform's clock by design).
    con = sqlite3.connect(desk.data_dir / "packdesk.db")
    with con:
        con.execute(
            "UPDATE orders SET receiver_address = ?, receiver_district = ? WHERE order_no = ?",
            (moved["receiver_address"], moved["receiver_district"], order_no),
        )
    con.close()
    again = desk.run("print", order_no, "--printer", printer.uri, "--reprint", "address changed")
    assert again.returncode == 0, again.stderr
    assert f"printed ZTO {number} (copy 2)" in again.stdout
    assert f"Address changed for order {order_no}: number {number} kept" in again.stderr  # the packer is told
    assert srv.calls[UPDATE] == 1 and srv.calls[GET] == 1
    assert srv.waybills[number]["updates"] == 1 and srv.waybills[number]["print_data"] != before
    (stored,) = desk.query("SELECT print_data FROM waybill_issues WHERE tracking_no = ?", number)
    assert json.loads(stored[0]) == srv.waybills[number]["print_data"]  # what a print component gets: the new one
    assert "西湖区" in json.dumps(json.loads(stored[0]), ensure_ascii=False)
    assert desk.run("print", order_no, "--printer", printer.uri, "--reprint", "once more").returncode == 0
    assert srv.calls[UPDATE] == 1  # the ledger knows the receiver it was updated for

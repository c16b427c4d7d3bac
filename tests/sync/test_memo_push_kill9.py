"""Acceptance: flags and memos reach the loopback TOP gateway exactly once through `packdesk outbox flush` run as a
real subprocess, killed with SIGKILL after the platform applied a memo.update and before its answer arrived, and then
with every answer dropped after the write applied: each later round reads the trade back instead of sending again."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdtest.top_server import TopServer
from pdtest.waybill_desk import APP_KEY, SECRET, SESSION, Desk

MEMO_UPDATE = "taobao.trade.memo.update"


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=21, n_trades=12) as server:
        yield server


@pytest.fixture
def desk(packdesk_cmd: list[str], tmp_path: Path, srv: TopServer) -> Desk:
    d = Desk(packdesk_cmd, tmp_path / "data")
    added = d.run("shop", "add", "淘宝店", "--platform", "taobao", "--gateway", srv.url, "--app-key", APP_KEY)
    assert added.returncode == 0, added.stderr
    d.ok("sync")
    return d


def test_flags_and_memos_land_once_across_kill_and_dropped_answers(desk: Desk, srv: TopServer) -> None:
    orders = [o["order_no"] for o in desk.ok("orders", "--status", "awaiting_shipment", "--limit", "3")]
    assert len(orders) == 3
    flagged = desk.ok("flag", *orders, "--colour", "purple")
    assert flagged["done"] == orders and flagged["skipped"] == []
    assert desk.ok("memo", orders[0], "周五前发", "--append")["done"] == [orders[0]]

    # killed while the platform has applied the first write and its answer has not left
    hold = srv.hold_after_apply(MEMO_UPDATE)
    proc = desk.start("outbox", "flush")
    assert hold.reached.wait(60), "the first memo.update never arrived"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    hold.release()
    assert sum(srv.memo_calls.values()) == 1
    states = desk.query("SELECT state FROM outbox WHERE kind = 'memo' ORDER BY id")
    assert ("sending",) in states  # left claimed: possibly applied

    # every further answer is lost after the write applied
    srv.faults.drop_after_apply = 1.0
    srv.faults.only_methods = frozenset({MEMO_UPDATE})
    lossy = desk.ok("outbox", "flush")["memo_push"]
    assert lossy["verified"] == 1 and lossy["sent"] == 0  # the killed one was read back, not sent again
    srv.faults.reset()
    last = desk.ok("outbox", "flush")["memo_push"]
    assert last["verified"] == 2 and last["sent"] == 0 and last["failed"] == 0

    assert dict(srv.memo_calls) == dict.fromkeys(orders, 1)  # each change reached the platform exactly once
    for no in orders:
        assert srv.trade(no)["seller_flag"] == 5
    assert srv.trade(orders[0])["seller_memo"].endswith("周五前发")
    assert desk.query("SELECT DISTINCT state FROM outbox WHERE kind = 'memo'") == [("done",)]
    assert desk.ok("outbox", "flush")["memo_push"]["sent"] == 0  # nothing left to send
    assert sum(srv.memo_calls.values()) == 3

"""Triggers the seller switches on: a notice when an order ships, when it is marked out of stock, before a breach;
all off by default, each notice in the order's history, and a notice a trigger cannot make noted there with why
(never stopping the shipment or the mark). Driven through `packdesk` subprocesses on a shop synced from the loopback
TOP gateway; the cache holds only masked numbers, so the triggers' notices are for the chat window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pdtest.top_server import TopServer, TradeGenerator
from pdtest.waybill_desk import APP_KEY, SECRET, SESSION, Desk


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=41, n_trades=12) as server:
        yield server


@pytest.fixture
def desk(packdesk_cmd: list[str], tmp_path: Path, srv: TopServer) -> Desk:
    return _desk(packdesk_cmd, tmp_path, srv)


def _desk(packdesk_cmd: list[str], tmp_path: Path, srv: TopServer) -> Desk:
    d = Desk(packdesk_cmd, tmp_path / "data")
    added = d.run("shop", "add", "淘宝店", "--platform", "taobao", "--gateway", srv.url, "--app-key", APP_KEY)
    assert added.returncode == 0, added.stderr
    d.ok("sync")
    return d


def test_triggers_are_off_until_switched_on_and_each_notice_is_in_the_history(desk: Desk) -> None:
    first, second, third, fourth = [
        o["order_no"] for o in desk.ok("orders", "--status", "awaiting_shipment", "--limit", "4")
    ]
    gen = TradeGenerator(5)
    desk.ok("ship", first, "--carrier", "ZTO", "--tracking", gen.tracking_number("ZTO"))
    assert desk.ok("notify", "list") == []  # off by default

    settings = desk.ok("notify", "settings", "--on-ship", "on", "--on-out-of-stock", "on")
    assert settings["on_ship"] and settings["on_out_of_stock"] and not settings["before_breach"]
    number = gen.tracking_number("ZTO")
    desk.ok("ship", second, "--carrier", "ZTO", "--tracking", number)
    (shipped,) = desk.ok("notify", "list", "--order", second)
    assert shipped["trigger"] == "ship" and shipped["template"] == "shipped" and shipped["state"] == "copy"
    assert number in shipped["text"] and "ZTO" in shipped["text"]

    desk.ok("out-of-stock", third, "--reason", "供应商缺货", "--expected", "2099-01-05")
    (stock,) = desk.ok("notify", "list", "--order", third)
    assert stock["trigger"] == "out_of_stock" and "供应商缺货" in stock["text"] and "1月5日" in stock["text"]

    # without an expected date the notice cannot say when: the mark stands, the history says why no notice went
    marked = desk.ok("out-of-stock", fourth, "--reason", "供应商缺货")
    assert marked["done"] == [fourth]
    assert desk.ok("notify", "list", "--order", fourth) == []
    skipped = desk.query("SELECT detail FROM audit_log WHERE action = 'notice_skipped' AND entity_id = ?", fourth)
    assert len(skipped) == 1 and "date" in skipped[0][0]

    history = desk.query("SELECT entity_id FROM audit_log WHERE action = 'notice'")
    assert sorted(h[0] for h in history) == sorted([second, third])


def test_before_a_breach_each_order_due_is_told_once(desk: Desk) -> None:
    refused = desk.run("notify", "settings", "--before-breach", "on")
    assert refused.returncode != 0 and "--breach-reason" in refused.stderr
    assert not desk.ok("notify", "settings")["before_breach"]  # nothing changed
    desk.ok("notify", "settings", "--before-breach", "on", "--breach-reason", "快递停运", "--breach-days", "2",
            "--breach-hours", "100000", "--per-buyer-day", "50")  # fmt: skip
    waiting = {o["order_no"] for o in desk.ok("orders", "--status", "awaiting_shipment", "--limit", "100")}
    first = desk.ok("risks", "refresh")["refresh"]
    assert first["breach_notices"] == len(waiting) > 0
    told = desk.ok("notify", "list")
    assert {n["order_no"] for n in told} == waiting
    assert all(n["template"] == "delay" and "快递停运" in n["text"] for n in told)
    assert desk.ok("risks", "refresh")["refresh"]["breach_notices"] == 0  # once


def test_a_split_tells_what_left_and_what_is_still_to_come(packdesk_cmd: list[str], tmp_path: Path,
                                                            srv: TopServer) -> None:  # fmt: skip
    gen = TradeGenerator(99, srv.clock())
    trade = next(t for i in range(500) if (t := gen.make(i, status="SELLER_CONSIGNED_PART", fresh=True))["status"]
                 == "SELLER_CONSIGNED_PART")  # fmt: skip
    srv.add_trade(trade)  # before the first fill, which reads every waiting status
    desk = _desk(packdesk_cmd, tmp_path, srv)
    refused = desk.run("notify", "settings", "--on-split", "on")
    assert refused.returncode != 0 and "--split-reason" in refused.stderr
    desk.ok("notify", "settings", "--on-split", "on", "--split-reason", "部分商品在途", "--split-days", "2")
    partly = [o for o in desk.ok("orders", "--status", "partly_shipped", "--limit", "50")
              if any(ln["refund_status"] == "none" for ln in o["lines"])]  # fmt: skip
    assert partly, "the gateway's trades hold a partly shipped order"
    order = partly[0]
    from datetime import UTC, datetime

    from app.persistence.notices import NoticeRepository
    from app.persistence.packages import PackageRepository
    from app.services.audit import Actor
    from app.services.notices import on_trigger
    from app.services.workspace import open_workspace

    ws = open_workspace(desk.data_dir)
    try:
        now = datetime.now(UTC)
        with ws.session_factory.begin() as session:  # the parcel that left first, as PackDesk records one
            facts = NoticeRepository(session).order_facts(order["order_no"])
            assert facts is not None
            parcels = PackageRepository(session)
            parcels.mark_shipped(parcels.add(facts.order_id, "ZTO", "73100000000089", now).id, now)
        with ws.session_factory.begin() as session:
            queued = on_trigger(session, "split", order["order_no"], Actor("t", "vm"), now)
    finally:
        ws.close()
    why = desk.query("SELECT detail FROM audit_log WHERE action = 'notice_skipped'")
    assert queued is not None and queued.channel == "copy", why
    (notice,) = desk.ok("notify", "list", "--order", order["order_no"])
    assert notice["trigger"] == "split" and notice["template"] == "partial" and "部分商品在途" in notice["text"]
    waiting = [ln["title"] for ln in order["lines"] if ln["refund_status"] == "none"]
    assert any(title in notice["text"] for title in waiting) and "73100000000089" in notice["text"]

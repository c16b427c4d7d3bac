"""Orders not paid yet, through `packdesk` subprocesses on a shop synced from the loopback TOP gateway: never printed,
shipped, packed or acted on; a payment reminder (催付) goes to a held one without --shop; the trigger the seller
switches on reminds each unpaid order once, the set minutes after it was created (across rounds and restarts), never
one paid meanwhile; and a reminder queued for SMS is not sent once its order was paid."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pdtest.aliyun_sms import SmsServer
from pdtest.top_server import TopServer, TradeGenerator, format_top_time, parse_top_time
from pdtest.waybill_desk import APP_KEY, ENV, SECRET, SESSION, Desk

from app.services.audit import Actor
from app.services.notices import unpaid_round
from app.services.workspace import open_workspace

REASON, DATE = "库存只剩最后3件", "2026-12-10"


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=16, n_trades=150) as server:
        yield server


@pytest.fixture
def sms() -> Iterator[SmsServer]:
    with SmsServer(access_key_id="LTAI-test", secret="sms-secret", sign_names=("好店",)) as server:
        yield server


@pytest.fixture
def desk(packdesk_cmd: list[str], tmp_path: Path, srv: TopServer, monkeypatch: pytest.MonkeyPatch) -> Desk:
    monkeypatch.setenv("PACKDESK_SMS_SECRET", "sms-secret")
    d = Desk(packdesk_cmd, tmp_path / "data")
    added = d.run("shop", "add", "淘宝店", "--platform", "taobao", "--gateway", srv.url, "--app-key", APP_KEY)
    assert added.returncode == 0, added.stderr
    d.ok("sync")
    return d


def _settled(srv: TopServer) -> datetime:
    """A moment the command line's sync reads (it leaves the platform's last seconds to settle until later)."""
    return srv.clock() - timedelta(seconds=30)


def _unpaid(desk: Desk) -> list[str]:
    return sorted(o["order_no"] for o in desk.ok("orders", "--status", "awaiting_payment", "--limit", "500"))


def test_unpaid_orders_are_never_worked(desk: Desk, tmp_path: Path) -> None:
    unpaid = _unpaid(desk)
    assert len(unpaid) >= 3
    order_no = unpaid[0]
    everything = {o["order_no"] for o in desk.ok("orders", "--limit", "500")}
    assert set(unpaid) <= everything  # listed with every status...
    assert not set(unpaid) & {
        o["order_no"] for o in desk.ok("orders", "--status", "awaiting_shipment", "--limit", "500")
    }
    assert not set(unpaid) & {o["order_no"] for o in desk.ok("orders", "--due-within", "100000", "--limit", "500")}

    printed = desk.run("print", order_no, "--printer", f"png://{tmp_path / 'labels'}", "--json")
    assert printed.returncode != 0 and "not paid yet" in printed.stderr
    assert not (tmp_path / "labels").exists() or not list((tmp_path / "labels").iterdir())
    shipped = desk.run("ship", order_no, "--carrier", "ZTO", "--tracking", TradeGenerator(3).tracking_number("ZTO"))
    assert shipped.returncode != 0 and "not paid yet" in shipped.stderr
    held = desk.run("hold", order_no, "--reason", "先别发")
    assert "not paid yet" in held.stdout + held.stderr
    (scan,) = desk_pack(desk, order_no)
    assert scan["event"] == "intercepted" and scan["reason"] == "unpaid"
    assert desk.query("SELECT status, hold_reason FROM orders WHERE order_no = ?", order_no) == [
        ("awaiting_payment", None)
    ]
    assert desk.query("SELECT count(*) FROM packages") == [(0,)]


def desk_pack(desk: Desk, order_no: str) -> list[dict]:
    """`packdesk pack` with one scan: the events it printed."""
    done = subprocess.run(
        desk.argv("pack", "--scans", "-", "--json"), input=order_no + "\n", capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False, env={**os.environ, **ENV},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_a_payment_reminder_to_a_held_unpaid_order_needs_no_shop(desk: Desk, sms: SmsServer, srv: TopServer) -> None:
    desk.ok(
        "notify", "add-account", "阿里云", "--provider", "aliyun-sms", "--gateway", sms.url,
        "--access-key-id", "LTAI-test", "--sign-name", "好店",
    )  # fmt: skip
    sms.templates["SMS_3001"] = desk.ok("notify", "template", "payment_reminder", "--code", "SMS_3001")["body"]
    first, second, *_ = _unpaid(desk)
    remind = ("notify", "send", "--template", "payment_reminder", "--reason", REASON, "--date", DATE)
    queued = desk.ok(*remind[:2], first, *remind[2:], "--phone", "13912345678")
    assert queued["channel"] == "sms" and REASON in queued["text"] and first in queued["text"]
    assert desk.ok("outbox", "flush")["notices"]["sent"] == 1
    (message,) = sms.sent
    assert message["params"] == {"order_no": first, "reason": REASON, "date": "12月10日"}
    assert desk.query("SELECT count(*) FROM audit_log WHERE action = 'notice' AND entity_id = ?", first) == [(1,)]

    # queued, then paid before the outbox round: it is not sent
    desk.ok(*remind[:2], second, *remind[2:], "--phone", "13712345679")
    srv.pay(second, at=_settled(srv))
    desk.ok("sync")
    flushed = desk.ok("outbox", "flush")["notices"]
    assert flushed["cancelled"] == 1 and flushed["sent"] == 0
    assert len(sms.sent) == 1
    (stopped,) = desk.ok("notify", "list", "--order", second)
    assert stopped["state"] == "failed" and "paid or closed" in stopped["last_error"]

    # a paid order needs no reminder; an order PackDesk does not hold still takes --shop
    refused = desk.run(*remind[:2], second, *remind[2:], "--phone", "13712345679")
    assert refused.returncode != 0 and "no longer waiting for payment" in refused.stderr
    not_held = desk.run(*remind[:2], "4100000000000000001", *remind[2:])
    assert not_held.returncode != 0 and "--shop" in not_held.stderr


def test_the_reminder_trigger_reminds_each_unpaid_order_once(desk: Desk, srv: TopServer) -> None:
    refused = desk.run("notify", "settings", "--remind-unpaid", "on")
    assert refused.returncode != 0 and "--unpaid-reason" in refused.stderr
    assert not desk.ok("notify", "settings")["remind_unpaid"]  # off by default, and nothing changed
    assert desk.ok("risks", "refresh")["refresh"]["unpaid_reminders"] == 0

    unpaid = _unpaid(desk)
    paid = unpaid[0]
    srv.pay(paid, at=_settled(srv))  # paid before the first round: never reminded
    created = format_top_time(_settled(srv))
    fresh = srv.add_unpaid(created=created, modified=created)["tid_str"]  # just made: its minutes are not up
    desk.ok("sync")
    settings = desk.ok("notify", "settings", "--remind-unpaid", "on", "--unpaid-reason", REASON,
                       "--unpaid-minutes", "30", "--per-buyer-day", "50")  # fmt: skip
    assert settings["remind_unpaid"] and settings["unpaid_minutes"] == 30 and settings["unpaid_days"] == 1
    now = datetime.now(UTC)
    due = {
        no for no in unpaid[1:] if parse_top_time(srv.trade(no)["created"]) <= now - timedelta(minutes=30, seconds=-5)
    }
    assert due, "the gateway's unpaid trades are up to a day old"

    first = desk.ok("risks", "refresh")["refresh"]
    told = desk.ok("notify", "list")
    assert first["unpaid_reminders"] == len(told) > 0
    assert {n["order_no"] for n in told} <= set(unpaid[1:]) and {n["order_no"] for n in told} >= due
    assert paid not in {n["order_no"] for n in told} and fresh not in {n["order_no"] for n in told}
    for n in told:
        assert n["trigger"] == "unpaid" and n["template"] == "payment_reminder" and REASON in n["text"]
        assert n["channel"] == "copy"  # the cache holds masked numbers: for the chat window
    assert desk.ok("risks", "refresh")["refresh"]["unpaid_reminders"] == 0  # once, across processes

    # later, the fresh one's minutes are up (the round asked as of then); the others are not told again
    ws = open_workspace(desk.data_dir)
    try:
        later = unpaid_round(ws.session_factory, Actor("t", "vm"), datetime.now(UTC) + timedelta(minutes=31))
        again = unpaid_round(ws.session_factory, Actor("t", "vm"), datetime.now(UTC) + timedelta(minutes=62))
    finally:
        ws.close()
    told_later = {q.order_no for q in later}
    assert fresh in told_later and not told_later & {n["order_no"] for n in told} and again == []
    assert told_later | {n["order_no"] for n in told} == set(unpaid[1:]) | {fresh}  # every unpaid one, once
    history = desk.query("SELECT entity_id FROM audit_log WHERE action = 'notice'")
    assert sorted(h[0] for h in history) == sorted(set(unpaid[1:]) | {fresh})

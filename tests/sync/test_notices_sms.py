"""Acceptance: buyer notices reach the loopback Alibaba Cloud SMS endpoint (tests/pdtest/aliyun_sms.py, which checks
the real signature) exactly once with their template parameters, through `packdesk notify send` and `packdesk outbox
flush` run as subprocesses: across a SIGKILL after the provider accepted a message and before its answer, dropped
answers, and the endpoint being offline; the per-buyer daily limit holds; a number the provider refuses is reported
with its code and words; a masked number is refused before anything is queued."""

from __future__ import annotations

import signal
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdtest.aliyun_sms import SmsServer
from pdtest.top_server import TopServer
from pdtest.waybill_desk import APP_KEY, SECRET, SESSION, Desk

REASON, DATE = "仓库盘点", "2026-12-10"


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=21, n_trades=12) as server:
        yield server


@pytest.fixture
def sms() -> Iterator[SmsServer]:
    with SmsServer(access_key_id="LTAI-test", secret="sms-secret", sign_names=("好店",)) as server:
        yield server


@pytest.fixture
def desk(packdesk_cmd: list[str], tmp_path: Path, srv: TopServer, monkeypatch: pytest.MonkeyPatch) -> Desk:
    monkeypatch.setenv("PACKDESK_SMS_SECRET", "sms-secret")
    monkeypatch.setenv("PACKDESK_KEYRING", "file")  # as the subprocesses: the secret in the data directory's file
    d = Desk(packdesk_cmd, tmp_path / "data")
    added = d.run("shop", "add", "淘宝店", "--platform", "taobao", "--gateway", srv.url, "--app-key", APP_KEY)
    assert added.returncode == 0, added.stderr
    d.ok("sync")
    return d


def _account(desk: Desk, sms: SmsServer) -> None:
    desk.ok(
        "notify", "add-account", "阿里云", "--provider", "aliyun-sms", "--gateway", sms.url,
        "--access-key-id", "LTAI-test", "--sign-name", "好店",
    )  # fmt: skip
    (account,) = desk.ok("notify", "accounts")
    assert account == {"name": "阿里云", "provider": "aliyun-sms", "gateway": sms.url, "access_key_id": "LTAI-test",
                       "sign_name": "好店"}  # fmt: skip
    assert "sms-secret" not in (desk.data_dir / "packdesk.db").read_bytes().decode("utf-8", "replace")
    body = desk.ok("notify", "template", "delay", "--code", "SMS_1001")["body"]
    sms.templates["SMS_1001"] = body  # approved with the same text and variables


def _orders(desk: Desk, n: int) -> list[str]:
    found = [o["order_no"] for o in desk.ok("orders", "--status", "awaiting_shipment", "--limit", str(n))]
    assert len(found) == n
    return found


def _send(desk: Desk, order_no: str, phone: str) -> dict:
    return desk.ok("notify", "send", order_no, "--template", "delay", "--reason", REASON, "--date", DATE,
                   "--phone", phone)  # fmt: skip


def test_notices_reach_the_provider_once_across_kill_dropped_answers_and_offline(desk: Desk, sms: SmsServer) -> None:
    _account(desk, sms)
    orders = _orders(desk, 3)
    phones = ["13912345678", "13712345679", "15012345670"]
    ids = [_send(desk, o, p)["id"] for o, p in zip(orders, phones, strict=True)]
    assert desk.ok("notify", "list")[0]["phone"] == "150****5670"  # listed masked

    # killed after the provider accepted the first message and before its answer left
    hold = sms.hold_after_apply()
    proc = desk.start("outbox", "flush")
    assert hold.reached.wait(60), "the first SendSms never arrived"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    hold.release()
    assert len(sms.sent) == 1
    assert ("sending",) in desk.query("SELECT state FROM outbox WHERE kind = 'notice'")

    # every answer is lost after the provider accepted the message
    sms.faults.drop_after_apply = 1.0
    lossy = desk.ok("outbox", "flush")["notices"]
    assert lossy["verified"] == 1 and lossy["sent"] == 0 and lossy["retry_later"] == 2  # the killed one looked up
    assert len(sms.sent) == 3
    sms.faults.reset()

    # offline: nothing is lost, nothing goes twice
    sms.go_offline()
    offline = desk.ok("outbox", "flush")["notices"]
    assert offline["sent"] == 0 and offline["verified"] == 0 and offline["retry_later"] == 2
    sms.go_online()
    last = desk.ok("outbox", "flush")["notices"]
    assert last["verified"] == 2 and last["sent"] == 0 and last["failed"] == 0

    assert sorted(m["out_id"] for m in sms.sent) == sorted(str(i) for i in ids)  # each notice exactly once
    for message, order_no in zip(sorted(sms.sent, key=lambda m: int(m["out_id"])), orders, strict=True):
        assert message["template_code"] == "SMS_1001"
        assert message["params"] == {"order_no": order_no, "reason": REASON, "date": "12月10日"}
        assert REASON in message["content"] and "12月10日" in message["content"]
    listed = desk.ok("notify", "list")
    assert {n["state"] for n in listed} == {"done"}
    assert all("*" in n["phone"] for n in listed)  # a finished notice keeps only the masked number
    assert desk.ok("outbox", "flush")["notices"]["sent"] == 0
    assert len(sms.sent) == 3
    # in the order's history
    audit = desk.query("SELECT entity_id FROM audit_log WHERE action = 'notice'")
    assert sorted(a[0] for a in audit) == sorted(orders)


def test_the_per_buyer_daily_limit_holds(desk: Desk, sms: SmsServer) -> None:
    _account(desk, sms)
    (order_no,) = _orders(desk, 1)
    assert desk.ok("notify", "settings", "--per-buyer-day", "2")["per_buyer_day"] == 2
    _send(desk, order_no, "13912345678")
    _send(desk, order_no, "13912345678")
    third = desk.run("notify", "send", order_no, "--template", "delay", "--reason", REASON, "--date", DATE,
                     "--phone", "13912345678")  # fmt: skip
    assert third.returncode != 0
    assert "2 notices today" in third.stderr
    assert len(desk.ok("notify", "list", "--order", order_no)) == 2  # nothing queued by the refusal
    desk.ok("outbox", "flush")
    assert len(sms.sent) == 2


def test_the_providers_per_number_limit_keeps_the_notice_waiting(desk: Desk, sms: SmsServer) -> None:
    _account(desk, sms)
    first, second = _orders(desk, 2)
    sms.per_number_limit = 1
    _send(desk, first, "13912345678")
    _send(desk, second, "13912345678")  # another buyer's order, the same number
    round_ = desk.ok("outbox", "flush")["notices"]
    assert round_["sent"] == 1 and round_["retry_later"] == 1 and round_["failed"] == 0
    assert round_["errors"][0]["code"] == "isv.BUSINESS_LIMIT_CONTROL"
    assert "触发天级流控" in round_["errors"][0]["reason"]
    assert len(sms.sent_to("13912345678")) == 1


def test_a_refused_number_is_reported_with_the_providers_reason(desk: Desk, sms: SmsServer) -> None:
    _account(desk, sms)
    (order_no,) = _orders(desk, 1)
    sms.illegal.add("13800000000")
    _send(desk, order_no, "13800000000")
    round_ = desk.ok("outbox", "flush")["notices"]
    assert round_["failed"] == 1 and round_["sent"] == 0
    (error,) = round_["errors"]
    assert error["code"] == "isv.MOBILE_NUMBER_ILLEGAL" and "非法手机号" in error["reason"]
    (listed,) = desk.ok("notify", "list", "--order", order_no)
    assert listed["state"] == "failed" and "非法手机号" in listed["last_error"]
    assert listed["phone"] == "138****0000"
    assert desk.ok("outbox", "flush")["notices"]["failed"] == 0  # refused once, never sent again
    assert sms.sent == []


def test_a_masked_number_the_platform_cannot_replace_is_refused_and_nothing_is_queued(
    desk: Desk, sms: SmsServer, srv: TopServer
) -> None:
    _account(desk, sms)
    privacy, plain = _orders(desk, 2)
    with sqlite3.connect(desk.data_dir / "packdesk.db") as db:  # as a seller-centre file leaves it: no oaid
        db.execute("UPDATE orders SET oaid = '' WHERE order_no = ?", (plain,))
    done = desk.run("notify", "send", plain, "--template", "delay", "--reason", REASON, "--date", DATE)
    assert done.returncode != 0
    assert "masked number" in done.stderr and "****" in done.stderr
    assert desk.ok("notify", "list") == []

    # a synced privacy order: the send asks Taobao for the number (app.sync.platform_numbers)
    queued = desk.ok("notify", "send", privacy, "--template", "delay", "--reason", REASON, "--date", DATE)
    assert queued["channel"] == "sms" and "****" in queued["phone"]
    flushed = desk.ok("outbox", "flush")["notices"]
    assert flushed["sent"] + flushed["copied"] == 1 and len(srv.decrypt_calls) == 1


def test_without_a_reason_or_date_nothing_is_queued(desk: Desk, sms: SmsServer) -> None:
    _account(desk, sms)
    (order_no,) = _orders(desk, 1)
    done = desk.run("notify", "send", order_no, "--template", "delay", "--date", DATE, "--phone", "13912345678")
    assert done.returncode != 0 and "reason" in done.stderr
    assert desk.ok("notify", "list") == []


def test_without_an_sms_account_the_notice_is_for_the_chat_window(desk: Desk) -> None:
    (order_no,) = _orders(desk, 1)
    copied = desk.ok("notify", "send", order_no, "--template", "delay", "--reason", REASON, "--date", DATE)
    assert copied["channel"] == "copy" and copied["state"] == "copy"
    assert REASON in copied["text"] and "12月10日" in copied["text"] and order_no in copied["text"]
    (listed,) = desk.ok("notify", "list", "--order", order_no)
    assert listed["state"] == "copy"
    assert desk.ok("outbox", "flush")["notices"]["sent"] == 0


def test_an_unclear_notice_the_provider_will_not_look_up_waits_for_the_sellers_check(
    desk: Desk, sms: SmsServer
) -> None:
    _account(desk, sms)
    (order_no,) = _orders(desk, 1)
    notice = _send(desk, order_no, "13912345678")["id"]
    sms.faults.drop_after_apply = 1.0
    sms.faults.query_refused = True
    assert desk.ok("outbox", "flush")["notices"]["retry_later"] == 1
    held = desk.ok("outbox", "flush")["notices"]
    assert held["to_check"] == 1 and held["sent"] == 0
    (listed,) = desk.ok("notify", "list")
    assert listed["state"] == "unclear" and "Check before resending" in listed["last_error"]
    sms.faults.reset()
    assert desk.ok("outbox", "flush")["notices"] == {**held, "to_check": 0, "errors": []}  # not sent blindly
    assert len(sms.sent) == 1
    desk.ok("notify", "checked", str(notice), "--sent")
    assert desk.ok("notify", "list")[0]["state"] == "done"
    assert len(sms.sent) == 1


def test_a_payment_reminder_goes_to_an_order_the_sync_does_not_keep(desk: Desk, sms: SmsServer) -> None:
    """An unpaid order PackDesk does not hold (older than the sync's three days of unpaid trades, or a platform that
    gives none): a payment reminder names the shop and the number instead of a cached order."""
    _account(desk, sms)
    sms.templates["SMS_3001"] = desk.ok("notify", "template", "payment_reminder", "--code", "SMS_3001")["body"]
    unpaid = "4100000000000000001"
    args = ("notify", "send", unpaid, "--template", "payment_reminder", "--reason", "库存只剩最后3件", "--date", DATE)
    refused = desk.run(*args)
    assert refused.returncode != 0 and "--shop" in refused.stderr
    queued = desk.ok(*args, "--shop", "淘宝店", "--phone", "13912345678")
    assert queued["channel"] == "sms" and "库存只剩最后3件" in queued["text"]
    assert desk.ok("outbox", "flush")["notices"]["sent"] == 1
    (message,) = sms.sent
    assert message["params"] == {"order_no": unpaid, "reason": "库存只剩最后3件", "date": "12月10日"}


def test_a_5xx_before_or_after_the_provider_applied_it_still_sends_once(desk: Desk, sms: SmsServer) -> None:
    """A 5xx leaves a send unclear either way: looked up, the one the provider applied is done; the one it did not is
    sent again once the provider had time to record it (here: no wait)."""
    from datetime import timedelta

    from app.services.workspace import open_workspace
    from app.sync.gateway import RetryPolicy
    from app.sync.notice_push import push_notices
    from app.sync.service import sms_factory

    fast = RetryPolicy(attempts=2, backoff_s=0.0)

    _account(desk, sms)
    applied, refused = _orders(desk, 2)
    _send(desk, applied, "13912345678")
    sms.faults.server_error_after_apply = 1.0
    ws = open_workspace(desk.data_dir)
    try:
        first = push_notices(ws.session_factory, sms_factory(ws.data_dir, fast), now_too=True, settle=timedelta(0))
        assert first.retry_later == 1 and len(sms.sent) == 1
        sms.faults.reset()
        _send(desk, refused, "13712345679")
        sms.faults.server_error = 1.0  # the next send fails before the provider does anything
        second = push_notices(ws.session_factory, sms_factory(ws.data_dir, fast), now_too=True, settle=timedelta(0))
        assert second.retry_later == 2 and len(sms.sent) == 1  # the lookup failed too: nothing decided, nothing sent
        sms.faults.reset()
        third = push_notices(ws.session_factory, sms_factory(ws.data_dir, fast), now_too=True, settle=timedelta(0))
        assert third.verified == 1 and third.sent == 1
    finally:
        ws.close()
    assert sorted(m["phone"] for m in sms.sent) == ["13712345679", "13912345678"]
    assert {n["state"] for n in desk.ok("notify", "list")} == {"done"}

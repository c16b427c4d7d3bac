"""A buyer notice for a privacy order goes to the number the platform allows, asked at send time and never kept
(app.sync.platform_numbers): Taobao's `taobao.top.oaid.decrypt` on the loopback TOP gateway (its buyer's number or
a virtual number), PDD's `pdd.open.decrypt.batch`; a virtual number with an extension makes the notice a copy for
the chat window, a stale oaid stops it with why; the number reaches the SMS endpoint exactly once across a lost
answer and is nowhere on disk (database, WAL, logs) nor in the logs afterwards."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pdtest.aliyun_sms import SmsServer
from pdtest.pdd_server import PddServer
from pdtest.pdd_shop import PddShop
from pdtest.top_decrypt import kind, receiver
from pdtest.top_server import TopServer
from pdtest.top_shop import APP_KEY, SECRET, SESSION, synced_shop
from sqlalchemy import select

from app.persistence.rows import OrderRow, OutboxRow
from app.services.audit import Actor
from app.services.notices import queue_notice, set_template
from app.services.workspace import Workspace
from app.sync.gateway import RetryPolicy
from app.sync.notice_push import NoticeReport, add_sms_account
from app.sync.service import flush_outbox

ACTOR = Actor("seller", "bench-1")
FAST = RetryPolicy(attempts=2, backoff_s=0.0, max_backoff_s=0.0)
REASON = "仓库盘点"


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def sms() -> Iterator[SmsServer]:
    with SmsServer(access_key_id="LTAI-test", secret="sms-secret", sign_names=("好店",)) as server:
        yield server


@pytest.fixture
def top() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=31, n_trades=80) as server:
        yield server


@pytest.fixture
def shop(workspace: Workspace, top: TopServer, sms: SmsServer) -> Workspace:
    """The workspace with the TOP gateway's shop synced and an SMS account whose `delay` template is approved."""
    synced_shop(workspace, top)
    _account(workspace, sms)
    return workspace


def _account(ws: Workspace, sms: SmsServer) -> None:
    now = datetime.now(UTC)
    with ws.session_factory.begin() as session:
        add_sms_account(session, ws.data_dir, name="阿里云", provider="aliyun-sms", gateway=sms.url,
                        access_key_id="LTAI-test", sign_name="好店", secret="sms-secret", now=now)  # fmt: skip
        sms.templates["SMS_1001"] = set_template(session, "delay", code="SMS_1001", body=None, now=now)["body"]


def _notice(ws: Workspace, order_no: str) -> int:
    with ws.session_factory.begin() as session:
        queued = queue_notice(session, order_no, "delay", actor=ACTOR, now=datetime.now(UTC), reason=REASON,
                              day=(datetime.now(UTC) + timedelta(days=3)).date())  # fmt: skip
    assert queued.channel == "sms" and "*" in queued.phone  # queued with the mask only
    return queued.id


def _flush(ws: Workspace) -> NoticeReport:
    report = flush_outbox(ws.session_factory, ws.data_dir, retry=FAST, now_too=True).notices
    assert report is not None
    return report


def _payloads(ws: Workspace) -> dict[int, tuple[str, dict]]:
    with ws.session_factory() as session:
        rows = session.execute(select(OutboxRow).where(OutboxRow.kind == "notice")).scalars().all()
        return {r.id: (r.state, dict(r.payload)) for r in rows}


def _nowhere(ws: Workspace, caplog: pytest.LogCaptureFixture, numbers: list[str]) -> None:
    """None of `numbers` is in any file of the data directory (the database, its WAL, the logs) or the log records."""
    blob = b"".join(p.read_bytes() for p in ws.data_dir.rglob("*") if p.is_file())  # the WAL too, while open
    ws.engine.dispose()  # checkpointed into the file too: nothing held back in memory
    blob += b"".join(p.read_bytes() for p in ws.data_dir.rglob("*") if p.is_file())
    for number in numbers:
        assert number.encode() not in blob, number
        assert number[3:].encode() not in blob, number  # nor its middle and end (as a masked number would not hold)
        assert number not in caplog.text, number


def _trades(top: TopServer, ws: Workspace, which: str, n: int = 1) -> list[str]:
    with ws.session_factory() as session:
        waiting = set(session.scalars(select(OrderRow.order_no).where(OrderRow.status == "awaiting_shipment")))
    found = [t for t in sorted(waiting) if kind(t) == which]
    assert len(found) >= n
    return found[:n]


def test_the_sms_goes_to_the_platforms_number_and_the_number_stays_nowhere(
    shop: Workspace, top: TopServer, sms: SmsServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    (virtual,) = _trades(top, shop, "virtual")
    (real,) = _trades(top, shop, "real")
    (extension,) = _trades(top, shop, "extension")
    ids = {order: _notice(shop, order) for order in (virtual, real, extension)}
    now = datetime.now(UTC)
    numbers = {order: receiver(top.trade(order), now)["mobile"] for order in ids}
    assert numbers[virtual].startswith("170") and "-" in numbers[extension]

    for entry, (state, payload) in _payloads(shop).items():  # before: the mask and the mark, no number
        assert payload["platform_number"] is True and "****" in payload["phone"] and state == "pending", entry

    report = _flush(shop)
    assert (report.sent, report.copied, report.failed) == (2, 1, 0)
    assert sorted((m["phone"], m["out_id"]) for m in sms.sent) == sorted(
        [(numbers[virtual], str(ids[virtual])), (numbers[real], str(ids[real]))]
    )  # the platform's numbers, the virtual one as it is
    assert len(top.decrypt_calls) == 3
    query = json.loads(top.decrypt_calls[0]["query_list"])
    assert query[0]["scene"] == "2002" and query[0]["oaid"] == top.trade(query[0]["tid"])["oaid"]

    payloads = _payloads(shop)
    state, copied = payloads[ids[extension]]
    assert state == "done" and copied["channel"] == "copy" and copied["platform_number"] is True
    assert "virtual number with an extension" in report.errors[0]["reason"]
    assert {payloads[ids[o]][0] for o in (virtual, real)} == {"done"}
    assert all("****" in p["phone"] for _, p in payloads.values())
    with shop.session_factory() as session:
        audit = [r for r in session.execute(select(OutboxRow.last_error)).scalars() if r]
    assert all(n not in str(audit) for n in numbers.values())
    _nowhere(shop, caplog, [n.split("-")[0] for n in numbers.values()])


def test_exactly_once_across_a_lost_answer_asking_the_platform_again(
    shop: Workspace, top: TopServer, sms: SmsServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    (order,) = _trades(top, shop, "virtual")
    entry = _notice(shop, order)
    number = receiver(top.trade(order), datetime.now(UTC))["mobile"]

    sms.faults.drop_after_apply = 1.0  # the provider takes it, the answer is lost
    lost = _flush(shop)
    assert lost.retry_later == 1 and len(sms.sent) == 1
    sms.faults.reset()
    again = _flush(shop)  # looked up with the number asked again: found, not sent twice
    assert again.verified == 1 and again.sent == 0
    assert [(m["phone"], m["out_id"]) for m in sms.sent] == [(number, str(entry))]
    assert len(top.decrypt_calls) == 2
    assert _flush(shop).sent == 0 and len(sms.sent) == 1
    _nowhere(shop, caplog, [number])


def test_a_stale_oaid_stops_the_notice_with_why_and_a_platform_offline_keeps_it(
    shop: Workspace, top: TopServer, sms: SmsServer
) -> None:
    stale, later = _trades(top, shop, "real", 2)
    first = _notice(shop, stale)
    top.modify(stale, oaid="f" * 32)  # the buyer changed the address: the cached oaid is no longer the trade's
    top.faults.only_methods = {"taobao.top.oaid.decrypt"}
    top.faults.server_error = 1.0
    second = _notice(shop, later)
    report = _flush(shop)
    assert report.failed == 0 and report.retry_later == 2 and sms.sent == []  # the platform cannot be asked: waits
    top.faults.reset()
    report = _flush(shop)
    assert (report.failed, report.sent) == (1, 1)
    (error,) = report.errors
    assert error["id"] == first and "oaid is out of date" in error["reason"] and "sync the shop" in error["reason"]
    assert [m["out_id"] for m in sms.sent] == [str(second)]
    assert _payloads(shop)[first][0] == "failed"


def test_an_expired_virtual_number_is_for_the_chat_window(shop: Workspace, top: TopServer, sms: SmsServer) -> None:
    (order,) = _trades(top, shop, "virtual")
    top.receivers[order] = {"secret_no_expire_time": "2020-01-01 00:00:00"}
    entry = _notice(shop, order)
    report = _flush(shop)
    assert report.copied == 1 and sms.sent == [] and "has expired" in report.errors[0]["reason"]
    assert _payloads(shop)[entry][1]["channel"] == "copy"


@pytest.fixture
def pdd() -> Iterator[PddServer]:
    with PddServer() as server:
        yield server


def test_pdd_decrypts_the_phone_and_an_extension_goes_to_the_chat_window(
    workspace: Workspace, pdd: PddServer, sms: SmsServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    shop = PddShop(workspace, pdd)
    (plain,) = shop.orders(1, phone="13912345678")
    _account(workspace, sms)
    first = _notice(workspace, plain)
    report = _flush(workspace)
    assert report.sent == 1 and [(m["phone"], m["out_id"]) for m in sms.sent] == [("13912345678", str(first))]
    assert shop.desk.decrypt_calls == 1

    (extension,) = shop.orders(1, phone="17012345678-1234")  # the buyer's new receiver: 隐私号的四位分机号
    second = _notice(workspace, extension)
    report = _flush(workspace)
    assert report.copied == 1 and len(sms.sent) == 1
    assert _payloads(workspace)[second][1]["channel"] == "copy"
    _nowhere(workspace, caplog, ["13912345678", "17012345678"])

"""Acceptance: after dispatch, the routes the loopback TOP gateway gives (taobao.logistics.trace.search) raise the right
risks in `packdesk risks`, and new neutral and bad ratings (taobao.traderates.get) raise alerts once, with an SMS to
the seller's own number when one is set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pdtest.aliyun_sms import SmsServer
from pdtest.top_server import TopServer, TradeGenerator
from pdtest.waybill_desk import APP_KEY, SECRET, SESSION, Desk

from app.domain.parcel_risk import Risk, TraceStep, assess
from app.services.audit import Actor
from app.services.workspace import open_workspace
from app.sync.after_sale import after_sale_round


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=31, n_trades=12) as server:
        yield server


@pytest.fixture
def desk(packdesk_cmd: list[str], tmp_path: Path, srv: TopServer, monkeypatch: pytest.MonkeyPatch) -> Desk:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    monkeypatch.setenv("PACKDESK_SMS_SECRET", "sms-secret")
    d = Desk(packdesk_cmd, tmp_path / "data")
    added = d.run("shop", "add", "淘宝店", "--platform", "taobao", "--gateway", srv.url, "--app-key", APP_KEY)
    assert added.returncode == 0, added.stderr
    d.ok("sync")
    return d


def _ship(desk: Desk, n: int) -> list[tuple[str, str]]:
    orders = [o["order_no"] for o in desk.ok("orders", "--status", "awaiting_shipment", "--limit", str(n))]
    gen = TradeGenerator(77)
    shipped = []
    for order_no in orders:
        number = gen.tracking_number("ZTO")
        desk.ok("ship", order_no, "--carrier", "ZTO", "--tracking", number)
        shipped.append((order_no, number))
    return shipped


def test_routes_from_the_gateway_raise_the_right_risks(desk: Desk, srv: TopServer) -> None:
    (moving, back, guard, home, late, still) = _ship(desk, 6)
    now = datetime.now(UTC)
    steps = {
        moving: [
            (now, "【杭州市】中通快递 已揽收", "GOT"),
            (now + timedelta(minutes=1), "快件已发往 上海中转部", "DEPARTURE"),
        ],
        back: [(now, "已揽收", "GOT"), (now + timedelta(minutes=1), "收件人拒收，快件已退回", "TMS_RETURN")],
        guard: [
            (now, "已揽收", "GOT"),
            (now + timedelta(minutes=1), "已签收，签收人：门卫，感谢使用中通快递", "SIGNED"),
        ],
        home: [(now, "已揽收", "GOT"), (now + timedelta(minutes=1), "已签收，签收人：本人", "SIGNED")],
        late: [(now, "卖家已发货", "CONSIGN")],  # never picked up
        still: [(now, "已揽收", "GOT")],  # picked up, then nothing
    }
    for (order_no, number), route in steps.items():
        srv.after_sale.set_trace(order_no, out_sid=number, company="中通快递", steps=route)

    refreshed = desk.ok("risks", "refresh")
    assert refreshed["refresh"]["traced"] == 6 and refreshed["refresh"]["errors"] == []
    risks = {r["order_no"]: r for r in refreshed["risks"]}
    assert set(risks) == {back[0], guard[0]}  # nothing else is late yet
    assert risks[back[0]]["risk"] == "returned" and "退回" in risks[back[0]]["reason"]
    assert risks[guard[0]]["risk"] == "signed_by_other" and "门卫" in risks[guard[0]]["reason"]
    assert risks[guard[0]]["tracking_no"] == guard[1] and len(risks[guard[0]]["trace"]) == 2
    assert desk.ok("risks") == refreshed["risks"]

    # a day later: the parcel never collected is at risk; two days and more: the one standing still too
    ws = open_workspace(desk.data_dir)
    try:
        after_sale_round(ws.session_factory, ws.data_dir, Actor("test", "bench"), now + timedelta(hours=25))
        at_25h = {r["order_no"]: r["risk"] for r in desk.ok("risks")}
        assert at_25h == {back[0]: "returned", guard[0]: "signed_by_other", late[0]: "no_pickup"}
        after_sale_round(ws.session_factory, ws.data_dir, Actor("test", "bench"), now + timedelta(hours=49))
    finally:
        ws.close()
    at_49h = {r["order_no"]: r for r in desk.ok("risks")}
    assert at_49h[still[0]]["risk"] == "stalled" and "No movement for 49 hours" == at_49h[still[0]]["reason"]
    assert at_49h[moving[0]]["risk"] == "stalled"  # its last step is two days old by now
    assert home[0] not in at_49h  # delivered to the buyer: no longer watched
    assert desk.query("SELECT status FROM parcel_traces t JOIN packages p ON p.id = t.package_id "
                      "WHERE p.tracking_no = ?", home[1]) == [("delivered",)]  # fmt: skip


def test_bad_and_neutral_ratings_raise_alerts_once_and_tell_the_seller(desk: Desk, srv: TopServer) -> None:
    with SmsServer(access_key_id="LTAI-test", secret="sms-secret") as sms:
        desk.ok(
            "notify", "add-account", "阿里云", "--provider", "aliyun-sms", "--gateway", sms.url,
            "--access-key-id", "LTAI-test", "--sign-name", "好店",
        )  # fmt: skip
        sms.templates["SMS_2001"] = desk.ok("notify", "template", "review_alert", "--code", "SMS_2001")["body"]
        desk.ok("notify", "settings", "--seller-phone", "13600001111")
        orders = [o["order_no"] for o in desk.ok("orders", "--limit", "3")]
        now = datetime.now(UTC)
        srv.after_sale.rate(
            orders[0], result="bad", nick="买家甲", content="发货太慢", created=now - timedelta(hours=2)
        )
        srv.after_sale.rate(
            orders[1], result="neutral", nick="买家乙", content="一般", created=now - timedelta(hours=1)
        )
        srv.after_sale.rate(orders[2], result="good", nick="买家丙", content="很好", created=now - timedelta(hours=1))

        first = desk.ok("risks", "refresh")["refresh"]
        assert first["alerts"] == 2 and first["errors"] == []
        alerts = desk.ok("alerts")
        assert {(a["order_no"], a["result"], a["content"]) for a in alerts} == {
            (orders[0], "bad", "发货太慢"), (orders[1], "neutral", "一般"),
        }  # fmt: skip
        assert desk.ok("risks", "refresh")["refresh"]["alerts"] == 0  # seen already: raised once

        assert desk.ok("outbox", "flush")["notices"]["sent"] == 2
        to_seller = sms.sent_to("13600001111")
        assert sorted(m["params"]["order_no"] for m in to_seller) == sorted(orders[:2])
        assert any("发货太慢" in m["content"] for m in to_seller)
        desk.ok("alerts", "--seen", str(alerts[0]["id"]))
        assert [a["id"] for a in desk.ok("alerts", "--unseen")] == [alerts[1]["id"]]


@pytest.mark.parametrize(
    ("desc", "action", "risk"),
    [
        ("已签收，签收人：丰巢快递柜", "SIGNED", Risk.SIGNED_BY_OTHER),
        ("您的快件已由菜鸟驿站代收", "SIGNED", Risk.SIGNED_BY_OTHER),
        ("已签收，签收人：本人", "SIGNED", None),
        ("快件已签收，签收人：收件人", "", None),
        ("拒收，退回寄件人", "", Risk.RETURNED),
        ("快件已到达 上海中转部", "ARRIVAL", None),
        ("已签收，签收人：张三", "SIGNED", None),  # the receiver by name (张** in the cache)
        ("已签收，签收人：李四", "SIGNED", Risk.SIGNED_BY_OTHER),
        ("已签收，签收人：张江路菜鸟驿站", "SIGNED", Risk.SIGNED_BY_OTHER),  # the same first character, a station
    ],
)
def test_a_last_step_says_what_it_means(desc: str, action: str, risk: Risk | None) -> None:
    t0 = datetime(2026, 12, 1, 8, tzinfo=UTC)
    steps = [TraceStep(t0, "已揽收", "GOT"), TraceStep(t0 + timedelta(hours=3), desc, action)]
    assert assess(t0, steps, t0 + timedelta(hours=4), receiver="张**").risk == risk


@pytest.mark.parametrize(
    ("desc", "action", "risk"),
    [
        ("卖家已发货，等待揽收", "", Risk.NO_PICKUP),  # waiting for the pickup is no pickup
        ("【杭州市】快递员已揽件", "", Risk.STALLED),
        ("已收件", "", Risk.STALLED),
    ],
)
def test_a_first_step_says_whether_the_carrier_has_it(desc: str, action: str, risk: Risk) -> None:
    t0 = datetime(2026, 12, 1, 8, tzinfo=UTC)
    assert assess(t0, [TraceStep(t0, desc, action)], t0 + timedelta(hours=50)).risk == risk

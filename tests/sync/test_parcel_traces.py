"""Acceptance: after dispatch, the routes of Pinduoduo parcels (pdd.logistics.ordertrace.get on the loopback PDD
gateway) and of parcels no platform traces (Kuaidi100's real-time query on the loopback Kuaidi100 API: numbers a
Kuaidi100 account issued, parcels of shops filled by imports) raise the right risks in `packdesk risks`; a refused
signature or a source that cannot be reached is reported per parcel while the other sources are read; a parcel's
trace is stored once, however many rounds read it."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pdtest.kuaidi100_server import Kuaidi100Server
from sqlalchemy import func, select, update

from app.cli import main
from app.domain.parcel_risk import Risk, TraceStep, assess, kuaidi100_action
from app.persistence.rows import OrderRow, PackageRow, ParcelTraceRow, WaybillAccountRow
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService
from app.services.shipping import ship_order
from app.services.waybills import NumberRoll, WaybillProviders
from app.services.workspace import Workspace
from app.sync.after_sale import AfterSaleReport, after_sale_round
from app.sync.gateway import RetryPolicy
from app.sync.outbox import Backoff, OutboxWorker
from app.sync.service import client_factory
from app.sync.shops import Credentials
from app.sync.waybills.kuaidi100 import Kuaidi100Provider
from printers.registry import open_printer
from tests.pdtest.pdd_server import PddServer
from tests.pdtest.pdd_shop import CLIENT_ID, SECRET, TOKEN, PddShop, tracking

ACTOR = Actor("test", "bench")
KEY, LABEL_SECRET = "kd-key", "kd-secret"
PARTNER_ID, PARTNER_KEY = "ZT-0571-8801", "branch-pass"


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")  # no desktop keyring in CI: the 0600 file stands in
    monkeypatch.setenv("PACKDESK_LANG", "en")


@pytest.fixture
def pdd() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=9) as server:
        yield server


@pytest.fixture
def kd() -> Iterator[Kuaidi100Server]:
    with Kuaidi100Server(KEY, LABEL_SECRET, seed=4, customer="KD-CUST-88") as server:
        server.add_branch("zhongtong", PARTNER_ID, PARTNER_KEY, balance=50)
        yield server


def cli(ws: Workspace, *args: str) -> Any:
    out = io.StringIO()
    assert main([*args, "--json", "--data-dir", str(ws.data_dir)], out=out) == 0
    return json.loads(out.getvalue())


def set_tracking_account(ws: Workspace, kd: Kuaidi100Server, monkeypatch: pytest.MonkeyPatch, key: str = KEY) -> None:
    monkeypatch.setenv("PACKDESK_KD100_KEY", key)
    shown = cli(ws, "tracking", "add", "快递100查询", "--customer", kd.customer, "--gateway", kd.query_url)
    assert shown == {"name": "快递100查询", "provider": "kuaidi100", "gateway": kd.query_url, "customer": kd.customer}


def pdd_shipped(ws: Workspace, srv: PddServer, n: int) -> tuple[PddShop, list[str]]:
    """`n` PDD orders shipped with YTO here and at PDD (their ship-backs delivered)."""
    shop = PddShop(ws, srv)
    shop.shipped(n)
    worker = OutboxWorker(
        ws.session_factory, client_factory(ws.data_dir, RetryPolicy(attempts=2, backoff_s=0, max_backoff_s=0)),
        backoff=Backoff(base_s=0, max_s=0),
    )  # fmt: skip
    try:
        assert worker.flush().sent == n
    finally:
        worker.close()
    return shop, [tracking(k) for k in range(1, n + 1)]


def round_at(ws: Workspace, now: datetime) -> AfterSaleReport:
    return after_sale_round(ws.session_factory, ws.data_dir, ACTOR, now)


def traces(ws: Workspace) -> int:
    with ws.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(ParcelTraceRow)) or 0)


def test_pdd_routes_raise_the_right_risks_and_each_trace_is_stored_once(workspace: Workspace, pdd: PddServer) -> None:
    shop, (moving, back, locker, home, late, still) = pdd_shipped(workspace, pdd, 6)
    now = datetime.now(UTC)
    m = timedelta(minutes=1)
    routes = {
        moving: [(now, "【杭州市】圆通速递 已揽收", "GOT"), (now + m, "快件已发往 上海转运中心", "DEPARTURE")],
        back: [(now, "已揽收", "GOT"), (now + m, "收件人拒签，快件退回中", "REJECTION")],
        locker: [(now, "已揽收", "GOT"), (now + m, "快件已由丰巢代签", "SIGN_ON_BEHALF")],
        home: [(now, "已揽收", "GOT"), (now + m, "已签收，签收人：张三", "SIGN")],
    }
    for number, route in routes.items():
        shop.desk.set_route(number, route)
    shop.desk.set_route(still, [(now, "已揽收", "GOT")])  # picked up, then nothing; `late`: no route at all

    first = round_at(workspace, now + 2 * m)
    assert first.errors == [] and first.traced == 6 and first.at_risk == 2
    risks = {r["tracking_no"]: r for r in cli(workspace, "risks")}
    assert set(risks) == {back, locker}
    assert risks[back]["risk"] == "returned" and "拒签" in risks[back]["reason"]
    assert risks[locker]["risk"] == "signed_by_other" and "丰巢" in risks[locker]["reason"]
    assert [s["action"] for s in risks[back]["trace"]] == ["GOT", "REJECTION"]  # oldest first, as PDD's times say
    (sent,) = [r for r in pdd.requests if r.get("mail_no") == back]
    assert (sent["type"], sent["company_code"]) == ("pdd.logistics.ordertrace.get", "YTO")

    # a day later the parcel never collected is at risk; two days later the one standing still too
    assert round_at(workspace, now + timedelta(hours=25)).at_risk == 3
    later = round_at(workspace, now + timedelta(hours=49))
    assert later.errors == [] and later.traced == 5  # the one delivered to the buyer is no longer asked
    risks = {r["tracking_no"]: r["risk"] for r in cli(workspace, "risks")}
    assert risks == {back: "returned", locker: "signed_by_other", late: "no_pickup", still: "stalled",
                     moving: "stalled"}  # fmt: skip
    assert shop.desk.trace_calls[home] == 1 and shop.desk.trace_calls[back] == 3
    assert traces(workspace) == 6  # three rounds, one trace per parcel


def print_kuaidi100_labels(ws: Workspace, kd: Kuaidi100Server, tmp_path: Path, n: int) -> list[tuple[str, str]]:
    """`n` demo orders printed with numbers from the demo group's ZTO account made a Kuaidi100 branch account, and
    shipped with them: (order number, tracking number)."""
    with ws.session_factory.begin() as s:
        s.execute(update(WaybillAccountRow).values(is_default=False))
        s.execute(
            update(WaybillAccountRow).where(WaybillAccountRow.carrier == "ZTO").values(
                kind="kuaidi100", is_default=True, gateway_url=kd.url, app_key=KEY,
                settings={"partner_id": PARTNER_ID, "order_prefix": "trace-"},
            )
        )  # fmt: skip
    provider = Kuaidi100Provider(lambda account: Credentials(LABEL_SECRET, PARTNER_KEY), sleep=lambda s: None)
    try:
        spooler = PrintService(
            ws.session_factory, open_printer(f"png://{tmp_path / 'labels'}"), ACTOR,
            waybills=WaybillProviders({"kuaidi100": lambda: provider, "roll": NumberRoll}),
        )  # fmt: skip
        orders = open_orders(ws, n)
        for order_no in orders:
            spooler.print_order(order_no)
    finally:
        provider.close()
    shipped = []
    for order_no in orders:
        with ws.session_factory() as s:
            number = s.scalar(
                select(PackageRow.tracking_no)
                .join(OrderRow)
                .where(OrderRow.order_no == order_no, PackageRow.state != "voided")
            )
        assert number in kd.live_numbers()
        ship_order(ws.session_factory, order_no, "ZTO", number, ACTOR, datetime.now(UTC))
        shipped.append((order_no, number))
    return shipped


def open_orders(ws: Workspace, n: int) -> list[str]:
    orders = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    found = [o.order_no for o in orders if all(ln.packable for ln in o.lines) and not o.tracking_no][:n]
    assert len(found) == n
    return found


def typed_numbers(ws: Workspace, carriers: list[str]) -> list[tuple[str, str]]:
    """Demo orders (shops filled by imports: no platform trace) shipped with numbers typed in."""
    shipped = []
    for k, (order_no, code) in enumerate(zip(open_orders(ws, len(carriers)), carriers, strict=True)):
        number = f"SF{1_234_567_890_100 + k}" if code == "SF" else f"7{k + 1}{5_000_000_000_000 + k}"[:14]
        ship_order(ws.session_factory, order_no, code, number, ACTOR, datetime.now(UTC))
        shipped.append((order_no, number))
    return shipped


def test_kuaidi100_routes_of_its_numbers_and_of_imported_shops_raise_the_right_risks(
    demo: Workspace, kd: Kuaidi100Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    labelled = print_kuaidi100_labels(demo, kd, tmp_path, 3)
    typed = typed_numbers(demo, ["ZTO", "ZTO", "SF"])
    assert round_at(demo, datetime.now(UTC)).traced == 0  # no tracking account yet: nothing is asked
    assert kd.calls["query"] == 0
    set_tracking_account(demo, kd, monkeypatch)
    (_, moving), (_, back), (_, guard) = labelled
    (_, late), (_, still), (sf_order, sf) = typed
    with demo.session_factory() as s:
        sf_phone = s.scalar(select(OrderRow.receiver_phone).where(OrderRow.order_no == sf_order)) or ""
    t = datetime.now(UTC).timestamp()
    routes = {
        moving: ("0", [(t, "【杭州市】快件已揽收", "1"), (t + 60, "快件已发往 上海", "0")]),
        back: ("6", [(t, "已揽收", "1"), (t + 60, "收件人拒收，快件退回寄件人", "6")]),
        guard: ("3", [(t, "已揽收", "1"), (t + 60, "已签收，签收人：门卫", "3")]),
        still: ("1", [(t, "快递员已揽件", "1")]),
    }
    for number, (state, steps) in routes.items():
        kd.set_route(number, com="zhongtong", state=state, steps=steps)
    kd.set_route(
        sf, com="shunfeng", state="3", steps=[(t, "已收取快件", "1"), (t + 60, "已签收，本人签收", "3")], phone=sf_phone
    )

    now = datetime.now(UTC) + timedelta(minutes=2)
    first = round_at(demo, now)
    assert first.errors == [] and first.traced == 6 and first.at_risk == 2
    refreshed = cli(demo, "risks")
    risks = {r["tracking_no"]: r for r in refreshed}
    assert {n: r["risk"] for n, r in risks.items()} == {back: "returned", guard: "signed_by_other"}
    assert "退回" in risks[back]["reason"] and "门卫" in risks[guard]["reason"]
    assert risks[back]["company"] == "zhongtong" and [s["action"] for s in risks[back]["trace"]] == ["GOT", "RETURN"]
    # what went over the wire: the customer, Kuaidi100's company code, the phone's last four digits, nothing more
    asked = {q["num"]: q for q in kd.queries}
    assert asked[sf] == {"com": "shunfeng", "num": sf, "phone": sf_phone[-4:], "resultv2": "1"}
    assert asked[moving]["com"] == "zhongtong" and set(asked) == {n for _, n in labelled + typed}

    later = round_at(demo, now + timedelta(hours=49))
    assert later.errors == [] and later.traced == 5  # the one signed for by its receiver is no longer asked
    risks = {r["tracking_no"]: r["risk"] for r in cli(demo, "risks")}
    assert risks == {back: "returned", guard: "signed_by_other", late: "no_pickup", still: "stalled",
                     moving: "stalled"}  # fmt: skip
    assert traces(demo) == 6


def test_a_refused_signature_or_an_unreachable_source_is_reported_per_parcel_and_the_others_are_read(
    demo: Workspace, kd: Kuaidi100Server, pdd: PddServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop, pdd_numbers = pdd_shipped(demo, pdd, 2)
    kd_numbers = [n for _, n in typed_numbers(demo, ["ZTO", "ZTO", "ZTO"])]
    now = datetime.now(UTC)
    for number in pdd_numbers:
        shop.desk.set_route(number, [(now, "已揽收", "GOT")])
    for number in kd_numbers:
        kd.set_route(number, com="zhongtong", state="1", steps=[(now.timestamp(), "已揽收", "1")])
    set_tracking_account(demo, kd, monkeypatch, key="not-the-key")

    refused = round_at(demo, now + timedelta(minutes=1))
    assert refused.traced == 2  # the PDD parcels; the Kuaidi100 account's signature is refused
    assert sorted(e["tracking_no"] for e in refused.errors) == sorted(kd_numbers)
    assert all("验证签名失败" in e["reason"] and "(503)" in e["reason"] for e in refused.errors)
    assert kd.codes["503"] == 1  # the account is refused once: its other parcels are not asked again this round
    assert traces(demo) == 2

    set_tracking_account(demo, kd, monkeypatch)  # the right key now; PDD's gateway cannot be reached
    pdd.faults.token_expired = True
    expired = round_at(demo, now + timedelta(minutes=2))
    assert expired.traced == 3 and sorted(e["tracking_no"] for e in expired.errors) == sorted(pdd_numbers)
    assert pdd.injected["token_expired"] == 1
    pdd.faults.token_expired = False

    kd.faults.drop = 100  # Kuaidi100 cannot be reached at all
    dropped = round_at(demo, now + timedelta(minutes=3))
    assert dropped.traced == 2 and sorted(e["tracking_no"] for e in dropped.errors) == sorted(kd_numbers)
    assert all("could not be reached" in e["reason"] for e in dropped.errors)
    kd.faults.reset()

    kd.faults.query_busy = 1  # busy once: asked again, nothing reported
    again = round_at(demo, now + timedelta(minutes=4))
    assert again.errors == [] and again.traced == 5 and again.at_risk == 0
    assert traces(demo) == 5  # every round replaced the parcel's trace, never added a second


def test_a_tracking_account_needs_its_key_and_a_known_provider(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["tracking", "add", "查询", "--customer", "C1", "--data-dir", str(workspace.data_dir)]
    monkeypatch.delenv("PACKDESK_KD100_KEY", raising=False)
    assert main(argv, out=io.StringIO()) != 0
    assert "PACKDESK_KD100_KEY" in capsys.readouterr().err
    monkeypatch.setenv("PACKDESK_KD100_KEY", "k")
    assert main([*argv, "--provider", "kuaidi99"], out=io.StringIO()) != 0
    assert "Unknown tracking provider 'kuaidi99'. Use one of: kuaidi100." in capsys.readouterr().err
    assert main([*argv, "--gateway", "poll.kuaidi100.com"], out=io.StringIO()) != 0
    assert "is not an http(s) address" in capsys.readouterr().err
    assert cli(workspace, "tracking", "list") == []  # nothing was stored
    assert main(argv, out=io.StringIO()) == 0
    (account,) = cli(workspace, "tracking", "list")
    assert account["gateway"] == "https://poll.kuaidi100.com/poll/query.do" and "k" not in account.values()


@pytest.mark.parametrize(
    ("state", "action"),
    [("0", "TRANSIT"), ("1", "GOT"), ("2", "FAILED"), ("3", "SIGNED"), ("4", "RETURN"), ("5", "SENT_SCAN"),
     ("6", "RETURN"), ("14", "REJECT"), ("揽收", "GOT"), ("已签收", "SIGNED"), ("拒签", "REJECT"), ("99", "")],
)  # fmt: skip
def test_kuaidi100_states_are_trace_actions(state: str, action: str) -> None:
    assert kuaidi100_action(state) == action


@pytest.mark.parametrize(
    ("steps", "risk"),
    [
        ([("快件到达 上海转运中心", "ARRIVAL")], Risk.STALLED),  # moving through the network: the carrier has it
        ([("快件已放入快递柜", "IN_ CABINET")], Risk.STALLED),  # PDD's spelling, with its space
        ([("已揽收", "GOT"), ("快件已由驿站代签", "SIGN_ON_BEHALF")], Risk.SIGNED_BY_OTHER),
        ([("已揽收", "GOT"), ("拒签", "REJECTION")], Risk.RETURNED),
        ([("运单信息已录入", "OTHER")], Risk.NO_PICKUP),
    ],
)
def test_pdd_actions_say_what_they_mean(steps: list[tuple[str, str]], risk: Risk) -> None:
    t0 = datetime(2026, 12, 1, 8, tzinfo=UTC)
    route = [TraceStep(t0 + timedelta(minutes=k), desc, action) for k, (desc, action) in enumerate(steps)]
    assert assess(t0, route, t0 + timedelta(hours=50), receiver="张**").risk == risk

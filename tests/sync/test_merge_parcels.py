"""Merged parcels (合并发货) of a Taobao shop against the loopback TOP gateway (real HTTP, signed calls, real SQLite):
the merge refuses different addresses and what the platform's merge check (taobao.top.oaid.merge) refuses; a merged
parcel is one waybill and one label with every order's lines, memos and messages, verified at the station as one
parcel whichever order number opens it; it ships back to every order exactly once, across a lost answer; undo works
before the label prints and is refused after; `orders --json` says which orders share a parcel and which could."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from pdtest.packing import ACTOR, names
from pdtest.top_server import TopServer, format_top_time
from pdtest.top_shop import APP_KEY, SECRET, SESSION, synced_shop
from sqlalchemy import select

from app.cli import main
from app.domain.enums import OutboxState
from app.domain.errors import InvalidInput
from app.domain.waybills import SenderAddress, WaybillAccount, WaybillRequest
from app.persistence.repositories import OrderRepository
from app.persistence.rows import AuditRow, OrderRow, OutboxRow, PackageRow
from app.services.merges import MergedParcel, merge_orders, unmerge_order
from app.services.printing import PrintService
from app.services.printing.label import preview_waybill
from app.services.shipping import ship_order
from app.services.waybills.ports import Issued
from app.services.workspace import Workspace
from app.station import Station
from app.sync.oaid_merge import OAID_MERGE, merge_groups, shop_merge_check
from app.sync.service import flush_outbox
from app.sync.shops import Credentials
from app.sync.taobao import TaobaoSync
from app.sync.top import Offline, RetryPolicy, TopClient, TopError
from app.sync.waybills.cainiao import CainiaoProvider
from printers.registry import open_printer

FAST = RetryPolicy(attempts=2, backoff_s=0.01, max_backoff_s=0.01)
TEMPLATE = "http://cloudprint.cainiao.com/template/standard/101/605"
SENDER = SenderAddress("1001", "浙江省", "杭州市", "余杭区", "仓前街道", "文一西路969号", "杭州仓", "13800000000")
ADDRESSEE = ("buyer_nick", "receiver_name", "receiver_mobile", "receiver_state", "receiver_city",
             "receiver_district", "receiver_town", "receiver_address", "oaid")  # fmt: skip


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=21, n_trades=40) as srv:
        yield srv


def _plain_waiting(server: TopServer) -> list[str]:
    """Waiting trades with nothing refunded and one line per SKU, oldest tid first."""
    found = []
    for tid, trade in sorted(server.trades_snapshot().items()):
        subs = trade["orders"]["order"]
        if trade["status"] != "WAIT_SELLER_SEND_GOODS" or trade.get("is_sh_ship"):
            continue
        if any(s.get("refund_status") not in (None, "", "NO_REFUND") for s in subs):
            continue
        if len({s.get("outer_sku_id") or s.get("sku_id") for s in subs}) != len(subs):
            continue
        found.append(tid)
    return found


@pytest.fixture
def trio(workspace: Workspace, server: TopServer) -> tuple[str, str, str]:
    """Three waiting trades of one buyer: a and b to the same addressee (same oaid), c to another address."""
    a, b, c = _plain_waiting(server)[:3]
    first = server.trade(a)
    same = {k: first[k] for k in ADDRESSEE if k in first}
    server.modify(b, **same)
    server.modify(c, **{**same, "receiver_address": "文三路 90 号 2 幢", "oaid": "f" * 32})
    server.modify(a, buyer_message="请放快递柜")
    server.modify(b, seller_memo="送小样")
    synced_shop(workspace, server)
    return a, b, c


def _run(ws: Workspace, *args: str) -> tuple[int, str]:
    out = StringIO()
    code = main(["--data-dir", str(ws.data_dir), *args], out=out)
    return code, out.getvalue()


def _links(ws: Workspace) -> dict[str, int | None]:
    with ws.session_factory() as s:
        return {no: lead for no, lead in s.execute(select(OrderRow.order_no, OrderRow.merged_into_id))}


def _orders_json(ws: Workspace) -> dict[str, dict]:
    code, text = _run(ws, "orders", "--json", "--limit", "1000")
    assert code == 0
    return {o["order_no"]: o for o in json.loads(text.splitlines()[-1])}


def test_merge_refuses_another_address_and_what_the_platform_refuses(
    workspace: Workspace, server: TopServer, trio: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c = trio
    before = _links(workspace)

    code, out = _run(workspace, "merge", a, c, "--json")
    assert code != 0 and out == ""
    err = capsys.readouterr().err
    assert "different receivers or addresses" in err and a in err and c in err
    assert _links(workspace) == before
    assert server.calls["taobao.top.oaid.merge"] == 0  # refused here, the platform not asked

    # The buyer changed b's address on Taobao after the last sync: the cache still has them equal, the platform not.
    server.modify(b, receiver_address="古墩路 1 号")
    code, out = _run(workspace, "merge", a, b)
    assert code != 0
    err = capsys.readouterr().err
    assert "Taobao's merge check does not let" in err and "Nothing was merged" in err
    assert _links(workspace) == before
    (asked,) = server.merge_checks
    assert sorted(json.loads(asked["merge_list"]), key=lambda e: e["tid"]) == sorted(
        [{"tid": a, "oaid": server.trade(a)["oaid"]}, {"tid": b, "oaid": server.trade(a)["oaid"]}],
        key=lambda e: e["tid"],
    )

    # The platform unreachable: refused with the reason, nothing merged.
    server.modify(b, receiver_address=server.trade(a)["receiver_address"])
    server.go_offline()
    with pytest.raises(InvalidInput) as refused:
        merge_orders(workspace.session_factory, [a, b], ACTOR, datetime.now(UTC), platform_check=_check(workspace))
    assert refused.value.msg.id == "merge.check_failed"
    assert _links(workspace) == before


def _check(ws: Workspace):  # type: ignore[no-untyped-def]
    return shop_merge_check(ws.data_dir, FAST)


def _merged(ws: Workspace, a: str, b: str) -> tuple[MergedParcel, str]:
    """`a` and `b` merged through the service (the platform asked), and the one that is not the lead."""
    parcel = merge_orders(ws.session_factory, [a, b], ACTOR, datetime.now(UTC), platform_check=_check(ws))
    return parcel, b if parcel.lead == a else a


def test_merged_parcel_one_label_verified_whole_and_shipped_back_to_each_once(
    workspace: Workspace, server: TopServer, trio: tuple[str, str, str], tmp_path: Path
) -> None:
    a, b, c = trio
    listed = _orders_json(workspace)
    assert listed[a]["mergeable_with"] == [b] and listed[b]["mergeable_with"] == [a]
    assert listed[c]["mergeable_with"] == [] and listed[a]["package"] is None

    code, out = _run(workspace, "merge", b, a, "--json")
    assert code == 0
    parcel = json.loads(out.splitlines()[-1])
    lead = parcel["lead"]
    assert sorted(parcel["orders"]) == sorted([a, b]) and parcel["orders"][0] == lead
    assert server.calls["taobao.top.oaid.merge"] == 1
    listed = _orders_json(workspace)
    assert listed[a]["package"] == listed[b]["package"] == parcel["package"]
    assert listed[a]["merged"] == listed[b]["merged"] == parcel["orders"]
    assert listed[a]["mergeable_with"] == listed[b]["mergeable_with"] == [] and listed[c]["package"] is None
    with workspace.session_factory() as s:
        assert s.scalars(select(AuditRow.action).where(AuditRow.entity_id == lead)).all() == ["merge"]

    # The label shows every order's lines, memo and message.
    label = preview_waybill(workspace.session_factory, lead, datetime.now(UTC))
    with workspace.session_factory() as s:
        rows = {r.order_no: r for r in s.scalars(select(OrderRow).where(OrderRow.order_no.in_([a, b])))}
        want = sorted((ln.sku, ln.qty) for r in rows.values() for ln in r.lines)
        scans = [f"BC-{ln.sku}" for r in rows.values() for ln in r.lines for _ in range(ln.qty)]
    assert len(rows[a].lines) >= 1 and len(rows[b].lines) >= 1
    assert sorted((i.sku, i.qty) for i in label.items) == want
    assert "请放快递柜" in label.buyer_message and "送小样" in label.seller_memo and b in label.seller_memo

    # A member's number opens the whole parcel; every unit of both orders is verified; one label prints.
    labels = tmp_path / "labels"
    bench = Station(workspace.session_factory, ACTOR, PrintService(workspace.session_factory,
                    open_printer(f"png://{labels}"), ACTOR))  # fmt: skip
    member = b if lead == a else a
    opened = bench.scan(member)
    assert names(opened) == ["order_opened"]
    events = [e for code in scans for e in bench.scan(code)]
    assert names(events).count("order_complete") == 1 and "label_printed" in names(events)
    assert "shipped" in names(events)
    assert len(list(labels.iterdir())) == 1
    with workspace.session_factory() as s:
        (package,) = s.scalars(select(PackageRow).where(PackageRow.order_id.in_([r.id for r in rows.values()])))
        assert s.get(OrderRow, package.order_id).order_no == lead and package.print_count == 1
        tracking = package.tracking_no
        assert {r.status for r in s.scalars(select(OrderRow).where(OrderRow.order_no.in_([a, b])))} == {"shipped"}
    listed = _orders_json(workspace)
    assert listed[a]["package"] == listed[b]["package"] == str(package.id)  # the parcel's id once it has a waybill
    assert listed[a]["tracking_no"] == listed[b]["tracking_no"] == tracking  # the member too: one waybill
    assert listed[a]["merged"] == parcel["orders"]

    # Undo after print: refused with the reason, nothing changes.
    with pytest.raises(InvalidInput) as refused:
        unmerge_order(workspace.session_factory, member, ACTOR, datetime.now(UTC))
    assert refused.value.msg.id == "unmerge.printed"

    # The ship-back of each order: the first answers are lost after the platform applied them.
    server.faults.drop_after_apply = 1.0
    server.faults.only_methods = frozenset({"taobao.logistics.offline.send"})
    first = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert first.sent == 0
    server.faults.reset()
    again = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST, now_too=True)
    assert again.sent + again.verified == 2
    flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST, now_too=True)
    assert server.ship_calls[a] == server.ship_calls[b] == 1
    for tid in (a, b):
        subs = server.trades_snapshot()[tid]["orders"]["order"]
        assert {s.get("invoice_no") for s in subs} == {tracking}
    with workspace.session_factory() as s:
        states = s.execute(select(OutboxRow.order_id, OutboxRow.state).where(OutboxRow.kind == "ship")).all()
    assert sorted(st for _, st in states) == [OutboxState.DONE.value] * 2
    assert {oid for oid, _ in states} == {r.id for r in rows.values()}


def test_unmerge_before_the_label_prints(workspace: Workspace, server: TopServer, trio: tuple[str, str, str]) -> None:
    a, b, _c = trio
    assert _run(workspace, "merge", a, b)[0] == 0
    code, out = _run(workspace, "merge", a, b)
    assert code != 0  # already together
    links = _links(workspace)
    assert sorted(v is None for v in (links[a], links[b])) == [False, True]
    code, out = _run(workspace, "unmerge", a, "--json")
    assert code == 0 and json.loads(out.splitlines()[-1])["unmerged"] == a
    links = _links(workspace)
    assert links[a] is None and links[b] is None
    listed = _orders_json(workspace)
    assert listed[a]["merged"] == [] and listed[a]["mergeable_with"] == [b]
    code, _ = _run(workspace, "unmerge", a)
    assert code != 0  # not merged any more


def test_the_merged_parcels_waybill_request_names_every_order(
    workspace: Workspace, server: TopServer, trio: tuple[str, str, str]
) -> None:
    a, b, _c = trio
    parcel, member = _merged(workspace, a, b)
    with workspace.session_factory() as s:
        stored = OrderRepository(s).stored(member)  # a member's number reads as the whole parcel
    assert stored is not None and stored.order.order_no == parcel.lead
    assert [p.order_no for p in stored.parts] == list(parcel.orders)
    request = WaybillRequest.of(stored.order, object_id="1")
    assert request.oaid == server.trade(a)["oaid"]
    provider = CainiaoProvider(lambda account: Credentials(SECRET, SESSION), retry=FAST, sleep=lambda s: None)
    try:
        account = WaybillAccount(7, "菜鸟中通", "cainiao", "ZTO", app_key=APP_KEY, gateway=server.url,
                                 settings={"template_url": TEMPLATE}, sender=SENDER)  # fmt: skip
        (answer,) = provider.issue(account, [request])
    finally:
        provider.close()
    assert isinstance(answer, Issued)
    (dto,) = server.cainiao.get_requests[-1]["trade_order_info_dtos"]
    assert dto["order_info"]["trade_order_list"] == list(parcel.orders)
    assert sorted(i["count"] for i in dto["package_info"]["items"]) == sorted(
        ln.qty for ln in stored.order.lines if ln.packable
    )


def test_a_sync_that_moves_an_order_elsewhere_takes_it_out_of_the_unprinted_parcel(
    workspace: Workspace, server: TopServer, trio: tuple[str, str, str]
) -> None:
    a, b, _c = trio
    parcel, member = _merged(workspace, a, b)
    # The buyer changed the address on Taobao (a later second than the fixture's changes: TOP times are in seconds).
    server.modify(
        member, receiver_address="古墩路 1 号", modified=format_top_time(datetime.now(UTC) + timedelta(seconds=2))
    )
    with workspace.session_factory() as s:
        shop_id = s.scalars(select(OrderRow.shop_id).where(OrderRow.order_no == a)).one()
    with TopClient(server.url, APP_KEY, SECRET, SESSION, retry=FAST) as client:
        # a sync clock past the settle margin, so the change just made falls in a window
        report = TaobaoSync(
            workspace.session_factory, shop_id, client, clock=lambda: datetime.now(UTC) + timedelta(seconds=30)
        ).run()
    assert report.updated >= 1
    assert _links(workspace)[member] is None
    with workspace.session_factory() as s:
        trail = s.scalars(select(AuditRow).where(AuditRow.entity_id == member).order_by(AuditRow.id)).all()
    assert [t.action for t in trail][-1] == "unmerge" and trail[-1].actor == "sync"
    listed = _orders_json(workspace)
    assert listed[a]["merged"] == listed[b]["merged"] == [] and listed[a]["mergeable_with"] == []


def test_the_gateways_merge_check_is_signed_and_decides_from_the_trades_it_holds(server: TopServer) -> None:
    a, b, c = _plain_waiting(server)[:3]
    first = server.trade(a)
    server.modify(b, **{k: first[k] for k in ADDRESSEE if k in first})
    oaid = first["oaid"]
    with TopClient(server.url, APP_KEY, SECRET, SESSION, retry=FAST) as client:
        groups = merge_groups(client, [(a, oaid), (b, oaid), (c, server.trade(c)["oaid"])])
        assert sorted(sorted(g) for g in groups) == sorted([sorted([a, b]), [c]])
        assert merge_groups(client, [(a, oaid), (b, "0" * 32)]) in ([[a], [b]], [[b], [a]])  # not b's own oaid
        with pytest.raises(TopError):
            merge_groups(client, [("1" * 18, oaid)])  # no such trade
        server.faults.only_methods = frozenset({OAID_MERGE})
        server.faults.server_error = 1.0
        with pytest.raises(Offline):
            merge_groups(client, [(a, oaid), (b, oaid)])
    server.faults.reset()
    with TopClient(server.url, APP_KEY, "not-the-secret", SESSION, retry=FAST) as client, pytest.raises(TopError):
        merge_groups(client, [(a, oaid), (b, oaid)])  # the signature is checked
    assert server.errors  # the gateway answered those with TOP error codes


# `packdesk outbox flush` killed (SIGKILL: no clean-up) right after the platform applied the first ship-back of the
# merged parcel, before PackDesk recorded the answer.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    import app.sync.top as top
    from app.cli import main

    real = top.TopClient.call

    def call_then_die(self, method, params=None, **kwargs):
        answer = real(self, method, params, **kwargs)
        if method == "taobao.logistics.offline.send":
            os.kill(os.getpid(), signal.SIGKILL)
        return answer

    top.TopClient.call = call_then_die
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_flush_killed_between_the_merged_orders_ship_backs_sends_each_once(
    workspace: Workspace, server: TopServer, trio: tuple[str, str, str], tmp_path: Path
) -> None:
    a, b, _c = trio
    parcel, member = _merged(workspace, a, b)
    shipped = ship_order(workspace.session_factory, member, "ZTO", "73600316247086", ACTOR, datetime.now(UTC))
    assert shipped.order_no == parcel.lead  # a member's number ships the whole parcel
    child = tmp_path / "child.py"
    child.write_text(CHILD, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, str(child), "--data-dir", str(workspace.data_dir), "outbox", "flush", "--json"],
        env={**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{root / 'tests'}", "PACKDESK_KEYRING": "file"},
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert sorted(server.ship_calls[t] for t in (a, b)) == [0, 1]  # one applied, its answer never recorded

    report = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST, now_too=True)
    assert report.verified == 1 and report.sent == 1
    assert server.ship_calls[a] == server.ship_calls[b] == 1
    for tid in (a, b):
        assert {s.get("invoice_no") for s in server.trades_snapshot()[tid]["orders"]["order"]} == {"73600316247086"}


def test_a_parcel_open_at_a_bench_is_neither_merged_nor_unmerged(
    workspace: Workspace, server: TopServer, trio: tuple[str, str, str], tmp_path: Path
) -> None:
    a, b, _c = trio
    bench = Station(workspace.session_factory, ACTOR, PrintService(workspace.session_factory,
                    open_printer(f"png://{tmp_path / 'labels'}"), ACTOR))  # fmt: skip
    assert names(bench.scan(a)) == ["order_opened"]
    before = _links(workspace)
    with pytest.raises(InvalidInput) as refused:
        _merged(workspace, a, b)
    assert refused.value.msg.id == "merge.at_bench" and ACTOR.station in refused.value.msg.render()
    assert _links(workspace) == before

    assert bench.park() is not None  # set aside: taking it up reads the order as it is then
    parcel, member = _merged(workspace, a, b)
    assert names(bench.scan(member)) == ["order_opened"]  # the whole parcel, open at the bench
    with pytest.raises(InvalidInput) as refused:
        unmerge_order(workspace.session_factory, member, ACTOR, datetime.now(UTC))
    assert refused.value.msg.id == "unmerge.at_bench"
    assert _links(workspace)[member] is not None

"""Split parcels (拆单) of a Taobao shop against the loopback TOP gateway (real HTTP, real SQLite): the bench expects
only the split parcel's lines, its ship-back names only its sub-orders (sub_tid, is_split=1), the order is partly
shipped until the second parcel ships the rest with its own sub_tid, a later sync keeps that state, and a lost answer
or a crash after the call never ships a parcel twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdtest.packing import ACTOR, names
from pdtest.top_server import TopServer
from pdtest.top_shop import APP_KEY, SECRET, SESSION, synced_shop
from sqlalchemy import select, update

from app.domain.enums import OrderStatus, OutboxState
from app.domain.errors import InvalidInput
from app.domain.splits import parse_lines
from app.persistence.repositories import OrderRepository
from app.persistence.rows import OrderRow, OutboxRow, ShopRow
from app.services.printing import PrintService
from app.services.shipping import ship_order
from app.services.splits import split_order
from app.services.workspace import Workspace
from app.station import Station
from app.sync.service import flush_outbox
from app.sync.taobao import TaobaoSync
from app.sync.top import RetryPolicy, TopClient
from printers.registry import open_printer

FAST = RetryPolicy(attempts=2, backoff_s=0.01, max_backoff_s=0.01)


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=8, n_trades=60) as srv:
        yield srv


def three_line_trade(srv: TopServer, *, first_qty: int | None = None) -> tuple[str, list[str]]:
    """A waiting trade of 3+ sub-orders of different SKUs, nothing refunded: its tid and oids (the first one's
    quantity set to `first_qty` before the shop syncs)."""
    for tid, trade in sorted(srv.trades_snapshot().items()):
        subs = trade["orders"]["order"]
        if (
            trade["status"] == "WAIT_SELLER_SEND_GOODS"
            and not trade.get("is_sh_ship")
            and len(subs) >= 3
            and len({s.get("outer_sku_id") for s in subs}) == len(subs)
            and all(s.get("refund_status") in (None, "", "NO_REFUND") for s in subs)
            and all(s.get("status") == "WAIT_SELLER_SEND_GOODS" for s in subs)
        ):
            oids = [s["oid_str"] for s in subs]
            if first_qty is not None:
                srv.modify_order(tid, oids[0], num=first_qty)
            return tid, oids
    raise AssertionError("the gateway has no 3-line waiting trade")


def resync(ws: Workspace, srv: TopServer) -> None:
    with ws.session_factory() as session:
        shop_id = session.scalar(select(ShopRow.id))
    with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST) as client:
        TaobaoSync(ws.session_factory, shop_id, client).run()


def stored(ws: Workspace, tid: str):  # type: ignore[no-untyped-def]
    with ws.session_factory() as session:
        found = OrderRepository(session).stored(tid, barcodes=True)
    assert found is not None
    return found


def scans_for(ws: Workspace, tid: str, oids: list[str], units: dict[str, int] | None = None) -> list[str]:
    """What a packer scans for the lines `oids` of `tid` (all their units, or `units` of each)."""
    order = stored(ws, tid).order
    return [
        ln.barcodes[0] for ln in order.lines if ln.line_no in oids for _ in range((units or {}).get(ln.line_no, ln.qty))
    ]


def ship_entries(ws: Workspace) -> list[dict]:  # type: ignore[type-arg]
    with ws.session_factory() as session:
        return [dict(p) for p in session.scalars(select(OutboxRow.payload).where(OutboxRow.kind == "ship"))]


def test_split_parcel_verified_shipped_back_per_sub_order_then_the_rest(
    workspace: Workspace, server: TopServer, tmp_path: Path
) -> None:
    synced_shop(workspace, server)
    tid, oids = three_line_trade(server)
    result = split_order(workspace.session_factory, tid, [(oids[0], None)], ACTOR, datetime.now(UTC))
    assert [p.line_no for p in result.parcel] == [oids[0]] and result.reported == (oids[0],)
    assert {p.line_no for p in result.staying} == set(oids[1:])

    printer = PrintService(workspace.session_factory, open_printer(f"png://{tmp_path / 'labels'}"), ACTOR)
    station = Station(workspace.session_factory, ACTOR, printer)
    first = scans_for(workspace, tid, [oids[0]])
    opened = station.scan(tid)
    assert names(opened) == ["order_opened"] and opened[0].total == len(first)  # only the split parcel's units
    wrong = station.scan(scans_for(workspace, tid, [oids[1]])[0])  # a line that stays is not in this parcel
    assert names(wrong) == ["wrong_item"]
    events = [e for code in first for e in station.scan(code)]
    assert names(events)[-3:] == ["order_complete", "label_printed", "shipped"]
    number_1 = events[-1].tracking_no

    after = stored(workspace, tid)
    assert after.order.status is OrderStatus.PARTLY_SHIPPED and after.package is None  # the next parcel: no waybill
    assert [ln.shipped for ln in after.order.lines] == [True] + [False] * (len(oids) - 1)
    assert ship_entries(workspace)[0]["line_nos"] == [oids[0]] and ship_entries(workspace)[0]["partial"] is True

    report = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert report.sent == 1 and report.failed == 0
    assert server.shipments[-1] == {"tid": tid, "out_sid": number_1, "company_code": "ZTO", "oids": [oids[0]]}
    trade = server.trade(tid)
    assert trade["status"] == "SELLER_CONSIGNED_PART"

    resync(workspace, server)  # the platform's SELLER_CONSIGNED_PART: still partly shipped, the same line shipped
    again = stored(workspace, tid).order
    assert again.status is OrderStatus.PARTLY_SHIPPED
    assert [ln.line_no for ln in again.lines if ln.shipped] == [oids[0]]

    rest = scans_for(workspace, tid, oids[1:])
    opened = station.scan(tid)
    assert names(opened) == ["order_opened"] and opened[0].total == len(rest)
    events = [e for code in rest for e in station.scan(code)]
    assert names(events)[-1] == "shipped"
    number_2 = events[-1].tracking_no
    assert number_2 != number_1
    assert stored(workspace, tid).order.status is OrderStatus.SHIPPED

    report = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert report.sent == 1
    assert server.shipments[-1] == {"tid": tid, "out_sid": number_2, "company_code": "ZTO", "oids": oids[1:]}
    assert server.trade(tid)["status"] == "WAIT_BUYER_CONFIRM_GOODS" and server.ship_calls[tid] == 2
    resync(workspace, server)
    assert stored(workspace, tid).order.status is OrderStatus.SHIPPED


def test_quantity_split_reports_a_sub_order_with_its_last_units(workspace: Workspace, server: TopServer) -> None:
    tid, oids = three_line_trade(server, first_qty=3)
    synced_shop(workspace, server)
    now = datetime.now(UTC)
    with pytest.raises(InvalidInput) as refused:  # 2 of 3 units only: no sub-order done, no tracking for the buyer
        split_order(workspace.session_factory, tid, parse_lines(f"{oids[0]}:2"), ACTOR, now)
    assert refused.value.msg.id == "split.completes_none"
    result = split_order(workspace.session_factory, tid, parse_lines(f"{oids[0]}:2,{oids[1]}"), ACTOR, now)
    assert result.reported == (oids[1],)
    assert [(p.line_no, p.qty) for p in result.staying][0] == (oids[0], 1)

    ship_order(workspace.session_factory, tid, "ZTO", "73600316247086", ACTOR, now)
    order = stored(workspace, tid).order
    first = order.lines[0]
    assert order.status is OrderStatus.PARTLY_SHIPPED
    assert (first.sent, first.shipped, first.units) == (2, False, 1)  # the next parcel carries its last unit
    assert flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST).sent == 1
    assert server.shipments[-1]["oids"] == [oids[1]]
    resync(workspace, server)
    order = stored(workspace, tid).order
    assert order.status is OrderStatus.PARTLY_SHIPPED and (order.lines[0].sent, order.lines[0].units) == (2, 1)

    ship_order(workspace.session_factory, tid, "ZTO", "73600316247093", ACTOR, now)
    assert flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST).sent == 1
    assert server.shipments[-1]["oids"] == [oids[0], *oids[2:]]
    assert server.trade(tid)["status"] == "WAIT_BUYER_CONFIRM_GOODS"
    assert stored(workspace, tid).order.status is OrderStatus.SHIPPED


def test_a_lost_answer_or_a_crash_after_the_call_ships_the_parcel_once(workspace: Workspace, server: TopServer) -> None:
    synced_shop(workspace, server)
    tid, oids = three_line_trade(server)
    now = datetime.now(UTC)
    split_order(workspace.session_factory, tid, [(oids[0], None), (oids[1], None)], ACTOR, now)
    ship_order(workspace.session_factory, tid, "ZTO", "73600316247086", ACTOR, now)

    server.faults.drop_after_apply = 1  # offline.send applies, then the connection closes without an answer
    lost = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert lost.sent == 0 and lost.retry_later == 1
    server.faults.drop_after_apply = 0
    found = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST, now_too=True)
    assert found.verified == 1 and found.sent == 0
    assert server.ship_calls[tid] == 1 and server.shipments[-1]["oids"] == oids[:2]

    # the second parcel: the process is killed after the platform applied its call and before it recorded the answer
    # (its entry was claimed, `sending`, and committed before the call: app.sync.outbox)
    ship_order(workspace.session_factory, tid, "ZTO", "73600316247093", ACTOR, now)
    with TopClient(server.url, APP_KEY, SECRET, SESSION, retry=FAST) as client:
        client.call(
            "taobao.logistics.offline.send",
            {"tid": tid, "out_sid": "73600316247093", "company_code": "ZTO", "sub_tid": ",".join(oids[2:]),
             "is_split": 1},
            write=True,
        )  # fmt: skip
    with workspace.session_factory.begin() as session:
        session.execute(
            update(OutboxRow).where(OutboxRow.state == OutboxState.PENDING.value).values(state="sending", attempts=1)
        )
    after_crash = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert after_crash.verified == 1 and after_crash.sent == 0
    assert server.ship_calls[tid] == 2 and server.trade(tid)["status"] == "WAIT_BUYER_CONFIRM_GOODS"
    with workspace.session_factory() as session:
        assert set(session.scalars(select(OutboxRow.state))) == {OutboxState.DONE.value}
        assert session.scalar(select(OrderRow.status).where(OrderRow.order_no == tid)) == OrderStatus.SHIPPED.value


def test_split_ship_backs_land_once_across_kill_9(packdesk_cmd: list[str], tmp_path: Path, server: TopServer) -> None:
    """`packdesk outbox flush` as a real subprocess, killed with SIGKILL after the platform applied the split parcel's
    offline.send and before its answer arrived: the next round reads the trade back instead of sending again."""
    import signal

    from pdtest.waybill_desk import Desk

    desk = Desk(packdesk_cmd, tmp_path / "cli")
    added = desk.run("shop", "add", "淘宝店", "--platform", "taobao", "--gateway", server.url, "--app-key", APP_KEY)
    assert added.returncode == 0, added.stderr
    desk.ok("sync")
    tid, oids = three_line_trade(server)
    split = desk.ok("split", tid, "--lines", f"{oids[0]},{oids[2]}")
    assert split["sub_orders"] == [oids[0], oids[2]] and [p["line_no"] for p in split["staying"]] == [
        oids[1],
        *oids[3:],
    ]
    desk.ok("ship", tid, "--carrier", "ZTO", "--tracking", "73600316247086")

    hold = server.hold_after_apply("taobao.logistics.offline.send")
    proc = desk.start("outbox", "flush")
    assert hold.reached.wait(60), "the offline.send never arrived"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    hold.release()
    assert server.ship_calls[tid] == 1 and desk.query("SELECT state FROM outbox WHERE kind = 'ship'") == [("sending",)]
    again = desk.ok("outbox", "flush")
    assert again["verified"] == 1 and again["sent"] == 0
    assert server.shipments[-1]["oids"] == [oids[0], oids[2]] and server.trade(tid)["status"] == "SELLER_CONSIGNED_PART"

    listed = desk.ok("orders", "--search", tid)
    assert [o["status"] for o in listed] == ["partly_shipped"]
    desk.ok("ship", tid, "--carrier", "ZTO", "--tracking", "73600316247093")
    assert desk.ok("outbox", "flush")["sent"] == 1
    assert server.shipments[-1]["oids"] == [oids[1], *oids[3:]] and server.ship_calls[tid] == 2
    assert server.trade(tid)["status"] == "WAIT_BUYER_CONFIRM_GOODS"

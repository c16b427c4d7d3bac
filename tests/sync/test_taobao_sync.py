"""Taobao sync and the ship-back outbox against the loopback TOP gateway, with its faults switched on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pdtest.top_server import TopServer
from sqlalchemy import func, select

from app.domain.enums import OrderStatus, OutboxState, Platform
from app.persistence.rows import OrderLineRow, OrderRow, OutboxRow, ShopRow
from app.services.audit import Actor
from app.services.shipping import ship_order
from app.services.workspace import Workspace
from app.station import Station
from app.sync.outbox import Backoff, OutboxWorker
from app.sync.service import client_factory
from app.sync.shops import Credentials, add_api_shop
from app.sync.taobao import FILL_STATUSES, UNPAID, TaobaoSync, map_trade
from app.sync.top import RetryPolicy, SessionExpired, TopClient

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
FAST = RetryPolicy(attempts=30, backoff_s=0.01, max_backoff_s=0.05)


def later() -> datetime:
    """A sync clock past the settle margin, so a change the test just made on the server falls in a window."""
    return datetime.now(UTC) + timedelta(seconds=30)


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")  # no desktop keyring in CI: the 0600 file stands in


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=3, n_trades=400) as srv:
        yield srv


def add_shop(ws: Workspace, srv: TopServer) -> int:
    with ws.session_factory.begin() as session:
        shop, _ = add_api_shop(
            session,
            ws.data_dir,
            name="淘宝店",
            platform=Platform.TAOBAO,
            gateway=srv.url,
            app_key=APP_KEY,
            credentials=Credentials(SECRET, SESSION),
            now=datetime.now(UTC),
        )
        return shop.id


class Sleeps:
    """Records the waits the client asks for instead of spending them (the server does not enforce its bans)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def client(srv: TopServer, sleeps: Sleeps | None = None) -> TopClient:
    return TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST, sleep=sleeps or Sleeps())


def assert_cache_matches(ws: Workspace, srv: TopServer) -> None:
    """Every trade the server holds as waiting (to ship, or for payment: the server's are all of the last day) is
    cached exactly as the server has it, and nothing else is waiting."""
    trades = srv.trades_snapshot()
    waiting = {tid: t for tid, t in trades.items() if t["status"] in (*FILL_STATUSES, UNPAID)}
    with ws.session_factory() as session:
        rows = {r.order_no: r for r in session.execute(select(OrderRow)).scalars()}
        open_rows = {
            no for no, r in rows.items() if r.status not in (OrderStatus.SHIPPED.value, OrderStatus.CLOSED.value)
        }
        assert open_rows == set(waiting)
        for tid, trade in waiting.items():
            expected = map_trade(trade)
            assert expected is not None
            assert rows[tid].content_hash == expected.content_hash(), tid
            assert len(rows[tid].lines) == len(expected.lines)
        for no in set(rows) - set(waiting):  # cached orders that left the queue: shipped or closed here too
            assert rows[no].status == map_trade(trades[no]).status.value  # type: ignore[union-attr]
        dupes = session.execute(
            select(OrderLineRow.order_id, OrderLineRow.line_no, func.count())
            .group_by(OrderLineRow.order_id, OrderLineRow.line_no)
            .having(func.count() > 1)
        ).all()
        assert dupes == []


@pytest.fixture
def big_server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=4, n_trades=3000) as srv:
        yield srv


def test_first_fill_then_increments_with_every_fault(workspace: Workspace, big_server: TopServer) -> None:
    server = big_server
    shop_id = add_shop(workspace, server)
    sleeps = Sleeps()
    server.faults.rate_limit = 0.1
    server.faults.server_error = 0.1
    server.faults.drop = 0.1
    server.faults.mutate_between_pages = 0.3
    with client(server, sleeps) as c:
        first = TaobaoSync(workspace.session_factory, shop_id, c).run()
    assert first.first_fill and first.inserted > 0
    assert 2 in sleeps.waits  # "This ban will last for 1 more seconds": waited N+1
    assert {"rate_limit", "server_error", "drop"} <= set(server.injected)
    assert any(name.startswith("mutate:") for name in server.injected)
    server.faults.mutate_between_pages = 0  # the platform settles; the next sync must catch up with all of it
    with client(server, sleeps) as c:
        second = TaobaoSync(workspace.session_factory, shop_id, c, clock=later).run()
    assert not second.first_fill and second.windows >= 1
    assert_cache_matches(workspace, server)

    # The platform changes: a refund, a close, a memo, a brand-new order; one more sync brings exactly that.
    tids = sorted(t for t, tr in server.trades_snapshot().items() if tr["status"] == "WAIT_SELLER_SEND_GOODS")
    server.modify(tids[0], seller_memo="改地址了，先别发")
    server.modify(tids[1], status="TRADE_CLOSED")
    with client(server, sleeps) as c:
        third = TaobaoSync(workspace.session_factory, shop_id, c, clock=later).run()
    assert {(ch.order_no, ch.kind) for ch in third.changes} >= {(tids[1], "closed")}
    assert third.updated >= 2
    assert_cache_matches(workspace, server)


def test_second_sync_without_changes_changes_nothing(workspace: Workspace, server: TopServer) -> None:
    shop_id = add_shop(workspace, server)
    with client(server) as c:
        TaobaoSync(workspace.session_factory, shop_id, c).run()
        again = TaobaoSync(workspace.session_factory, shop_id, c).run()
    assert (again.inserted, again.updated) == (0, 0)
    assert_cache_matches(workspace, server)
    with workspace.session_factory() as session:  # pic_path ("//img.alicdn.com/...") is kept as an https URL
        pictures = set(session.scalars(select(OrderLineRow.image_url)))
    assert pictures and all(url.startswith("https://img.alicdn.com/bao/uploaded/") for url in pictures)


def test_expired_session_says_so_and_keeps_the_cache(workspace: Workspace, server: TopServer) -> None:
    shop_id = add_shop(workspace, server)
    with client(server) as c:
        TaobaoSync(workspace.session_factory, shop_id, c).run()
    server.faults.expired_session = True
    with client(server) as c, pytest.raises(SessionExpired, match="Authorize the shop again"):
        TaobaoSync(workspace.session_factory, shop_id, c).run()
    server.faults.expired_session = False
    assert_cache_matches(workspace, server)


def test_a_refund_during_packing_reaches_the_station(demo_catalogue_ws: Workspace, server: TopServer) -> None:
    ws = demo_catalogue_ws
    shop_id = add_shop(ws, server)
    with client(server) as c:
        TaobaoSync(ws.session_factory, shop_id, c).run()
    trades = server.trades_snapshot()
    tid = next(t for t, tr in sorted(trades.items()) if tr["status"] == "WAIT_SELLER_SEND_GOODS")
    station = Station(ws.session_factory, Actor("packer", "bench-1"))
    (opened,) = station.scan(tid)
    assert opened.event.value == "order_opened"
    assert station.recheck() is None  # nothing changed yet
    oid = trades[tid]["orders"]["order"][0]["oid_str"]
    server.modify_order(tid, oid, refund_status="WAIT_SELLER_AGREE")
    with client(server) as c:
        report = TaobaoSync(ws.session_factory, shop_id, c, clock=later).run()
    assert (tid, "refund") in {(ch.order_no, ch.kind) for ch in report.changes}
    event = station.recheck()
    assert event is not None and event.event.value == "intercepted" and event.reason == "refund"
    assert station.order is None


@pytest.fixture
def demo_catalogue_ws(workspace: Workspace) -> Workspace:
    return workspace


# -- kill -9 in the middle of a sync -----------------------------------------------------------------------------


def run_cli(cmd: list[str], data_dir: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cmd, "--data-dir", str(data_dir), *args], capture_output=True, text=True, timeout=300, env=env
    )


def test_kill_9_during_a_sync_then_sync_again(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    data_dir = tmp_path / "data"
    env = {**os.environ, "PACKDESK_KEYRING": "file", "PACKDESK_APP_SECRET": SECRET, "PACKDESK_SESSION_KEY": SESSION}
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=5, n_trades=1500) as srv:
        added = run_cli(
            packdesk_cmd, data_dir, "shop", "add", "淘宝店", "--gateway", srv.url, "--app-key", APP_KEY, env=env
        )
        assert added.returncode == 0, added.stderr
        srv.faults.slow = 0.05
        proc = subprocess.Popen(
            [*packdesk_cmd, "--data-dir", str(data_dir), "sync", "--json"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while srv.calls["taobao.trades.sold.get"] < 6 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert srv.calls["taobao.trades.sold.get"] >= 6
        srv.faults.slow = 0
        done = run_cli(packdesk_cmd, data_dir, "sync", "--json", env=env)
        assert done.returncode == 0, done.stderr
        (report,) = json.loads(done.stdout)["shops"]
        assert report["first_fill"] and report["error"] is None

        from app.services.workspace import open_workspace

        ws = open_workspace(data_dir)
        try:
            assert_cache_matches(ws, srv)
        finally:
            ws.close()


# -- the outbox ---------------------------------------------------------------------------------------------------


def ship_all(ws: Workspace, limit: int) -> list[str]:
    """Records shipments for up to `limit` waiting orders (ZTO numbers), each queuing its ship-back."""
    with ws.session_factory() as session:
        nos = list(
            session.execute(
                select(OrderRow.order_no)
                .where(
                    OrderRow.status == OrderStatus.AWAITING_SHIPMENT.value,
                    ~OrderRow.lines.any(OrderLineRow.refund_status != "none"),
                )
                .order_by(OrderRow.order_no)
                .limit(limit)
            ).scalars()
        )
    for n, no in enumerate(nos):
        ship_order(ws.session_factory, no, "ZTO", f"7{n:013d}", Actor("packer", "bench-1"), datetime.now(UTC))
    return nos


def test_a_thousand_ship_backs_through_faults_each_sent_once(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    from app.services.workspace import open_workspace

    data_dir = tmp_path / "data"
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=9, n_trades=2000) as srv:
        ws = open_workspace(data_dir)
        try:
            shop_id = add_shop(ws, srv)
            with client(srv) as c:
                TaobaoSync(ws.session_factory, shop_id, c).run()
            shipped = ship_all(ws, 1000)
            assert len(shipped) == 1000
            srv.faults.rate_limit = 0.05
            srv.faults.server_error = 0.05
            srv.faults.drop = 0.05
            srv.faults.drop_after_apply = 0.05
            worker = OutboxWorker(
                ws.session_factory,
                lambda shop: TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST, sleep=Sleeps()),
                backoff=Backoff(base_s=0, max_s=0),
            )
            try:
                for _ in range(50):
                    report = worker.flush()
                    with ws.session_factory() as session:
                        left = session.scalar(
                            select(func.count()).select_from(OutboxRow).where(OutboxRow.state != OutboxState.DONE)
                        )
                    if not left:
                        break
            finally:
                worker.close()
            assert left == 0, report.to_json()
        finally:
            ws.close()
        assert {tid: srv.ship_calls[tid] for tid in shipped} == dict.fromkeys(shipped, 1)
        assert srv.ship_attempts.total() > 1000  # the faults really happened
        trades = srv.trades_snapshot()
        assert all(trades[t]["status"] == "WAIT_BUYER_CONFIRM_GOODS" for t in shipped)


def test_kill_9_during_a_flush_loses_and_repeats_nothing(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    from app.services.workspace import open_workspace

    data_dir = tmp_path / "data"
    env = {**os.environ, "PACKDESK_KEYRING": "file"}
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=11, n_trades=300) as srv:
        ws = open_workspace(data_dir)
        try:
            shop_id = add_shop(ws, srv)
            with client(srv) as c:
                TaobaoSync(ws.session_factory, shop_id, c).run()
            shipped = ship_all(ws, 200)
        finally:
            ws.close()
        srv.faults.slow = 0.03
        proc = subprocess.Popen(
            [*packdesk_cmd, "--data-dir", str(data_dir), "outbox", "flush", "--json"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while srv.ship_calls.total() < 40 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        srv.faults.slow = 0
        assert 0 < srv.ship_calls.total() < len(shipped)
        done = run_cli(packdesk_cmd, data_dir, "outbox", "flush", "--json", env=env)
        assert done.returncode == 0, done.stderr
        ws = open_workspace(data_dir)
        try:
            with ws.session_factory() as session:
                states = session.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()
        finally:
            ws.close()
        assert dict(states) == {"done": len(shipped)}
        assert {tid: srv.ship_calls[tid] for tid in shipped} == dict.fromkeys(shipped, 1)


def test_shops_without_api_are_left_alone(workspace: Workspace) -> None:
    from app.sync.outbox import OutboxWorker

    with workspace.session_factory.begin() as session:
        session.add(ShopRow(name="导入店", platform="pdd", created_at=datetime.now(UTC)))
    report = OutboxWorker(workspace.session_factory, client_factory(workspace.data_dir)).flush()
    assert report.sent == report.failed == 0


def test_backoff_grows_and_is_capped() -> None:
    b = Backoff(base_s=30, max_s=3600)
    assert [b.after(n) for n in (1, 2, 3)] == [timedelta(seconds=30), timedelta(seconds=60), timedelta(seconds=120)]
    assert b.after(20) == timedelta(seconds=3600)


def test_carrier_codes_are_cached_and_numbers_checked_against_them(workspace: Workspace, server: TopServer) -> None:
    from app.domain.errors import InvalidInput
    from app.persistence.rows import PlatformCarrierRow

    shop_id = add_shop(workspace, server)
    with client(server) as c:
        TaobaoSync(workspace.session_factory, shop_id, c).run()
    with workspace.session_factory() as session:
        codes = {r.code: r.pattern for r in session.execute(select(PlatformCarrierRow)).scalars()}
    assert {"SF", "ZTO", "YTO", "EMS"} <= set(codes) and codes["SF"]
    tid = sorted(server.shippable_oids())[0]
    with pytest.raises(InvalidInput, match="the platform would refuse"):
        ship_order(workspace.session_factory, tid, "SF", "SF123456789", Actor("p", "s"), datetime.now(UTC))
    ship_order(workspace.session_factory, tid, "SF", "SF1023574470215", Actor("p", "s"), datetime.now(UTC))


def test_one_entry_whose_trade_is_gone_does_not_hold_up_the_others(workspace: Workspace, server: TopServer) -> None:
    from sqlalchemy import update as sa_update

    shop_id = add_shop(workspace, server)
    with client(server) as c:
        TaobaoSync(workspace.session_factory, shop_id, c).run()
    shipped = ship_all(workspace, 3)
    with workspace.session_factory.begin() as s:  # a crash left the first one "sending"
        s.execute(sa_update(OutboxRow).where(OutboxRow.id == 1).values(state=OutboxState.SENDING))
    with server._lock:
        del server.trades[shipped[0]]
        server.reindex()
    worker = OutboxWorker(
        workspace.session_factory,
        lambda shop: TopClient(server.url, APP_KEY, SECRET, SESSION, retry=FAST, sleep=Sleeps()),
        backoff=Backoff(base_s=0, max_s=0),
    )
    try:
        report = worker.flush()
    finally:
        worker.close()
    with workspace.session_factory() as s:
        states = dict(s.execute(select(OutboxRow.id, OutboxRow.state)).all())
    assert states == {1: "failed", 2: "done", 3: "done"}
    assert report.failed == 1 and "no trade" in report.errors[0]["reason"]

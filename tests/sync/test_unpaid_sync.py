"""Orders not paid yet over the loopback TOP gateway: the first fill keeps the WAIT_BUYER_PAY trades of the last three
days as awaiting payment, the increments keep new ones; a trade paid later waits to ship with its deadline counted
from the payment, one closed unpaid is closed; none of them is ever in the backlog (its counts, deadlines, stock,
history) while unpaid."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pdtest.top_server import TopServer, format_top_time, parse_top_time
from sqlalchemy import select

from app.domain.enums import OrderStatus, Platform
from app.persistence.order_query import OrderFilter
from app.persistence.rows import HistoryEventRow, OrderRow
from app.services.orders import deadline_counts, list_orders, status_counts
from app.services.workspace import Workspace
from app.sync.shop_sync import SyncReport
from app.sync.shops import Credentials, add_api_shop
from app.sync.taobao import TaobaoSync
from app.sync.top import RetryPolicy, TopClient

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=16, n_trades=300) as server:
        yield server


def later() -> datetime:
    return datetime.now(UTC) + timedelta(seconds=30)


def _sync(ws: Workspace, srv: TopServer, shop_id: int) -> SyncReport:
    with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=RetryPolicy(attempts=5, backoff_s=0.01)) as client:
        return TaobaoSync(ws.session_factory, shop_id, client, clock=later).run()


def _shop(ws: Workspace, srv: TopServer) -> int:
    with ws.session_factory.begin() as session:
        shop, _ = add_api_shop(
            session, ws.data_dir, name="淘宝店", platform=Platform.TAOBAO, gateway=srv.url, app_key=APP_KEY,
            credentials=Credentials(SECRET, SESSION), now=datetime.now(UTC),
        )  # fmt: skip
        return shop.id


def _rows(ws: Workspace) -> dict[str, OrderRow]:
    with ws.session_factory() as session:
        rows = {r.order_no: r for r in session.execute(select(OrderRow)).scalars()}
        session.expunge_all()
        return rows


def _events(ws: Workspace, order_no: str) -> list[tuple[str, datetime]]:
    with ws.session_factory() as session:
        query = (
            select(HistoryEventRow.kind, HistoryEventRow.at)
            .join(OrderRow, OrderRow.id == HistoryEventRow.order_id)
            .where(OrderRow.order_no == order_no)
            .order_by(HistoryEventRow.id)
        )
        return [(k, at) for k, at in session.execute(query)]


def test_unpaid_trades_are_kept_apart_until_paid_or_closed(workspace: Workspace, srv: TopServer) -> None:
    now = srv.clock()
    days_ago = format_top_time(now - timedelta(days=4))
    old = srv.add_unpaid(created=days_ago, modified=days_ago)
    unpaid = {tid for tid, t in srv.trades_snapshot().items() if t["status"] == "WAIT_BUYER_PAY"} - {old["tid_str"]}
    assert len(unpaid) >= 3, "the gateway's trades hold unpaid ones"
    shop_id = _shop(workspace, srv)
    _sync(workspace, srv, shop_id)

    rows = _rows(workspace)
    assert old["tid_str"] not in rows  # older than three days: not worth a reminder
    assert {no for no, r in rows.items() if r.status == OrderStatus.AWAITING_PAYMENT.value} == unpaid
    for tid in unpaid:
        trade = srv.trade(tid)
        assert "pay_time" not in trade
        assert rows[tid].paid_at == parse_top_time(trade["created"]).astimezone(UTC)  # dated by its creation
        assert _events(workspace, tid) == []  # not in the history: never paid, never in the backlog

    # never in the backlog: not open, not due, not overdue, not counted with the waiting ones
    waiting = {o.order_no for o in list_orders(workspace.session_factory, status="awaiting_shipment", limit=1000)}
    assert not waiting & unpaid
    counts = status_counts(workspace.session_factory, OrderFilter())
    assert counts["awaiting_payment"] == len(unpaid)
    for f in (OrderFilter(due_within=timedelta(days=400)), OrderFilter(overdue=True)):
        assert not {o.order_no for o in list_orders(workspace.session_factory, filters=f, limit=1000)} & unpaid
    overdue_before, soon_before = deadline_counts(workspace.session_factory, soon_hours=10_000)
    listed = {o.order_no: o for o in list_orders(workspace.session_factory, limit=1000)}
    assert all(listed[t].to_json()["paid_at"] is None and listed[t].to_json()["deadline"] is None for t in unpaid)
    assert all(listed[t].block_reason() == "unpaid" for t in unpaid)

    paid, closed, *_ = sorted(unpaid)
    srv.pay(paid)
    srv.close_unpaid(closed)
    new = srv.add_unpaid()["tid_str"]  # after the first fill: the increments keep it
    report = _sync(workspace, srv, shop_id)
    assert (closed, "closed") not in {(c.order_no, c.kind) for c in report.changes}  # the bench never had it

    rows = _rows(workspace)
    pay_time = parse_top_time(srv.trade(paid)["pay_time"]).astimezone(UTC)
    assert rows[paid].status == OrderStatus.AWAITING_SHIPMENT.value
    assert rows[paid].paid_at == pay_time
    assert rows[paid].deadline == pay_time + timedelta(hours=48)  # the default rule, from the payment
    assert rows[closed].status == OrderStatus.CLOSED.value
    assert rows[new].status == OrderStatus.AWAITING_PAYMENT.value
    assert _events(workspace, closed) == []  # closed unpaid: it never was in the backlog
    paid_events = _events(workspace, paid)  # paid: it joins the backlog now, dated by its payment
    lines = len(srv.trade(paid)["orders"]["order"])
    assert paid_events == [("paid", pay_time)] + [("line_in", pay_time)] * lines
    assert paid in {o.order_no for o in list_orders(workspace.session_factory, status="awaiting_shipment", limit=1000)}
    overdue_after, soon_after = deadline_counts(workspace.session_factory, soon_hours=10_000)
    assert (overdue_after, soon_after) == (overdue_before, soon_before + 1)  # only the paid one joined

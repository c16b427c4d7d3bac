"""Flags and memos written back to the loopback TOP gateway (taobao.trade.memo.update) through the outbox: once per
change, a lost answer read back instead of sent again, nothing lost while the gateway is away, and a sync that does
not overwrite a local change still on its way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pdtest.top_server import TopServer
from sqlalchemy import select

from app.domain.enums import OrderStatus, Platform
from app.persistence.order_actions import OrderActionRepository
from app.persistence.rows import OrderRow
from app.services.audit import Actor
from app.services.order_actions import hold, mark_out_of_stock, set_flag, write_memo
from app.services.workspace import Workspace
from app.sync.outbox import OutboxWorker
from app.sync.service import outbox_items, outbox_json, sync_shops
from app.sync.shops import Credentials, add_api_shop
from app.sync.taobao import TaobaoSync
from app.sync.top import RetryPolicy, TopClient

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
FAST = RetryPolicy(attempts=3, backoff_s=0.001, max_backoff_s=0.005)
ACTOR = Actor("seller", "desk")
NOW = datetime.now(UTC)


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=6, n_trades=12) as srv:
        yield srv


@pytest.fixture
def synced(workspace: Workspace, server: TopServer) -> Workspace:
    with workspace.session_factory.begin() as session:
        add_api_shop(
            session, workspace.data_dir, name="淘宝店", platform=Platform.TAOBAO, gateway=server.url, app_key=APP_KEY,
            credentials=Credentials(SECRET, SESSION), now=NOW,
        )  # fmt: skip
    sync_shops(workspace.session_factory, workspace.data_dir, retry=FAST)
    return workspace


def sync(ws: Workspace, srv: TopServer) -> None:
    with ws.session_factory() as session:
        shop_id = session.scalars(select(OrderRow.shop_id).limit(1)).one()
    with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST) as client:
        # a clock past the settle margin, so a change just made on the server falls in a window
        TaobaoSync(ws.session_factory, shop_id, client, clock=lambda: datetime.now(UTC) + timedelta(seconds=30)).run()


def waiting(ws: Workspace) -> list[str]:
    with ws.session_factory() as session:
        query = select(OrderRow.order_no).where(OrderRow.status == OrderStatus.AWAITING_SHIPMENT.value)
        return list(session.scalars(query.order_by(OrderRow.id)))


def flush(ws: Workspace, srv: TopServer):  # type: ignore[no-untyped-def]
    worker = OutboxWorker(
        ws.session_factory,
        lambda _shop: TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST, sleep=lambda _s: None),
    )
    try:
        return worker.flush(now_too=True).memo_push
    finally:
        worker.close()


def entries(ws: Workspace) -> list[dict]:  # type: ignore[type-arg]
    with ws.session_factory() as session:
        return OrderActionRepository(session).memo_entries()


def test_flag_and_memo_reach_the_platform_once(synced: Workspace, server: TopServer) -> None:
    a, b = waiting(synced)[:2]
    assert set_flag(synced.session_factory, [a, b], "red", ACTOR, NOW).done == [a, b]
    write_memo(synced.session_factory, [a], "送小样", append=False, actor=ACTOR, now=NOW)
    write_memo(synced.session_factory, [a], "加急", append=True, actor=ACTOR, now=NOW)
    # three changes of `a` before any round: one entry, the last values
    assert len(entries(synced)) == 2

    report = flush(synced, server)
    assert report.sent == 2 and report.failed == 0
    assert server.memo_calls == {a: 1, b: 1}
    assert server.trade(a)["seller_flag"] == 1 and server.trade(a)["seller_memo"] == "送小样\n加急"
    assert server.trade(b)["seller_flag"] == 1
    assert flush(synced, server).sent == 0 and sum(server.memo_calls.values()) == 2  # nothing new: nothing sent

    # a memo cleared is sent as reset
    write_memo(synced.session_factory, [a], "", append=False, actor=ACTOR, now=NOW)
    assert flush(synced, server).sent == 1 and server.trade(a)["seller_memo"] == ""


def test_a_dropped_answer_is_read_back_not_sent_again(synced: Workspace, server: TopServer) -> None:
    a = waiting(synced)[0]
    set_flag(synced.session_factory, [a], "green", ACTOR, NOW)
    server.faults.drop_after_apply = 1.0
    server.faults.only_methods = frozenset({"taobao.trade.memo.update"})
    first = flush(synced, server)
    assert first.sent == 0 and first.retry_later == 1 and server.memo_calls[a] >= 1
    applied = server.memo_calls[a]
    server.faults.reset()
    second = flush(synced, server)
    assert second.verified == 1 and second.sent == 0 and server.memo_calls[a] == applied
    assert [e["state"] for e in entries(synced)] == ["done"]


def test_offline_keeps_the_change_and_a_sync_does_not_overwrite_it(synced: Workspace, server: TopServer) -> None:
    a, b, c = waiting(synced)[:3]
    platform_memo = server.trade(a).get("seller_memo", "")
    write_memo(synced.session_factory, [a], "本地备注", append=False, actor=ACTOR, now=NOW)
    server.go_offline()
    assert flush(synced, server).sent == 0
    server.go_online()
    # meanwhile the trade changes on the platform: the next sync brings the buyer's message, not the platform's
    # memo and flag, while the local ones wait to be sent; a held order stays held
    server.modify(a, buyer_message="请尽快", seller_memo="平台上的旧备注", seller_flag=4)
    server.modify(b, buyer_message="改地址")
    hold(synced.session_factory, [b], "买家要改地址", ACTOR, NOW)
    server.modify(c, buyer_message="有货吗")
    mark_out_of_stock(synced.session_factory, [c], None, "面料有瑕疵", ACTOR, NOW)
    sync(synced, server)
    with synced.session_factory() as session:
        row = session.scalars(select(OrderRow).where(OrderRow.order_no == a)).one()
        assert row.buyer_message == "请尽快" and row.seller_memo == "本地备注" != platform_memo and row.flag == 0
        held = session.scalars(select(OrderRow).where(OrderRow.order_no == b)).one()
        assert held.buyer_message == "改地址" and held.status == "on_hold" and held.hold_reason == "买家要改地址"
        marked = session.scalars(select(OrderRow).where(OrderRow.order_no == c)).one()
        assert (
            marked.buyer_message == "有货吗" and marked.status == "out_of_stock" and marked.stock_mark == "面料有瑕疵"
        )
    assert flush(synced, server).sent == 1 and server.trade(a)["seller_memo"] == "本地备注"
    assert server.memo_calls[a] == 1 and server.trade(a)["seller_flag"] == 0
    with synced.session_factory() as session:  # delivered: the next sync's values count again
        ids = session.scalars(select(OrderRow.id).where(OrderRow.order_no == a)).all()
        assert OrderActionRepository(session).unsent_notes(ids) == {}


def test_a_refusal_stops_the_entry_with_the_platforms_words(synced: Workspace, server: TopServer) -> None:
    a = waiting(synced)[0]
    set_flag(synced.session_factory, [a], "blue", ACTOR, NOW)
    with server._lock:  # the trade is gone from the platform
        del server.trades[a]
    report = flush(synced, server)
    assert report.failed == 1 and report.sent == 0 and "交易不存在" in report.errors[0]["reason"]
    assert report.errors[0]["order_no"] == a
    assert [e["state"] for e in entries(synced)] == ["failed"]
    (listed,) = [i for i in outbox_items(synced.session_factory) if i["kind"] == "memo"]  # the seller sees why
    assert listed["order_no"] == a and listed["flag"] == "blue" and listed["state"] == "failed"
    assert "交易不存在" in outbox_json(listed)["last_error"]

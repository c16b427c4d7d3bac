"""Pinduoduo order sync against the loopback PDD gateway (tests/pdtest/pdd_orders.py), with its faults switched on:
the first fill, the increments, refunds that only the after-sale listing tells, receivers kept masked."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.domain.enums import OrderStatus
from app.persistence.rows import OrderLineRow, OrderRow
from app.services.workspace import Workspace
from app.sync.gateway import RetryPolicy
from app.sync.pdd import PddClient, PddError, TokenExpired, parse_answer
from app.sync.pdd_order_answers import PddOrder, map_order
from app.sync.pdd_orders import BEHIND, INCREMENT, LIST, PddSync
from tests.pdtest.pdd_orders import PddShop
from tests.pdtest.pdd_server import CLIENT_ID, SECRET, TOKEN, PddServer
from tests.pdtest.pdd_shop import add_pdd_shop
from tests.pdtest.top_server import ManualClock

FAST = RetryPolicy(attempts=30, backoff_s=0.01, max_backoff_s=0.05)


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def server(clock: ManualClock) -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=3, clock=clock) as srv:
        yield srv


def sync(ws: Workspace, srv: PddServer, shop_id: int, clock: ManualClock):  # noqa: ANN201
    with PddClient(srv.url, CLIENT_ID, SECRET, TOKEN, retry=FAST, sleep=lambda _s: None, clock=clock) as client:
        return PddSync(ws.session_factory, shop_id, client).run()


def expected(shop: PddShop, sn: str):  # noqa: ANN201
    return map_order(parse_answer("order", shop.answer(sn), PddOrder))


def assert_cache_matches(ws: Workspace, shop: PddShop) -> None:
    """Every order the shop holds as waiting is cached exactly as PDD has it, once; nothing else is open."""
    with ws.session_factory() as session:
        rows = {r.order_no: r for r in session.execute(select(OrderRow)).scalars()}
        open_rows = {no for no, r in rows.items() if r.status not in (OrderStatus.SHIPPED, OrderStatus.CLOSED)}
        assert open_rows == shop.awaiting()
        for sn in shop.awaiting():
            want = expected(shop, sn)
            assert rows[sn].content_hash == want.content_hash(), sn
            assert [ln.sku for ln in rows[sn].lines] == [ln.sku for ln in want.lines]
        for sn in set(rows) - shop.awaiting():
            assert rows[sn].status == expected(shop, sn).status.value, sn
        count = session.scalar(select(func.count()).select_from(OrderRow))
        assert count == len(rows) == session.scalar(select(func.count(func.distinct(OrderRow.order_no))))
        dupes = session.execute(
            select(OrderLineRow.order_id, OrderLineRow.line_no).group_by(OrderLineRow.order_id, OrderLineRow.line_no)
            .having(func.count() > 1)
        ).all()  # fmt: skip
        assert dupes == []


def test_a_300_order_shop_through_every_fault(workspace: Workspace, server: PddServer, clock: ManualClock) -> None:
    shop = PddShop(server, 300, seed=3, lag_s=150, days=2)  # PDD lists a change up to 2.5 minutes after it is made
    shop_id = add_pdd_shop(workspace, server)
    server.faults.rate_limit = server.faults.server_error = server.faults.drop = 0.1
    shop.faults.mutate_between_pages = 0.4
    first = sync(workspace, server, shop_id, clock)
    assert first.first_fill and first.inserted > 150
    assert {"rate_limit", "server_error", "drop"} <= set(server.injected)
    assert {"new_order", "refund", "address"} <= set(shop.injected), shop.injected  # changed while it paged

    # The platform goes on; each sync catches up with what is older than three minutes on its clock.
    for _ in range(3):
        clock.advance(minutes=4)
        sync(workspace, server, shop_id, clock)
    shop.faults.mutate_between_pages = 0
    clock.advance(minutes=4)
    sync(workspace, server, shop_id, clock)
    assert_cache_matches(workspace, shop)

    # A new order, a refund that does not touch the order, a new address, a shipped order: one more sync.
    waiting = sorted(sn for sn in shop.awaiting() if shop.orders[sn]["refund_status"] == 1)
    new = shop.add_order()
    shop.refund(waiting[0])
    shop.change_address(waiting[1])
    shop.modify(waiting[2], order_status=2)
    clock.advance(minutes=4)
    report = sync(workspace, server, shop_id, clock)
    kinds = {(c.order_no, c.kind) for c in report.changes}
    assert {(waiting[0], "refund"), (waiting[1], "address"), (waiting[2], "shipped")} <= kinds
    assert new in shop.awaiting()
    assert_cache_matches(workspace, shop)


def test_the_increments_keep_to_pdds_rules(workspace: Workspace, server: PddServer, clock: ManualClock) -> None:
    shop = PddShop(server, 40, seed=5)
    shop_id = add_pdd_shop(workspace, server)
    sync(workspace, server, shop_id, clock)
    clock.advance(hours=3, minutes=7)  # a station that was off for a while
    for _ in range(30):
        shop.add_order()
    clock.advance(minutes=4)  # older than PDD's three minutes now
    server.requests.clear()
    report = sync(workspace, server, shop_id, clock)
    asked = [r for r in server.requests if r["type"] == INCREMENT]
    spans = {(int(r["start_updated_at"]), int(r["end_updated_at"])) for r in asked}
    assert report.windows >= 6 and len(spans) == report.windows
    assert all(0 < end - start <= 30 * 60 for start, end in spans)
    assert max(end for _, end in spans) <= clock().timestamp() - BEHIND.total_seconds()
    assert_cache_matches(workspace, shop)
    # PDD itself refuses a longer window
    with PddClient(server.url, CLIENT_ID, SECRET, TOKEN, retry=FAST, clock=clock) as client:
        now = int(clock().timestamp())
        with pytest.raises(PddError, match="30"):
            client.call(INCREMENT, {"start_updated_at": now - 3600, "end_updated_at": now, "order_status": 5,
                                    "refund_status": 5, "is_lucky_flag": 0})  # fmt: skip


def test_three_minutes_behind_pdds_clock_misses_nothing(
    workspace: Workspace, server: PddServer, clock: ManualClock
) -> None:
    shop = PddShop(server, 60, seed=9, lag_s=170)  # PDD lists a change 85 to 170 seconds after it is made
    shop_id = add_pdd_shop(workspace, server)
    clock.advance(minutes=4)
    sync(workspace, server, shop_id, clock)
    changed = sorted(sn for sn in shop.awaiting() if shop.orders[sn]["refund_status"] == 1)[:12]
    for sn in changed:
        shop.modify(sn, remark="改地址了，先别发")
    for _ in range(2):  # a station syncing every minute meanwhile
        clock.advance(minutes=1)
        sync(workspace, server, shop_id, clock)
    clock.advance(minutes=4)
    sync(workspace, server, shop_id, clock)
    with workspace.session_factory() as session:
        memos = dict(session.execute(select(OrderRow.order_no, OrderRow.seller_memo)).all())
    assert {sn: memos[sn] for sn in changed} == dict.fromkeys(changed, "改地址了，先别发")


def test_pages_are_read_from_the_last(workspace: Workspace, server: PddServer, clock: ManualClock) -> None:
    shop = PddShop(server, 450, seed=6, days=1.5)
    shop_id = add_pdd_shop(workspace, server)
    sync(workspace, server, shop_id, clock)
    windows: dict[str, list[int]] = {}
    for r in server.requests:
        if r["type"] == LIST:
            windows.setdefault(r["end_confirm_at"], []).append(int(r["page"]))
    big = [pages for pages in windows.values() if len(pages) > 2]
    assert big and all(pages[0] == 1 and pages[1:] == sorted(pages[1:], reverse=True) for pages in big)
    assert all(pages[-1] == 1 for pages in big)
    assert_cache_matches(workspace, shop)


def test_an_expired_token_says_so_and_keeps_the_cache(
    workspace: Workspace, server: PddServer, clock: ManualClock
) -> None:
    shop = PddShop(server, 60, seed=7)
    shop_id = add_pdd_shop(workspace, server)
    sync(workspace, server, shop_id, clock)
    server.faults.token_expired = True
    with pytest.raises(TokenExpired, match="Authorize PackDesk again"):
        sync(workspace, server, shop_id, clock)
    server.faults.token_expired = False
    assert_cache_matches(workspace, shop)


def test_lines_and_fields_map_to_packdesk(
    workspace: Workspace, server: PddServer, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every log line the sync writes, the request log's included
    shop = PddShop(server, 80, seed=8)
    shop_id = add_pdd_shop(workspace, server)
    sn = sorted(shop.awaiting())[0]
    shop.modify(sn, buyer_memo="请发顺丰", remark="送小样", remark_tag=2)
    clock.advance(minutes=1)
    sync(workspace, server, shop_id, clock)
    order = shop.orders[sn]
    with workspace.session_factory() as session:
        row = session.execute(select(OrderRow).where(OrderRow.order_no == sn)).scalar_one()
        assert (row.buyer_message, row.seller_memo, row.flag) == ("请发顺丰", "送小样", 2)
        assert row.deadline == datetime.strptime(order["last_ship_time"], "%Y-%m-%d %H:%M:%S").replace(
            tzinfo=UTC
        ) - timedelta(hours=8)
        assert row.receiver_name == order["receiver_name_mask"] and row.receiver_phone == order["receiver_phone_mask"]
        assert row.receiver_address == order["receiver_address_mask"]
        item = order["item_list"][0]
        assert row.lines[0].sku == (item["outer_id"] or item["outer_goods_id"])
        assert row.lines[0].line_no == f"{sn}-1"
        ciphers = __import__("json").loads(row.receiver_cipher)
        assert shop.decrypt(ciphers["name"]) == shop.plain[sn]["name"]
        assert shop.decrypt(ciphers["address"]) == shop.plain[sn]["street"]
    assert "pdd.order.list.get" in caplog.text
    assert [text for text in shop.plaintexts() if text in caplog.text] == []


def test_a_refund_only_the_after_sales_tell_stops_the_parcel(
    workspace: Workspace, server: PddServer, clock: ManualClock
) -> None:
    from app.services.audit import Actor
    from app.station import Station

    shop = PddShop(server, 40, seed=10)
    shop_id = add_pdd_shop(workspace, server)
    sync(workspace, server, shop_id, clock)
    sn = sorted(sn for sn in shop.awaiting() if shop.orders[sn]["refund_status"] == 1)[0]
    station = Station(workspace.session_factory, Actor("packer", "bench-1"))
    (opened,) = station.scan(sn)
    assert opened.event.value == "order_opened"
    assert station.recheck() is None
    shop.refund(sn)  # the order's updated_at stays: only pdd.refund.list.increment.get says it
    clock.advance(minutes=4)
    report = sync(workspace, server, shop_id, clock)
    assert (sn, "refund") in {(c.order_no, c.kind) for c in report.changes}
    assert server.calls["pdd.order.information.get"] >= 1
    event = station.recheck()
    assert event is not None and event.event.value == "intercepted" and event.reason == "refund"

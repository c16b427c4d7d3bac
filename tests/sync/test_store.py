"""The cache upsert: new, changed, unchanged and stale orders; what the bench keeps; the fast insert path."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.enums import OrderStatus, Platform, RefundStatus
from app.persistence.rows import OrderLineRow, OrderRow
from app.services.workspace import Workspace
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.shops import ensure_shop
from app.sync.store import upsert_orders

NOW = datetime(2026, 11, 20, 8, 30, 15, 123456, tzinfo=UTC)


def order(i: int, **changes: object) -> PlatformOrder:
    base = PlatformOrder(
        order_no=f"51186090249910{i:05d}",
        status=OrderStatus.AWAITING_SHIPMENT,
        platform_status="WAIT_SELLER_SEND_GOODS",
        paid_at=NOW,
        deadline=NOW + timedelta(hours=48),
        modified_at=NOW,
        lines=(PlatformLine(f"4527900653{i:05d}", "TW-01", "纯棉毛巾", 2, Decimal("19.90"), "颜色:蓝色"),),
        receiver_name="张*",
        receiver_province="四川省",
        total=Decimal("39.80"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def shop_id(workspace: Workspace) -> int:
    with workspace.session_factory.begin() as session:
        return ensure_shop(session, "店", Platform.TAOBAO, NOW).id


def upsert(ws: Workspace, shop_id: int, orders: list[PlatformOrder]):  # type: ignore[no-untyped-def]
    with ws.session_factory.begin() as session:
        return upsert_orders(session, shop_id, "taobao", orders)


def test_insert_then_the_same_again_is_a_no_op(workspace: Workspace, shop_id: int) -> None:
    first = upsert(workspace, shop_id, [order(i) for i in range(3000)])
    assert (first.inserted, first.updated, first.unchanged) == (3000, 0, 0)
    again = upsert(workspace, shop_id, [order(i) for i in range(3000)])
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3000)
    with workspace.session_factory() as session:
        row = session.execute(select(OrderRow).where(OrderRow.order_no == order(7).order_no)).scalar_one()
        assert row.total == Decimal("39.80") and row.paid_at == NOW and row.receiver_name == "张*"
        assert [(ln.qty, ln.price, ln.spec) for ln in row.lines] == [(2, Decimal("19.90"), "颜色:蓝色")]
        assert session.query(OrderLineRow).count() == 3000


def test_changes_that_matter_at_the_bench_are_reported(workspace: Workspace, shop_id: int) -> None:
    upsert(workspace, shop_id, [order(1), order(2), order(3)])
    later = NOW + timedelta(minutes=5)
    refunded = order(1, modified_at=later)
    refunded = replace(refunded, lines=(replace(refunded.lines[0], refund_status=RefundStatus.REQUESTED),))
    closed = order(2, modified_at=later, status=OrderStatus.CLOSED)
    stats = upsert(workspace, shop_id, [refunded, closed, order(3, modified_at=later, seller_memo="x")])
    assert stats.updated == 3
    assert {(c.order_no[-1], c.kind) for c in stats.changes} == {("1", "refund"), ("2", "closed")}


def test_a_stale_copy_never_overwrites_a_newer_one(workspace: Workspace, shop_id: int) -> None:
    upsert(workspace, shop_id, [order(1, modified_at=NOW + timedelta(hours=1), seller_memo="new")])
    stats = upsert(workspace, shop_id, [order(1, seller_memo="old")])
    assert stats.unchanged == 1
    with workspace.session_factory() as session:
        assert session.scalar(select(OrderRow.seller_memo)) == "new"


def test_shipped_here_stays_shipped_until_the_platform_catches_up(workspace: Workspace, shop_id: int) -> None:
    upsert(workspace, shop_id, [order(1)])
    with workspace.session_factory.begin() as session:
        session.execute(select(OrderRow)).scalar_one().status = OrderStatus.SHIPPED.value
    upsert(workspace, shop_id, [order(1, modified_at=NOW + timedelta(minutes=1), seller_memo="备注")])
    with workspace.session_factory() as session:
        row = session.execute(select(OrderRow)).scalar_one()
        assert (row.status, row.seller_memo) == ("shipped", "备注")
    upsert(workspace, shop_id, [order(1, modified_at=NOW + timedelta(minutes=2), status=OrderStatus.CLOSED)])
    with workspace.session_factory() as session:
        assert session.scalar(select(OrderRow.status)) == "closed"


def test_a_parcel_that_left_stays_shipped_when_the_platform_says_held(workspace: Workspace, shop_id: int) -> None:
    upsert(workspace, shop_id, [order(1)])
    with workspace.session_factory.begin() as session:
        row = session.execute(select(OrderRow)).scalar_one()
        row.status = OrderStatus.SHIPPED.value
        row.lines[0].shipped = True
    upsert(workspace, shop_id, [order(1, modified_at=NOW + timedelta(minutes=1), status=OrderStatus.ON_HOLD)])
    with workspace.session_factory() as session:
        row = session.execute(select(OrderRow)).scalar_one()
        assert row.status == "shipped" and row.lines[0].shipped  # not back at the bench, line still shipped


def test_a_lines_picture_is_stored_and_an_import_without_one_keeps_it(workspace: Workspace, shop_id: int) -> None:
    picture = "https://img.alicdn.com/bao/uploaded/i1/600000000001.jpg"
    synced = order(1)
    synced = replace(synced, lines=(replace(synced.lines[0], image_url=picture),))
    plain_hash = order(1).content_hash()
    assert synced.content_hash() != plain_hash  # a new picture is a change
    upsert(workspace, shop_id, [synced])
    imported = order(1, modified_at=NOW + timedelta(minutes=1), seller_memo="从文件导入")  # files carry no pictures
    assert upsert(workspace, shop_id, [imported]).updated == 1
    with workspace.session_factory() as session:
        row = session.execute(select(OrderRow)).scalar_one()
        assert (row.seller_memo, row.lines[0].image_url) == ("从文件导入", picture)

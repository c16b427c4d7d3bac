"""The order cache as sync writes it, on a real SQLite file: new orders and lines inserted in bulk, read back per
shop as values, changed in bulk by id."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.domain.enums import Platform
from app.persistence.order_cache import ORDER_FIELDS, CachedLine, CachedOrder, OrderCache
from app.persistence.repositories import OrderRepository
from app.persistence.shops import ShopRepository
from app.services.workspace import Workspace

NOW = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
RECEIVER = ("张*", "138****0000", "四川省", "成都市", "武侯区", "", "天府大道 1 号")


def values(status: str = "awaiting_shipment", modified: datetime = NOW, content: str = "h1") -> tuple[object, ...]:
    return (
        status, "WAIT_SELLER_SEND_GOODS", "买家", *RECEIVER, "", "", 0,
        Decimal("39.80"), Decimal("0"), NOW, NOW + timedelta(hours=48), modified, content, "", "", None,
    )  # fmt: skip


def line(no: str, sku: str) -> tuple[object, ...]:
    return (no, sku, "纯棉毛巾", "颜色:蓝色", 2, Decimal("19.90"), "none", False, "")


def test_new_orders_read_back_per_shop_and_change_by_id(workspace: Workspace) -> None:
    assert len(ORDER_FIELDS) == len(values())
    with workspace.session_factory.begin() as session:
        shops = ShopRepository(session)
        mine, other = shops.add("店", Platform.TAOBAO, NOW).id, shops.add("别的店", Platform.TAOBAO, NOW).id
        a1_id = OrderCache(session, mine).insert_orders("taobao", [("A1", *values())])["A1"]
        OrderCache(session, mine).insert_lines([(a1_id, *line("1", "TW-01")), (a1_id, *line("2", "TW-02"))])
        b1_id = OrderCache(session, other).insert_orders("taobao", [("B1", *values())])["B1"]
        OrderCache(session, other).insert_lines([(b1_id, *line("1", "TW-01"))])
    with workspace.session_factory() as session:
        cache = OrderCache(session, mine)
        cached = cache.cached(["A1", "B1", "C1"])
        assert list(cached) == ["A1"]  # another shop's order and an unknown number are not this shop's cache
        a1 = cached["A1"]
        assert a1 == CachedOrder(a1_id, "A1", "awaiting_shipment", NOW, "h1", *RECEIVER, "", "")
        assert cache.modified(["A1", "B1"]) == {"A1": NOW}
        assert cache.known(["A1", "B1"]) == {"A1"}
        lines = cache.lines_of([a1.id])[a1.id]
        assert [(ln.line_no, ln.refund_status, ln.shipped) for ln in lines.values()] == [
            ("1", "none", False),
            ("2", "none", False),
        ]
        assert isinstance(lines["1"], CachedLine) and lines["1"].order_id == a1.id
    later = NOW + timedelta(hours=1)
    with workspace.session_factory.begin() as session:
        cache = OrderCache(session, mine)
        cache.update(
            [{"b_id": a1.id, **dict(zip(ORDER_FIELDS, values("closed", later, "h2"), strict=True))}],
            [{"b_id": lines["2"].id, "refund_status": "refunded", "shipped": True}],
        )
        cache.insert_lines([(a1.id, *line("3", "TW-03"))])
    with workspace.session_factory() as session:
        cache = OrderCache(session, mine)
        assert cache.cached(["A1"])["A1"][2:5] == ("closed", later, "h2")
        after = cache.lines_of([a1.id])[a1.id]
        assert [(no, ln.refund_status, ln.shipped) for no, ln in after.items()] == [
            ("1", "none", False), ("2", "refunded", True), ("3", "none", False),
        ]  # fmt: skip
        stored = OrderRepository(session).stored("A1", "店")
        assert stored is not None and [ln.sku for ln in stored.order.lines] == ["TW-01", "TW-02", "TW-03"]
        assert OrderCache(session, other).cached(["B1"])["B1"].status == "awaiting_shipment"

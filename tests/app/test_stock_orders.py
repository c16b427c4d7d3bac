"""Stock against a real SQLite file (issue 13's acceptance): 20 orders over 3 SKUs with stock for only some of them,
exactly the right orders out of stock in paid order with what they miss; stock arriving releases them; shipping
takes units off on hand once per parcel; a sync that brings nothing new (or only a memo) keeps them out of stock; a
closed order frees its units; adjust refused below zero; a stock count; a product sheet's stock column."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pdtest.product_sheets import write_rows
from sqlalchemy import text

from app.domain.enums import OrderStatus, Platform, RefundStatus
from app.domain.errors import InvalidInput, NotFound, NotPackable
from app.domain.products import CatalogueEntry
from app.services.audit import Actor
from app.services.catalogue import apply_entries, list_products
from app.services.orders import list_orders
from app.services.shipping import ship_order
from app.services.stock import (
    adjust_stock,
    commit_count,
    low_stock_count,
    override_shortage,
    set_stock,
    stock_levels,
)
from app.services.workspace import Workspace
from app.sync.imports.products import import_products
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.shops import ensure_shop
from app.sync.store import upsert_orders

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
ACTOR = Actor("仓管小王", "bench-1")


def number(i: int) -> str:
    return f"38801{i:05d}"


def platform_order(i: int, **changes: object) -> PlatformOrder:
    """Order i (paid i minutes after T0): 1 x A when i is even, 1 x B when i % 3 == 0, 2 x C when i % 4 == 1,
    else 1 x D. A and B get stock, C and D never do."""
    lines = []
    if i % 2 == 0:
        lines.append(PlatformLine(f"{number(i)}1", "A", "杯子", 1, Decimal("10.00")))
    if i % 3 == 0:
        lines.append(PlatformLine(f"{number(i)}2", "B-OUTER", "碗", 1, Decimal("10.00")))  # B by its item code
    if i % 4 == 1:
        lines.append(PlatformLine(f"{number(i)}3", "C", "盘", 2, Decimal("10.00")))
    if not lines:
        lines.append(PlatformLine(f"{number(i)}4", "D", "勺", 1, Decimal("10.00")))
    base = PlatformOrder(
        order_no=number(i),
        status=OrderStatus.AWAITING_SHIPMENT,
        platform_status="WAIT_SELLER_SEND_GOODS",
        paid_at=T0 + timedelta(minutes=i),
        deadline=T0 + timedelta(hours=48, minutes=i),
        modified_at=T0 + timedelta(minutes=i),
        lines=tuple(lines),
        receiver_name="张*",
        total=Decimal("10.00"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def sync(ws: Workspace, orders: list[PlatformOrder]) -> None:
    with ws.session_factory.begin() as session:
        shop = ensure_shop(session, "店", Platform.TAOBAO, T0)
        upsert_orders(session, shop.id, "taobao", orders)


def short_orders(ws: Workspace) -> dict[int, dict[str, int]]:
    """Order index -> SKU -> missing, of the orders out of stock."""
    found = list_orders(ws.session_factory, status="out_of_stock", limit=1000)
    return {int(o.order_no[-5:]): {s.sku: s.missing for s in o.short} for o in found}


def stock_of(ws: Workspace) -> dict[str, tuple[int, int]]:
    """SKU -> (on hand, reserved) of the tracked SKUs."""
    return {lv.sku: (lv.on_hand, lv.reserved) for lv in stock_levels(ws.session_factory)}


def status(ws: Workspace, i: int) -> str:
    (order,) = [o for o in list_orders(ws.session_factory, search=number(i), limit=5) if o.order_no == number(i)]
    return order.status.value


@pytest.fixture
def shop(workspace: Workspace) -> Workspace:
    with workspace.session_factory.begin() as session:
        entries = [CatalogueEntry(sku, title=t) for sku, t in (("A", "杯子"), ("C", "盘"), ("D", "勺"))]
        entries.append(CatalogueEntry("B", title="碗", outer_id="B-OUTER"))
        apply_entries(session, list(enumerate(entries, 2)))
    orders = [platform_order(i) for i in range(20)]
    random.Random(4).shuffle(orders)  # ids are not the paid order: the allotment must go by paid time
    sync(workspace, orders)
    return workspace


# order -> what it misses with A = 5 and B = 3 (worked out by hand, oldest paid first):
# 0 A,B ok (A4 B2) · 2 A (A3) · 3 B (B1) · 4 A (A2) · 6 A,B (A1 B0) · 8 A (A0) · 9 B short · 10 A short ·
# 12 A,B short · 14 A · 15 B · 16 A · 18 A,B short; C and D are untracked: 1, 5, 7, 11, 13, 17, 19 never short
SHORT = {9: {"B": 1}, 10: {"A": 1}, 12: {"A": 1, "B": 1}, 14: {"A": 1}, 15: {"B": 1}, 16: {"A": 1},
         18: {"A": 1, "B": 1}}  # fmt: skip


def test_exactly_the_right_orders_are_out_of_stock_in_paid_order(shop: Workspace) -> None:
    assert short_orders(shop) == {}  # nothing is tracked yet: nobody is short
    set_stock(shop.session_factory, "A", 5, ACTOR, T0)
    set_stock(shop.session_factory, "B", 3, ACTOR, T0, reason="盘点")
    assert short_orders(shop) == SHORT
    assert stock_of(shop) == {"A": (5, 5), "B": (3, 3)}
    products = {p.sku: p for p in list_products(shop.session_factory)}
    assert products["A"].stock.reserved == 5 and products["C"].stock.reserved == 0  # C is not tracked
    assert low_stock_count(shop.session_factory) == 0  # no safety stock set
    json_short = [
        o.to_json()["short"] for o in list_orders(shop.session_factory, limit=100) if o.order_no == number(12)
    ]
    assert json_short == [[{"sku": "A", "missing": 1}, {"sku": "B", "missing": 1}]]
    assert all(o.to_json()["short"] == [] for o in list_orders(shop.session_factory, status="awaiting_shipment"))
    (a,) = stock_levels(shop.session_factory, search="A", limit=1)
    assert a.waiting_orders[:3] == (number(0), number(2), number(4))  # oldest paid first


def test_stock_arrival_releases_the_oldest_short_orders_first(shop: Workspace) -> None:
    set_stock(shop.session_factory, "A", 5, ACTOR, T0)
    set_stock(shop.session_factory, "B", 3, ACTOR, T0)
    adjust_stock(shop.session_factory, "B-OUTER", +1, ACTOR, T0, "到货")  # named by its item code
    assert short_orders(shop) == {k: v for k, v in SHORT.items() if k != 9}
    assert status(shop, 9) == "awaiting_shipment"
    adjust_stock(shop.session_factory, "A", +2, ACTOR, T0, "到货")  # 10 and 14 take them; 12 still lacks B
    assert short_orders(shop) == {12: {"B": 1}, 15: {"B": 1}, 16: {"A": 1}, 18: {"A": 1, "B": 1}}
    set_stock(shop.session_factory, "B", 100, ACTOR, T0)
    set_stock(shop.session_factory, "A", 100, ACTOR, T0)
    assert short_orders(shop) == {}
    assert stock_of(shop) == {"A": (100, 10), "B": (100, 7)}


def test_shipping_takes_the_parcels_units_off_on_hand_once(shop: Workspace) -> None:
    set_stock(shop.session_factory, "A", 5, ACTOR, T0)
    set_stock(shop.session_factory, "B", 3, ACTOR, T0)
    ship_order(shop.session_factory, number(0), "SF", "SF1234567890123", ACTOR, T0)
    assert stock_of(shop) == {"A": (4, 4), "B": (2, 2)}
    assert short_orders(shop) == SHORT  # the same orders: it had taken its units already
    with pytest.raises(NotPackable):
        ship_order(shop.session_factory, number(0), "SF", "SF1234567890123", ACTOR, T0)
    assert stock_of(shop) == {"A": (4, 4), "B": (2, 2)}  # a second ship changes nothing
    with shop.session_factory() as session:
        moves = session.execute(text("SELECT kind, delta, on_hand, package_id FROM stock_moves WHERE kind = 'ship'"))
        rows = moves.all()
    assert sorted((k, d, h) for k, d, h, _p in rows) == [("ship", -1, 2), ("ship", -1, 4)]
    assert len({p for *_x, p in rows}) == 1
    # a short order shipped anyway (by hand, not through the print queue): stock stops at 0, the move says so
    ship_order(shop.session_factory, number(18), "SF", "SF1234567890124", ACTOR, T0)
    set_stock(shop.session_factory, "B", 0, ACTOR, T0)
    ship_order(shop.session_factory, number(15), "SF", "SF1234567890125", ACTOR, T0)
    assert stock_of(shop)["B"] == (0, 0)
    with shop.session_factory() as session:
        last = session.execute(text("SELECT delta, on_hand, reason FROM stock_moves ORDER BY id DESC LIMIT 1")).one()
    assert tuple(last) == (0, 0, "1 shipped, 0 on hand")


def test_a_sync_that_brings_nothing_new_or_only_a_memo_keeps_orders_out_of_stock(shop: Workspace) -> None:
    set_stock(shop.session_factory, "A", 5, ACTOR, T0)
    set_stock(shop.session_factory, "B", 3, ACTOR, T0)
    sync(shop, [platform_order(i) for i in range(20)])  # the platform still says 待发货: nothing new
    assert short_orders(shop) == SHORT
    later = T0 + timedelta(hours=1)
    sync(shop, [platform_order(12, seller_memo="催发货", modified_at=later)])  # changed: the platform's status again
    assert short_orders(shop) == SHORT and status(shop, 12) == "out_of_stock"


def test_a_closed_or_refunded_order_frees_its_units(shop: Workspace) -> None:
    set_stock(shop.session_factory, "A", 5, ACTOR, T0)
    set_stock(shop.session_factory, "B", 3, ACTOR, T0)
    later = T0 + timedelta(hours=1)
    closed = platform_order(0, status=OrderStatus.CLOSED, platform_status="TRADE_CLOSED", modified_at=later)
    sync(shop, [closed])  # frees A1 B1: 9 takes B, 10 takes A
    assert short_orders(shop) == {12: {"A": 1, "B": 1}, 14: {"A": 1}, 15: {"B": 1}, 16: {"A": 1},
                                  18: {"A": 1, "B": 1}}  # fmt: skip
    refunded = platform_order(2, modified_at=later)
    refunded = replace(refunded, lines=(replace(refunded.lines[0], refund_status=RefundStatus.REQUESTED),))
    sync(shop, [refunded])  # its A is not packed any more: 12 still lacks B, 14 takes the A
    assert short_orders(shop) == {12: {"B": 1}, 15: {"B": 1}, 16: {"A": 1}, 18: {"A": 1, "B": 1}}


def test_adjust_below_zero_and_bad_figures_are_refused_changing_nothing(shop: Workspace) -> None:
    set_stock(shop.session_factory, "A", 2, ACTOR, T0)
    with pytest.raises(InvalidInput, match="A has 2 on hand: taking 3 off would leave less than none"):
        adjust_stock(shop.session_factory, "A", -3, ACTOR, T0, "破损")
    with pytest.raises(InvalidInput, match="Say why"):
        adjust_stock(shop.session_factory, "A", -1, ACTOR, T0, "  ")
    with pytest.raises(InvalidInput, match="0 changes nothing"):
        adjust_stock(shop.session_factory, "A", 0, ACTOR, T0, "x")
    with pytest.raises(InvalidInput, match="-1 is not a stock figure"):
        set_stock(shop.session_factory, "A", -1, ACTOR, T0)
    with pytest.raises(NotFound, match="No product 'NOPE'"):
        set_stock(shop.session_factory, "NOPE", 1, ACTOR, T0)
    assert stock_of(shop)["A"][0] == 2
    assert adjust_stock(shop.session_factory, "A", -2, ACTOR, T0, "破损").on_hand == 0
    with shop.session_factory() as session:
        moves = session.execute(text("SELECT kind, delta, on_hand, reason, actor FROM stock_moves ORDER BY id")).all()
        audited = session.execute(text("SELECT action FROM audit_log WHERE action LIKE 'stock%' ORDER BY id")).all()
    assert [tuple(m) for m in moves] == [("set", 2, 2, "", "仓管小王"), ("adjust", -2, 0, "破损", "仓管小王")]
    assert [a[0] for a in audited] == ["stock_set", "stock_adjust"]


def test_a_stock_count_sets_the_counted_skus_all_or_nothing(shop: Workspace) -> None:
    with pytest.raises(NotFound):
        commit_count(shop.session_factory, {"A": 4, "NOPE": 1}, ACTOR, T0)
    assert stock_of(shop) == {}
    changes = commit_count(shop.session_factory, {"A": 4, "B": 0}, ACTOR, T0)
    assert [(c.sku, c.on_hand, c.delta) for c in changes] == [("A", 4, 4), ("B", 0, 0)]
    assert stock_of(shop) == {"A": (4, 4), "B": (0, 0)}
    # no B at all: every order with B is short; A's 4 go to 2, 4, 8 and 10 (0 and 6 lack B and take nothing)
    assert set(short_orders(shop)) == {0, 3, 6, 9, 12, 14, 15, 16, 18}


def test_a_product_sheets_stock_column_tracks_its_skus_and_a_second_import_moves_nothing(
    shop: Workspace, tmp_path: Path
) -> None:
    sheet = write_rows(tmp_path / "stock.csv", ["SKU", "Title", "Stock", "Safety stock"],
                       [["A", "杯子", "5", "8"], ["B", "碗", "3", ""], ["C", "盘", "", ""]])  # fmt: skip
    for _ in range(2):
        with shop.session_factory.begin() as session:
            report = import_products(session, sheet)
        assert not report.rejected
    assert short_orders(shop) == SHORT
    assert stock_of(shop) == {"A": (5, 5), "B": (3, 3)}  # C gave no figure: not tracked
    (low,) = stock_levels(shop.session_factory, low=True)
    assert (low.sku, low.available, low.safety, low.waiting_orders[0]) == ("A", 0, 8, number(0))
    assert low_stock_count(shop.session_factory) == 1
    with shop.session_factory() as session:
        moves = session.execute(text("SELECT kind, delta, reason FROM stock_moves ORDER BY id")).all()
        audited = session.execute(text("SELECT action, entity_id FROM audit_log WHERE action = 'stock_import'")).all()
    assert [tuple(m) for m in moves] == [("import", 5, "stock.csv"), ("import", 3, "stock.csv")]
    assert [tuple(a) for a in audited] == [("stock_import", "stock.csv")]  # once: the second import moved nothing


def test_an_override_allots_the_order_first_so_a_younger_covered_one_may_become_short(shop: Workspace) -> None:
    set_stock(shop.session_factory, "A", 5, ACTOR, T0)
    set_stock(shop.session_factory, "B", 3, ACTOR, T0)
    override_shortage(shop.session_factory, number(10), Actor("王主管", "bench-1"), "老客户")
    # 10 takes its A first; 0, 2, 4, 6 take the other four; 8 (younger than 6) finds none left
    assert short_orders(shop) == {**{k: v for k, v in SHORT.items() if k != 10}, 8: {"A": 1}}
    assert status(shop, 10) == "awaiting_shipment"
    ship_order(shop.session_factory, number(10), "SF", "SF1234567890126", ACTOR, T0)  # the override ends with it
    with shop.session_factory() as session:
        assert session.execute(text("SELECT count(*) FROM orders WHERE stock_override")).scalar() == 0
    assert short_orders(shop) == {**{k: v for k, v in SHORT.items() if k != 10}, 8: {"A": 1}}

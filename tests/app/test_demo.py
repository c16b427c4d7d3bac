"""The demo data set: reproducible from (seed, anchor), realistic in shape, and never seeded twice."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.demo.seed import DEMO_CARRIERS, GROUP_NAME, default_anchor, seed_demo
from app.domain.barcodes import is_valid_gtin
from app.domain.enums import Flag, OrderStatus, RefundStatus
from app.domain.errors import InvalidInput
from app.domain.orders import CHINA_TZ, DEFAULT_SHIP_WITHIN, Order
from app.persistence.repositories import OrderRepository
from app.persistence.rows import (
    BarcodeRow,
    OrderLineRow,
    OrderRow,
    ProductRow,
    ShopGroupRow,
    ShopRow,
    WaybillAccountRow,
)
from app.services.orders import list_orders
from app.services.workspace import Workspace, open_workspace

ANCHOR = datetime(2025, 3, 14, 4, 0, tzinfo=UTC)  # 12:00 China time
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


def seeded(path: Path, *, orders: int, seed: int, anchor: datetime = ANCHOR) -> Workspace:
    ws = open_workspace(path)
    with ws.session_factory.begin() as session:
        report = seed_demo(session, orders=orders, seed=seed, anchor=anchor)
    assert report.orders == orders
    return ws


def orders_json(ws: Workspace) -> str:
    """What `packdesk orders --json` prints, built the same way (Order.to_json through the repository)."""
    return json.dumps([o.to_json() for o in list_orders(ws.session_factory, limit=10**6)], ensure_ascii=False)


def all_orders(ws: Workspace) -> list[Order]:
    return list_orders(ws.session_factory, limit=10**6)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = seeded(tmp_path_factory.mktemp("big") / "data", orders=500, seed=1)
    yield ws
    ws.close()


def test_same_seed_and_anchor_give_identical_orders(tmp_path: Path) -> None:
    a = seeded(tmp_path / "a", orders=80, seed=42)
    b = seeded(tmp_path / "b", orders=80, seed=42)
    try:
        ja, jb = orders_json(a), orders_json(b)
        assert ja == jb
        assert len(json.loads(ja)) == 80
    finally:
        a.close()
        b.close()


def test_different_seed_gives_different_orders(tmp_path: Path) -> None:
    a = seeded(tmp_path / "a", orders=40, seed=42)
    b = seeded(tmp_path / "b", orders=40, seed=43)
    try:
        ja, jb = json.loads(orders_json(a)), json.loads(orders_json(b))
        assert ja != jb
        assert {o["order_no"] for o in ja}.isdisjoint({o["order_no"] for o in jb})
    finally:
        a.close()
        b.close()


def test_different_anchor_shifts_the_times_only(tmp_path: Path) -> None:
    a = seeded(tmp_path / "a", orders=20, seed=5)
    b = seeded(tmp_path / "b", orders=20, seed=5, anchor=ANCHOR + timedelta(hours=6))
    try:
        oa, ob = all_orders(a), all_orders(b)
        assert [o.order_no for o in oa] == [o.order_no for o in ob]
        assert all(y.paid_at - x.paid_at == timedelta(hours=6) for x, y in zip(oa, ob, strict=True))
    finally:
        a.close()
        b.close()


def test_default_anchor_is_the_start_of_a_six_hour_block_in_china_time() -> None:
    anchor = default_anchor(datetime(2025, 3, 14, 9, 59, tzinfo=CHINA_TZ))
    assert anchor == datetime(2025, 3, 14, 6, 0, tzinfo=CHINA_TZ)
    assert default_anchor(datetime(2025, 3, 14, 23, 59, tzinfo=CHINA_TZ)) == datetime(
        2025, 3, 14, 18, 0, tzinfo=CHINA_TZ
    )


def test_cli_seed_is_reproducible(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    outputs = []
    for name in ("a", "b"):
        d = str(tmp_path / name)
        subprocess.run(
            [
                *packdesk_cmd,
                "demo",
                "seed",
                "--data-dir",
                d,
                "--orders",
                "25",
                "--seed",
                "9",
                "--now",
                "2025-03-14T12:00:00+08:00",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        done = subprocess.run(
            [*packdesk_cmd, "orders", "--data-dir", d, "--json", "--limit", "1000"],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])) == 25


def test_catalogue(big: Workspace) -> None:
    with big.session_factory() as s:
        products = s.execute(select(ProductRow)).scalars().all()
        assert len(products) >= 60
        assert len({p.sku for p in products}) == len(products)
        cases = 0
        for p in products:
            singles = [b for b in p.barcodes if b.units == 1]
            assert len(singles) == 1, p.sku
            assert len(singles[0].code) == 13 and is_valid_gtin(singles[0].code), singles[0].code
            for b in p.barcodes:
                assert is_valid_gtin(b.code), b.code
                if b.units > 1:
                    cases += 1
                    assert len(b.code) == 14 and b.code[0] != "0", b.code  # GTIN-14, not an EAN-13 in disguise
                    # same item reference as the single unit
                    assert b.code[1:13] == singles[0].code[:12]
        assert cases > 0
        codes = s.execute(select(BarcodeRow.code)).scalars().all()
        assert len(codes) == len(set(codes))


def test_two_shops_in_one_group_with_waybill_accounts(big: Workspace) -> None:
    with big.session_factory() as s:
        groups = s.execute(select(ShopGroupRow)).scalars().all()
        assert [g.name for g in groups] == [GROUP_NAME]
        shops = s.execute(select(ShopRow)).scalars().all()
        assert len(shops) == 2
        assert {sh.group_id for sh in shops} == {groups[0].id}
        assert len({sh.platform for sh in shops}) == 2
        accounts = s.execute(select(WaybillAccountRow)).scalars().all()
        assert sorted(a.carrier for a in accounts) == sorted(DEMO_CARRIERS)
        assert sum(a.is_default for a in accounts) == 1
        assert all(a.next_serial < a.serial_end for a in accounts)
        per_shop = dict(s.execute(select(OrderRow.shop_id, func.count()).group_by(OrderRow.shop_id)).all())
        assert len(per_shop) == 2 and all(n > 0 for n in per_shop.values())


def test_order_shapes(big: Workspace) -> None:
    orders = all_orders(big)
    assert len(orders) == 500
    assert len({(o.shop, o.order_no) for o in orders}) == 500
    for o in orders:
        assert re.fullmatch(r"[1-9]\d{18}", o.order_no), o.order_no
        assert 1 <= len(o.lines) <= 6
        assert len({ln.sku for ln in o.lines}) == len(o.lines)
        assert all(ln.qty >= 1 and ln.barcodes for ln in o.lines)
        assert o.total == sum((ln.price * ln.qty for ln in o.lines), start=Decimal(0))
        assert "*" in o.receiver.name, o.receiver.name
        assert re.fullmatch(r"1[3-9]\d\*{4}\d{4}", o.receiver.phone), o.receiver.phone
        assert o.deadline == o.paid_at + DEFAULT_SHIP_WITHIN == o.paid_at + timedelta(hours=48)
        assert o.paid_at <= ANCHOR
        assert o.paid_at.tzinfo is not None


def test_the_backlog_has_every_kind_of_case(big: Workspace) -> None:
    orders = all_orders(big)
    statuses = {o.status for o in orders}
    assert {
        OrderStatus.AWAITING_SHIPMENT,
        OrderStatus.CLOSED,
        OrderStatus.ON_HOLD,
        OrderStatus.OUT_OF_STOCK,
    } <= statuses
    assert all(
        all(ln.refund is RefundStatus.REFUNDED for ln in o.lines) for o in orders if o.status is OrderStatus.CLOSED
    )
    requested = [o for o in orders if any(ln.refund is RefundStatus.REQUESTED for ln in o.lines)]
    assert requested
    # waiting, or out of stock when a tracked SKU of theirs is short (app.demo.seed.TRACKED)
    assert all(o.status in (OrderStatus.AWAITING_SHIPMENT, OrderStatus.OUT_OF_STOCK) for o in requested)
    assert {o.flag for o in orders} - {Flag.NONE}
    assert any(o.memo for o in orders)
    messages = [o.buyer_message for o in orders if o.buyer_message]
    assert messages and any(EMOJI.search(m) for m in messages)
    # deadlines: some past, some due within hours of the anchor, most later
    assert any(o.deadline < ANCHOR for o in orders)
    assert any(ANCHOR <= o.deadline < ANCHOR + timedelta(hours=12) for o in orders)
    assert sum(o.deadline > ANCHOR for o in orders) > len(orders) // 2
    # case packs: some lines ask for exactly one case
    with big.session_factory() as s:
        case_units = dict(
            s.execute(
                select(ProductRow.sku, BarcodeRow.units).join(BarcodeRow.product).where(BarcodeRow.units > 1)
            ).all()
        )
    assert any(ln.sku in case_units and ln.qty == case_units[ln.sku] for o in orders for ln in o.lines)


def test_seeding_twice_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    ws = seeded(tmp_path / "d", orders=30, seed=2)
    try:

        def counts() -> tuple[int, ...]:
            with ws.session_factory() as s:
                return tuple(
                    s.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in (OrderRow, OrderLineRow, ProductRow, BarcodeRow, ShopRow, WaybillAccountRow)
                )

        before, listing = counts(), orders_json(ws)
        with pytest.raises(InvalidInput, match="already has the demo shop"):
            with ws.session_factory.begin() as session:
                seed_demo(session, orders=30, seed=3, anchor=ANCHOR)
        assert counts() == before
        assert orders_json(ws) == listing
    finally:
        ws.close()


def test_cli_seeding_twice_fails_cleanly(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    d = str(tmp_path / "d")
    subprocess.run(
        [*packdesk_cmd, "demo", "seed", "--data-dir", d, "--orders", "10"], check=True, capture_output=True, timeout=120
    )
    again = subprocess.run(
        [*packdesk_cmd, "demo", "seed", "--data-dir", d, "--orders", "10"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert again.returncode != 0
    assert again.stderr.startswith("packdesk:") and "Traceback" not in again.stderr
    ws = open_workspace(Path(d))
    try:
        with ws.session_factory() as s:
            assert s.execute(select(func.count()).select_from(OrderRow)).scalar_one() == 10
            assert OrderRepository(s).list(limit=1)
    finally:
        ws.close()

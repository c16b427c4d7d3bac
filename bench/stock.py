"""Stock recomputation: allotting on-hand stock to 100,000 waiting orders, beside SQLite merely adding them up.

The file: 100,000 waiting orders (1 to 5 lines, about 2.2 on average, a few refunded or already shipped), 3,000 SKUs,
every one tracked, stock drawn so that about one order in ten is short; stored through `upsert_orders` into a fresh,
migrated SQLite file. Measured on it:

- the first recomputation (`app.services.stock.recompute`, in its own transaction): it writes every decision (the
  out-of-stock orders' status and shortages, every product's reserved units);
- the same again with nothing changed (it reads everything and writes nothing);
- `stock set` of one SKU (its stock move, audit entry and the recomputation, committed).

The baseline, on the same file in the same run: raw sqlite3 summing the waiting orders' packable units per SKU (one
GROUP BY over the same join, the least any allotment has to read). Each figure is the best of PACKDESK_BENCH_REPEAT.
"""

from __future__ import annotations

import os
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from bench.common import Figure

ORDERS = int(os.environ.get("PACKDESK_BENCH_STOCK_ORDERS", "100000"))
SKUS = int(os.environ.get("PACKDESK_BENCH_STOCK_SKUS", "3000"))
REPEAT = int(os.environ.get("PACKDESK_BENCH_REPEAT", "2"))
TX = 10_000
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)

AGGREGATE = """
SELECT l.sku, SUM(l.qty) FROM order_lines l JOIN orders o ON o.id = l.order_id
WHERE o.status IN ('awaiting_shipment', 'partly_shipped', 'out_of_stock')
  AND l.shipped = 0 AND l.refund_status NOT IN ('requested', 'refunded')
GROUP BY l.sku
"""


def _orders(rng: random.Random):  # type: ignore[no-untyped-def]
    from app.domain.enums import OrderStatus, RefundStatus
    from app.sync.model import PlatformLine, PlatformOrder

    for i in range(ORDERS):
        paid = NOW - timedelta(seconds=rng.randrange(72 * 3600))
        skus = rng.sample(range(SKUS), rng.choices((1, 2, 3, 4, 5), weights=(40, 25, 18, 10, 7))[0])
        lines = tuple(
            PlatformLine(
                f"{i:08d}{n}", f"SKU-{s:05d}", f"商品 {s}", rng.choices((1, 2, 3), weights=(80, 15, 5))[0],
                Decimal("9.90"),
                refund_status=RefundStatus.REQUESTED if rng.random() < 0.01 else RefundStatus.NONE,
                shipped=rng.random() < 0.01,
            )
            for n, s in enumerate(skus)
        )  # fmt: skip
        yield PlatformOrder(
            order_no=f"5{i:018d}", status=OrderStatus.AWAITING_SHIPMENT, platform_status="WAIT_SELLER_SEND_GOODS",
            paid_at=paid, deadline=paid + timedelta(hours=48), modified_at=paid, lines=lines, receiver_name="张*",
        )  # fmt: skip


def _fill(root: Path) -> None:
    from sqlalchemy import text

    from app.domain.enums import Platform
    from app.domain.products import CatalogueEntry
    from app.services.catalogue import apply_entries
    from app.services.workspace import open_workspace
    from app.sync.shops import ensure_shop
    from app.sync.store import upsert_orders

    rng = random.Random(13)
    ws = open_workspace(root)
    try:
        with ws.session_factory.begin() as session:
            shop_id = ensure_shop(session, "bench", Platform.TAOBAO, NOW).id
            apply_entries(session, [(n + 2, CatalogueEntry(f"SKU-{n:05d}", title=f"商品 {n}")) for n in range(SKUS)])
        batch = []
        for order in _orders(rng):
            batch.append(order)
            if len(batch) == TX:
                with ws.session_factory.begin() as session:
                    upsert_orders(session, shop_id, "taobao", batch)
                batch = []
        if batch:
            with ws.session_factory.begin() as session:
                upsert_orders(session, shop_id, "taobao", batch)
        with ws.session_factory.begin() as session:
            demand = dict(session.execute(text(AGGREGATE)).all())
            # about 92% of what waits is on hand, spread unevenly: some SKUs plentiful, some short
            stock = [{"sku": sku, "v": int(units * rng.uniform(0.75, 1.1))} for sku, units in demand.items()]
            session.execute(text("UPDATE products SET stock = :v, stock_tracked = 1 WHERE sku = :sku"), stock)
    finally:
        ws.close()


def _recompute(root: Path) -> tuple[float, int]:
    from app.services.stock import recompute
    from app.services.workspace import open_workspace

    ws = open_workspace(root)
    try:
        start = time.perf_counter()
        with ws.session_factory.begin() as session:
            result = recompute(session)
        return time.perf_counter() - start, result.short
    finally:
        ws.close()


def _set_one(root: Path, value: int) -> float:
    from app.services.audit import Actor
    from app.services.stock import set_stock
    from app.services.workspace import open_workspace

    ws = open_workspace(root)
    try:
        start = time.perf_counter()
        set_stock(ws.session_factory, "SKU-00007", value, Actor("bench", "bench"), NOW, "bench")
        return time.perf_counter() - start
    finally:
        ws.close()


def _aggregate(root: Path) -> float:
    conn = sqlite3.connect(root / "packdesk.db")
    try:
        start = time.perf_counter()
        rows = conn.execute(AGGREGATE).fetchall()
        assert rows
        return time.perf_counter() - start
    finally:
        conn.close()


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp:
        root = Path(tmp) / "ws"
        _fill(root)
        first, short = _recompute(root)
        assert short > 0, "the bench's stock should leave some orders short"
        again = min(_recompute(root)[0] for _ in range(REPEAT))
        one = min(_set_one(root, value) for value in [0, 500] * REPEAT)
        raw = min(_aggregate(root) for _ in range(REPEAT + 1))
    label = f"{ORDERS:,} waiting orders, {SKUS:,} SKUs"
    baseline = "sqlite3: waiting units per SKU (GROUP BY)"
    return [
        Figure(f"stock recompute, first ({label}; {short:,} short)", first, "s", baseline, raw, "within 10x"),
        Figure("stock recompute again, nothing changed", again, "s", baseline, raw, "within 10x"),
        Figure("stock set of one SKU (move, audit, recompute)", one, "s", baseline, raw, "within 10x"),
    ]

"""Orders into the cache: the bulk upsert against raw sqlite3, and a first fill from the loopback TOP gateway.

Ingest: 100,000 Taobao trades (about 250,000 sub-orders), already parsed from platform JSON into PlatformOrders, go
into a fresh, migrated SQLite cache through `upsert_orders`, in transactions of 5,000 orders; the baseline inserts
the same rows (values already converted, ids assigned up front) into an identical fresh database with sqlite3's
executemany, also in transactions of 5,000. Each side is the best of two runs into fresh files. Goal: within 2x of
raw sqlite3.

First fill: the same kind of trades served by the test gateway (tests/pdtest/top_server.py, real HTTP on 127.0.0.1)
pulled by `TaobaoSync` from an empty cache, pages of 100, each page committed. Needs the repository checkout (the
server lives in tests/); skipped with a note otherwise.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Figure

ORDERS = int(os.environ.get("PACKDESK_BENCH_ORDERS", "100000"))
FILL_ORDERS = int(os.environ.get("PACKDESK_BENCH_FILL_ORDERS", str(ORDERS)))
TX = 5000
REPEAT = int(os.environ.get("PACKDESK_BENCH_REPEAT", "2"))


def _top_server():  # type: ignore[no-untyped-def]
    tests = Path(__file__).resolve().parent.parent / "tests"
    if not (tests / "pdtest" / "top_server.py").is_file():
        return None
    if str(tests) not in sys.path:
        sys.path.insert(0, str(tests))
    from pdtest import top_server

    return top_server


def _orders(count: int, now: datetime):  # type: ignore[no-untyped-def]
    from app.sync.taobao import map_trade

    top_server = _top_server()
    if top_server is None:
        return None
    # a few generated trades are unpaid (nothing to store): generate a little more and keep exactly `count`
    trades = top_server.make_trades(count + count // 12 + 10, seed=7, now=now)
    mapped = [o for o in (map_trade(t) for t in trades.values()) if o is not None]
    return mapped[:count]


def _ingest(orders, root: Path) -> float:  # type: ignore[no-untyped-def]
    from app.domain.enums import Platform
    from app.services.workspace import open_workspace
    from app.sync.shops import ensure_shop
    from app.sync.store import upsert_orders

    ws = open_workspace(root)
    try:
        with ws.session_factory.begin() as session:
            shop_id = ensure_shop(session, "bench", Platform.TAOBAO, datetime.now(UTC)).id
        start = time.perf_counter()
        for i in range(0, len(orders), TX):
            with ws.session_factory.begin() as session:
                upsert_orders(session, shop_id, "taobao", orders[i : i + TX])
        return time.perf_counter() - start
    finally:
        ws.close()


def _raw(orders, root: Path) -> float:  # type: ignore[no-untyped-def]
    """The same rows with sqlite3.executemany into the same (migrated) schema, values converted beforehand."""
    from app.domain.enums import Platform
    from app.services.workspace import open_workspace
    from app.sync.shops import ensure_shop

    ws = open_workspace(root)
    with ws.session_factory.begin() as session:
        shop_id = ensure_shop(session, "bench", Platform.TAOBAO, datetime.now(UTC)).id
    ws.close()

    def ts(moment: datetime) -> str:
        return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")

    order_rows, line_rows = [], []
    for n, o in enumerate(orders, start=1):
        order_rows.append(
            (n, shop_id, o.order_no, "taobao", o.status.value, o.platform_status, o.buyer_nick, o.receiver_name,
             o.receiver_phone, o.receiver_province, o.receiver_city, o.receiver_district, o.receiver_town,
             o.receiver_address, o.buyer_message, o.seller_memo, o.flag, int(o.total * 100), int(o.post_fee * 100),
             ts(o.paid_at), ts(o.deadline), ts(o.modified_at), o.content_hash())
        )  # fmt: skip
        for ln in o.lines:
            line_rows.append(
                (n, ln.line_no, ln.sku, ln.title, ln.spec, ln.qty, int(ln.price * 100), ln.refund_status.value,
                 int(ln.shipped))
            )  # fmt: skip
    conn = sqlite3.connect(root / "packdesk.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    order_sql = (
        "INSERT INTO orders (id, shop_id, order_no, platform, status, platform_status, buyer_nick, receiver_name, "
        "receiver_phone, receiver_province, receiver_city, receiver_district, receiver_town, receiver_address, "
        "buyer_message, seller_memo, flag, total, post_fee, paid_at, deadline, modified_at, content_hash) "
        "VALUES (" + ",".join("?" * 23) + ")"
    )
    line_sql = (
        "INSERT INTO order_lines (order_id, line_no, sku, title, spec, qty, price, refund_status, shipped) "
        "VALUES (?,?,?,?,?,?,?,?,?)"
    )
    start = time.perf_counter()
    li = 0
    for i in range(0, len(order_rows), TX):
        chunk = order_rows[i : i + TX]
        last_id = chunk[-1][0]
        lines = []
        while li < len(line_rows) and line_rows[li][0] <= last_id:
            lines.append(line_rows[li])
            li += 1
        conn.execute("BEGIN")
        conn.executemany(order_sql, chunk)
        conn.executemany(line_sql, lines)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _first_fill(count: int, root: Path) -> tuple[float, int] | None:
    top_server = _top_server()
    if top_server is None:
        return None
    from app.domain.enums import Platform
    from app.services.workspace import open_workspace
    from app.sync.service import sync_shops
    from app.sync.shops import Credentials, add_api_shop

    os.environ.setdefault("PACKDESK_KEYRING", "file")
    now = datetime.now(UTC)
    with top_server.TopServer(
        app_key="bench", secret="bench-secret", session="bench-session", seed=7, n_trades=count
    ) as srv:
        ws = open_workspace(root)
        try:
            with ws.session_factory.begin() as session:
                add_api_shop(
                    session, root, name="bench", platform=Platform.TAOBAO, gateway=srv.url, app_key="bench",
                    credentials=Credentials("bench-secret", "bench-session"), now=now,
                )  # fmt: skip
            start = time.perf_counter()
            (report,) = sync_shops(ws.session_factory, root, "bench")
            return time.perf_counter() - start, report.inserted
        finally:
            ws.close()


def run() -> list[Figure]:
    now = datetime.now(UTC)
    orders = _orders(ORDERS, now)
    if orders is None:
        return [Figure("sync: skipped (needs tests/pdtest from a checkout)", 0, "")]
    lines = sum(len(o.lines) for o in orders)
    figures = []
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp:
        # best of two fresh runs each, interleaved, so a busy moment of the machine does not decide the ratio
        ours = min(_ingest(orders, Path(tmp) / f"ours{i}") for i in range(REPEAT))
        raw = min(_raw(orders, Path(tmp) / f"raw{i}") for i in range(REPEAT))
        figures.append(
            Figure(
                f"ingest {len(orders):,} orders / {lines:,} lines",
                ours,
                "s",
                "raw sqlite3 executemany",
                raw,
                f"within 2x of raw ({ours / raw:.2f}x)",
            )
        )
        fill = _first_fill(FILL_ORDERS, Path(tmp) / "fill")
        if fill is not None:
            seconds, inserted = fill
            figures.append(Figure(f"first fill of {inserted:,} orders over HTTP", seconds, "s", goal="loopback TOP"))
    return figures

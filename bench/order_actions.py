"""Acting on the backlog: a flag set on 1,000 orders at once, and their write-back to Taobao through the outbox.

The file: the trades of the test gateway (tests/pdtest/top_server.py, real HTTP on 127.0.0.1) synced into a fresh,
migrated SQLite file. Measured on it, each beside its baseline in the same run:

- `set_flag` on every order (one transaction: the flags, an audit entry and an outbox write-back per order), beside
  raw sqlite3 setting the same flags with one UPDATE;
- the outbox round that writes them back (`push_memos`: a claim committed before each call, the answer recorded
  after), beside the same `taobao.trade.memo.update` calls made with the bare client and nothing stored.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Figure
from bench.sync import _top_server

ORDERS = int(os.environ.get("PACKDESK_BENCH_ACTION_ORDERS", "1000"))


def run() -> list[Figure]:
    top = _top_server()
    if top is None:  # an installed copy without the test gateway
        return []
    from app.domain.enums import Platform
    from app.services.audit import Actor
    from app.services.order_actions import set_flag
    from app.services.workspace import open_workspace
    from app.sync.memo_push import MEMO_UPDATE, push_memos
    from app.sync.shops import ensure_shop
    from app.sync.taobao import TaobaoSync
    from app.sync.top import TopClient

    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp, top.TopServer(seed=13, n_trades=ORDERS) as srv:
        ws = open_workspace(Path(tmp) / "ws")
        try:
            client = TopClient(srv.url, srv.app_key, srv.secret, srv.session)
            with ws.session_factory.begin() as session:
                shop_id = ensure_shop(session, "淘宝店", Platform.TAOBAO, datetime.now(UTC)).id
            db = Path(tmp) / "ws" / "packdesk.db"
            with sqlite3.connect(db) as con:  # the shop reached through the gateway (no keyring needed here)
                con.execute("UPDATE shops SET gateway_url = ? WHERE id = ?", (srv.url, shop_id))
            TaobaoSync(ws.session_factory, shop_id, client).run()
            with sqlite3.connect(db) as con:
                numbers = [r[0] for r in con.execute("SELECT order_no FROM orders ORDER BY id")]
            start = time.perf_counter()
            report = set_flag(ws.session_factory, numbers, "red", Actor("bench", "bench"), datetime.now(UTC))
            flag_s = time.perf_counter() - start
            assert len(report.done) + len(report.skipped) == len(numbers)
            con = sqlite3.connect(db)
            start = time.perf_counter()
            with con:
                marks = ",".join("?" * len(numbers))
                con.execute(f"UPDATE orders SET flag = 2 WHERE order_no IN ({marks})", numbers)
            raw_flag_s = time.perf_counter() - start
            con.close()
            start = time.perf_counter()
            pushed = push_memos(ws.session_factory, lambda _shop: client, now_too=True)
            push_s = time.perf_counter() - start
            client.close()
            with TopClient(srv.url, srv.app_key, srv.secret, srv.session) as bare:
                start = time.perf_counter()
                for no in numbers[: pushed.sent]:
                    bare.call(MEMO_UPDATE, {"tid": no, "flag": 1}, write=True)
                raw_push_s = time.perf_counter() - start
        finally:
            ws.close()
    n = len(numbers)
    return [
        Figure(
            f"flag {n:,} orders (audit + outbox, one transaction)",
            flag_s,
            "s",
            "sqlite3: one UPDATE of the same flags",
            raw_flag_s,
            "under 1 ms an order",
        ),  # fmt: skip
        Figure(
            f"write back {pushed.sent:,} flags (memo.update via the outbox)",
            push_s,
            "s",
            "the same calls, bare client, nothing stored",
            raw_push_s,
            "under 5 ms an order over the call",
        ),  # fmt: skip
    ]

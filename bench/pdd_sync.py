"""A Pinduoduo shop's first fill over HTTP, beside a Taobao shop's of the same size.

Both shops start empty and are filled by `sync_shops`, as `packdesk sync` fills them, from the loopback test gateways
(tests/pdtest/pdd_server.py with a PddShop of tests/pdtest/pdd_orders.py, and tests/pdtest/top_server.py): real HTTP
on 127.0.0.1, signed requests checked by the server, pages of 100, each page committed (the PDD one with its resume
cursor). The PDD side reads 24-hour windows of confirm time over 90 days, each from its last page, its receivers as
ciphertexts and masks; the Taobao side is bench/sync.py's first fill. N orders each (`PACKDESK_BENCH_PDD_ORDERS`,
default 50,000), generated over the last ten days. Needs the repository checkout (the servers live in tests/);
skipped with a note otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Figure

ORDERS = int(os.environ.get("PACKDESK_BENCH_PDD_ORDERS", "50000"))
ROOT = Path(__file__).resolve().parent.parent


def _pdd_fill(count: int, root: Path) -> tuple[float, int, int]:
    """Seconds, orders inserted and pages read for the first fill of a PDD shop of `count` orders."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from app.domain.enums import Platform
    from app.services.workspace import open_workspace
    from app.sync.service import sync_shops
    from app.sync.shops import Credentials, add_api_shop
    from tests.pdtest.pdd_orders import PddShop
    from tests.pdtest.pdd_server import PddServer

    os.environ.setdefault("PACKDESK_KEYRING", "file")
    with PddServer("bench", "bench-secret", "bench-token", seed=7) as srv:
        PddShop(srv, count, seed=7)
        ws = open_workspace(root)
        try:
            with ws.session_factory.begin() as session:
                add_api_shop(
                    session, root, name="bench", platform=Platform.PDD, gateway=srv.url, app_key="bench",
                    credentials=Credentials("bench-secret", "bench-token"), now=datetime.now(UTC),
                )  # fmt: skip
            start = time.perf_counter()
            (report,) = sync_shops(ws.session_factory, root, "bench")
            seconds = time.perf_counter() - start
        finally:
            ws.close()
    if report.error:
        raise RuntimeError(report.error)
    return seconds, report.inserted, report.pages


def run() -> list[Figure]:
    if not (ROOT / "tests" / "pdtest" / "pdd_orders.py").is_file():
        return [Figure("pdd sync: skipped (needs tests/pdtest from a checkout)", 0, "")]
    from bench.sync import _first_fill

    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp:
        seconds, inserted, pages = _pdd_fill(ORDERS, Path(tmp) / "pdd")
        taobao = _first_fill(ORDERS, Path(tmp) / "taobao")
    name = f"PDD first fill of {inserted:,} orders over HTTP"
    if taobao is None:
        return [Figure(name, seconds, "s", goal=f"loopback PDD gateway, {pages} pages")]
    taobao_s, taobao_n = taobao
    return [
        Figure(
            name,
            seconds,
            "s",
            f"Taobao first fill of {taobao_n:,} orders",
            taobao_s,
            f"loopback gateways; {inserted / seconds:,.0f} vs {taobao_n / taobao_s:,.0f} orders/s",
        )
    ]

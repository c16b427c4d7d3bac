"""A seller's product sheet into the catalogue: importing a 20,000-row .xlsx beside openpyxl merely reading it.

The sheet (written once with openpyxl's write-only mode) has a SKU, title, spec, one or two EAN-13s, a case code
with its count on every other row, weight, stock and safety stock, as a real shop's sheet does. `import_products`
reads it (openpyxl, read-only mode), checks every row by the catalogue's rules and writes it into a fresh, migrated
SQLite file in one transaction; the baseline reads the same file's cells with openpyxl in read-only mode and does
nothing else, which is the floor of any import of it. A second import of the same sheet (nothing changes) is
measured too. Each figure is the best of PACKDESK_BENCH_REPEAT runs.

The catalogue from the platform (`run_sync`, suite "catalogue_sync"): a seeded catalogue of
PACKDESK_BENCH_CATALOGUE_SKUS SKUs (1-5 per item, most with a barcode, some refused) on the loopback TOP gateway
(tests/pdtest/top_items.py, real HTTP on 127.0.0.1) synced into a fresh SQLite file with `CatalogueSync`, beside the
same calls made and their answers parsed with nothing stored (the floor of any sync over that gateway); and a second
sync with nothing changed.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure

ROWS = int(os.environ.get("PACKDESK_BENCH_CATALOGUE_ROWS", "20000"))
REPEAT = int(os.environ.get("PACKDESK_BENCH_REPEAT", "2"))
HEADER = ["商家编码", "商品名称", "规格", "条形码", "箱码", "箱规", "重量(克)", "库存", "安全库存"]


def _write_sheet(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    from app.domain.barcodes import gtin_check_digit, make_ean13

    book = Workbook(write_only=True)
    sheet = book.create_sheet("商品")
    sheet.append(HEADER)
    for n in range(rows):
        unit = make_ean13(f"69{n:010d}")
        codes = unit if n % 5 else f"{unit},{make_ean13(f'68{n:010d}')}"
        case = "" if n % 2 else f"1{unit[:-1]}{gtin_check_digit(f'1{unit[:-1]}')}"
        sheet.append(
            [f"SKU-{n:06d}", f"商品 {n}", f"颜色:{n % 7};尺码:{n % 5}", codes, case, 12 if case else "",
             100 + n % 900, n % 300, 5]
        )  # fmt: skip
    book.save(path)


def _import(path: Path, root: Path, times: int) -> list[float]:
    from app.services.workspace import open_workspace
    from app.sync.imports.products import import_products

    ws = open_workspace(root)
    try:
        elapsed = []
        for _ in range(times):
            start = time.perf_counter()
            with ws.session_factory.begin() as session:
                report = import_products(session, path)
            elapsed.append(time.perf_counter() - start)
            assert not report.errors and not report.rejected, report.to_json()
        return elapsed
    finally:
        ws.close()


def _read(path: Path) -> float:
    from openpyxl import load_workbook

    start = time.perf_counter()
    book = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in book.worksheets[0].iter_rows(values_only=True):
        cells += len(row)
    book.close()
    return time.perf_counter() - start


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp:
        sheet = Path(tmp) / "products.xlsx"
        _write_sheet(sheet, ROWS)
        runs = [_import(sheet, Path(tmp) / f"ws{i}", 2) for i in range(REPEAT)]
        first, again = min(r[0] for r in runs), min(r[1] for r in runs)
        raw = min(_read(sheet) for _ in range(REPEAT))
    return [
        Figure(
            f"import a {ROWS:,}-row product sheet (xlsx)",
            first,
            "s",
            "openpyxl read-only read of it",
            raw,
            f"within 2x of reading it ({first / raw:.2f}x)",
        ),
        Figure(
            f"import it again (all {ROWS:,} unchanged)",
            again,
            "s",
            "openpyxl read-only read of it",
            raw,
            f"within 2x of reading it ({again / raw:.2f}x)",
        ),
    ]


# -- the catalogue from the platform --------------------------------------------------------------------------------

SYNC_SKUS = int(os.environ.get("PACKDESK_BENCH_CATALOGUE_SKUS", "20000"))


def _fetch_only(client, end: datetime) -> float:  # type: ignore[no-untyped-def]
    """The same calls as a first sync (every listing page, every item read whole in batches), each answer read into
    the typed values, nothing stored: the floor of any sync over this gateway."""
    from app.sync.catalogue import BATCH, DETAIL_FIELDS, LIST_FIELDS, ORIGIN, PAGE_SIZE
    from app.sync.catalogue_answers import ItemsPage
    from app.sync.top import china_time

    start = time.perf_counter()
    params = {"fields": LIST_FIELDS, "start_modified": china_time(ORIGIN), "end_modified": china_time(end),
              "order_by": "modified:desc", "page_size": PAGE_SIZE}  # fmt: skip
    total = client.read("taobao.items.onsale.get", {**params, "page_no": 1}, ItemsPage).total_results or 0
    for page in range(max(1, -(-total // PAGE_SIZE)), 0, -1):
        ids = [i.number for i in client.read("taobao.items.onsale.get", {**params, "page_no": page}, ItemsPage).found]
        for at in range(0, len(ids), BATCH):
            chunk = ",".join(ids[at : at + BATCH])
            client.read("taobao.items.seller.list.get", {"fields": DETAIL_FIELDS, "num_iids": chunk}, ItemsPage)
    return time.perf_counter() - start


def _sync_twice(srv, root: Path) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """A first sync into a fresh, migrated SQLite file, then a second one (nothing changed): seconds each, SKUs."""
    from app.domain.enums import Platform
    from app.services.workspace import open_workspace
    from app.sync.catalogue import CatalogueSync
    from app.sync.shops import ensure_shop
    from app.sync.top import TopClient

    ws = open_workspace(root)
    try:
        with ws.session_factory.begin() as session:
            shop_id = ensure_shop(session, "淘宝店", Platform.TAOBAO, datetime.now(UTC)).id
        with TopClient(srv.url, srv.app_key, srv.secret, srv.session) as client:
            start = time.perf_counter()
            first = CatalogueSync(ws.session_factory, shop_id, client).run()
            middle = time.perf_counter()
            later = datetime.now(UTC) + timedelta(minutes=1)
            again = CatalogueSync(ws.session_factory, shop_id, client, clock=lambda: later).run()
            done = time.perf_counter()
        assert first.error is None and first.added + len(first.rejected) >= first.skus > 0, first.to_json()
        assert again.items == 0 and again.added == again.changed == 0, again.to_json()
        return middle - start, done - middle, first.skus
    finally:
        ws.close()


def run_sync() -> list[Figure]:
    from bench.sync import _top_server

    top = _top_server()
    if top is None:  # an installed copy without the test gateway
        return []
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp, top.TopServer(seed=9, n_trades=1) as srv:
        srv.items.clear()
        srv.items.add_generated(SYNC_SKUS, seed=9)
        runs = [_sync_twice(srv, Path(tmp) / f"ws{i}") for i in range(REPEAT)]
        from app.sync.top import TopClient

        with TopClient(srv.url, srv.app_key, srv.secret, srv.session) as client:
            raw = min(_fetch_only(client, datetime.now(UTC)) for _ in range(REPEAT))
    first, again, skus = min(r[0] for r in runs), min(r[1] for r in runs), runs[0][2]
    return [
        Figure(
            f"sync a {skus:,}-SKU catalogue (TOP gateway)",
            first,
            "s",
            "the same calls, answers parsed, not stored",
            raw,
            f"{first / raw:.1f}x the calls alone (rules, writes, a commit a page)",
        ),
        Figure(
            "sync it again (nothing changed)",
            again,
            "s",
            "the same calls, answers parsed, not stored",
            raw,
            "lists the pages, reads no item again",
        ),
    ]

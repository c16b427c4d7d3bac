"""A seller's product sheet into the catalogue: importing a 20,000-row .xlsx beside openpyxl merely reading it.

The sheet (written once with openpyxl's write-only mode) has a SKU, title, spec, one or two EAN-13s, a case code
with its count on every other row, weight, stock and safety stock, as a real shop's sheet does. `import_products`
reads it (openpyxl, read-only mode), checks every row by the catalogue's rules and writes it into a fresh, migrated
SQLite file in one transaction; the baseline reads the same file's cells with openpyxl in read-only mode and does
nothing else, which is the floor of any import of it. A second import of the same sheet (nothing changes) is
measured too. Each figure is the best of PACKDESK_BENCH_REPEAT runs.
"""

from __future__ import annotations

import os
import tempfile
import time
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

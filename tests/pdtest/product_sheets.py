"""Product sheets as sellers keep them, for the catalogue import tests: .xlsx (written with openpyxl) and .csv.

`catalogue_sheet` writes one sheet of the catalogue of tests/pdtest/exports.py (the SKUs its order exports sell) with
a broken row of each kind at a known row, and returns a `Sheet`: what a correct importer makes of it (each good
product with every field) and each rejected row with its Excel row number and a keyword of its reason.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from app.domain.barcodes import gtin_check_digit, make_ean13
from pdtest.exports import CATALOGUE

CN_HEADER = ["商家编码", "商品名称", "规格", "条形码", "箱码", "箱规", "重量(克)", "库存", "安全库存", "备注"]
EN_HEADER = ["SKU", "Title", "Spec", "Barcodes", "Case barcode", "Units per case", "Weight (kg)", "Stock",
             "Safety stock", "Notes"]  # fmt: skip


def ean(n: int) -> str:
    """The n-th EAN-13 of the test company prefix 690000."""
    return make_ean13(f"690000{n:06d}")


def case_of(code: str, indicator: int = 1) -> str:
    """The GS1 case code (GTIN-14) of a unit's EAN-13, with packaging indicator `indicator`."""
    body = f"{indicator}{code[:-1]}"
    return body + str(gtin_check_digit(body))


def wrong_check(code: str) -> tuple[str, int]:
    """`code` with a wrong last digit, and the digit it should have."""
    right = int(code[-1])
    return code[:-1] + str((right + 3) % 10), right


@dataclass(frozen=True)
class Expected:
    sku: str
    title: str
    spec: str
    barcodes: tuple[str, ...]
    case_packs: tuple[tuple[str, int], ...]
    weight_g: int
    on_hand: int
    safety: int


@dataclass
class Sheet:
    path: Path
    header_row: int
    rows: int  # data rows (blank ones left out)
    products: dict[str, Expected] = field(default_factory=dict)
    rejected: dict[int, str] = field(default_factory=dict)  # row -> keyword of its reason


def catalogue_sheet(directory: Path, kind: str, *, english: bool = False, title_row: bool = False) -> Sheet:
    """Writes the catalogue as `kind` ("xlsx", "csv" or "csv-gbk") and says what an import must make of it.

    Grams in the Chinese header, kilograms in the English one; in a workbook, barcodes and numbers are numeric
    cells, as Excel stores what a seller types.
    """
    header = EN_HEADER if english else CN_HEADER
    records: list[list[Any]] = []
    if title_row:
        records += [["小鹿生活馆 商品资料 2026-05"], []]
    header_row = len(records) + 1
    records.append(header)
    sheet = Sheet(directory / f"products-{kind}{'-en' if english else ''}.{kind.split('-')[0]}", header_row, 0)
    numeric = kind == "xlsx"

    def add(values: list[Any], expected: Expected | None = None, rejected: str | None = None) -> int:
        records.append(values)
        row = len(records)
        if expected is not None:
            sheet.products[expected.sku] = expected
        if rejected is not None:
            sheet.rejected[row] = rejected
        return row

    def weight(grams: int) -> Any:
        if english:
            return grams / 1000 if numeric else f"{grams / 1000:g}"
        return grams if numeric else str(grams)

    def code(text: str) -> Any:
        return int(text) if numeric else text

    for i, (sku, title, _price, spec) in enumerate(CATALOGUE):
        units = [ean(10 * i + 1)] + ([ean(10 * i + 2)] if i % 3 == 0 else [])
        cases = ((case_of(units[0]), 6),) if i % 2 == 0 else ()
        grams = 100 + 35 * i
        barcodes: Any = " / ".join(units) if len(units) > 1 else code(units[0])
        add(
            [sku, title, spec, barcodes, code(cases[0][0]) if cases else "", cases[0][1] if cases else "",
             weight(grams), 20 + i if numeric else str(20 + i), 5, "备注"],
            Expected(sku, title, spec, tuple(units), cases, grams, 20 + i, 5),
        )  # fmt: skip
        if i == 3:
            records.append([])  # a blank row: skipped, the numbering goes on
    bad, right = wrong_check(ean(901))
    add(["BAD-CHECK", "校验位错误", "", bad, "", "", weight(100), 1, 0, ""], rejected=f"need {right}")
    add(["CLASH-01", "撞码商品", "", ean(1), "", "", weight(100), 1, 0, ""], rejected=f"{CATALOGUE[0][0]} on row")
    add(["", "没有编码", "", ean(902), "", "", weight(100), 1, 0, ""], rejected="no SKU")
    add(["WEIGHT-X", "重量不对", "", ean(903), "", "", "重约三百克", 1, 0, ""], rejected="not a weight")
    add(["CASE-NO-UNITS", "箱码无箱规", "", ean(904), case_of(ean(904)), "", weight(100), 1, 0, ""],
        rejected="no unit count")  # fmt: skip
    add([CATALOGUE[1][0], "重复行", "", ean(905), "", "", weight(100), 1, 0, ""], rejected="already on row")
    add(["CASE-AS-UNIT", "箱码写在条码列", "", case_of(ean(906), 2), "", "", weight(100), 1, 0, ""],
        rejected="GS1 case code")  # fmt: skip
    sheet.rows = sum(1 for r in records[header_row:] if any(str(c).strip() for c in r))
    _write(sheet.path, kind, records)
    return sheet


def _write(path: Path, kind: str, records: list[list[Any]]) -> None:
    if kind == "xlsx":
        book = Workbook()
        ws = book.active
        ws.title = "商品"
        for row in records:
            ws.append(row)
        book.save(path)
        return
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([[str(c) for c in row] for row in records])
    path.write_bytes(buf.getvalue().encode("gbk") if kind == "csv-gbk" else b"\xef\xbb\xbf" + buf.getvalue().encode())


def write_rows(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    """A small sheet of the given rows (.xlsx or .csv by the path's suffix, CSV in UTF-8 with a BOM)."""
    _write(path, "xlsx" if path.suffix == ".xlsx" else "csv", [header, *rows])
    return path

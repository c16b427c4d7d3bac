"""The seller's product sheet into the catalogue (app.sync.imports.products) on a real SQLite file: .xlsx written with
openpyxl and .csv (UTF-8 with a BOM, GBK), each with a broken row of every kind at a known row (tests/pdtest/
product_sheets.py). The tests check every rejected row by number and reason, every imported product field by field,
that a second import changes nothing, the column mapping, and that cached orders' lines get the barcodes and weights.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pdtest.exports import ANCHOR, CATALOGUE, write_pdd
from pdtest.product_sheets import Expected, Sheet, case_of, catalogue_sheet, ean, write_rows
from sqlalchemy import func, select

from app.domain.enums import Platform
from app.domain.errors import InvalidInput, NotFound
from app.domain.products import Product
from app.persistence.repositories import CatalogueRepository
from app.persistence.rows import AuditRow, BarcodeRow, ProductRow
from app.services.audit import Actor
from app.services.catalogue import bind_barcode, list_products
from app.services.orders import list_orders
from app.services.workspace import Workspace
from app.sync.imports import import_files
from app.sync.imports.products import ProductImportReport, import_products, parse_map
from app.sync.shops import ensure_shop

SHOP = "小鹿生活馆"
NOW = ANCHOR + timedelta(minutes=5)
ACTOR = Actor("店长", "office")


def run(ws: Workspace, path: Path, **kwargs: object) -> ProductImportReport:
    with ws.session_factory.begin() as session:
        return import_products(session, path, **kwargs)  # type: ignore[arg-type]


def catalogue(ws: Workspace) -> dict[str, Product]:
    return {p.sku: p for p in list_products(ws.session_factory, limit=10_000)}


def table_counts(ws: Workspace) -> tuple[int, int]:
    with ws.session_factory() as s:
        products = s.execute(select(func.count()).select_from(ProductRow)).scalar_one()
        codes = s.execute(select(func.count()).select_from(BarcodeRow)).scalar_one()
    return products, codes


def seen(p: Product) -> Expected:
    cases = tuple((c.barcode, c.units) for c in p.case_packs)
    return Expected(p.sku, p.title, p.spec, p.barcodes, cases, p.weight_g, p.stock.on_hand, p.stock.safety)


def check(report: ProductImportReport, sheet: Sheet, ws: Workspace) -> None:
    (f,) = report.files
    assert f.error is None
    assert f.rows == sheet.rows
    assert report.columns is not None and report.columns.header_row == sheet.header_row
    got = {r.row: r.reason for r in report.rejected}
    assert sorted(got) == sorted(sheet.rejected), got
    for row, keyword in sheet.rejected.items():
        assert keyword in got[row], (row, got[row])
    products = catalogue(ws)
    assert set(products) == set(sheet.products)
    for sku, expected in sheet.products.items():
        assert seen(products[sku]) == expected


KINDS = ["xlsx", "csv", "csv-gbk"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_sheet_imports_its_good_rows_and_rejects_each_broken_one(
    workspace: Workspace, tmp_path: Path, kind: str
) -> None:
    sheet = catalogue_sheet(tmp_path, kind)
    report = run(workspace, sheet.path)
    check(report, sheet, workspace)
    assert (report.total("inserted"), report.total("updated"), report.total("unchanged")) == (len(CATALOGUE), 0, 0)
    assert report.columns is not None
    assert report.columns.mapping == {
        "sku": "商家编码", "title": "商品名称", "spec": "规格", "barcode": "条形码", "case_barcode": "箱码",
        "case_units": "箱规", "weight_g": "重量(克)", "stock": "库存", "safety_stock": "安全库存",
    }  # fmt: skip
    assert report.columns.ignored == ("备注",)


@pytest.mark.parametrize("kind", KINDS)
def test_a_second_import_of_the_same_sheet_changes_nothing(workspace: Workspace, tmp_path: Path, kind: str) -> None:
    sheet = catalogue_sheet(tmp_path, kind)
    run(workspace, sheet.path)
    before = (catalogue(workspace), table_counts(workspace))
    report = run(workspace, sheet.path)
    assert (report.total("inserted"), report.total("updated"), report.total("unchanged")) == (0, 0, len(CATALOGUE))
    assert sorted(r.row for r in report.rejected) == sorted(sheet.rejected)
    assert (catalogue(workspace), table_counts(workspace)) == before


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_english_headers_under_a_title_row_and_weights_in_kilograms(
    workspace: Workspace, tmp_path: Path, kind: str
) -> None:
    sheet = catalogue_sheet(tmp_path, kind, english=True, title_row=True)
    assert sheet.header_row == 3
    report = run(workspace, sheet.path)
    check(report, sheet, workspace)
    assert report.columns is not None and report.columns.mapping["weight_kg"] == "Weight (kg)"


def test_the_same_sheet_as_xlsx_and_csv_gives_the_same_catalogue(workspace: Workspace, tmp_path: Path) -> None:
    run(workspace, catalogue_sheet(tmp_path, "xlsx").path)
    first = catalogue(workspace)
    report = run(workspace, catalogue_sheet(tmp_path, "csv").path)
    assert report.total("unchanged") == len(CATALOGUE) and catalogue(workspace) == first


def test_a_changed_sheet_updates_what_it_says_and_keeps_what_it_leaves_empty(
    workspace: Workspace, tmp_path: Path
) -> None:
    header = ["商家编码", "商品名称", "条形码", "重量(克)", "库存"]
    first = write_rows(
        tmp_path / "a.csv", header, [["TEE-01", "T恤", ean(1), "200", "10"], ["MUG-03", "杯", "", "", ""]]
    )
    run(workspace, first)
    second = write_rows(
        tmp_path / "b.csv", header, [["TEE-01", "", f"{ean(1)},{ean(2)}", "", "7"], ["MUG-03", "杯", "", "", ""]]
    )
    report = run(workspace, second)
    assert (report.total("updated"), report.total("unchanged")) == (1, 1)
    tee = catalogue(workspace)["TEE-01"]
    assert (tee.title, tee.weight_g, tee.stock.on_hand, tee.barcodes) == ("T恤", 200, 7, (ean(1), ean(2)))


def test_a_barcode_bound_at_the_bench_clashes_naming_both_skus(workspace: Workspace, tmp_path: Path) -> None:
    header = ["商家编码", "商品名称", "条形码"]
    run(workspace, write_rows(tmp_path / "a.csv", header, [["TEE-01", "T恤", ean(1)], ["MUG-03", "杯", ""]]))
    bind_barcode(workspace.session_factory, "MUG-03", ean(7), 1, ACTOR)
    report = run(workspace, write_rows(tmp_path / "b.csv", header, [["TEE-01", "T恤", ean(7)]]))
    ((rejected),) = report.rejected
    assert rejected.row == 2 and "TEE-01" in rejected.reason and "MUG-03" in rejected.reason
    assert catalogue(workspace)["TEE-01"].barcodes == (ean(1),)


def test_the_seller_names_columns_with_a_mapping(workspace: Workspace, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.xlsx", ["编号", "品名", "码", "条码"], [["TEE-01", "T恤", ean(1), "ignored"]])
    report = run(workspace, path, mapping=parse_map(["sku=编号", "barcode=码", "title=品名"]))
    assert report.columns is not None
    assert report.columns.mapping == {"sku": "编号", "barcode": "码", "title": "品名"}
    assert report.columns.ignored == ("条码",)  # named by the seller's mapping for nothing: the mapping wins
    assert catalogue(workspace)["TEE-01"].barcodes == (ean(1),)

    unmapped = run(workspace, path, mapping=parse_map(["sku=编号", "barcode=", "title=品名"]))
    assert unmapped.columns is not None and "barcode" not in unmapped.columns.mapping


def test_a_sheet_without_a_sku_column_or_with_a_missing_mapped_column_changes_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_rows(tmp_path / "a.csv", ["名字", "条码"], [["T恤", ean(1)]])
    report = run(workspace, path)
    assert report.errors and "no SKU column" in (report.files[0].error or "") and "名字, 条码" in report.files[0].error
    report = run(workspace, path, mapping={"sku": "编码"})
    assert report.errors and "no column '编码'" in (report.files[0].error or "")
    assert table_counts(workspace) == (0, 0)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old .xls workbook or a password-protected"),
        (b"PK\x03\x04 not really a zip", "not a readable Excel workbook"),
        (b"\xff\xfe\x00\xd8" * 8 + bytes(range(128, 256)), "neither an Excel workbook"),
    ],
)
def test_files_that_are_no_sheet_are_refused(workspace: Workspace, tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "products.xlsx"
    path.write_bytes(content)
    report = run(workspace, path)
    assert reason in (report.files[0].error or "")
    assert table_counts(workspace) == (0, 0)


def test_an_unknown_shop_is_refused_and_a_known_one_is_recorded(workspace: Workspace, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.csv", ["SKU", "Title"], [["TEE-01", "T恤"]])
    with pytest.raises(NotFound):
        run(workspace, path, shop="没有这个店")
    assert table_counts(workspace) == (0, 0)
    with workspace.session_factory.begin() as session:
        ensure_shop(session, SHOP, Platform.PDD, NOW)
    report = run(workspace, path, shop=SHOP)
    assert (report.shop, report.platform) == (SHOP, "pdd")
    assert catalogue(workspace)["TEE-01"].shop == SHOP


def test_parse_map_refuses_what_it_cannot_read() -> None:
    assert parse_map(["Barcodes=条形码", "weight=毛重"]) == {"barcode": "条形码", "weight_g": "毛重"}
    with pytest.raises(InvalidInput, match="unknown field 'colour'"):
        parse_map(["colour=颜色"])
    with pytest.raises(InvalidInput, match="FIELD=HEADER"):
        parse_map(["barcode"])


def test_cached_orders_get_the_imported_barcodes_weights_and_reservations(workspace: Workspace, tmp_path: Path) -> None:
    export = write_pdd(tmp_path)
    with workspace.session_factory.begin() as session:
        import_files(session, export.files, SHOP, NOW)
    sheet = catalogue_sheet(tmp_path, "xlsx")
    run(workspace, sheet.path)
    orders = list_orders(workspace.session_factory, limit=1000)
    lines = [ln for o in orders for ln in o.lines]
    assert lines and all(ln.barcodes[0] == sheet.products[ln.sku].barcodes[0] for ln in lines)
    assert all(
        ln.barcodes[-1] == sheet.products[ln.sku].case_packs[-1][0] for ln in lines if sheet.products[ln.sku].case_packs
    )
    waiting = {}
    for o in orders:
        if o.status.is_open:
            for ln in o.lines:
                if ln.packable:
                    waiting[ln.sku] = waiting.get(ln.sku, 0) + ln.qty
    products = catalogue(workspace)
    assert {sku: p.stock.reserved for sku, p in products.items() if p.stock.reserved} == waiting
    for sku, p in products.items():
        assert p.stock.available == p.stock.on_hand - waiting.get(sku, 0)


def test_a_line_carrying_the_item_code_links_to_the_only_product_with_it(workspace: Workspace, tmp_path: Path) -> None:
    export = write_pdd(tmp_path)
    with workspace.session_factory.begin() as session:
        import_files(session, export.files, SHOP, NOW)
    header = ["SKU", "outer id", "Barcode", "Weight (g)"]
    rows = [
        ["6901-TOWEL-PINK", "TOWEL-02", ean(1), "210"],  # the lines carry TOWEL-02: this SKU's item code alone
        ["TEA-GREEN", "TEA-02", ean(31), "300"],  # the lines carry TEA-02: two SKUs' item code, nobody's
        ["TEA-RED", "TEA-02", ean(32), "300"],
    ]
    report = run(workspace, write_rows(tmp_path / "a.csv", header, rows))
    assert not report.rejected
    lines = [ln for o in list_orders(workspace.session_factory, limit=1000) for ln in o.lines]
    assert {ln.barcodes for ln in lines if ln.sku == "TOWEL-02"} == {(ean(1),)}
    assert {ln.barcodes for ln in lines if ln.sku == "TEA-02"} == {()}
    with workspace.session_factory() as session:
        assert CatalogueRepository(session).weights(["TOWEL-02", "TEA-02"]) == {"TOWEL-02": 210}
    towel = catalogue(workspace)["6901-TOWEL-PINK"]
    # the sheet gives no stock: PackDesk keeps none for it, so nothing is reserved (app.domain.stock)
    assert towel.outer_id == "TOWEL-02" and towel.stock.reserved == 0


def test_binding_by_hand_follows_the_rules_and_is_audited(workspace: Workspace, tmp_path: Path) -> None:
    run(workspace, write_rows(tmp_path / "a.csv", ["SKU", "Title"], [["TEE-01", "T恤"], ["MUG-03", "杯"]]))
    bound = bind_barcode(workspace.session_factory, "TEE-01", ean(1), 1, ACTOR)
    assert bound.changed and bound.product.barcodes == (ean(1),)
    assert not bind_barcode(workspace.session_factory, "TEE-01", ean(1), 1, ACTOR).changed
    case = bind_barcode(workspace.session_factory, "TEE-01", "(01)" + case_of(ean(1)), 12, ACTOR)
    assert case.changed and case.product.case_packs[0].units == 12
    with pytest.raises(InvalidInput, match="TEE-01.*MUG-03|MUG-03.*TEE-01"):
        bind_barcode(workspace.session_factory, "MUG-03", ean(1), 1, ACTOR)
    with pytest.raises(InvalidInput, match="check digit"):
        bind_barcode(workspace.session_factory, "MUG-03", ean(2)[:-1] + str((int(ean(2)[-1]) + 1) % 10), 1, ACTOR)
    with pytest.raises(NotFound):
        bind_barcode(workspace.session_factory, "NOPE", ean(3), 1, ACTOR)
    with workspace.session_factory() as s:
        audited = s.execute(select(AuditRow.entity_id).where(AuditRow.action == "bind_barcode")).scalars().all()
    assert len(audited) == 2


def test_barcodes_of_many_lines_are_found_chunk_by_chunk(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [[f"SKU-{n}", f"{ean(2 * n)} {ean(2 * n + 1)}", f"ITEM-{n}"] for n in range(7)]
    run(workspace, write_rows(tmp_path / "a.csv", ["SKU", "Barcodes", "outer id"], rows))
    wanted = [f"SKU-{n}" for n in range(4)] + [f"ITEM-{n}" for n in range(4, 7)] + ["NOPE"]
    with workspace.session_factory() as session:
        whole = CatalogueRepository(session).for_skus(wanted)
        monkeypatch.setattr("app.persistence.products.LINE_CHUNK", 3)  # the chunks split a product's keys apart
        assert CatalogueRepository(session).for_skus(wanted) == whole
    expected = {text: [ean(2 * n), ean(2 * n + 1)] for n, text in enumerate(wanted[:7])}
    assert whole == (expected, {})

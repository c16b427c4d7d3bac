"""`packdesk products import|list|barcode` end to end in subprocesses, as scripts and acceptance checks run them: the
JSON shapes (the import's like `packdesk import`'s), the rejected rows, a re-import that changes nothing, the
mapping, a dry run, and errors as one line on stderr with a non-zero exit and nothing changed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pdtest.exports import CATALOGUE, write_pdd
from pdtest.product_sheets import case_of, catalogue_sheet, ean, write_rows

STOCK_KEYS = {"on_hand", "reserved", "available", "safety"}
PRODUCT_KEYS = {"sku", "outer_id", "title", "spec", "barcodes", "case_packs", "weight_g", "stock"}
REPORT_KEYS = {"shop", "platform", "files", "inserted", "updated", "unchanged", "skipped", "rejected", "changes"}


@pytest.fixture
def packdesk(packdesk_cmd: list[str], tmp_path: Path) -> Any:
    data_dir = tmp_path / "data"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*packdesk_cmd, "--data-dir", str(data_dir), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    return run


def ok(done: subprocess.CompletedProcess[str]) -> Any:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode != 0 and done.stderr.startswith("packdesk: "), (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and all(w in done.stderr for w in words), done.stderr


def test_import_reports_rows_like_the_order_import_and_a_second_run_changes_nothing(
    packdesk: Any, tmp_path: Path
) -> None:
    sheet = catalogue_sheet(tmp_path, "xlsx")
    out = ok(packdesk("products", "import", str(sheet.path), "--json"))
    assert REPORT_KEYS <= set(out)
    assert (out["inserted"], out["updated"], out["unchanged"], out["rejected"]) == (
        len(CATALOGUE), 0, 0, len(sheet.rejected)
    )  # fmt: skip
    (f,) = out["files"]
    assert (f["file"], f["rows"], f["error"]) == (str(sheet.path), sheet.rows, None)
    assert [r["row"] for r in f["rejected"]] == sorted(sheet.rejected)
    assert all(sheet.rejected[r["row"]] in r["reason"] for r in f["rejected"])
    assert out["mapping"]["barcode"] == "条形码" and out["header_row"] == 1 and out["dry_run"] is False

    again = ok(packdesk("products", "import", str(sheet.path), "--json"))
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, len(CATALOGUE))

    human = packdesk("products", "import", str(sheet.path))
    assert human.returncode == 0, human.stderr
    row = next(r for r, keyword in sheet.rejected.items() if keyword.startswith("need"))
    assert f"{sheet.path} row {row}: 条形码: barcode" in human.stdout and "check digit" in human.stdout
    assert f"{sheet.rows} rows: 0 products new, 0 updated, {len(CATALOGUE)} unchanged" in human.stdout


def test_list_gives_the_contract_fields_and_finds_what_is_missing(packdesk: Any, tmp_path: Path) -> None:
    export = write_pdd(tmp_path)
    ok(packdesk("import", *map(str, export.files), "--shop", "拼多多店", "--json"))
    sheet = catalogue_sheet(tmp_path, "csv")
    ok(packdesk("products", "import", str(sheet.path), "--shop", "拼多多店", "--json"))
    products = ok(packdesk("products", "list", "--json"))
    assert [p["sku"] for p in products] == sorted(sheet.products)
    for p in products:
        assert PRODUCT_KEYS <= set(p) and set(p["stock"]) == STOCK_KEYS
        expected = sheet.products[p["sku"]]
        assert p["barcodes"] == list(expected.barcodes) and p["weight_g"] == expected.weight_g
        assert p["case_packs"] == [{"barcode": c, "units": n} for c, n in expected.case_packs]
        assert p["stock"]["available"] == p["stock"]["on_hand"] - p["stock"]["reserved"]
    assert sum(p["stock"]["reserved"] for p in products) > 0

    tee = ok(packdesk("products", "list", "--search", ean(1), "--json"))
    assert [p["sku"] for p in tee] == [CATALOGUE[0][0]]
    assert ok(packdesk("products", "list", "--missing-barcode", "--json")) == []

    new = write_rows(tmp_path / "new.csv", ["SKU", "Title"], [["NEW-1", "新品"]])
    ok(packdesk("products", "import", str(new), "--json"))
    missing = ok(packdesk("products", "list", "--missing-barcode", "--json"))
    assert [(p["sku"], p["in_catalogue"]) for p in missing] == [("NEW-1", True)]


def test_the_lines_of_a_shop_without_a_catalogue_are_listed_as_missing(packdesk: Any, tmp_path: Path) -> None:
    export = write_pdd(tmp_path)
    ok(packdesk("import", *map(str, export.files), "--shop", "拼多多店", "--json"))
    missing = ok(packdesk("products", "list", "--missing-barcode", "--json"))
    orders = ok(packdesk("orders", "--json"))
    waiting = {ln["sku"] for o in orders if o["status"] in ("awaiting_shipment", "partly_shipped") for ln in o["lines"]}
    assert {p["sku"] for p in missing} >= waiting and all(not p["in_catalogue"] for p in missing)

    sku = sorted(waiting)[0]
    bound = ok(packdesk("products", "barcode", sku, ean(5), "--json"))
    assert bound["changed"] and bound["product"]["barcodes"] == [ean(5)]
    orders = ok(packdesk("orders", "--json"))
    assert all(ln["barcodes"] == [ean(5)] for o in orders for ln in o["lines"] if ln["sku"] == sku)


def test_barcode_binds_by_the_rules_and_refuses_with_reasons(packdesk: Any, tmp_path: Path) -> None:
    ok(packdesk("products", "import", str(write_rows(tmp_path / "a.csv", ["SKU"], [["TEE-01"], ["MUG-03"]])), "--json"))
    human = packdesk("products", "barcode", "TEE-01", ean(1))
    assert human.returncode == 0 and f"{ean(1)} (piece) bound to TEE-01" in human.stdout
    case = ok(packdesk("products", "barcode", "TEE-01", case_of(ean(1)), "--units", "6", "--json"))
    assert case["product"]["case_packs"] == [{"barcode": case_of(ean(1)), "units": 6}]
    refused(packdesk("products", "barcode", "MUG-03", ean(1)), ean(1), "TEE-01", "MUG-03")
    wrong = ean(2)[:-1] + str((int(ean(2)[-1]) + 1) % 10)
    refused(packdesk("products", "barcode", "MUG-03", wrong), "check digit", f"need {ean(2)[-1]}")
    refused(packdesk("products", "barcode", "MUG-03", case_of(ean(3))), "case code")
    refused(packdesk("products", "barcode", "MUG-03", ean(3), "--units", "0"), "1 to 9999 pieces", "not 0")
    refused(packdesk("products", "barcode", "NOPE", ean(3)), "No SKU NOPE")
    mug = ok(packdesk("products", "list", "--search", "MUG-03", "--json"))
    assert mug[0]["barcodes"] == [] and mug[0]["case_packs"] == []


def test_map_dry_run_and_refused_files(packdesk: Any, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.csv", ["编号", "码"], [["TEE-01", ean(1)]])
    refused(packdesk("products", "import", str(path)), "no SKU column", "--map sku=")
    dry = ok(
        packdesk("products", "import", str(path), "--map", "sku=编号", "--map", "barcode=码", "--json", "--dry-run")
    )
    assert (dry["inserted"], dry["dry_run"], dry["mapping"]) == (1, True, {"sku": "编号", "barcode": "码"})
    assert ok(packdesk("products", "list", "--json")) == []
    done = ok(packdesk("products", "import", str(path), "--map", "sku=编号", "--map", "barcode=码", "--json"))
    assert done["inserted"] == 1 and ok(packdesk("products", "list", "--json"))[0]["barcodes"] == [ean(1)]
    refused(packdesk("products", "import", str(path), "--map", "colour=颜色"), "unknown field 'colour'")
    refused(packdesk("products", "import", str(path), "--shop", "没有的店"), "No shop named")
    refused(packdesk("products", "import", str(tmp_path / "gone.xlsx")), "cannot be read")

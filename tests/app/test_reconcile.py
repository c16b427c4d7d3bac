"""Courier reconciliation (app.services.reconcile): a carrier's bill, as GB18030 CSV and as .xlsx, with each kind of
difference against the numbers used in tests/history_seed.py, and bills that cannot be read."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from history_seed import add_parcel, cn, seed_history, ship
from openpyxl import Workbook

from app.domain.errors import InvalidInput
from app.services.reconcile import read_bill, reconcile
from app.services.workspace import Workspace

ROWS = [
    ["运单号", "计费重量(kg)", "运费"],
    ["ZT0001", "1.2", "5.00"],  # ours: 2 x 200 g known, billed 1.2 kg
    ["ZT0004", "2", "8"],  # ours: SKU C has no weight
    ["ZT9999", "1", "6.5"],  # not ours
    ["ZTVOID1", "0.5", "4"],  # a number we took and voided
    ["", "", ""],
    ["ZT0001", "1.2", "5.00"],  # billed twice
]


@pytest.fixture
def seeded(workspace: Workspace) -> Workspace:
    with workspace.session_factory.begin() as s:
        orders = seed_history(s)
        o4 = orders["o4"]
        ship(s, o4, add_parcel(s, o4, "ZTO", "ZT0004", cn(3, 4, 15, 30)), cn(3, 4, 16))
        void = add_parcel(s, orders["o5"], "ZTO", "ZTVOID1", cn(3, 3, 9))
        void.state = "void"
    return workspace


def _csv(path: Path, rows: list[list[str]], encoding: str = "gb18030") -> Path:
    path.write_bytes("\n".join(",".join(r) for r in rows).encode(encoding))
    return path


def test_a_bill_with_every_kind_of_difference(seeded: Workspace, tmp_path: Path) -> None:
    bill = read_bill(_csv(tmp_path / "中通账单.csv", ROWS))
    assert [b.row for b in bill] == [2, 3, 4, 5, 7] and bill[0].weight_g == 1200 and bill[2].fee == Decimal("6.5")
    result = reconcile(
        seeded.session_factory, bill, "zto", date_from=date(2026, 3, 2), date_to=date(2026, 3, 4), tolerance_g=300
    )
    assert (result.carrier, result.billed, result.matched) == ("ZTO", 4, 2)
    assert result.billed_fee == Decimal("28.50")
    assert [b.tracking_no for b in result.billed_not_ours] == ["ZT9999"]
    assert [b.tracking_no for b in result.billed_voided] == ["ZTVOID1"]
    assert [(p.tracking_no, p.order_no, p.shop) for p in result.ours_not_billed] == [("ZT0006", "o6", "甲店")]
    assert [(w.tracking_no, w.billed_g, w.known_g) for w in result.weight_differences] == [("ZT0001", 1200, 400)]
    assert result.weight_unknown == ("ZT0004",)
    assert [(b.tracking_no, b.row) for b in result.duplicates] == [("ZT0001", 7)]
    assert result.to_json()["weight_differences"][0]["difference_kg"] == 0.8
    # without a period: the days of the billed numbers' shipments (03-03 and 03-04)
    inferred = reconcile(seeded.session_factory, bill, "ZTO", packaging_g=900)
    assert inferred.period == (date(2026, 3, 3), date(2026, 3, 4))
    assert [p.tracking_no for p in inferred.ours_not_billed] == ["ZT0006"]
    assert inferred.weight_differences == ()  # 400 g of items + 900 g of packaging is within 300 g of 1.2 kg


def test_an_xlsx_bill_in_grams_and_utf8_csv_read_alike(seeded: Workspace, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["账单明细"])  # a title row above the header
    sheet.append(["快递单号", "重量(g)", "费用"])
    sheet.append([4000000001, 1200, 5])
    sheet.append(["ZT0001", 1200, 5])
    book.save(tmp_path / "bill.xlsx")
    bill = read_bill(tmp_path / "bill.xlsx")
    assert [(b.row, b.tracking_no, b.weight_g) for b in bill] == [(3, "4000000001", 1200), (4, "ZT0001", 1200)]
    utf8 = read_bill(_csv(tmp_path / "u.csv", [["tracking_no", "weight", "fee"], ["ZT0001", "1.2kg", "¥5"]], "utf-8"))
    assert [(b.tracking_no, b.weight_g, b.fee) for b in utf8] == [("ZT0001", 1200, Decimal("5"))]


def test_bills_that_cannot_be_read_are_refused_with_a_reason(seeded: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="cannot be read"):
        read_bill(tmp_path / "missing.csv")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(InvalidInput, match="cannot be read"):
        read_bill(tmp_path / "broken.xlsx")
    (tmp_path / "binary.csv").write_bytes(b"\xff\xfe\xff\x00\x81")
    with pytest.raises(InvalidInput, match="cannot be read"):
        read_bill(tmp_path / "binary.csv")
    with pytest.raises(InvalidInput, match="no tracking number column"):
        read_bill(_csv(tmp_path / "a.csv", [["a", "b"], ["1", "2"]]))
    with pytest.raises(InvalidInput, match="Row 3 of the bill: 'heavy' is not a weight"):
        read_bill(_csv(tmp_path / "w.csv", [["运单号", "重量"], ["ZT1", "1"], ["ZT2", "heavy"]]))
    with pytest.raises(InvalidInput, match="lists no tracking numbers"):
        read_bill(_csv(tmp_path / "e.csv", [["运单号", "重量"]]))
    bill = read_bill(_csv(tmp_path / "ok.csv", ROWS))
    with pytest.raises(InvalidInput, match="No waybill numbers of carrier 'SF'.*Carriers used: YTO, ZTO"):
        reconcile(seeded.session_factory, bill, "SF")


def test_packdesk_reconcile_json(seeded: Workspace, packdesk_cmd: list[str], data_dir: Path, tmp_path: Path) -> None:
    seeded.close()
    bill = _csv(tmp_path / "bill.csv", ROWS)
    done = subprocess.run(
        [*packdesk_cmd, "reconcile", str(bill), "--carrier", "ZTO", "--json", "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert [b["tracking_no"] for b in out["billed_not_ours"]] == ["ZT9999"]
    assert [p["tracking_no"] for p in out["ours_not_billed"]] == ["ZT0006"]
    assert out["weight_differences"][0]["tracking_no"] == "ZT0001" and out["weight_unknown"] == ["ZT0004"]
    bad = subprocess.run(
        [*packdesk_cmd, "reconcile", str(tmp_path / "nope.csv"), "--carrier", "ZTO", "--json",
         "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert bad.returncode != 0 and "cannot be read" in bad.stderr and bad.stdout == ""

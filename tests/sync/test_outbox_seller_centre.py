"""Shipments of shops without an API connection (imports, the demo): shown as waiting for the seller centre with
the reason, not counted as waiting ship-backs, exported as the platform's bulk-ship file (.csv, .xlsx), marked
entered."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pdtest.exports import write_pdd
from sqlalchemy import select

from app.cli import main
from app.persistence.rows import OutboxRow
from app.services.orders import list_orders
from app.services.workspace import Workspace
from app.sync.service import flush_outbox, sync_status

TMALL, TAOBAO = "小鹿家居旗舰店", "小鹿生活馆"  # the demo's shops: both filled without an API


def run(ws: Workspace, *args: str) -> tuple[int, Any]:
    out = io.StringIO()
    code = main(["--data-dir", str(ws.data_dir), *args, "--json"], out=out)
    return code, json.loads(out.getvalue()) if out.getvalue() else None


def ship(ws: Workspace, shop: str, n: int = 1, skip: int = 0) -> list[tuple[str, str]]:
    """Ships `n` packable orders of `shop` with ZTO numbers through `packdesk ship`; returns (order, tracking)."""
    orders = [o for o in list_orders(ws.session_factory, limit=1000) if o.shop == shop and o.block_reason() is None]
    shipped = []
    for i, order in enumerate(orders[skip : skip + n]):
        tracking = f"7{sum(map(ord, shop)) * 1000 + skip + i:013d}"  # one number per shop and parcel
        code, result = run(ws, "ship", order.order_no, "--carrier", "ZTO", "--tracking", tracking)
        assert code == 0
        shipped.append((order.order_no, result["tracking_no"]))
    return shipped


def outbox(ws: Workspace) -> list[dict[str, Any]]:
    code, items = run(ws, "outbox", "list")
    assert code == 0
    return items


def test_a_demo_shipment_waits_for_the_seller_centre_and_says_so(demo: Workspace) -> None:
    ship(demo, TAOBAO)
    (item,) = outbox(demo)
    assert item["state"] == "manual" and item["reason_code"] == "seller_centre"
    assert "seller centre" in item["last_error"] and "packdesk outbox export" in item["last_error"]
    assert {"id", "kind", "shop", "state", "attempts", "last_error", "order_no", "tracking_no"} <= set(item)
    status = sync_status(demo.session_factory)
    assert (status.waiting, status.manual) == (0, 1)
    report = flush_outbox(demo.session_factory, demo.data_dir, now_too=True)
    assert report.sent == report.retry_later == 0 and report.manual == 1


def test_export_writes_the_bulk_ship_csv_and_xlsx(demo: Workspace, tmp_path: Path) -> None:
    shipped = ship(demo, TAOBAO, 2)
    code, report = run(demo, "outbox", "export", str(tmp_path / "ship.csv"))
    assert code == 0 and report["rows"] == 2 and report["shop"] == TAOBAO
    with open(tmp_path / "ship.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [["订单编号", "物流公司", "运单号"]] + [[no, "中通快递", t] for no, t in shipped]
    code, report = run(demo, "outbox", "export", str(tmp_path / "ship.xlsx"), "--shop", TAOBAO)
    assert code == 0 and report["rows"] == 2
    sheet = load_workbook(tmp_path / "ship.xlsx").active
    assert sheet is not None
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells == [["订单编号", "物流公司", "运单号"]] + [[no, "中通快递", t] for no, t in shipped]
    assert all(row[0].data_type == "s" for row in sheet.iter_rows())  # order numbers stay text
    assert {i["export_file"] for i in outbox(demo)} == {"ship.xlsx"}


def test_pdd_shops_get_pdds_columns_and_carrier_names(workspace: Workspace, tmp_path: Path) -> None:
    export = write_pdd(tmp_path)
    code, _ = run(workspace, "import", *map(str, export.files), "--shop", "拼多多店")
    assert code == 0
    shipped = ship(workspace, "拼多多店")
    assert run(workspace, "outbox", "export", str(tmp_path / "pdd.csv"))[0] == 0
    with open(tmp_path / "pdd.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [["订单号", "快递公司", "快递单号"], [shipped[0][0], "中通快递", shipped[0][1]]]


def test_several_shops_need_a_shop_and_bad_names_change_nothing(
    demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ship(demo, TAOBAO)
    ship(demo, TMALL)
    assert run(demo, "outbox", "export", str(tmp_path / "both.csv"))[0] != 0
    assert "--shop" in capsys.readouterr().err
    assert run(demo, "outbox", "export", str(tmp_path / "ship.txt"), "--shop", TAOBAO)[0] != 0
    assert ".csv or .xlsx" in capsys.readouterr().err
    assert run(demo, "outbox", "export", str(tmp_path / "no" / "ship.csv"), "--shop", TAOBAO)[0] != 0
    assert run(demo, "outbox", "export", str(tmp_path / "x.csv"), "--shop", "没有这个店")[0] != 0
    assert list(tmp_path.iterdir()) == [demo.data_dir]
    assert all("export_file" not in i for i in outbox(demo))


def test_marking_entered_closes_only_what_was_exported(demo: Workspace, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    ship(demo, TAOBAO, 2)
    assert run(demo, "outbox", "entered")[0] != 0  # nothing exported yet
    assert "export" in capsys.readouterr().err
    assert run(demo, "outbox", "export", str(tmp_path / "ship.xlsx"))[0] == 0
    (later,) = ship(demo, TAOBAO, 1, skip=2)  # recorded after the export: not in the file
    code, result = run(demo, "outbox", "entered", "--shop", TAOBAO)
    assert code == 0 and len(result["entered"]) == 2
    items = {i["order_no"]: i for i in outbox(demo)}
    assert items[later[0]]["state"] == "manual"
    assert sorted(i["state"] for i in items.values()) == ["done", "done", "manual"]
    assert sync_status(demo.session_factory).manual == 1
    with demo.session_factory() as session:
        done = session.scalars(select(OutboxRow).where(OutboxRow.state == "done")).all()
        assert all(r.done_at and r.payload["entered_by_hand"] for r in done)


def test_marking_entered_by_number_refuses_others_and_changes_nothing(demo: Workspace, capsys) -> None:  # noqa: ANN001
    ship(demo, TAOBAO, 2)
    first, second = sorted(i["id"] for i in outbox(demo))
    assert run(demo, "outbox", "entered", str(first), "999")[0] != 0
    assert "#999" in capsys.readouterr().err
    assert run(demo, "outbox", "entered", "abc")[0] != 0
    assert {i["state"] for i in outbox(demo)} == {"manual"}
    code, result = run(demo, "outbox", "entered", f"#{second}")
    assert code == 0 and result == {"entered": [second]}
    assert run(demo, "outbox", "entered", str(second))[0] != 0  # already entered: not waiting any more

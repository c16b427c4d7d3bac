"""The bench verifies imported orders by the barcodes of an imported product sheet, with no supervisor binding: the
station engine built by the composition root over a real SQLite file, orders from a Pinduoduo export, the catalogue
from an .xlsx sheet (tests/pdtest/product_sheets.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pdtest.exports import ANCHOR, write_pdd
from pdtest.packing import ACTOR, names, pick, simple
from pdtest.product_sheets import Sheet, catalogue_sheet, ean, write_rows
from sqlalchemy import func, select

from app.persistence.rows import AuditRow
from app.services.printing import PrintService
from app.services.station_options import StationOptions
from app.services.workspace import Workspace
from app.station import Station
from app.sync.imports import import_files
from app.sync.imports.products import import_products
from app.wiring import build_station
from printers.fake import MemoryPrinter

SHOP = "拼多多小店"


@pytest.fixture
def shop(workspace: Workspace, tmp_path: Path) -> Workspace:
    """A workspace holding a Pinduoduo export's orders and no catalogue yet."""
    export = write_pdd(tmp_path)
    with workspace.session_factory.begin() as session:
        import_files(session, export.files, SHOP, ANCHOR + timedelta(minutes=5))
    return workspace


@pytest.fixture
def station(shop: Workspace) -> Station:
    return build_station(shop.session_factory, ACTOR, PrintService(shop.session_factory, MemoryPrinter(), ACTOR))


def import_sheet(ws: Workspace, path: Path) -> None:
    with ws.session_factory.begin() as session:
        report = import_products(session, path)
    assert report.files[0].error is None


def bindings(ws: Workspace) -> int:
    with ws.session_factory() as session:
        query = select(func.count()).select_from(AuditRow).where(AuditRow.action == "bind_barcode")
        return session.execute(query).scalar_one()


def test_an_imported_order_is_verified_by_the_sheets_barcodes(
    shop: Workspace, station: Station, tmp_path: Path
) -> None:
    sheet: Sheet = catalogue_sheet(tmp_path, "xlsx")
    order = pick(shop, simple(min_lines=2))
    code_of = {sku: p.barcodes[-1] for sku, p in sheet.products.items()}  # a second barcode where there is one
    first = code_of[order.lines[0].sku]
    opened = station.scan(order.order_no) + station.scan(first)
    assert names(opened) == ["order_opened", "unknown_code"]  # no catalogue yet: the item stops the packer

    import_sheet(shop, sheet.path)  # meanwhile, in the office
    events = []
    for line in order.lines:
        for _ in range(line.qty):
            events += station.scan(code_of[line.sku])
    units = sum(ln.qty for ln in order.lines)
    assert names(events)[: units + 1] == [*["item_ok"] * units, "order_complete"]
    assert [e.sku for e in events[:units]] == [ln.sku for ln in order.lines for _ in range(ln.qty)]
    assert "unknown_code" not in names(events) and bindings(shop) == 0


def test_a_line_carrying_the_item_code_is_verified_by_its_skus_barcode(
    shop: Workspace, station: Station, tmp_path: Path
) -> None:
    order = pick(shop, lambda o: simple()(o) and {ln.sku for ln in o.lines} == {"TOWEL-02"})
    path = write_rows(tmp_path / "a.csv", ["SKU", "outer id", "Barcode"], [["6901-TOWEL-PINK", "TOWEL-02", ean(1)]])
    import_sheet(shop, path)
    station_events = station.scan(order.order_no)
    for _ in range(order.lines[0].qty):
        station_events += station.scan(ean(1))
    verdicts = [e for e in station_events if e.event.value == "item_ok"]
    assert len(verdicts) == order.lines[0].qty and {e.sku for e in verdicts} == {"TOWEL-02"}
    assert "order_complete" in names(station_events) and bindings(shop) == 0


def test_sku_first_opens_an_order_whose_line_carries_the_item_code(shop: Workspace, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.csv", ["SKU", "outer id", "Barcode"], [["6901-TOWEL-PINK", "TOWEL-02", ean(1)]])
    import_sheet(shop, path)
    printer = PrintService(shop.session_factory, MemoryPrinter(), ACTOR)
    station = build_station(shop.session_factory, ACTOR, printer, options=StationOptions(sku_first=True))
    events = station.scan(ean(1))
    assert names(events)[:2] == ["order_opened", "item_ok"] and events[1].sku == "TOWEL-02"
    assert station.order is not None and {ln.sku for ln in station.order.lines} >= {"TOWEL-02"}

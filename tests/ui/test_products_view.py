"""The Products tab on the real window (offscreen) over the demo workspace: search and the missing-barcode filter, a
scan from the keyboard-wedge scanner bound to the selected SKU (and a code another SKU holds refused naming both,
nothing written), barcodes added and removed, weight, safety and on-hand stock changed in place (on hand with a
reason), a barcode bound elsewhere shown after the hub's notice, and the status bar's low-stock count leading to the
low-stock list."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pdtest.product_sheets import case_of, ean
from PySide6.QtCore import Qt

from app.domain.products import Product
from app.services.audit import Actor
from app.services.catalogue import bind_barcode, change_product, list_products, unbind_barcode
from app.services.stock import adjust_stock, set_stock, stock_levels
from ui.main import Gui
from ui.models.products_model import COL_ON_HAND, COL_SAFETY, COL_WEIGHT
from ui.ops import Changes
from ui.widgets import products_view
from ui.widgets.products_view import ProductsView

SELLER = Actor("seller", "office")


def product(gui: Gui, sku: str) -> Product:
    (found,) = [p for p in list_products(gui.workspace.session_factory, search=sku) if p.sku == sku]
    return found


def listed(view: ProductsView) -> list[str]:
    return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]


def missing(gui: Gui) -> list[str]:
    return [p.sku for p in list_products(gui.workspace.session_factory, missing_barcode=True, limit=10_000)]


def all_skus(gui: Gui) -> list[str]:
    return [p.sku for p in list_products(gui.workspace.session_factory, limit=10_000)]


@pytest.fixture
def view(qtbot, gui: Gui) -> ProductsView:  # noqa: ANN001
    window = gui.window
    window.tabs.setCurrentWidget(window.products_view)
    skus = all_skus(gui)
    qtbot.waitUntil(lambda: listed(window.products_view) == skus, timeout=10_000)
    return window.products_view


def settle(qtbot, gui: Gui, until) -> None:  # noqa: ANN001
    gui.tasks.wait()
    qtbot.waitUntil(until, timeout=10_000)


def test_search_and_the_missing_barcode_filter(qtbot, gui: Gui, view: ProductsView) -> None:  # noqa: ANN001
    before = missing(gui)
    assert view.missing_button.text().endswith(f"({len(before)})")
    view.search_edit.setText("BOX-0")
    settle(qtbot, gui, lambda: listed(view) == ["BOX-01", "BOX-02", "BOX-03", "BOX-04"])
    view.search_edit.setText("6927421000348")  # a barcode finds its SKU
    settle(qtbot, gui, lambda: listed(view) == ["BOX-02"])
    view.search_edit.clear()
    settle(qtbot, gui, lambda: listed(view) == all_skus(gui))

    unbind_barcode(gui.workspace.session_factory, "BOX-02", "6927421000348", SELLER)
    unbind_barcode(gui.workspace.session_factory, "BOTTLE-01", "6927421000133", SELLER)
    gui.ops.hub.notify(Changes(orders=True))
    settle(qtbot, gui, lambda: view.missing_button.text().endswith(f"({len(before) + 2})"))
    view.missing_button.click()
    settle(qtbot, gui, lambda: set(listed(view)) == {*before, "BOTTLE-01", "BOX-02"})
    assert view.proxy.index(listed(view).index("BOX-02"), 3).data() == "none"


def test_a_scan_binds_to_the_selected_sku_and_a_clash_names_both(qtbot, gui: Gui, view: ProductsView) -> None:  # noqa: ANN001
    before = missing(gui)
    unbind_barcode(gui.workspace.session_factory, "BOX-02", "6927421000348", SELLER)
    view.search_edit.setText("BOX-02")
    settle(qtbot, gui, lambda: listed(view) == ["BOX-02"])
    view.table.selectRow(0)
    assert "BOX-02" in view.banner.text()  # the packer sees where the scan goes before scanning

    code = ean(4242)
    view.table.setFocus()
    qtbot.keyClicks(view.table, code)  # the keyboard-wedge scanner: a burst of keys, then Enter
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    settle(qtbot, gui, lambda: code in product(gui, "BOX-02").barcodes)
    assert gui.window.tabs.currentWidget() is view  # not taken to the station
    qtbot.waitUntil(lambda: "bound to BOX-02" in view.result_label.text(), timeout=10_000)
    settle(qtbot, gui, lambda: view.missing_button.text().endswith(f"({len(before)})"))

    view.search_edit.setText("BOX-03")
    settle(qtbot, gui, lambda: listed(view) == ["BOX-03"])
    view.table.selectRow(0)
    gui.scanner.barcode_scanned.emit("6927421000331")  # BOX-01's code
    settle(qtbot, gui, lambda: "BOX-01" in view.result_label.text())
    assert "BOX-03" in view.result_label.text()
    assert "6927421000331" not in product(gui, "BOX-03").barcodes
    assert product(gui, "BOX-01").barcodes == ("6927421000331",)


def test_with_nothing_selected_a_scan_searches(qtbot, gui: Gui, view: ProductsView) -> None:  # noqa: ANN001
    view.table.clearSelection()
    gui.scanner.barcode_scanned.emit("6927421000348")
    settle(qtbot, gui, lambda: listed(view) == ["BOX-02"])
    assert view.search_edit.text() == "6927421000348"


def test_barcodes_added_as_case_packs_and_removed(qtbot, gui: Gui, view: ProductsView, monkeypatch) -> None:  # noqa: ANN001
    case = case_of("6927421000331")
    view.select_sku("BOX-01")
    monkeypatch.setattr(products_view.AddBarcodeDialog, "ask", classmethod(lambda cls, parent, p: (case, 24)))
    view.add_button.click()
    settle(qtbot, gui, lambda: [(c.barcode, c.units) for c in product(gui, "BOX-01").case_packs] == [(case, 24)])
    settle(qtbot, gui, lambda: view.selected() is not None and bool(view.selected().case_packs))  # type: ignore[union-attr]

    monkeypatch.setattr(products_view, "ask_code_to_remove", lambda parent, p: case)
    view.remove_button.click()
    settle(qtbot, gui, lambda: product(gui, "BOX-01").case_packs == ())
    qtbot.waitUntil(lambda: "taken off BOX-01" in view.result_label.text(), timeout=10_000)


def test_weight_and_safety_edited_in_place(qtbot, gui: Gui, view: ProductsView) -> None:  # noqa: ANN001
    view.select_sku("BOX-03")
    row = view.table.selectionModel().selectedRows()[0].row()
    view.proxy.setData(view.proxy.index(row, COL_WEIGHT), "310")
    settle(qtbot, gui, lambda: product(gui, "BOX-03").weight_g == 310)
    view.proxy.setData(view.proxy.index(row, COL_SAFETY), "7")
    settle(qtbot, gui, lambda: product(gui, "BOX-03").stock.safety == 7)
    settle(qtbot, gui, lambda: view.proxy.index(view.model.row_of("BOX-03"), COL_WEIGHT).data() == "310")

    view.proxy.setData(view.proxy.index(row, COL_WEIGHT), "2000000")  # beyond a parcel item's weight
    settle(qtbot, gui, lambda: "2000000" in view.result_label.text())
    assert product(gui, "BOX-03").weight_g == 310


def test_on_hand_changed_in_place_asks_for_a_reason(qtbot, gui: Gui, view: ProductsView, monkeypatch) -> None:  # noqa: ANN001
    sf = gui.workspace.session_factory
    assert not stock_levels(sf, search="BOX-04")  # the demo keeps no stock of it
    source = view.model.row_of("BOX-04")
    assert view.model.index(source, COL_ON_HAND).data() == "—"
    reasons = iter([None, "counted the shelf", "delivery from the supplier"])
    asked: list[bool] = []
    monkeypatch.setattr(
        products_view, "ask_stock_reason", lambda parent, p, on_hand, tracked: asked.append(tracked) or next(reasons)
    )
    row = view.proxy.mapFromSource(view.model.index(source, 0)).row()
    view.proxy.setData(view.proxy.index(row, COL_ON_HAND), "25")  # no reason given: nothing
    gui.tasks.wait()
    assert not stock_levels(sf, search="BOX-04")
    view.proxy.setData(view.proxy.index(row, COL_ON_HAND), "25")  # the figure starts PackDesk keeping its stock
    settle(qtbot, gui, lambda: [(lv.sku, lv.on_hand) for lv in stock_levels(sf, search="BOX-04")] == [("BOX-04", 25)])
    settle(qtbot, gui, lambda: view.model.index(view.model.row_of("BOX-04"), COL_ON_HAND).data() == "25")

    adjust_stock(sf, "BOX-04", -2, SELLER, datetime.now(UTC), "a parcel shipped meanwhile")  # the tab still says 25
    row = view.proxy.mapFromSource(view.model.index(view.model.row_of("BOX-04"), 0)).row()
    view.proxy.setData(view.proxy.index(row, COL_ON_HAND), "30")  # five arrived
    settle(qtbot, gui, lambda: product(gui, "BOX-04").stock.on_hand == 28)
    assert asked == [False, False, True]


def test_a_barcode_bound_elsewhere_shows_after_the_hubs_notice(qtbot, gui: Gui, view: ProductsView) -> None:  # noqa: ANN001
    code = ean(777)
    bind_barcode(gui.workspace.session_factory, "BOX-04", code, 1, SELLER)  # as the bench's supervisor binding
    gui.ops.hub.notify(Changes(orders=True, station=True), gui.window.station_view)
    settle(qtbot, gui, lambda: code in view.model.product_at(view.model.row_of("BOX-04")).barcodes)


def test_the_low_stock_count_in_the_status_bar_opens_the_low_stock_list(qtbot, gui: Gui) -> None:  # noqa: ANN001
    window = gui.window
    sf = gui.workspace.session_factory
    low = [level.sku for level in stock_levels(sf, low=True)]
    assert "BOX-03" not in low
    settle(qtbot, gui, lambda: window.low_stock_button.isVisible() == bool(low))
    set_stock(sf, "BOX-03", 3, SELLER, datetime.now(UTC), "counted")  # a tracked SKU
    change_product(sf, "BOX-03", SELLER, safety=50)
    now_low = sorted([*low, "BOX-03"])
    assert sorted(level.sku for level in stock_levels(sf, low=True)) == now_low
    gui.ops.hub.notify(Changes(orders=True))
    settle(qtbot, gui, lambda: window.low_stock_button.isVisible())
    qtbot.waitUntil(lambda: f"{len(now_low)} SKU" in window.low_stock_button.text(), timeout=10_000)

    window.low_stock_button.click()
    view = window.products_view
    assert window.tabs.currentWidget() is view and view.low_button.isChecked()
    settle(qtbot, gui, lambda: listed(view) == now_low)

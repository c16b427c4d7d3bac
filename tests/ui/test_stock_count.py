"""Stock count mode (盘点) from the Products tab on the real window (offscreen): scans from the scanner count pieces per
SKU (a case pack's code counts its pieces, an unknown code is said and not counted), a count corrected in place,
Commit writes the counted figures as on-hand stock in the database, Cancel writes nothing."""

from __future__ import annotations

import pytest
from pdtest.product_sheets import case_of
from PySide6.QtWidgets import QMessageBox

from app.services.audit import Actor
from app.services.catalogue import bind_barcode, list_products
from app.services.stock import stock_levels
from ui.main import Gui
from ui.models.products_model import COL_ON_HAND as COL_ON_HAND_TAB
from ui.models.stock_count_model import COL_COUNTED, COL_DIFFERENCE, COL_ON_HAND
from ui.widgets.products_view import ProductsView

BOX_01 = "6927421000331"


def on_hand(gui: Gui, sku: str) -> int:
    (found,) = [p for p in list_products(gui.workspace.session_factory, search=sku) if p.sku == sku]
    return found.stock.on_hand


@pytest.fixture
def view(qtbot, gui: Gui) -> ProductsView:  # noqa: ANN001
    window = gui.window
    window.tabs.setCurrentWidget(window.products_view)
    qtbot.waitUntil(lambda: window.products_view.model.rowCount() > 0, timeout=10_000)
    window.products_view.count_button.click()
    assert window.products_view.counting()
    return window.products_view


def scan(qtbot, gui: Gui, code: str) -> None:  # noqa: ANN001
    gui.scanner.barcode_scanned.emit(code)  # where the keyboard-wedge and serial scanners' codes arrive
    gui.tasks.wait()
    qtbot.wait(10)


def test_a_count_is_scanned_corrected_and_committed(qtbot, gui: Gui, view: ProductsView, monkeypatch) -> None:  # noqa: ANN001
    sf = gui.workspace.session_factory
    (tea,) = [p for p in list_products(sf, search="TEA-04") if p.sku == "TEA-04"]
    (kept,) = stock_levels(sf, search="TEA-04")  # the demo keeps TEA-04's stock, not BOX-01's
    assert not stock_levels(sf, search="BOX-01")
    case = case_of(tea.barcodes[0])
    bind_barcode(sf, "TEA-04", case, 6, Actor("seller", "office"))
    before = on_hand(gui, "BOX-03")
    panel, model = view.count_panel, view.count_panel.model
    for code in (BOX_01, BOX_01, case, BOX_01):
        scan(qtbot, gui, code)
    qtbot.waitUntil(lambda: model.counts() == {"BOX-01": 3, "TEA-04": 6}, timeout=10_000)
    assert "BOX-01 +1 → 3" in panel.last_label.text()
    assert gui.window.tabs.currentWidget() is view  # the scans stayed in the count
    assert [model.index(1, c).data() for c in (COL_COUNTED, COL_ON_HAND, COL_DIFFERENCE)] == [
        "6", str(kept.on_hand), f"{6 - kept.on_hand:+,}"
    ]  # fmt: skip
    assert model.index(0, COL_ON_HAND).data() == "—"  # no stock kept yet: the count starts it

    scan(qtbot, gui, "NOT-IN-THE-CATALOGUE")
    qtbot.waitUntil(lambda: "Unknown code NOT-IN-THE-CATALOGUE" in panel.last_label.text(), timeout=10_000)
    assert model.counts() == {"BOX-01": 3, "TEA-04": 6}
    assert panel.total_label.text() == "2 SKUs counted · 9 pieces"

    assert model.setData(model.index(0, COL_COUNTED), "5")  # the packer found two more behind the shelf
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    panel.commit_button.click()
    gui.tasks.wait()
    qtbot.waitUntil(lambda: not view.counting(), timeout=10_000)
    assert "2 SKUs" in asked[0]
    assert (on_hand(gui, "BOX-01"), on_hand(gui, "TEA-04"), on_hand(gui, "BOX-03")) == (5, 6, before)
    assert [lv.on_hand for lv in stock_levels(sf, search="BOX-01")] == [5]  # kept from now on
    assert "committed" in view.result_label.text()
    qtbot.waitUntil(
        lambda: view.model.index(view.model.row_of("BOX-01"), COL_ON_HAND_TAB).data() == "5", timeout=10_000
    )


def test_a_cancelled_count_writes_nothing(qtbot, gui: Gui, view: ProductsView, monkeypatch) -> None:  # noqa: ANN001
    before = on_hand(gui, "BOX-01")
    scan(qtbot, gui, BOX_01)
    qtbot.waitUntil(lambda: view.count_panel.model.counts() == {"BOX-01": 1}, timeout=10_000)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args: next(answers))
    view.count_panel.cancel_button.click()
    assert view.counting()  # "No": the count goes on
    view.count_panel.cancel_button.click()
    assert not view.counting()
    gui.tasks.wait()
    assert on_hand(gui, "BOX-01") == before

    view.count_button.click()  # a new count starts empty
    assert view.count_panel.model.rowCount() == 0

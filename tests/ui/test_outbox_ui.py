"""The Ship-backs tab for shops without an API connection (the demo's): their shipments say they are for the seller
centre, are not counted as waiting, are saved as the bulk-ship file and marked entered; counts read as English."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.shipping import ship_order
from ui.main import Gui
from ui.plurals import plural


def ship_demo_orders(gui: Gui, n: int) -> list[tuple[str, str]]:
    ws = gui.workspace
    orders = [o for o in list_orders(ws.session_factory, limit=1000) if o.shop == "小鹿生活馆" and not o.block_reason()]
    shipped = []
    for i, order in enumerate(orders[:n]):
        result = ship_order(
            ws.session_factory, order.order_no, "ZTO", f"7{i + 1:013d}", Actor("t", "vm"), datetime.now(UTC)
        )
        shipped.append((result.order_no, result.tracking_no))
    return shipped


def test_demo_shipments_are_for_the_seller_centre_saved_and_marked_entered(
    qtbot, gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    shipped = ship_demo_orders(gui, 2)
    window, view = gui.window, gui.window.outbox_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    assert {view.model.item(r, 0).text() for r in range(2)} == {"for the seller centre"}
    assert "seller centre" in view.model.item(0, 7).text()
    assert view.summary.text() == "0 waiting · 0 refused · 2 for the seller centre"
    window.sync.refresh_status()
    qtbot.waitUntil(lambda: "seller centre" in window.sync_label.text(), timeout=10_000)
    assert window.sync_label.text() == "Orders from imported files · 2 shipments for the seller centre"

    target = tmp_path / "bulk.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    view.export_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told[0].startswith("2 shipments saved in")
    cells = [[c.value for c in row] for row in load_workbook(target).active.iter_rows()]
    assert cells == [["订单编号", "物流公司", "运单号"]] + [[no, "中通快递", t] for no, t in sorted(shipped)]

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    view.entered_button.click()
    qtbot.waitUntil(
        lambda: {view.model.item(r, 0).text() for r in range(view.model.rowCount())} == {"entered in seller centre"},
        timeout=10_000,
    )
    assert asked == ["Mark 2 shipments as entered in the seller centre? They stop waiting here."]
    qtbot.waitUntil(lambda: window.sync_label.text() == "Orders from imported files", timeout=10_000)


def test_entered_right_after_the_export_acts_on_the_exported_shipments(
    qtbot, gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """A seller who presses "Entered in seller centre" before the list has reloaded after the export (a busy bench)
    is asked about the shipments just saved, not told to save the file first."""
    ship_demo_orders(gui, 2)
    window, view = gui.window, gui.window.outbox_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "bulk.csv"), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(view, "reload", lambda: None)  # the reload after the export has not answered yet
    view.export_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.No)
    view.entered_button.click()
    assert asked == ["Mark 2 shipments as entered in the seller centre? They stop waiting here."]
    assert len(told) == 1  # no "save the bulk-ship file first"


def test_counts_read_as_english_plurals(qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    def counted(n: int) -> str:
        return plural(QCoreApplication.translate("MainWindow", "%n ship-back(s) waiting", None, n), n)

    assert [counted(n) for n in (0, 1, 2)] == ["0 ship-backs waiting", "1 ship-back waiting", "2 ship-backs waiting"]
    assert plural("2 个回传等待发送", 2) == "2 个回传等待发送"  # a translation is left as it is


def test_status_bar_grammar(qtbot, gui: Gui) -> None:  # noqa: ANN001
    from app.sync.service import SyncStatus

    window = gui.window
    for waiting, text in ((1, "1 ship-back waiting"), (2, "2 ship-backs waiting")):
        window._on_sync_status_changed(SyncStatus(1, datetime.now(UTC), None, waiting, 0, manual=1))
        assert f"· {text} · 1 shipment for the seller centre" in window.sync_label.text()

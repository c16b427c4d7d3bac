"""Acceptance (issue 5.2): a scan typed while the focus is elsewhere reaches the station, not that widget;
the same characters typed slowly are typing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.enums import ScanOutcome
from app.services.orders import list_orders
from ui.main import Gui


def test_scan_into_the_search_box_goes_to_the_station(qtbot, gui: Gui) -> None:
    window = gui.window
    window.tabs.setCurrentWidget(window.orders_view)
    search = window.orders_view.search_edit
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    order = list_orders(gui.workspace.session_factory, status="awaiting_shipment", limit=1)[0]
    with qtbot.waitSignal(window.station_view.scan_handled, timeout=10_000) as blocker:
        qtbot.keyClicks(search, order.order_no)  # QTest types a burst, well under a millisecond a key
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert search.text() == ""
    assert window.tabs.currentWidget() is window.station_view
    assert blocker.args[0].events[-1].event is ScanOutcome.ORDER_OPENED
    assert blocker.args[0].events[-1].order_no == order.order_no


def test_slow_typing_lands_in_the_widget(qtbot, gui: Gui) -> None:
    window = gui.window
    window.tabs.setCurrentWidget(window.orders_view)
    search = window.orders_view.search_edit
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    scans = []
    gui.scanner.barcode_scanned.connect(scans.append)
    for ch in "6940":
        qtbot.keyClick(search, ch)
        qtbot.wait(150)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.text() == "6940", timeout=2_000)
    assert scans == []
    assert window.tabs.currentWidget() is window.orders_view


def test_shortcuts_pass_through(qtbot, gui: Gui) -> None:
    search = gui.window.orders_view.search_edit
    gui.window.tabs.setCurrentWidget(gui.window.orders_view)
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    search.setText("abc")
    qtbot.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert search.selectedText() == "abc"

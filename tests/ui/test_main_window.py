"""The window's views hear the hub (ui.windows.main_window, ui.ops): a change announced anywhere reloads the lists
that show it, and a scan reloads the order list only while that list is shown."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count

from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.shipping import ship_order
from ui.main import Gui
from ui.ops import Changes
from ui.widgets.orders_view import OrdersView

_TRACKING = count(75_000_000_000_001)  # ZTO-shaped numbers, one per shipment


def _listed(view: OrdersView) -> set[str]:
    return {view.model.order_at(row).order_no for row in range(view.model.rowCount())}


def _ship_behind_the_windows_back(gui: Gui, n: int) -> list[str]:
    """Ships `n` orders listed as awaiting shipment without telling the window."""
    ws = gui.workspace
    listed = _listed(gui.window.orders_view)
    orders = [o for o in list_orders(ws.session_factory, limit=1000) if o.order_no in listed and not o.block_reason()]
    for order in orders[:n]:
        ship_order(ws.session_factory, order.order_no, "ZTO", str(next(_TRACKING)), Actor("t", "vm"), datetime.now(UTC))
    return [o.order_no for o in orders[:n]]


def test_orders_announced_as_changed_leave_the_awaiting_list(qtbot, gui: Gui) -> None:  # noqa: ANN001
    view = gui.window.orders_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    (shipped,) = _ship_behind_the_windows_back(gui, 1)
    gui.tasks.wait()
    assert shipped in _listed(view)  # nobody said anything yet
    gui.ops.hub.notify(Changes(orders=True))
    qtbot.waitUntil(lambda: shipped not in _listed(view), timeout=10_000)


def test_a_scan_reloads_the_order_list_only_while_it_is_shown(qtbot, qapp, gui: Gui) -> None:  # noqa: ANN001
    window, view = gui.window, gui.window.orders_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    scan = Changes(orders=True, station=True)
    first, second = _ship_behind_the_windows_back(gui, 2)
    assert window.tabs.currentWidget() is window.station_view
    gui.ops.hub.notify(scan, window.station_view)
    gui.tasks.wait()
    qapp.processEvents()
    assert {first, second} <= _listed(view)  # hidden behind the station: no reload on every scan
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: not {first, second} & _listed(view), timeout=10_000)

    (third,) = _ship_behind_the_windows_back(gui, 1)
    gui.ops.hub.notify(scan, window.station_view)
    qtbot.waitUntil(lambda: third not in _listed(view), timeout=10_000)


def test_a_write_outside_a_sync_round_refreshes_the_sync_status(qtbot, gui: Gui) -> None:  # noqa: ANN001
    window = gui.window
    qtbot.waitUntil(lambda: window.sync_label.text() == "Orders from imported files", timeout=10_000)
    qtbot.waitUntil(lambda: window.orders_view.model.rowCount() > 0, timeout=10_000)  # the list loads on its own
    (shipped,) = _ship_behind_the_windows_back(gui, 1)  # a demo shop: for the seller centre
    gui.ops.hub.notify(Changes(outbox=True))
    qtbot.waitUntil(lambda: "1 shipment for the seller centre" in window.sync_label.text(), timeout=10_000)
    assert shipped

"""Driving the station panel of the real window in pytest-qt tests (imports Qt: UI tests only)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.orders import Order
from app.services.orders import list_orders
from app.station.screens import StationSnapshot
from ui.main import Gui


def packable(gui: Gui, min_units: int = 1) -> Order:
    """A waiting order with nothing refunded and no label yet, of at least `min_units` pieces."""
    orders = list_orders(gui.workspace.session_factory, status="awaiting_shipment", limit=500)
    return next(
        o
        for o in orders
        if all(ln.packable for ln in o.lines) and not o.tracking_no and sum(ln.qty for ln in o.lines) >= min_units
    )


def scan(qtbot, gui: Gui, code: str) -> StationSnapshot:  # noqa: ANN001
    """Types `code` and Enter into the scan field; returns the snapshot once the panel has repainted."""
    view = gui.window.station_view
    with qtbot.waitSignal(view.scan_handled, timeout=10_000) as blocker:
        qtbot.keyClicks(view.scan_input, code)
        qtbot.keyClick(view.scan_input, Qt.Key.Key_Return)
    return blocker.args[0]


def pack(qtbot, gui: Gui, order: Order) -> StationSnapshot:  # noqa: ANN001
    """Opens `order` at the station and scans every unit of it; returns the last scan's snapshot."""
    snap = scan(qtbot, gui, order.order_no)
    for line in order.lines:
        for _ in range(line.qty):
            snap = scan(qtbot, gui, line.barcodes[0])
    return snap

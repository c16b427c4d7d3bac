"""The station window stops an out-of-stock order with the SKUs it misses and offers the supervisor's override
(pytest-qt, offscreen, the demo's tracked SKUs)."""

from __future__ import annotations

from pdtest.station_ui import scan

from app.services.orders import list_orders
from ui.main import Gui


def test_an_out_of_stock_order_stops_with_what_it_misses_and_a_supervisor_lets_it_through(qtbot, gui: Gui) -> None:
    from app.services.supervisor import hash_pin

    gui.workspace.settings.supervisor_pin = hash_pin("0000")
    view = gui.window.station_view
    order = list_orders(gui.workspace.session_factory, status="out_of_stock", limit=100)[0]
    scan(qtbot, gui, order.order_no)
    assert view.stop_overlay.isVisible() and view.override_button.isVisible()
    text = view.stop_text.text()
    assert "STOP" in text and order.order_no in text
    assert all(f"{s.sku} x{s.missing}" in text for s in order.short), text
    with qtbot.waitSignal(view.scan_handled, timeout=10_000) as blocker:
        view.apply_override("买家加急", "0000")
    assert blocker.args[0].events[0].reason == "override" and not view.stop_overlay.isVisible()
    assert view.snapshot.order is not None and view.snapshot.order.order_no == order.order_no
    still_short = {o.order_no for o in list_orders(gui.workspace.session_factory, status="out_of_stock")}
    assert order.order_no not in still_short

"""The workspace's detail pane (pytest-qt, offscreen, the demo shop): the selected order's lines with their pictures,
the buyer's message and the memo, then its parcel, print history and audit trail once it printed; reads go on the
read lane and only the latest answer is shown."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from ui.main import Gui
from ui.widgets.orders_view import OrdersView


def select_order(view: OrdersView, order_no: str) -> None:
    for row in range(view.model.rowCount()):
        if view.model.order_no_at(row) == order_no:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            view.table.selectionModel().select(view.model.index(row, 0), flags)
            return
    raise AssertionError(f"{order_no} is not listed")


def listed(qtbot, gui: Gui) -> OrdersView:  # noqa: ANN001
    window = gui.window
    window.tabs.setCurrentWidget(window.orders_view)
    view = window.orders_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 10 and not view.model.loading, timeout=10_000)
    return view


def test_the_pane_shows_the_selected_order_then_its_print(qtbot, gui: Gui) -> None:  # noqa: ANN001
    view = listed(qtbot, gui)
    orders = [view.model.order_at(r) for r in range(view.model.rowCount())]
    order = next(o for o in orders if o.buyer_message and all(ln.packable for ln in o.lines) and not o.short)
    pane = view.detail
    with qtbot.waitSignal(pane.detail_loaded, timeout=10_000):
        select_order(view, order.order_no)
    text = pane.browser.toPlainText()
    assert order.order_no in text and order.buyer_message.split()[0] in text
    assert all(ln.sku in text for ln in order.lines)
    assert "No waybill yet." in text
    urls = {ln.image for ln in pane.detail.order.lines if ln.image}
    assert urls  # the demo's products have pictures
    qtbot.waitUntil(lambda: all(pane.has_picture(u) for u in urls), timeout=10_000)
    assert "<img" in pane.browser.toHtml()

    with qtbot.waitSignal(gui.window.printing.batch_finished, timeout=20_000) as printed:
        gui.window.printing.print_orders([order.order_no])
    assert printed.args[0].sent == 1
    # the change hub tells the pane to read again
    qtbot.waitUntil(lambda: pane.detail is not None and bool(pane.detail.prints), timeout=10_000)
    detail = pane.detail
    parcel = detail.parcels[0].package
    assert parcel.print_count == 1 and detail.prints[0].copy_no == 1
    assert any(a.action == "print" for a in detail.audit)
    text = pane.browser.toPlainText()
    assert parcel.tracking_no in text and "printed 1×" in text and "Print copy 1 of" in text


def test_only_the_latest_answer_is_shown(qtbot, gui: Gui) -> None:  # noqa: ANN001
    view = listed(qtbot, gui)
    first, second = view.model.order_no_at(0), view.model.order_no_at(1)
    pane = view.detail
    pane.show_order(first)
    pane.show_order(second)  # the selection moved on before the first answer came
    qtbot.waitUntil(lambda: pane.detail is not None, timeout=10_000)
    gui.tasks.wait()
    assert pane.detail.order.order_no == second
    pane.show_order("NO-SUCH-ORDER")
    qtbot.waitUntil(lambda: "NO-SUCH-ORDER" in pane.browser.toPlainText(), timeout=10_000)
    assert pane.detail is None


def test_the_audit_trail_says_each_change_in_words(qapp) -> None:  # noqa: ANN001
    from ui.widgets.order_detail import detail_text

    assert detail_text("flag", {"before": "none", "after": "red"}) == "No flag → Red"
    assert detail_text("memo", {"before": "", "after": "送小样", "append": False}) == "– → 送小样"
    assert detail_text("memo", {"before": "a", "after": "a 加急", "append": True}) == "appended: a 加急"
    held = detail_text("hold", {"before": "awaiting_shipment", "reason": "等买家确认颜色", "at": "2026-12-03T06:00:00"})
    assert held == "was Awaiting shipment, reason: 等买家确认颜色"  # the entry's own time says when: no raw `at`
    assert detail_text("expedite", {"before": False, "after": True, "at": "x"}) == "no → yes"
    assert detail_text("ship", {"tracking_no": "YT1", "carrier": "YTO"}) == "tracking no.: YT1, carrier: YTO"
    assert detail_text("change_product", {"price": ["1.00", "2.00"]}) == "price: 1.00 → 2.00"
    assert detail_text("print_confirmed", {}) == ""

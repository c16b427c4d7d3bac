"""Splitting an order from the workspace (pytest-qt, offscreen, the demo shop): the Split dialog lets through only a
choice of lines, the menu's Split splits the selected order and says what the next parcel carries, the detail pane
shows the next parcel, what waits and, once shipped, what each parcel carried; Undo the split sets it back."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from app.domain.enums import OrderStatus
from tests.ui import test_order_actions
from tests.ui.test_order_detail import listed, select_order
from ui.dialogs.split import SplitDialog
from ui.main import Gui

told = test_order_actions.told  # the fixture: what an action said (OrderActions.tell patched)


def _three_lines(view) -> str:  # noqa: ANN001
    orders = [view.model.order_at(r) for r in range(view.model.rowCount())]
    return next(
        o.order_no
        for o in orders
        if o.status is OrderStatus.AWAITING_SHIPMENT
        and len(o.lines) >= 3
        and all(ln.packable for ln in o.lines)
        and not o.short
        and len({ln.sku for ln in o.lines}) == len(o.lines)
    )


def test_the_dialog_needs_a_line_and_gives_its_units(qtbot, gui: Gui) -> None:  # noqa: ANN001
    view = listed(qtbot, gui)
    order = gui.ops.desk.order_detail(_three_lines(view)).order
    dialog = SplitDialog(order)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and len(dialog.rows) == len(order.lines)
    line_no, check, qty = dialog.rows[0]
    assert not qty.isEnabled() and qty.maximum() == order.lines[0].qty
    check.setChecked(True)
    assert ok.isEnabled() and qty.isEnabled()
    assert dialog.chosen() == [(line_no, order.lines[0].qty)]


def test_split_from_the_menu_then_the_pane_then_undo(qtbot, gui: Gui, told, monkeypatch) -> None:  # noqa: ANN001
    view = listed(qtbot, gui)
    order_no = _three_lines(view)
    desk, actions = gui.ops.desk, view.order_actions
    order = desk.order_detail(order_no).order
    first = order.lines[0]
    select_order(view, order_no)
    asked: list[str] = []
    monkeypatch.setattr(
        SplitDialog, "ask", classmethod(lambda _c, _p, o: asked.append(o.order_no) or [(first.line_no, None)])
    )
    with qtbot.waitSignal(actions.action_finished, timeout=10_000) as finished:
        actions.actions["split"].trigger()
    assert asked == [order_no] and finished.args[0] == "split"
    text, lines, warn = told[-1]
    assert order_no in text and not warn and lines[0].startswith(f"{first.sku} ×{first.qty}")
    assert desk.order_detail(order_no).order.split

    view.detail.show_order(order_no)
    qtbot.waitUntil(lambda: "Next parcel (split)" in view.detail.browser.toPlainText(), timeout=10_000)
    shown = view.detail.browser.toPlainText()
    assert f"{first.sku} ×{first.qty}" in shown and "waits for a later parcel" in shown
    assert "split into parcels" in shown  # the audit trail

    with qtbot.waitSignal(actions.action_finished, timeout=10_000):
        actions.actions["unsplit"].trigger()
    assert not desk.order_detail(order_no).order.split and "undone" in told[-1][0]
    actions.actions["unsplit"].trigger()  # not split any more: refused with why
    qtbot.waitUntil(lambda: told[-1][2], timeout=10_000)
    assert "not split" in told[-1][0]

    with qtbot.waitSignal(actions.action_finished, timeout=10_000):
        actions.actions["split"].trigger()
    desk.ship_by_hand(order_no, "ZTO", "73600316247086")
    detail = desk.order_detail(order_no)
    assert detail.order.status is OrderStatus.PARTLY_SHIPPED
    assert detail.parcels[-1].lines == ((first.line_no, first.qty),)
    view.detail.show_order(order_no)
    qtbot.waitUntil(lambda: "73600316247086" in view.detail.browser.toPlainText(), timeout=10_000)
    assert "73600316247086 · shipped" in view.detail.browser.toPlainText()


def test_split_takes_one_order(qtbot, gui: Gui, told) -> None:  # noqa: ANN001
    view = listed(qtbot, gui)
    view.table.selectAll()
    view.order_actions.actions["split"].trigger()
    assert told and "one order" in told[-1][0]

"""Acting from the workspace (pytest-qt, offscreen, the demo shop): a reprint with its reason from the menu, ship by
hand with a scanned number, and each action reporting what it did and what it skipped with why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.enums import OrderStatus
from tests.ui.test_order_detail import listed, select_order
from ui.dialogs.order_actions import OrderActions, ReprintDialog, ShipByHandDialog
from ui.main import Gui


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str], bool]]:
    said: list[tuple[str, list[str], bool]] = []
    monkeypatch.setattr(
        OrderActions, "tell", lambda _self, text, lines, warn=False: said.append((text, list(lines), warn))
    )
    return said


def _packable(view, n: int = 1) -> list[str]:  # noqa: ANN001
    orders = [view.model.order_at(r) for r in range(view.model.rowCount())]
    chosen = [o.order_no for o in orders if all(ln.packable for ln in o.lines) and not o.short]
    return chosen[:n]


def test_reprint_with_a_reason_from_the_menu(qtbot, gui: Gui, tmp_path: Path, monkeypatch, told) -> None:  # noqa: ANN001
    view = listed(qtbot, gui)
    (order_no,) = _packable(view)
    with qtbot.waitSignal(gui.window.printing.batch_finished, timeout=20_000):
        gui.window.printing.print_orders([order_no])
    select_order(view, order_no)
    asked: list[list[str]] = []
    monkeypatch.setattr(ReprintDialog, "ask", classmethod(lambda _c, _p, nos: asked.append(nos) or "Label damaged"))
    with qtbot.waitSignal(gui.window.printing.batch_finished, timeout=20_000) as reprinted:
        view.order_actions.actions["reprint"].trigger()
    assert asked == [[order_no]]
    outcome = reprinted.args[0]
    assert outcome.sent == 1 and not outcome.refused
    assert len(list((tmp_path / "labels").glob("*.png"))) == 2  # a label printed, then its copy 2
    detail = gui.ops.desk.order_detail(order_no)
    assert [j.copy_no for j in detail.prints] == [1, 2]
    assert detail.prints[1].reason == "Label damaged" and detail.parcels[-1].package.print_count == 2
    assert any(a.action == "reprint" for a in detail.audit)


def test_a_reprint_needs_a_reason(qtbot) -> None:  # noqa: ANN001
    dialog = ReprintDialog(["T1", "T2"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "2 orders selected" in dialog.intro.text()
    dialog.reason_combo.setCurrentIndex(1)
    assert ok.isEnabled()


def test_ship_by_hand_with_a_scanned_number(qtbot, gui: Gui, monkeypatch, told) -> None:  # noqa: ANN001
    view = listed(qtbot, gui)
    (order_no,) = _packable(view)
    dialog = ShipByHandDialog(order_no, None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.take_scan("YT7001234567890")  # a scanner's code while the dialog is open
    assert dialog.carrier_combo.currentData() == "YTO" and ok.isEnabled()

    select_order(view, order_no)
    monkeypatch.setattr(ShipByHandDialog, "ask", classmethod(lambda _c, _p, _no: ("YTO", "YT7001234567890")))
    with qtbot.waitSignal(view.order_actions.action_finished, timeout=10_000):
        view.order_actions.actions["ship"].trigger()
    assert told and "YT7001234567890" in told[-1][0]
    detail = gui.ops.desk.order_detail(order_no)
    assert detail.order.status is OrderStatus.SHIPPED
    assert [e.kind for e in detail.outbox] == ["ship"]  # its ship-back queued

    # The same order again: refused with why, nothing changed.
    monkeypatch.setattr(ShipByHandDialog, "ask", classmethod(lambda _c, _p, _no: ("YTO", "YT7001234567891")))
    view.order_actions.actions["ship"].trigger()
    qtbot.waitUntil(lambda: told[-1][2], timeout=10_000)
    assert order_no in told[-1][0]
    assert len(gui.ops.desk.order_detail(order_no).outbox) == 1


def test_ship_by_hand_takes_one_order(qtbot, gui: Gui, told) -> None:  # noqa: ANN001
    view = listed(qtbot, gui)
    view.table.selectAll()
    view.order_actions.actions["ship"].trigger()
    assert told and "one order" in told[-1][0]


def test_the_batch_ship_review_skips_with_reasons_then_ships(qtbot, gui: Gui, told, monkeypatch) -> None:  # noqa: ANN001
    from app.services.orders import list_orders
    from ui.dialogs.batch_ship import BatchShipDialog

    shipped: list[object] = []
    monkeypatch.setattr(BatchShipDialog, "tell", lambda _self, text, warn=False: shipped.append((text, warn)))
    factory = gui.workspace.session_factory
    waiting = [o for o in list_orders(factory, status="awaiting_shipment", limit=100) if not o.short]
    fine = [o.order_no for o in waiting if all(ln.packable for ln in o.lines)][:3]
    closed = list_orders(factory, status="closed", limit=1)[0].order_no
    held = list_orders(factory, status="on_hold", limit=1)[0].order_no
    view = listed(qtbot, gui)
    monkeypatch.setattr(view.order_actions, "selected", lambda: [fine[0], closed, fine[1], held, fine[2]])
    view.order_actions.actions["batch_ship"].trigger()
    dialog = view.order_actions.batch_dialog
    assert dialog is not None and not dialog.confirm_button.isEnabled()  # nothing to confirm before a plan
    dialog.carrier_combo.setCurrentIndex(dialog.carrier_combo.findData("ZTO"))
    with qtbot.waitSignal(dialog.plan_shown, timeout=10_000):
        dialog.take_scan("73100000000017")  # the roll's first label, scanned
    rows = [dialog.rows_model.row_at(r) for r in range(dialog.rows_model.rowCount())]
    assert [(r.order_no, r.tracking_no) for r in rows] == [
        (fine[0], "73100000000017"),
        (fine[1], "73100000000018"),
        (fine[2], "73100000000019"),
    ]
    skipped = {dialog.skipped_model.row_at(r).order_no: r for r in range(dialog.skipped_model.rowCount())}
    assert set(skipped) == {closed, held}
    reasons = [dialog.skipped_model.data(dialog.skipped_model.index(r, 1)) for r in skipped.values()]
    assert all(reasons) and dialog.skipped_label.text() == "Skipped: 2 orders"
    assert all(gui.ops.desk.order_detail(no).order.status.value == "awaiting_shipment" for no in fine)  # not yet
    with qtbot.waitSignal(view.order_actions.action_finished, timeout=10_000) as done:
        dialog.confirm_button.click()
    assert done.args[0] == "batch_ship" and len(done.args[1].shipped) == 3
    assert shipped and "3 orders shipped." in shipped[-1][0] and closed in shipped[-1][0]
    for order_no, row in zip(fine, rows, strict=True):
        detail = gui.ops.desk.order_detail(order_no)
        assert detail.order.status is OrderStatus.SHIPPED and detail.parcels[-1].package.tracking_no == row.tracking_no


def test_a_bad_first_number_is_said_and_nothing_can_be_confirmed(qtbot, gui: Gui) -> None:  # noqa: ANN001
    from ui.dialogs.batch_ship import BatchShipDialog

    view = listed(qtbot, gui)
    dialog = BatchShipDialog(gui.ops, [view.model.order_no_at(0), view.model.order_no_at(1)])
    qtbot.addWidget(dialog)
    dialog.carrier_combo.setCurrentIndex(dialog.carrier_combo.findData("ZTO"))
    dialog.first_edit.setText("12345")
    dialog.review()
    qtbot.waitUntil(lambda: "12345" in dialog.status_label.text(), timeout=10_000)
    assert not dialog.confirm_button.isEnabled() and dialog.rows_model.rowCount() == 0


def test_each_backlog_action_from_the_menu_changes_the_database(qtbot, gui: Gui, told, monkeypatch) -> None:  # noqa: ANN001
    from datetime import date, timedelta

    from ui.dialogs.order_actions import HoldDialog, MemoDialog, OutOfStockDialog

    view = listed(qtbot, gui)
    first, second = _packable(view, 2)
    desk, actions = gui.ops.desk, view.order_actions
    monkeypatch.setattr(view.order_actions, "selected", lambda: [first, second])

    def run(name: str) -> object:
        with qtbot.waitSignal(actions.action_finished, timeout=10_000) as finished:
            actions.actions[name].trigger()
        return finished.args[1]

    report = run("flag_purple")
    assert sorted(report.done) == sorted([first, second]) and not told[-1][2]
    assert {desk.order_detail(no).order.flag.label for no in (first, second)} == {"purple"}
    monkeypatch.setattr(MemoDialog, "ask", classmethod(lambda _c, _p, _nos, _cur, _app: ("call before 6pm", False)))
    run("memo")
    monkeypatch.setattr(MemoDialog, "ask", classmethod(lambda _c, _p, _nos, _cur, _app: ("gift wrap", True)))
    run("memo_append")
    assert desk.order_detail(first).order.memo.endswith("call before 6pm\ngift wrap")
    view.detail.show_order(first)  # its memo history in the pane: each change as it left the memo
    qtbot.waitUntil(lambda: "Memo history" in view.detail.browser.toPlainText(), timeout=10_000)
    history = view.detail.browser.toPlainText().split("Memo history")[1]
    assert history.index("call before 6pm") < history.index("gift wrap")
    monkeypatch.setattr(HoldDialog, "ask", classmethod(lambda _c, _p, _nos: "buyer asked to wait"))
    run("hold")
    held = desk.order_detail(first).order
    assert held.status is OrderStatus.ON_HOLD and held.hold_reason == "buyer asked to wait"
    report = run("hold")  # held already: skipped, with why
    assert not report.done and len(report.skipped) == 2 and told[-1][2] and len(told[-1][1]) == 2
    run("release")
    assert desk.order_detail(first).order.status is OrderStatus.AWAITING_SHIPMENT
    run("expedite")
    assert desk.order_detail(second).order.priority == 1
    run("unexpedite")
    assert desk.order_detail(second).order.priority == 0
    expected = date.today() + timedelta(days=5)
    monkeypatch.setattr(OutOfStockDialog, "ask", classmethod(lambda _c, _p, _nos: (expected, "shelf empty")))
    run("out_of_stock")
    marked = desk.order_detail(second)
    assert marked.order.status is OrderStatus.OUT_OF_STOCK and marked.marks.stock_mark == "shelf empty"
    view.detail.show_order(second)  # the pane says it in the seller's words
    qtbot.waitUntil(lambda: "out of stock by hand: shelf empty" in view.detail.browser.toPlainText(), timeout=10_000)
    assert f"expected {expected.isoformat()}" in view.detail.browser.toPlainText()
    trail = [a.action for a in desk.order_detail(first).audit]
    assert trail[:6] == ["flag", "memo", "memo", "hold", "release", "expedite"]


def test_keyboard_and_scanner_reach_the_actions(qtbot, gui: Gui, told) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    view = listed(qtbot, gui)
    (order_no,) = _packable(view)
    select_order(view, order_no)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus, timeout=5_000)
    with qtbot.waitSignal(view.order_actions.action_finished, timeout=10_000):
        qtbot.keyClick(view.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Ctrl+1: red flag
    assert gui.ops.desk.order_detail(order_no).order.flag.label == "red"

    view.order_actions.actions["batch_ship"].trigger()
    dialog = view.order_actions.batch_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    dialog.carrier_combo.setCurrentIndex(dialog.carrier_combo.findData("ZTO"))
    with qtbot.waitSignal(dialog.plan_shown, timeout=10_000):
        gui.window.on_barcode_scanned("73100000000017")  # the scanner, while the review is open: its first number
    assert dialog.first_edit.text() == "73100000000017" and dialog.rows_model.rowCount() == 1
    assert gui.window.tabs.currentWidget() is view  # not sent to the station
    dialog.close()


def test_undo_sets_back_the_last_change(qtbot, gui: Gui, told, monkeypatch) -> None:  # noqa: ANN001
    from ui.dialogs.order_actions import HoldDialog, MemoDialog

    view = listed(qtbot, gui)
    first, second = _packable(view, 2)
    desk, actions = gui.ops.desk, view.order_actions
    monkeypatch.setattr(actions, "selected", lambda: [first, second])
    was = {no: (desk.order_detail(no).order.flag.label, desk.order_detail(no).order.memo) for no in (first, second)}
    assert not actions.actions["undo"].isEnabled()

    def run(name: str) -> None:
        with qtbot.waitSignal(actions.action_finished, timeout=10_000):
            actions.actions[name].trigger()

    run("flag_green")
    run("undo")
    assert {no: desk.order_detail(no).order.flag.label for no in (first, second)} == {n: w[0] for n, w in was.items()}
    assert not actions.actions["undo"].isEnabled()  # one step back, not a history
    monkeypatch.setattr(MemoDialog, "ask", classmethod(lambda _c, _p, _nos, _cur, _app: ("fragile", True)))
    run("memo_append")
    run("undo")
    assert {no: desk.order_detail(no).order.memo for no in (first, second)} == {n: w[1] for n, w in was.items()}
    monkeypatch.setattr(HoldDialog, "ask", classmethod(lambda _c, _p, _nos: "address to confirm"))
    run("hold")
    run("release")
    run("undo")  # the release undone: held again, with its reason
    held = desk.order_detail(first).order
    assert held.status is OrderStatus.ON_HOLD and held.hold_reason == "address to confirm"
    run("expedite")
    run("undo")
    assert desk.order_detail(second).order.priority == 0

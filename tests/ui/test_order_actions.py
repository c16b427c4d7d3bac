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

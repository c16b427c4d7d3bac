"""Orders not paid yet in the window, on the demo: the workspace's status choice lists them with their count and the
list names their status; the notice settings dialog switches the payment reminder on with its minutes, and says what
the core refuses (no reason) with nothing stored."""

from __future__ import annotations

from sqlalchemy import update

from app.persistence.rows import OrderRow
from ui.dialogs.notice_settings import NoticeSettingsDialog
from ui.main import Gui
from ui.models.orders_model import COL_ORDER, COL_STATUS


def test_the_status_choice_counts_unpaid_orders_and_the_list_names_them(qtbot, gui: Gui) -> None:  # noqa: ANN001
    order_no = gui.ops.desk.orders_page(status="awaiting_shipment", limit=1)[0].order_no
    with gui.workspace.session_factory.begin() as session:  # as a sync stores a WAIT_BUYER_PAY trade
        session.execute(update(OrderRow).where(OrderRow.order_no == order_no).values(status="awaiting_payment"))
    view = gui.window.orders_view
    index = view.status_combo.findData("awaiting_payment")
    assert index > 1 and view.status_combo.currentData() == "awaiting_shipment"  # the backlog stays the default
    with qtbot.waitSignal(view.overview_loaded, timeout=10_000):
        view.status_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 1, timeout=10_000)
    assert view.status_combo.itemText(index) == "Awaiting payment (1)"
    assert view.model.index(0, COL_ORDER).data() == order_no
    assert view.model.index(0, COL_STATUS).data() == "Awaiting payment"


def test_the_notice_settings_switch_the_payment_reminder_on(qtbot, gui: Gui) -> None:  # noqa: ANN001
    dialog = NoticeSettingsDialog(gui.ops, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.waitUntil(save.isEnabled, timeout=10_000)
    assert not dialog.remind_unpaid.isChecked() and dialog.unpaid_minutes.value() == 30  # off by default

    dialog.remind_unpaid.setChecked(True)
    save.click()
    qtbot.waitUntil(lambda: "--unpaid-reason" in dialog.status.text(), timeout=10_000)
    assert not gui.ops.desk.buyer.notice_settings()["remind_unpaid"]  # refused: nothing stored

    dialog.unpaid_reason.setText("库存有限")
    dialog.unpaid_minutes.setValue(45)
    save.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Saved.", timeout=10_000)
    stored = gui.ops.desk.buyer.notice_settings()
    assert stored["remind_unpaid"] and stored["unpaid_minutes"] == 45 and stored["unpaid_reason"] == "库存有限"
    assert not stored["on_ship"] and not stored["before_breach"]  # the others as they were

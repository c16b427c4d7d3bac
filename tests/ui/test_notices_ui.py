"""The notice dialog and the After dispatch tab, on the demo (no SMS account): the dialog shows the notice as the
buyer reads it with the reason and date typed, Copy records it and puts it on the clipboard, the order's history
says it; the risk list shows a parcel at risk with its route and opens the apology notice for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication

from app.persistence.notices import NoticeRepository
from app.persistence.packages import PackageRepository
from tests.ui.test_outbox_ui import ship_demo_orders
from ui.dialogs.notice_dialog import NoticeDialog
from ui.main import Gui


def test_the_notice_dialog_copies_the_notice_for_the_chat_window(qtbot, gui: Gui) -> None:  # noqa: ANN001
    order_no = gui.ops.desk.orders_page(status="awaiting_shipment", limit=1)[0].order_no
    dialog = NoticeDialog(gui.ops, order_no, "delay", gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.bodies), timeout=10_000)
    assert not dialog.send_button.isEnabled()  # no SMS account: copy only
    assert "No SMS account" in dialog.status.text()
    assert not dialog.copy_button.isEnabled()  # no reason yet: nothing concrete to say
    dialog.reason.setText("供应商延迟到货")  # typed through an input method: keyClicks takes ASCII only
    dialog.day.setDate(QDate(2099, 3, 8))
    assert "供应商延迟到货" in dialog.preview.text() and "3月8日" in dialog.preview.text()
    assert dialog.copy_button.isEnabled()
    dialog.copy_button.click()
    qtbot.waitUntil(lambda: "paste it" in dialog.status.text(), timeout=10_000)
    assert QGuiApplication.clipboard().text() == dialog.preview.text()
    (notice,) = gui.ops.desk.buyer.notices(order_no)
    assert notice["state"] == "copy" and notice["text"] == dialog.preview.text()
    detail = gui.ops.desk.order_detail(order_no)
    assert [e.kind for e in detail.outbox] == ["notice"]
    assert any(a.action == "notice" for a in detail.audit)


def test_the_risk_list_shows_the_route_and_opens_the_apology(qtbot, gui: Gui) -> None:  # noqa: ANN001
    ((order_no, tracking_no),) = ship_demo_orders(gui, 1)
    now = datetime.now(UTC)
    steps = [{"at": (now - timedelta(hours=5)).isoformat(), "desc": "【杭州】已揽收", "action": "GOT"},
             {"at": now.isoformat(), "desc": "收件人拒收，快件已退回", "action": "TMS_RETURN"}]  # fmt: skip
    with gui.workspace.session_factory.begin() as session:
        package = PackageRepository(session).by_tracking(tracking_no)
        assert package is not None
        NoticeRepository(session).save_trace(package.id, status="运输中", company="中通快递", steps=steps,
                                             risk="returned", detail=steps[1]["desc"], now=now)  # fmt: skip
    window, view = gui.window, gui.window.risks_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert view.model.item(0, 5).text() == "On its way back: 收件人拒收，快件已退回"
    assert view.model.item(0, 0).text() == order_no and view.model.item(0, 3).text() == tracking_no
    assert view.summary.text() == "1 parcels at risk · 0 bad-review alerts"
    view.table.selectRow(0)
    assert view.trace.count() == 2 and "退回" in view.trace.item(0).text()  # newest step first
    view.notice_button.click()
    dialog = view.notice_dialog
    qtbot.addWidget(dialog)
    assert dialog.template.currentData() == "apology" and dialog.order_no == order_no

"""The stops and carrier-rules dialogs on the real window (offscreen, demo database): reached from the Rules menu; a
stop typed into the form listed and stored, a bad one refused under the form with nothing stored; spring-festival
mode switched on; a rule added and moved up; a bad insurance value refused without touching the hours; and an order
to a stopped region flagged in the workspace list with the stop in its tooltip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from app.services.service_rules import carrier_rules, service_settings, stop_book
from ui.dialogs.service_rules import CarrierRulesDialog, StopsDialog
from ui.main import Gui
from ui.models.orders_model import COL_STATUS


@pytest.fixture
def stops(qtbot, gui: Gui) -> Iterator[StopsDialog]:  # noqa: ANN001
    d = StopsDialog(gui.ops, gui.window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.picture is not None, timeout=10_000)
    yield d
    gui.tasks.wait()


def test_the_rules_menu_opens_both_dialogs(gui: Gui, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(type(self).__name__) or 0)
    gui.window.stops_action.trigger()
    gui.window.carrier_rules_action.trigger()
    assert opened == ["StopsDialog", "CarrierRulesDialog"]


def test_a_stop_added_in_the_form_is_listed_and_a_bad_one_is_refused(qtbot, gui: Gui, stops: StopsDialog) -> None:  # noqa: ANN001
    stops.carrier_combo.setCurrentIndex(stops.carrier_combo.findData("ZTO"))
    stops.regions_edit.setText("新疆,西藏")
    stops.note_edit.setText("雪灾")
    stops.add_button.click()
    qtbot.waitUntil(lambda: stops.table.rowCount() == 1, timeout=10_000)
    assert [stops.table.item(0, c).text() for c in (2, 3, 6)] == ["ZTO", "新疆,西藏", "雪灾"]
    [stored] = stop_book(gui.workspace.session_factory).stops
    assert (stored.carrier, stored.regions) == ("ZTO", ("新疆", "西藏"))

    stops.regions_edit.setText("")
    stops.add_button.click()
    qtbot.waitUntil(lambda: stops.error_label.text() != "", timeout=10_000)
    assert "province or city" in stops.error_label.text()
    assert len(stop_book(gui.workspace.session_factory).stops) == 1

    stops.festival_check.setChecked(True)
    stops.festival_from.setDate(QDate(2027, 2, 3))
    stops.festival_to.setDate(QDate(2027, 2, 12))
    stops.festival_button.click()
    qtbot.waitUntil(lambda: stop_book(gui.workspace.session_factory).festival is not None, timeout=10_000)
    assert [d.isoformat() for d in stop_book(gui.workspace.session_factory).festival or ()] == [
        "2027-02-03", "2027-02-12",
    ]  # fmt: skip


def test_rules_are_added_moved_and_bad_settings_refused(qtbot, gui: Gui) -> None:  # noqa: ANN001
    d = CarrierRulesDialog(gui.ops, gui.window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.picture is not None, timeout=10_000)
    for carrier, keyword in (("SF", "顺丰"), ("EMS", "邮政")):
        d.carrier_combo.setCurrentIndex(d.carrier_combo.findData(carrier))
        d.edits["keywords"].setText(keyword)
        d.add_button.click()
        count = 1 if carrier == "SF" else 2
        qtbot.waitUntil(lambda count=count: d.rules_table.rowCount() == count, timeout=10_000)
    assert [d.rules_table.item(r, 1).text() for r in range(2)] == ["SF", "EMS"]
    d.rules_table.selectRow(1)
    d.up_button.click()
    qtbot.waitUntil(lambda: d.rules_table.item(0, 1).text() == "EMS", timeout=10_000)
    assert [r.carrier for r in carrier_rules(gui.workspace.session_factory)] == ["EMS", "SF"]

    d.insure_edit.setText("lots")
    d.due_soon_edit.setText("8")
    d.save_button.click()
    qtbot.waitUntil(lambda: d.error_label.text() != "", timeout=10_000)
    assert "'lots' is not an amount of yuan" in d.error_label.text()
    assert service_settings(gui.workspace.session_factory)["due_soon_hours"] == "6"  # nothing stored
    d.insure_edit.setText("2000")
    d.save_button.click()
    qtbot.waitUntil(lambda: service_settings(gui.workspace.session_factory)["insure_above"] == "2000.00",
                    timeout=10_000)  # fmt: skip
    assert service_settings(gui.workspace.session_factory)["due_soon_hours"] == "8"
    gui.tasks.wait()


def test_an_order_to_a_stopped_region_is_flagged_in_the_list(qtbot, gui: Gui, stops: StopsDialog) -> None:  # noqa: ANN001
    view = gui.window.orders_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    order = view.model.order_at(0)
    province = order.receiver.address.province
    stops.carrier_combo.setCurrentIndex(stops.carrier_combo.findData("ZTO"))  # the demo's default account
    stops.regions_edit.setText(province)
    stops.from_edit.setDate(QDate.currentDate().addDays(-1))
    stops.to_edit.setDate(QDate.currentDate().addDays(2))
    stops.add_button.click()
    qtbot.waitUntil(lambda: stops.table.rowCount() == 1, timeout=10_000)
    view.reload()

    def flagged() -> bool:
        for row in range(min(view.model.rowCount(), 50)):
            o = view.model.order_at(row)
            if o.order_no == order.order_no:
                return "stopped" in o.extra
        return False

    qtbot.waitUntil(flagged, timeout=10_000)
    row = next(r for r in range(view.model.rowCount()) if view.model.order_at(r).order_no == order.order_no)
    index = view.model.index(row, COL_STATUS)
    assert "carrier stopped" in view.model.data(index, Qt.ItemDataRole.DisplayRole)
    tip = view.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert f"ZTO does not collect for {province}" in tip


def test_late_orders_are_counted_and_a_notice_shows_at_the_sellers_times(qtbot, gui: Gui) -> None:  # noqa: ANN001
    from datetime import UTC, datetime, timedelta

    from app.domain.orders import CHINA_TZ
    from app.services.audit import Actor
    from app.services.deadlines import set_deadline_hours
    from app.services.orders import deadline_counts

    window = gui.window
    now = datetime.now(UTC)
    overdue, soon = deadline_counts(gui.ops.desk.session_factory, now, 6)
    assert overdue > 0  # the demo has late orders
    qtbot.waitUntil(lambda: window.breach is not None and window.breach_button.isVisible(), timeout=10_000)
    assert window.breach_button.text() == f"Overdue: {overdue} · due within 6 h: {soon}"
    assert not window.breach_banner.isVisible()  # the first look only counts: no notice time has come since

    coming = (now + timedelta(minutes=1)).astimezone(CHINA_TZ).strftime("%H:%M")  # a notice time one minute away
    set_deadline_hours(gui.ops.desk.session_factory, Actor("tester", "vm"), alert_times=f"{coming},03:00")
    window._breach_checked = now - timedelta(minutes=1)  # as if the last look was a minute ago...
    window.ops.desk.clock = lambda: now + timedelta(minutes=2)  # ...and now it has come
    window.reload_breaches()
    qtbot.waitUntil(window.breach_banner.isVisible, timeout=10_000)
    assert f"{overdue} order(s) overdue" in window.breach_text.text()
    window.reload_breaches()  # once per notice time: the next look does not show it again after dismissing
    window.breach_dismiss_button.click()
    gui.tasks.wait()
    qtbot.wait(50)
    assert not window.breach_banner.isVisible()

    window.breach_button.click()  # the count opens the late orders
    assert window.tabs.currentWidget() is window.orders_view
    view = window.orders_view
    qtbot.waitUntil(lambda: view.count_label.text() == f"{overdue} orders", timeout=10_000)


def test_notice_times_are_read_or_refused(gui: Gui) -> None:
    from app.domain.errors import InvalidInput
    from app.services.audit import Actor
    from app.services.deadlines import set_deadline_hours

    factory = gui.ops.desk.session_factory
    with pytest.raises(InvalidInput) as refused:
        set_deadline_hours(factory, Actor("tester", "vm"), alert_times="9点")
    assert "10:00,15:00" in str(refused.value)
    assert service_settings(factory)["breach_alert_times"] == "10:00,15:00"  # the default stays
    set_deadline_hours(factory, Actor("tester", "vm"), alert_times="off")
    assert gui.ops.desk.breach_watch().alert_times == ()

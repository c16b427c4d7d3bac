"""The station panel in the real window: a scan typed as a scanner types it opens an order and counts items."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pdtest.station_ui import pack, packable, scan
from pdtest.top_server import TopServer
from pdtest.top_shop import APP_KEY, SECRET, SESSION, synced_shop, waiting
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from sqlalchemy import insert, select, update

from app.domain.enums import ScanOutcome
from app.persistence.rows import OrderLineRow, OrderRow, PrintJobRow, ScanEventRow
from app.services.images import ImageCache
from app.services.orders import list_orders
from app.services.pace import PaceCounter
from ui.main import Gui
from ui.models.pack_lines_model import COL_PICTURE
from ui.station.painted import PICTURE_PX, load_picture
from ui.station.verdicts import STATE_COLOURS


def test_scanning_an_order_then_its_items_completes_and_prints(qtbot, gui: Gui, tmp_path: Path) -> None:
    view = gui.window.station_view
    order = packable(gui)
    snap = scan(qtbot, gui, order.order_no)
    assert snap.events[-1].event is ScanOutcome.ORDER_OPENED
    assert view.banner.property("state_colour") == STATE_COLOURS["packing"] or view.banner.text() == "SCAN ITEMS"
    assert view.lines_model.rowCount() == len(order.lines)
    assert order.order_no in view.order_label.text()
    assert view.scan_input.text() == ""  # the field is cleared for the next scan

    total = sum(ln.qty for ln in order.lines)
    events = []
    for line in order.lines:
        for _ in range(line.qty):
            snap = scan(qtbot, gui, line.barcodes[0])
            events += [e.event for e in snap.events]
    assert events.count(ScanOutcome.ITEM_OK) == total
    assert ScanOutcome.ORDER_COMPLETE in events and ScanOutcome.LABEL_PRINTED in events
    assert view.banner.text() == "COMPLETE"
    assert view.progress_label.text() == f"{total} / {total}"
    assert len(list((tmp_path / "labels").glob("*.png"))) == 1


def test_wrong_item_turns_the_banner_red(qtbot, gui: Gui) -> None:
    view = gui.window.station_view
    orders = list_orders(gui.workspace.session_factory, status="awaiting_shipment", limit=500)
    order = packable(gui)
    mine = {ln.sku for ln in order.lines}
    foreign = next(ln for o in orders for ln in o.lines if ln.sku not in mine and ln.barcodes)
    scan(qtbot, gui, order.order_no)
    snap = scan(qtbot, gui, foreign.barcodes[0])
    assert snap.events[-1].event is ScanOutcome.WRONG_ITEM
    assert view.banner.text() == "WRONG ITEM"
    assert view.banner.property("state_colour") == STATE_COLOURS[ScanOutcome.WRONG_ITEM]


def test_unknown_code_and_undo(qtbot, gui: Gui) -> None:
    view = gui.window.station_view
    order = packable(gui)
    scan(qtbot, gui, order.order_no)
    assert scan(qtbot, gui, "NOT-A-CODE-42").events[-1].event is ScanOutcome.UNKNOWN_CODE
    assert view.banner.text() == "UNKNOWN CODE"
    first = order.lines[0]
    if first.qty > 1 or len(order.lines) > 1:
        scan(qtbot, gui, first.barcodes[0])
        with qtbot.waitSignal(view.scan_handled, timeout=10_000) as blocker:
            qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
        assert blocker.args[0].events[-1].event is ScanOutcome.UNDONE
        assert blocker.args[0].scanned[first.sku] == 0


def test_closed_order_is_intercepted(qtbot, gui: Gui) -> None:
    view = gui.window.station_view
    closed = list_orders(gui.workspace.session_factory, status="closed", limit=10)
    assert closed, "the demo has closed orders"
    snap = scan(qtbot, gui, closed[0].order_no)
    assert snap.events[-1].event is ScanOutcome.INTERCEPTED
    assert view.banner.text() == "STOP"
    assert view.banner.property("state_colour") == STATE_COLOURS[ScanOutcome.INTERCEPTED]
    assert view.stop_overlay.isVisible() and view.stop_overlay.geometry() == view.rect()  # the whole station
    assert "STOP" in view.stop_text.text() and closed[0].order_no in view.stop_text.text()
    assert not view.override_button.isVisible()  # a closed order cannot be let through
    scan(qtbot, gui, "NEXT-CODE")  # the next scan lifts it
    assert not view.stop_overlay.isVisible()


def test_double_click_in_the_order_list_opens_the_order_at_the_station(qtbot, gui: Gui) -> None:
    window = gui.window
    window.tabs.setCurrentWidget(window.orders_view)
    qtbot.waitUntil(lambda: window.orders_view.model.rowCount() > 0, timeout=10_000)
    order = window.orders_view.model.order_at(0)
    with qtbot.waitSignal(window.station_view.scan_handled, timeout=10_000) as blocker:
        window.orders_view.order_activated.emit(order.order_no)
    assert window.tabs.currentWidget() is window.station_view
    assert blocker.args[0].events[-1].order_no == order.order_no


def test_the_packers_pace_shows_after_a_parcel(qtbot, gui: Gui) -> None:
    view = gui.window.station_view
    order = packable(gui)
    pack(qtbot, gui, order)
    units = sum(ln.qty for ln in order.lines)
    qtbot.waitUntil(
        lambda: view.pace_label.text().startswith(f"Today: 1 parcel · {units} unit{'s' if units != 1 else ''}"),
        timeout=5_000,
    )
    assert "/h" not in view.pace_label.text()  # one parcel is not a rate
    assert view.pace_label.text().endswith(" · 0 caught")


def test_the_pace_gives_a_rate_once_the_last_half_hour_of_packing_holds_five_parcels(gui: Gui) -> None:
    view = gui.window.station_view
    now = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)  # 14:00 China time
    minute = timedelta(minutes=1)

    def parcels(count: int, last: timedelta) -> None:  # of 2 pieces each, one every 4 minutes, the last `last` ago
        steps = (
            (4 * minute - timedelta(seconds=5), "order_opened", 0),
            (minute, "item_ok", 2),
            (timedelta(), "shipped", 0),
        )
        with gui.workspace.session_factory.begin() as session:
            for k in range(count - 1, -1, -1):
                for ago, outcome, units in steps:
                    session.execute(
                        insert(ScanEventRow).values(at=now - last - k * 4 * minute - ago, station="b", packer="pace",
                                                    order_id=None, code="x", outcome=outcome, sku=None, units=units)
                    )  # fmt: skip

    counter = PaceCounter()
    parcels(4, 0 * minute)
    view._show_pace(counter.update(gui.workspace.session_factory, "pace", now))
    assert view.pace_label.text() == "Today: 4 parcels · 8 units · 0 caught"
    parcels(4, -16 * minute)  # 4 more: 8 in the last half hour (32 minutes of packing so far), 16 an hour
    view._show_pace(counter.update(gui.workspace.session_factory, "pace", now + 16 * minute))
    assert view.pace_label.text() == "Today: 8 parcels · 16 units · 16/h · 0 caught"


def test_a_supervisor_binds_an_unknown_code_from_the_window(qtbot, gui: Gui) -> None:
    from app.services.supervisor import hash_pin

    gui.workspace.settings.supervisor_pin = hash_pin("0000")
    view = gui.window.station_view
    order = packable(gui, min_units=2)
    scan(qtbot, gui, order.order_no)
    assert not view.bind_button.isEnabled() and view.manual_button.isEnabled()
    scan(qtbot, gui, "6999999999994")
    assert view.bind_button.isEnabled() and view.unknown_code == "6999999999994"
    view.apply_supervisor("6999999999994", order.lines[0].sku, 1, "", "9999")  # wrong PIN: refused
    assert view.banner.text() == "ERROR" and "Wrong supervisor PIN" in view.detail.text()
    with qtbot.waitSignal(view.scan_handled, timeout=10_000) as blocker:
        view.apply_supervisor("6999999999994", order.lines[0].sku, 1, "", "0000")
    assert blocker.args[0].events[0].event is ScanOutcome.ITEM_OK
    assert view.progress_label.text().startswith("1 /")


def test_an_idle_bench_locks_and_a_badge_or_pin_unlocks_it_with_the_parcel_kept(qtbot, gui: Gui) -> None:
    from app.services.packers import add_packer

    with gui.workspace.session_factory.begin() as s:
        add_packer(s, "李四", "2468", "BADGE-42")
    view, window = gui.window.station_view, gui.window
    order = packable(gui, min_units=2)
    scan(qtbot, gui, order.order_no)
    scan(qtbot, gui, order.lines[0].barcodes[0])
    view.set_idle_lock(0.001)  # 60 ms without a scan
    qtbot.waitUntil(lambda: view.locked and view.lock_overlay.isVisible(), timeout=5_000)
    view.submit_scan(order.lines[0].barcodes[0])  # an item, not a badge: refused while locked
    qtbot.waitUntil(lambda: "not a badge" in view.lock_message.text(), timeout=5_000)
    assert view.snapshot.scanned[order.lines[0].sku] == 1
    with qtbot.waitSignal(view.signed_in, timeout=5_000) as blocker:
        view.submit_scan("BADGE-42")
    assert blocker.args == ["李四"] and not view.locked and "李四" in window.packer_label.text()
    assert view.station.actor.name == "李四" and view.station.order is not None  # the parcel stayed open
    view.set_idle_lock(0)
    view.lock()
    view.name_edit.setText("李四")
    view.pin_edit.setText("0000")
    view.sign_in_button.click()
    qtbot.waitUntil(lambda: "wrong PIN" in view.lock_message.text(), timeout=5_000)
    view.pin_edit.setText("2468")
    with qtbot.waitSignal(view.signed_in, timeout=5_000):
        view.sign_in_button.click()


def test_a_supervisor_lets_a_held_order_through_from_the_stop_screen(qtbot, gui: Gui) -> None:
    from sqlalchemy import update

    from app.persistence.rows import OrderRow
    from app.services.supervisor import hash_pin

    gui.workspace.settings.supervisor_pin = hash_pin("0000")
    view = gui.window.station_view
    order = packable(gui)
    with gui.workspace.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order.order_no).values(status="on_hold"))
    scan(qtbot, gui, order.order_no)
    assert view.stop_overlay.isVisible() and view.override_button.isVisible()
    view.apply_override("buyer confirmed", "1111")
    assert "Wrong supervisor PIN" in view.stop_text.text() and view.stop_overlay.isVisible()
    with qtbot.waitSignal(view.scan_handled, timeout=10_000) as blocker:
        view.apply_override("buyer confirmed", "0000")
    assert blocker.args[0].events[0].reason == "override" and not view.stop_overlay.isVisible()
    assert view.snapshot.order is not None and view.snapshot.order.order_no == order.order_no


def test_park_from_the_window(qtbot, gui: Gui) -> None:
    view = gui.window.station_view
    order = packable(gui, min_units=2)
    scan(qtbot, gui, order.order_no)
    scan(qtbot, gui, order.lines[0].barcodes[0])
    assert view.park_button.isEnabled()
    with qtbot.waitSignal(view.scan_handled, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.banner.text() == "PARKED" and view.snapshot.order is None
    snap = scan(qtbot, gui, order.order_no)
    assert snap.events[-1].reason == "unparked" and view.progress_label.text().startswith("1 /")


def test_reopen_from_the_window_is_refused_once_shipped(qtbot, gui: Gui) -> None:
    view = gui.window.station_view
    order = packable(gui)
    pack(qtbot, gui, order)
    assert view.snapshot.events[-1].event is ScanOutcome.SHIPPED
    view.reopen(order.order_no)  # it shipped (auto-ship): refused, with the reason on screen
    qtbot.waitUntil(lambda: "has shipped" in view.detail.text(), timeout=5_000)


def test_the_lines_show_their_product_pictures(qtbot, gui: Gui) -> None:
    view = gui.window.station_view
    order = packable(gui)
    assert all(ln.image for ln in order.lines)  # the demo products have pictures
    scan(qtbot, gui, order.order_no)
    model = view.lines_model

    def picture(row: int):  # noqa: ANN202
        return model.data(model.index(row, COL_PICTURE), Qt.ItemDataRole.DecorationRole)

    qtbot.waitUntil(lambda: all(picture(r) is not None for r in range(model.rowCount())), timeout=10_000)
    for row, line in enumerate(order.lines):
        expected = load_picture(ImageCache(gui.workspace.images_dir), line.image)
        assert expected is not None
        shown = picture(row).toImage().convertToFormat(QImage.Format.Format_RGB32)
        assert shown == expected.convertToFormat(QImage.Format.Format_RGB32), line.sku
    assert view.lines_view.rowHeight(0) >= PICTURE_PX


def test_a_picture_that_cannot_be_had_leaves_the_line_without_one(qtbot, gui: Gui) -> None:
    view = gui.window.station_view
    order = packable(gui)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/gone.jpg"
    with gui.workspace.session_factory.begin() as session:
        row = session.execute(select(OrderRow).where(OrderRow.order_no == order.order_no)).scalar_one()
        row.lines[0].image_url = dead
    snap = scan(qtbot, gui, order.order_no)
    assert snap.events[-1].event is ScanOutcome.ORDER_OPENED
    gui.tasks.wait()
    qtbot.wait(50)  # the queued "no picture" answer reaches the GUI thread
    model = view.lines_model
    assert model.data(model.index(0, COL_PICTURE), Qt.ItemDataRole.DecorationRole) is None
    assert scan(qtbot, gui, order.lines[0].barcodes[0]).events[-1].event in (
        ScanOutcome.ITEM_OK,
        ScanOutcome.ORDER_COMPLETE,
        ScanOutcome.LABEL_PRINTED,
        ScanOutcome.SHIPPED,
    )


def test_the_last_item_shows_complete_before_the_label_prints_and_sounds_once(qtbot, gui: Gui) -> None:
    view = gui.window.station_view
    order = packable(gui)
    scan(qtbot, gui, order.order_no)
    codes = [ln.barcodes[0] for ln in order.lines for _ in range(ln.qty)]
    for code in codes[:-1]:
        scan(qtbot, gui, code)
    assert view.sounds is not None
    view.sounds.played.clear()
    seen: list[tuple[str, list[ScanOutcome]]] = []
    view.verdict_shown.connect(lambda snap: seen.append(("verdict", [e.event for e in snap.events])))
    view.scan_handled.connect(lambda snap: seen.append(("handled", [e.event for e in snap.events])))
    scan(qtbot, gui, codes[-1])
    assert [kind for kind, _ in seen] == ["verdict", "handled"]
    assert seen[0][1][-1] is ScanOutcome.ORDER_COMPLETE
    assert ScanOutcome.LABEL_PRINTED in seen[1][1] and seen[1][1][-1] is ScanOutcome.SHIPPED
    assert view.sounds.played == ["complete"]
    assert view.banner.text() == "COMPLETE"


def test_a_scan_repaints_the_station_panel_not_the_whole_window(qtbot, gui: Gui) -> None:
    """Label texts change on every scan; the layout requests they raise must end at the panel, or the tab widget
    repaints itself whole on every scan (milliseconds of the packer's wait)."""
    from PySide6.QtCore import QEvent, QObject

    class Count(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.requests = 0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.LayoutRequest:
                self.requests += 1
            return False

    order = packable(gui, min_units=2)
    scan(qtbot, gui, order.order_no)
    qtbot.wait(50)
    counter = Count()
    gui.window.tabs.installEventFilter(counter)
    scan(qtbot, gui, order.lines[0].barcodes[0])
    qtbot.wait(50)  # the posted layout requests are delivered
    gui.window.tabs.removeEventFilter(counter)
    assert gui.window.station_view.detail.text()  # the scan did change the panel
    assert counter.requests == 0


def test_the_count_columns_fit_their_titles_and_the_largest_count(qtbot, gui: Gui) -> None:
    from PySide6.QtGui import QFontMetrics

    from ui.models.pack_lines_model import COL_PROGRESS, COL_SKU

    view = gui.window.station_view
    header = view.lines_view.horizontalHeader()
    metrics = QFontMetrics(header.font())
    for col in (COL_SKU, COL_PROGRESS):  # no order open: the titles still show whole
        title = view.lines_model.headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= metrics.horizontalAdvance(title)
    order = packable(gui, min_units=2)
    scan(qtbot, gui, order.order_no)
    most = max(ln.qty for ln in order.lines)
    assert header.sectionSize(COL_PROGRESS) >= QFontMetrics(view.lines_view.font()).horizontalAdvance(
        f"{most} / {most}"
    )
    widths = [header.sectionSize(c) for c in (COL_SKU, COL_PROGRESS)]
    scan(qtbot, gui, order.lines[0].barcodes[0])
    assert [header.sectionSize(c) for c in (COL_SKU, COL_PROGRESS)] == widths  # sized per order, not per scan


def test_a_parcel_opened_from_the_cache_stops_when_the_platform_says_closed(
    qtbot, gui: Gui, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window opens the parcel at once from the cache, asks the platform in the background, and puts up STOP
    when the order was closed after the last sync."""
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=5, n_trades=30) as server:
        synced_shop(gui.workspace, server)
        tid, _scans, _oid = waiting(gui.workspace, server)
        server.modify(tid, status="TRADE_CLOSED")
        view = gui.window.station_view
        snap = scan(qtbot, gui, tid)
        assert snap.events[-1].event is ScanOutcome.ORDER_OPENED  # the cache still said waiting
        qtbot.waitUntil(lambda: view.stop_overlay.isVisible(), timeout=10_000)
        assert tid in view.stop_text.text()
        assert view.station.session is None


def test_the_last_scan_says_checking_until_the_platform_answered(
    qtbot, gui: Gui, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """For an order of an API shop the last item's verdict is "checking", not "complete": the platform is asked
    before the label prints, and this time it says the buyer cancelled."""
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=5, n_trades=30) as server:
        synced_shop(gui.workspace, server)
        tid, scans, _oid = waiting(gui.workspace, server)
        view = gui.window.station_view
        scan(qtbot, gui, tid)
        gui.tasks.wait()  # the background look at the opening: nothing new yet
        for code in scans[:-1]:
            scan(qtbot, gui, code)
        server.modify(tid, status="TRADE_CLOSED")
        assert view.sounds is not None
        view.sounds.played.clear()
        verdicts: list[tuple[str, bool]] = []
        view.verdict_shown.connect(lambda snap: verdicts.append((view.banner.text(), snap.checking)))
        final = scan(qtbot, gui, scans[-1])
        assert verdicts == [("CHECKING", True)]
        assert final.events[-1].event is ScanOutcome.INTERCEPTED and final.events[-1].reason == "closed"
        assert view.stop_overlay.isVisible()
        assert view.sounds.played == ["ok", "stop"]
        assert not list((tmp_path / "labels").glob("*.png"))


def test_an_item_that_opens_a_parcel_also_asks_the_platform(qtbot, gui: Gui, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=5, n_trades=30) as server:
        synced_shop(gui.workspace, server)
        view = gui.window.station_view
        view.station.sku_first = True
        tid, scans, _oid = next(w for k in range(20) if len((w := waiting(gui.workspace, server, skip=k))[1]) > 1)
        sku = scans[0].removeprefix("BC-")
        with gui.workspace.session_factory.begin() as session:  # only this order still needs the item
            others = select(OrderLineRow.order_id).where(OrderLineRow.sku == sku)
            session.execute(
                update(OrderRow).where(OrderRow.id.in_(others), OrderRow.order_no != tid).values(status="shipped")
            )
        server.modify(tid, status="TRADE_CLOSED")
        snap = scan(qtbot, gui, scans[0])
        assert [e.event for e in snap.events][:2] == [ScanOutcome.ORDER_OPENED, ScanOutcome.ITEM_OK]
        qtbot.waitUntil(lambda: view.stop_overlay.isVisible(), timeout=10_000)
        assert snap.order is not None and snap.order.order_no in view.stop_text.text()


def test_out_of_labels_says_so_in_chinese_and_the_order_scanned_again_prints(qtbot, gui: Gui, qapp) -> None:  # noqa: ANN001
    from pdtest.simulator import PrinterSimulator
    from PySide6.QtCore import QTranslator

    from resources import resource_path

    chinese = QTranslator(qapp)
    assert chinese.load(str(resource_path("translations", "packdesk_zh_CN.qm")))
    qapp.installTranslator(chinese)
    view = gui.window.station_view
    try:
        with PrinterSimulator("escpos") as sim:
            gui.window.printing.set_printer(sim.uri)
            order = packable(gui, min_units=2)
            scan(qtbot, gui, order.order_no)
            codes = [ln.barcodes[0] for ln in order.lines for _ in range(ln.qty)]
            for code in codes[:-1]:
                scan(qtbot, gui, code)
            sim.state = "paper_out"
            failed = scan(qtbot, gui, codes[-1])
            assert failed.events[-1].event is ScanOutcome.PRINT_FAILED
            assert "打印机没有面单纸了" in view.detail.text() and order.order_no in view.detail.text()
            sim.state = "ready"
            again = scan(qtbot, gui, order.order_no)
            assert [e.event for e in again.events] == [ScanOutcome.LABEL_PRINTED, ScanOutcome.SHIPPED]
            assert len(sim.wait_jobs(1)) == 1
            with gui.workspace.session_factory() as session:  # one job, sent once: no second label
                assert session.execute(select(PrintJobRow.state)).scalars().all() == ["sent"]
    finally:
        qapp.removeTranslator(chinese)


def test_a_restart_after_the_label_asks_for_the_waybill_and_ships_without_printing_again(
    qtbot,  # noqa: ANN001
    qapp,  # noqa: ANN001
    gui: Gui,
    tmp_path: Path,
) -> None:
    from ui.main import build_gui

    gui.workspace.settings.confirm_scan = True
    gui.window.station_view.station.confirm_scan = True
    order = packable(gui, min_units=2)
    total = sum(ln.qty for ln in order.lines)
    snap = pack(qtbot, gui, order)
    tracking = snap.events[-1].tracking_no
    assert tracking and gui.window.station_view.banner.text() == "SCAN THE WAYBILL"
    gui.scanner.uninstall(qapp)  # PackDesk stops here, before the waybill is scanned, and starts again
    gui.tasks.wait()

    again = build_gui(gui.workspace)
    qtbot.addWidget(again.window)
    try:
        view = again.window.station_view
        qtbot.waitUntil(lambda: view.banner.text() == "SCAN THE WAYBILL", timeout=10_000)
        assert tracking in view.detail.text()
        assert view.progress_label.text() == f"{total} / {total}"  # nothing to verify again
        assert not view.park_button.isEnabled() and not view.manual_button.isEnabled()
        snap = scan(qtbot, again, tracking)
        assert [e.event for e in snap.events] == [ScanOutcome.SHIPPED]
        assert view.banner.text() == "COMPLETE"
        assert len(list((tmp_path / "labels").glob("*.png"))) == 1  # printed once
        with gui.workspace.session_factory() as session:
            assert len(session.execute(select(PrintJobRow.id)).all()) == 1
    finally:
        again.scanner.uninstall(qapp)
        again.tasks.wait()

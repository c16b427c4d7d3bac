"""The first-run assistant (ui.first_run) from an empty data directory to a printed parcel, offscreen.

The assistant is driven as a seller would: the language, a Pinduoduo shop from its order export, the product sheet
with barcodes (a broken row listed with its row number), the virtual PNG printer (a test label read back), a number
roll, a packer and the supervisor PIN. Then the window opens as `packdesk gui` opens it, the packer signs in, scans
the order and its items, and the label printed carries the roll's first number in its barcode (decoded with zxing).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from pdtest.exports import PDD_HEADER, china
from pdtest.product_sheets import ean, wrong_check
from pdtest.station_ui import scan
from pdtest.top_server import TopServer
from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QWizard

from app.domain.messages import msg
from app.facade import TEST_LABEL_NUMBER
from app.services.supervisor import hash_supervisor_pin
from app.services.workspace import Workspace
from app.station.screens import StationSnapshot
from printers.discovery import Found
from ui.core_text import core_text
from ui.first_run import FirstRunWizard, first_run_wizard, run_first_run, wants_first_run
from ui.i18n import switch_language
from ui.main import Gui, build_gui
from ui.tasks import TaskRunner

SHOP = "小鹿拼多多店"
ORDER_NO = "260601-123456789012345"
FIRST_NUMBER = "JT5091156768300"
PACKER, PACKER_PIN, SUPERVISOR_PIN = "小王", "2468", "135790"
MUG, TEA = ean(101), ean(102)
APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"


def _order_export(folder: Path) -> Path:
    """A Pinduoduo export of one waiting order (a mug, two teas) and a row whose quantity is not a number."""
    paid = datetime.now(UTC) - timedelta(hours=2)
    rows = []
    for sku, title, qty in (("MUG-01", "陶瓷马克杯", "1"), ("TEA-02", "龙井茶 100g", "2"), ("TEA-02", "龙井茶", "两")):
        order_no = ORDER_NO if qty != "两" else "260601-999999999999999"
        values = {
            "商品": title,
            "订单号": f"\t{order_no}",
            "订单状态": "待发货",
            "商品总价（元）": "30.00",
            "邮费（元）": "0.00",
            "用户实付金额（元）": "90.00",
            "商品数量（件）": qty,
            "收货人": "李四",
            "手机": "\t13912345678",
            "省": "浙江省",
            "市": "杭州市",
            "区": "西湖区",
            "街道": "文三路 100 号",
            "支付时间": china(paid),
            "承诺发货时间": china(paid + timedelta(hours=48)),
            "商品规格": "默认",
            "商家编码-SKU维度": f"\t{sku}",
            "售后状态": "无售后或售后取消",
        }
        rows.append([values.get(h, "") for h in PDD_HEADER])
    path = folder / "pdd-orders.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows([PDD_HEADER, *rows])
    return path


def _product_sheet(folder: Path) -> Path:
    """The two SKUs with their barcodes, and a third whose barcode has a wrong check digit (row 4)."""
    broken, _right = wrong_check(ean(103))
    path = folder / "products.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(
            [
                ["商家编码", "商品名称", "规格", "条形码", "重量(克)"],
                ["MUG-01", "陶瓷马克杯", "白色", MUG, "350"],
                ["TEA-02", "龙井茶 100g", "罐装", TEA, "120"],
                ["CUP-03", "玻璃杯", "", broken, "200"],
            ]
        )
    return path


def _choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def _decoded(png: Path) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(png).convert("L")) if r.format.name == "Code128"]


@pytest.fixture
def tasks(qapp) -> Iterator[TaskRunner]:  # noqa: ANN001
    runner = TaskRunner()
    yield runner
    runner.wait()
    switch_language(qapp, "en")  # the language page may have switched it


@pytest.fixture
def wizard(qtbot, workspace: Workspace, tasks: TaskRunner) -> FirstRunWizard:  # noqa: ANN001
    assert wants_first_run(workspace)  # an empty data directory
    found = [Found("usb", "USB 0fe6:811e", "usb://0fe6:811e")]
    w = first_run_wizard(workspace, tasks)
    w.context.find_printers = lambda: found
    qtbot.addWidget(w)
    w.show()
    return w


def _next(qtbot, wizard: FirstRunWizard) -> None:  # noqa: ANN001
    before = wizard.currentId()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == before + 1


def _open_window(qtbot, ws: Workspace, wizard: FirstRunWizard) -> Gui:  # noqa: ANN001
    """What `packdesk gui` does once the assistant closed: the window, locked when packers were added."""
    gui = build_gui(ws)
    qtbot.addWidget(gui.window)
    gui.window.show()
    if wizard.packers_added:
        gui.window.station_view.lock()
    return gui


def test_from_an_empty_data_directory_to_a_printed_parcel(
    qtbot,  # noqa: ANN001
    qapp,  # noqa: ANN001
    workspace: Workspace,
    wizard: FirstRunWizard,
    tmp_path: Path,
) -> None:
    ws, context = workspace, wizard.context
    # Language: applied at once (the window's existing translations switch) and kept.
    page = wizard.language_page
    page.zh_button.setChecked(True)
    assert ws.settings.language == "zh_CN" and QCoreApplication.translate("MainWindow", "Station") != "Station"
    page.en_button.setChecked(True)
    assert ws.settings.language == "en" and QCoreApplication.translate("MainWindow", "Station") == "Station"

    # A shop from its order export: the rejected row is listed with its number.
    _next(qtbot, wizard)
    shop = wizard.shop_page
    assert shop.files_button.isChecked() and not shop.api_box.isVisibleTo(shop)
    _choose(shop.platform_combo, "pdd")
    shop.choose_order_files = lambda: [str(_order_export(tmp_path))]
    qtbot.mouseClick(shop.import_button, Qt.MouseButton.LeftButton)  # no shop name: refused in the core's words
    qtbot.waitUntil(lambda: shop.message.text() == core_text(msg("import.shop_name_missing")), timeout=10_000)
    shop.file_shop.setText(SHOP)
    qtbot.mouseClick(shop.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 new" in shop.message.text(), timeout=10_000)
    assert "1 rows rejected" in shop.message.text() and "pdd-orders.csv row 4: " in shop.report.toPlainText()
    assert SHOP in shop.shops_label.text()

    # The catalogue from the product sheet; the wrong check digit is refused with its row.
    _next(qtbot, wizard)
    catalogue = wizard.catalogue_page
    qtbot.waitUntil(lambda: catalogue.shop_combo.currentData() == SHOP, timeout=10_000)
    catalogue.choose_sheet = lambda: str(_product_sheet(tmp_path))
    qtbot.mouseClick(catalogue.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 products new" in catalogue.message.text(), timeout=10_000)
    assert "1 rows rejected" in catalogue.message.text()
    assert "products.csv row 4: " in catalogue.report.toPlainText() and "check digit" in catalogue.report.toPlainText()

    # The printer: the ones found, the virtual one, a test label read back, then used.
    _next(qtbot, wizard)
    printer = wizard.printer_page
    assert printer.setup is not None
    combo = printer.setup.found_combo
    qtbot.waitUntil(lambda: combo.count() == 3, timeout=10_000)
    assert combo.itemData(1) == "usb://0fe6:811e"
    labels = ws.data_dir / "labels"
    combo.setCurrentIndex(2)
    assert printer.setup.uri().startswith(f"png://{labels.as_posix()}?")
    qtbot.mouseClick(printer.test_label_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Test label sent" in printer.message.text(), timeout=10_000)
    assert TEST_LABEL_NUMBER in _decoded(labels / "test-label.png")
    assert not ws.settings.printer_uri  # only tried, not used yet

    # A number roll for the shop, through the waybill accounts form (Next uses the printer chosen).
    _next(qtbot, wizard)
    assert ws.settings.printer_uri == printer.setup.uri() and "prints on" in printer.message.text()
    accounts = wizard.waybill_page.accounts
    assert accounts is not None
    _choose(accounts.provider, "roll")
    accounts.name.setText("极兔号段")
    accounts.first.setText(FIRST_NUMBER)
    _choose(accounts.carrier, "JT")
    accounts.count.setValue(500)
    qtbot.waitUntil(lambda: accounts.used_by.findData(f"shop:{SHOP}") >= 0, timeout=10_000)
    _choose(accounts.used_by, f"shop:{SHOP}")
    qtbot.mouseClick(accounts.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Account 极兔号段 added" in accounts.message.text(), timeout=10_000)

    # A packer, then the supervisor PIN (a mistyped repeat changes nothing).
    _next(qtbot, wizard)
    packers = wizard.packers_page
    assert not packers.authority_edit.isVisibleTo(packers)  # no supervisor PIN yet: none asked
    packers.name_edit.setText(PACKER)
    packers.pin_edit.setText("12")
    qtbot.mouseClick(packers.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "4 to 12 digits" in packers.message.text(), timeout=10_000)
    assert not packers.added
    packers.pin_edit.setText(PACKER_PIN)
    qtbot.mouseClick(packers.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: PACKER in packers.packers_label.text(), timeout=10_000)
    packers.new_edit.setText(SUPERVISOR_PIN)
    packers.repeat_edit.setText("135791")
    qtbot.mouseClick(packers.pin_button, Qt.MouseButton.LeftButton)
    assert "differ" in packers.message.text() and not context.settings.supervisor_pin
    packers.repeat_edit.setText(SUPERVISOR_PIN)
    qtbot.mouseClick(packers.pin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Supervisor PIN set" in packers.message.text(), timeout=10_000)
    assert packers.authority_edit.isVisibleTo(packers)  # from now on adding a packer takes it

    _next(qtbot, wizard)
    done = wizard.done_page
    qtbot.waitUntil(lambda: SHOP in done.summary.text(), timeout=10_000)
    assert "✘" not in done.summary.text(), done.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted and wizard.packers_added
    wizard.context.ops.tasks.wait()
    assert not wants_first_run(ws)

    # The station: the packer signs in, scans the order and its items; the label carries the roll's number.
    gui = _open_window(qtbot, ws, wizard)
    view = gui.window.station_view
    assert view.locked
    view.name_edit.setText(PACKER)
    view.pin_edit.setText(PACKER_PIN)
    qtbot.mouseClick(view.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.locked, timeout=10_000)
    snap: StationSnapshot = scan(qtbot, gui, ORDER_NO)
    for code in (MUG, TEA, TEA):
        snap = scan(qtbot, gui, code)
    gui.tasks.wait()
    printed = [p for p in labels.glob("*.png") if p.name != "test-label.png"]
    assert len(printed) == 1, (printed, [e.event for e in snap.events])
    assert _decoded(printed[0]) == [FIRST_NUMBER]
    gui.scanner.uninstall(qapp)
    gui.tasks.wait()


def test_every_step_skipped_leaves_an_empty_working_window_and_the_menu_reopens_it(
    qtbot,  # noqa: ANN001
    qapp,  # noqa: ANN001
    workspace: Workspace,
    wizard: FirstRunWizard,
) -> None:
    for _ in range(len(wizard.step_pages) - 1):
        _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.done_page.state is not None, timeout=10_000)
    assert wizard.done_page.summary.text().count("✘") == 6
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    wizard.context.ops.tasks.wait()
    assert wants_first_run(workspace) and not workspace.settings.printer_uri  # nothing was set up

    gui = _open_window(qtbot, workspace, wizard)
    window, view = gui.window, gui.window.station_view
    assert not view.locked and window.printer_label.text() == "No printer configured"
    snap = scan(qtbot, gui, "6900000000000")
    assert snap.order is None  # the bench answers: nothing to pack yet
    assert window.assistant_action.isEnabled()
    window.assistant_action.trigger()
    reopened = window.findChild(FirstRunWizard)
    assert reopened is not None and reopened.isVisible() and reopened.currentPage() is reopened.language_page
    reopened.reject()
    qtbot.waitUntil(lambda: window.findChild(FirstRunWizard) is None, timeout=10_000)
    gui.scanner.uninstall(qapp)
    gui.tasks.wait()


def test_a_taobao_api_shop_is_added_and_its_catalogue_synced(
    qtbot,  # noqa: ANN001
    workspace: Workspace,
    wizard: FirstRunWizard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")  # the secrets go to the data directory's own store
    _next(qtbot, wizard)
    shop = wizard.shop_page
    shop.api_button.setChecked(True)
    assert shop.api_box.isVisibleTo(shop) and not shop.files_box.isVisibleTo(shop)
    for key in ("app_secret", "session_key"):
        assert shop.edits[key].echoMode() == QLineEdit.EchoMode.Password
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=4, n_trades=5) as srv:
        shop.edits["name"].setText("小鹿淘宝店")
        shop.edits["gateway"].setText(srv.url)
        shop.edits["app_secret"].setText(SECRET)
        shop.edits["session_key"].setText(SESSION)
        qtbot.mouseClick(shop.add_button, Qt.MouseButton.LeftButton)  # no app key
        qtbot.waitUntil(lambda: shop.message.text() == core_text(msg("shop.app_key_empty")), timeout=10_000)
        assert wizard.context.ops.desk.shops() == []
        shop.edits["app_key"].setText(APP_KEY)
        qtbot.mouseClick(shop.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "小鹿淘宝店 (taobao)" in shop.shops_label.text(), timeout=10_000)
        assert [s.api for s in wizard.context.ops.desk.shops()] == [True]
        assert not shop.edits["app_secret"].text() and not shop.edits["session_key"].text()  # not kept on screen

        _next(qtbot, wizard)
        catalogue = wizard.catalogue_page
        qtbot.waitUntil(lambda: catalogue.sync_button.isVisibleTo(catalogue), timeout=10_000)
        qtbot.mouseClick(catalogue.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "From the platform" in catalogue.message.text(), timeout=20_000)
    skus = sum(len(item["skus"]) for item in srv.items.items.values())
    assert f"From the platform: {skus} products new, 0 changed" in catalogue.message.text()
    assert wizard.context.ops.desk.setup_state().products


def test_reopened_over_a_running_station_it_asks_for_the_supervisor_pin(
    qtbot,  # noqa: ANN001
    gui: Gui,
    tmp_path: Path,
) -> None:
    ws, window = gui.workspace, gui.window
    ws.settings.supervisor_pin = hash_supervisor_pin(SUPERVISOR_PIN)
    window.assistant_action.trigger()
    wizard = window.findChild(FirstRunWizard)
    assert wizard is not None
    qtbot.addWidget(wizard)
    assert "at the next start" in wizard.language_page.note.text()  # the window behind keeps its language
    wizard.context.find_printers = list
    while wizard.currentPage() is not wizard.printer_page:
        _next(qtbot, wizard)
    printer = wizard.printer_page
    qtbot.waitUntil(lambda: printer.found is not None, timeout=10_000)
    assert printer.setup is not None
    printer.setup.address_edit.setText("bogus://nowhere")
    qtbot.mouseClick(printer.use_button, Qt.MouseButton.LeftButton)
    assert printer.message.text() == printer.setup.uri_label.text() != ""  # refused in the core's words
    folder = (tmp_path / "elsewhere").as_posix()
    printer.setup.address_edit.setText(f"png://{folder}")
    qtbot.mouseClick(printer.use_button, Qt.MouseButton.LeftButton)
    assert ws.settings.printer_uri.startswith(f"png://{folder}?")  # kept, and used by the window at once
    assert window.printing.printer_uri == ws.settings.printer_uri and folder in window.printer_label.text()

    while wizard.currentPage() is not wizard.packers_page:
        _next(qtbot, wizard)
    packers = wizard.packers_page
    assert packers.authority_edit.isVisibleTo(packers) and packers.current_edit.isVisibleTo(packers)
    packers.name_edit.setText("夜班")
    packers.pin_edit.setText("8642")
    packers.authority_edit.setText("000001")
    qtbot.mouseClick(packers.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong supervisor PIN" in packers.message.text(), timeout=10_000)
    assert not packers.added
    packers.authority_edit.setText(SUPERVISOR_PIN)
    qtbot.mouseClick(packers.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: packers.added, timeout=10_000)

    stored = ws.settings.supervisor_pin
    packers.current_edit.setText("000001")
    packers.new_edit.setText("97531086")
    packers.repeat_edit.setText("97531086")
    qtbot.mouseClick(packers.pin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong supervisor PIN" in packers.message.text(), timeout=10_000)
    assert ws.settings.supervisor_pin == stored
    packers.current_edit.setText(SUPERVISOR_PIN)
    qtbot.mouseClick(packers.pin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ws.settings.supervisor_pin != stored, timeout=10_000)

    wizard.reject()  # closed having added a packer: the bench locks for a sign-in
    qtbot.waitUntil(lambda: window.station_view.locked, timeout=10_000)
    view = window.station_view
    view.name_edit.setText("夜班")
    view.pin_edit.setText("8642")
    qtbot.mouseClick(view.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.locked, timeout=10_000)
    assert "夜班" in window.packer_label.text()


def test_the_start_shows_it_until_closed_then_the_window_opens_unlocked(
    qtbot,  # noqa: ANN001
    qapp,  # noqa: ANN001
    workspace: Workspace,
) -> None:
    shown: list[FirstRunWizard] = []

    def close_it() -> None:
        modal = qapp.activeModalWidget()
        if isinstance(modal, FirstRunWizard):
            shown.append(modal)
            modal.reject()
        else:
            QTimer.singleShot(50, close_it)

    QTimer.singleShot(0, close_it)
    assert run_first_run(workspace) is False  # closed at once: no packers, the bench opens unlocked
    assert len(shown) == 1 and wants_first_run(workspace)

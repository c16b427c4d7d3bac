"""Screenshots of the first-run assistant, one per step, on a 1366 x 768 screen (the smallest laptop at a bench).

    .venv/bin/python packaging/screenshots_first_run.py [--lang zh_CN|en] [--out packaging/screenshots]

The assistant runs on an empty data directory and each step is done as a seller would do it: a Pinduoduo shop from
the seller centre's export (its broken rows listed), the product sheet of that shop's SKUs (with its broken rows),
the virtual printer with a test label, a number roll, a packer and the supervisor PIN. The exports and the sheet are
the ones the tests use (tests/pdtest). Qt runs offscreen on a screen of 1366 x 768 unless QT_QPA_PLATFORM is set
(e.g. under xvfb-run). Files: first-run-<step>.png in Chinese, first-run-<step>-en.png in English.

`--extra-qm FILE` loads a further translation on top of the installed one (strings whose Chinese is not in the .ts
yet, compiled from a helper's list).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the exports and product sheets the tests use
os.environ["PACKDESK_KEYRING"] = "file"  # the throwaway data directory keeps its secrets, not the desktop's
if "QT_QPA_PLATFORM" not in os.environ:
    _screen = Path(tempfile.mkdtemp(prefix="packdesk-screen-")) / "screen.json"
    _screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}]})
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from pdtest.exports import write_pdd  # noqa: E402
from pdtest.product_sheets import catalogue_sheet  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication, QWizard  # noqa: E402

from app.services.workspace import open_workspace  # noqa: E402
from app.wiring import install_waybill_providers  # noqa: E402
from printers.discovery import Found  # noqa: E402
from ui.first_run import FirstRunWizard, first_run_wizard  # noqa: E402
from ui.main import make_app  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

FOUND = [
    Found("usb", "USB 2d37:ef01  Xprinter XP-420B", "usb://2d37:ef01"),
    Found("serial", "/dev/ttyUSB0  CH340", "serial:///dev/ttyUSB0?baud=115200"),
]


def _settle(tasks: TaskRunner, ms: int = 300) -> None:
    tasks.wait()
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    tasks.wait()


def _until(tasks: TaskRunner, done: object, what: str) -> None:
    for _ in range(100):
        _settle(tasks, 50)
        if callable(done) and done():
            return
    print(f"screenshots_first_run: {what} did not happen", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("screenshots"))
    parser.add_argument("--extra-qm", type=Path, default=None)
    args = parser.parse_args()
    zh = args.lang.startswith("zh")
    os.environ["PACKDESK_LANG"] = args.lang
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="packdesk-first-run-"))
    app = make_app(language=args.lang)
    if args.extra_qm is not None:
        extra = QTranslator(app)
        if extra.load(str(args.extra_qm)):
            app.installTranslator(extra)
    install_waybill_providers(data)
    ws = open_workspace(data)
    tasks = TaskRunner()
    wizard = first_run_wizard(ws, tasks)
    wizard.context.find_printers = lambda: FOUND
    wizard.show()
    suffix = "" if zh else "-en"

    def shot(step: str) -> None:
        _settle(tasks)
        wizard.grab().save(str(args.out / f"first-run-{step}{suffix}.png"))

    def next_page() -> None:
        wizard.button(QWizard.WizardButton.NextButton).click()
        _settle(tasks)

    shot("language")

    next_page()
    shop = wizard.shop_page
    shop.file_shop.setText("小鹿拼多多店")
    shop.platform_combo.setCurrentIndex(shop.platform_combo.findData("pdd"))
    export = write_pdd(data)
    shop.choose_order_files = lambda: [str(p) for p in export.files]
    shop.import_button.click()
    _until(tasks, lambda: shop.report.isVisible(), "the order import")
    shot("shop")

    next_page()
    catalogue = wizard.catalogue_page
    sheet = catalogue_sheet(data, "xlsx")
    catalogue.choose_sheet = lambda: str(sheet.path)
    catalogue.import_button.click()
    _until(tasks, lambda: catalogue.report.isVisible(), "the product import")
    shot("catalogue")

    next_page()
    printer = wizard.printer_page
    _until(tasks, lambda: printer.found is not None, "the printer search")
    assert printer.setup is not None
    printer.setup.found_combo.setCurrentIndex(printer.setup.found_combo.count() - 1)  # the virtual printer
    printer.test_label_button.click()
    _until(tasks, lambda: (data / "labels" / "test-label.png").exists(), "the test label")
    shot("printer")
    printer.use_button.click()

    next_page()
    accounts = wizard.waybill_page.accounts
    assert accounts is not None
    accounts.provider.setCurrentIndex(accounts.provider.findData("roll"))
    accounts.name.setText("极兔号段" if zh else "J&T roll")
    accounts.first.setText("JT5091156768300")
    accounts.carrier.setCurrentIndex(accounts.carrier.findData("JT"))
    accounts.count.setValue(5000)
    _until(tasks, lambda: accounts.used_by.findData("shop:小鹿拼多多店") >= 0, "the shops")
    accounts.used_by.setCurrentIndex(accounts.used_by.findData("shop:小鹿拼多多店"))
    accounts.add_button.click()
    _until(tasks, lambda: accounts.model.rowCount() > 0, "the roll")
    shot("waybill")

    next_page()
    packers = wizard.packers_page
    packers.name_edit.setText("小王" if zh else "Wang")
    packers.pin_edit.setText("2468")
    packers.add_button.click()
    _until(tasks, lambda: packers.added, "the packer")
    packers.new_edit.setText("135790")
    packers.repeat_edit.setText("135790")
    packers.pin_button.click()
    _until(tasks, lambda: bool(ws.settings.supervisor_pin), "the supervisor PIN")
    shot("packers")

    next_page()
    _until(tasks, lambda: wizard.done_page.state is not None, "the summary")
    shot("done")
    _close(wizard, tasks)
    ws.close()
    print(f"screenshots in {args.out}")
    return 0


def _close(wizard: FirstRunWizard, tasks: TaskRunner) -> None:
    wizard.close()
    tasks.wait()
    QApplication.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())

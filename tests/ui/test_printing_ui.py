"""Printing from the window: batch print from the order list, the queue panel, the preview, printer setup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.enums import PrintJobState
from app.services.orders import list_orders
from printers.discovery import Found
from printers.uri import parse_printer_uri
from ui.dialogs.printer_setup import PrinterSetupDialog
from ui.main import Gui


def _select_rows(view, rows: list[int]) -> None:  # noqa: ANN001
    selection = view.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            view.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def test_batch_print_from_the_order_list(qtbot, gui: Gui, tmp_path: Path) -> None:
    window = gui.window
    window.tabs.setCurrentWidget(window.orders_view)
    view = window.orders_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 3, timeout=10_000)
    gui.tasks.wait()
    packable = [i for i in range(view.model.rowCount()) if all(ln.packable for ln in view.model.order_at(i).lines)]
    chosen = packable[:3]
    _select_rows(view, chosen)
    assert view.selected_order_nos() == [view.model.order_at(i).order_no for i in chosen]
    qtbot.waitUntil(lambda: view.preview.pixmap() is not None and not view.preview.pixmap().isNull(), timeout=10_000)
    with qtbot.waitSignal(window.printing.batch_finished, timeout=20_000) as blocker:
        view.print_button.click()
    outcome = blocker.args[0]
    assert outcome.sent == 3 and not outcome.refused and outcome.pause is None
    assert len(list((tmp_path / "labels").glob("*.png"))) == 3
    window.tabs.setCurrentWidget(window.queue_view)
    qtbot.waitUntil(lambda: window.queue_view.model.rowCount() == 3, timeout=10_000)
    assert {window.queue_view.model.job_at(r).state for r in range(3)} == {PrintJobState.SENT}


def test_batch_to_one_pdf(qtbot, gui: Gui, tmp_path: Path) -> None:
    orders = list_orders(gui.workspace.session_factory, status="awaiting_shipment", limit=100)
    chosen = [o.order_no for o in orders if all(ln.packable for ln in o.lines)][:4]
    target = tmp_path / "batch.pdf"
    with qtbot.waitSignal(gui.window.printing.batch_finished, timeout=20_000) as blocker:
        gui.window.printing.save_pdf(chosen, str(target))
    assert blocker.args[0].sent == 4
    assert (
        target.read_bytes().startswith(b"%PDF")
        and target.read_bytes().count(b"/Type /Page\n") + target.read_bytes().count(b"/Type /Page ") >= 1
    )


def test_printer_setup_builds_the_address(qtbot, gui: Gui) -> None:
    found = [Found("usb-file", "/dev/usb/lp0", "file:///dev/usb/lp0")]
    dialog = PrinterSetupDialog("png:///tmp/x?size=76x130", gui.tasks, found=found)
    qtbot.addWidget(dialog)
    assert dialog.size_combo.currentData() == "76x130"
    dialog.found_combo.setCurrentIndex(1)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("tspl"))
    dialog.size_combo.setCurrentIndex(dialog.size_combo.findData("100x150"))
    dialog.x_spin.setValue(1.5)
    dialog.density_spin.setValue(8)
    spec = parse_printer_uri(dialog.uri())
    assert (spec.scheme, spec.target, spec.lang, spec.x_mm, spec.density) == ("file", "/dev/usb/lp0", "tspl", 1.5, 8)
    assert (spec.media.width_mm, spec.media.height_mm) == (100, 150)
    dialog.address_edit.setText("tcp://no-port")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_changing_the_printer_reaches_the_station(qtbot, gui: Gui, tmp_path: Path) -> None:
    gui.window.printing.set_printer(f"png://{(tmp_path / 'other').as_posix()}")
    gui.tasks.wait()  # the engine takes the new spooler on its own lane, between two scans
    assert gui.window.station_view.station.printer is gui.window.printing.service
    assert "other" in gui.window.printer_label.text()

"""Printer refusals reach the window through the installed translator (the "CoreMessages" context), not as English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pdtest.brackets import brackets_installed
from PySide6.QtWidgets import QMessageBox

from ui.dialogs.printer_setup import PrinterSetupDialog
from ui.main import Gui


@pytest.fixture
def brackets(qapp) -> Iterator[None]:  # noqa: ANN001
    with brackets_installed(qapp):
        yield


def test_a_refused_printer_address_is_said_in_the_windows_language(
    gui: Gui, brackets: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(PrinterSetupDialog, "ask", classmethod(lambda cls, *args, **kwargs: "tcp://h:9100?size=9x9"))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    gui.window._on_printer_action_triggered()
    assert shown == [
        "«'tcp://h:9100?size=9x9': «label size '9x9' is outside 20-120 mm wide and 20-300 mm long»»"
    ]  # fmt: skip


def test_a_test_page_that_cannot_be_written_is_said_in_the_windows_language(
    qtbot,  # noqa: ANN001
    gui: Gui,
    brackets: None,
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"")
    dialog = PrinterSetupDialog(f"png://{(blocker / 'labels').as_posix()}", gui.tasks, found=[])
    qtbot.addWidget(dialog)
    dialog._on_test_button_clicked()
    qtbot.waitUntil(lambda: dialog.result_label.text().startswith("«Cannot write labels to"), timeout=10_000)
    assert str(blocker / "labels") in dialog.result_label.text() and dialog.result_label.text().endswith("»")

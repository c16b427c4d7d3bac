"""Printer setup: choose a discovered printer or type an address, then language, label size, resolution,
offsets, darkness and speed; check its status or print the calibration page before saving (ui layer)."""

from __future__ import annotations

from urllib.parse import urlencode

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from printers.discovery import Found, discover
from printers.errors import PrinterError
from printers.media import STANDARD_SIZES
from printers.uri import LANGS, PrinterSpec, parse_printer_uri
from ui.core_text import core_text
from ui.tasks import TaskRunner


def base_address(uri: str) -> str:
    return uri.split("?", 1)[0]


class PrinterSetupDialog(QDialog):
    def __init__(
        self, uri: str, tasks: TaskRunner, parent: QWidget | None = None, found: list[Found] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Printer setup"))
        self.tasks = tasks
        self.found_combo = QComboBox(self)
        self.found_combo.addItem(self.tr("— choose a printer found on this computer —"), "")
        for item in found if found is not None else discover():
            self.found_combo.addItem(item.label, item.uri)
        self.address_edit = QLineEdit(self)
        self.address_edit.setPlaceholderText("tcp://192.168.1.50:9100   file:///dev/usb/lp0   png:///home/me/labels")
        self.lang_combo = QComboBox(self)
        for lang, name in zip(LANGS, ("ESC/POS", self.tr("TSPL (most 4-inch label printers)"), "ZPL"), strict=True):
            self.lang_combo.addItem(name, lang)
        self.size_combo = QComboBox(self)
        for w, h in STANDARD_SIZES:
            self.size_combo.addItem(f"{w} x {h} mm", f"{w}x{h}")
        self.dpi_combo = QComboBox(self)
        for dpi in (203, 300):
            self.dpi_combo.addItem(f"{dpi} dpi", dpi)
        self.x_spin = self._offset_spin()
        self.y_spin = self._offset_spin()
        self.density_spin = QSpinBox(self)
        self.density_spin.setRange(-1, 15)
        self.density_spin.setSpecialValueText(self.tr("printer default"))
        self.speed_spin = QSpinBox(self)
        self.speed_spin.setRange(0, 12)
        self.speed_spin.setSpecialValueText(self.tr("printer default"))
        self.speed_spin.setSuffix(" ips")
        self.uri_label = QLabel(self)
        self.uri_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.status_button = QPushButton(self.tr("Check status"), self)
        self.test_button = QPushButton(self.tr("Print test page"), self)

        form = QFormLayout()
        form.addRow(self.tr("Found"), self.found_combo)
        form.addRow(self.tr("Address"), self.address_edit)
        form.addRow(self.tr("Language"), self.lang_combo)
        form.addRow(self.tr("Label size"), self.size_combo)
        form.addRow(self.tr("Resolution"), self.dpi_combo)
        form.addRow(self.tr("Offset right"), self.x_spin)
        form.addRow(self.tr("Offset down"), self.y_spin)
        form.addRow(self.tr("Darkness"), self.density_spin)
        form.addRow(self.tr("Speed"), self.speed_spin)
        form.addRow(self.tr("Printer address"), self.uri_label)
        checks = QHBoxLayout()
        checks.addWidget(self.status_button)
        checks.addWidget(self.test_button)
        checks.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(checks)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        self._load(uri)
        self.found_combo.currentIndexChanged.connect(self._on_found_combo_changed)
        for signal in (
            self.address_edit.textChanged,
            self.lang_combo.currentIndexChanged,
            self.size_combo.currentIndexChanged,
            self.dpi_combo.currentIndexChanged,
            self.x_spin.valueChanged,
            self.y_spin.valueChanged,
            self.density_spin.valueChanged,
            self.speed_spin.valueChanged,
        ):
            signal.connect(self._update_uri)
        self.status_button.clicked.connect(self._on_status_button_clicked)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_uri()

    @classmethod
    def ask(cls, parent: QWidget | None, uri: str, tasks: TaskRunner) -> str | None:
        """Shows the dialog; returns the chosen printer address, or None when cancelled."""
        dialog = cls(uri, tasks, parent)
        return dialog.uri() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _offset_spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(-20, 20)
        spin.setSingleStep(0.5)
        spin.setDecimals(1)
        spin.setSuffix(" mm")
        return spin

    def _load(self, uri: str) -> None:
        try:
            spec = parse_printer_uri(uri) if uri else None
        except PrinterError:
            spec = None
        if spec is None:
            self.address_edit.setText(uri)
            return
        self.address_edit.setText(base_address(spec.uri))
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(spec.lang)))
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(spec.media.size_text)))
        self.dpi_combo.setCurrentIndex(max(0, self.dpi_combo.findData(spec.media.dpi)))
        self.x_spin.setValue(spec.x_mm)
        self.y_spin.setValue(spec.y_mm)
        self.density_spin.setValue(spec.density if spec.density is not None else -1)
        self.speed_spin.setValue(spec.speed or 0)

    def uri(self) -> str:
        options: dict[str, object] = {
            "lang": self.lang_combo.currentData(),
            "size": self.size_combo.currentData(),
            "dpi": self.dpi_combo.currentData(),
        }
        if self.x_spin.value():
            options["x"] = f"{self.x_spin.value():g}"
        if self.y_spin.value():
            options["y"] = f"{self.y_spin.value():g}"
        if self.density_spin.value() >= 0:
            options["density"] = self.density_spin.value()
        if self.speed_spin.value():
            options["speed"] = self.speed_spin.value()
        return f"{base_address(self.address_edit.text().strip())}?{urlencode(options)}"

    def spec(self) -> PrinterSpec | None:
        try:
            return parse_printer_uri(self.uri())
        except PrinterError:
            return None

    def _update_uri(self, *_args: object) -> None:
        try:
            parse_printer_uri(self.uri())
        except PrinterError as exc:
            self.uri_label.setText(core_text(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.uri_label.setText(self.uri())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _on_found_combo_changed(self, _index: int) -> None:
        if self.found_combo.currentData():
            self._load(self.found_combo.currentData())

    def _on_status_button_clicked(self) -> None:
        from printers.registry import open_printer

        uri = self.uri()
        self.result_label.setText(self.tr("Asking the printer…"))
        self.tasks.run(lambda: open_printer(uri).status(), self._on_status_done, self._on_check_error, lane="io")

    def _on_status_done(self, status: object) -> None:
        state = getattr(status, "state", None)
        texts = {
            "ready": self.tr("Ready"),
            "paper_out": self.tr("Out of labels"),
            "cover_open": self.tr("Cover or print head open"),
            "paused": self.tr("Paused on the printer"),
            "offline": self.tr("Offline: nothing answers at this address"),
            "error": self.tr("The printer reports an error"),
            "unknown": self.tr("Reachable, but it does not report its status"),
        }
        self.result_label.setText(texts.get(getattr(state, "value", ""), str(status)))

    def _on_test_button_clicked(self) -> None:
        from printers.calibration import render_test_page
        from printers.registry import open_printer

        uri = self.uri()

        def send() -> int:
            printer = open_printer(uri)
            return printer.print_label(render_test_page(printer.spec), "calibration")  # type: ignore[attr-defined]

        self.result_label.setText(self.tr("Printing the test page…"))
        self.tasks.run(
            send,
            lambda n: self.result_label.setText(
                self.tr("Test page sent (%1 bytes). The outline must touch the label's edges.").replace("%1", str(n))
            ),
            self._on_check_error,
            lane="io",
        )

    def _on_check_error(self, error: BaseException) -> None:
        self.result_label.setText(core_text(error))

"""Station settings: the flows this bench packs by, its scanner and scale, when it locks (ui layer)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.services.station_options import (
    LOCK_AFTER_MIN,
    MAX_GAP_MS,
    MIN_LENGTH,
    PACKAGING_G,
    StationOptions,
    validate,
)
from ui.core_text import core_text


def _spin(bounds: tuple[int, int], value: int, suffix: str, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(*bounds)
    box.setValue(min(max(value, bounds[0]), bounds[1]))
    box.setSuffix(suffix)
    return box


class StationSettingsDialog(QDialog):
    """Edits `StationOptions`; `chosen` carries checked options when the seller presses OK."""

    chosen = Signal(object)  # StationOptions

    def __init__(self, options: StationOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Station settings"))

        flows = QGroupBox(self.tr("How this bench packs"), self)
        self.sku_first = QCheckBox(self.tr("Scanning an item opens the most urgent order that needs it"), flows)
        self.sku_first.setChecked(options.sku_first)
        self.confirm_scan = QCheckBox(self.tr("Scan the printed waybill to confirm it is on the right parcel"), flows)
        self.confirm_scan.setChecked(options.confirm_scan)
        note = QLabel(
            self.tr(
                "The order number, a pick list barcode or a pre-printed waybill always opens its order; "
                "when every item is verified the waybill prints."
            ),
            flows,
        )
        note.setWordWrap(True)
        flows_layout = QVBoxLayout(flows)
        for w in (self.sku_first, self.confirm_scan, note):
            flows_layout.addWidget(w)

        scanner = QGroupBox(self.tr("Scanner"), self)
        form = QFormLayout(scanner)
        self.min_length = _spin(MIN_LENGTH, options.wedge_min_length, "", scanner)
        self.max_gap = _spin(MAX_GAP_MS, options.wedge_max_gap_ms, " ms", scanner)
        self.prefix = QLineEdit(options.wedge_prefix, scanner)
        self.suffix = QLineEdit(options.wedge_suffix, scanner)
        self.scanner_uri = QLineEdit(options.scanner_uri, scanner)
        self.scanner_uri.setPlaceholderText("serial://COM3?baud=9600")
        form.addRow(self.tr("Shortest scan (characters)"), self.min_length)
        form.addRow(self.tr("Longest gap between a scanner's keys"), self.max_gap)
        form.addRow(self.tr("Prefix the scanner sends"), self.prefix)
        form.addRow(self.tr("Suffix the scanner sends"), self.suffix)
        form.addRow(self.tr("Serial scanner (optional)"), self.scanner_uri)

        bench = QGroupBox(self.tr("Bench"), self)
        bench_form = QFormLayout(bench)
        self.scale_uri = QLineEdit(options.scale_uri, bench)
        self.scale_uri.setPlaceholderText("serial://COM4?baud=9600")
        self.packaging = _spin(PACKAGING_G, options.packaging_g, " g", bench)
        self.lock_after = _spin(LOCK_AFTER_MIN, options.lock_after_min, self.tr(" min"), bench)
        self.lock_after.setSpecialValueText(self.tr("never"))
        bench_form.addRow(self.tr("Scale (optional)"), self.scale_uri)
        bench_form.addRow(self.tr("Box and filler weight"), self.packaging)
        bench_form.addRow(self.tr("Lock the bench when idle for"), self.lock_after)

        restart = QLabel(self.tr("A new serial scanner or scale is used from the next start of PackDesk."), self)
        restart.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("QLabel#message { color: #c62828; }")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for w in (flows, scanner, bench, restart, self.message, self.buttons):
            layout.addWidget(w)

    def options(self) -> StationOptions:
        """What the form says, unchecked."""
        return StationOptions(
            sku_first=self.sku_first.isChecked(),
            confirm_scan=self.confirm_scan.isChecked(),
            lock_after_min=self.lock_after.value(),
            wedge_min_length=self.min_length.value(),
            wedge_max_gap_ms=self.max_gap.value(),
            wedge_prefix=self.prefix.text(),
            wedge_suffix=self.suffix.text(),
            scanner_uri=self.scanner_uri.text(),
            scale_uri=self.scale_uri.text(),
            packaging_g=self.packaging.value(),
        )

    def _on_accepted(self) -> None:
        try:
            checked = validate(self.options())
        except InvalidInput as exc:
            self.message.setText(core_text(exc))  # the dialog stays open and nothing is saved
            return
        self.chosen.emit(checked)
        self.accept()

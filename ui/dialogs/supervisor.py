"""The supervisor's decisions at the bench: bind an unknown code to an item of the open parcel, or confirm an item
whose barcode cannot be scanned. Both need the supervisor PIN and are audited (ui layer)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)


class SupervisorDialog(QDialog):
    """`code` given: bind it (SKU, units, PIN); no code: confirm one unit by hand (SKU, reason, PIN); `items` None:
    override a STOP (reason, PIN)."""

    def __init__(self, items: list[tuple[str, str]] | None, code: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.override = items is None
        title = self.tr("Bind a code") if code else self.tr("Confirm an item by hand")
        self.setWindowTitle(self.tr("Let this order ship after all") if self.override else title)
        form = QFormLayout(self)
        if code:
            form.addRow(self.tr("Code"), QLabel(code, self))
        self.sku_combo = QComboBox(self)
        for sku, title in items or []:
            self.sku_combo.addItem(f"{sku}  {title}", sku)
        if not self.override:
            form.addRow(self.tr("Item"), self.sku_combo)
        self.units_spin = QSpinBox(self)
        self.units_spin.setRange(1, 999)
        self.reason_edit = QLineEdit(self)
        if code and not self.override:
            form.addRow(self.tr("Units per scan"), self.units_spin)
        else:
            self.reason_edit.setPlaceholderText(self.tr("e.g. barcode torn off"))
            form.addRow(self.tr("Why"), self.reason_edit)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Supervisor PIN"), self.pin_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, int, str, str]:
        """(sku, units, reason, pin)."""
        return self.sku_combo.currentData(), self.units_spin.value(), self.reason_edit.text(), self.pin_edit.text()

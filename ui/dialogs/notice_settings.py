"""The notice triggers the seller switches on (ui layer): on ship, on a split, on out of stock, before a breach and the
payment reminder (催付), each with what its notice says, and the most notices a buyer gets in a day. All are off until
switched on; the core checks the values when they are saved (app.services.notices.change_settings) and says what it
refused, with nothing stored.
"""

from __future__ import annotations

from typing import Any

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

from ui.core_text import core_text
from ui.ops import Changes, CollectionOp, Ops, QueryOp


def _spin(parent: QWidget, most: int, suffix: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, most)
    box.setSuffix(suffix)
    return box


class NoticeSettingsDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Notices to buyers"))
        self.per_buyer_day = _spin(self, 99, "")
        self.per_buyer_day.setMinimum(1)
        self.on_ship = QCheckBox(self.tr("When an order ships"), self)
        self.on_out_of_stock = QCheckBox(self.tr("When an order is marked out of stock"), self)
        self.on_split = QCheckBox(self.tr("When part of an order ships and the rest comes later"), self)
        self.split_reason = QLineEdit(self)
        self.split_days = _spin(self, 60, self.tr(" days"))
        self.before_breach = QCheckBox(self.tr("Before an order would ship late"), self)
        self.breach_hours = _spin(self, 240, self.tr(" h"))
        self.breach_reason = QLineEdit(self)
        self.breach_days = _spin(self, 60, self.tr(" days"))
        self.remind_unpaid = QCheckBox(self.tr("Payment reminder to orders not paid yet"), self)
        self.unpaid_minutes = _spin(self, 4320, self.tr(" min"))
        self.unpaid_reason = QLineEdit(self)
        self.unpaid_reason.setPlaceholderText(self.tr("the reason the buyer reads, e.g. 库存有限"))
        self.unpaid_days = _spin(self, 30, self.tr(" days"))

        general = QFormLayout()
        general.addRow(self.tr("Notices a buyer gets in a day, at most"), self.per_buyer_day)
        general.addRow(self.on_ship)
        general.addRow(self.on_out_of_stock)
        split = QFormLayout()
        split.addRow(self.on_split)
        split.addRow(self.tr("Reason"), self.split_reason)
        split.addRow(self.tr("The rest ships in"), self.split_days)
        breach = QFormLayout()
        breach.addRow(self.before_breach)
        breach.addRow(self.tr("Orders due within"), self.breach_hours)
        breach.addRow(self.tr("Reason"), self.breach_reason)
        breach.addRow(self.tr("Ships this long after the deadline"), self.breach_days)
        unpaid = QFormLayout()
        unpaid.addRow(self.remind_unpaid)
        unpaid.addRow(self.tr("Once, this long after the order was made"), self.unpaid_minutes)
        unpaid.addRow(self.tr("Reason"), self.unpaid_reason)
        unpaid.addRow(self.tr("Pay by the order's day plus"), self.unpaid_days)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(general)
        for title, form in ((self.tr("Split"), split), (self.tr("Before a breach"), breach),
                            (self.tr("Payment reminder (催付)"), unpaid)):  # fmt: skip
            box = QGroupBox(title, self)
            box.setLayout(form)
            layout.addWidget(box)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        QueryOp(ops, self, op=lambda desk: desk.buyer.notice_settings(), success=self.show_settings).run_in_background()

    def show_settings(self, settings: dict[str, Any]) -> None:
        for name in ("on_ship", "on_out_of_stock", "on_split", "before_breach", "remind_unpaid"):
            getattr(self, name).setChecked(bool(settings[name]))
        for name in ("per_buyer_day", "split_days", "breach_hours", "breach_days", "unpaid_minutes", "unpaid_days"):
            getattr(self, name).setValue(int(settings[name]))
        for name in ("split_reason", "breach_reason", "unpaid_reason"):
            getattr(self, name).setText(str(settings[name]))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def values(self) -> dict[str, Any]:
        """What the dialog holds, as the settings name them."""
        values: dict[str, Any] = {}
        for name in ("on_ship", "on_out_of_stock", "on_split", "before_breach", "remind_unpaid"):
            values[name] = getattr(self, name).isChecked()
        for name in ("per_buyer_day", "split_days", "breach_hours", "breach_days", "unpaid_minutes", "unpaid_days"):
            values[name] = getattr(self, name).value()
        for name in ("split_reason", "breach_reason", "unpaid_reason"):
            values[name] = getattr(self, name).text().strip()
        return values

    def save(self) -> None:
        values = self.values()
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.buyer.change_notice_settings(**values),
            changes=Changes(),
            success=self._on_saved,
        ).failure(lambda error: self.status.setText(core_text(error))).run_in_background()

    def _on_saved(self, settings: dict[str, Any]) -> None:
        self.show_settings(settings)
        self.status.setText(self.tr("Saved."))

    @staticmethod
    def show_for(parent: QWidget, ops: Ops) -> None:
        NoticeSettingsDialog(ops, parent).exec()

"""The Split dialog (拆单): which lines of an order, and how many of their units, go in its next parcel; the rest
waits for a later parcel (ui layer). Built in code: one row per line still to ship, a check box and a quantity.

The core checks the choice (app.domain.splits: among others, the parcel must carry the last units of at least one
line, because the platforms take shipments per whole sub-order); the dialog only keeps OK off until a line is
chosen, and says the rule up front.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.orders import Order
from app.domain.splits import left, open_lines


class SplitDialog(QDialog):
    """Choose the lines (and quantities) of the order's next parcel."""

    def __init__(self, order: Order, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split into parcels"))
        self.order = order
        intro = QLabel(
            self.tr("Order %1: choose what goes in the next parcel. The rest waits and ships in a later parcel.")
            .replace("%1", order.order_no),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        rule = QLabel(
            self.tr(
                "The platform records shipments per whole line: a line is reported with the parcel that carries "
                "its last units, so each parcel must finish at least one line."
            ),
            self,
        )
        rule.setWordWrap(True)
        rule.setStyleSheet("color:#607d8b")
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Line"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Units in this parcel"), self), 0, 1)
        self.rows: list[tuple[str, QCheckBox, QSpinBox]] = []
        for n, line in enumerate(open_lines(order), start=1):
            most = left(line)
            check = QCheckBox(f"{line.sku}  {line.title} {line.spec}".strip() + f"  ×{most}", self)
            check.setToolTip(line.line_no)
            qty = QSpinBox(self)
            qty.setRange(1, most)
            qty.setValue(most)
            qty.setSuffix(self.tr(" of %1").replace("%1", str(most)))
            qty.setEnabled(False)
            check.toggled.connect(qty.setEnabled)
            check.toggled.connect(self._update_ok)
            grid.addWidget(check, n, 0)
            grid.addWidget(qty, n, 1)
            self.rows.append((line.line_no, check, qty))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(rule)
        layout.addWidget(self.buttons)
        self._update_ok()

    def chosen(self) -> list[tuple[str, int | None]]:
        """(line number, units) of each line ticked."""
        return [(line_no, qty.value()) for line_no, check, qty in self.rows if check.isChecked()]

    def ready(self) -> bool:
        return bool(self.chosen())

    def _update_ok(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.ready())

    def accept(self) -> None:
        if self.ready():
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, order: Order) -> list[tuple[str, int | None]] | None:
        dialog = cls(order, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

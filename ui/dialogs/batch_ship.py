"""Batch ship (批量发货) from the workspace: the carrier, the first number of the roll (typed or scanned) or the shops'
number-roll account, then the review: each order with the number it will ship with and every order that cannot
ship with why; nothing is recorded before Confirm (ui layer).

The plan is read on the database worker whenever the choices change (a quarter second after the last key); Confirm
ships exactly the plan shown, which the core checks again order by order. A plan asked for older choices is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.tracking import CARRIERS
from ui.core_text import core_text
from ui.models.rows_model import RowsTableModel
from ui.ops import Changes, CollectionOp, Ops, QueryOp
from ui.plurals import plural


class PlanRowsModel(RowsTableModel):
    """The orders that will ship: order number, carrier, tracking number."""

    columns = 3

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("BatchShipDialog", "Order no."),
            QCoreApplication.translate("BatchShipDialog", "Carrier"),
            QCoreApplication.translate("BatchShipDialog", "Tracking no."),
        )

    def cell(self, row: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.order_no, row.carrier, row.tracking_no)[col]
        return None


class SkippedModel(RowsTableModel):
    """The orders that will not ship, with why."""

    columns = 2

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("BatchShipDialog", "Order no."),
            QCoreApplication.translate("BatchShipDialog", "Why it is skipped"),
        )

    def cell(self, row: Any, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.order_no if col == 0 else core_text(row.reason)
        return None


def _table(model: RowsTableModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setColumnWidth(0, 190)
    table.setColumnWidth(1, 70)
    return table


class BatchShipDialog(QDialog):
    plan_shown = Signal(object)  # the ShipPlan now in the tables
    shipped = Signal(object)  # the ShipReport

    def __init__(self, ops: Ops, order_nos: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch ship"))
        self.ops = ops
        self.order_nos = list(order_nos)
        self.plan: Any = None
        self._asked = 0
        n = len(order_nos)
        self.intro = QLabel(plural(self.tr("%n order(s) selected.", "", n), n), self)
        self.carrier_combo = QComboBox(self)
        self.carrier_combo.addItem(self.tr("Each order's carrier"), None)
        for code, spec in CARRIERS.items():
            self.carrier_combo.addItem(f"{spec.name} ({code})", code)
        self.first_edit = QLineEdit(self)
        self.first_edit.setPlaceholderText(self.tr("Scan or type the first waybill of the roll"))
        self.roll_check = QCheckBox(self.tr("Take the next numbers of the shops' number-roll account"), self)
        self.auto_fill_check = QCheckBox(self.tr("Fill the numbers after the first (the roll's sequence)"), self)
        self.auto_fill_check.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Carrier:"), self.carrier_combo)
        form.addRow(self.tr("First number:"), self.first_edit)
        form.addRow("", self.auto_fill_check)
        form.addRow("", self.roll_check)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.rows_model, self.skipped_model = PlanRowsModel(self), SkippedModel(self)
        self.rows_table, self.skipped_table = _table(self.rows_model, self), _table(self.skipped_model, self)
        self.skipped_label = QLabel(self)
        skipped_box = QWidget(self)
        skipped_layout = QVBoxLayout(skipped_box)
        skipped_layout.setContentsMargins(0, 0, 0, 0)
        skipped_layout.addWidget(self.skipped_label)
        skipped_layout.addWidget(self.skipped_table)
        tables = QSplitter(Qt.Orientation.Vertical, self)
        tables.addWidget(self.rows_table)
        tables.addWidget(skipped_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm_button = QPushButton(self.tr("Confirm and ship"), self)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setEnabled(False)
        self.confirm_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(tables, 1)
        layout.addWidget(self.buttons)
        tables.setSizes([320, 150])  # the numbers to check first; the skipped list below
        self.resize(760, 660)

        self._plan_timer = QTimer(self)
        self._plan_timer.setSingleShot(True)
        self._plan_timer.setInterval(250)
        self._plan_timer.timeout.connect(self.review)
        self.carrier_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.first_edit.textChanged.connect(self._on_choice_changed)
        self.auto_fill_check.toggled.connect(self._on_choice_changed)
        self.roll_check.toggled.connect(self._on_roll_check_toggled)
        self.first_edit.returnPressed.connect(self.review)
        self.buttons.rejected.connect(self.reject)
        self.confirm_button.clicked.connect(self.confirm)
        self._show_plan(None)

    def take_scan(self, code: str) -> None:
        """A scanner's code while the dialog is open: the roll's first number."""
        self.roll_check.setChecked(False)
        self.first_edit.setText(code.strip())
        self.review()

    def _on_roll_check_toggled(self, on: bool) -> None:
        self.first_edit.setEnabled(not on)
        self.auto_fill_check.setEnabled(not on)
        self._on_choice_changed()

    def _on_choice_changed(self, *_args: object) -> None:
        self._asked += 1  # what is shown no longer matches the choices: no Confirm until the new plan
        self.confirm_button.setEnabled(False)
        self._plan_timer.start()

    def choices(self) -> tuple[str | None, str | None, bool]:
        """The carrier (None: each order's), the first number (None: from the roll account), auto-fill."""
        first = None if self.roll_check.isChecked() else self.first_edit.text().strip()
        return self.carrier_combo.currentData(), first, self.auto_fill_check.isChecked() or first is None

    # -- the review ----------------------------------------------------------------------------------------------

    def review(self) -> None:
        """Plans the batch with the current choices (nothing is written) and shows it when it comes."""
        self._plan_timer.stop()
        carrier, first, auto_fill = self.choices()
        self._asked += 1
        asked = self._asked
        if first == "":
            self._show_plan(None, self.tr("Scan or type the first number, or take them from the number roll."))
            return
        order_nos = self.order_nos
        self.status_label.setText(self.tr("Working out the numbers…"))
        QueryOp(
            self.ops,
            self,
            op=lambda desk: desk.plan_batch_ship(order_nos, carrier, first, auto_fill=auto_fill),
            success=lambda plan: self._show_plan(plan) if asked == self._asked else None,
        ).failure(
            lambda error: self._show_plan(None, core_text(error)) if asked == self._asked else None
        ).run_in_background()

    def _show_plan(self, plan: Any, problem: str = "") -> None:
        self.plan = plan
        self.rows_model.set_rows(list(plan.rows) if plan else [])
        self.skipped_model.set_rows(list(plan.skipped) if plan else [])
        skipped = len(plan.skipped) if plan else 0
        self.skipped_label.setText(plural(self.tr("Skipped: %n order(s)", "", skipped), skipped))
        self.confirm_button.setEnabled(bool(plan and plan.rows))
        if problem:
            self.status_label.setStyleSheet("color: #b71c1c")
            self.status_label.setText(problem)
        elif plan is not None:
            self.status_label.setStyleSheet("")
            n = len(plan.rows)
            self.status_label.setText(
                plural(self.tr("%n order(s) will ship. Check the numbers, then Confirm.", "", n), n)
            )
        if plan is not None:
            self.plan_shown.emit(plan)

    # -- shipping ------------------------------------------------------------------------------------------------

    def confirm(self) -> None:
        plan = self.plan
        if plan is None or not plan.rows:
            return
        self.confirm_button.setEnabled(False)
        self.status_label.setText(self.tr("Shipping…"))
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.ship_plan(plan),
            changes=Changes(orders=True, outbox=True),
            success=self._on_shipped,
        ).failure(self._on_ship_failed).run_in_background()

    def _on_shipped(self, report: Any) -> None:
        self.shipped.emit(report)
        n = len(report.shipped)
        lines = [plural(self.tr("%n order(s) shipped.", "", n), n)]
        if report.skipped:
            lines.append(plural(self.tr("%n skipped:", "", len(report.skipped)), len(report.skipped)))
            lines += [f"{s.order_no}: {core_text(s.reason)}" for s in report.skipped]
        self.tell("\n".join(lines), warn=bool(report.skipped))
        self.accept()

    def _on_ship_failed(self, error: BaseException) -> None:
        self.status_label.setStyleSheet("color: #b71c1c")
        self.status_label.setText(core_text(error))
        self._on_choice_changed()  # some may have shipped before it failed: plan again

    def tell(self, text: str, *, warn: bool = False) -> None:
        """Says what shipped and what did not (the tests' seam)."""
        box = QMessageBox.warning if warn else QMessageBox.information
        box(self.parentWidget(), self.tr("Batch ship"), text)

    @classmethod
    def show_for(cls, parent: QWidget, ops: Ops, order_nos: list[str]) -> BatchShipDialog:
        """Opens the dialog (window-modal) over `parent`; it deletes itself when closed."""
        dialog = cls(ops, order_nos, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        dialog.first_edit.setFocus()
        return dialog

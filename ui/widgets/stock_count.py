"""Stock count mode (盘点) at the bench, opened from the Products tab (ui layer).

Every scan counts pieces of the SKU its code names (a case pack's code counts the pieces the case holds); a code no
SKU holds is said plainly and counts nothing. The table shows the pieces counted beside the on-hand figure and the
difference, the packer can correct a count in place, and Commit writes the counted figures as the new on-hand stock
in one transaction (the core's commit_count); Cancel drops the count. Nothing is written before Commit.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.catalogue import Scanned
from ui.core_text import core_text
from ui.models.stock_count_model import COL_COUNTED, COL_DIFFERENCE, COL_ON_HAND, COL_SKU, COL_TITLE, StockCountModel
from ui.ops import Changes, CollectionOp, Ops, QueryOp
from ui.plurals import plural

OK_COLOUR, REFUSED_COLOUR = "#2e7d32", "#c62828"
STOCK_CHANGED = Changes(orders=True)  # on-hand stock decides which waiting orders are out of stock


class StockCountPanel(QWidget):
    finished = Signal(bool)  # True: the count was committed; False: it was cancelled

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.committing = False
        self.heading = QLabel(self.tr("Stock count"), self)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel(
            self.tr(
                "Scan every piece on the shelf: a case-pack barcode counts the pieces its case holds. "
                "Double-click a count to correct it. Nothing changes until you commit."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.last_label = QLabel(self.tr("Scan the first item."), self)
        big = self.last_label.font()
        big.setPointSize(big.pointSize() + 6)
        big.setBold(True)
        self.last_label.setFont(big)
        self.total_label = QLabel(self)
        self.model = StockCountModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
        )  # typing digits must never start an edit: a scan's keys would land in the cell
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_SKU, 170), (COL_COUNTED, 130), (COL_ON_HAND, 130), (COL_DIFFERENCE, 130)):
            self.table.setColumnWidth(col, width)
        self.commit_button = QPushButton(self.tr("Commit count"), self)
        self.cancel_button = QPushButton(self.tr("Cancel count"), self)

        bar = QHBoxLayout()
        bar.addWidget(self.total_label, 1)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.commit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.last_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)

        self.commit_button.clicked.connect(self._on_commit_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.model.dataChanged.connect(self._show_total)
        self.model.rowsInserted.connect(self._show_total)
        self.model.modelReset.connect(self._show_total)
        self._show_total()

    def start(self) -> None:
        """A new, empty count."""
        self.model.clear()
        self.committing = False
        self._say(self.tr("Scan the first item."), None)

    def take_scan(self, code: str) -> None:
        """Counts one scan (looked up on the database lane, so scans count in the order they came)."""
        code = code.strip()
        if not code or self.committing:
            return
        QueryOp(
            self.ops,
            self,
            op=lambda desk: desk.catalogue.product_by_code(code),
            success=lambda hit: self._on_found(code, hit),
        ).failure(lambda error: self._say(core_text(error), REFUSED_COLOUR)).run_in_background()

    def _on_found(self, code: str, hit: Scanned | None) -> None:
        if hit is None:
            self._say(self.tr("Unknown code %1: not counted").replace("%1", code), REFUSED_COLOUR)
            return
        row = self.model.count(hit.product, hit.units, hit.tracked)
        self.table.selectRow(row)
        counted = self.model.row_at(row).counted
        text = self.tr("%1 +%2 → %3").replace("%1", hit.product.sku).replace("%2", str(hit.units))
        self._say(text.replace("%3", f"{counted:,}"), OK_COLOUR)

    def _say(self, text: str, colour: str | None) -> None:
        self.last_label.setText(text)
        self.last_label.setStyleSheet(f"color: {colour};" if colour else "")

    def _show_total(self, *_args: object) -> None:
        skus, units = self.model.rowCount(), self.model.units()
        text = plural(self.tr("%n SKU(s) counted", "", skus), skus)
        self.total_label.setText(text + " · " + plural(self.tr("%n piece(s)", "", units), units))
        self.commit_button.setEnabled(skus > 0 and not self.committing)

    def _on_commit_button_clicked(self) -> None:
        counts = self.model.counts()
        if not counts:
            return
        question = plural(
            self.tr("Set the on-hand stock of %n SKU(s) to what was counted?", "", len(counts)), len(counts)
        )
        answer = QMessageBox.question(self, self.tr("Commit count"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.committing = True
        self._show_total()
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.catalogue.commit_count(counts),
            changes=STOCK_CHANGED,
            success=self._on_committed,
        ).failure(self._on_commit_failed).run_in_background()

    def _on_committed(self, _result: object) -> None:
        self.committing = False
        self.model.clear()
        self.finished.emit(True)

    def _on_commit_failed(self, error: BaseException) -> None:
        self.committing = False
        self._show_total()
        self._say(core_text(error), REFUSED_COLOUR)
        QMessageBox.warning(self, self.tr("Commit count"), core_text(error))

    def _on_cancel_button_clicked(self) -> None:
        if self.model.rowCount():
            answer = QMessageBox.question(
                self, self.tr("Cancel count"), self.tr("Drop this count? Nothing of it is saved.")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.model.clear()
        self.finished.emit(False)

"""Table model of a stock count (盘点) at the bench: one row per SKU scanned, the pieces counted beside the on-hand
figure the catalogue holds and the difference; the counted figure can be corrected in place (ui layer).

The tally lives here until the packer commits it (app.services.stock.commit_count, one transaction) or cancels it:
nothing is written while counting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.products import Product
from ui.models.rows_model import ROW_ROLE, RowsTableModel

COL_SKU, COL_TITLE, COL_COUNTED, COL_ON_HAND, COL_DIFFERENCE = range(5)
COUNT_ROLE = ROW_ROLE
MOST_COUNTED = 10_000_000
_FEWER, _MORE = QColor("#c62828"), QColor("#1565c0")


@dataclass(frozen=True)
class CountRow:
    """A SKU being counted: what the catalogue says is on hand, and the pieces counted so far."""

    sku: str
    title: str
    on_hand: int | None  # None: PackDesk keeps no stock of it yet (the count starts it)
    counted: int = 0

    @property
    def difference(self) -> int | None:
        return None if self.on_hand is None else self.counted - self.on_hand


class StockCountModel(RowsTableModel):
    columns = 5

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("StockCountModel", "SKU"),
            QCoreApplication.translate("StockCountModel", "Title"),
            QCoreApplication.translate("StockCountModel", "Counted"),
            QCoreApplication.translate("StockCountModel", "On hand"),
            QCoreApplication.translate("StockCountModel", "Difference"),
        )

    def count(self, product: Product, units: int, tracked: bool = True) -> int:
        """Adds `units` pieces of `product` (one scan); returns its row (the SKU's first scan appends one).
        `tracked`: PackDesk keeps its stock (else no on-hand figure is shown beside the count)."""
        row = self._row_of(product.sku)
        if row < 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            spec = f" {product.spec}" if product.spec else ""
            on_hand = product.stock.on_hand if tracked else None
            self._rows.append(CountRow(product.sku, product.title + spec, on_hand, units))
            self.endInsertRows()
            return len(self._rows) - 1
        self._set(row, self._rows[row].counted + units)
        return row

    def counts(self) -> dict[str, int]:
        """SKU -> pieces counted, in the order they were first scanned."""
        return {r.sku: r.counted for r in self._rows}

    def units(self) -> int:
        return sum(r.counted for r in self._rows)

    def clear(self) -> None:
        self.set_rows([])

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() == COL_COUNTED else flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:  # noqa: N802, E501
        """The packer's correction of a counted figure (a whole number, 0 or more)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != COL_COUNTED:
            return False
        try:
            counted = int(str(value).strip().replace(",", ""))
        except ValueError:
            return False
        if not 0 <= counted <= MOST_COUNTED:
            return False
        self._set(index.row(), counted)
        return True

    def _row_of(self, sku: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.sku == sku), -1)

    def _set(self, row: int, counted: int) -> None:
        self._rows[row] = replace(self._rows[row], counted=counted)
        self.dataChanged.emit(self.index(row, COL_COUNTED), self.index(row, COL_DIFFERENCE))

    def cell(self, r: CountRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_ON_HAND:
                return "—" if r.on_hand is None else f"{r.on_hand:,}"
            if col == COL_DIFFERENCE:
                return "—" if r.difference is None else f"{r.difference:+,}" if r.difference else "0"
            return (r.sku, r.title, f"{r.counted:,}")[col] if col < COL_ON_HAND else None
        if role == Qt.ItemDataRole.EditRole and col == COL_COUNTED:
            return r.counted
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_DIFFERENCE and r.difference:
            return QBrush(_FEWER if r.difference < 0 else _MORE)
        if role == Qt.ItemDataRole.FontRole and col in (COL_COUNTED, COL_DIFFERENCE):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= COL_COUNTED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_COUNTED:
            return QCoreApplication.translate("StockCountModel", "Double-click to correct the count")
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_ON_HAND, COL_DIFFERENCE) and r.on_hand is None:
            return QCoreApplication.translate(
                "StockCountModel", "PackDesk keeps no stock of this SKU yet: the count becomes its on-hand stock"
            )
        return None

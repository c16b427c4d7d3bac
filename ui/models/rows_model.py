"""The table every list of PackDesk shows: one frozen value per row, read-only (ui layer).

Subclasses name their columns (`headers()`) and say what a cell shows for a role (`cell()`); the row itself comes back
under `ROW_ROLE`. Row bookkeeping, counts and the header live here once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class RowsTableModel(QAbstractTableModel):
    columns = 0  # how many `headers()` names: a constant, because views ask for the count on every paint

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> tuple[str, ...]:
        """The column titles, translated (called whenever the view asks, so a language change shows at once)."""
        raise NotImplementedError

    def cell(self, row: Any, col: int, role: int) -> Any:
        """What column `col` of `row` shows for `role` (None: nothing)."""
        raise NotImplementedError

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        return row if role == ROW_ROLE else self.cell(row, index.column(), role)

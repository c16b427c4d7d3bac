"""Table model of the lines of the parcel being packed, with verified/required counts (ui layer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from ui.models.rows_model import RowsTableModel

COL_PICTURE, COL_SKU, COL_TITLE, COL_SPEC, COL_PROGRESS = range(5)
PICTURES_KEPT = 300  # product pictures kept in memory beyond those of the parcel shown (64 px: ~16 KB each)


@dataclass(frozen=True)
class PackLine:
    sku: str
    title: str
    spec: str
    required: int
    scanned: int
    refunded: bool = False
    image: str = ""  # the picture's URL, drawn once set_picture() has it

    @property
    def done(self) -> bool:
        return self.scanned >= self.required and not self.refunded


class PackLinesModel(RowsTableModel):
    columns = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._last_sku: str | None = None
        self._pictures: dict[str, QPixmap] = {}

    def set_rows(self, rows: list[PackLine], last_sku: str | None = None) -> None:
        same_lines = [(r.sku, r.required) for r in rows] == [(r.sku, r.required) for r in self._rows]
        if same_lines and rows:
            # The same parcel after a scan: only the rows whose count or highlight changed are repainted (a reset
            # would relayout the whole table, and repainting every row costs the packer milliseconds per scan).
            old_rows, old_last = self._rows, self._last_sku
            self._rows, self._last_sku = list(rows), last_sku
            last_column = self.columnCount() - 1
            for i, (new, old) in enumerate(zip(rows, old_rows, strict=True)):
                if new != old or (new.sku == last_sku) != (old.sku == old_last):
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last_column))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._last_sku = last_sku
        self.endResetModel()

    def set_picture(self, url: str, pixmap: QPixmap) -> None:
        """Shows `pixmap` on every line whose picture is `url` (pictures arrive after the lines)."""
        self._pictures.pop(url, None)
        self._pictures[url] = pixmap  # last in the dict: the most recently added
        for row, line in enumerate(self._rows):
            if line.image == url:
                index = self.index(row, COL_PICTURE)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def forget_pictures(self, keep: set[str], room: int = PICTURES_KEPT) -> None:
        """Keeps the pictures in `keep` and the `room` most recently added others (the next parcels often share
        products with the last ones); drops the rest."""
        others = [url for url in self._pictures if url not in keep]
        for url in others[: max(0, len(others) - room)]:
            del self._pictures[url]

    def has_picture(self, url: str) -> bool:
        return url in self._pictures

    def headers(self) -> tuple[str, ...]:
        return (
            "",
            QCoreApplication.translate("PackLinesModel", "SKU"),
            QCoreApplication.translate("PackLinesModel", "Product"),
            QCoreApplication.translate("PackLinesModel", "Spec"),
            QCoreApplication.translate("PackLinesModel", "Verified"),
        )

    def cell(self, line: PackLine, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_PROGRESS:
                if line.refunded:
                    return QCoreApplication.translate("PackLinesModel", "refund: do not pack")
                return f"{line.scanned} / {line.required}"
            return (None, line.sku, line.title, line.spec)[col]
        if role == Qt.ItemDataRole.DecorationRole and col == COL_PICTURE:
            return self._pictures.get(line.image) if line.image else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.refunded:
                return QBrush(QColor("#eeeeee"))
            if line.done:
                return QBrush(QColor("#c8e6c9"))
            if line.sku == self._last_sku:
                return QBrush(QColor("#fff9c4"))
        if role == Qt.ItemDataRole.ForegroundRole and line.refunded:
            return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.FontRole and col == COL_PROGRESS:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_PROGRESS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

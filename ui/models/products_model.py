"""Table model of the catalogue (the Products tab): one row per SKU with its barcodes, case packs, weight and stock;
weight, on-hand and safety stock editable in place (ui layer).

An edit changes nothing here: it is asked for through `edit_requested(sku, column, value)`, the view writes it
through the core, and the reload after the write shows what the database holds. A SKU that will stop a packer (no
single piece's barcode, or not in the catalogue at all) and one whose available stock is under its safety stock are
marked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.products import Product
from ui.models.rows_model import ROW_ROLE, RowsTableModel

(
    COL_SKU,
    COL_TITLE,
    COL_SPEC,
    COL_BARCODES,
    COL_CASES,
    COL_WEIGHT,
    COL_ON_HAND,
    COL_RESERVED,
    COL_AVAILABLE,
    COL_SAFETY,
    COL_WAITING,
) = range(11)
PRODUCT_ROLE = ROW_ROLE
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what a column sorts by (numbers as numbers)
EDITABLE = (COL_WEIGHT, COL_ON_HAND, COL_SAFETY)
NUMBERS = (COL_WEIGHT, COL_ON_HAND, COL_RESERVED, COL_AVAILABLE, COL_SAFETY, COL_WAITING)
_STOCK = (COL_ON_HAND, COL_RESERVED, COL_AVAILABLE)  # figures only a tracked SKU has
ORDERS_SHOWN = 50  # the core names at most this many waiting orders per SKU (app.persistence.stock.ORDERS_PER_SKU)
LOW_COLOUR = "#c62828"
MISSING_COLOUR = "#e65100"
_UNKNOWN = QColor("#757575")


def cases_text(product: Product) -> str:
    """ "1690…45 ×12" for each case pack."""
    return ", ".join(f"{c.barcode} ×{c.units}" for c in product.case_packs)


def stops_packer(product: Product) -> bool:
    """No code counts one piece of it: every scan of it at the bench is an unknown code."""
    return not product.known or not product.barcodes


class ProductsTableModel(RowsTableModel):
    columns = 11
    edit_requested = Signal(str, int, int)  # SKU, column (COL_WEIGHT, COL_ON_HAND, COL_SAFETY), the value typed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._waiting: dict[str, tuple[str, ...]] = {}
        self._tracked: frozenset[str] | None = None  # None: every SKU counts as tracked

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("ProductsTableModel", "SKU"),
            QCoreApplication.translate("ProductsTableModel", "Title"),
            QCoreApplication.translate("ProductsTableModel", "Spec"),
            QCoreApplication.translate("ProductsTableModel", "Barcodes"),
            QCoreApplication.translate("ProductsTableModel", "Case packs"),
            QCoreApplication.translate("ProductsTableModel", "Weight (g)"),
            QCoreApplication.translate("ProductsTableModel", "On hand"),
            QCoreApplication.translate("ProductsTableModel", "Reserved"),
            QCoreApplication.translate("ProductsTableModel", "Available"),
            QCoreApplication.translate("ProductsTableModel", "Safety stock"),
            QCoreApplication.translate("ProductsTableModel", "Waiting orders"),
        )

    def set_products(
        self,
        products: list[Product],
        waiting: dict[str, tuple[str, ...]] | None = None,
        tracked: frozenset[str] | None = None,
    ) -> None:
        """The rows; SKU -> the numbers of the waiting orders that need it, oldest paid first (at most ORDERS_SHOWN
        of them); the SKUs whose stock PackDesk keeps (None: all of them). An untracked SKU's stock figures are
        not shown: they mean nothing until the seller gives its on-hand stock (it is then never short)."""
        self._waiting = dict(waiting or {})
        self._tracked = tracked
        self.set_rows(products)

    def product_at(self, row: int) -> Product:
        return self.row_at(row)

    def row_of(self, sku: str) -> int:
        """The row of `sku`, or -1."""
        return next((i for i in range(self.rowCount()) if self.product_at(i).sku == sku), -1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in EDITABLE and self.product_at(index.row()).known:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:  # noqa: N802, E501
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE:
            return False
        product = self.product_at(index.row())
        try:
            number = int(str(value).strip().replace(",", ""))
        except ValueError:
            return False
        if number != self._number(product, index.column()):
            self.edit_requested.emit(product.sku, index.column(), number)
        return False  # the row shows the new value when the write is read back

    def cell(self, p: Product, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, col)
        if role == Qt.ItemDataRole.EditRole and col in EDITABLE:
            return self._number(p, col)
        if role == SORT_ROLE:
            if col in _STOCK and not self.tracked(p):
                return -1  # untracked SKUs sort together, under every figure
            return self._number(p, col) if col in NUMBERS else (self._display(p, col) or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(p, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not p.known:
                return QBrush(_UNKNOWN)
            if col == COL_BARCODES and not p.barcodes:
                return QBrush(QColor(MISSING_COLOUR))
            if col in (COL_AVAILABLE, COL_SAFETY) and self.low(p):
                return QBrush(QColor(LOW_COLOUR))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if not p.known:
                font.setItalic(True)
                return font
            if col == COL_AVAILABLE and self.low(p) or col == COL_BARCODES and not p.barcodes:
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def tracked(self, p: Product) -> bool:
        """Whether PackDesk keeps the stock of `p` (its on-hand figure was given: it can be short and run low)."""
        return p.known and (self._tracked is None or p.sku in self._tracked)

    def low(self, p: Product) -> bool:
        return self.tracked(p) and p.stock.low

    def _number(self, p: Product, col: int) -> int:
        s = p.stock
        return {
            COL_WEIGHT: p.weight_g,
            COL_ON_HAND: s.on_hand,
            COL_RESERVED: s.reserved,
            COL_AVAILABLE: s.available,
            COL_SAFETY: s.safety,
            COL_WAITING: len(self._waiting.get(p.sku, ())),
        }[col]

    def _display(self, p: Product, col: int) -> str | None:
        if col == COL_SKU:
            return p.sku
        if col == COL_TITLE:
            return p.title
        if col == COL_SPEC:
            return p.spec
        if col == COL_BARCODES:
            if p.barcodes:
                return ", ".join(p.barcodes)
            return QCoreApplication.translate("ProductsTableModel", "none")  # the tooltip says why it matters
        if col == COL_CASES:
            return cases_text(p)
        if col == COL_WEIGHT:
            return f"{p.weight_g:,}" if p.weight_g else "—"
        if col == COL_WAITING:
            n = len(self._waiting.get(p.sku, ()))
            return "" if not n else f"{n}+" if n >= ORDERS_SHOWN else str(n)
        if col in _STOCK and not self.tracked(p):
            return "—"
        if col in NUMBERS:
            return f"{self._number(p, col):,}"
        return None

    def _tooltip(self, p: Product, col: int) -> str | None:
        if not p.known:
            return QCoreApplication.translate(
                "ProductsTableModel",
                "Waiting orders sell this SKU but the catalogue lacks it: bind a barcode to add it",
            )
        if col == COL_BARCODES and not p.barcodes:
            return QCoreApplication.translate(
                "ProductsTableModel", "No barcode counts one piece of this SKU: select it and scan its barcode"
            )
        if col in _STOCK and not self.tracked(p):
            return QCoreApplication.translate(
                "ProductsTableModel",
                "PackDesk does not keep this SKU's stock (its orders are never out of stock): type its on-hand "
                "figure or count it to keep it",
            )
        if col == COL_AVAILABLE and self.low(p):
            return (
                QCoreApplication.translate("ProductsTableModel", "Available %1 is under the safety stock %2")
                .replace("%1", str(p.stock.available))
                .replace("%2", str(p.stock.safety))
            )
        if col == COL_WEIGHT and not p.weight_g:
            return QCoreApplication.translate("ProductsTableModel", "No weight: the scale check skips this SKU")
        if col in EDITABLE:
            return QCoreApplication.translate("ProductsTableModel", "Double-click to change")
        if col == COL_WAITING and self._waiting.get(p.sku):
            return "\n".join(self._waiting[p.sku][:20])
        if col in (COL_BARCODES, COL_CASES, COL_TITLE):
            return self._display(p, col)
        return None

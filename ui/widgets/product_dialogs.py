"""The small questions the Products tab asks: a barcode to add (with the pieces one scan of it counts), which of a
SKU's barcodes to remove, and why on-hand stock changes by hand (ui layer). Each is one `ask` seam tests patch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.products import Product

MOST_UNITS = 9999  # app.services.catalogue.MAX_UNITS


def product_line(product: Product) -> str:
    """ "SKU · title spec", as the tab names a product."""
    return f"{product.sku} · {product.title} {product.spec}".strip()


class AddBarcodeDialog(QDialog):
    """A barcode typed (or scanned) for one SKU, with how many pieces one scan of it counts."""

    def __init__(self, product: Product, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a barcode"))
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText(self.tr("EAN-13, UPC-A, a GS1 case code or your own code"))
        self.units_spin = QSpinBox(self)
        self.units_spin.setRange(1, MOST_UNITS)
        self.units_spin.setToolTip(self.tr("1 for a single piece's barcode; the pieces in the case for a case pack"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        form = QFormLayout(self)
        form.addRow(QLabel(product_line(product), self))
        form.addRow(self.tr("Barcode:"), self.code_edit)
        form.addRow(self.tr("Pieces one scan counts:"), self.units_spin)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(520, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None, product: Product) -> tuple[str, int] | None:
        """(code, pieces per scan), or None when the seller gave up."""
        dialog = cls(product, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.code_edit.text().strip():
            return None
        return dialog.code_edit.text().strip(), dialog.units_spin.value()


def ask_code_to_remove(parent: QWidget | None, product: Product) -> str | None:
    """Which of `product`'s barcodes to take off it (None: none)."""
    choices = list(product.barcodes) + [
        QCoreApplication.translate("ProductDialogs", "%1 (case of %2)")
        .replace("%1", c.barcode)
        .replace("%2", str(c.units))
        for c in product.case_packs
    ]
    codes = list(product.barcodes) + [c.barcode for c in product.case_packs]
    if not codes:
        return None
    text, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("ProductDialogs", "Remove a barcode"),
        QCoreApplication.translate(
            "ProductDialogs", "Barcode to take off %1 (a scan of it is then an unknown code):"
        ).replace("%1", product.sku),
        choices,
        0,
        False,
    )
    return codes[choices.index(text)] if ok and text in choices else None


def ask_stock_reason(parent: QWidget | None, product: Product, on_hand: int, tracked: bool = True) -> str | None:
    """Why the on-hand stock of `product` changes to `on_hand` (None: the seller gave up; a reason is required).
    `tracked`: PackDesk keeps its stock already (else this figure starts it)."""
    if tracked:
        question = QCoreApplication.translate(
            "ProductDialogs", "On hand of %1: %2 → %3. Reason (received, damaged, found...):"
        ).replace("%2", f"{product.stock.on_hand:,}")
    else:
        question = QCoreApplication.translate(
            "ProductDialogs", "PackDesk keeps the stock of %1 from now on: %3 on hand. Reason (counted, received...):"
        )
    question = question.replace("%1", product.sku).replace("%3", f"{on_hand:,}")
    reason, ok = QInputDialog.getText(parent, QCoreApplication.translate("ProductDialogs", "Change stock"), question)
    return reason.strip() if ok and reason.strip() else None

"""The Products tab's models without widgets: the catalogue table (codes, case packs, stock, the SKUs that stop a
packer and those under their safety stock marked, edits asked for and not applied in place) and the stock count's
tally (scans add up per SKU, a case pack counts its pieces, a correction replaces the count)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from app.domain.products import CasePack, Product, Stock
from ui.models.products_model import (
    COL_AVAILABLE,
    COL_BARCODES,
    COL_CASES,
    COL_ON_HAND,
    COL_RESERVED,
    COL_SAFETY,
    COL_SKU,
    COL_WAITING,
    COL_WEIGHT,
    LOW_COLOUR,
    MISSING_COLOUR,
    PRODUCT_ROLE,
    SORT_ROLE,
    ProductsTableModel,
)
from ui.models.stock_count_model import COL_COUNTED, COL_DIFFERENCE, StockCountModel
from ui.models.stock_count_model import COL_ON_HAND as COUNT_ON_HAND

MUG = Product(
    "MUG-01", "马克杯", "颜色:白", barcodes=("6901234567892",), case_packs=(CasePack("16901234567899", 12),),
    weight_g=350, stock=Stock(on_hand=20, reserved=5, safety=3),
)  # fmt: skip
TEA = Product("TEA-02", "绿茶", "100g", weight_g=0, stock=Stock(on_hand=4, reserved=3, safety=2))
GHOST = Product("SOLD-ONLY", "订单里的商品", "", stock=Stock(0, 2, 0), known=False)


def _text(model: ProductsTableModel, row: int, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, col), role)


def test_the_catalogue_table_shows_codes_stock_and_waiting_orders(qtmodeltester) -> None:  # noqa: ANN001
    model = ProductsTableModel()
    model.set_products([MUG, TEA, GHOST], {"MUG-01": ("T1", "T2"), "TEA-02": tuple(f"T{i}" for i in range(50))})
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 11
    assert _text(model, 0, COL_SKU) == "MUG-01" and _text(model, 0, COL_SKU, PRODUCT_ROLE) is MUG
    assert _text(model, 0, COL_BARCODES) == "6901234567892"
    assert _text(model, 0, COL_CASES) == "16901234567899 ×12"
    assert [_text(model, 0, c) for c in (COL_WEIGHT, COL_ON_HAND, COL_RESERVED, COL_AVAILABLE, COL_SAFETY)] == [
        "350", "20", "5", "15", "3"
    ]  # fmt: skip
    assert _text(model, 0, COL_WAITING) == "2" and _text(model, 0, COL_WAITING, Qt.ItemDataRole.ToolTipRole) == "T1\nT2"
    assert _text(model, 1, COL_WAITING) == "50+"  # the core names at most 50
    assert _text(model, 2, COL_WAITING) == ""


def test_skus_that_stop_a_packer_and_low_stock_are_marked() -> None:
    model = ProductsTableModel()
    model.set_products([MUG, TEA, GHOST])
    assert _text(model, 1, COL_BARCODES) == "none"  # TEA-02 has no barcode: every scan of it stops the packer
    assert "scan its barcode" in str(_text(model, 1, COL_BARCODES, Qt.ItemDataRole.ToolTipRole))
    brush = _text(model, 1, COL_BARCODES, Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == QColor(MISSING_COLOUR)  # type: ignore[union-attr]
    assert _text(model, 0, COL_AVAILABLE, Qt.ItemDataRole.ForegroundRole) is None  # 15 available, 3 safety
    low = _text(model, 1, COL_AVAILABLE, Qt.ItemDataRole.ForegroundRole)  # 1 available, 2 safety
    assert low.color() == QColor(LOW_COLOUR)  # type: ignore[union-attr]
    assert "under the safety stock 2" in str(_text(model, 1, COL_AVAILABLE, Qt.ItemDataRole.ToolTipRole))
    assert "catalogue lacks" in str(_text(model, 2, COL_SKU, Qt.ItemDataRole.ToolTipRole))


def test_an_untracked_skus_stock_figures_are_not_shown_nor_low() -> None:
    model = ProductsTableModel()
    model.set_products([MUG, TEA], tracked=frozenset({"MUG-01"}))
    assert [_text(model, 1, c) for c in (COL_ON_HAND, COL_RESERVED, COL_AVAILABLE, COL_SAFETY)] == ["—", "—", "—", "2"]
    assert "does not keep" in str(_text(model, 1, COL_AVAILABLE, Qt.ItemDataRole.ToolTipRole))
    assert _text(model, 1, COL_AVAILABLE, Qt.ItemDataRole.ForegroundRole) is None  # never low: never short
    assert model.tracked(MUG) and not model.tracked(TEA) and not model.low(TEA)
    assert _text(model, 1, COL_ON_HAND, SORT_ROLE) == -1 and _text(model, 0, COL_ON_HAND, SORT_ROLE) == 20


def test_numbers_sort_as_numbers() -> None:
    model = ProductsTableModel()
    many = [Product(f"S{i}", "t", stock=Stock(on_hand=n)) for i, n in enumerate((9, 100, 20))]
    model.set_products(many)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(COL_ON_HAND, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, COL_ON_HAND).data() for r in range(3)] == ["100", "20", "9"]


def test_an_edit_is_asked_for_and_shown_only_once_written() -> None:
    model = ProductsTableModel()
    model.set_products([MUG, GHOST])
    asked: list[tuple[str, int, int]] = []
    model.edit_requested.connect(lambda sku, col, value: asked.append((sku, col, value)))
    editable = Qt.ItemFlag.ItemIsEditable
    assert all(model.flags(model.index(0, c)) & editable for c in (COL_WEIGHT, COL_ON_HAND, COL_SAFETY))
    assert not model.flags(model.index(0, COL_SKU)) & editable
    assert not model.flags(model.index(1, COL_WEIGHT)) & editable  # not in the catalogue: bind a code first

    assert model.setData(model.index(0, COL_WEIGHT), "1,200") is False
    assert model.setData(model.index(0, COL_SAFETY), 3) is False  # unchanged: nothing asked
    assert model.setData(model.index(0, COL_ON_HAND), "lots") is False  # not a number: nothing asked
    assert asked == [("MUG-01", COL_WEIGHT, 1200)]
    assert _text(model, 0, COL_WEIGHT) == "350"  # until the write is read back


def test_a_stock_count_adds_scans_per_sku_and_takes_corrections(qtmodeltester) -> None:  # noqa: ANN001
    model = StockCountModel()
    assert model.count(MUG, 1) == 0
    assert model.count(TEA, 1) == 1
    assert model.count(MUG, 12) == 0  # the case pack's code
    qtmodeltester.check(model)
    assert model.counts() == {"MUG-01": 13, "TEA-02": 1}
    assert model.units() == 14
    assert model.index(0, COL_DIFFERENCE).data() == "-7"  # 13 counted, 20 on hand
    assert model.index(1, COL_DIFFERENCE).data() == "-3"

    assert model.setData(model.index(0, COL_COUNTED), "25") is True
    assert model.index(0, COL_DIFFERENCE).data() == "+5"
    assert model.setData(model.index(1, COL_COUNTED), "-1") is False
    assert model.setData(model.index(1, COL_COUNTED), "four") is False
    assert model.setData(model.index(1, COL_DIFFERENCE), "4") is False
    assert model.counts() == {"MUG-01": 25, "TEA-02": 1}
    model.clear()
    assert model.counts() == {} and model.rowCount() == 0

    model.count(TEA, 2, tracked=False)  # PackDesk keeps no stock of it: the count starts it
    assert [model.index(0, c).data() for c in (COL_COUNTED, COUNT_ON_HAND, COL_DIFFERENCE)] == ["2", "—", "—"]

"""The Products tab: the catalogue with its barcodes, case packs, weights and stock; the SKUs that will stop a packer;
barcodes bound by scanning them into the selected SKU; weight, safety and on-hand stock changed in place; the stock
count (盘点) (ui layer).

While the tab is shown the window hands it the scanner's codes (the same path the station's come by): with one SKU
selected a scan binds its code to that SKU, which the banner names before the scan; with none selected a scan
searches for its code; in the stock count it counts. Refusals are the core's own words (one barcode names one SKU:
a code another SKU holds is refused naming both). Reads and writes run through ui.ops, and the list reloads when the
hub says orders, shops or the bench changed (a barcode bound at the bench shows here too).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.products import Product
from app.facade_catalogue import ProductsPage
from app.services.catalogue import Bound
from ui.core_text import core_text
from ui.models.products_model import COL_ON_HAND, COL_SAFETY, COL_WEIGHT, SORT_ROLE, ProductsTableModel
from ui.ops import Changes, CollectionOp, Ops, QueryOp
from ui.plurals import plural
from ui.widgets.product_dialogs import (
    MOST_UNITS,
    AddBarcodeDialog,
    ask_code_to_remove,
    ask_stock_reason,
    product_line,
)
from ui.widgets.stock_count import OK_COLOUR, REFUSED_COLOUR, STOCK_CHANGED, StockCountPanel

PAGE = 5000
CATALOGUE_CHANGED = Changes(orders=True)  # the bench reads barcodes and weights of the orders' lines
_WIDTHS = (100, 180, 125, 125, 165, 80, 80, 78, 78, 95)  # the rest to "Waiting orders": all of it fits 1280 px


class ProductsView(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.page: ProductsPage | None = None
        self._asked = 0

        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search SKU, title, spec, barcode"))
        self.missing_button = QPushButton(self)
        self.missing_button.setCheckable(True)
        self.missing_button.setToolTip(self.tr("SKUs without a barcode for a single piece: each stops a packer"))
        self.low_button = QPushButton(self.tr("Low stock"), self)
        self.low_button.setCheckable(True)
        self.low_button.setToolTip(self.tr("SKUs whose available stock is under their safety stock"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.count_label = QLabel(self)

        self.banner = QLabel(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setWordWrap(True)
        self.units_spin = QSpinBox(self)
        self.units_spin.setRange(1, MOST_UNITS)
        self.units_spin.setPrefix(self.tr("Pieces per scan: "))
        self.units_spin.setToolTip(self.tr("1 for a single piece's barcode; the pieces in the case for a case pack"))
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)

        self.model = ProductsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate(_WIDTHS):
            self.table.setColumnWidth(col, width)

        self.add_button = QPushButton(self.tr("Add barcode…"), self)
        self.remove_button = QPushButton(self.tr("Remove barcode…"), self)
        self.count_button = QPushButton(self.tr("Count stock"), self)
        self.count_button.setToolTip(self.tr("Stock count (盘点): scan what is on the shelf, then commit"))
        hint = QLabel(self.tr("Double-click a weight, on-hand or safety stock figure to change it."), self)
        hint.setStyleSheet("color: #616161;")

        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.missing_button)
        bar.addWidget(self.low_button)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.count_label)
        scan_bar = QHBoxLayout()
        scan_bar.addWidget(self.banner, 1)
        scan_bar.addWidget(self.units_spin)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.remove_button)
        actions.addWidget(self.count_button)
        actions.addWidget(hint, 1)
        catalogue = QWidget(self)
        inner = QVBoxLayout(catalogue)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addLayout(scan_bar)
        inner.addWidget(self.result_label)
        inner.addWidget(self.table, 1)
        inner.addLayout(actions)
        self.count_panel = StockCountPanel(ops, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(catalogue)
        self.stack.addWidget(self.count_panel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.missing_button.toggled.connect(self._on_missing_button_toggled)
        self.low_button.toggled.connect(self._on_low_button_toggled)
        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._show_target)
        self.model.edit_requested.connect(self._on_model_edit_requested)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.count_button.clicked.connect(self.start_count)
        self.count_panel.finished.connect(self._on_count_panel_finished)
        ops.hub.changed.connect(self._on_changed)
        self._show_missing(None)
        self._show_target()

    # -- the list ---------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        search = self.search_edit.text().strip() or None
        missing, low = self.missing_button.isChecked(), self.low_button.isChecked()
        self._asked += 1
        asked = self._asked  # the io lane runs reads side by side: only the latest one's answer is shown
        QueryOp(
            self.ops,
            self,
            op=lambda desk: desk.catalogue.products(search=search, missing_barcode=missing, low=low, limit=PAGE),
            success=lambda page: self._on_loaded(page) if asked == self._asked else None,
        ).failure(self._on_load_failed).run_in_background(lane="io")  # reads: never hold up a scan on the db lane

    def show_low(self) -> None:
        """Only the SKUs whose available stock is under their safety stock (the status bar's count, clicked)."""
        self.search_edit.clear()
        self.missing_button.setChecked(False)
        if self.low_button.isChecked():
            self.reload()
        self.low_button.setChecked(True)

    def selected(self) -> Product | None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        return self.model.product_at(self.proxy.mapToSource(rows[0]).row())

    def select_sku(self, sku: str) -> bool:
        row = self.model.row_of(sku)
        if row < 0:
            return False
        self._select_source_row(row)
        return True

    def _select_source_row(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(index, flags)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _on_loaded(self, page: ProductsPage) -> None:
        chosen = self.selected()
        position = self.table.selectionModel().selectedRows()
        self.page = page
        self.model.set_products(page.products, page.waiting, page.tracked)
        if chosen is not None and not self.select_sku(chosen.sku) and position and page.products:
            # the SKU left the list (it got its barcode under the missing filter): the next one is the target
            below = min(position[0].row(), self.proxy.rowCount() - 1)
            self._select_source_row(self.proxy.mapToSource(self.proxy.index(below, 0)).row())
        more = self.tr(" (first %1)").replace("%1", f"{PAGE:,}") if len(page.products) >= PAGE else ""
        n = len(page.products)
        self.count_label.setText(plural(self.tr("%n SKU(s)", "", n), n) + more)
        self._show_missing(page.missing)
        self._show_target()

    def _on_load_failed(self, error: BaseException) -> None:
        self.count_label.setText(self.tr("Could not load products: %1").replace("%1", core_text(error)))

    def _show_missing(self, missing: int | None) -> None:
        text = self.tr("Missing barcode")
        self.missing_button.setText(text if missing is None else f"{text} ({missing:,})")
        self.missing_button.setStyleSheet(f"color: {REFUSED_COLOUR}; font-weight: bold;" if missing else "")

    def _on_missing_button_toggled(self, checked: bool) -> None:
        if checked:
            self.low_button.setChecked(False)
        self.reload()

    def _on_low_button_toggled(self, checked: bool) -> None:
        if checked:
            self.missing_button.setChecked(False)
        self.reload()

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        # The bench's scans change orders one at a time: the list follows them only while it is shown.
        if (changes.orders or changes.shops) and (not changes.station or self.isVisible()):
            self.reload()

    # -- scans ------------------------------------------------------------------------------------------------------

    def take_scan(self, code: str) -> None:
        """A scanner's code while this tab is shown: counted in a stock count, bound to the one selected SKU, or
        searched for when none is selected."""
        code = code.strip()
        if not code:
            return
        if self.stack.currentWidget() is self.count_panel:
            self.count_panel.take_scan(code)
            return
        product = self.selected()
        if product is None:
            self.search_edit.setText(code)
            self.reload()
            return
        self._bind(product, code, self.units_spin.value())

    def _show_target(self, *_args: object) -> None:
        product = self.selected()
        if product is None:
            text = self.tr("Select a SKU, then scan its barcode to bind it. With none selected, a scan searches.")
            self.banner.setStyleSheet("padding: 6px; color: #37474f;")
        else:
            text = self.tr("A scan now binds its barcode to: %1").replace("%1", product_line(product))
            self.banner.setStyleSheet("padding: 6px; background: #e3f2fd; color: #0d47a1; font-weight: bold;")
        self.banner.setText(text)
        self.add_button.setEnabled(product is not None)
        self.remove_button.setEnabled(product is not None and bool(product.codes))

    def _say(self, text: str, colour: str) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _bind(self, product: Product, code: str, units: int) -> None:
        sku = product.sku
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.catalogue.bind_barcode(sku, code, units),
            changes=CATALOGUE_CHANGED,
            success=self._on_bound,
        ).failure(lambda error: self._say(core_text(error), REFUSED_COLOUR)).run_in_background()

    def _on_bound(self, bound: Bound) -> None:
        what = (self.tr("%1 bound to %2") if bound.changed else self.tr("%1 was already bound to %2")).replace(
            "%1", bound.code if bound.units == 1 else f"{bound.code} ×{bound.units}"
        )
        self._say(what.replace("%2", product_line(bound.product)), OK_COLOUR)
        self.units_spin.setValue(1)  # a case pack's count is for one code, never the next one by mistake

    def _on_add_button_clicked(self) -> None:
        product = self.selected()
        answer = AddBarcodeDialog.ask(self, product) if product else None
        if product is not None and answer is not None:
            self._bind(product, *answer)

    def _on_remove_button_clicked(self) -> None:
        product = self.selected()
        code = ask_code_to_remove(self, product) if product else None
        if product is None or code is None:
            return
        sku = product.sku
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.catalogue.unbind_barcode(sku, code),
            changes=CATALOGUE_CHANGED,
            success=lambda p: self._say(
                self.tr("%1 taken off %2").replace("%1", code).replace("%2", product_line(p)), OK_COLOUR
            ),
        ).failure(lambda error: self._say(core_text(error), REFUSED_COLOUR)).run_in_background()

    # -- edits in place ---------------------------------------------------------------------------------------------

    def _on_model_edit_requested(self, sku: str, column: int, value: int) -> None:
        row = self.model.row_of(sku)
        if row < 0:
            return
        product = self.model.product_at(row)
        if column == COL_ON_HAND:
            tracked = self.model.tracked(product)
            reason = ask_stock_reason(self, product, value, tracked)
            if reason is None:
                return
            if tracked:  # what arrived or left: a parcel shipped meanwhile still counts
                delta = value - product.stock.on_hand
                op, changes = (lambda desk: desk.catalogue.adjust_stock(sku, delta, reason)), STOCK_CHANGED
            else:  # PackDesk keeps its stock from now on, from this figure
                op, changes = (lambda desk: desk.catalogue.set_stock(sku, value, reason)), STOCK_CHANGED
        elif column == COL_WEIGHT:
            op, changes = (lambda desk: desk.catalogue.change_product(sku, weight_g=value)), CATALOGUE_CHANGED
        elif column == COL_SAFETY:
            op, changes = (lambda desk: desk.catalogue.change_product(sku, safety=value)), STOCK_CHANGED
        else:
            return
        CollectionOp(self.ops, self, op=op, changes=changes).failure(
            lambda error: self._say(core_text(error), REFUSED_COLOUR)
        ).run_in_background()

    # -- the stock count --------------------------------------------------------------------------------------------

    def start_count(self) -> None:
        self.count_panel.start()
        self.stack.setCurrentWidget(self.count_panel)

    def counting(self) -> bool:
        return self.stack.currentWidget() is self.count_panel

    def _on_count_panel_finished(self, committed: bool) -> None:
        self.stack.setCurrentIndex(0)
        if committed:
            self._say(self.tr("Stock count committed: on-hand stock is what was counted."), OK_COLOUR)

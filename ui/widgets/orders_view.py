"""The order list: filters, search and the cached orders, most urgent first (ui layer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import OrderStatus
from app.domain.orders import Order
from printers.media import Media
from ui.core_text import core_text
from ui.models.orders_model import OrdersTableModel, status_text
from ui.ops import Changes, Ops, QueryOp
from ui.plurals import plural
from ui.widgets.label_preview import LabelPreviewWidget

PAGE = 2000


class OrdersView(QWidget):
    order_activated = Signal(str)  # order number, on double-click or Enter
    orders_loaded = Signal(int)
    print_requested = Signal(list)  # order numbers, in list order
    pdf_requested = Signal(list)

    def __init__(
        self,
        ops: Ops,
        media: Callable[[], Media] = Media,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ops = ops
        self.media = media

        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in OrderStatus:
            self.status_combo.addItem(status_text(status), status.value)
        self.status_combo.setCurrentIndex(1)  # awaiting shipment: the backlog
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search order no., buyer, receiver, SKU, tracking no."))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.print_button = QPushButton(self.tr("Print waybills (Ctrl+P)"), self)
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.pdf_button = QPushButton(self.tr("Save as one PDF…"), self)
        self.count_label = QLabel(self)
        self.preview = LabelPreviewWidget(self)

        self.model = OrdersTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: no per-row measuring, so large backlogs scroll smoothly.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((24, 170, 150, 215, 170, 230, 230, 190, 110)):
            self.table.setColumnWidth(col, width)

        bar = QHBoxLayout()
        bar.addWidget(self.status_combo)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.count_label)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.print_button.clicked.connect(lambda: self._emit_selection(self.print_requested))
        self.pdf_button.clicked.connect(lambda: self._emit_selection(self.pdf_requested))
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self._load_preview)
        ops.hub.changed.connect(self._on_changed)

    def selected_order_nos(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.order_at(row).order_no for row in rows]

    def _emit_selection(self, signal: Signal) -> None:
        chosen = self.selected_order_nos()
        if chosen:
            signal.emit(chosen)

    def _on_selection_changed(self, *_args: object) -> None:
        self._preview_timer.start()

    def _load_preview(self) -> None:
        chosen = self.selected_order_nos()
        if not chosen:
            self.preview.show_raster(None)
            return
        media, order_no = self.media(), chosen[0]
        QueryOp(
            self.ops, self, op=lambda desk: desk.order_preview(order_no, media), success=self.preview.show_raster
        ).failure(lambda _e: self.preview.show_raster(None)).run_in_background()

    def reload(self) -> None:
        status = self.status_combo.currentData()
        search = self.search_edit.text().strip() or None
        QueryOp(
            self.ops,
            self,
            op=lambda desk: desk.orders_page(status=status, search=search, limit=PAGE),
            success=self._on_loaded,
        ).failure(self._on_load_error).run_in_background()

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        # A scan changes one order at a time: the list follows scans only while it is shown (the tab reloads it).
        if changes.orders and (not changes.station or self.isVisible()):
            self.reload()

    def _on_loaded(self, orders: list[Order]) -> None:
        keep = set(self.selected_order_nos())  # a refresh keeps what the seller had selected
        self.model.set_rows(orders)
        if keep:
            selection = self.table.selectionModel()
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            for row, order in enumerate(orders):
                if order.order_no in keep:
                    selection.select(self.model.index(row, 0), flags)
        more = self.tr(" (first %1)").replace("%1", str(PAGE)) if len(orders) >= PAGE else ""
        self.count_label.setText(plural(self.tr("%n order(s)", "", len(orders)), len(orders)) + more)
        self.orders_loaded.emit(len(orders))

    def _on_load_error(self, error: BaseException) -> None:
        self.count_label.setText(self.tr("Could not load orders: %1").replace("%1", core_text(error)))

    def _on_status_combo_changed(self, _index: int) -> None:
        self.reload()

    def _on_search_edit_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.order_activated.emit(self.model.order_at(index.row()).order_no)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.currentIndex().isValid():
            self.order_activated.emit(self.model.order_at(self.table.currentIndex().row()).order_no)
            return
        super().keyPressEvent(event)

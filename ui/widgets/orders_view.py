"""The order list: filters, search and the cached orders, most urgent first (ui layer)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus
from app.domain.orders import Order
from app.services.orders import list_orders
from ui.models.orders_model import OrdersTableModel, status_text
from ui.tasks import TaskRunner

PAGE = 2000


class OrdersView(QWidget):
    order_activated = Signal(str)  # order number, on double-click or Enter
    orders_loaded = Signal(int)

    def __init__(self, session_factory: sessionmaker[Session], tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session_factory = session_factory
        self.tasks = tasks

        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in OrderStatus:
            self.status_combo.addItem(status_text(status), status.value)
        self.status_combo.setCurrentIndex(1)  # awaiting shipment: the backlog
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search order no., buyer, receiver, SKU, tracking no."))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.count_label = QLabel(self)

        self.model = OrdersTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
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
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

    def reload(self) -> None:
        status = self.status_combo.currentData()
        search = self.search_edit.text().strip() or None
        factory = self.session_factory
        self.tasks.run(
            lambda: list_orders(factory, status=status, search=search, limit=PAGE), self._on_loaded, self._on_load_error
        )

    def _on_loaded(self, orders: list[Order]) -> None:
        self.model.set_rows(orders)
        more = self.tr(" (first %1)").replace("%1", str(PAGE)) if len(orders) >= PAGE else ""
        self.count_label.setText(self.tr("%1 orders").replace("%1", str(len(orders))) + more)
        self.orders_loaded.emit(len(orders))

    def _on_load_error(self, error: BaseException) -> None:
        self.count_label.setText(self.tr("Could not load orders: %1").replace("%1", str(error)))

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

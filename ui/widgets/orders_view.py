"""The order workspace: filters that combine, saved filters one click away, the cached orders fetched as the list
scrolls, sortable columns the seller chooses, and why the list is empty when nothing matches (ui layer).

Every read runs on the `read` lane (its own worker and connection): the list never waits behind a scan at the bench
nor holds one up. The filter bar's choices are plain keywords of app.services.orders.order_filter, which is what a
saved filter stores (workspace.json in the data directory, through the façade) along with the columns' widths.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEventLoop,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Flag, OrderStatus
from app.domain.orders import CHINA_TZ, Order
from app.facade import OrdersOverview
from printers.media import Media
from ui.core_text import core_text
from ui.dialogs.order_actions import OrderActions
from ui.models.orders_model import SORT_KEYS, OrdersTableModel, status_text
from ui.ops import Changes, Ops, QueryOp
from ui.plurals import plural
from ui.widgets.label_preview import LabelPreviewWidget
from ui.widgets.order_detail import OrderDetailPane

CARRIERS = ("ZTO", "YTO", "STO", "YUNDA", "SF", "EMS", "JD", "JTSD")
DEFAULT_WIDTHS = (24, 170, 150, 215, 170, 230, 230, 190, 110, 100, 80)


def builtin_filters() -> list[tuple[str, dict[str, Any]]]:
    """The saved filters every workspace starts with."""
    return [
        (QCoreApplication.translate("OrdersView", "Today's overdue"), {"overdue": True}),
        (QCoreApplication.translate("OrdersView", "Due soon"), {"due_soon": True}),  # the seller's hours
        (QCoreApplication.translate("OrdersView", "SF only"), {"carrier": "SF"}),
        (QCoreApplication.translate("OrdersView", "Not printed"), {"status": "awaiting_shipment", "printed": "no"}),
    ]


class OrdersView(QWidget):
    order_activated = Signal(str)  # order number, on double-click or Enter
    orders_loaded = Signal(int)
    print_requested = Signal(list)  # order numbers, in list order
    pdf_requested = Signal(list)
    overview_loaded = Signal(object)  # OrdersOverview

    def __init__(self, ops: Ops, media: Callable[[], Media] = Media, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.media = media
        self._applying = False  # a saved filter is being put into the bar: one reload at the end

        # -- the filter bar ----------------------------------------------------------------------------------------
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in OrderStatus:
            self.status_combo.addItem(status_text(status), status.value)
        self.status_combo.setCurrentIndex(1)  # awaiting shipment: the backlog
        self.shop_combo = QComboBox(self)
        self.shop_combo.addItem(self.tr("All shops"), None)
        self.print_combo = QComboBox(self)
        for text, value in (
            (self.tr("Printed or not"), None),
            (self.tr("Not printed"), "no"),
            (self.tr("Printed"), "yes"),
            (self.tr("Reprinted"), "reprinted"),
        ):
            self.print_combo.addItem(text, value)
        self.flag_combo = QComboBox(self)
        self.flag_combo.addItem(self.tr("Any flag"), None)
        for flag, text in (
            (Flag.RED, self.tr("Red flag")),
            (Flag.YELLOW, self.tr("Yellow flag")),
            (Flag.GREEN, self.tr("Green flag")),
            (Flag.BLUE, self.tr("Blue flag")),
            (Flag.PURPLE, self.tr("Purple flag")),
            (Flag.NONE, self.tr("No flag")),
        ):
            self.flag_combo.addItem(text, flag.label)
        self.due_combo = QComboBox(self)
        for text, value in (
            (self.tr("Any ship-by"), None),
            (self.tr("Overdue"), "overdue"),
            (self.tr("Due soon"), "soon"),  # within the seller's due-soon hours (Rules > Carrier rules)
            (self.tr("Due within 6 h"), 6),
            (self.tr("Due within 12 h"), 12),
            (self.tr("Due within 24 h"), 24),
        ):
            self.due_combo.addItem(text, value)
        self.carrier_combo = QComboBox(self)
        self.carrier_combo.addItem(self.tr("Any carrier"), None)
        for code in CARRIERS:
            self.carrier_combo.addItem(code, code)
        self.message_check = QCheckBox(self.tr("Buyer message"), self)
        self.memo_check = QCheckBox(self.tr("Seller memo"), self)
        self.paid_check = QCheckBox(self.tr("Paid"), self)
        today = QDate.currentDate()
        self.paid_from_edit = QDateEdit(today.addDays(-7), self)
        self.paid_to_edit = QDateEdit(today, self)
        for edit in (self.paid_from_edit, self.paid_to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Order no., tracking no., SKU, phone tail, buyer, receiver, title"))

        # -- saved filters, actions, counts ------------------------------------------------------------------------
        self.saved_bar = QHBoxLayout()
        self.save_filter_button = QPushButton(self.tr("Save filter…"), self)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.print_button = QPushButton(self.tr("Print waybills (Ctrl+P)"), self)
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.pdf_button = QPushButton(self.tr("Save as one PDF…"), self)
        self.count_label = QLabel(self)
        self.deadline_label = QLabel(self)  # overdue and due within 6 hours: always in sight
        self.deadline_label.setStyleSheet("color: #b71c1c; font-weight: bold")
        self.preview = LabelPreviewWidget(self)
        self.detail = OrderDetailPane(ops, parent=self)  # the selected order (MainWindow hands it the image cache)
        self.order_actions = OrderActions(ops, self.chosen_order_nos, self)
        self.actions_button = QPushButton(self.tr("Actions"), self)
        self.actions_button.setMenu(self.order_actions.menu)

        # -- the list and its empty state --------------------------------------------------------------------------
        self.model = OrdersTableModel(self, loader=self._load_page)
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
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.order_actions.menu.popup(self.table.viewport().mapToGlobal(pos))
        )
        for col, width in enumerate(DEFAULT_WIDTHS):
            self.table.setColumnWidth(col, width)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_clear_button = QPushButton(self.tr("Clear filters"), self)
        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(empty)

        filters = QHBoxLayout()
        for w in (self.status_combo, self.shop_combo, self.print_combo, self.flag_combo, self.due_combo,
                  self.carrier_combo, self.message_check, self.memo_check, self.paid_check, self.paid_from_edit,
                  QLabel("–", self), self.paid_to_edit):  # fmt: skip
            filters.addWidget(w)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.search_edit, 1)
        actions.addWidget(self.clear_button)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.actions_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.pdf_button)
        counts = QHBoxLayout()
        counts.addLayout(self.saved_bar)
        counts.addWidget(self.save_filter_button)
        counts.addStretch(1)
        counts.addWidget(self.deadline_label)
        counts.addWidget(self.count_label)
        splitter = QSplitter(self)
        splitter.addWidget(self.list_stack)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.detail, self.tr("Details"))
        self.side_tabs.addTab(self.preview, self.tr("Label"))
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addLayout(counts)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self._widths_timer = QTimer(self)
        self._widths_timer.setSingleShot(True)
        self._widths_timer.setInterval(500)
        self._widths_timer.timeout.connect(self._save_columns)
        for combo in (self.status_combo, self.shop_combo, self.print_combo, self.flag_combo, self.due_combo,
                      self.carrier_combo):  # fmt: skip
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for check in (self.message_check, self.memo_check):
            check.toggled.connect(self._on_filter_changed)
        self.paid_check.toggled.connect(self._on_paid_check_toggled)
        self.paid_from_edit.dateChanged.connect(self._on_filter_changed)
        self.paid_to_edit.dateChanged.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.clear_button.clicked.connect(self.clear_filters)
        self.empty_clear_button.clicked.connect(self.clear_filters)
        self.save_filter_button.clicked.connect(self._on_save_filter_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        header.sortIndicatorChanged.connect(self._on_header_sort_changed)
        header.sectionResized.connect(lambda *_a: self._widths_timer.start())
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        self.print_button.clicked.connect(lambda: self._emit_selection(self.print_requested))
        self.pdf_button.clicked.connect(lambda: self._emit_selection(self.pdf_requested))
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.load_failed.connect(self._on_load_error)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self._load_preview)
        ops.hub.changed.connect(self._on_changed)
        self._keep: set[str] = set()
        self._prefs: dict[str, Any] = {}
        self._restore_prefs()

    # -- filters -------------------------------------------------------------------------------------------------

    def typed_filter(self) -> dict[str, Any]:
        """The bar's choices as app.services.orders.order_filter keywords (what a saved filter stores)."""
        typed: dict[str, Any] = {}
        for key, combo in (
            ("status", self.status_combo),
            ("printed", self.print_combo),
            ("flag", self.flag_combo),
            ("carrier", self.carrier_combo),
        ):
            if combo.currentData() is not None:
                typed[key] = combo.currentData()
        where = self.shop_combo.currentData()  # "shop:NAME" or "platform:CODE": one shop, or a platform's shops
        if where:
            kind, _, value = where.partition(":")
            typed[kind] = value
        due = self.due_combo.currentData()
        if due == "overdue":
            typed["overdue"] = True
        elif due == "soon":
            typed["due_soon"] = True
        elif due is not None:
            typed["due_within_hours"] = due
        if self.message_check.isChecked():
            typed["has_message"] = True
        if self.memo_check.isChecked():
            typed["has_memo"] = True
        if self.paid_check.isChecked():
            typed["paid_from"] = self.paid_from_edit.date().toString("yyyy-MM-dd")
            typed["paid_to"] = self.paid_to_edit.date().toString("yyyy-MM-dd")
        search = self.search_edit.text().strip()
        if search:
            typed["search"] = search
        return typed

    def apply_filter(self, typed: dict[str, Any]) -> None:
        """Puts saved choices into the bar and reloads once."""
        self._applying = True
        try:
            for key, combo in (
                ("status", self.status_combo),
                ("printed", self.print_combo),
                ("flag", self.flag_combo),
                ("carrier", self.carrier_combo),
            ):
                index = combo.findData(typed.get(key)) if typed.get(key) is not None else 0
                if index < 0 and combo is self.carrier_combo:  # a carrier not listed (the dashboard's): learnt
                    combo.addItem(str(typed[key]), typed[key])
                    index = combo.count() - 1
                combo.setCurrentIndex(max(index, 0))
            where = f"shop:{typed['shop']}" if typed.get("shop") else None
            where = where or (f"platform:{typed['platform']}" if typed.get("platform") else None)
            index = self.shop_combo.findData(where) if where else 0
            if index < 0 and where:  # a shop or platform not listed yet: the combo learns it
                self.shop_combo.addItem(where.partition(":")[2], where)
                index = self.shop_combo.count() - 1
            self.shop_combo.setCurrentIndex(index)
            due = (
                "overdue"
                if typed.get("overdue")
                else ("soon" if typed.get("due_soon") else typed.get("due_within_hours"))
            )
            self.due_combo.setCurrentIndex(max(self.due_combo.findData(due), 0) if due is not None else 0)
            self.message_check.setChecked(bool(typed.get("has_message")))
            self.memo_check.setChecked(bool(typed.get("has_memo")))
            paid = "paid_from" in typed
            self.paid_check.setChecked(paid)
            if paid:
                self.paid_from_edit.setDate(QDate.fromString(typed["paid_from"], "yyyy-MM-dd"))
                self.paid_to_edit.setDate(QDate.fromString(typed.get("paid_to", typed["paid_from"]), "yyyy-MM-dd"))
            self.search_edit.setText(typed.get("search", ""))
        finally:
            self._applying = False
        self._search_timer.stop()
        self.reload()

    def clear_filters(self) -> None:
        self.apply_filter({})

    @staticmethod
    def _keywords(typed: dict[str, Any]) -> dict[str, Any]:
        """Saved choices -> order_filter keywords: paid dates are China-time days, the last one taken whole."""
        out = dict(typed)
        if "paid_from" in out:
            out["paid_from"] = datetime.combine(date.fromisoformat(out["paid_from"]), time(), CHINA_TZ)
        if "paid_to" in out:
            out["paid_to"] = datetime.combine(date.fromisoformat(out["paid_to"]), time(), CHINA_TZ) + timedelta(days=1)
        return out

    # -- loading -------------------------------------------------------------------------------------------------

    def _load_page(
        self,
        offset: int,
        limit: int,
        on_done: Callable[[Sequence[Order]], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        keywords, sort = self._keywords(self.typed_filter()), self.model.order
        QueryOp(
            self.ops,
            self,
            op=lambda desk: desk.rules.mark_stopped(
                desk.orders_list_page(desk.order_filter(**keywords), sort=sort, offset=offset, limit=limit)
            ),  # an order to a stopped region is flagged in the list
            success=on_done,
        ).failure(on_error).run_in_background(lane="read")

    def reload(self) -> None:
        if self._applying:
            return
        generation = self.model.reload()
        keywords = self._keywords(self.typed_filter())
        QueryOp(
            self.ops,
            self,
            op=lambda desk: desk.orders_overview(desk.order_filter(**keywords)),
            success=lambda overview: self._on_overview_loaded(overview, generation),
        ).failure(self._on_load_error).run_in_background(lane="read")
        if self.shop_combo.count() == 1:
            QueryOp(self.ops, self, op=lambda desk: desk.shops(), success=self._on_shops_loaded).failure(
                lambda _e: None
            ).run_in_background(lane="read")

    def _on_shops_loaded(self, shops: list[Any]) -> None:
        names = {
            "taobao": self.tr("All Taobao shops"),
            "tmall": self.tr("All Tmall shops"),
            "pdd": self.tr("All Pinduoduo shops"),
            "jd": self.tr("All JD shops"),
            "douyin": self.tr("All Douyin shops"),
        }
        for platform in sorted({shop.platform for shop in shops}):
            if self.shop_combo.findData(f"platform:{platform}") < 0:
                self.shop_combo.addItem(names.get(platform, platform), f"platform:{platform}")
        for shop in shops:
            if self.shop_combo.findData(f"shop:{shop.name}") < 0:
                self.shop_combo.addItem(shop.name, f"shop:{shop.name}")

    def _on_model_about_to_be_reset(self) -> None:
        self._keep = set(self.selected_order_nos())  # a refresh keeps what the seller had selected

    def _on_model_page_loaded(self, reset: bool) -> None:
        if reset and not self.model.rowCount():
            self.preview.show_raster(None)  # no order left to show the label of
        if reset and self._keep:
            selection = self.table.selectionModel()
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            for row, order_no in self.model.known_rows():  # the rows read (a reload reads one page), not every row
                if order_no in self._keep:
                    selection.select(self.model.index(row, 0), flags)
        self.orders_loaded.emit(self.model.rowCount())

    def _on_overview_loaded(self, overview: OrdersOverview, generation: int | None = None) -> None:
        if generation is not None:
            self.model.set_total(generation, overview.total)  # the list spans every match, read as it is shown
        for i in range(1, self.status_combo.count()):
            status = OrderStatus(self.status_combo.itemData(i))
            n = overview.per_status.get(status.value, 0)
            self.status_combo.setItemText(
                i, self.tr("%1 (%2)").replace("%1", status_text(status)).replace("%2", f"{n:,}")
            )
        self.status_combo.setItemText(
            0, self.tr("All statuses (%1)").replace("%1", f"{sum(overview.per_status.values()):,}")
        )
        self.count_label.setText(plural(self.tr("%n order(s)", "", overview.total), overview.total))
        self.deadline_label.setText(
            self.tr("Overdue: %1 · due within %3 h: %2")
            .replace("%1", f"{overview.overdue:,}")
            .replace("%2", f"{overview.due_soon:,}")
            .replace("%3", str(overview.due_soon_hours))
        )
        self.model.due_soon_hours = overview.due_soon_hours
        self.list_stack.setCurrentIndex(1 if overview.total == 0 else 0)
        if overview.total == 0:
            self.empty_label.setText(self._why_empty(overview))
        self.overview_loaded.emit(overview)

    def _why_empty(self, overview: OrdersOverview) -> str:
        if not overview.reasons:
            return self.tr("No orders in the cache yet: sync a shop or import an order file.")
        names = {
            "statuses": self.tr("the status"),
            "shop_ids": self.tr("the shop"),
            "platforms": self.tr("the platform"),
            "flags": self.tr("the flag"),
            "printed": self.tr("the print status"),
            "has_message": self.tr("“buyer message”"),
            "has_memo": self.tr("“seller memo”"),
            "paid_from": self.tr("the paid dates"),
            "paid_to": self.tr("the paid dates"),
            "due_within": self.tr("the ship-by time"),
            "overdue": self.tr("“overdue”"),
            "carrier": self.tr("the carrier"),
            "search": self.tr("the search"),
        }
        lines = [self.tr("No order matches all these filters.")]
        for reason in overview.reasons:
            if reason.hidden:
                lines.append(
                    plural(self.tr("Without %1: %n order(s)", "", reason.hidden), reason.hidden).replace(
                        "%1", names.get(reason.field, reason.field)
                    )
                )
        if len(lines) == 1:
            lines.append(self.tr("Each filter alone already leaves nothing: clear them to see every order."))
        return "\n".join(lines)

    def _on_load_error(self, error: BaseException) -> None:
        self.count_label.setText(self.tr("Could not load orders: %1").replace("%1", core_text(error)))

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        # A scan changes one order at a time: the list follows scans only while it is shown (the tab reloads it).
        if changes.orders and (not changes.station or self.isVisible()):
            self.reload()

    def _on_filter_changed(self, *_args: object) -> None:
        self.reload()

    def _on_paid_check_toggled(self, on: bool) -> None:
        self.paid_from_edit.setEnabled(on)
        self.paid_to_edit.setEnabled(on)
        self.reload()

    def _on_search_edit_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_header_sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column in SORT_KEYS:
            self.model.sort(column, order)

    # -- saved filters and columns ---------------------------------------------------------------------------------

    def _restore_prefs(self) -> None:
        try:
            self._prefs = self.ops.desk.workspace_prefs()
        except (AttributeError, OSError):
            self._prefs = {}
        columns = self._prefs.get("columns", {})
        for col, width in enumerate(columns.get("widths", [])[: self.model.columnCount()]):
            if isinstance(width, int) and width > 0:
                self.table.setColumnWidth(col, width)
        for col in columns.get("hidden", []):
            if isinstance(col, int) and 0 <= col < self.model.columnCount():
                self.table.setColumnHidden(col, True)
        self._build_saved_bar()

    def saved_filters(self) -> list[tuple[str, dict[str, Any]]]:
        own = [(str(s["name"]), dict(s["filter"])) for s in self._prefs.get("saved", []) if "name" in s]
        return builtin_filters() + own

    def _build_saved_bar(self) -> None:
        while self.saved_bar.count():
            item = self.saved_bar.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for name, typed in self.saved_filters():
            button = QPushButton(name, self)
            button.setFlat(True)
            button.setStyleSheet("text-decoration: underline; color: #1565c0")
            button.clicked.connect(lambda _=False, t=typed: self.apply_filter(t))
            self.saved_bar.addWidget(button)

    def _on_save_filter_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name of this filter:"))
        if ok and name.strip():
            self.save_filter(name.strip())

    def save_filter(self, name: str) -> None:
        saved = [s for s in self._prefs.get("saved", []) if s.get("name") != name]
        saved.append({"name": name, "filter": self.typed_filter()})
        self._prefs["saved"] = saved
        self._write_prefs()
        self._build_saved_bar()

    def _save_columns(self) -> None:
        count = self.model.columnCount()
        self._prefs["columns"] = {
            "widths": [self.table.columnWidth(c) for c in range(count)],
            "hidden": [c for c in range(count) if self.table.isColumnHidden(c)],
        }
        self._write_prefs()

    def _write_prefs(self) -> None:
        try:
            self.ops.desk.save_workspace_prefs(self._prefs)
        except OSError as exc:
            self.count_label.setText(self.tr("Could not save the workspace settings: %1").replace("%1", str(exc)))

    def _on_header_menu_requested(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for col in range(1, self.model.columnCount()):  # the flag column stays
            action = QAction(self.model.headers()[col], menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.set_column_shown(c, on))
            menu.addAction(action)
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def set_column_shown(self, col: int, shown: bool) -> None:
        self.table.setColumnHidden(col, not shown)
        self._save_columns()

    # -- selection, preview, activation -------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_order_nos(self) -> list[str]:
        """The selected orders' numbers (those known: a selection reaching rows never shown knows them once
        `model.ensure_numbers` has read their pages)."""
        return [n for n in map(self.model.order_no_at, self.selected_rows()) if n is not None]

    def chosen_order_nos(self) -> list[str]:
        """Every selected order's number, for an action: a selection reaching rows never shown (shift-click far
        down, select all) waits here, the window still painting, until the list has read their numbers; [] when that
        read failed (the list says why)."""
        rows = self.selected_rows()
        if not self.model.ensure_numbers(rows):
            loop = QEventLoop(self)
            self.model.numbers_ready.connect(loop.quit)
            self.model.load_failed.connect(loop.quit)
            try:
                while not self.model.ensure_numbers(rows) and self.model.loading:
                    loop.exec()
            finally:
                self.model.numbers_ready.disconnect(loop.quit)
                self.model.load_failed.disconnect(loop.quit)
            if not self.model.ensure_numbers(rows):
                return []
        return self.selected_order_nos()

    def _emit_selection(self, signal: Signal) -> None:
        chosen = self.chosen_order_nos()
        if chosen:
            signal.emit(chosen)

    def _on_selection_changed(self, *_args: object) -> None:
        self._preview_timer.start()

    def _load_preview(self) -> None:
        chosen = self.selected_order_nos()
        self.detail.show_order(chosen[0] if chosen else None)
        if not chosen:
            self.preview.show_raster(None)
            return
        media, order_no = self.media(), chosen[0]
        QueryOp(
            self.ops, self, op=lambda desk: desk.order_preview(order_no, media), success=self.preview.show_raster
        ).failure(lambda _e: self.preview.show_raster(None)).run_in_background()

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            if (order_no := self.model.order_no_at(index.row())) is not None:
                self.order_activated.emit(order_no)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.currentIndex().isValid():
            if (order_no := self.model.order_no_at(self.table.currentIndex().row())) is not None:
                self.order_activated.emit(order_no)
            return
        super().keyPressEvent(event)

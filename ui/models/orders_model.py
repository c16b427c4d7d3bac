"""Table model of the order workspace: one row per cached order, fetched from the database a page at a time as the
view scrolls (canFetchMore/fetchMore), never a copy of the table (ui layer).

The model does not read by itself: a `loader(offset, limit, on_done, on_error)` handed in runs the page's query in the
background (the workspace's `read` lane) and calls back on the GUI thread. A reload starts a new generation, so a
page that arrives for an older filter is dropped. Header clicks sort on the database (`sort()`), not in memory.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.enums import Flag, OrderStatus
from app.domain.merges import merged_orders
from app.domain.orders import CHINA_TZ, Order, place_names
from app.services.orders import Sort, SortKey
from ui.models.rows_model import ROW_ROLE, RowsTableModel
from ui.plurals import plural
from ui.text import displayable

COL_FLAG, COL_ORDER, COL_STATUS, COL_DEADLINE, COL_RECEIVER, COL_ITEMS, COL_MESSAGE, COL_TRACKING, COL_SHOP = range(9)
COL_PAID, COL_AMOUNT = 9, 10
ORDER_ROLE = ROW_ROLE
PAGE = 200  # rows per fetch: a few screens, one short query

# The columns the database sorts by; the others are not sortable.
SORT_KEYS = {
    COL_DEADLINE: SortKey.SHIP_BY,
    COL_PAID: SortKey.PAID,
    COL_AMOUNT: SortKey.AMOUNT,
    COL_ITEMS: SortKey.ITEMS,
    COL_RECEIVER: SortKey.PROVINCE,
}

Loader = Callable[[int, int, Callable[[Sequence[Order]], None], Callable[[BaseException], None]], None]

FLAG_COLOURS = {
    Flag.RED: "#d32f2f",
    Flag.YELLOW: "#f9a825",
    Flag.GREEN: "#2e7d32",
    Flag.BLUE: "#1565c0",
    Flag.PURPLE: "#7b1fa2",
}
_URGENT = QColor("#b71c1c")
_SOON = QColor("#e65100")
_CLOSED = QColor("#9e9e9e")
_MERGED = QColor("#1565c0")
_MERGEABLE = QColor("#f9a825")


def merge_badge(order: Order) -> str:
    """The mark after an order's status: in a merged parcel of N orders, or could merge with others (合并发货)."""
    merged = merged_orders(order)
    if merged:
        return QCoreApplication.translate("OrdersTableModel", " · merged ×%1").replace("%1", str(len(merged)))
    if order.extra.get("mergeable_with"):
        return QCoreApplication.translate("OrdersTableModel", " · can merge")
    return ""


def merge_mark(order: Order) -> QColor | None:
    """The swatch before an order number: blue in a merged parcel, amber when it could merge."""
    if merged_orders(order):
        return _MERGED
    return _MERGEABLE if order.extra.get("mergeable_with") else None


def merge_tip(order: Order) -> str | None:
    """Which orders share its parcel, or which it could merge with (the badge's tooltip)."""
    merged = merged_orders(order)
    if merged:
        return QCoreApplication.translate("OrdersTableModel", "Ships in one parcel with: %1").replace(
            "%1", ", ".join(no for no in merged if no != order.order_no)
        )
    could = order.extra.get("mergeable_with") or ()
    if could:
        return QCoreApplication.translate(
            "OrdersTableModel", "Same buyer and address as %1: select them and choose Merge into one parcel."
        ).replace("%1", ", ".join(could))
    return None


def status_text(status: OrderStatus) -> str:
    return {
        OrderStatus.AWAITING_SHIPMENT: QCoreApplication.translate("OrdersTableModel", "Awaiting shipment"),
        OrderStatus.PARTLY_SHIPPED: QCoreApplication.translate("OrdersTableModel", "Partly shipped"),
        OrderStatus.OUT_OF_STOCK: QCoreApplication.translate("OrdersTableModel", "Out of stock"),
        OrderStatus.ON_HOLD: QCoreApplication.translate("OrdersTableModel", "On hold"),
        OrderStatus.SHIPPED: QCoreApplication.translate("OrdersTableModel", "Shipped"),
        OrderStatus.CLOSED: QCoreApplication.translate("OrdersTableModel", "Closed"),
    }[status]


def countdown_text(deadline: datetime, now: datetime) -> str:
    """ "3h 20m left" / "overdue 5h" for the ship-by deadline."""
    minutes = int((deadline - now).total_seconds() // 60)
    if minutes < 0:
        hours = -minutes // 60
        return (
            QCoreApplication.translate("OrdersTableModel", "overdue %1h %2m")
            .replace("%1", str(hours))
            .replace("%2", str(-minutes % 60))
        )
    return (
        QCoreApplication.translate("OrdersTableModel", "%1h %2m left")
        .replace("%1", str(minutes // 60))
        .replace("%2", str(minutes % 60))
    )


def _notes(order: Order) -> list[str]:
    """The buyer's message and the seller's memo, in words (not emoji markers: many bench PCs have no emoji font)."""
    notes = []
    if order.buyer_message:
        notes.append(
            QCoreApplication.translate("OrdersTableModel", "Buyer: %1").replace("%1", displayable(order.buyer_message))
        )
    if order.memo:
        notes.append(QCoreApplication.translate("OrdersTableModel", "Memo: %1").replace("%1", displayable(order.memo)))
    return notes


class _Pages(Sequence[Order]):
    """The pages fetched so far as one sequence; a page may build its orders lazily (app.services.orders.list_page),
    so only the rows a view shows are ever built."""

    def __init__(self, first: Sequence[Order] = ()) -> None:
        self._pages: list[Sequence[Order]] = []
        self._starts: list[int] = []
        self._count = 0
        self.extend(first)

    def extend(self, page: Sequence[Order]) -> None:
        if len(page):
            self._starts.append(self._count)
            self._pages.append(page)
            self._count += len(page)

    def __len__(self) -> int:
        return self._count

    def _locate(self, row: int) -> tuple[Sequence[Order], int]:
        if not 0 <= row < self._count:
            raise IndexError(row)
        k = bisect_right(self._starts, row) - 1
        return self._pages[k], row - self._starts[k]

    def __getitem__(self, row: Any) -> Any:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(self._count))]
        page, i = self._locate(row if row >= 0 else row + self._count)
        return page[i]

    def order_no(self, row: int) -> str:
        page, i = self._locate(row)
        read = getattr(page, "order_no", None)
        return read(i) if callable(read) else page[i].order_no


class OrdersTableModel(RowsTableModel):
    columns = 11
    page_loaded = Signal(bool)  # a page arrived; True when it replaced the rows (a reload)
    load_failed = Signal(object)  # the error of a page's query

    @staticmethod
    def headers() -> tuple[str, ...]:
        return (
            "",
            QCoreApplication.translate("OrdersTableModel", "Order no."),
            QCoreApplication.translate("OrdersTableModel", "Status"),
            QCoreApplication.translate("OrdersTableModel", "Ship by"),
            QCoreApplication.translate("OrdersTableModel", "Receiver"),
            QCoreApplication.translate("OrdersTableModel", "Items"),
            QCoreApplication.translate("OrdersTableModel", "Message / memo"),
            QCoreApplication.translate("OrdersTableModel", "Tracking no."),
            QCoreApplication.translate("OrdersTableModel", "Shop"),
            QCoreApplication.translate("OrdersTableModel", "Paid"),
            QCoreApplication.translate("OrdersTableModel", "Amount"),
        )

    def __init__(self, parent: Any = None, clock: Any = None, loader: Loader | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._loader = loader
        self._more = False  # the last page was full: there may be more
        self._pending = False
        self._generation = 0
        self.order = Sort()

    # -- fetching as the view scrolls ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Order]) -> None:
        self.beginResetModel()
        self._rows = _Pages(rows)  # type: ignore[assignment]
        self.endResetModel()

    def order_no_at(self, row: int) -> str:
        """The order number of `row`, without building the order."""
        return self._rows.order_no(row)  # type: ignore[attr-defined]

    def set_loader(self, loader: Loader) -> None:
        self._loader = loader

    def reload(self) -> None:
        """Reads the first page again (a filter, a sort or the data changed); rows stay until it arrives."""
        if self._loader is None:
            return
        self._generation += 1
        self._pending = True
        generation = self._generation
        self._loader(
            0, PAGE, lambda rows: self._on_page(generation, True, rows), lambda e: self._on_error(generation, e)
        )

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._loader is not None and self._more and not self._pending

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent) or self._loader is None:
            return
        self._pending = True
        generation = self._generation
        self._loader(
            len(self._rows),
            PAGE,
            lambda rows: self._on_page(generation, False, rows),
            lambda e: self._on_error(generation, e),
        )

    def _on_page(self, generation: int, reset: bool, rows: Sequence[Order]) -> None:
        if generation != self._generation:
            return  # an answer for an older filter or sort
        # Still pending while the rows go in: a view (or a model tester) hearing the insert may ask for more, and
        # that page starts after these rows, not among them.
        self._more = len(rows) >= PAGE
        if reset:
            self.set_rows(rows)
        elif rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)  # one more page (_Pages.extend)
            self.endInsertRows()
        self._pending = False
        self.page_loaded.emit(reset)

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._pending = False
            self.load_failed.emit(error)

    @property
    def loading(self) -> bool:
        return self._pending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts on the database by the column's key (ship-by, paid, amount, items, province), then reloads."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.order = Sort(((key, order == Qt.SortOrder.DescendingOrder),))
        self.reload()

    def order_at(self, row: int) -> Order:
        return self.row_at(row)

    def cell(self, order: Order, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(order, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_MESSAGE:
            return "\n".join(_notes(order)) or None
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_ORDER, COL_STATUS):
            return merge_tip(order)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_ORDER:
            return merge_mark(order)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ITEMS:
            return "\n".join(f"{ln.sku}  {ln.title} {ln.spec}  x{ln.qty}" for ln in order.lines)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_FLAG and order.flag in FLAG_COLOURS:
            return QColor(FLAG_COLOURS[order.flag])
        if role == Qt.ItemDataRole.ForegroundRole:
            if not order.status.is_open:
                return QBrush(_CLOSED)
            if col == COL_DEADLINE:
                left = (order.deadline - self._clock()).total_seconds()
                if left < 0:
                    return QBrush(_URGENT)
                if left < 6 * 3600:
                    return QBrush(_SOON)
            if col == COL_STATUS and order.refund_requested:
                return QBrush(_URGENT)
        return None

    def _display(self, order: Order, col: int) -> str | None:
        if col == COL_ORDER:
            return order.order_no
        if col == COL_STATUS:
            text = status_text(order.status) + merge_badge(order)
            return (
                text + QCoreApplication.translate("OrdersTableModel", " · refund requested")
                if order.refund_requested and order.status.is_open
                else text
            )
        if col == COL_DEADLINE:
            local = order.deadline.astimezone(CHINA_TZ).strftime("%m-%d %H:%M")
            if not order.status.is_open:
                return local
            return f"{local}  ({countdown_text(order.deadline, self._clock())})"
        if col == COL_RECEIVER:
            a = order.receiver.address
            return f"{order.receiver.name}  {place_names(a.province, a.city)}"
        if col == COL_ITEMS:
            units = sum(ln.qty for ln in order.lines)
            first = order.lines[0].title if order.lines else ""
            more = (
                QCoreApplication.translate("OrdersTableModel", " +%1 more").replace("%1", str(len(order.lines) - 1))
                if len(order.lines) > 1
                else ""
            )
            pieces = plural(QCoreApplication.translate("OrdersTableModel", "%n pc(s)", None, units), units)
            return f"{first}{more}  ({pieces})"
        if col == COL_MESSAGE:
            return "  ".join(_notes(order))
        if col == COL_TRACKING:
            if not order.tracking_no:
                return ""
            printed = (
                QCoreApplication.translate("OrdersTableModel", " (printed %1×)").replace("%1", str(order.print_count))
                if order.print_count
                else ""
            )
            return f"{order.carrier} {order.tracking_no}{printed}"
        if col == COL_SHOP:
            return order.shop
        if col == COL_PAID:
            return order.paid_at.astimezone(CHINA_TZ).strftime("%m-%d %H:%M")
        if col == COL_AMOUNT:
            return f"¥{order.total}"
        return None

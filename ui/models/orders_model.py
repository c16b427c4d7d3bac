"""Table model of the order workspace: one row per cached order, fetched from the database a page at a time as the
view shows them, never a copy of the table (ui layer).

The model does not read by itself: a `loader(offset, limit, on_done, on_error)` handed in runs the page's query in the
background (the workspace's `read` lane) and calls back on the GUI thread. A reload starts a new generation, so a
page that arrives for an older filter is dropped. Header clicks sort on the database (`sort()`), not in memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.enums import Flag, OrderStatus
from app.domain.merges import merged_orders
from app.domain.order_actions import PRESALE_BALANCE_UNPAID
from app.domain.orders import CHINA_TZ, Order, place_names
from app.services.orders import Sort, SortKey
from ui.core_text import core_text
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
        OrderStatus.AWAITING_PAYMENT: QCoreApplication.translate("OrdersTableModel", "Awaiting payment"),
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


def _held_why(order: Order) -> str:
    """Why an order on hold is held: the seller's reason, or the platform's (a presale's balance not paid yet)."""
    if order.hold_reason:
        return " · " + displayable(order.hold_reason)
    if order.platform_status == PRESALE_BALANCE_UNPAID:
        return QCoreApplication.translate("OrdersTableModel", " · presale: balance not paid")
    return ""


def _numbers_of(page: Sequence[Order]) -> list[str]:
    """The order numbers of a page, without building its orders (a lazy page reads them from its rows)."""
    read = getattr(page, "order_no", None)
    return [read(i) if callable(read) else page[i].order_no for i in range(len(page))]


class OrdersTableModel(RowsTableModel):
    """The list over every order the filter matches, read a page at a time: once the count is known (`set_total`),
    the table has that many rows at once, so the scroll bar spans the whole list and a jump to the end reads only
    the last page; a row not read yet shows a placeholder and asks for its page. At most `KEEP_PAGES` pages of
    orders are held (the least recently shown go first); the order numbers of every page read stay (a selection
    names its orders by them). Without a count (a loader alone), pages are fetched as the view scrolls
    (canFetchMore/fetchMore)."""

    columns = 11
    KEEP_PAGES = 40  # pages of orders held at once: 8,000 rows, a few MB
    page_loaded = Signal(bool)  # a page arrived; True when it replaced the rows (a reload)
    load_failed = Signal(object)  # the error of a page's query
    numbers_ready = Signal()  # order numbers asked for by `ensure_numbers` arrived

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
        self._more = False  # without a count: the last page was full, there may be more
        self._pending = False  # a reload's first page is on its way
        self._generation = 0
        self._count = 0  # rows the table has
        self._total: int | None = None  # the filter's count, once known
        self._next_total: tuple[int, int] | None = None  # a count that came before its reload's first page
        self._pages: OrderedDict[int, Sequence[Order]] = OrderedDict()  # page number -> its orders, last shown last
        self._numbers: dict[int, list[str]] = {}
        self._asked: set[int] = set()
        self.order = Sort()

    # -- rows ------------------------------------------------------------------------------------------------------

    due_soon_hours = 6  # the seller's due-soon hours (the view sets them from the overview)

    def set_rows(self, rows: Sequence[Order]) -> None:
        """Shows exactly `rows` (no loader involved)."""
        self.beginResetModel()
        self._reset_to(rows, len(rows))
        self.endResetModel()

    def _reset_to(self, first: Sequence[Order], total: int | None) -> None:
        self._pages.clear()
        self._numbers.clear()
        self._asked.clear()
        for k in range(0, len(first), PAGE):
            chunk = first[k : k + PAGE]
            self._pages[k // PAGE] = chunk
            self._numbers[k // PAGE] = _numbers_of(chunk)
        self._total = total
        self._count = max(total or 0, len(first))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def _row(self, row: int, ask: bool = True) -> Order | None:
        """The order on `row`, or None while its page is not read (then asked for, unless `ask` is False)."""
        if not 0 <= row < self._count:
            return None
        number, i = divmod(row, PAGE)
        page = self._pages.get(number)
        if page is None:
            if ask:
                self._ask(number)
            return None
        self._pages.move_to_end(number)
        return page[i] if i < len(page) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        order = self._row(index.row())
        if order is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_ORDER:
                known = self.order_no_at(index.row())
                return known if known is not None else "…"
            return None
        return order if role == ROW_ROLE else self.cell(order, index.column(), role)

    def order_at(self, row: int) -> Order:
        """The order on `row`. Raises LookupError while its page is not read (it is then asked for)."""
        order = self._row(row)
        if order is None:
            raise LookupError(row)
        return order

    def order_no_at(self, row: int) -> str | None:
        """The order number on `row` without building the order; None while its page was never read."""
        number, i = divmod(row, PAGE)
        numbers = self._numbers.get(number)
        return numbers[i] if numbers is not None and 0 <= row < self._count and i < len(numbers) else None

    def known_rows(self) -> Iterator[tuple[int, str]]:
        """(row, order number) of every row whose page was read."""
        for number, numbers in self._numbers.items():
            start = number * PAGE
            for i, order_no in enumerate(numbers[: max(self._count - start, 0)]):
                yield start + i, order_no

    def ensure_numbers(self, rows: Sequence[int]) -> bool:
        """True when every row's order number is known; else asks for the pages missing (`numbers_ready` is emitted
        when the last arrives) and returns False."""
        missing = {r // PAGE for r in rows if self.order_no_at(r) is None and 0 <= r < self._count}
        for number in missing:
            self._ask(number)
        return not missing

    @property
    def pages_held(self) -> int:
        """Pages of orders held now (at most KEEP_PAGES, plus the one being shown)."""
        return len(self._pages)

    # -- reading ---------------------------------------------------------------------------------------------------

    def set_loader(self, loader: Loader) -> None:
        self._loader = loader

    def reload(self) -> int:
        """Reads the first page again (a filter, a sort or the data changed); rows stay until it arrives. Returns the
        reload's generation, for `set_total`."""
        self._generation += 1
        if self._loader is None:
            return self._generation
        self._pending = True
        generation = self._generation
        self._loader(0, PAGE, lambda rows: self._on_page(generation, 0, rows), lambda e: self._on_error(generation, e))
        return generation

    def set_total(self, generation: int, total: int) -> None:
        """The count of the reload `generation`'s filter: the table then has that many rows."""
        if generation != self._generation:
            return  # the count of an older filter
        if self._pending:
            self._next_total = (generation, total)  # its first page is still on the way
            return
        self._total = total
        self._more = False
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:
            self.beginRemoveRows(QModelIndex(), total, self._count - 1)
            self._count = total
            last = (total - 1) // PAGE if total else -1
            for number in [n for n in self._pages if n > last]:
                del self._pages[number]
            self.endRemoveRows()

    def _ask(self, number: int) -> None:
        if number in self._asked or self._loader is None or self._pending:
            return
        self._asked.add(number)
        generation = self._generation
        self._loader(
            number * PAGE,
            PAGE,
            lambda rows: self._on_page(generation, number, rows),
            lambda e: self._on_error(generation, e),
        )

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return (
            not parent.isValid()
            and self._loader is not None
            and self._total is None
            and self._more
            and not self._pending
            and not self._asked
        )

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._ask(self._count // PAGE)

    def _on_page(self, generation: int, number: int, rows: Sequence[Order]) -> None:
        if generation != self._generation:
            return  # an answer for an older filter or sort
        if number == 0 and self._pending:
            # Still pending while the rows go in: a view (or a model tester) hearing the reset may ask for more, and
            # that page starts after these rows, not among them.
            total = self._next_total[1] if self._next_total and self._next_total[0] == generation else None
            self._next_total = None
            self.beginResetModel()
            self._reset_to(rows, total)
            self._more = total is None and len(rows) >= PAGE
            self.endResetModel()
            self._pending = False
            self.page_loaded.emit(True)
            return
        self._asked.discard(number)
        start = number * PAGE
        self._pages[number] = rows
        self._numbers[number] = _numbers_of(rows)
        if self._total is None:  # fetching as the view scrolls: the page adds rows
            self._more = len(rows) >= PAGE
            if start + len(rows) > self._count:
                self.beginInsertRows(QModelIndex(), self._count, start + len(rows) - 1)
                self._count = start + len(rows)
                self.endInsertRows()
        elif rows:
            last = min(start + len(rows), self._count) - 1
            if last >= start:
                self.dataChanged.emit(self.index(start, 0), self.index(last, self.columns - 1))
        while len(self._pages) > self.KEEP_PAGES:
            self._pages.popitem(last=False)  # the page shown longest ago
        self.page_loaded.emit(False)
        if not self._asked:
            self.numbers_ready.emit()

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._pending = False
            self._asked.clear()
            self.load_failed.emit(error)

    @property
    def loading(self) -> bool:
        return self._pending or bool(self._asked)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts on the database by the column's key (ship-by, paid, amount, items, province), then reloads."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.order = Sort(((key, order == Qt.SortOrder.DescendingOrder),))
        total = self._total
        generation = self.reload()
        if total is not None:  # the same orders in another order: the count stands
            self.set_total(generation, total)

    def cell(self, order: Order, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(order, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_MESSAGE:
            return "\n".join(_notes(order)) or None
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_ORDER, COL_STATUS):
            stop = core_text(order.extra["stopped"]) if col == COL_STATUS and "stopped" in order.extra else None
            tips = [t for t in (stop, merge_tip(order)) if t]  # the stop (carrier, region, dates, note); the merge
            return "\n".join(tips) or None
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
                if left < self.due_soon_hours * 3600:
                    return QBrush(_SOON)
            if col == COL_STATUS and (order.refund_requested or "stopped" in order.extra):
                return QBrush(_URGENT)
        return None

    def _display(self, order: Order, col: int) -> str | None:
        if col == COL_ORDER:
            return order.order_no
        if col == COL_STATUS:
            text = status_text(order.status) + merge_badge(order)
            if order.refund_requested and order.status.is_open:
                text += QCoreApplication.translate("OrdersTableModel", " · refund requested")
            if "stopped" in order.extra:
                text += QCoreApplication.translate("OrdersTableModel", " · carrier stopped")
            if order.status is OrderStatus.ON_HOLD:
                text += _held_why(order)
            return text
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
            # %1: the other lines, %2: all of them (Chinese counts them all: "等3种" is three kinds in the order).
            more = (
                QCoreApplication.translate("OrdersTableModel", " +%1 more")
                .replace("%1", str(len(order.lines) - 1))
                .replace("%2", str(len(order.lines)))
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

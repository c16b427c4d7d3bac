"""Table model of the order list: one row per cached order, most urgent first (ui layer)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.enums import Flag, OrderStatus
from app.domain.orders import CHINA_TZ, Order, place_names
from ui.models.rows_model import ROW_ROLE, RowsTableModel
from ui.plurals import plural
from ui.text import displayable

COL_FLAG, COL_ORDER, COL_STATUS, COL_DEADLINE, COL_RECEIVER, COL_ITEMS, COL_MESSAGE, COL_TRACKING, COL_SHOP = range(9)
ORDER_ROLE = ROW_ROLE

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


class OrdersTableModel(RowsTableModel):
    columns = 9

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
        )

    def __init__(self, parent: Any = None, clock: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now(UTC))

    def order_at(self, row: int) -> Order:
        return self.row_at(row)

    def cell(self, order: Order, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(order, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_MESSAGE:
            return "\n".join(_notes(order)) or None
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
            text = status_text(order.status)
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
        return None

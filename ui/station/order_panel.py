"""The open order on the station panel: its header, the notes, the lines with their counts and pictures (ui layer).

A helper that owns these widgets (children of the panel, laid out by it) and fills them from a snapshot.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHeaderView, QLabel, QTableView, QWidget

from app.domain.orders import CHINA_TZ, Order
from app.services.images import ImageCache
from app.station.screens import StationSnapshot
from ui.models.orders_model import FLAG_COLOURS, countdown_text
from ui.models.pack_lines_model import COL_PICTURE, COL_PROGRESS, COL_SKU, PackLine, PackLinesModel
from ui.station.painted import PICTURE_PX, PICTURE_ROW_PX, ROW_PX, NotesLabel, load_picture
from ui.tasks import TaskRunner
from ui.text import displayable

translate = QCoreApplication.translate  # texts keep the context "StationView", where the panel said them first


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


class OrderPanel:
    """The order's header grid (`info`), its notes and its lines table, children of `parent`."""

    def __init__(self, parent: QWidget) -> None:
        self.info = QFrame(parent)
        self.info.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self.info)
        self.order_label = QLabel(self.info)
        self.receiver_label = QLabel(self.info)
        self.deadline_label = QLabel(self.info)
        self.flag_label = QLabel(self.info)
        self.progress_label = QLabel(self.info)
        for w in (self.order_label, self.receiver_label, self.deadline_label, self.flag_label, self.progress_label):
            w.setFont(_font(13))
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flag_label.setTextFormat(Qt.TextFormat.PlainText)  # rich text would build a document per order
        self.progress_label.setFont(_font(28, bold=True))
        self.flag_label.setFont(_font(20))
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.order_label, 0, 0)
        grid.addWidget(self.flag_label, 0, 1)
        grid.addWidget(self.progress_label, 0, 2, 2, 1)
        grid.addWidget(self.receiver_label, 1, 0)
        grid.addWidget(self.deadline_label, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)

        self.notes = NotesLabel(parent)
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.notes.setFont(_font(15))

        self.lines_model = PackLinesModel(parent)
        self.lines_view = QTableView(parent)
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.verticalHeader().setVisible(False)
        self.lines_view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PICTURE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_PICTURE, PICTURE_PX + 12)
        # Sized once per order, not on every scan: ResizeToContents would measure every row again on each scan and
        # repaint the whole table when "9 / 10" becomes "10 / 10".
        header.setSectionResizeMode(COL_SKU, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_PROGRESS, QHeaderView.ResizeMode.Fixed)
        self.lines_view.setIconSize(QSize(PICTURE_PX, PICTURE_PX))
        self.lines_view.setFont(_font(14))
        self.lines_view.verticalHeader().setDefaultSectionSize(ROW_PX)
        self._shown: Order | None | bool = False  # the order on show (False: nothing shown yet)
        self.deadline: datetime | None = None

    def show(self, order: Order | None, snap: StationSnapshot) -> bool:
        """Shows `order` with the counts of `snap`; True when it is a different order than before (its pictures are
        then to be asked for)."""
        if order is None:
            self.order_label.setText(translate("StationView", "No order open"))
            for w in (self.receiver_label, self.deadline_label, self.flag_label, self.progress_label):
                w.setText("")
            self.notes.hide()
            self.lines_model.set_rows([])
            if self._shown is not None:
                self._size_columns(None)
            self._shown, self.deadline = None, None
            return False
        fresh = self._shown is not order  # the header changes only with the order
        if fresh:
            self._shown = order
            self._show_header(order)
            self._size_columns(order)
        last_sku = snap.events[-1].sku if snap.events else None
        rows = [
            PackLine(
                ln.sku,
                ln.title,
                ln.spec,
                ln.units if ln.packable else ln.qty,  # a split parcel: its units of the line
                snap.scanned.get(ln.sku, 0) if ln.packable else 0,
                refunded=not ln.packable,
                image=ln.image,
            )
            for ln in order.lines
            if ln.packable
            or (ln.refund.blocks_shipping and not ln.shipped)  # not what left or waits for a later parcel
        ]
        self.lines_model.set_rows(rows, last_sku)
        done = sum(snap.scanned.values())
        total = sum(ln.units for ln in order.lines if ln.packable)
        self.progress_label.setText(f"{done} / {total}")
        return fresh

    def _show_header(self, order: Order) -> None:
        self.order_label.setText(
            translate("StationView", "Order %1 · %2").replace("%1", order.order_no).replace("%2", order.shop)
        )
        a = order.receiver.address
        self.receiver_label.setText(
            f"{order.receiver.name}  {order.receiver.phone}  {a.province}"
            f"{'' if a.city == a.province else a.city}{a.district}"
        )
        self.deadline = order.deadline
        self.refresh_countdown()
        colour = FLAG_COLOURS.get(order.flag)
        if colour:
            palette = self.flag_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            self.flag_label.setPalette(palette)
        self.flag_label.setText("⚑" if colour else "")
        notes = []
        if order.buyer_message:
            notes.append(translate("StationView", "Buyer message: %1").replace("%1", displayable(order.buyer_message)))
        if order.memo:
            notes.append(translate("StationView", "Seller memo: %1").replace("%1", displayable(order.memo)))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _size_columns(self, order: Order | None) -> None:
        """SKU and count columns as wide as this order needs (the count for its largest quantity), or as their
        titles with no order open."""
        lines = order.lines if order is not None else ()
        header = self.lines_view.horizontalHeader()
        metrics = QFontMetrics(self.lines_view.font())
        pad = 24
        header_font = QFontMetrics(header.font())
        sku_text = max((ln.sku for ln in lines), key=metrics.horizontalAdvance, default="")
        sku_title = self.lines_model.headerData(COL_SKU, Qt.Orientation.Horizontal)
        header.resizeSection(
            COL_SKU, max(metrics.horizontalAdvance(sku_text), header_font.horizontalAdvance(sku_title)) + pad
        )
        bold = QFont(self.lines_view.font())
        bold.setBold(True)
        most = max((ln.qty for ln in lines), default=1)
        widest = QFontMetrics(bold).horizontalAdvance(f"{most} / {most}")
        refund = (
            QFontMetrics(bold).horizontalAdvance(QCoreApplication.translate("PackLinesModel", "refund: do not pack"))
            if any(not ln.packable for ln in lines)
            else 0
        )
        title = header_font.horizontalAdvance(self.lines_model.headerData(COL_PROGRESS, Qt.Orientation.Horizontal))
        header.resizeSection(COL_PROGRESS, max(widest, refund, title) + pad)

    def load_pictures(self, order: Order, images: ImageCache | None, tasks: TaskRunner) -> None:
        """Asks the network lane for the pictures of `order`'s lines; each shows when it arrives."""
        urls = {ln.image for ln in order.lines if ln.image}
        self.lines_view.verticalHeader().setDefaultSectionSize(PICTURE_ROW_PX if urls else ROW_PX)
        self.lines_model.forget_pictures(keep=urls)
        if images is None:
            return
        for url in urls - {u for u in urls if self.lines_model.has_picture(u)}:
            tasks.run(
                partial(load_picture, images, url),
                partial(self._on_picture, url),
                partial(self._on_picture, url, None),  # no picture: the line shows without one
                lane="pictures",
            )

    def _on_picture(self, url: str, image: QImage | None, _error: BaseException | None = None) -> None:
        if isinstance(image, QImage):
            self.lines_model.set_picture(url, QPixmap.fromImage(image))

    def refresh_countdown(self) -> None:
        """The ship-by time and what is left of it (every 30 s)."""
        if self.deadline is None:
            return
        local = self.deadline.astimezone(CHINA_TZ).strftime("%m-%d %H:%M")
        self.deadline_label.setText(
            translate("StationView", "Ship by %1 (%2)")
            .replace("%1", local)
            .replace("%2", countdown_text(self.deadline, datetime.now(UTC)))
        )

"""The dashboard: where the backlog is, from the history's roll-ups (ui layer).

A date range (today, 7 days, 30 days, this month, or chosen days) and a shop; the figures of
app.services.reports come through the façade (`Desk.report`) on the TaskRunner's `report` lane, so a load never holds
up a scan at the bench nor the order workspace, and the tab says it is loading meanwhile. The suggestions are stated
at the top; the charts are drawn with pyqtgraph in the window's palette. Clicking a day, a SKU, a shop or a carrier
asks (`open_orders`) for the order workspace with the matching filter: the keywords of OrdersView.apply_filter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.orders import CHINA_TZ
from app.domain.reports import Durations, Processing, Report
from ui.core_text import core_text
from ui.ops import Changes, Ops, QueryOp

BLUE, GREEN, GREY, ORANGE, RED, LIGHT_BLUE = "#1565c0", "#2e7d32", "#9e9e9e", "#e65100", "#c62828", "#90caf9"
TOP_SKUS = 10
STALE_MS = 3000  # after orders change, how long the shown figures wait before loading again (a burst asks once)
PRESETS = ("today", "7", "30", "month", "custom")


def china_today(clock: Callable[[], datetime]) -> date:
    return clock().astimezone(CHINA_TZ).date()


def preset_range(preset: str, today: date) -> tuple[date, date] | None:
    """The days a preset covers, ending today (China time); None for custom."""
    if preset == "today":
        return today, today
    if preset in ("7", "30"):
        return today - timedelta(days=int(preset) - 1), today
    if preset == "month":
        return today.replace(day=1), today
    return None


def _hours(value: float | None) -> str:
    return "–" if value is None else QCoreApplication.translate("DashboardView", "%1 h").replace("%1", f"{value:g}")


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


class _Plot(pg.PlotWidget):
    """A chart in the window's palette and font; `clicked(x, y)` in data coordinates when the plot area is clicked."""

    clicked = Signal(float, float)

    def __init__(self, parent: QWidget) -> None:
        palette = parent.palette()
        super().__init__(parent, background=palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        font = QFont(parent.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() - 2))
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(x=False, y=True, alpha=0.15)
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
            axis.setTextPen(pg.mkPen(text))
            axis.setStyle(tickFont=font)
        self.setMinimumHeight(220)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def _on_scene_clicked(self, event: Any) -> None:
        box = self.getViewBox()
        if event.button() != Qt.MouseButton.LeftButton or not box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = box.mapSceneToView(event.scenePos())
        self.clicked.emit(point.x(), point.y())

    def view_pos(self, x: float, y: float) -> Any:
        """Where the data point (x, y) is on the widget's viewport (tests click there)."""
        return self.mapFromScene(self.getViewBox().mapViewToScene(QPointF(x, y)))


class DashboardView(QWidget):
    report_loaded = Signal(object)  # Report
    open_orders = Signal(dict)  # OrdersView.apply_filter keywords

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.report: Report | None = None
        self.loading = False
        self._again = False  # the choices changed while a load ran: load again when it ends
        self._loaded_once = False
        self._backlog_skus: list[str] = []
        pg.setConfigOptions(antialias=True)

        # -- the range and the shop ----------------------------------------------------------------------------------
        self.range_combo = QComboBox(self)
        for text, preset in zip(
            (
                self.tr("Today"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("This month"),
                self.tr("Custom"),
            ),
            PRESETS,
            strict=True,
        ):
            self.range_combo.addItem(text, preset)
        self.range_combo.setCurrentIndex(2)
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-29), self)
        self.to_edit = QDateEdit(today, self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.shop_combo = QComboBox(self)
        self.shop_combo.addItem(self.tr("All shops"), None)
        self.shop_combo.setMinimumContentsLength(12)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.status_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Days:"), self))
        bar.addWidget(self.range_combo)
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.to_edit)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Shop:"), self))
        bar.addWidget(self.shop_combo)
        bar.addWidget(self.refresh_button)
        bar.addSpacing(12)
        bar.addWidget(self.status_label, 1)

        # -- suggestions and headline figures ------------------------------------------------------------------------
        self.suggestions_label = QLabel(self)
        self.suggestions_label.setWordWrap(True)
        self.suggestions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestions_label.setObjectName("suggestions")
        self.suggestions_label.setStyleSheet(
            "QLabel#suggestions { background: #fff8e1; border: 1px solid #ffe082; padding: 6px; }"
        )
        self.headline_label = QLabel(self)
        self.headline_label.setWordWrap(True)

        # -- charts and tables ---------------------------------------------------------------------------------------
        self.trend_plot = _Plot(self)
        self.backlog_plot = _Plot(self)
        self.steps_plot = _Plot(self)
        self.steps_plot.getAxis("bottom").setHeight(44)  # two lines: the step and its share within 24 h
        self.day_plot = _Plot(self)
        for plot in (self.trend_plot, self.steps_plot, self.day_plot):
            legend = plot.addLegend(
                offset=(-10, 2), colCount=4, labelTextColor=self.palette().color(QPalette.ColorRole.Text)
            )
            legend.setBrush(pg.mkBrush(255, 255, 255, 210))
        self.paid_heat = _Plot(self)
        self.packed_heat = _Plot(self)
        for heat in (self.paid_heat, self.packed_heat):
            heat.getViewBox().invertY(True)
            heat.showGrid(x=False, y=False)
            heat.setMinimumHeight(200)
        self._build_charts()
        self.who_table = self._table(
            [self.tr("Shop or packer"), self.tr("Shipped"), self.tr("Median"), self.tr("90%"),
             self.tr("Within 24 h"), self.tr("By the deadline")]
        )  # fmt: skip
        self.errors_table = self._table(
            [self.tr("Packer"), self.tr("Packed"), self.tr("Wrong item"), self.tr("Over-scan"),
             self.tr("Intercepted"), self.tr("Unknown code")]
        )  # fmt: skip
        self.carriers_table = self._table([self.tr("Shop"), self.tr("Carrier"), self.tr("Waybills")])

        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._place(grid, 0, 0, self.tr("Unshipped orders by day (click a day: the orders paid that day)"),
                    self.trend_plot, span=2)  # fmt: skip
        backlog = self.tr("Backlog by product: waiting units, oldest wait (red: 48 h or more; click: the SKU's orders)")
        self._place(grid, 2, 0, backlog, self.backlog_plot)
        self._place(grid, 2, 1, self.tr("Processing time (hours)"), self.steps_plot)
        self._place(grid, 4, 0, self.tr("Paid to shipped by day (hours)"), self.day_plot)
        self._place(grid, 4, 1, self.tr("Processing time by shop and by packer (click a shop: its orders)"),
                    self.who_table)  # fmt: skip
        self._place(grid, 6, 0, self.tr("Orders paid by weekday and hour"), self.paid_heat)
        self._place(grid, 6, 1, self.tr("Parcels packed by weekday and hour"), self.packed_heat)
        self._place(grid, 8, 0, self.tr("Errors caught at the bench, per packer"), self.errors_table)
        self._place(grid, 8, 1, self.tr("Waybills per carrier and shop (click: those orders)"), self.carriers_table)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(self.suggestions_label)
        column.addWidget(self.headline_label)
        column.addLayout(grid)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        self.body = body
        body.setEnabled(False)  # nothing to click until the first figures arrive
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        self.range_combo.currentIndexChanged.connect(self._on_range_combo_current_index_changed)
        self.from_edit.dateChanged.connect(self._on_date_edit_changed)
        self.to_edit.dateChanged.connect(self._on_date_edit_changed)
        self.shop_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.trend_plot.clicked.connect(self._on_trend_plot_clicked)
        self.backlog_plot.clicked.connect(self._on_backlog_plot_clicked)
        self.who_table.cellClicked.connect(self._on_who_table_cell_clicked)
        self.carriers_table.cellClicked.connect(self._on_carriers_table_cell_clicked)
        self._set_range_edits()
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(STALE_MS)
        self._stale_timer.timeout.connect(self._on_stale_timer_timeout)
        ops.hub.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        """Orders changed (a sync, a scan, a batch): the shown figures are loaded again a little later, once for a
        burst; a hidden tab loads when it is shown (the window asks)."""
        if changes.orders and self._loaded_once and self.isVisible():
            self._stale_timer.start()

    def _on_stale_timer_timeout(self) -> None:
        if self.isVisible():
            self.reload()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(200)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return table

    def _place(self, grid: QGridLayout, row: int, col: int, title: str, widget: QWidget, span: int = 1) -> None:
        label = QLabel(title, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        grid.addWidget(label, row, col, 1, span)
        grid.addWidget(widget, row + 1, col, 1, span)

    # -- the choices ---------------------------------------------------------------------------------------------

    def today(self) -> date:
        return china_today(self.ops.desk.clock)

    def chosen_range(self) -> tuple[date, date]:
        days = preset_range(self.range_combo.currentData(), self.today())
        if days is not None:
            return days
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def chosen_shop(self) -> str | None:
        return self.shop_combo.currentData()

    def set_range(self, preset: str, date_from: date | None = None, date_to: date | None = None) -> None:
        """Chooses a preset (or "custom" with its days) and loads."""
        if preset == "custom" and date_from is not None and date_to is not None:
            for edit, day in ((self.from_edit, date_from), (self.to_edit, date_to)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        index = self.range_combo.findData(preset)
        if index == self.range_combo.currentIndex():
            self._set_range_edits()
            self.reload()
        else:
            self.range_combo.setCurrentIndex(index)

    def set_shop(self, name: str | None) -> None:
        """Chooses a shop (None: all) and loads."""
        index = self.shop_combo.findData(name)
        if index < 0:
            self.shop_combo.addItem(str(name), name)
            index = self.shop_combo.count() - 1
        self.shop_combo.setCurrentIndex(index)

    def _set_range_edits(self) -> None:
        custom = self.range_combo.currentData() == "custom"
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(custom)
        if not custom:
            first, last = self.chosen_range()
            for edit, day in ((self.from_edit, first), (self.to_edit, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)

    def _on_range_combo_current_index_changed(self, _index: int) -> None:
        self._set_range_edits()
        self.reload()

    def _on_date_edit_changed(self, _day: QDate) -> None:
        if self.range_combo.currentData() == "custom":
            self.reload()

    # -- loading -------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Loads the chosen days' figures in the background (a load already running is followed by one more)."""
        if self.loading:
            self._again = True
            return
        self.loading, self._again = True, False
        (first, last), shop = self.chosen_range(), self.chosen_shop()
        self.status_label.setStyleSheet("color: #37474f;")
        self.status_label.setText(self.tr("Loading the figures…"))
        QueryOp(self.ops, self, op=lambda desk: desk.report(first, last, shop), success=self._on_report_loaded).failure(
            self._on_report_failed
        ).run_in_background(lane="report")
        if not self._loaded_once:
            QueryOp(self.ops, self, op=lambda desk: desk.shops(), success=self._on_shops_loaded).failure(
                lambda _e: None
            ).run_in_background(lane="read")

    def _finish_load(self) -> bool:
        self.loading = False
        if self._again:
            self.reload()
            return False
        return True

    def _on_shops_loaded(self, shops: list[Any]) -> None:
        for shop in shops:
            if self.shop_combo.findData(shop.name) < 0:
                self.shop_combo.addItem(shop.name, shop.name)

    def _on_report_failed(self, error: BaseException) -> None:
        if self._finish_load():
            self.status_label.setStyleSheet(f"color: {RED}; font-weight: bold;")
            self.status_label.setText(core_text(error))

    def _on_report_loaded(self, report: Report) -> None:
        if not self._finish_load():
            return  # the choices changed meanwhile: the next load shows them
        self._loaded_once = True
        self.report = report
        self.status_label.setStyleSheet("color: #37474f;")
        self.status_label.setText(
            self.tr("%1 to %2, as of %3")
            .replace("%1", report.date_from.isoformat())
            .replace("%2", report.date_to.isoformat())
            .replace("%3", report.as_of.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M"))
        )
        self.show_report(report)
        self.body.setEnabled(True)
        self.report_loaded.emit(report)

    # -- showing -------------------------------------------------------------------------------------------------

    def show_report(self, report: Report) -> None:
        if report.suggestions:
            self.suggestions_label.setText("\n".join(f"• {core_text(s.message)}" for s in report.suggestions))
        else:
            self.suggestions_label.setText(self.tr("Nothing to act on in these days."))
        p = report.processing
        waiting = report.trend[-1].waiting_end if report.trend else 0
        self.headline_label.setText(
            self.tr(
                "Waiting at the end: %1 · paid: %2 · shipped: %3 · cancelled: %4 · paid to shipped: median %5, "
                "90% %6 · shipped within 24 h: %7 · by the deadline: %8"
            )  # fmt: skip
            .replace("%1", str(waiting))
            .replace("%2", str(sum(d.new for d in report.trend)))
            .replace("%3", str(sum(d.shipped for d in report.trend)))
            .replace("%4", str(sum(d.cancelled for d in report.trend)))
            .replace("%5", _hours(p.paid_to_shipped.p50_h))
            .replace("%6", _hours(p.paid_to_shipped.p90_h))
            .replace("%7", _share(p.paid_to_shipped.within_24h_share))
            .replace("%8", _share(p.within_deadline_share))
        )
        self._show_trend(report)
        self._show_backlog(report)
        self._show_steps(p)
        self._show_days(report)
        self._show_who(report)
        self._show_peaks(report)
        self._show_errors(report)
        self._show_carriers(report)

    @staticmethod
    def _day_ticks(days: list[date]) -> list[tuple[int, str]]:
        stride = max(1, -(-len(days) // 12))
        return [(i, d.strftime("%m-%d")) for i, d in enumerate(days) if i % stride == 0]

    def _build_charts(self) -> None:
        """The charts' items, made once: a load updates their data (pyqtgraph items removed while a legend or a
        paint still holds them are how a chart crashes)."""
        self._trend_bars = [
            self._bars(self.trend_plot, colour, name)
            for colour, name in ((BLUE, self.tr("Paid")), (GREEN, self.tr("Shipped")), (GREY, self.tr("Cancelled")))
        ]
        self._trend_line = self.trend_plot.plot(
            [], [], pen=pg.mkPen(ORANGE, width=2.5), symbol="o", symbolSize=5, symbolBrush=ORANGE, symbolPen=None,
            name=self.tr("Waiting at day's end"),
        )  # fmt: skip
        self.backlog_plot.getViewBox().invertY(True)
        self._backlog_bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], pen=pg.mkPen(None))
        self.backlog_plot.addItem(self._backlog_bars)
        self._backlog_labels: list[pg.TextItem] = []
        self._step_bars = [
            self._bars(self.steps_plot, colour, name)
            for colour, name in ((BLUE, self.tr("Median")), (LIGHT_BLUE, self.tr("90% within")))
        ]
        self._day_lines = [
            self.day_plot.plot(
                [],
                [],
                pen=pg.mkPen(colour, width=2),
                symbol="o",
                symbolSize=5,
                symbolBrush=colour,
                symbolPen=None,
                name=name,
                connect="finite",
            )  # fmt: skip
            for colour, name in ((BLUE, self.tr("Median")), (ORANGE, self.tr("90% within")))
        ]
        self._heat_images = []
        for plot, colour in ((self.paid_heat, BLUE), (self.packed_heat, GREEN)):
            cmap = pg.ColorMap([0.0, 1.0], [QColor("#ffffff"), QColor(colour)])
            image = pg.ImageItem(np.zeros((7, 24)), axisOrder="row-major", lut=cmap.getLookupTable(nPts=256))
            image.setRect(-0.5, -0.5, 24, 7)
            plot.addItem(image)
            self._heat_images.append(image)

    @staticmethod
    def _bars(plot: _Plot, colour: str, name: str) -> pg.BarGraphItem:
        bars = pg.BarGraphItem(x=[], height=[], width=0.3, brush=colour, pen=pg.mkPen(None))
        plot.addItem(bars)
        plot.getPlotItem().legend.addItem(bars, name)
        return bars

    def _show_trend(self, report: Report) -> None:
        days = [d.date for d in report.trend]
        x = np.arange(len(days), dtype=float)
        width = 0.26
        for bars, offset, values in zip(
            self._trend_bars,
            (-width, 0.0, width),
            ([d.new for d in report.trend], [d.shipped for d in report.trend], [d.cancelled for d in report.trend]),
            strict=True,
        ):
            bars.setOpts(x=x + offset, height=values, width=width)
        self._trend_line.setData(x, [d.waiting_end for d in report.trend])
        plot = self.trend_plot
        plot.getAxis("bottom").setTicks([self._day_ticks(days)])
        plot.setXRange(-0.6, max(len(days) - 0.4, 0.6), padding=0)
        top = max([max(d.new, d.shipped, d.cancelled, d.waiting_end) for d in report.trend] + [1])
        plot.setYRange(0, top * 1.35, padding=0)  # room for the legend above the bars

    def _show_backlog(self, report: Report) -> None:
        plot = self.backlog_plot
        top = list(report.by_product[:TOP_SKUS])
        self._backlog_skus = [p.sku for p in top]
        brushes = [pg.mkBrush(RED if p.oldest_hours >= 48 else ORANGE if p.oldest_hours >= 24 else BLUE) for p in top]
        self._backlog_bars.setOpts(
            x0=0, y=np.arange(len(top), dtype=float), width=[p.waiting_units for p in top], brushes=brushes
        )
        for label in self._backlog_labels:
            plot.removeItem(label)
        self._backlog_labels = []
        most = max([p.waiting_units for p in top] + [1])
        for i, p in enumerate(top):
            label = pg.TextItem(
                self.tr("%1 · oldest %2").replace("%1", str(p.waiting_units)).replace("%2", _hours(p.oldest_hours)),
                color=self.palette().color(QPalette.ColorRole.Text),
                anchor=(0, 0.5),
            )
            label.setFont(self._small_font())
            label.setPos(p.waiting_units + most * 0.01, i)
            plot.addItem(label)
            self._backlog_labels.append(label)
        plot.setXRange(0, most * 1.45, padding=0)
        plot.getAxis("left").setTicks([[(i, sku) for i, sku in enumerate(self._backlog_skus)]])
        plot.setYRange(-0.6, max(len(top) - 0.4, 0.6), padding=0)

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() - 2))
        return font

    def _show_steps(self, p: Processing) -> None:
        steps: list[tuple[str, Durations]] = [
            (self.tr("Paid → printed"), p.paid_to_printed),
            (self.tr("Printed → shipped"), p.printed_to_shipped),
            (self.tr("Paid → shipped"), p.paid_to_shipped),
        ]
        x = np.arange(len(steps), dtype=float)
        for bars, offset, values in zip(
            self._step_bars,
            (-0.18, 0.18),
            ([d.p50_h or 0 for _, d in steps], [d.p90_h or 0 for _, d in steps]),
            strict=True,
        ):
            bars.setOpts(x=x + offset, height=values, width=0.34)
        plot = self.steps_plot
        within = self.tr("within 24 h: %1")
        plot.getAxis("bottom").setTicks(
            [[(i, f"{name}\n{within.replace('%1', _share(d.within_24h_share))}") for i, (name, d) in enumerate(steps)]]
        )
        plot.setXRange(-0.6, len(steps) - 0.4, padding=0)
        plot.setYRange(0, max([d.p90_h or 0 for _, d in steps] + [1]) * 1.35, padding=0)

    def _show_days(self, report: Report) -> None:
        days = [d.date for d in report.processing_by_day]
        x = np.arange(len(days), dtype=float)
        for line, values in zip(
            self._day_lines,
            ([d.paid_to_shipped_p50_h for d in report.processing_by_day],
             [d.paid_to_shipped_p90_h for d in report.processing_by_day]),
            strict=True,
        ):  # fmt: skip
            y = np.array([np.nan if v is None else v for v in values], dtype=float)
            shown = ~np.isnan(y)
            if shown.any():  # a gap where a day shipped nothing
                line.setData(x, y)
            else:  # pyqtgraph cannot bound a line of gaps only
                line.setData([], [])
        plot = self.day_plot
        plot.getAxis("bottom").setTicks([self._day_ticks(days)])
        plot.setXRange(-0.6, max(len(days) - 0.4, 0.6), padding=0)
        most = [d.paid_to_shipped_p90_h or 0 for d in report.processing_by_day] + [1]
        plot.setYRange(0, max(most) * 1.35, padding=0)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]], keys: list[Any]) -> None:
        table.setRowCount(len(rows))
        for r, (row, key) in enumerate(zip(rows, keys, strict=True)):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, key)
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)

    def _show_who(self, report: Report) -> None:
        rows, keys = [], []
        for kind, name, p in [("shop", b.key, b.processing) for b in report.processing_by_shop] + [
            ("packer", f.packer, f.processing) for f in report.by_packer if f.processing.shipped
        ]:
            label = (
                self.tr("Shop: %1").replace("%1", name)
                if kind == "shop"
                else self.tr("Packer: %1").replace("%1", name or self.tr("(off the bench)"))
            )
            rows.append([
                label, str(p.shipped), _hours(p.paid_to_shipped.p50_h), _hours(p.paid_to_shipped.p90_h),
                _share(p.paid_to_shipped.within_24h_share), _share(p.within_deadline_share),
            ])  # fmt: skip
            keys.append({"shop": name} if kind == "shop" else None)
        self._fill(self.who_table, rows, keys)

    def _show_peaks(self, report: Report) -> None:
        paid = np.zeros((7, 24))
        packed = np.zeros((7, 24))
        for peak in report.peaks:
            paid[peak.weekday, peak.hour] += peak.paid
            packed[peak.weekday, peak.hour] += peak.packed
        weekdays = [
            self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
            self.tr("Sun"),
        ]  # fmt: skip
        for plot, image, values in ((self.paid_heat, self._heat_images[0], paid),
                                    (self.packed_heat, self._heat_images[1], packed)):  # fmt: skip
            top = max(float(values.max()), 1.0)
            image.setImage(values, levels=(0, top))
            image.setRect(-0.5, -0.5, 24, 7)
            plot.getAxis("left").setTicks([[(i, name) for i, name in enumerate(weekdays)]])
            plot.getAxis("bottom").setTicks([[(h, f"{h:02d}") for h in range(0, 24, 3)]])
            plot.setXRange(-0.5, 23.5, padding=0)
            plot.setYRange(-0.5, 6.5, padding=0)
            plot.setToolTip(self.tr("Darkest: %1 in one hour").replace("%1", f"{top:g}"))

    def _show_errors(self, report: Report) -> None:
        bench = [f for f in report.by_packer if f.packer]
        self._fill(
            self.errors_table,
            [[f.packer, str(f.packed), str(f.wrong_item), str(f.over_scan), str(f.intercepted), str(f.unknown_code)]
             for f in bench],
            [None] * len(bench),
        )  # fmt: skip

    def _show_carriers(self, report: Report) -> None:
        self._fill(
            self.carriers_table,
            [[c.shop, c.carrier, str(c.waybills)] for c in report.carriers],
            [{"shop": c.shop, "carrier": c.carrier} for c in report.carriers],
        )

    # -- click-through -------------------------------------------------------------------------------------------

    def _in_range(self) -> dict[str, Any]:
        """The shown days and shop as workspace keywords (orders paid in the range)."""
        assert self.report is not None
        typed: dict[str, Any] = {
            "paid_from": self.report.date_from.isoformat(),
            "paid_to": self.report.date_to.isoformat(),
        }
        if self.report.shop:
            typed["shop"] = self.report.shop
        return typed

    def _on_trend_plot_clicked(self, x: float, _y: float) -> None:
        if self.report is None:
            return
        index = round(x)
        if 0 <= index < len(self.report.trend):
            day = self.report.trend[index].date.isoformat()
            self.open_orders.emit({**self._in_range(), "paid_from": day, "paid_to": day})

    def _on_backlog_plot_clicked(self, _x: float, y: float) -> None:
        index = round(y)
        if self.report is not None and 0 <= index < len(self._backlog_skus):
            typed: dict[str, Any] = {"status": "awaiting_shipment", "search": self._backlog_skus[index]}
            if self.report.shop:
                typed["shop"] = self.report.shop
            self.open_orders.emit(typed)

    def _on_who_table_cell_clicked(self, row: int, _col: int) -> None:
        key = self.who_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if key:
            self.open_orders.emit({**self._in_range(), **key})

    def _on_carriers_table_cell_clicked(self, row: int, _col: int) -> None:
        key = self.carriers_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if key:
            self.open_orders.emit({**self._in_range(), **key})

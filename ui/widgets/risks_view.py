"""After dispatch (ui layer): the parcels at risk (no pickup, no movement, returned, signed for by someone else) with
the selected parcel's route and a one-click delay or apology notice to its buyer, and the bad-review alerts.

Refresh reads the routes and the new ratings from the platform on the network lane (the window's background sync
round does the same every half hour, app.facade.Desk.sync).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.orders import CHINA_TZ
from app.domain.parcel_risk import describe
from ui.core_text import core_text
from ui.dialogs.notice_dialog import NoticeDialog
from ui.ops import Changes, Ops, QueryOp

RISK_COLOURS = {"no_pickup": "#e65100", "stalled": "#f9a825", "returned": "#c62828", "signed_by_other": "#6a1b9a"}


def _local(iso: str | None) -> str:
    return datetime.fromisoformat(iso).astimezone(CHINA_TZ).strftime("%m-%d %H:%M") if iso else ""


def _table(parent: QWidget, model: QStandardItemModel) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class RisksView(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.risks: list[dict[str, Any]] = []
        self.summary = QLabel(self)
        self.refresh_button = QPushButton(self.tr("Refresh routes and ratings"), self)
        self.notice_button = QPushButton(self.tr("Delay / apology notice…"), self)
        self.notice_button.setEnabled(False)
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Shop"),
                self.tr("Carrier"),
                self.tr("Tracking number"),
                self.tr("Shipped at"),
                self.tr("Risk"),
            ]
        )
        self.table = _table(self, self.model)
        self.trace = QListWidget(self)
        self.alerts_model = QStandardItemModel(0, 5, self)
        self.alerts_model.setHorizontalHeaderLabels(
            [self.tr("Rating"), self.tr("Order"), self.tr("Buyer"), self.tr("Rated"), self.tr("What the buyer wrote")]
        )
        self.alerts = _table(self, self.alerts_model)
        bar = QHBoxLayout()
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.notice_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.table)
        route = QWidget(self)
        route_layout = QVBoxLayout(route)
        route_layout.setContentsMargins(0, 0, 0, 0)
        route_layout.addWidget(QLabel(self.tr("Route"), route))
        route_layout.addWidget(self.trace, 1)
        top.addWidget(route)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(QLabel(self.tr("Bad and neutral ratings"), below))
        below_layout.addWidget(self.alerts, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.notice_button.clicked.connect(self._on_notice_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        ops.hub.changed.connect(self._on_changed)

    def risk_text(self, risk: dict[str, Any]) -> str:
        return core_text(describe(risk["risk"], risk["detail"]))

    def reload(self) -> None:
        QueryOp(
            self.ops, self, op=lambda desk: (desk.buyer.risks(), desk.buyer.alerts()), success=self._on_loaded
        ).failure(lambda e: self.summary.setText(core_text(e))).run_in_background()

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.summary.setText(self.tr("Reading routes and ratings…"))
        QueryOp(self.ops, self, op=lambda desk: desk.buyer.refresh_after_sale(), success=self._on_refreshed).failure(
            self._on_refresh_failed
        ).run_in_background("io")

    def _on_refreshed(self, report: Any) -> None:
        self.refresh_button.setEnabled(True)
        self.reload()
        if report.errors:
            self.summary.setText(core_text(report.errors[0]["message"]))

    def _on_refresh_failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.summary.setText(core_text(error))

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox or changes.orders:
            self.reload()

    def _on_loaded(self, loaded: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        self.risks, alerts = loaded
        self.model.removeRows(0, self.model.rowCount())
        for r in self.risks:
            risk = QStandardItem(self.risk_text(r))
            risk.setForeground(QBrush(QColor(RISK_COLOURS.get(r["risk"], "#000000"))))
            cells = [QStandardItem(r["order_no"]), QStandardItem(r["shop"]), QStandardItem(r["carrier"]),
                     QStandardItem(r["tracking_no"]), QStandardItem(_local(r["shipped_at"])), risk]  # fmt: skip
            risk.setToolTip(risk.text())
            self.model.appendRow(cells)
        for column in range(5):
            self.table.resizeColumnToContents(column)
        self.alerts_model.removeRows(0, self.alerts_model.rowCount())
        for a in alerts:
            result = QStandardItem(self.tr("bad") if a["result"] == "bad" else self.tr("neutral"))
            result.setForeground(QBrush(QColor("#c62828" if a["result"] == "bad" else "#e65100")))
            cells = [result, QStandardItem(a["order_no"]), QStandardItem(a["nick"])]
            cells += [QStandardItem(_local(a["rated_at"])), QStandardItem(a["content"])]
            self.alerts_model.appendRow(cells)
        for column in range(4):
            self.alerts.resizeColumnToContents(column)
        self.summary.setText(
            self.tr("%1 parcels at risk · %2 bad-review alerts")
            .replace("%1", str(len(self.risks)))
            .replace("%2", str(len(alerts)))
        )
        self._on_selection_changed()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.risks[rows[0].row()] if rows and rows[0].row() < len(self.risks) else None

    def _on_selection_changed(self, *_args: object) -> None:
        chosen = self.selected()
        self.notice_button.setEnabled(chosen is not None)
        self.trace.clear()
        if chosen is None:
            return
        for step in reversed(chosen["trace"]):
            self.trace.addItem(f"{_local(step['at'])}  {step['desc']}")

    def _on_notice_button_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        template = "delay" if chosen["risk"] == "no_pickup" else "apology"
        self.notice_dialog = NoticeDialog(self.ops, chosen["order_no"], template, self)
        self.notice_dialog.open()

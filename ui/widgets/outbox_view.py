"""The ship-backs panel: every shipment waiting for (or refused by) a platform, and why (ui layer)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.domain.orders import CHINA_TZ
from app.sync.service import outbox_items
from ui.tasks import TaskRunner

STATE_COLOURS = {"pending": "#e65100", "sending": "#1565c0", "done": "#2e7d32", "failed": "#c62828"}


class OutboxView(QWidget):
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        tasks: TaskRunner,
        send_now: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session_factory, self.tasks = session_factory, tasks
        self.summary = QLabel(self)
        self.send_button = QPushButton(self.tr("Send now"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.model = QStandardItemModel(0, 8, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("State"),
                self.tr("Shop"),
                self.tr("Order"),
                self.tr("Carrier"),
                self.tr("Tracking number"),
                self.tr("Tries"),
                self.tr("Next try"),
                self.tr("Reason"),
            ]
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        bar = QHBoxLayout()
        bar.addWidget(self.send_button)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.send_button.clicked.connect(send_now)
        self.refresh_button.clicked.connect(self.reload)

    def state_text(self, state: str) -> str:
        return {
            "pending": self.tr("waiting"),
            "sending": self.tr("sending"),
            "done": self.tr("accepted"),
            "failed": self.tr("refused"),
        }.get(state, state)

    def reason_text(self, item: dict[str, Any]) -> str:
        """The packer's words for why a ship-back waits; the platform's own message goes in the tooltip."""
        code = item.get("reason_code")
        texts = {
            "unclear": self.tr("The connection broke while sending; PackDesk checks the order on the platform first"),
            "offline": self.tr("The platform cannot be reached; PackDesk keeps trying"),
            "rate_limited": self.tr("The platform limited calls for now; PackDesk waits and tries again"),
            "session_expired": self.tr("The shop's authorization expired: authorize the shop again"),
            "top_error": self.tr("The platform refused it: %1"),
        }
        text = texts.get(code or "", item["last_error"] or "")
        return text.replace("%1", item["last_error"] or "")

    def reload(self) -> None:
        factory = self.session_factory
        self.tasks.run(lambda: outbox_items(factory), self._on_loaded, lambda e: self.summary.setText(str(e)))

    def _on_loaded(self, items: list[dict[str, Any]]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for item in items:
            state = QStandardItem(self.state_text(item["state"]))
            state.setForeground(QBrush(QColor(STATE_COLOURS.get(item["state"], "#000000"))))
            next_try = ""
            if item["next_attempt_at"] and item["state"] in ("pending", "sending"):
                next_try = datetime.fromisoformat(item["next_attempt_at"]).astimezone(CHINA_TZ).strftime("%m-%d %H:%M")
            reason = self.reason_text(item) if item["state"] != "done" else ""
            cells = [
                state,
                QStandardItem(item["shop"]),
                QStandardItem(item.get("order_no", "")),
                QStandardItem(item.get("carrier", "")),
                QStandardItem(item.get("tracking_no", "")),
                QStandardItem(str(item["attempts"])),
                QStandardItem(next_try),
                QStandardItem(reason),
            ]
            cells[7].setToolTip(item["last_error"] or "")
            for c in cells:
                c.setData(item["id"], Qt.ItemDataRole.UserRole)
            self.model.appendRow(cells)
        for column in range(7):
            self.table.resizeColumnToContents(column)
        waiting = sum(i["state"] in ("pending", "sending") for i in items)
        failed = sum(i["state"] == "failed" for i in items)
        self.summary.setText(self.tr("%1 waiting · %2 refused").replace("%1", str(waiting)).replace("%2", str(failed)))

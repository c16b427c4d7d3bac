"""Table model of the print queue: every job, its state and its reason (ui layer)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.enums import PrintJobState
from app.domain.orders import CHINA_TZ
from app.services.printing import JobView
from ui.core_text import core_text

COL_ID, COL_STATE, COL_ORDER, COL_TRACKING, COL_COPY, COL_PRINTER, COL_TIME, COL_REASON = range(8)
JOB_ROLE = Qt.ItemDataRole.UserRole + 1

STATE_COLOURS = {
    PrintJobState.QUEUED: "#1565c0",
    PrintJobState.SENDING: "#6a1b9a",
    PrintJobState.SENT: "#2e7d32",
    PrintJobState.FAILED: "#c62828",
    PrintJobState.UNKNOWN: "#e65100",
}


def state_text(state: PrintJobState) -> str:
    return {
        PrintJobState.QUEUED: QCoreApplication.translate("JobsTableModel", "Waiting"),
        PrintJobState.SENDING: QCoreApplication.translate("JobsTableModel", "Sending"),
        PrintJobState.SENT: QCoreApplication.translate("JobsTableModel", "Sent"),
        PrintJobState.FAILED: QCoreApplication.translate("JobsTableModel", "Failed"),
        PrintJobState.UNKNOWN: QCoreApplication.translate("JobsTableModel", "Did it print?"),
    }[state]


class JobsTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[JobView] = []

    def set_rows(self, rows: list[JobView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def job_at(self, row: int) -> JobView:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("JobsTableModel", "Job"),
            QCoreApplication.translate("JobsTableModel", "State"),
            QCoreApplication.translate("JobsTableModel", "Order no."),
            QCoreApplication.translate("JobsTableModel", "Tracking no."),
            QCoreApplication.translate("JobsTableModel", "Copy"),
            QCoreApplication.translate("JobsTableModel", "Printer"),
            QCoreApplication.translate("JobsTableModel", "Time"),
            QCoreApplication.translate("JobsTableModel", "Reason"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        job = self._rows[index.row()]
        col = index.column()
        if role == JOB_ROLE:
            return job
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_ID:
                return job.id
            if col == COL_STATE:
                return state_text(job.state)
            if col == COL_ORDER:
                return job.order_no
            if col == COL_TRACKING:
                return f"{job.carrier} {job.tracking_no}"
            if col == COL_COPY:
                if job.copy_no == 1:
                    return "1"
                return QCoreApplication.translate("JobsTableModel", "%1 (reprint)").replace("%1", str(job.copy_no))
            if col == COL_PRINTER:
                return job.printer_uri
            if col == COL_TIME:
                return (job.finished_at or job.created_at).astimezone(CHINA_TZ).strftime("%m-%d %H:%M:%S")
            if col == COL_REASON:
                return core_text(job.message)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATE:
            return QBrush(QColor(STATE_COLOURS[job.state]))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_REASON:
            return core_text(job.message) or None
        return None

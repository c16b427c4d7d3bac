"""Table model of the print queue: every job, its state and its reason (ui layer)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.enums import PrintJobState
from app.domain.orders import CHINA_TZ
from app.services.printing import JobView
from ui.core_text import core_text
from ui.models.rows_model import ROW_ROLE, RowsTableModel

COL_ID, COL_STATE, COL_ORDER, COL_TRACKING, COL_COPY, COL_PRINTER, COL_TIME, COL_REASON = range(8)
JOB_ROLE = ROW_ROLE

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


class JobsTableModel(RowsTableModel):
    columns = 8

    def job_at(self, row: int) -> JobView:
        return self.row_at(row)

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("JobsTableModel", "Job"),
            QCoreApplication.translate("JobsTableModel", "State"),
            QCoreApplication.translate("JobsTableModel", "Order no."),
            QCoreApplication.translate("JobsTableModel", "Tracking no."),
            QCoreApplication.translate("JobsTableModel", "Copy"),
            QCoreApplication.translate("JobsTableModel", "Printer"),
            QCoreApplication.translate("JobsTableModel", "Time"),
            QCoreApplication.translate("JobsTableModel", "Reason"),
        )

    def cell(self, job: JobView, col: int, role: int) -> Any:
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

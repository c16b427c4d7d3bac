"""The ship-backs panel: every shipment waiting for (or refused by) a platform, and why (ui layer).

Shipments of shops without an API connection wait for the seller instead: the panel saves them as the seller centre's
bulk-ship file and, once the seller imported it there, marks them entered.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.orders import CHINA_TZ
from app.sync.seller_centre import MANUAL, ExportReport
from ui.core_text import core_text
from ui.ops import Changes, CollectionOp, Ops, QueryOp
from ui.plurals import plural

STATE_COLOURS = {"pending": "#e65100", "sending": "#1565c0", "done": "#2e7d32", "failed": "#c62828", MANUAL: "#6a1b9a"}


OUTBOX = Changes(outbox=True)  # shipments exported or marked entered: this list and the status bar's counts


class OutboxView(QWidget):
    def __init__(self, ops: Ops, send_now: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.summary = QLabel(self)
        self.send_button = QPushButton(self.tr("Send now"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.export_button = QPushButton(self.tr("Bulk-ship file…"), self)
        self.export_button.setToolTip(
            self.tr(
                "Save the shipments of shops without an API connection as the seller centre's bulk-ship file "
                "(批量发货: order number, carrier, tracking number)"
            )
        )
        self.entered_button = QPushButton(self.tr("Entered in seller centre"), self)
        self.entered_button.setToolTip(
            self.tr("Mark the selected shipments (or all exported ones) as entered in the seller centre")
        )
        self.items: list[dict[str, Any]] = []
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
        bar.addWidget(self.export_button)
        bar.addWidget(self.entered_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.send_button.clicked.connect(send_now)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.entered_button.clicked.connect(self._on_entered_button_clicked)
        ops.hub.changed.connect(self._on_changed)

    def state_text(self, item: dict[str, Any]) -> str:
        if item["state"] == "done" and item.get("entered_by_hand"):
            return self.tr("entered in seller centre")
        return {
            "pending": self.tr("waiting"),
            "sending": self.tr("sending"),
            "done": self.tr("accepted"),
            "failed": self.tr("refused"),
            MANUAL: self.tr("for the seller centre"),
        }.get(item["state"], item["state"])

    def reason_text(self, item: dict[str, Any]) -> str:
        """The packer's words for why a ship-back waits; the platform's own message goes in the tooltip."""
        code = item.get("reason_code")
        texts = {
            "unclear": self.tr("The connection broke while sending; PackDesk checks the order on the platform first"),
            "offline": self.tr("The platform cannot be reached; PackDesk keeps trying"),
            "rate_limited": self.tr("The platform limited calls for now; PackDesk waits and tries again"),
            "session_expired": self.tr("The shop's authorization expired: authorize the shop again"),
            "top_error": self.tr("The platform refused it: %1"),
            "seller_centre": self.tr(
                "This shop has no API connection: enter the shipment in the seller centre (Bulk-ship file…)"
            ),
        }
        said = core_text(item["last_error"])  # the platform's own words stay as they are
        return texts.get(code or "", said).replace("%1", said)

    def reload(self) -> None:
        QueryOp(self.ops, self, op=lambda desk: desk.outbox(), success=self._on_loaded).failure(
            lambda e: self.summary.setText(core_text(e))
        ).run_in_background()

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox:
            self.reload()

    def _on_loaded(self, items: list[dict[str, Any]]) -> None:
        self.items = items
        self.model.removeRows(0, self.model.rowCount())
        for item in items:
            state = QStandardItem(self.state_text(item))
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
            cells[7].setToolTip(core_text(item["last_error"]))
            for c in cells:
                c.setData(item["id"], Qt.ItemDataRole.UserRole)
            self.model.appendRow(cells)
        for column in range(7):
            self.table.resizeColumnToContents(column)
        waiting = sum(i["state"] in ("pending", "sending") for i in items)
        failed = sum(i["state"] == "failed" for i in items)
        manual = sum(i["state"] == MANUAL for i in items)
        summary = self.tr("%1 waiting · %2 refused").replace("%1", str(waiting)).replace("%2", str(failed))
        if manual:
            summary += " · " + plural(self.tr("%n for the seller centre", "", manual), manual)
        self.summary.setText(summary)
        self.export_button.setEnabled(manual > 0)
        self.entered_button.setEnabled(manual > 0)

    # -- the seller centre ------------------------------------------------------------------------------------------

    def _on_export_button_clicked(self) -> None:
        shops = sorted({i["shop"] for i in self.items if i["state"] == MANUAL})
        if not shops:
            return
        shop = shops[0]
        if len(shops) > 1:  # each seller centre takes its own shop's file
            shop, ok = QInputDialog.getItem(
                self,
                self.tr("Bulk-ship file"),
                self.tr("Shop (each seller centre takes its own file):"),
                shops,
                0,
                False,
            )
            if not ok:
                return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the bulk-ship file"), f"{shop}-批量发货.xlsx", self.tr("Excel (*.xlsx);;CSV (*.csv)")
        )
        if not path:
            return
        target = Path(path if Path(path).suffix.lower() in (".xlsx", ".csv") else path + ".xlsx")
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.export_bulk_ship(target, shop),
            changes=OUTBOX,
            success=self._on_exported,
        ).failure(self._on_failed).run_in_background()

    def _on_exported(self, report: ExportReport) -> None:
        # The list knows at once which shipments are in a file, so "Entered in seller centre" pressed before the
        # reload below has answered acts on them, not on the list as it was before the export.
        exported = set(report.ids)
        for item in self.items:
            if item["id"] in exported:
                item["export_file"] = report.file
        lines = []
        if report.ids:
            lines.append(
                plural(self.tr("%n shipment(s) saved in %1.", "", len(report.ids)), len(report.ids)).replace(
                    "%1", report.file
                )
            )
            lines.append(
                self.tr("Import it in the seller centre (批量发货), then press “Entered in seller centre” here.")
            )
        for e in report.by_hand:
            lines.append(
                self.tr("Order %1 shipped only some items: enter it in the seller centre by hand.").replace(
                    "%1", e["order_no"]
                )
            )
        QMessageBox.information(self, self.tr("Bulk-ship file"), "\n".join(lines))

    def _on_entered_button_clicked(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        chosen = [self.items[r] for r in sorted(rows) if self.items[r]["state"] == MANUAL]
        if not chosen:  # nothing picked: the shipments the seller saved in a bulk-ship file
            chosen = [i for i in self.items if i["state"] == MANUAL and i.get("export_file")]
        if not chosen:
            QMessageBox.information(
                self,
                self.tr("Entered in seller centre"),
                self.tr("Save the bulk-ship file first, or select the shipments you entered in the seller centre."),
            )
            return
        question = plural(
            self.tr("Mark %n shipment(s) as entered in the seller centre? They stop waiting here.", "", len(chosen)),
            len(chosen),
        )
        answer = QMessageBox.question(self, self.tr("Entered in seller centre"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ids = [i["id"] for i in chosen]
        CollectionOp(self.ops, self, op=lambda desk: desk.mark_entered(ids), changes=OUTBOX).failure(
            self._on_failed
        ).run_in_background()

    def _on_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Ship-backs"), core_text(error))
        self.reload()

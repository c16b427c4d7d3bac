"""The print queue panel: every job with its state and reason, and the packer's answers (ui layer).

The field's first complaint is printing as a black box; here nothing is hidden: waiting, sent, failed and
"did it print?" jobs are listed with why, and the queue says when and why it stopped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.domain.enums import PrintJobState
from app.services.printing import JobView, PrintResult, PrintService
from ui.core_text import core_text
from ui.models.jobs_model import COL_REASON, JobsTableModel
from ui.ops import PRINTED, Changes, CollectionOp, Ops, QueryOp
from ui.text import printer_state_text


class PrintQueueView(QWidget):
    def __init__(
        self, ops: Ops, print_service: Callable[[], PrintService | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.print_service = print_service
        self.pause_label = QLabel(self)
        self.pause_label.setObjectName("pause")
        self.pause_label.setWordWrap(True)
        self.pause_label.setStyleSheet(
            "QLabel#pause { background: #ffe0b2; color: #bf360c; padding: 8px; font-size: 14pt; border-radius: 4px; }"
        )
        self.pause_label.hide()
        self.summary = QLabel(self)
        self.resume_button = QPushButton(self.tr("Print waiting jobs"), self)
        self.printed_button = QPushButton(self.tr("It printed"), self)
        self.again_button = QPushButton(self.tr("Print it again"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.model = JobsTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)

        bar = QHBoxLayout()
        for w in (self.resume_button, self.printed_button, self.again_button, self.refresh_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pause_label)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.refresh_button.clicked.connect(self.reload)
        self.resume_button.clicked.connect(self._on_resume_button_clicked)
        self.printed_button.clicked.connect(lambda: self._answer(printed=True))
        self.again_button.clicked.connect(lambda: self._answer(printed=False))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        ops.hub.changed.connect(self._on_changed)

    def reload(self) -> None:
        QueryOp(self.ops, self, op=lambda desk: desk.print_jobs(limit=1000), success=self._on_loaded).failure(
            self._show_error
        ).run_in_background()

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.queue:
            self.reload()

    def show_pause(self, message: str | None) -> None:
        self.pause_label.setText(self.tr("Printing stopped: %1").replace("%1", message) if message else "")
        self.pause_label.setVisible(bool(message))

    def selected_job(self) -> JobView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.job_at(rows[0].row()) if rows else None

    def _on_loaded(self, jobs: list[JobView]) -> None:
        self.model.set_rows(jobs)
        waiting = sum(j.state is PrintJobState.QUEUED for j in jobs)
        unknown = sum(j.state is PrintJobState.UNKNOWN for j in jobs)
        self.summary.setText(
            self.tr("%1 waiting · %2 to confirm").replace("%1", str(waiting)).replace("%2", str(unknown))
        )
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        job = self.selected_job()
        answerable = job is not None and job.state in (PrintJobState.UNKNOWN, PrintJobState.FAILED)
        self.printed_button.setEnabled(answerable and job is not None and job.state is PrintJobState.UNKNOWN)
        self.again_button.setEnabled(answerable)

    def _answer(self, printed: bool) -> None:
        job = self.selected_job()
        if job is None:
            return
        CollectionOp(self.ops, self, op=lambda desk: desk.answer_print_job(job.id, printed), changes=PRINTED).failure(
            self._show_error
        ).run_in_background()

    def _on_resume_button_clicked(self) -> None:
        service = self.print_service()
        if service is None:
            self.show_pause(self.tr("no printer is configured"))
            return
        CollectionOp(
            self.ops, self, op=lambda _desk: (service.run(), service.pause), changes=PRINTED, success=self._on_run_done
        ).failure(self._show_error).run_in_background(lane="print")

    def _on_run_done(self, outcome: tuple[list[PrintResult], object]) -> None:
        _results, pause = outcome
        if pause is None:
            self.show_pause(None)
        else:
            said = printer_state_text(pause.state.value) if pause.reported else None  # the printer's own word
            self.show_pause(said or core_text(pause.message))

    def _show_error(self, error: BaseException) -> None:
        self.show_pause(core_text(error))

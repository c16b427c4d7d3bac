"""Batch printing for the window: enqueue a selection, work the queue on the print lane, report progress (ui layer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import PrintJobState
from app.domain.errors import PackDeskError
from app.services.audit import Actor
from app.services.printing import PrintResult, PrintService
from app.station import Station
from app.wiring import print_service, set_printer
from ui.core_text import core_text
from ui.tasks import TaskRunner
from ui.text import printer_state_text


@dataclass
class BatchOutcome:
    sent: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # (order no, why)
    not_sent: list[PrintResult] = field(default_factory=list)
    pause: str | None = None


def print_batch(service: PrintService, order_nos: list[str], report: Callable[[object], None]) -> BatchOutcome:
    """Queues `order_nos` in order and prints them; `report((done, total))` after each label."""
    outcome = BatchOutcome()
    jobs = []
    for order_no in order_nos:
        try:
            jobs.append(service.enqueue(order_no))
        except PackDeskError as exc:
            outcome.refused.append((order_no, core_text(exc)))
    total = len(jobs)
    done = 0

    def each(result: PrintResult) -> None:
        nonlocal done
        done += 1
        report((done, total))

    for result in service.run(only=set(jobs), progress=each):
        if result.state is PrintJobState.SENT:
            outcome.sent += 1
        else:
            outcome.not_sent.append(result)
    if service.pause is not None:  # in the packer's language when the printer said what is wrong
        said = printer_state_text(service.pause.state.value) if service.pause.reported else None
        outcome.pause = said or core_text(service.pause.message)
    return outcome


class PrintController(QObject):
    progressed = Signal(int, int)  # done, total
    batch_finished = Signal(object)  # BatchOutcome
    printer_changed = Signal(str)

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        tasks: TaskRunner,
        actor: Actor,
        station: Station,
        service: PrintService | None,
        printer_uri: str,
        label_size: str,
        parent: QObject | None = None,
    ) -> None:
        """`service` is the spooler the station was built with (app.wiring), over the printer at `printer_uri`."""
        super().__init__(parent)
        self.session_factory = session_factory
        self.tasks = tasks
        self.actor = actor
        self.station = station
        self.label_size = label_size
        self.printer_uri = printer_uri
        self.service = service

    def set_printer(self, uri: str) -> None:
        """Points the station and the batch printing at the printer at `uri` (raises PrinterUriError).

        The engine takes the new spooler on its own lane, between two scans: a scan under way finishes on the old one.
        """
        service = print_service(self.session_factory, self.actor, uri, self.label_size)
        station = self.station
        self.tasks.run(lambda: set_printer(station, service))
        self.service = service
        self.printer_uri = uri
        self.printer_changed.emit(uri)

    def print_orders(self, order_nos: list[str]) -> None:
        service = self.service
        if service is None:
            self.batch_finished.emit(BatchOutcome(refused=[(n, "no printer") for n in order_nos]))
            return
        self.tasks.run_with_progress(
            lambda report: print_batch(service, order_nos, report),
            lambda v: self.progressed.emit(*v),
            self.batch_finished.emit,
            self._on_error,
            lane="print",
        )

    def save_pdf(self, order_nos: list[str], path: str) -> None:
        """Prints `order_nos` into one PDF file: it counts as their printing, numbers and all."""
        pdf = print_service(self.session_factory, self.actor, f"pdf://{path}", self.label_size)
        assert pdf is not None
        self.tasks.run_with_progress(
            lambda report: print_batch(pdf, order_nos, report),
            lambda v: self.progressed.emit(*v),
            self.batch_finished.emit,
            self._on_error,
            lane="print",
        )

    def _on_error(self, error: BaseException) -> None:
        self.batch_finished.emit(BatchOutcome(pause=core_text(error)))

"""Batch printing for the window: enqueue a selection, work the queue on the print lane, report progress (ui layer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.domain.enums import PrintJobState
from app.domain.errors import PackDeskError
from app.services.printing import PrintResult, PrintService
from app.station import Station
from app.wiring import set_printer
from ui.core_text import core_text
from ui.ops import PRINTED, CollectionOp, Ops
from ui.text import printer_state_text


@dataclass
class BatchOutcome:
    sent: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # (order no, why)
    not_sent: list[PrintResult] = field(default_factory=list)
    pause: str | None = None
    notices: list[tuple[str, str]] = field(default_factory=list)  # (order no, what the packer must know)


def print_batch(
    service: PrintService, order_nos: list[str], report: Callable[[object], None], reprint_reason: str | None = None
) -> BatchOutcome:
    """Queues `order_nos` in one batch (an online provider numbers them in calls of its batch size) and prints them
    in order; `report((done, total))` after each label. With a `reprint_reason`, printed waybills print again, each
    copy counted and audited with it."""
    outcome = BatchOutcome()
    jobs = []
    queued = service.enqueue_batch(order_nos, reprint_reason=reprint_reason)
    for order_no, job in zip(order_nos, queued, strict=True):
        if isinstance(job, PackDeskError):
            outcome.refused.append((order_no, core_text(job)))
        else:
            jobs.append(job)
    outcome.notices = [(order_no, core_text(notice)) for order_no, notice in service.notices.items()]
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
        ops: Ops,
        station: Station,
        service: PrintService | None,
        printer_uri: str,
        label_size: str,
        parent: QObject | None = None,
    ) -> None:
        """`service` is the spooler the station was built with (app.wiring), over the printer at `printer_uri`."""
        super().__init__(parent)
        self.ops = ops
        self.tasks = ops.tasks
        self.station = station
        self.label_size = label_size
        self.printer_uri = printer_uri
        self.service = service

    def set_printer(self, uri: str) -> None:
        """Points the station and the batch printing at the printer at `uri` (raises PrinterUriError).

        The engine takes the new spooler on its own lane, between two scans: a scan under way finishes on the old one.
        """
        service = self.ops.desk.print_service(uri, self.label_size)
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
        self._run(service, order_nos)

    def reprint_orders(self, order_nos: list[str], reason: str) -> None:
        """Prints the waybills of `order_nos` again (the packer's `reason` is counted and audited with each copy)."""
        service = self.service
        if service is None:
            self.batch_finished.emit(BatchOutcome(refused=[(n, "no printer") for n in order_nos]))
            return
        self._run(service, order_nos, reason)

    def save_pdf(self, order_nos: list[str], path: str) -> None:
        """Prints `order_nos` into one PDF file: it counts as their printing, numbers and all."""
        pdf = self.ops.desk.print_service(f"pdf://{path}", self.label_size)
        assert pdf is not None
        self._run(pdf, order_nos)

    def _run(self, service: PrintService, order_nos: list[str], reprint_reason: str | None = None) -> None:
        """The batch on the print lane; when it ends (or fails) the orders and the queue changed."""
        CollectionOp(
            self.ops,
            self,
            op=lambda _desk, report: print_batch(service, order_nos, report, reprint_reason),
            changes=PRINTED,
            success=self.batch_finished.emit,
        ).with_progress(lambda v: self.progressed.emit(*v)).failure(self._on_error).run_in_background(lane="print")

    def _on_error(self, error: BaseException) -> None:
        self.batch_finished.emit(BatchOutcome(pause=core_text(error)))
        self.ops.hub.notify(PRINTED, self)  # labels may have gone before it failed

"""A batch on one connection, rendered ahead so the printer never waits for PackDesk (services layer).

A render thread reads each queued job's label (without claiming it) and renders its bytes into a small bounded
queue, so label k+1 is ready while label k goes out. The sender takes them in order on one connection: it claims a
job just before its bytes go (so at most one job is ever `sending`, and a kill leaves the rest queued), renders
again only when the claimed label differs from the one read ahead (apart from its print time), sends it with the
status question behind it, and counts it only once the printer answered. A failure or a stopped printer ends the
batch; labels rendered ahead and not claimed stay queued, untouched.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

from app.domain.enums import PrintJobState
from app.persistence.print_jobs import PrintJobs
from app.persistence.repositories import OrderRepository
from app.services.printing.label import build_waybill
from app.services.printing.results import Claim, PrintResult
from printers.errors import PrinterError
from printers.ports import BatchingPrinter, PrinterBatch
from printers.status import State
from printers.waybill import Waybill

if TYPE_CHECKING:
    from app.services.printing.spooler import PrintService

AHEAD = 2  # labels rendered ahead of the one being sent: enough to hide rendering, little to throw away on a stop
# No answer behind a label on a batch's connection: the printer did not confirm it took it all.
UNCONFIRMED = (State.PAPER_OUT, State.OFFLINE, State.COVER_OPEN, State.ERROR, State.UNKNOWN)


@dataclass(frozen=True)
class Rendered:
    """A queued job's label read ahead and its bytes (None: the job is no longer queued)."""

    job_id: int
    waybill: Waybill | None
    data: bytes


class Renderer:
    """Reads and renders the labels of `job_ids` in order on its own thread, at most AHEAD before the sender."""

    def __init__(self, service: PrintService, printer: BatchingPrinter, job_ids: list[int]) -> None:
        self.service, self.printer, self.job_ids = service, printer, job_ids
        self.ready: queue.Queue[Rendered | BaseException | None] = queue.Queue(maxsize=AHEAD)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="label-render", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            for job_id in self.job_ids:
                waybill = self._read(job_id)
                if not self._put(Rendered(job_id, waybill, self.printer.render(waybill) if waybill else b"")):
                    return
            self._put(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the sender, which raises it on its thread
            self._put(exc)

    def _read(self, job_id: int) -> Waybill | None:
        """The label job `job_id` would print now, nothing claimed."""
        with self.service.session_factory() as session:
            found = PrintJobs(session).of(job_id)
            if found is None or found.job.state != PrintJobState.QUEUED:
                return None
            order = OrderRepository(session).row_for_package(found.package)
            return build_waybill(order, found.package, found.package.print_count + 1, self.service.clock())

    def _put(self, item: Rendered | BaseException | None) -> bool:
        while not self.stop.is_set():
            try:
                self.ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Renderer:
        return self

    def __next__(self) -> Rendered:
        item = self.ready.get()
        if item is None:
            raise StopIteration
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


def send_batch(
    service: PrintService, job_ids: list[int], progress: Callable[[PrintResult], None] | None = None
) -> list[PrintResult]:
    """Prints `job_ids` in order on one connection of `service`'s printer (its `batches` is True), rendering ahead.

    Returns:
        The results of the jobs tried; `service.pause` says why the batch stopped early, if it did.
    """
    printer = cast(BatchingPrinter, service.printer)
    results: list[PrintResult] = []
    link: PrinterBatch | None = None
    renderer = Renderer(service, printer, job_ids)
    try:
        for ahead in renderer:
            claim = service.claim(ahead.job_id)
            if not isinstance(claim, Claim):
                if claim is not None:  # cancelled: its order stopped while it waited
                    results.append(claim)
                    if progress:
                        progress(claim)
                continue
            # Committed as `sending`: a crash from here on leaves the job for recover() to call "unknown".
            data = ahead.data if _same(ahead.waybill, claim.waybill) else printer.render(claim.waybill)
            try:
                link = link or printer.open_batch()
                status = link.send(data)
            except PrinterError as exc:
                result = service.failed(claim, exc)
            else:
                result = service.after_sending(claim, len(data), status, stopped=UNCONFIRMED)
            results.append(result)
            if progress:
                progress(result)
            if service.pause is not None:
                break
    finally:
        renderer.close()
        if link is not None:
            link.close()
    return results


def _same(ahead: Waybill | None, claimed: Waybill) -> bool:
    """Whether the label read ahead is the one claimed, apart from the time printed on it."""
    return ahead is not None and replace(ahead, printed_at=claimed.printed_at) == claimed

"""A batch on one connection, rendered ahead so the printer never waits for PackDesk (services layer).

A render thread reads each queued job's label (without claiming it) and renders its bytes into a small bounded
queue, so label k+1 is ready while label k goes out. The sender takes them in order on one connection: it claims a
job just before its bytes go (so at most one job is ever `sending`, and a kill leaves the rest queued), renders
again only when the claimed label differs from the one read ahead (apart from its print time), sends it with the
status question behind it, and counts it only once the printer answered, in the same commit that claims the next
job: between two labels the printer waits for one sync to disk. The render thread starts a label when a label's
bytes are handed to the printer, so reading and rendering ahead happen while the printer prints, never while the
sender writes or commits. A failure or a stopped printer ends the batch; labels rendered ahead and not claimed stay
queued, untouched.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

from app.domain.enums import PrintJobState
from app.persistence.print_jobs import PrintJobs
from app.services.printing.label import parcel_order, waybill_of
from app.services.printing.results import Claim, PrintResult
from printers.errors import PrinterError
from printers.ports import BatchingPrinter, PrinterBatch
from printers.status import State
from printers.waybill import Waybill

if TYPE_CHECKING:
    from app.services.printing.spooler import PrintService

AHEAD = 3  # labels rendered ahead of the one being sent: enough to hide rendering, little to throw away on a stop
# No answer behind a label on a batch's connection: the printer did not confirm it took it all.
UNCONFIRMED = (State.PAPER_OUT, State.OFFLINE, State.COVER_OPEN, State.ERROR, State.UNKNOWN)


@dataclass(frozen=True)
class Rendered:
    """A queued job's label read ahead and its bytes (None: the job is no longer queued)."""

    job_id: int
    waybill: Waybill | None
    data: bytes


class Renderer:
    """Reads and renders the labels of `job_ids` in order on its own thread, at most AHEAD before the sender.

    After the first AHEAD, it starts a label only when the sender grants one: when a label's bytes are handed to
    the printer (or a label is not sent), so it works while the printer prints. Python's threads take turns on one
    lock, and a render running while the sender writes a label or commits between two labels would make the sender
    wait for its turn at every wake-up, with the printer idle.
    """

    def __init__(self, service: PrintService, printer: BatchingPrinter, job_ids: list[int]) -> None:
        self.service, self.printer, self.job_ids = service, printer, job_ids
        self.ready: queue.SimpleQueue[Rendered | BaseException | None] = queue.SimpleQueue()
        self.permits = threading.Semaphore(AHEAD)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="label-render", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            for job_id in self.job_ids:
                if not self._permitted():
                    return
                waybill = self._read(job_id)
                self.ready.put(Rendered(job_id, waybill, self.printer.render(waybill) if waybill else b""))
            self.ready.put(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the sender, which raises it on its thread
            self.ready.put(exc)

    def _read(self, job_id: int) -> Waybill | None:
        """The label job `job_id` would print now, nothing claimed."""
        with self.service.session_factory() as session:
            found = PrintJobs(session).of(job_id)
            if found is None or found.job.state != PrintJobState.QUEUED:
                return None
            package = found.parcel
            stored = parcel_order(session, package)
            return waybill_of(session, stored, package, package.print_count + 1, self.service.clock())

    def _permitted(self) -> bool:
        while not self.stop.is_set():
            if self.permits.acquire(timeout=0.1):
                return True
        return False

    def grant(self) -> None:
        """The sender is done writing a label (or skipped one): one more may be read and rendered."""
        self.permits.release()

    def take(self) -> Rendered | BaseException | None:
        """The next label, or what the render thread raised, or None: no label left."""
        return self.ready.get()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


class Sender:
    """Sends claimed labels on one connection, counting each in the commit that claims the next one."""

    def __init__(self, service: PrintService, printer: BatchingPrinter, renderer: Renderer) -> None:
        self.service, self.printer, self.renderer = service, printer, renderer
        self.link: PrinterBatch | None = None
        self.claimed: dict[int, Claim | PrintResult | None] = {}  # claims made in the commit that counted a label
        self.unsent: Claim | None = None  # claimed, and no byte of it handed to the printer yet

    def claim(self, job_id: int) -> Claim | PrintResult | None:
        return self.claimed.pop(job_id) if job_id in self.claimed else self.service.claim(job_id)

    def send(self, claim: Claim, ahead: Rendered, following: Rendered | None) -> PrintResult:
        """Sends `claim`'s label (rendered again if it changed since `ahead`); once the printer answered that it
        took it and is ready, one commit counts it and claims `following`, so the printer waits for one sync."""
        # Committed as `sending`: a crash from here on leaves the job for recover() to call "unknown"; an error
        # raised in this process before a byte left puts it back in the queue (release_unsent).
        self.unsent = claim
        try:
            data = ahead.data if _same(ahead.waybill, claim.waybill) else self.printer.render(claim.waybill)
            self.link = self.link or self.printer.open_batch()
            self.unsent = None
            status = self.link.send(data, self.renderer.grant)
        except PrinterError as exc:
            self.unsent = None
            return self.service.failed(claim, exc)
        if status.state is State.READY and following is not None:
            result, self.claimed[following.job_id] = self.service.sent_then_claim(claim, len(data), following.job_id)
            return result
        return self.service.after_sending(claim, len(data), status, stopped=UNCONFIRMED)

    def close(self) -> None:
        if self.link is not None:
            self.link.close()

    def release_unsent(self) -> None:
        """Jobs claimed but never sent when the batch ends on an error (a label that cannot be rendered, a failing
        progress callback): queued again, so they are neither stuck `sending` nor asked "did it print?"."""
        unsent = [c for c in (self.unsent, *self.claimed.values()) if isinstance(c, Claim)]
        self.unsent, self.claimed = None, {}
        for claim in unsent:
            self.service.finish(claim.job_id, PrintJobState.QUEUED, None)


def send_batch(
    service: PrintService, job_ids: list[int], progress: Callable[[PrintResult], None] | None = None
) -> list[PrintResult]:
    """Prints `job_ids` in order on one connection of `service`'s printer (its `batches` is True), rendering ahead.

    Returns:
        The results of the jobs tried; `service.pause` says why the batch stopped early, if it did.
    """
    results: list[PrintResult] = []
    printer = cast(BatchingPrinter, service.printer)
    renderer = Renderer(service, printer, job_ids)
    sender = Sender(service, printer, renderer)
    try:
        ahead = renderer.take()
        while isinstance(ahead, Rendered):
            claim = sender.claim(ahead.job_id)
            # Taken before this label goes (it was rendered while the printer printed the one before), so the commit
            # after this label's answer can claim it at once.
            following = renderer.take()
            if isinstance(claim, Claim):
                result: PrintResult | None = sender.send(
                    claim, ahead, following if isinstance(following, Rendered) else None
                )
            else:
                result = claim  # None: another worker took it; a result: cancelled, its order stopped while it waited
                renderer.grant()
            if result is not None:
                results.append(result)
                if progress:
                    progress(result)
            if service.pause is not None:
                break
            ahead = following
        if isinstance(ahead, BaseException):
            raise ahead
    finally:
        renderer.close()
        sender.close()
        sender.release_unsent()
    return results


def _same(ahead: Waybill | None, claimed: Waybill) -> bool:
    """Whether the label read ahead is the one claimed, apart from the time printed on it."""
    return ahead is not None and replace(ahead, printed_at=claimed.printed_at) == claimed

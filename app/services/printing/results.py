"""What the spooler answers: a job's result, a claimed job with its label, why a queue paused (services layer)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import PrintJobState
from app.domain.messages import Message
from app.persistence.print_jobs import JobOf
from printers.status import State
from printers.waybill import Waybill


@dataclass(frozen=True)
class PrintResult:
    """What became of one job; `message` says why it did not print (the window shows it in the packer's language,
    `error` is its English for JSON)."""

    order_no: str
    tracking_no: str
    carrier: str
    copy_no: int
    job_id: int
    state: PrintJobState
    bytes_sent: int = 0
    message: Message | None = None
    printer_state: str | None = None  # printers.status.State of a printer that stopped the job (paper_out...)

    @property
    def error(self) -> str | None:
        return self.message.render() if self.message else None

    def to_json(self) -> dict[str, object]:
        return {
            "order_no": self.order_no,
            "tracking_no": self.tracking_no,
            "carrier": self.carrier,
            "copy_no": self.copy_no,
            "job_id": self.job_id,
            "state": self.state.value,
            "bytes_sent": self.bytes_sent,
            "error": self.error,
            "printer_state": self.printer_state,
        }

    @classmethod
    def of(
        cls,
        found: JobOf,
        state: PrintJobState | None = None,
        message: Message | None = None,
        printer_state: State | None = None,
    ) -> PrintResult:
        """The result of the job in `found` as stored (or in `state`)."""
        job, parcel = found.job, found.parcel
        return cls(
            found.order_no, parcel.tracking_no, parcel.carrier, job.copy_no, job.id,
            state or PrintJobState(job.state), job.bytes_sent, message, printer_state.value if printer_state else None,
        )  # fmt: skip


@dataclass(frozen=True)
class Claim:
    """A job claimed for sending, with its label."""

    job_id: int
    order_no: str
    tracking_no: str
    carrier: str
    copy_no: int
    waybill: Waybill

    @property
    def name(self) -> str:
        return f"{self.tracking_no}-{self.copy_no}"

    def result(
        self, state: PrintJobState, sent: int, message: Message | None = None, printer_state: State | None = None
    ) -> PrintResult:
        return PrintResult(
            self.order_no, self.tracking_no, self.carrier, self.copy_no, self.job_id, state, sent, message,
            printer_state.value if printer_state else None,
        )  # fmt: skip


@dataclass(frozen=True)
class QueuePause:
    """Why the queue of a printer stopped, as a message for the packer, and the printer's state."""

    state: State
    message: Message
    reported: bool = False  # the printer itself said so (a status answer), not inferred from a failed send

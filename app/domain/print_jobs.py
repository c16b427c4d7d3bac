"""A print job as the queue reads it, and as a list shows it (domain layer).

A job's life is `queued` -> `sending` (claimed by one process) -> `sent`, `unknown` ("did it print?") or `failed`;
app.persistence.print_jobs writes each step, app.services.printing decides them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.enums import PrintJobState
from app.domain.messages import Message


@dataclass(frozen=True)
class PrintJob:
    """One job of the queue; `reason` is its stored message, encoded (Message.decode reads it)."""

    id: int
    package_id: int
    printer_uri: str
    state: PrintJobState
    copy_no: int
    reason: str | None
    bytes_sent: int
    claimed_by: str | None
    claimed_at: datetime | None


@dataclass(frozen=True)
class JobView:
    """One print job as a list shows it; `message` is its stored reason (a reprint's, a failure's), `reason` the
    English of it (JSON)."""

    id: int
    order_no: str
    tracking_no: str
    carrier: str
    printer_uri: str
    state: PrintJobState
    copy_no: int
    message: Message | None
    attempts: int
    created_at: datetime
    finished_at: datetime | None

    @property
    def reason(self) -> str | None:
        return self.message.render() if self.message else None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "order_no": self.order_no,
            "tracking_no": self.tracking_no,
            "carrier": self.carrier,
            "printer": self.printer_uri,
            "state": self.state.value,
            "copy_no": self.copy_no,
            "reason": self.reason,
            "attempts": self.attempts,
            "created_at": self.created_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
        }

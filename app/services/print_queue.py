"""The print queue across printers: what waits, what needs the packer, recovery after a crash (services layer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import PrintJobState
from app.domain.errors import InvalidInput, NotFound
from app.persistence.rows import OrderRow, PackageRow, PrintJobRow
from app.services.audit import Actor, audit
from app.services.printing import count_print, interrupted


@dataclass(frozen=True)
class JobView:
    id: int
    order_no: str
    tracking_no: str
    carrier: str
    printer_uri: str
    state: PrintJobState
    copy_no: int
    reason: str | None
    attempts: int
    created_at: datetime
    finished_at: datetime | None

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


def list_jobs(
    session_factory: sessionmaker[Session], *, states: tuple[str, ...] | None = None, limit: int = 500
) -> list[JobView]:
    """Jobs, newest first."""
    with session_factory() as session:
        query = (
            select(PrintJobRow, PackageRow, OrderRow.order_no)
            .join(PackageRow, PackageRow.id == PrintJobRow.package_id)
            .join(OrderRow, OrderRow.id == PackageRow.order_id)
            .order_by(PrintJobRow.id.desc())
            .limit(limit)
        )
        if states:
            query = query.where(PrintJobRow.state.in_(states))
        return [
            JobView(
                job.id,
                order_no,
                package.tracking_no,
                package.carrier,
                job.printer_uri,
                PrintJobState(job.state),
                job.copy_no,
                job.reason,
                job.attempts,
                job.created_at,
                job.finished_at,
            )
            for job, package, order_no in session.execute(query)
        ]


def recover(session_factory: sessionmaker[Session], actor: Actor, now: datetime) -> list[int]:
    """Marks jobs cut off while sending (their process died, or their lease ran out) `unknown`; returns their ids."""
    found = []
    with session_factory.begin() as session:
        for job in session.execute(select(PrintJobRow).where(PrintJobRow.state == PrintJobState.SENDING)).scalars():
            if interrupted(job.claimed_by, job.claimed_at, now):
                job.state = PrintJobState.UNKNOWN
                job.reason = "interrupted while sending: did it print?"
                job.finished_at = now
                found.append(job.id)
                audit(session, actor, "print_interrupted", "print_job", job.id, claimed_by=job.claimed_by)
    return found


def resolve(
    session_factory: sessionmaker[Session], job_id: int, *, printed: bool, actor: Actor, now: datetime
) -> JobView:
    """The packer's answer to "did it print?" (or the decision on a failed job).

    printed=True counts it as printed (the label is on the parcel); printed=False queues it again, with the same
    tracking number, for the next run of its printer.

    Raises:
        NotFound: no such job.
        InvalidInput: the job is not waiting for an answer.
    """
    with session_factory.begin() as session:
        job = session.get(PrintJobRow, job_id)
        if job is None:
            raise NotFound(f"No print job {job_id}.")
        if job.state not in (PrintJobState.UNKNOWN, PrintJobState.FAILED):
            raise InvalidInput(f"Print job {job_id} is {job.state}; only unknown or failed jobs need an answer.")
        if printed and job.state == PrintJobState.FAILED and (job.reason or "").startswith("cancelled"):
            raise InvalidInput(f"Print job {job_id} was cancelled because its order changed; it cannot count.")
        if printed:
            count_print(session, job, job.bytes_sent, now, actor)
            audit(session, actor, "print_confirmed", "print_job", job.id)
        else:
            if (job.reason or "").startswith("cancelled"):
                raise InvalidInput(f"Print job {job_id} was cancelled because its order changed; it cannot be resent.")
            job.state = PrintJobState.QUEUED
            job.finished_at = None
            audit(session, actor, "print_requeued", "print_job", job.id)
    return next(j for j in list_jobs(session_factory, limit=100_000) if j.id == job_id)

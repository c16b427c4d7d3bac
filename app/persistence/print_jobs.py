"""The print_jobs table: reads of the queue and writes named for what they mean (persistence layer).

A job's life is `queued` -> `sending` (claimed by one process) -> `sent`, `unknown` ("did it print?") or `failed`;
an unknown or failed job may be queued again (`requeue`). Every write here is one step of that life; the services
around them (app.services.printing) own the transactions and the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.enums import PackageState, PrintJobState
from app.domain.messages import Message, msg
from app.domain.packages import Package
from app.domain.print_jobs import JobView, PrintJob
from app.persistence.packages import to_package
from app.persistence.rows import OrderRow, PackageRow, PrintJobRow

OPEN_STATES = (PrintJobState.QUEUED, PrintJobState.SENDING, PrintJobState.UNKNOWN)
__all__ = ["OPEN_STATES", "JobOf", "JobView", "PrintJob", "PrintJobs"]  # JobView: app.domain.print_jobs


def _job(row: PrintJobRow) -> PrintJob:
    return PrintJob(
        row.id, row.package_id, row.printer_uri, PrintJobState(row.state), row.copy_no, row.reason, row.bytes_sent,
        row.claimed_by, row.claimed_at,
    )  # fmt: skip


@dataclass(frozen=True)
class JobOf:
    """A job with the parcel and order it prints for: a handle the services pass back to PrintJobs' writes, read
    as values (the rows it holds stay inside persistence)."""

    _job: PrintJobRow
    _package: PackageRow
    _order: OrderRow

    @property
    def job(self) -> PrintJob:
        """The job as it is now (a value: read it again after a write)."""
        return _job(self._job)

    @property
    def parcel(self) -> Package:
        """The parcel as a domain value (what the label is built from)."""
        return to_package(self._package)

    @property
    def order_no(self) -> str:
        return self._order.order_no


class PrintJobs:
    """The print queue over one Session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- reads ------------------------------------------------------------------------------------------------

    def of(self, job_id: int) -> JobOf | None:
        job = self.session.get(PrintJobRow, job_id)
        if job is None:
            return None
        package = self.session.get(PackageRow, job.package_id)
        assert package is not None
        order = self.session.get(OrderRow, package.order_id)
        assert order is not None
        return JobOf(job, package, order)

    def queued(self, printer_uri: str) -> list[int]:
        """Ids of the jobs queued for `printer_uri`, in the order they print."""
        return list(
            self.session.execute(
                select(PrintJobRow.id)
                .where(PrintJobRow.printer_uri == printer_uri, PrintJobRow.state == PrintJobState.QUEUED)
                .order_by(PrintJobRow.id)
            ).scalars()
        )

    def first_of_package(self, package_id: int, states: tuple[PrintJobState, ...]) -> tuple[int, PrintJobState] | None:
        """The oldest job of the parcel `package_id` in one of `states`, with its state."""
        found = self.session.execute(
            select(PrintJobRow.id, PrintJobRow.state)
            .where(PrintJobRow.package_id == package_id, PrintJobRow.state.in_(states))
            .order_by(PrintJobRow.id)
            .limit(1)
        ).first()
        return (found[0], PrintJobState(found[1])) if found is not None else None

    def state(self, job_id: int) -> PrintJobState | None:
        state = self.session.execute(select(PrintJobRow.state).where(PrintJobRow.id == job_id)).scalar_one_or_none()
        return PrintJobState(state) if state is not None else None

    def get(self, job_id: int) -> PrintJob | None:
        row = self.session.get(PrintJobRow, job_id)
        return None if row is None else _job(row)

    def sending(self) -> list[PrintJob]:
        """The jobs marked `sending` (some process claimed them), for recovery after a crash."""
        rows = self.session.execute(select(PrintJobRow).where(PrintJobRow.state == PrintJobState.SENDING)).scalars()
        return [_job(row) for row in rows]

    def views(self, *, states: tuple[str, ...] | None = None, limit: int = 500) -> list[JobView]:
        """Jobs, newest first."""
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
                Message.decode(job.reason),
                job.attempts,
                job.created_at,
                job.finished_at,
            )  # fmt: skip
            for job, package, order_no in self.session.execute(query)
        ]

    def view(self, job_id: int) -> JobView:
        return next(v for v in self.views(limit=100_000) if v.id == job_id)

    # -- writes -----------------------------------------------------------------------------------------------

    def enqueue(self, package: Package, printer_uri: str, reason: Message | None, now: datetime) -> int:
        """Queues the next copy of `package`'s waybill for `printer_uri`; returns the job id."""
        job = PrintJobRow(
            package_id=package.id,
            printer_uri=printer_uri,
            state=PrintJobState.QUEUED,
            copy_no=package.print_count + 1,
            reason=reason.encode() if reason else None,
            created_at=now,
            attempts=0,
        )
        self.session.add(job)
        self.session.flush()
        return job.id

    def take_over(self, job_id: int, printer_uri: str) -> None:
        """Moves a queued job to `printer_uri`."""
        self.session.execute(
            update(PrintJobRow)
            .where(PrintJobRow.id == job_id, PrintJobRow.state == PrintJobState.QUEUED.value)
            .values(printer_uri=printer_uri)
        )

    def claim(self, job_id: int) -> JobOf | None:
        """Marks a queued job `sending`, with a conditional write: of two workers only one gets it (None: taken)."""
        taken = self.session.execute(
            update(PrintJobRow)
            .where(PrintJobRow.id == job_id, PrintJobRow.state == PrintJobState.QUEUED.value)
            .values(state=PrintJobState.SENDING.value)
        ).rowcount
        return self.of(job_id) if taken == 1 else None

    def start_sending(self, found: JobOf, claimed_by: str, now: datetime) -> PrintJob:
        """Records who sends a claimed job and as which copy (its parcel's next one); returns the job as it is now."""
        job = found._job
        job.state = PrintJobState.SENDING
        job.copy_no = found._package.print_count + 1
        job.claimed_by = claimed_by
        job.claimed_at = now
        job.attempts += 1
        return _job(job)

    def mark_sent(self, found: JobOf, sent: int, now: datetime) -> None:
        """The printer took all of `found`'s job: it is sent, and its parcel's waybill was printed once more."""
        job = found._job
        job.state = PrintJobState.SENT
        job.bytes_sent = sent
        job.finished_at = now
        _count_copy(found._package, now)

    def finish(self, job_id: int, state: PrintJobState, reason: Message | None, sent: int, now: datetime) -> JobOf:
        """Ends a send that did not print for sure: `queued` again (nothing left), `unknown` or `failed`. A reprint
        keeps its own reason first."""
        found = self.of(job_id)
        assert found is not None
        job = found._job
        job.state = state
        job.bytes_sent = sent
        if reason:
            earlier = Message.decode(job.reason) if job.copy_no > 1 else None
            job.reason = (msg("print.reasons", first=earlier, then=reason) if earlier else reason).encode()
        if state is not PrintJobState.QUEUED:
            job.finished_at = now
        return found

    def fail(self, job_id: int, reason: Message, now: datetime) -> None:
        """Ends a job that will not print (cancelled, its order stopped)."""
        job = self._row(job_id)
        job.state = PrintJobState.FAILED
        job.reason = reason.encode()
        job.finished_at = now

    def cancel_queued(self, package_id: int, reason: Message, now: datetime) -> int:
        """Fails every queued job of the parcel `package_id` with `reason`; returns how many."""
        cancelled = self.session.execute(
            update(PrintJobRow)
            .where(PrintJobRow.package_id == package_id, PrintJobRow.state == PrintJobState.QUEUED.value)
            .values(state=PrintJobState.FAILED.value, reason=reason.encode(), finished_at=now)
        ).rowcount
        return int(cancelled or 0)

    def mark_unknown(self, job_id: int, reason: Message, now: datetime) -> None:
        """A job cut off while sending: "did it print?" for the packer."""
        job = self._row(job_id)
        job.state = PrintJobState.UNKNOWN
        job.reason = reason.encode()
        job.finished_at = now

    def requeue(self, job_id: int) -> None:
        """Queues an unknown or failed job again, with the same tracking number."""
        job = self._row(job_id)
        job.state = PrintJobState.QUEUED
        job.finished_at = None

    def count_cut_off(self, job_id: int, reason: Message, now: datetime) -> str:
        """Counts the copy a cut-off job may have left on the bench (its barcode may scan) and makes the job its
        parcel's next copy, with `reason`; returns the parcel's tracking number."""
        job = self._row(job_id)
        package = self.session.get(PackageRow, job.package_id)
        assert package is not None
        _count_copy(package, now)
        job.copy_no = package.print_count + 1
        job.reason = reason.encode()
        return package.tracking_no

    def _row(self, job_id: int) -> PrintJobRow:
        # the job is in the session already (read or claimed in this transaction): no query
        job = self.session.get(PrintJobRow, job_id)
        assert job is not None
        return job


def _count_copy(package: PackageRow, now: datetime) -> None:
    """One more copy of `package`'s waybill is out (printed, or cut off where its barcode may scan)."""
    package.print_count += 1
    package.printed_at = now
    if package.state == PackageState.ALLOCATED:
        package.state = PackageState.PRINTED

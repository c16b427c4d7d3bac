"""The print queue across printers: what waits, what needs the packer, recovery after a crash (services layer)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import PrintJobState
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import PLAIN, Message, english, msg
from app.domain.packages import Package
from app.domain.print_jobs import JobView, PrintJob
from app.persistence.print_jobs import JobOf, PrintJobs
from app.services.audit import Actor, audit
from app.services.printing.leases import interrupted


def list_jobs(
    session_factory: sessionmaker[Session], *, states: tuple[str, ...] | None = None, limit: int = 500
) -> list[JobView]:
    """Jobs, newest first."""
    with session_factory() as session:
        return PrintJobs(session).views(states=states, limit=limit)


def recover(session_factory: sessionmaker[Session], actor: Actor, now: datetime) -> list[int]:
    """Marks jobs cut off while sending (their process died, or their lease ran out) `unknown`; returns their ids."""
    found = []
    with session_factory.begin() as session:
        jobs = PrintJobs(session)
        for job in jobs.sending():
            if interrupted(job.claimed_by, job.claimed_at, now):
                jobs.mark_unknown(job.id, msg("print.interrupted"), now)
                found.append(job.id)
                audit(session, actor, "print_interrupted", "print_job", job.id, claimed_by=job.claimed_by)
    return found


def resolve(
    session_factory: sessionmaker[Session], job_id: int, *, printed: bool, actor: Actor, now: datetime
) -> JobView:
    """The packer's answer to "did it print?" (or the decision on a failed job).

    printed=True counts it as printed (the label is on the parcel); printed=False queues it again, with the same
    tracking number, for the next run of its printer. A job that may have been cut off mid-label ("unknown") left a
    label whose barcode may well scan: that copy counts, and the one sent again is a reprint, marked 重打 on the label
    and recorded with its reason.

    Raises:
        NotFound: no such job.
        InvalidInput: the job is not waiting for an answer.
    """
    with session_factory.begin() as session:
        jobs = PrintJobs(session)
        job = jobs.get(job_id)
        if job is None:
            raise NotFound(msg("queue.job_not_found", job=job_id))
        if job.state not in (PrintJobState.UNKNOWN, PrintJobState.FAILED):
            why = NOT_ANSWERABLE.get(PrintJobState(job.state), "queue.not_answerable")
            raise InvalidInput(
                msg(why, job=job_id, state=str(job.state), printer=job.printer_uri), job=job_id, state=str(job.state)
            )
        stored = Message.decode(job.reason)
        cancelled = stored is not None and _is_cancellation(stored)
        if printed and job.state == PrintJobState.FAILED and cancelled:
            raise InvalidInput(msg("queue.cancelled_not_printed", job=job_id, reason=stored))
        if printed:
            found = jobs.of(job_id)
            assert found is not None
            count_print(session, found, job.bytes_sent, now, actor)
            audit(session, actor, "print_confirmed", "print_job", job.id)
        else:
            if cancelled:
                raise InvalidInput(msg("queue.cancelled_not_resent", job=job_id, reason=stored))
            if job.state == PrintJobState.UNKNOWN:
                job = _count_partial(session, job, stored, now, actor)
            jobs.requeue(job_id)
            reason = Message.decode(job.reason)
            audit(
                session, actor, "print_requeued", "print_job", job.id, copy_no=job.copy_no,
                reason=reason.render() if reason else None,
            )  # fmt: skip
    with session_factory() as session:
        return PrintJobs(session).view(job_id)


# Why a job cannot take an answer, and what to do instead (app.domain.catalog_printing).
NOT_ANSWERABLE = {
    PrintJobState.QUEUED: "queue.not_answerable.queued",
    PrintJobState.SENDING: "queue.not_answerable.sending",
    PrintJobState.SENT: "queue.not_answerable.sent",
}


def _is_cancellation(reason: Message) -> bool:
    """Whether a job's stored reason says it was cancelled (rows from before message ids hold English text)."""
    return reason.id == "print.cancelled" or (reason.id == PLAIN and reason.render().startswith("cancelled"))


def _count_partial(session: Session, job: PrintJob, stored: Message | None, now: datetime, actor: Actor) -> PrintJob:
    """Counts the copy a cut-off job may have left on the bench, and makes the job the next copy, with its reason;
    returns the job as it is now."""
    jobs = PrintJobs(session)
    why = msg("print.reprint_cut_off", copy=job.copy_no, reason=stored or msg("print.did_it_print"))
    tracking_no = jobs.count_cut_off(job.id, why, now)
    audit(session, actor, "print_partial", "print_job", job.id, tracking_no=tracking_no, copy_no=job.copy_no)
    again = jobs.get(job.id)
    assert again is not None
    return again


def cancel(session_factory: sessionmaker[Session], job_id: int, *, actor: Actor, now: datetime) -> JobView:
    """Takes a queued job out of the queue: its label is not printed (the tracking number stays the parcel's).

    Raises:
        NotFound: no such job.
        InvalidInput: the job is not queued.
    """
    with session_factory.begin() as session:
        jobs = PrintJobs(session)
        job = jobs.get(job_id)
        if job is None:
            raise NotFound(msg("queue.job_not_found", job=job_id))
        if job.state != PrintJobState.QUEUED:
            why = "queue.cancel_unknown" if job.state == PrintJobState.UNKNOWN else "queue.cancel_not_waiting"
            raise InvalidInput(msg(why, job=job_id, state=str(job.state)), job=job_id, state=str(job.state))
        jobs.fail(job_id, msg("print.cancelled", reason=msg("print.taken_out")), now)
        audit(session, actor, "print_cancelled", "print_job", job.id)
    with session_factory() as session:
        return PrintJobs(session).view(job_id)


def count_print(session: Session, found: JobOf, sent: int, now: datetime, actor: Actor) -> None:
    """Records that `found`'s job left for the printer: it is sent, and its parcel's waybill was printed once more."""
    PrintJobs(session).mark_sent(found, sent, now)
    job = found.job
    audit(
        session, actor, "reprint" if job.copy_no > 1 else "print", "order", found.order_no,
        tracking_no=found.parcel.tracking_no, copy_no=job.copy_no, printer=job.printer_uri,
        reason=english(job.reason),
    )  # fmt: skip


def cancel_queued(session: Session, package: Package, reason: Message, actor: Actor, now: datetime) -> int:
    """Takes the queued jobs of `package` out of every queue (its parcel was stopped: the label must not come out
    later, when someone resumes the queue); returns how many."""
    cancelled = PrintJobs(session).cancel_queued(package.id, msg("print.cancelled", reason=reason), now)
    if cancelled:
        audit(session, actor, "print_cancelled", "package", package.tracking_no, reason=reason.render())
    return cancelled

"""The print_jobs table on a real SQLite file: a job read back as a PrintJob value through each step of its life,
and a cut-off job counted as a copy and queued again as the next one."""

from __future__ import annotations

from datetime import UTC, datetime

from pdtest.stored import ORDER_NO, add_order

from app.domain.enums import PackageState, PrintJobState
from app.domain.messages import Message, msg
from app.persistence.packages import PackageRepository
from app.persistence.print_jobs import PrintJobs
from app.services.workspace import Workspace

NOW = datetime(2025, 3, 2, 8, 0, tzinfo=UTC)
URI = "tcp://10.0.0.9:9100"


def _queued(workspace: Workspace) -> tuple[int, int]:
    with workspace.session_factory.begin() as session:
        package = PackageRepository(session).add(add_order(session).id, "YTO", "YT1234567890123", NOW)
        return package.id, PrintJobs(session).enqueue(package, URI, None, NOW)


def test_a_job_sent_then_cut_off_counts_its_copy_and_queues_the_next(workspace: Workspace) -> None:
    package_id, job_id = _queued(workspace)
    with workspace.session_factory.begin() as session:
        jobs = PrintJobs(session)
        job = jobs.get(job_id)
        assert job is not None and (job.state, job.copy_no, job.package_id, job.printer_uri) == (
            PrintJobState.QUEUED, 1, package_id, URI,
        )  # fmt: skip
        found = jobs.claim(job_id)
        assert found is not None and jobs.claim(job_id) is None  # one claim only
        jobs.start_sending(found, "bench-1:42", NOW)
    with workspace.session_factory.begin() as session:
        jobs = PrintJobs(session)
        assert [(j.id, j.claimed_by, j.claimed_at) for j in jobs.sending()] == [(job_id, "bench-1:42", NOW)]
        jobs.mark_unknown(job_id, msg("print.interrupted"), NOW)
    why = msg("print.reprint_cut_off", copy=1, reason=msg("print.did_it_print"))
    with workspace.session_factory.begin() as session:
        jobs = PrintJobs(session)
        assert jobs.sending() == []
        assert jobs.count_cut_off(job_id, why, NOW) == "YT1234567890123"
        jobs.requeue(job_id)
    with workspace.session_factory() as session:
        job = PrintJobs(session).get(job_id)
        assert job is not None and (job.state, job.copy_no, Message.decode(job.reason)) == (
            PrintJobState.QUEUED, 2, why,
        )  # fmt: skip
        package = PackageRepository(session).get(package_id)
        assert package is not None and package.state == PackageState.PRINTED
        view = PrintJobs(session).view(job_id)
        assert (view.tracking_no, view.state, view.copy_no, view.message) == ("YT1234567890123", job.state, 2, why)


def test_a_failed_job_keeps_its_reason_and_an_unknown_id_reads_as_none(workspace: Workspace) -> None:
    _package_id, job_id = _queued(workspace)
    cancelled = msg("print.cancelled", reason=msg("print.taken_out"))
    with workspace.session_factory.begin() as session:
        PrintJobs(session).fail(job_id, cancelled, NOW)
    with workspace.session_factory() as session:
        job = PrintJobs(session).get(job_id)
        assert job is not None and job.state == PrintJobState.FAILED and Message.decode(job.reason) == cancelled
        assert PrintJobs(session).get(job_id + 1) is None


def test_a_claimed_job_reads_as_values_and_a_second_copy_takes_the_next_number(workspace: Workspace) -> None:
    package_id, job_id = _queued(workspace)
    with workspace.session_factory.begin() as session:
        jobs = PrintJobs(session)
        found = jobs.claim(job_id)
        assert found is not None
        assert (found.order_no, found.parcel.id, found.parcel.tracking_no) == (ORDER_NO, package_id, "YT1234567890123")
        assert jobs.start_sending(found, "bench-1:42", NOW).copy_no == 1
        jobs.mark_sent(found, 512, NOW)
        assert (found.job.state, found.job.bytes_sent, found.parcel.print_count) == (PrintJobState.SENT, 512, 1)
    with workspace.session_factory.begin() as session:
        jobs = PrintJobs(session)
        package = PackageRepository(session).get(package_id)
        assert package is not None
        found = jobs.claim(jobs.enqueue(package, URI, None, NOW))
        assert found is not None and found.job.state == PrintJobState.SENDING
        sending = jobs.start_sending(found, "bench-1:43", NOW)
        assert (sending.copy_no, sending.claimed_by) == (2, "bench-1:43") and found.job == sending

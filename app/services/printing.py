"""Printing waybills through a persisted spooler (services layer).

Order of work, so that a crash at any point leaves a truthful record:
1. one transaction allocates the tracking number (if the order has none) and queues the job;
2. one transaction claims the job (`sending`, with this process's name); the label is rendered and sent outside
   any transaction;
3. one transaction marks the job `sent` and counts the print once the printer has taken all of it (printers/ waits
   for that per link) and, where it answers, still reports ready; or puts it back (`queued`: nothing left the
   station), or `unknown` (cut off mid-send, or the printer stopped after it: did it print?, never counted), or
   `failed`. Sent again, an `unknown` job is a counted reprint (print_queue.resolve).
A job found `sending` whose process is gone was interrupted: print_queue.recover() calls it "unknown: did it
print?" for the packer to confirm; it is never silently resent.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.demo.routing import demo_routing
from app.domain.enums import PackageState, PrintJobState
from app.domain.errors import InvalidInput, NotFound, NotPackable
from app.domain.masking import mask_name, mask_phone
from app.domain.messages import Message, english, msg, of_error
from app.domain.orders import CHINA_TZ
from app.domain.tracking import carrier
from app.persistence.repositories import OrderRepository, current_package, to_order
from app.persistence.rows import OrderRow, PackageRow, PrintJobRow, WaybillAccountRow
from app.services.audit import Actor, audit
from app.services.waybills import account_for, allocate
from printers.errors import PrinterError, PrinterOffline, PrinterWriteError
from printers.media import Media
from printers.ports import LabelPrinter
from printers.status import State
from printers.waybill import Item, Party, Routing, Waybill

OPEN_STATES = (PrintJobState.QUEUED, PrintJobState.SENDING, PrintJobState.UNKNOWN)

# Why a waybill with an unfinished job cannot be queued again, and what resolves it (app.domain.catalog_printing).
WAITING_MESSAGES = {
    PrintJobState.QUEUED: "print.waiting.queued",
    PrintJobState.SENDING: "print.waiting.sending",
    PrintJobState.UNKNOWN: "print.waiting.unknown",
}


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


def build_waybill(order: OrderRow, package: PackageRow, copy_no: int, printed_at: datetime) -> Waybill:
    """The label content of `package`: privacy-masked receiver, the group's sender, packable items only."""
    group = order.shop.group
    sender = (
        Party(
            group.sender_name,
            group.sender_phone,
            "".join((group.sender_province, group.sender_city, group.sender_district, group.sender_detail)),
        )
        if group
        else Party(order.shop.name, "", "")
    )
    city = "" if order.receiver_city == order.receiver_province else order.receiver_city
    routing = package.routing or {}
    return Waybill(
        tracking_no=package.tracking_no,
        carrier_name=carrier(package.carrier).name,
        carrier_code=package.carrier,
        receiver=Party(
            mask_name(order.receiver_name),  # the cache holds them masked; a label never shows more, whatever wrote it
            mask_phone(order.receiver_phone),
            "".join(
                (order.receiver_province, city, order.receiver_district, order.receiver_town, order.receiver_address)
            ),
        ),
        sender=sender,
        order_no=order.order_no,
        printed_at=printed_at.astimezone(CHINA_TZ),
        routing=Routing(
            routing.get("sort_headline", ""), routing.get("route_code", ""), routing.get("consolidation", "")
        ),
        items=tuple(
            Item(ln.sku, f"{ln.title} {ln.spec.partition(':')[2]}".strip(), ln.qty)
            for ln in order.lines
            if ln.refund_status == "none" and not ln.shipped
        ),
        buyer_message=order.buyer_message,
        seller_memo=order.seller_memo,
        copy_no=copy_no,
    )


PREVIEW_NUMBER = "000000000000"  # shown until the order's tracking number is allocated at print time


def preview_waybill(session_factory: sessionmaker[Session], order_no: str, now: datetime) -> Waybill:
    """The label `order_no` would print now; nothing is allocated or recorded.

    Raises:
        NotFound: no such order.
    """
    with session_factory() as session:
        order = OrderRepository(session).row(order_no)
        if order is None:
            raise NotFound(msg("order.not_found", order_no=order_no))
        package = current_package(order)
        if package is None:
            account = _default_account(session, order)
            routing = demo_routing(order) if account is not None and account.kind == "demo" else {}
            package = PackageRow(
                tracking_no=PREVIEW_NUMBER,
                carrier=account.carrier if account else "ZTO",
                routing=routing,
                print_count=0,
            )
        return build_waybill(order, package, package.print_count + 1, now)


def _default_account(session: Session, order: OrderRow) -> WaybillAccountRow | None:
    try:
        return account_for(session, order)
    except NotFound:
        return None


def this_process() -> str:
    return f"{platform.node()}/{os.getpid()}"


def process_alive(pid: int) -> bool:
    """True while process `pid` of this machine runs (no signal is sent)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


SEND_LEASE = timedelta(minutes=5)  # no label takes longer to send, even at 9600 baud


def interrupted(claimed_by: str | None, claimed_at: datetime | None, now: datetime) -> bool:
    """Whether a job left `sending` was cut off: its process on this machine is gone, or its lease ran out."""
    if claimed_at is not None and now - claimed_at > SEND_LEASE:
        return True
    host, _, pid = (claimed_by or "").rpartition("/")
    return host == platform.node() and pid.isdigit() and not process_alive(int(pid))


@dataclass(frozen=True)
class _Claim:
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


def cancel_queued(session: Session, package: PackageRow, reason: Message, actor: Actor, now: datetime) -> int:
    """Takes the queued jobs of `package` out of every queue (its parcel was stopped: the label must not come out
    later, when someone resumes the queue); returns how many."""
    cancelled = session.execute(
        update(PrintJobRow)
        .where(PrintJobRow.package_id == package.id, PrintJobRow.state == PrintJobState.QUEUED.value)
        .values(
            state=PrintJobState.FAILED.value, reason=msg("print.cancelled", reason=reason).encode(), finished_at=now
        )
    ).rowcount
    if cancelled:
        audit(session, actor, "print_cancelled", "package", package.tracking_no, reason=reason.render())
    return int(cancelled or 0)


@dataclass(frozen=True)
class QueuePause:
    """Why the queue of a printer stopped, as a message for the packer, and the printer's state."""

    state: State
    message: Message
    reported: bool = False  # the printer itself said so (a status answer), not inferred from a failed send


class PrintService:
    """The print spooler of one printer: a persisted queue worked in order, one job at a time.

    A job is `queued` when its order's tracking number is committed, `sending` while bytes go out, then `sent`, or
    `failed` (nothing left the station), or `unknown` (cut off while sending: did it print?) for the packer to
    confirm. The printer is asked for its status before a run and after each job where it answers; paper out, an open
    cover, offline or a pause stop the queue, which keeps its jobs for `run()` to resume.

    Args:
        session_factory: opens a Session per transaction.
        printer: where labels go.
        actor: who prints, at which station (recorded in the audit log).
        clock: returns the current time (UTC); injectable for tests.
        check_status: ask the printer before a run and after each job.
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        printer: LabelPrinter,
        actor: Actor,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        *,
        check_status: bool = True,
    ) -> None:
        self.session_factory = session_factory
        self.printer = printer
        self.actor = actor
        self.clock = clock
        self.check_status = check_status
        self.pause: QueuePause | None = None

    @property
    def media(self) -> Media:
        return self.printer.spec.media

    @property
    def uri(self) -> str:
        return self.printer.spec.uri

    # -- queueing ---------------------------------------------------------------------------------------------

    def enqueue(
        self, order_no: str, *, carrier_code: str | None = None, reprint_reason: str | Message | None = None
    ) -> int:
        """Queues the waybill of one order, allocating (and committing) its tracking number first. A reprint's reason
        is the packer's own words, or a message of PackDesk's (a parcel packed again at the station).

        Returns:
            The job id.

        Raises:
            NotFound: no such order.
            NotPackable: the order is closed, shipped, held or fully refunded.
            InvalidInput: printed before and no reprint reason, or a job for it is already waiting.
        """
        reason = (
            reprint_reason if isinstance(reprint_reason, Message) else Message.plain((reprint_reason or "").strip())
        )
        given = isinstance(reprint_reason, Message) or bool(reason.render())
        with self.session_factory.begin() as session:
            order = OrderRepository(session).row(order_no)
            if order is None:
                raise NotFound(msg("print.order_not_found", order_no=order_no))
            package = current_package(order)
            already = package is not None and package.print_count > 0
            blocked = to_order(order, {}).block_reason()
            if blocked and not (blocked == "shipped" and already and given):
                raise NotPackable(msg(f"print.blocked.{blocked}", order_no=order.order_no), reason=blocked)
            if package is not None:
                waiting = session.execute(
                    select(PrintJobRow.id, PrintJobRow.state)
                    .where(PrintJobRow.package_id == package.id, PrintJobRow.state.in_(OPEN_STATES))
                    .order_by(PrintJobRow.id)
                ).first()
                if waiting is not None:
                    job_id, state = waiting[0], PrintJobState(waiting[1])
                    raise InvalidInput(
                        msg(
                            WAITING_MESSAGES[state],
                            order_no=order.order_no,
                            tracking_no=package.tracking_no,
                            job=job_id,
                        ),
                        job=job_id,
                        state=state.value,
                    )
            if already and not given:
                assert package is not None
                raise InvalidInput(
                    msg(
                        "print.already_printed",
                        order_no=order.order_no,
                        tracking_no=package.tracking_no,
                        count=package.print_count,
                    )
                )
            if package is None:
                package = allocate(session, order, carrier_code)
            job = PrintJobRow(
                package_id=package.id,
                printer_uri=self.uri,
                state=PrintJobState.QUEUED,
                copy_no=package.print_count + 1,
                reason=reason.encode() if already else None,
                created_at=self.clock(),
                attempts=0,
            )
            session.add(job)
            session.flush()
            return job.id

    def pending(self) -> list[int]:
        """Ids of this printer's queued jobs, in the order they print."""
        with self.session_factory() as session:
            return list(
                session.execute(
                    select(PrintJobRow.id)
                    .where(PrintJobRow.printer_uri == self.uri, PrintJobRow.state == PrintJobState.QUEUED)
                    .order_by(PrintJobRow.id)
                ).scalars()
            )

    # -- working the queue ------------------------------------------------------------------------------------

    def run(
        self, *, only: set[int] | None = None, progress: Callable[[PrintResult], None] | None = None
    ) -> list[PrintResult]:
        """Prints queued jobs in order until none is left or the printer needs the packer.

        Args:
            only: restrict the run to these job ids (others stay queued).
            progress: called after each job with its result.

        Returns:
            The results of the jobs tried in this run; `self.pause` says why it stopped early, if it did.
        """
        self.pause = None
        results: list[PrintResult] = []
        if self.check_status and not self._printer_ready():
            return results
        pending = [j for j in self.pending() if only is None or j in only]
        if getattr(self.printer, "combined", False):
            return self._send_combined(pending, progress)
        for job_id in pending:
            result = self._send(job_id)
            if result is None:
                continue
            results.append(result)
            if progress:
                progress(result)
            if self.pause is not None:
                break
        return results

    def print_order(
        self, order_no: str, *, carrier_code: str | None = None, reprint_reason: str | Message | None = None
    ) -> PrintResult:
        """Queues and prints the waybill of one order now (the station's path); raises as `enqueue` does."""
        return self.print_job(self.enqueue(order_no, carrier_code=carrier_code, reprint_reason=reprint_reason))

    def waiting_job(self, order_no: str) -> int | None:
        """The job of `order_no`'s current parcel still queued (its printer stopped), on any printer."""
        with self.session_factory() as session:
            row = OrderRepository(session).row(order_no)
            package = current_package(row) if row is not None else None
            if package is None:
                return None
            return session.execute(
                select(PrintJobRow.id)
                .where(PrintJobRow.package_id == package.id, PrintJobRow.state == PrintJobState.QUEUED.value)
                .order_by(PrintJobRow.id)
                .limit(1)
            ).scalar_one_or_none()

    def open_job(self, order_no: str) -> tuple[int, PrintJobState] | None:
        """The unfinished job (queued, sending, or "did it print?") of `order_no`'s current parcel, on any printer."""
        with self.session_factory() as session:
            row = OrderRepository(session).row(order_no)
            package = current_package(row) if row is not None else None
            if package is None:
                return None
            found = session.execute(
                select(PrintJobRow.id, PrintJobRow.state)
                .where(PrintJobRow.package_id == package.id, PrintJobRow.state.in_(OPEN_STATES))
                .order_by(PrintJobRow.id)
                .limit(1)
            ).first()
        return (found[0], PrintJobState(found[1])) if found is not None else None

    def take_over(self, job_id: int) -> None:
        """Moves a queued job to this printer (the bench's printer was changed, a batch resumes at a new address)."""
        with self.session_factory.begin() as session:
            session.execute(
                update(PrintJobRow)
                .where(PrintJobRow.id == job_id, PrintJobRow.state == PrintJobState.QUEUED.value)
                .values(printer_uri=self.uri)
            )

    def job_state(self, job_id: int) -> PrintJobState | None:
        with self.session_factory() as session:
            state = session.execute(select(PrintJobRow.state).where(PrintJobRow.id == job_id)).scalar_one_or_none()
        return PrintJobState(state) if state is not None else None

    def print_job(self, job_id: int) -> PrintResult:
        """Prints one queued job now (after the jobs queued before it), or says why it did not print. A job queued
        for another printer (the bench's printer was changed meanwhile) comes to this one."""
        self.take_over(job_id)
        results = {r.job_id: r for r in self.run(only={job_id})}
        if job_id in results:
            return results[job_id]
        return self.result(
            job_id,
            message=self.pause.message if self.pause else msg("print.not_printed"),
            printer_state=self.pause.state if self.pause and self.pause.reported else None,
        )

    def result(self, job_id: int, message: Message | None = None, printer_state: State | None = None) -> PrintResult:
        with self.session_factory() as session:
            job = session.get(PrintJobRow, job_id)
            assert job is not None
            package = session.get(PackageRow, job.package_id)
            order = session.get(OrderRow, package.order_id) if package else None
            assert package is not None and order is not None
            return PrintResult(
                order.order_no,
                package.tracking_no,
                package.carrier,
                job.copy_no,
                job.id,
                PrintJobState(job.state),
                job.bytes_sent,
                message,
                printer_state.value if printer_state else None,
            )

    def _printer_ready(self) -> bool:
        """Asks the printer whether it can print; if not, `self.pause` says why."""
        if not getattr(self.printer, "answers_status", True):
            return True  # the link cannot carry an answer (a /dev/usb/lp file, status=off): nothing to ask
        status = self.printer.status()
        if status.state is State.READY:
            return True
        # Paper out, cover open, offline and no answer all stop the queue: "unknown" is never taken for "ready".
        self.pause = QueuePause(status.state, of_error(status), reported=True)
        return False

    def _claim(self, job_id: int) -> _Claim | PrintResult | None:
        """Marks a queued job `sending` (committed) and builds its label; a job whose order changed is cancelled."""
        with self.session_factory.begin() as session:
            # Taken with a conditional write: of two runs (the queue's Resume, the station's retry) only one gets it.
            taken = session.execute(
                update(PrintJobRow)
                .where(PrintJobRow.id == job_id, PrintJobRow.state == PrintJobState.QUEUED.value)
                .values(state=PrintJobState.SENDING.value)
            ).rowcount
            job = session.get(PrintJobRow, job_id)
            if taken != 1 or job is None:
                return None  # another worker took it
            package = session.get(PackageRow, job.package_id)
            assert package is not None
            order = OrderRepository(session).row_for_package(package)
            now = self.clock()
            blocked = to_order(order, {}).block_reason()
            if blocked and not (blocked == "shipped" and job.copy_no > 1):
                # The order changed while its job waited (a refund arrived): the label must not come out.
                job.state = PrintJobState.FAILED
                why = msg("print.cancelled", reason=msg("print.order_stopped", reason=msg(f"order.blocked.{blocked}")))
                job.reason = why.encode()
                job.finished_at = now
                audit(
                    session,
                    self.actor,
                    "print_cancelled",
                    "order",
                    order.order_no,
                    tracking_no=package.tracking_no,
                    reason=blocked,
                )
                return PrintResult(
                    order.order_no,
                    package.tracking_no,
                    package.carrier,
                    job.copy_no,
                    job.id,
                    PrintJobState.FAILED,
                    0,
                    why,
                )
            job.state = PrintJobState.SENDING
            job.copy_no = package.print_count + 1
            job.claimed_by = this_process()
            job.claimed_at = now
            job.attempts += 1
            waybill = build_waybill(order, package, job.copy_no, now)
            return _Claim(job.id, order.order_no, package.tracking_no, package.carrier, job.copy_no, waybill)

    def _send(self, job_id: int) -> PrintResult | None:
        claim = self._claim(job_id)
        if not isinstance(claim, _Claim):
            return claim
        # Committed as `sending`: a crash from here on leaves the job for recover() to call "unknown".
        try:
            sent = self.printer.print_waybill(claim.waybill, claim.name)
        except PrinterError as exc:
            return self._failed(claim, exc)
        if self.check_status and not self._printer_ready():
            assert self.pause is not None
            if self.pause.state in (State.PAPER_OUT, State.OFFLINE, State.COVER_OPEN, State.ERROR):
                # The printer took the label but stopped (paper ran out, the cover opened): it may not have come
                # out whole, so it is not counted; the packer says whether it did.
                error = msg("print.after_sending", reason=self.pause.message)
                self._set_state(claim.job_id, PrintJobState.UNKNOWN, error, sent=sent)
                return claim.result(PrintJobState.UNKNOWN, sent, error, self.pause.state)
            # It took the whole label and now does not answer: printed; the queue waits before the next one.
        self._mark_sent(claim.job_id, sent)
        return claim.result(PrintJobState.SENT, sent)

    def _failed(self, claim: _Claim, exc: PrinterError) -> PrintResult:
        if isinstance(exc, PrinterOffline):  # nothing left the station: the job waits for the printer
            state, pause = PrintJobState.QUEUED, State.OFFLINE
        elif isinstance(exc, PrinterWriteError):  # cut off mid-job: part of the label may have printed
            state, pause = PrintJobState.UNKNOWN, State.ERROR
        else:
            state, pause = PrintJobState.FAILED, State.ERROR
        why = of_error(exc)
        self._set_state(claim.job_id, state, why)
        self.pause = QueuePause(pause, why)
        return claim.result(state, 0, why)

    def _send_combined(self, job_ids: list[int], progress: Callable[[PrintResult], None] | None) -> list[PrintResult]:
        """Prints every job into one document (a combined PDF): all are sent, or none is."""
        results: list[PrintResult] = []
        claims: list[_Claim] = []
        for job_id in job_ids:
            claim = self._claim(job_id)
            if isinstance(claim, _Claim):
                claims.append(claim)
            elif claim is not None:
                results.append(claim)
        if not claims:
            return results
        try:
            sizes = self.printer.print_batch([c.waybill for c in claims])  # type: ignore[attr-defined]
        except PrinterError as exc:
            return results + [self._failed(c, exc) for c in claims]
        for claim, sent in zip(claims, sizes, strict=True):
            self._mark_sent(claim.job_id, sent)
            result = claim.result(PrintJobState.SENT, sent)
            results.append(result)
            if progress:
                progress(result)
        return results

    def _set_state(self, job_id: int, state: PrintJobState, reason: Message | None, sent: int = 0) -> None:
        with self.session_factory.begin() as session:
            job = session.get(PrintJobRow, job_id)
            assert job is not None
            job.state = state
            job.bytes_sent = sent
            if reason:  # a reprint keeps its own reason first
                earlier = Message.decode(job.reason) if job.copy_no > 1 else None
                job.reason = (msg("print.reasons", first=earlier, then=reason) if earlier else reason).encode()
            if state is not PrintJobState.QUEUED:
                job.finished_at = self.clock()
            package = session.get(PackageRow, job.package_id)
            assert package is not None
            order = session.get(OrderRow, package.order_id)
            assert order is not None
            audit(
                session,
                self.actor,
                f"print_{state.value}",
                "order",
                order.order_no,
                tracking_no=package.tracking_no,
                printer=job.printer_uri,
                error=reason.render() if reason else None,
            )

    def _mark_sent(self, job_id: int, sent: int) -> None:
        with self.session_factory.begin() as session:
            job = session.get(PrintJobRow, job_id)
            assert job is not None
            count_print(session, job, sent, self.clock(), self.actor)


def count_print(session: Session, job: PrintJobRow, sent: int, now: datetime, actor: Actor) -> None:
    """Records that `job` left for the printer: the job is sent, and its parcel's waybill was printed once more."""
    job.state = PrintJobState.SENT
    job.bytes_sent = sent
    job.finished_at = now
    package = session.get(PackageRow, job.package_id)
    assert package is not None
    order = session.get(OrderRow, package.order_id)
    assert order is not None
    package.print_count += 1
    package.printed_at = now
    if package.state == PackageState.ALLOCATED:
        package.state = PackageState.PRINTED
    action = "reprint" if job.copy_no > 1 else "print"
    audit(
        session,
        actor,
        action,
        "order",
        order.order_no,
        tracking_no=package.tracking_no,
        copy_no=job.copy_no,
        printer=job.printer_uri,
        reason=english(job.reason),
    )

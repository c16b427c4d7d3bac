"""The print spooler of one printer (services layer): a persisted queue, claimed, rendered, sent and counted.

Order of work, so that a crash at any point leaves a truthful record:
1. one transaction allocates the tracking numbers (for orders without one) and queues the jobs, a whole batch at once;
   a number from an online provider is taken before it, outside any transaction (app.services.waybills.issuing:
   recorded, asked, recorded), and the transaction finds the parcel there;
2. one transaction claims a job (`sending`, with this process's name) just before its bytes go; the label is
   rendered outside any transaction (ahead of time on a batch's connection, see app.services.printing.batch);
3. one transaction marks the job `sent` and counts the print once the printer has taken all of it (printers/ waits
   for that per link) and, where it answers, still reports ready; or puts it back (`queued`: nothing left the
   station), or `unknown` (cut off mid-send, or the printer stopped after it: did it print?, never counted), or
   `failed`. Sent again, an `unknown` job is a counted reprint (app.services.printing.queue.resolve).
A job found `sending` whose process is gone was interrupted: queue.recover() calls it "unknown: did it print?" for
the packer to confirm; it is never silently resent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from app.domain.carrier_rules import StopBook
from app.domain.enums import PrintJobState
from app.domain.errors import InvalidInput, NotFound, NotPackable, PackDeskError, WaybillUnclear
from app.domain.messages import Message, msg, of_error
from app.domain.order_actions import hold_stop
from app.domain.packages import StoredOrder
from app.persistence.print_jobs import OPEN_STATES, PrintJobs
from app.persistence.repositories import OrderRepository
from app.persistence.service_rules import ServiceRules
from app.services.audit import Actor, audit
from app.services.printing.label import parcel_order, waybill_of
from app.services.printing.leases import this_process
from app.services.printing.queue import count_print
from app.services.printing.results import Claim, PrintResult, QueuePause
from app.services.service_rules import print_stop, rule_carriers
from app.services.stock import refusal as stock_refusal
from app.services.waybills import RemoteNumberNeeded, WaybillProviders, allocate, installed
from app.services.waybills.issuing import issue_numbers, needs_provider
from printers.errors import PrinterError, PrinterOffline, PrinterWriteError
from printers.media import Media
from printers.ports import LabelPrinter
from printers.status import PrinterStatus, State

# Why a waybill with an unfinished job cannot be queued again, and what resolves it (app.domain.catalog_printing).
WAITING_MESSAGES = {
    PrintJobState.QUEUED: "print.waiting.queued",
    PrintJobState.SENDING: "print.waiting.sending",
    PrintJobState.UNKNOWN: "print.waiting.unknown",
}
# A printer that says so after taking a label may not have printed it whole: "did it print?".
STOPPED = (State.PAPER_OUT, State.OFFLINE, State.COVER_OPEN, State.ERROR)


class PrintService:
    """The print spooler of one printer: a persisted queue worked in order.

    A job is `queued` when its order's tracking number is committed, `sending` while bytes go out, then `sent`, or
    `failed` (nothing left the station), or `unknown` (cut off while sending: did it print?) for the packer to
    confirm. The printer is asked for its status before a run and after each job where it answers; paper out, an open
    cover, offline or a pause stop the queue, which keeps its jobs for `run()` to resume. A printer whose labels can
    share one connection (`batches`) gets the run's labels on one, rendered ahead while the one before goes out.

    Args:
        session_factory: opens a Session per transaction.
        printer: where labels go.
        actor: who prints, at which station (recorded in the audit log).
        clock: returns the current time (UTC); injectable for tests.
        check_status: ask the printer before a run and after each job.
        waybills: the tracking-number providers; None: the ones the composition root installed.
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        printer: LabelPrinter,
        actor: Actor,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        *,
        check_status: bool = True,
        waybills: WaybillProviders | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.printer = printer
        self.actor = actor
        self.clock = clock
        self.check_status = check_status
        self.waybills = waybills
        self.pause: QueuePause | None = None
        # What the packer must hear about the last enqueue's numbers, per order (an address changed after printing:
        # the number kept and its label updated, or a new number).
        self.notices: dict[str, Message] = {}
        self._stop_book: StopBook | None = None  # the carrier stops as the current enqueue read them

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
            NotPackable: the order is closed, shipped, held, fully refunded, or out of stock (with the SKUs it
                misses) and no supervisor overrode it.
            InvalidInput: printed before and no reprint reason, or a job for it is already waiting.
            PackDeskError: its online waybill provider gave no number (app.services.waybills.issuing says why).
        """
        self.notices, self._stop_book = {}, None
        carrier_code = carrier_code or self._chosen([order_no]).get(order_no)
        try:
            with self.session_factory.begin() as session:
                return self._enqueue(session, order_no, carrier_code, reprint_reason)
        except RemoteNumberNeeded:
            pass  # rolled back, nothing written: its provider is asked outside any transaction, then it queues
        errors = self._issue([order_no], carrier_code, reprint_reason)
        if order_no in errors:
            raise errors[order_no]
        with self.session_factory.begin() as session:
            return self._enqueue(session, order_no, carrier_code, reprint_reason, asked=True)

    def enqueue_batch(
        self, order_nos: list[str], *, carrier_code: str | None = None, reprint_reason: str | Message | None = None
    ) -> list[int | PackDeskError]:
        """Queues the waybills of a batch in one transaction: one commit (one sync to disk) for the whole batch.
        An order whose job is still queued (the same batch run again after a crash or a stopped printer) keeps that
        job, moved to this printer, with the number it was given.

        Returns:
            Per order, its job id, or why it cannot print (raised as `enqueue` raises it; the rest still queue).
        """
        self.notices, self._stop_book = {}, None
        carriers = dict.fromkeys(order_nos, carrier_code) if carrier_code else self._chosen(order_nos)
        try:
            return self._enqueue_all(order_nos, carriers, reprint_reason, None)
        except RemoteNumberNeeded:
            pass  # rolled back, nothing written: the online providers are asked first, in calls of their batch size
        with self.session_factory() as session:  # out of stock or stopped: refused, and no provider numbers it
            orders = OrderRepository(session)
            short = {no for no in order_nos if (s := orders.stored(no)) and self._refused(session, s, carriers.get(no))}
        errors: dict[str, PackDeskError] = {}
        by_carrier: dict[str | None, list[str]] = {}
        for no in order_nos:
            if no not in short:
                by_carrier.setdefault(carriers.get(no), []).append(no)
        for code, group in by_carrier.items():  # one call per carrier the batch's orders go with
            errors.update(self._issue(group, code, reprint_reason))
        return self._enqueue_all(order_nos, carriers, reprint_reason, errors)

    def _chosen(self, order_nos: list[str]) -> dict[str, str]:
        """The carriers the seller's carrier rules choose for orders without a number yet (only rules whose carrier
        the orders' waybill accounts serve, and not stopped there); an order no rule chose is absent."""
        with self.session_factory() as session:
            return rule_carriers(session, order_nos, self.clock())

    def _refused(self, session: Session, stored: StoredOrder, carrier_code: str | None) -> bool:
        """Whether the print refuses `stored` before any number: out of stock, or its carrier stopped there."""
        if stock_refusal(session, stored) is not None:
            return True
        if stored.order.block_reason() is not None:
            return False
        return print_stop(session, stored, carrier_code, self.clock(), self._stops(session)) is not None

    def _stops(self, session: Session) -> StopBook:
        """The carrier stops, read once per enqueue (a batch of a thousand orders reads them once)."""
        if self._stop_book is None:
            self._stop_book = ServiceRules(session).stop_book()
        return self._stop_book

    def _enqueue_all(
        self, order_nos: list[str], carriers: Mapping[str, str | None], reprint_reason: str | Message | None,
        asked: dict[str, PackDeskError] | None,
    ) -> list[int | PackDeskError]:  # fmt: skip
        """The batch's transaction; `asked`: the online providers were asked first, with these orders' failures."""
        done: list[int | PackDeskError] = []
        with self.session_factory.begin() as session:
            jobs = PrintJobs(session)
            for order_no in order_nos:
                waiting = self._open_job(session, order_no)
                if waiting is not None and waiting[1] is PrintJobState.QUEUED:
                    jobs.take_over(waiting[0], self.uri)
                    done.append(waiting[0])
                    continue
                if asked is not None and order_no in asked:
                    done.append(asked[order_no])
                    continue
                try:  # every refusal comes before a write, so the others' writes stand
                    code = carriers.get(order_no)
                    done.append(self._enqueue(session, order_no, code, reprint_reason, asked=asked is not None))
                except PackDeskError as exc:
                    done.append(exc)
        return done

    def _issue(
        self, order_nos: list[str], carrier_code: str | None, reprint_reason: str | Message | None
    ) -> dict[str, PackDeskError]:
        """Has the online providers number `order_nos` (outside any transaction); the failures per order."""
        given = isinstance(reprint_reason, Message) or bool((reprint_reason or "").strip())
        return issue_numbers(
            self.session_factory, order_nos, self.waybills or installed(), carrier_code, self.clock,
            reprint=given, actor=self.actor, notify=self.notices.__setitem__,
        )  # fmt: skip

    def _enqueue(
        self, session: Session, order_no: str, carrier_code: str | None, reprint_reason: str | Message | None,
        *, asked: bool = False,
    ) -> int:  # fmt: skip
        """Queues the order's waybill in `session`'s transaction. Raises RemoteNumberNeeded (before any write) when
        its online provider must be asked first, unless it was (`asked`)."""
        reason = (
            reprint_reason if isinstance(reprint_reason, Message) else Message.plain((reprint_reason or "").strip())
        )
        given = isinstance(reprint_reason, Message) or bool(reason.render())
        stored = OrderRepository(session).stored(order_no)
        if stored is None:
            raise NotFound(msg("print.order_not_found", order_no=order_no))
        order, package = stored.order, stored.package
        already = package is not None and package.print_count > 0
        blocked = order.block_reason()
        if blocked and not (blocked == "shipped" and already and given):
            refused = hold_stop(order) or msg(f"print.blocked.{blocked}", order_no=order.order_no)  # a hold: its reason
            raise NotPackable(refused, reason=blocked)
        short = stock_refusal(session, stored)  # out of stock, no supervisor's override: which SKUs, how many
        if short is not None:
            raise NotPackable(short, reason="out_of_stock")
        stopped = None if blocked else print_stop(session, stored, carrier_code, self.clock(), self._stops(session))
        if stopped is not None:  # its carrier does not collect there now (a holiday or regional stop)
            raise stopped
        jobs = PrintJobs(session)
        if package is not None:
            waiting = jobs.first_of_package(package.id, OPEN_STATES)
            if waiting is not None:
                job_id, state = waiting
                raise InvalidInput(
                    msg(WAITING_MESSAGES[state], order_no=order.order_no, tracking_no=package.tracking_no, job=job_id),
                    job=job_id,
                    state=state.value,
                )
            if already and not given:
                raise InvalidInput(
                    msg(
                        "print.already_printed",
                        order_no=order.order_no,
                        tracking_no=package.tracking_no,
                        count=package.print_count,
                    )
                )
            if not (asked or blocked) and needs_provider(session, stored, package):
                raise RemoteNumberNeeded(order.order_no)  # its receiver changed, or its print data is missing
        if package is None:
            try:
                package = allocate(session, stored, self.waybills or installed(), carrier_code)
            except RemoteNumberNeeded:
                if asked:  # its provider was asked and gave nothing, without saying why (never seen): try again
                    raise WaybillUnclear(msg("waybill.not_numbered", order_no=order.order_no)) from None
                raise
        return jobs.enqueue(package, self.uri, reason if already else None, self.clock())

    def pending(self) -> list[int]:
        """Ids of this printer's queued jobs, in the order they print."""
        with self.session_factory() as session:
            return PrintJobs(session).queued(self.uri)

    def waiting_job(self, order_no: str) -> int | None:
        """The job of `order_no`'s current parcel still queued (its printer stopped), on any printer."""
        with self.session_factory() as session:
            found = self._open_job(session, order_no, (PrintJobState.QUEUED,))
        return found[0] if found is not None else None

    def open_job(self, order_no: str) -> tuple[int, PrintJobState] | None:
        """The unfinished job (queued, sending, or "did it print?") of `order_no`'s current parcel, on any printer."""
        with self.session_factory() as session:
            return self._open_job(session, order_no)

    @staticmethod
    def _open_job(
        session: Session, order_no: str, states: tuple[PrintJobState, ...] = OPEN_STATES
    ) -> tuple[int, PrintJobState] | None:
        stored = OrderRepository(session).stored(order_no)
        package = stored.package if stored is not None else None
        return PrintJobs(session).first_of_package(package.id, states) if package is not None else None

    def take_over(self, job_id: int) -> None:
        """Moves a queued job to this printer (the bench's printer was changed, a batch resumes at a new address)."""
        with self.session_factory.begin() as session:
            PrintJobs(session).take_over(job_id, self.uri)

    def job_state(self, job_id: int) -> PrintJobState | None:
        with self.session_factory() as session:
            return PrintJobs(session).state(job_id)

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
        if self.check_status and not self._printer_ready():
            return []
        pending = [j for j in self.pending() if only is None or j in only]
        if self.printer.combined:
            return self._send_combined(pending, progress)
        if self.printer.batches and self.check_status and len(pending) > 1:
            # One label (the station's) keeps its own connection and the printer's close as its confirmation.
            from app.services.printing.batch import send_batch

            return send_batch(self, pending, progress)
        results: list[PrintResult] = []
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
            found = PrintJobs(session).of(job_id)
            assert found is not None
            return PrintResult.of(found, message=message, printer_state=printer_state)

    def _printer_ready(self) -> bool:
        """Asks the printer whether it can print; if not, `self.pause` says why."""
        if not self.printer.answers_status:
            return True  # the link cannot carry an answer (a /dev/usb/lp file, status=off): nothing to ask
        return self.printer_says(self.printer.status())

    def printer_says(self, status: PrinterStatus) -> bool:
        """Whether `status` lets the queue go on; if not, `self.pause` says why."""
        if status.state is State.READY:
            return True
        # Paper out, cover open, offline and no answer all stop the queue: "unknown" is never taken for "ready".
        self.pause = QueuePause(status.state, of_error(status), reported=True)
        return False

    def claim(self, job_id: int) -> Claim | PrintResult | None:
        """Marks a queued job `sending` (committed) and builds its label; a job whose order changed is cancelled
        (its result says so); None: another worker took it (the queue's Resume, the station's retry)."""
        with self.session_factory.begin() as session:
            return self._claim(session, job_id)

    def _claim(self, session: Session, job_id: int) -> Claim | PrintResult | None:
        jobs = PrintJobs(session)
        found = jobs.claim(job_id)
        if found is None:
            return None
        job, package = found.job, found.parcel
        stored = parcel_order(session, package)
        order = stored.order
        now = self.clock()
        blocked = order.block_reason()
        if blocked and not (blocked == "shipped" and job.copy_no > 1):
            # The order changed while its job waited (a refund arrived): the label must not come out.
            why = msg("print.cancelled", reason=msg("print.order_stopped", reason=msg(f"order.blocked.{blocked}")))
            jobs.fail(job.id, why, now)
            audit(
                session, self.actor, "print_cancelled", "order", order.order_no,
                tracking_no=package.tracking_no, reason=blocked,
            )  # fmt: skip
            return PrintResult.of(found, message=why)
        job = jobs.start_sending(found, this_process(), now)  # its copy number is now the next one
        waybill = waybill_of(session, stored, package, job.copy_no, now)
        return Claim(job.id, order.order_no, package.tracking_no, package.carrier, job.copy_no, waybill)

    def _send(self, job_id: int) -> PrintResult | None:
        claim = self.claim(job_id)
        if not isinstance(claim, Claim):
            return claim
        # Committed as `sending`: a crash from here on leaves the job for recover() to call "unknown".
        try:
            sent = self.printer.print_waybill(claim.waybill, claim.name)
        except PrinterError as exc:
            return self.failed(claim, exc)
        if self.check_status and self.printer.answers_status:
            return self.after_sending(claim, sent, self.printer.status())
        return self.sent(claim, sent)

    def after_sending(
        self, claim: Claim, sent: int, status: PrinterStatus, *, stopped: tuple[State, ...] = STOPPED
    ) -> PrintResult:
        """The printer took the label and then said `status`; in a state of `stopped`, did it print?"""
        if not self.printer_says(status):
            assert self.pause is not None
            if self.pause.state in stopped:
                # The printer took the label but stopped (paper ran out, the cover opened): it may not have come
                # out whole, so it is not counted; the packer says whether it did.
                error = msg("print.after_sending", reason=self.pause.message)
                self.finish(claim.job_id, PrintJobState.UNKNOWN, error, sent=sent)
                return claim.result(PrintJobState.UNKNOWN, sent, error, self.pause.state)
            # It took the whole label and now does not answer: printed; the queue waits before the next one.
        return self.sent(claim, sent)

    def failed(self, claim: Claim, exc: PrinterError) -> PrintResult:
        if isinstance(exc, PrinterOffline):  # nothing left the station: the job waits for the printer
            state, pause = PrintJobState.QUEUED, State.OFFLINE
        elif isinstance(exc, PrinterWriteError):  # cut off mid-job: part of the label may have printed
            state, pause = PrintJobState.UNKNOWN, State.ERROR
        else:
            state, pause = PrintJobState.FAILED, State.ERROR
        why = of_error(exc)
        self.finish(claim.job_id, state, why)
        self.pause = QueuePause(pause, why)
        return claim.result(state, 0, why)

    def _send_combined(self, job_ids: list[int], progress: Callable[[PrintResult], None] | None) -> list[PrintResult]:
        """Prints every job into one document (a combined PDF): all are sent, or none is."""
        results: list[PrintResult] = []
        claims: list[Claim] = []
        for job_id in job_ids:
            claim = self.claim(job_id)
            if isinstance(claim, Claim):
                claims.append(claim)
            elif claim is not None:
                results.append(claim)
        if not claims:
            return results
        try:
            sizes = self.printer.print_batch([c.waybill for c in claims])
        except PrinterError as exc:
            return results + [self.failed(c, exc) for c in claims]
        for claim, sent in zip(claims, sizes, strict=True):
            result = self.sent(claim, sent)
            results.append(result)
            if progress:
                progress(result)
        return results

    def finish(self, job_id: int, state: PrintJobState, reason: Message | None, sent: int = 0) -> None:
        """Records a send that did not print for sure (`queued` again, `unknown`, `failed`), audited."""
        with self.session_factory.begin() as session:
            found = PrintJobs(session).finish(job_id, state, reason, sent, self.clock())
            audit(
                session, self.actor, f"print_{state.value}", "order", found.order_no,
                tracking_no=found.parcel.tracking_no, printer=found.job.printer_uri,
                error=reason.render() if reason else None,
            )  # fmt: skip

    def sent(self, claim: Claim, sent: int) -> PrintResult:
        """Counts the label of `claim`: the printer took all of it."""
        return self.sent_then_claim(claim, sent, None)[0]

    def sent_then_claim(
        self, claim: Claim, sent: int, next_job: int | None
    ) -> tuple[PrintResult, Claim | PrintResult | None]:
        """Counts the label of `claim` and claims `next_job` (as `claim()` does) in one commit: between two labels of
        a batch the printer waits for one sync to disk, and `next_job` is `sending` before its first byte goes."""
        with self.session_factory.begin() as session:
            found = PrintJobs(session).of(claim.job_id)
            assert found is not None
            count_print(session, found, sent, self.clock(), self.actor)
            following = self._claim(session, next_job) if next_job is not None else None
        return claim.result(PrintJobState.SENT, sent), following

"""Finishing a complete parcel: re-check, weigh, print, confirm the waybill, ship (station layer).

When the last item is verified the order is checked once more (a refund may have arrived while it was packed), the
parcel is weighed when a scale is attached, its waybill prints, and it is recorded as shipped with its ship-back
queued — or, with the confirm scan, once its waybill is scanned onto it. A failed print leaves it complete: its
order code scanned again prints it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.enums import PrintJobState, ScanOutcome
from app.domain.errors import PackDeskError
from app.domain.messages import Message, msg
from app.domain.packages import Package, StoredOrder
from app.domain.parcel import (
    Step,
    changed_since_opened,
    is_label,
    label_printed,
    print_failed,
    ship,
    stop,
    weight_mismatch,
    wrong_label,
)
from app.domain.station_events import Reason, StationEvent
from app.persistence.packages import PackageRepository
from app.persistence.repositories import CatalogueRepository, OrderRepository
from app.services.audit import audit
from app.services.printing import cancel_queued
from app.services.shipping import mark_shipped
from app.station.core import StationCore
from app.station.ports import PrintResultLike


class Finishing(StationCore):
    """Printing, weighing, confirming and shipping the open parcel."""

    def _finish(self) -> list[StationEvent]:
        """Prints the waybill and ships the completed parcel (or waits for the confirm scan)."""
        if self.parcel is None or self.parcel.step is not Step.COMPLETE:
            return []  # never a label for a parcel that is not fully verified
        order = self.parcel.order
        # Re-check the order right before printing: a refund may have arrived while it was being packed.
        self._ask_platform_about(order.order_no, order.shop)
        with self.session_factory.begin() as db:
            stored = OrderRepository(db).stored(order.order_no, order.shop)
            package, blocked = self._stop_reason(stored)
            if blocked:
                self._record(db, stored.id if stored else None, order.order_no, ScanOutcome.INTERCEPTED)
                if package is not None and package.printed and blocked != Reason.SHIPPED:
                    self._void(db, package, blocked)  # a shipped parcel's label is on its way: it stays valid
                if package is not None:  # a label still queued for it (its printer had stopped) must not come out
                    stopped = msg("print.stopped_at_bench", stop=blocked.value)
                    cancel_queued(db, package, stopped, self.actor, self.clock())
                return self._stopped(order.order_no, blocked)
            if self.parcel.from_waybill and stored is not None and package is not None and package.printed:
                # 先打单后验货: the label printed before packing is already on this parcel
                if not self.auto_ship:
                    return []
                return self._ship(db, stored, package, order.order_no, package.tracking_no,
                                  reason=Reason.PRINTED_BEFORE_PACKING)  # fmt: skip
            mismatch = self._weigh(db) if stored is not None else []
            if mismatch:
                self._record(db, stored.id if stored else None, order.order_no, ScanOutcome.WEIGHT_MISMATCH)
                return mismatch
            if self.printer is None:
                return []
            reprint = msg("print.packed_again") if package is not None and package.printed else None
        confirm = self.confirm_scan  # read once: the station settings may change it meanwhile
        retry = self.parcel.failed_job
        try:
            result = self._print(order.order_no, reprint, retry)
        except PackDeskError as exc:  # no waybill account, an order the print queue refuses: the packer is told
            with self.session_factory.begin() as db:
                self._record(db, self._order_id(db), order.order_no, ScanOutcome.PRINT_FAILED)
            failed = StationEvent(ScanOutcome.PRINT_FAILED, order.order_no, order.order_no, detail=exc.message,
                                  message=exc.msg)  # fmt: skip
            self.parcel, events = print_failed(self.parcel, failed)
            return events
        with self.session_factory.begin() as db:  # the attempt's record: a restart must not print it again
            outcome = ScanOutcome.LABEL_PRINTED if result.state is PrintJobState.SENT else ScanOutcome.PRINT_FAILED
            self._record(db, self._order_id(db), result.tracking_no or order.order_no, outcome)
        if result.state is not PrintJobState.SENT:
            return self._print_failed(result)
        self.parcel, events = label_printed(self.parcel, result.tracking_no, result.carrier, result.copy_no,
                                            confirm=confirm)  # fmt: skip
        if confirm or not self.auto_ship:
            return events
        with self.session_factory.begin() as db:
            stored = OrderRepository(db).stored(order.order_no, order.shop)
            package = stored.package if stored is not None else None
            if stored is None or package is None:  # voided between printing and now (reopened elsewhere)
                return events + self._stopped(order.order_no, Reason.LABEL_VOIDED)
            _package, blocked = self._stop_reason(stored)  # a refund or close that came while the label printed
            if blocked:
                self._record(db, stored.id, order.order_no, ScanOutcome.INTERCEPTED)
                if blocked != Reason.SHIPPED:
                    self._void(db, package, blocked)
                return events + self._stopped(order.order_no, blocked, result.tracking_no)
            return events + self._ship(db, stored, package, order.order_no, package.tracking_no,
                                       tracking_no=result.tracking_no, carrier=result.carrier)  # fmt: skip

    def _print_failed(self, result: PrintResultLike) -> list[StationEvent]:
        """The label did not print: the parcel stays complete; its order scanned again prints its label (a queued or
        failed job), or, for a job cut off mid-send, once the packer answered "did it print?" in the print queue."""
        assert self.parcel is not None
        no = self.parcel.order.order_no
        in_doubt = result.state in (PrintJobState.UNKNOWN, PrintJobState.SENDING)
        failed = StationEvent(
            ScanOutcome.PRINT_FAILED, no, no, tracking_no=result.tracking_no, detail=result.error,
            message=result.message, printer_state=result.printer_state or None, answer_in_queue=in_doubt,
            retry=not in_doubt,
        )  # fmt: skip
        self.parcel, events = print_failed(self.parcel, failed, result.job_id)
        return events

    def _stopped(self, code: str, reason: Reason, tracking_no: str | None = None) -> list[StationEvent]:
        """The open parcel is intercepted and put away."""
        assert self.parcel is not None
        _parcel, events = stop(self.parcel, code, reason, tracking_no)
        self._close()
        return events

    def _ship(
        self, db: Session, stored: StoredOrder, package: Package, code: str, recorded: str, *,
        tracking_no: str | None = None, carrier: str | None = None, reason: Reason | None = None,
    ) -> list[StationEvent]:  # fmt: skip
        """Records the open parcel as shipped (its ship-back queued; `recorded`: the code its record names) and
        says so (`code`: the code of its event)."""
        assert self.parcel is not None
        mark_shipped(db, stored, package, self.actor, self.clock())
        self._record(db, stored.id, recorded, ScanOutcome.SHIPPED)
        tracking = tracking_no or package.tracking_no
        self.parcel, events = ship(self.parcel, code, tracking, carrier or package.carrier, reason=reason)
        return events

    def _stop_reason(
        self, stored: StoredOrder | None, *, label_on_parcel: bool | None = None
    ) -> tuple[Package | None, Reason | None]:
        """The open parcel's live package and why it must not ship now (None: it may), from the order as cached.
        `label_on_parcel`: whether its printed label is already on it (by default: opened from that label)."""
        assert self.parcel is not None
        if stored is None:
            return None, Reason.CLOSED
        package = stored.package
        if label_on_parcel is None:
            label_on_parcel = self.parcel.from_waybill and package is not None and package.printed
        return package, changed_since_opened(
            self.parcel, stored.order, label_printed=label_on_parcel, overridden=self.parcel.overridden
        )

    def _void(self, db: Session, package: Package, reason: str) -> None:
        PackageRepository(db).void(package.id)
        audit(db, self.actor, "void", "package", package.tracking_no, reason=f"intercepted: {reason}")

    def _confirm(self, code: str, *, asked: bool = False) -> list[StationEvent]:
        """The packer scanned after the label printed: it must be that label; then the order is checked once more
        (`asked`: the platform was asked about the order just before, by the same scan)."""
        assert self.parcel is not None and self.parcel.awaiting is not None
        order = self.parcel.order
        tracking = self.parcel.awaiting
        is_the_label = is_label(code, tracking)
        if is_the_label and not asked:
            self._ask_platform_about(order.order_no, order.shop)
        with self.session_factory.begin() as db:
            stored = OrderRepository(db).stored(order.order_no, order.shop)
            order_id = stored.id if stored else None
            if not is_the_label:
                self._record(db, order_id, code, ScanOutcome.WRONG_ITEM)
                self.parcel, events = wrong_label(self.parcel, code)
                return events
            package, blocked = self._stop_reason(stored, label_on_parcel=True)
            if blocked:
                self._record(db, order_id, code, ScanOutcome.INTERCEPTED)
                if package is not None and blocked != Reason.SHIPPED:
                    self._void(db, package, blocked)
                return self._stopped(code, blocked, tracking)
            if stored is None or package is None:  # its label was voided meanwhile (reopened at another bench)
                return self._stopped(code, Reason.LABEL_VOIDED)
            return self._ship(db, stored, package, code, code, tracking_no=tracking)

    def _print(self, order_no: str, reprint: Message | None, retry: int | None) -> PrintResultLike:
        """Prints the complete parcel's label. After a failure (`retry`: that job), the same job: printed meanwhile
        from the print queue, it is not printed again; still queued (on any printer), it prints here; cut off
        mid-send, it waits for the packer's answer in the print queue."""
        assert self.printer is not None
        if retry is not None:
            state = self.printer.job_state(retry)
            if state is PrintJobState.SENT:
                return self.printer.result(retry)
            if state in (PrintJobState.UNKNOWN, PrintJobState.SENDING):
                return self.printer.result(retry, message=msg("print.may_have_printed"))
        waiting = self.printer.waiting_job(order_no)  # queued when its printer stopped: that one, never a second
        if waiting is not None:
            return self.printer.print_job(waiting)
        return self.printer.print_order(order_no, reprint_reason=reprint)

    def _weigh(self, db: Session) -> list[StationEvent]:
        """Weighs the complete parcel when a scale is attached; its event when it must not go yet (it must be weighed
        again), else nothing. Only parcels whose every item has a known weight are checked (a SKU without one says
        nothing)."""
        from app.scanning.serial_devices import weight_matches

        if self.scale is None or self.parcel is None:
            return []
        required = self.parcel.required
        weights = CatalogueRepository(db).weights(required)
        if any(not weights.get(sku) for sku in required):
            return []
        expected = sum(weights[sku] * qty for sku, qty in required.items()) + self.packaging_g
        measured = self.scale.stable_grams(2.0)
        if measured is not None and weight_matches(expected, measured):
            return []
        self.parcel, events = weight_mismatch(
            self.parcel, round(expected), round(measured) if measured is not None else None
        )
        return events

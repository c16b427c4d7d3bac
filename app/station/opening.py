"""Opening a parcel and counting its items (station layer).

A code scanned with no parcel held opens one: an order number (order-first), a waybill printed earlier (waybill-first,
先打单后验货), or, SKU-first, an item of the most urgent order that needs it. A parcel parked here is taken up with its
counts, and one whose label printed before its waybill was scanned waits for that scan. While a parcel is being
packed, a code is an item of it, its own slip again, or another order's (refused until this one is done).
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from app.domain.enums import PackageState, ScanOutcome
from app.domain.order_actions import hold_stop
from app.domain.orders import Order
from app.domain.packages import Package, StoredOrder
from app.domain.packing import BarcodeHit, boxed_but_not_wanted
from app.domain.parcel import await_label, count, intercepted, open_parcel
from app.domain.station_events import Reason, StationEvent
from app.persistence.repositories import OrderRepository
from app.persistence.scan_log import ScanRecord, boxed_before_label, current_attempt, history
from app.services.stock import bench_refusal
from app.station.finishing import Finishing


class Opening(Finishing):
    """Opening parcels and counting items in."""

    def _open(self, db: Session, code: str) -> list[StationEvent]:
        stored = OrderRepository(db).find(code)
        if stored is None:
            hit = self._lookup(db, code)
            if hit is not None and self.sku_first:
                opened = self._open_by_sku(db, code, hit)
                if opened:
                    return opened
            self._record(db, None, code, ScanOutcome.UNKNOWN_CODE, hit.sku if hit else None, 0)
            reason = Reason.NO_OPEN_ORDER if hit else Reason.UNKNOWN
            return [StationEvent(ScanOutcome.UNKNOWN_CODE, code, sku=hit.sku if hit else None, why=reason)]
        order, order_id = stored.order, stored.id
        blocked = order.block_reason()
        if blocked:
            self._record(db, order_id, code, ScanOutcome.INTERCEPTED)
            self._close()
            package = stored.package
            if package is not None and package.printed and blocked != Reason.SHIPPED:
                self._void(db, package, blocked)  # a label printed before the refund: it must not be used
            stop = intercepted(code, order.order_no, Reason(blocked), order.tracking_no)
            held = hold_stop(order)  # held by the seller: the bench says why
            return [replace(stop, message=held) if held is not None else stop]
        short = bench_refusal(db, stored)  # out of stock, no supervisor's override: which SKUs are missing
        if short is not None:
            self._record(db, order_id, code, ScanOutcome.INTERCEPTED)
            self._close()
            stop = intercepted(code, order.order_no, Reason.OUT_OF_STOCK, order.tracking_no)
            return [replace(stop, message=short)]
        end, since = history(db, self.actor.station, order_id)
        labelled = self._label_to_confirm(db, stored, end)
        if labelled is not None:  # its label printed, then the bench stopped before the waybill was scanned
            package, boxed = labelled
            stop = boxed_but_not_wanted(order, boxed)
            if stop:  # an item in the box was refunded meanwhile: its label must not be used
                self._record(db, order_id, code, ScanOutcome.INTERCEPTED)
                self._void(db, package, stop)
                self._close()
                return [intercepted(code, order.order_no, Reason(stop), package.tracking_no)]
            self._record(db, order_id, code, ScanOutcome.ORDER_OPENED)
            return self._await_label(order, code, package.tracking_no, boxed)
        attempt = current_attempt(since)
        from_waybill, boxed, reason = code != order.order_no, [], None
        if attempt is not None and attempt[2] == ScanOutcome.PARKED.value:
            first_open, boxed, _last = attempt
            stop = boxed_but_not_wanted(order, boxed)
            if stop:  # an item already in the box was refunded while the parcel was parked
                self._record(db, order_id, code, ScanOutcome.INTERCEPTED)
                self._close()
                return [intercepted(code, order.order_no, Reason(stop))]
            from_waybill, reason = first_open.code != order.order_no and first_open.sku is None, Reason.UNPARKED
        parcel = self._start(order, from_waybill=from_waybill, boxed=boxed)
        self._row_id = (order, order_id)  # the item scans to come need it; spare them the look-up
        self._record(db, order_id, code, ScanOutcome.ORDER_OPENED)
        # done is 0 for a fresh parcel; a parked one's count
        return [parcel.event(ScanOutcome.ORDER_OPENED, code, tracking_no=order.tracking_no, why=reason)]

    def _open_by_sku(self, db: Session, code: str, hit: BarcodeHit) -> list[StationEvent] | None:
        """SKU-first: opens the most urgent waiting order with an unprinted parcel that needs this item, and counts
        the scan as its first item. None when no order needs it."""
        repo = OrderRepository(db)
        candidates = repo.awaiting_with_sku(hit.sku, hit.units, aliases=hit.aliases)
        for order_no in candidates:
            stored = repo.stored(order_no, barcodes=True)
            if stored is None or stored.order.block_reason():
                continue
            parcel = self._start(stored.order)
            self._record(db, stored.id, code, ScanOutcome.ORDER_OPENED, hit.sku, 0)
            opened = parcel.event(ScanOutcome.ORDER_OPENED, code, sku=hit.sku, why=Reason.SKU_FIRST)
            return [opened, *self._apply_item(db, stored.id, code, hit)]
        return None

    def _label_to_confirm(
        self, db: Session, stored: StoredOrder, end: ScanRecord | None
    ) -> tuple[Package, list[tuple[str, int]]] | None:
        """The waybill this station printed for the order's parcel that is still to be scanned onto it (the run
        ended between the label and its confirm scan), with the items in the box; None when there is none.

        Without the confirm scan or automatic shipping, a printed label ends the parcel's work at the bench."""
        if end is None or end.outcome != ScanOutcome.LABEL_PRINTED.value or not (self.confirm_scan or self.auto_ship):
            return None
        package = stored.package
        if package is None or package.state != PackageState.PRINTED or package.tracking_no != end.code:
            return None  # shipped, voided or relabelled since: not the label this bench printed
        boxed = boxed_before_label(db, self.actor.station, stored.id, end.id)
        if boxed is None:
            return None
        # a line wanted now that the box lacks (a refund withdrawn meanwhile): its items are verified again
        return (package, boxed) if open_parcel(stored.order, boxed=boxed).complete else None

    def _await_label(
        self, order: Order, code: str, tracking_no: str, boxed: list[tuple[str, int]]
    ) -> list[StationEvent]:
        """Takes up a parcel whose label printed before its waybill was scanned: it waits for that scan."""
        self.parcel, events = await_label(self._start(order, boxed=boxed), code, tracking_no)
        return events

    def _item_scan(self, db: Session, code: str) -> list[StationEvent]:
        assert self.parcel is not None
        order_id = self._order_id(db)
        hit = self._lookup(db, code)
        if hit is None:
            other = OrderRepository(db).find(code, barcodes=False)  # no catalogue query on an item scan
            if other is not None:
                if other.id == order_id:  # the open order's own slip scanned again: recorded, progress repeated
                    self._record(db, order_id, code, ScanOutcome.ORDER_OPENED)
                    return [self.parcel.event(ScanOutcome.ORDER_OPENED, code)]
                self._record(db, other.id, code, ScanOutcome.ORDER_BUSY)
                return [self.parcel.event(ScanOutcome.ORDER_BUSY, code, why=Reason.FINISH_CURRENT_ORDER,
                                          other_order_no=other.order.order_no)]  # fmt: skip
        return self._apply_item(db, order_id, code, hit)

    def _apply_item(self, db: Session, order_id: int | None, code: str, hit: BarcodeHit | None) -> list[StationEvent]:
        assert self.parcel is not None
        self.parcel, events = count(self.parcel, code, hit)
        verdict = events[0]
        self._record(db, order_id, code, verdict.event, verdict.sku, verdict.units)
        if len(events) > 1:  # the last item: the parcel is complete
            self._record(db, order_id, code, ScanOutcome.ORDER_COMPLETE)
        return events

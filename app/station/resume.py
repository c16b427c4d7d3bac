"""Taking up, after a restart, the parcel a station had open when it stopped (station layer).

A crash, a kill -9 or a closed window leaves the scan log (app.persistence.scan_log) as the parcel's only memory:
the counts its recorded scans give, or a label printed before its waybill was scanned onto it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.enums import ScanOutcome
from app.domain.packing import boxed_but_not_wanted
from app.domain.parcel import Step
from app.domain.station_events import Reason, StationEvent
from app.persistence.repositories import OrderRepository
from app.persistence.scan_log import current_attempt, history, last_opened_order
from app.station.supervisor import Supervisor


class Resume(Supervisor):
    """Crash resume."""

    def resume(self) -> list[StationEvent]:
        """Reopens the parcel this station had open when it stopped, with the counts its recorded scans give; a
        parcel that was complete but not yet printed is printed now, and one whose label printed before its waybill
        was scanned waits for that scan (`order_opened`, reason scan_the_waybill).

        Returns the events of the resumption (none when nothing was open).
        """
        with self.session_factory.begin() as db:
            events = self._resume(db)
        if events and self.parcel is not None and self.parcel.step is Step.COMPLETE:
            events += self._finish()
        return events

    def _resume(self, db: Session) -> list[StationEvent]:
        order_id = last_opened_order(db, self.actor.station)
        stored = OrderRepository(db).stored_by_id(order_id) if order_id is not None else None
        if stored is None:
            return []
        order = stored.order
        end, since = history(db, self.actor.station, stored.id)
        labelled = self._label_to_confirm(db, stored, end)
        if labelled is not None:
            package, boxed = labelled
            if order.block_reason() or boxed_but_not_wanted(order, boxed):
                return []  # it changed while the station was down: the next scan of it shows why (STOP)
            return self._await_label(order, order.order_no, package.tracking_no, boxed)
        attempt = current_attempt(since)
        if attempt is None or attempt[2] == ScanOutcome.PARKED.value:
            return []  # ended, or set aside on purpose: nothing was open
        first_open, accepted, _last = attempt
        if order.block_reason() or boxed_but_not_wanted(order, accepted):
            return []  # it changed while the station was down: the next scan of it shows why (STOP)
        from_waybill = first_open.code != order.order_no and first_open.sku is None
        parcel = self._start(order, from_waybill=from_waybill, boxed=accepted)
        return [parcel.event(ScanOutcome.ORDER_OPENED, order.order_no, tracking_no=order.tracking_no,
                             why=Reason.RESUMED)]  # fmt: skip

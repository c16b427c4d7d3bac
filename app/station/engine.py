"""The packing station engine: scans in, events out (station layer).

The same engine drives the station window and `packdesk pack --scans`. A scan is answered by the open parcel, the
in-memory state machine of app.domain.parcel; its record is one short insert (app.persistence.scan_log). When the
last item is verified the waybill prints (if a printer is attached) and the parcel is recorded as shipped, with its
ship-back queued in the outbox. The engine's parts: opening.py (opening, counting), finishing.py (weigh, print,
confirm, ship), supervisor.py (override, reopen, bind, confirm by hand), resume.py (after a restart).
"""

from __future__ import annotations

from app.domain.enums import ScanOutcome
from app.domain.orders import Order
from app.domain.parcel import Route, is_label, park, refuse_while_weighing, retry_print, route, stop, undo, weigh_again
from app.domain.station_events import Reason, StationEvent
from app.persistence.repositories import OrderRepository
from app.station.resume import Resume


class Station(Resume):
    """A packing bench.

    Args:
        session_factory: database sessions.
        actor: the signed-in packer and this station's name.
        printer: prints the waybill when a parcel is complete (the spooler); None to stop at `order_complete`.
        auto_ship: record the parcel as shipped once its label printed.
        sku_first: when no parcel is open, an item scan opens the most urgent waiting order that contains it
            (SKU-first flow); otherwise an item scan with nothing open is `unknown_code` / no_open_order.
        confirm_scan: after the label prints, the packer scans it to confirm it is on this parcel before the parcel
            counts as shipped (and the order is checked once more then). A restart in between takes the parcel up at
            that scan: by `resume()`, or by scanning its order number or its waybill.
        scale: weighs complete parcels (anything with `stable_grams(timeout_s)`); None: no weighing.
        packaging_g: the box and filler, added to the items' weight.
        live: asks the platform about an order before it is opened, printed or confirmed; None: the cache decides.
        live_at_open: whether `scan` asks `live` itself before opening (the window asks in the background).
        clock: current UTC time (injectable).

    Order-first (scan the order number) and waybill-first (scan a waybill printed earlier, 先打单后验货) always work:
    the code says which it is. A parcel opened from its printed waybill is not printed again when complete.
    """

    def scan(self, raw: str, *, then_finish: bool = True) -> list[StationEvent]:
        """Handles one scanned code; returns the events it caused, in order.

        A scan that completes the parcel also prints and ships it, unless `then_finish` is False: then the verdict
        comes back at once and `finish_due()` does the rest (the window shows "complete" before the label renders).
        A crash between the two leaves a complete parcel, which `resume()` prints.
        """
        self._due = False
        code = raw.strip()  # order and tracking numbers are looked up as scanned; product codes normalized
        if not code:
            return []
        where = route(self.parcel, code)
        if where in (Route.CONFIRM, Route.WRONG_LABEL):
            return self._confirm(code)
        if where in (Route.RETRY_PRINT, Route.WEIGH):  # the printer is fixed, or the parcel is back on the scale
            assert self.parcel is not None
            self.parcel, _ = (retry_print if where is Route.RETRY_PRINT else weigh_again)(self.parcel)
            return self._finish()
        if where is Route.WEIGH_REFUSED:
            assert self.parcel is not None
            return refuse_while_weighing(self.parcel, code)[1]
        opening = where is Route.OPEN
        if opening and self.live is not None and self.live_at_open:
            self._ask_platform_about(code)
        with self.session_factory.begin() as db:
            events = self._open(db, code) if opening else self._item_scan(db, code)
        awaiting = self.awaiting_confirm
        if awaiting is not None and is_label(code, awaiting):
            # a parcel whose label printed before a restart, taken up by scanning that label: this is its confirm
            return events + self._confirm(code, asked=opening and self.live_at_open)
        last = events[-1] if events else None
        taken_up = last is not None and last.event is ScanOutcome.ORDER_OPENED and last.why is Reason.UNPARKED
        if self.parcel is not None and self.parcel.complete and last is not None:
            if last.event is ScanOutcome.ORDER_COMPLETE or taken_up:
                if then_finish:
                    events += self._finish()
                else:
                    self._due = True
        return events

    def asks_platform(self, order: Order) -> bool:
        """Whether the platform will be asked about `order` before its label prints (an API shop, reachable
        lately); the window then says "checking" rather than "complete" until it answered."""
        if self.live is None:
            return False
        would_ask = getattr(self.live, "would_ask", None)
        return bool(would_ask(order.shop)) if would_ask is not None else True

    @property
    def finishing(self) -> bool:
        """The last scan completed the parcel and `finish_due()` has yet to print and ship it."""
        return self._due

    def finish_due(self) -> list[StationEvent]:
        """Prints and ships the parcel that the last `scan(..., then_finish=False)` completed."""
        if not self._due:
            return []
        self._due = False
        return self._finish()

    def undo(self) -> StationEvent | None:
        """Takes back the open parcel's last accepted item; None when there is none."""
        if self.packing is None:
            return None
        self.parcel, events = undo(self.packing)
        if not events:
            return None
        with self.session_factory.begin() as db:
            ev = events[0]
            self._record(db, self._order_id(db), ev.code, ScanOutcome.UNDONE, ev.sku, -ev.units)
        return ev

    def park(self) -> StationEvent | None:
        """Sets the open parcel aside (its counts are kept); scanning its order again takes it up where it was."""
        if self.packing is None:
            return None
        parked, events = park(self.packing)
        with self.session_factory.begin() as db:
            self._record(db, self._order_id(db), parked.order.order_no, ScanOutcome.PARKED)
        self._close()
        return events[0]

    def recheck(self) -> StationEvent | None:
        """Checks the open parcel against the cache again (after a sync brought changes); returns an `intercepted`
        event and closes the parcel when the order may no longer ship (a refund, a close, a hold), else None."""
        parcel = self.packing
        if parcel is None:
            return None
        order = parcel.order
        with self.session_factory.begin() as db:
            stored = OrderRepository(db).stored(order.order_no, order.shop)
            _package, blocked = self._stop_reason(stored)
            if not blocked:
                return None
            self._record(db, stored.id if stored else None, order.order_no, ScanOutcome.INTERCEPTED)
        self._close()
        return stop(parcel, order.order_no, blocked)[1][0]

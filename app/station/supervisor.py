"""What a supervisor may do at the bench, each audited (station layer): let a stopped order be packed after all,
reopen a parcel closed by mistake, bind an unknown code to a SKU, count an item by hand; and the hand-over of the
bench to another packer."""

from __future__ import annotations

from dataclasses import replace

from app.domain.barcodes import normalize_scan
from app.domain.enums import OrderStatus, ScanOutcome
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.order_actions import platform_stop
from app.domain.packing import BarcodeHit
from app.domain.station_events import NOT_OVERRIDABLE, Reason, StationEvent
from app.persistence.repositories import CatalogueRepository, OrderRepository
from app.services.audit import Actor, audit
from app.services.stock import override_in, released
from app.station.opening import Opening


class Supervisor(Opening):
    """Supervisor actions on the open parcel or on an order named by its code."""

    def sign_in(self, name: str) -> None:
        """Another packer takes over the bench: the open parcel stays, the next scans are theirs."""
        with self.session_factory.begin() as db:
            order_no = self.order and self.order.order_no
            audit(db, self.actor, "handover", "station", self.actor.station, to=name, order=order_no)
        self.actor = Actor(name, self.actor.station)

    def override(self, code: str, supervisor: str, reason: str) -> list[StationEvent]:
        """A supervisor lets a stopped order be packed after all (a hold lifted by phone, an address change checked,
        stock short: app.services.stock.override_in), with a reason; audited. Closed and shipped orders, and orders
        whose every line is refunded, cannot be.

        Raises:
            InvalidInput: nothing to override, a stop that cannot be overridden, or no reason.
        """
        if not reason.strip():
            raise InvalidInput(msg("bench.override_needs_reason"))
        with self.session_factory.begin() as db:
            stored = self._order_by_code(db, code)
            order = stored.order
            blocked = order.block_reason()
            unpaid = platform_stop(order)  # a presale's balance is not paid: no supervisor can make it paid
            if blocked in NOT_OVERRIDABLE or unpaid is not None:
                stop = unpaid or msg(f"order.blocked.{blocked}")
                raise InvalidInput(msg("bench.cannot_override", order_no=order.order_no, reason=stop))
            if blocked is None and order.status is OrderStatus.OUT_OF_STOCK:
                blocked = Reason.OUT_OF_STOCK.value  # stock does not cover it: the supervisor lets it go anyway
            if blocked is None and stored.voided and stored.package is None:
                blocked = Reason.LABEL_VOIDED.value  # stopped after its label printed (address change, refund)
            if blocked is None:
                raise InvalidInput(msg("bench.not_stopped", order_no=order.order_no))
            audit(db, self.actor, "override", "order", order.order_no, stop=blocked, supervisor=supervisor,
                  reason=reason.strip())  # fmt: skip
            if blocked == Reason.ON_HOLD:  # the hold is lifted here, for this bench and the print queue alike
                OrderRepository(db).lift_hold(stored.id)
                # waiting again, it takes its stock: short, it is let go short too (the supervisor said to pack it)
                released(db, stored, Actor(supervisor, self.actor.station), reason)
                order = replace(order, status=OrderStatus.AWAITING_SHIPMENT)
            if blocked == Reason.OUT_OF_STOCK:  # for the print queue too: stock is allotted to it first from now on
                order = replace(order, status=override_in(db, stored, Actor(supervisor, self.actor.station), reason))
            # any label was voided: a new one prints with the current address
            parcel = self._start(order, overridden=blocked)
            self._record(db, stored.id, code, ScanOutcome.ORDER_OPENED)
            return [parcel.event(ScanOutcome.ORDER_OPENED, code, why=Reason.OVERRIDE, stop=Reason(blocked))]

    def reopen(self, code: str) -> list[StationEvent]:
        """Reopens a parcel closed by mistake (its label printed, not yet shipped): the label is voided, the items
        are verified again, and who did it when is audited. A parcel that has shipped cannot be reopened.

        Raises:
            InvalidInput: no such order, it has shipped, or a parcel is open at this bench.
        """
        if self.packing is not None:
            raise InvalidInput(msg("bench.finish_open_parcel"))
        with self.session_factory.begin() as db:
            stored = self._order_by_code(db, code)
            order = stored.order
            if order.status is OrderStatus.SHIPPED:
                raise InvalidInput(msg("bench.shipped_cannot_reopen", order_no=order.order_no))
            package = stored.package
            if package is not None and package.printed:
                self._void(db, package, Reason.REOPENED.value)
            audit(db, self.actor, "reopen", "order", order.order_no, at=self.clock().isoformat())
            self._record(db, stored.id, code, ScanOutcome.REOPENED)  # ends the earlier attempt's counts
            parcel = self._start(order)
            self._record(db, stored.id, code, ScanOutcome.ORDER_OPENED)
            return [parcel.event(ScanOutcome.ORDER_OPENED, code, why=Reason.REOPENED)]

    def bind_code(self, code: str, sku: str, units: int, supervisor: str) -> list[StationEvent]:
        """Binds an unknown code to a SKU of the open parcel (a supervisor's decision, audited) and counts the scan.

        Raises:
            InvalidInput: no parcel is open, the SKU is not in it, the units are not 1-999, or the code is known.
        """
        parcel = self.packing
        if parcel is None:
            raise InvalidInput(msg("bench.bind_needs_parcel"))
        line = next((ln for ln in parcel.order.lines if ln.sku == sku), None)
        if line is None:
            raise InvalidInput(msg("bench.sku_not_in_order", sku=sku, order_no=parcel.order.order_no))
        if not 1 <= units <= 999:
            raise InvalidInput(msg("bench.units_range"))
        normal = normalize_scan(code)
        with self.session_factory.begin() as db:
            catalogue = CatalogueRepository(db)
            if catalogue.lookup(normal) is not None:
                raise InvalidInput(msg("bench.code_taken", code=normal))
            catalogue.bind(normal, line, units)
            audit(db, self.actor, "bind_barcode", "barcode", normal, sku=sku, units=units, supervisor=supervisor)
        return self.scan(code)

    def confirm_by_hand(self, sku: str, supervisor: str, reason: str) -> list[StationEvent]:
        """Counts one unit of `sku` without a scan (a torn or missing barcode): a supervisor's decision, audited.

        Raises:
            InvalidInput: no parcel is open, or no reason is given.
        """
        parcel = self.packing
        if parcel is None:
            raise InvalidInput(msg("bench.no_parcel_to_confirm"))
        if not reason.strip():
            raise InvalidInput(msg("bench.confirm_needs_reason"))
        with self.session_factory.begin() as db:
            order_id = self._order_id(db)
            events = self._apply_item(db, order_id, f"MANUAL:{sku}", BarcodeHit(sku, 1))
            if events[0].event is ScanOutcome.ITEM_OK:
                audit(
                    db, self.actor, "confirm_by_hand", "order", parcel.order.order_no, sku=sku,
                    supervisor=supervisor, reason=reason.strip(),
                )  # fmt: skip
        if events[-1].event is ScanOutcome.ORDER_COMPLETE:
            events += self._finish()
        return events

    def scan(self, raw: str, *, then_finish: bool = True) -> list[StationEvent]:
        raise NotImplementedError  # app.station.engine.Station.scan

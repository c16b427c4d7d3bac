"""The packing station engine: scans in, events out (services layer).

The same engine drives the station window and `packdesk pack --scans`. A scan is answered by the in-memory
`PackSession`; its record is one short insert. When the last item is verified the waybill prints (if a printer is
attached) and the parcel is recorded as shipped, with its ship-back queued in the outbox.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.barcodes import normalize_scan
from app.domain.enums import OrderStatus, PackageState, PrintJobState, ScanOutcome
from app.domain.errors import InvalidInput, PackDeskError
from app.domain.messages import Message, msg
from app.domain.orders import Order
from app.domain.packing import BarcodeHit, PackSession, Verdict
from app.persistence.repositories import CatalogueRepository, OrderRepository, current_package, to_order
from app.persistence.rows import BarcodeRow, OrderLineRow, OrderRow, PackageRow, ProductRow, ScanEventRow
from app.services.audit import Actor, audit
from app.services.printing import PrintResult, PrintService, cancel_queued
from app.services.scan_record import boxed_before_label, boxed_but_not_wanted, current_attempt, history
from app.services.shipping import mark_shipped

log = logging.getLogger(__name__)

SCAN_EVENTS = ScanEventRow.__table__


@cache
def _RECORD_SCAN():  # noqa: N802, ANN202 - built once: every scan writes one row
    return insert(SCAN_EVENTS)


@dataclass(frozen=True)
class StationEvent:
    """One line of `packdesk pack --json`, and what the window shows for a scan.

    `reason` is a code, except for `print_failed`, whose reason is the English of `message`: the message itself is
    what the window shows, in the packer's language (it is not part of the JSON).
    """

    event: ScanOutcome
    code: str = ""
    order_no: str | None = None
    sku: str | None = None
    units: int = 0
    scanned: int = 0
    required: int = 0
    done: int = 0
    total: int = 0
    tracking_no: str | None = None
    reason: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    message: Message | None = None

    def to_json(self) -> dict[str, Any]:
        data = {
            "event": self.event.value,
            "code": self.code,
            "order_no": self.order_no,
            "sku": self.sku,
            "units": self.units,
            "scanned": self.scanned,
            "required": self.required,
            "done": self.done,
            "total": self.total,
            "tracking_no": self.tracking_no,
            "reason": self.reason,
        }
        data.update(self.extra)
        return data


class Station:
    """A packing bench.

    Args:
        session_factory: database sessions.
        actor: the signed-in packer and this station's name.
        printer: prints the waybill when a parcel is complete; None to stop at `order_complete`.
        auto_ship: record the parcel as shipped once its label printed.
        sku_first: when no parcel is open, an item scan opens the most urgent waiting order that contains it
            (SKU-first flow); otherwise an item scan with nothing open is `unknown_code` / no_open_order.
        confirm_scan: after the label prints, the packer scans it to confirm it is on this parcel before the parcel
            counts as shipped (and the order is checked once more then). A restart in between takes the parcel up at
            that scan: by `resume()`, or by scanning its order number or its waybill.
        clock: current UTC time (injectable).

    Order-first (scan the order number) and waybill-first (scan a waybill printed earlier, 先打单后验货) always work:
    the code says which it is. A parcel opened from its printed waybill is not printed again when complete.
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Actor,
        printer: PrintService | None = None,
        *,
        auto_ship: bool = True,
        sku_first: bool = False,
        confirm_scan: bool = False,
        scale: Any = None,
        packaging_g: float = 0.0,
        live: Callable[[str, str], object] | None = None,
        live_at_open: bool = True,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.session_factory = session_factory
        self.actor = actor
        self.printer = printer
        self.auto_ship = auto_ship
        self.sku_first = sku_first
        self.confirm_scan = confirm_scan
        self.scale = scale  # app.scanning.serial_devices.Scale, or anything with stable_grams(timeout_s)
        self.packaging_g = packaging_g  # box and filler, added to the items' weight
        self.weigh_again = False  # the parcel failed the weight check: its order code weighs it again
        self.overridden: str | None = None  # the STOP reason a supervisor overrode for the open parcel
        self.clock = clock
        self.session: PackSession | None = None
        self.from_waybill = False  # the open parcel was opened by scanning its printed waybill
        self.awaiting_confirm: str | None = None  # tracking number to scan before the parcel counts as shipped
        self._row_id: tuple[PackSession, int] | None = None  # the open parcel and its order's row id
        self._hits: dict[str, BarcodeHit] = {}  # normalized code -> product, for codes the catalogue knows
        self._due = False  # see finish_due()
        self.print_failed = False  # the complete parcel's label did not print: its order scanned again retries
        self.failed_job: int | None = None  # ... the job that did not print
        # `live(order_no, shop)` asks the platform for the order as it is now and stores what changed in the cache
        # (app.sync.live.LiveCheck); it is called before printing and confirming, and before opening unless the
        # caller does that itself in the background (`live_at_open=False`: the window, which must not wait for it).
        self.live = live
        self.live_at_open = live_at_open

    @property
    def order(self) -> Order | None:
        return self.session.order if self.session else None

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
        if self.awaiting_confirm is not None:
            return self._confirm(code)
        if self.print_failed and self.session is not None and self.session.complete:
            if code == self.session.order.order_no:  # the printer is fixed: print the parcel's label now
                self.print_failed = False
                return self._finish()
        if self.weigh_again and self.session is not None:
            if code in (self.session.order.order_no, self.session.order.tracking_no):
                self.weigh_again = False
                return self._finish()
            return [
                StationEvent(
                    ScanOutcome.WRONG_ITEM,
                    code,
                    self.session.order.order_no,
                    reason="weigh_again",
                    done=self.session.done,
                    total=self.session.total,
                )  # fmt: skip
            ]
        opening = self.session is None or self.session.complete
        if opening and self.live is not None and self.live_at_open:
            self._ask_platform_about(code)
        with self.session_factory.begin() as db:
            if not opening:
                events = self._item_scan(db, code)
            else:
                events = self._open(db, code)
        last = events[-1] if events else None
        if self.awaiting_confirm is not None and _is_label(code, self.awaiting_confirm):
            # a parcel whose label printed before a restart, taken up by scanning that label: this is its confirm
            return events + self._confirm(code, asked=opening and self.live_at_open)
        taken_up = last is not None and last.event is ScanOutcome.ORDER_OPENED and last.reason == "unparked"
        if self.session is not None and self.session.complete and last is not None:
            if last.event is ScanOutcome.ORDER_COMPLETE or taken_up:
                if then_finish:
                    events += self._finish()
                else:
                    self._due = True
        return events

    def _ask_platform_about(self, code: str, shop: str | None = None) -> None:
        """The platform's word on the order `code` opens (an order or tracking number), stored in the cache before
        the station reads it. Never in the way: a platform that cannot answer leaves the cache's answer."""
        if self.live is None:
            return
        if shop is None:
            with self.session_factory() as db:
                found = OrderRepository(db).order_and_shop(code)
            if found is None:
                return
            code, shop = found
        try:
            self.live(code, shop)
        except Exception:  # noqa: BLE001 - the live look is a bonus; the cache still decides
            log.exception("asking the platform about %s failed", code)

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

    def sign_in(self, name: str) -> None:
        """Another packer takes over the bench: the open parcel stays, the next scans are theirs."""

        with self.session_factory.begin() as db:
            audit(
                db,
                self.actor,
                "handover",
                "station",
                self.actor.station,
                to=name,
                order=self.order and self.order.order_no,
            )
        self.actor = Actor(name, self.actor.station)

    def override(self, code: str, supervisor: str, reason: str) -> list[StationEvent]:
        """A supervisor lets a stopped order be packed after all (a hold lifted by phone, an address change checked),
        with a reason; audited. Closed and shipped orders, and orders whose every line is refunded, cannot be.

        Raises:
            InvalidInput: nothing to override, a stop that cannot be overridden, or no reason.
        """

        if not reason.strip():
            raise InvalidInput(msg("bench.override_needs_reason"))
        with self.session_factory.begin() as db:
            repo, row, order = self._order_by_code(db, code)
            blocked = order.block_reason()
            if blocked in ("closed", "shipped", "refund"):
                stop = msg(f"order.blocked.{blocked}")
                raise InvalidInput(msg("bench.cannot_override", order_no=order.order_no, reason=stop))
            voided = any(p.state == PackageState.VOID for p in row.packages) and current_package(row) is None
            if blocked is None and voided:
                blocked = "label_voided"  # stopped after its label printed (address change, partial refund)
            if blocked is None:
                raise InvalidInput(msg("bench.not_stopped", order_no=order.order_no))
            audit(db, self.actor, "override", "order", order.order_no, stop=blocked, supervisor=supervisor,
                  reason=reason.strip())  # fmt: skip
            if blocked == "on_hold":  # the hold is lifted here, for this bench and the print queue alike
                row.status = OrderStatus.AWAITING_SHIPMENT.value
                order = repo.to_domain([row])[0]
            self._start(order, overridden=blocked)  # any label was voided: a new one prints with the current address
            return [self._opened_afresh(db, row.id, code, order, "override", {"stop": blocked})]

    def reopen(self, code: str) -> list[StationEvent]:
        """Reopens a parcel closed by mistake (its label printed, not yet shipped): the label is voided, the items
        are verified again, and who did it when is audited. A parcel that has shipped cannot be reopened.

        Raises:
            InvalidInput: no such order, it has shipped, or a parcel is open at this bench.
        """

        if self.session is not None and not self.session.complete:
            raise InvalidInput(msg("bench.finish_open_parcel"))
        with self.session_factory.begin() as db:
            _repo, row, order = self._order_by_code(db, code)
            if order.status is OrderStatus.SHIPPED:
                raise InvalidInput(msg("bench.shipped_cannot_reopen", order_no=order.order_no))
            package = current_package(row)
            if package is not None and package.print_count > 0:
                self._void(db, package, "reopened")
            audit(db, self.actor, "reopen", "order", order.order_no, at=self.clock().isoformat())
            self._record(db, row.id, code, ScanOutcome.REOPENED, None, 0)  # ends the earlier attempt's counts
            self._start(order)
            return [self._opened_afresh(db, row.id, code, order, "reopened")]

    def bind_code(self, code: str, sku: str, units: int, supervisor: str) -> list[StationEvent]:
        """Binds an unknown code to a SKU of the open parcel (a supervisor's decision, audited) and counts the scan.

        Raises:
            InvalidInput: no parcel is open, the SKU is not in it, the units are not 1-999, or the code is known.
        """

        if self.session is None or self.session.complete:
            raise InvalidInput(msg("bench.bind_needs_parcel"))
        line = next((ln for ln in self.session.order.lines if ln.sku == sku), None)
        if line is None:
            raise InvalidInput(msg("bench.sku_not_in_order", sku=sku, order_no=self.session.order.order_no))
        if not 1 <= units <= 999:
            raise InvalidInput(msg("bench.units_range"))
        normal = normalize_scan(code)
        with self.session_factory.begin() as db:
            if CatalogueRepository(db).lookup(normal) is not None:
                raise InvalidInput(msg("bench.code_taken", code=normal))
            product = db.execute(select(ProductRow).where(ProductRow.sku == sku)).scalar_one_or_none()
            if product is None:  # an order line from a platform whose SKU the catalogue never had
                product = ProductRow(sku=sku, title=line.title, spec=line.spec, price=line.price)
                db.add(product)
                db.flush()
            db.add(BarcodeRow(code=normal, product_id=product.id, units=units))
            audit(db, self.actor, "bind_barcode", "barcode", normal, sku=sku, units=units, supervisor=supervisor)
        return self.scan(code)

    def confirm_by_hand(self, sku: str, supervisor: str, reason: str) -> list[StationEvent]:
        """Counts one unit of `sku` without a scan (a torn or missing barcode): a supervisor's decision, audited.

        Raises:
            InvalidInput: no parcel is open, or no reason is given.
        """

        if self.session is None or self.session.complete:
            raise InvalidInput(msg("bench.no_parcel_to_confirm"))
        if not reason.strip():
            raise InvalidInput(msg("bench.confirm_needs_reason"))
        with self.session_factory.begin() as db:
            order_id = self._order_id(db)
            events = self._apply_item(db, order_id, f"MANUAL:{sku}", BarcodeHit(sku, 1))
            if events[0].event is ScanOutcome.ITEM_OK:
                audit(
                    db, self.actor, "confirm_by_hand", "order", self.session.order.order_no, sku=sku,
                    supervisor=supervisor, reason=reason.strip(),
                )  # fmt: skip
        if self.session is not None and self.session.complete and events[-1].event is ScanOutcome.ORDER_COMPLETE:
            events += self._finish()
        return events

    def resume(self) -> list[StationEvent]:
        """Reopens the parcel this station had open when it stopped (a crash, a kill -9, a closed window), with the
        counts its recorded scans give; a parcel that was complete but not yet printed is printed now, and one whose
        label printed before its waybill was scanned waits for that scan (`order_opened`, reason scan_the_waybill).

        Returns the events of the resumption (none when nothing was open).
        """
        with self.session_factory.begin() as db:
            events = self._resume(db)
        if events and self.session is not None and self.session.complete and self.awaiting_confirm is None:
            events += self._finish()
        return events

    def undo(self) -> StationEvent | None:
        if self.session is None or self.session.complete:
            return None
        verdict = self.session.undo()
        if verdict is None:
            return None
        with self.session_factory.begin() as db:
            self._record(db, self._order_id(db), verdict.code, ScanOutcome.UNDONE, verdict.sku, -verdict.units)
        return self._event(verdict)

    def recheck(self) -> StationEvent | None:
        """Checks the open parcel against the cache again (after a sync brought changes); returns an `intercepted`
        event and closes the parcel when the order may no longer ship (a refund, a close, a hold), else None."""
        if self.session is None or self.session.complete:
            return None
        order = self.session.order
        with self.session_factory.begin() as db:
            row = OrderRepository(db).row(order.order_no, order.shop)
            _package, blocked = self._stop_reason(row)
            if not blocked:
                return None
            self._record(db, row.id if row else None, order.order_no, ScanOutcome.INTERCEPTED, None, 0)
        self._close()
        return StationEvent(ScanOutcome.INTERCEPTED, order.order_no, order.order_no, reason=blocked)

    # -- internals -------------------------------------------------------------------------------------------

    def _start(self, order: Order, *, from_waybill: bool = False, overridden: str | None = None) -> PackSession:
        """Opens a parcel for `order`, leaving nothing of the previous one behind (weighing, confirm, override)."""
        self.session = PackSession(order)
        self.from_waybill, self.overridden = from_waybill, overridden
        self.weigh_again, self.awaiting_confirm, self.print_failed, self.failed_job = False, None, False, None
        return self.session

    def _order_by_code(self, db: Session, code: str) -> tuple[OrderRepository, OrderRow, Order]:
        """The order a scanned code names (order or tracking number).

        Raises:
            InvalidInput: no order has that code.
        """
        repo = OrderRepository(db)
        row = repo.row_by_code(code)
        if row is None:
            raise InvalidInput(msg("bench.no_order_for_code", code=code))
        return repo, row, repo.to_domain([row])[0]

    def _opened_afresh(
        self, db: Session, order_id: int, code: str, order: Order, reason: str, extra: dict[str, Any] | None = None
    ) -> StationEvent:
        """Records the opening of the parcel just started, with no item counted yet, and returns its event."""
        assert self.session is not None
        self._record(db, order_id, code, ScanOutcome.ORDER_OPENED, None, 0)
        return StationEvent(
            ScanOutcome.ORDER_OPENED, code, order.order_no, done=0, total=self.session.total, reason=reason,
            extra=extra or {},
        )  # fmt: skip

    def _close(self) -> None:
        """No parcel open any more; nothing of it is left pending."""
        self.session = None
        self.weigh_again, self.awaiting_confirm, self.overridden = False, None, None
        self.print_failed, self.failed_job = False, None

    def _lookup(self, db: Session, code: str) -> BarcodeHit | None:
        """The product a scanned code stands for. Known codes are remembered for the station's life (a barcode's
        SKU does not change under a packer's hands); unknown ones are asked again each time, so a code bound or
        imported meanwhile is found."""
        normal = normalize_scan(code)
        hit = self._hits.get(normal)
        if hit is None:
            hit = CatalogueRepository(db).lookup(normal)
            if hit is not None:
                self._hits[normal] = hit
        return hit

    def _order_id(self, db: Session) -> int | None:
        """The open order's row id, looked up once per parcel (every item scan records it)."""
        assert self.session is not None
        # Holding the session itself (not its id()) makes the check exact: a new parcel is never taken for the old.
        if self._row_id is not None and self._row_id[0] is self.session:
            return self._row_id[1]
        row = OrderRepository(db).row(self.session.order.order_no, self.session.order.shop)
        if row is not None:
            self._row_id = (self.session, row.id)
        return row.id if row else None

    def _record(
        self, db: Session, order_id: int | None, code: str, outcome: ScanOutcome, sku: str | None, units: int
    ) -> None:
        # one Core INSERT: every scan writes one row, and the ORM's unit of work would cost more than the write
        db.execute(
            _RECORD_SCAN(),
            {
                "at": self.clock(),
                "station": self.actor.station,
                "packer": self.actor.name,
                "order_id": order_id,
                "code": code,
                "outcome": outcome.value,
                "sku": sku,
                "units": units,
            },
        )

    def _event(self, verdict: Verdict) -> StationEvent:
        assert self.session is not None
        return StationEvent(
            verdict.outcome,
            verdict.code,
            self.session.order.order_no,
            verdict.sku,
            verdict.units,
            verdict.scanned,
            verdict.required,
            verdict.done,
            verdict.total,
        )

    def _open(self, db: Session, code: str) -> list[StationEvent]:
        repo = OrderRepository(db)
        row = repo.row_by_code(code)
        if row is None:
            hit = self._lookup(db, code)
            if hit is not None and self.sku_first:
                opened = self._open_by_sku(db, code, hit)
                if opened:
                    return opened
            self._record(db, None, code, ScanOutcome.UNKNOWN_CODE, hit.sku if hit else None, 0)
            return [
                StationEvent(
                    ScanOutcome.UNKNOWN_CODE,
                    code,
                    sku=hit.sku if hit else None,
                    reason="no_open_order" if hit else "unknown",
                )
            ]
        order = repo.to_domain([row])[0]
        blocked = order.block_reason()
        if blocked:
            self._record(db, row.id, code, ScanOutcome.INTERCEPTED, None, 0)
            self._close()
            package = current_package(row)
            if package is not None and package.print_count > 0 and blocked != "shipped":
                self._void(db, package, blocked)  # a label printed before the refund: it must not be used
            return [
                StationEvent(
                    ScanOutcome.INTERCEPTED, code, order.order_no, reason=blocked, tracking_no=order.tracking_no
                )
            ]
        end, since = history(db, self.actor.station, row.id)
        labelled = self._label_to_confirm(db, row, order, end)
        if labelled is not None:  # its label printed, then the bench stopped before the waybill was scanned
            package, boxed = labelled
            stop = boxed_but_not_wanted(order, boxed)
            if stop:  # an item in the box was refunded meanwhile: its label must not be used
                self._record(db, row.id, code, ScanOutcome.INTERCEPTED, None, 0)
                self._void(db, package, stop)
                self._close()
                return [
                    StationEvent(
                        ScanOutcome.INTERCEPTED, code, order.order_no, reason=stop, tracking_no=package.tracking_no
                    )
                ]
            self._record(db, row.id, code, ScanOutcome.ORDER_OPENED, None, 0)
            return self._await_label(order, code, package.tracking_no, boxed)
        attempt = current_attempt(since)
        self._start(order, from_waybill=code != row.order_no)
        self._row_id = (self.session, row.id)  # the item scans to come need it; spare them the look-up
        assert self.session is not None
        reason = None
        if attempt is not None and attempt[2] == ScanOutcome.PARKED.value:
            first_open, accepted, _last = attempt
            stop = boxed_but_not_wanted(order, accepted)
            if stop:  # an item already in the box was refunded while the parcel was parked
                self._record(db, row.id, code, ScanOutcome.INTERCEPTED, None, 0)
                self._close()
                return [StationEvent(ScanOutcome.INTERCEPTED, code, order.order_no, reason=stop)]
            self.session.replay(accepted)
            self.from_waybill = first_open.code != row.order_no and first_open.sku is None
            reason = "unparked"
        self._record(db, row.id, code, ScanOutcome.ORDER_OPENED, None, 0)
        return [
            StationEvent(
                ScanOutcome.ORDER_OPENED,
                code,
                order.order_no,
                done=self.session.done,  # 0 for a fresh parcel; a parked one's count
                total=self.session.total,
                tracking_no=order.tracking_no,
                reason=reason,
            )
        ]

    def _open_by_sku(self, db: Session, code: str, hit: BarcodeHit) -> list[StationEvent] | None:
        """SKU-first: opens the most urgent waiting order with an unprinted parcel that needs this item, and counts
        the scan as its first item. None when no order needs it."""
        repo = OrderRepository(db)
        candidates = db.execute(
            select(OrderRow.order_no)
            .join(OrderLineRow, OrderLineRow.order_id == OrderRow.id)
            .where(
                OrderRow.status.in_((OrderStatus.AWAITING_SHIPMENT.value, OrderStatus.PARTLY_SHIPPED.value)),
                OrderLineRow.sku == hit.sku,
                OrderLineRow.refund_status == "none",
                OrderLineRow.shipped.is_(False),
                OrderLineRow.qty >= hit.units,
                ~OrderRow.packages.any(PackageRow.print_count > 0),
            )
            .order_by(OrderRow.deadline, OrderRow.id)
            .limit(20)
        ).scalars()
        for order_no in candidates:
            row = repo.row(order_no)
            if row is None:
                continue
            order = repo.to_domain([row])[0]
            if order.block_reason():
                continue
            self._start(order)
            self._record(db, row.id, code, ScanOutcome.ORDER_OPENED, hit.sku, 0)
            opened = StationEvent(
                ScanOutcome.ORDER_OPENED, code, order.order_no, hit.sku, done=0, total=self.session.total,
                reason="sku_first",
            )  # fmt: skip
            return [opened, *self._apply_item(db, row.id, code, hit)]
        return None

    def _stop_reason(
        self, row: OrderRow | None, *, label_on_parcel: bool | None = None
    ) -> tuple[PackageRow | None, str | None]:
        """The open parcel's live package and why it must not ship now (None: it may), from the order as cached.
        `label_on_parcel`: whether its printed label is already on it (by default: opened from that label)."""
        assert self.session is not None
        if row is None:
            return None, "closed"
        package = current_package(row)
        if label_on_parcel is None:
            label_on_parcel = self.from_waybill and package is not None and package.print_count > 0
        now = to_order(row, {})
        return package, _changed_since_opened(
            self.session, now, label_printed=label_on_parcel, overridden=self.overridden
        )

    def _void(self, db: Session, package: PackageRow, reason: str) -> None:

        package.state = PackageState.VOID
        audit(db, self.actor, "void", "package", package.tracking_no, reason=f"intercepted: {reason}")

    def _confirm(self, code: str, *, asked: bool = False) -> list[StationEvent]:
        """The packer scanned after the label printed: it must be that label; then the order is checked once more
        (`asked`: the platform was asked about the order just before, by the same scan)."""
        assert self.awaiting_confirm is not None and self.session is not None
        order = self.session.order
        tracking = self.awaiting_confirm
        is_the_label = _is_label(code, tracking)
        if is_the_label and not asked:
            self._ask_platform_about(order.order_no, order.shop)
        with self.session_factory.begin() as db:
            row = OrderRepository(db).row(order.order_no, order.shop)
            order_id = row.id if row else None
            if not is_the_label:
                self._record(db, order_id, code, ScanOutcome.WRONG_ITEM, None, 0)
                return [
                    StationEvent(
                        ScanOutcome.WRONG_ITEM,
                        code,
                        order.order_no,
                        tracking_no=tracking,
                        reason="scan_the_waybill",
                        done=self.session.done,
                        total=self.session.total,
                    )  # fmt: skip
                ]
            package, blocked = self._stop_reason(row, label_on_parcel=True)
            if blocked:
                self._record(db, order_id, code, ScanOutcome.INTERCEPTED, None, 0)
                if package is not None and blocked != "shipped":
                    self._void(db, package, blocked)
                self._close()
                return [
                    StationEvent(ScanOutcome.INTERCEPTED, code, order.order_no, reason=blocked, tracking_no=tracking)
                ]
            if row is None or package is None:  # its label was voided meanwhile (reopened at another bench)
                self._close()
                return [StationEvent(ScanOutcome.INTERCEPTED, code, order.order_no, reason="label_voided")]
            mark_shipped(db, row, package, self.actor, self.clock())
            self._record(db, row.id, code, ScanOutcome.SHIPPED, None, 0)
        self.awaiting_confirm = None
        return [
            StationEvent(
                ScanOutcome.SHIPPED, code, order.order_no, tracking_no=tracking, extra={"carrier": package.carrier}
            )
        ]

    def _print(self, order_no: str, reprint: Message | None, retry: int | None) -> PrintResult:
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

    def _weigh(self, db: Session, row: OrderRow) -> StationEvent | None:
        """Weighs the complete parcel when a scale is attached; an event when it must not go yet, else None.

        Only parcels whose every item has a known weight are checked (a SKU without one says nothing)."""
        from app.scanning.serial_devices import weight_matches

        if self.scale is None or self.session is None:
            return None
        skus = list(self.session.required)
        weights = dict(db.execute(select(ProductRow.sku, ProductRow.weight_g).where(ProductRow.sku.in_(skus))).all())
        if any(not weights.get(sku) for sku in skus):
            return None
        expected = sum(weights[sku] * qty for sku, qty in self.session.required.items()) + self.packaging_g
        measured = self.scale.stable_grams(2.0)
        order = self.session.order
        if measured is None:
            return StationEvent(
                ScanOutcome.WEIGHT_MISMATCH, order.order_no, order.order_no, reason="no_reading",
                extra={"expected_g": round(expected)},
            )  # fmt: skip
        if weight_matches(expected, measured):
            return None
        return StationEvent(
            ScanOutcome.WEIGHT_MISMATCH, order.order_no, order.order_no, reason="weight",
            extra={"expected_g": round(expected), "measured_g": round(measured)},
        )  # fmt: skip

    def park(self) -> StationEvent | None:
        """Sets the open parcel aside (its counts are kept); scanning its order again takes it up where it was."""
        if self.session is None or self.session.complete:
            return None
        order = self.session.order
        with self.session_factory.begin() as db:
            self._record(db, self._order_id(db), order.order_no, ScanOutcome.PARKED, None, 0)
        event = StationEvent(
            ScanOutcome.PARKED, order.order_no, order.order_no, done=self.session.done, total=self.session.total
        )
        self._close()
        return event

    def _label_to_confirm(
        self, db: Session, row: OrderRow, order: Order, end: ScanEventRow | None
    ) -> tuple[PackageRow, list[tuple[str, int]]] | None:
        """The waybill this station printed for the order's parcel that is still to be scanned onto it (the run
        ended between the label and its confirm scan), with the items in the box; None when there is none.

        Without the confirm scan or automatic shipping, a printed label ends the parcel's work at the bench."""
        if end is None or end.outcome != ScanOutcome.LABEL_PRINTED.value or not (self.confirm_scan or self.auto_ship):
            return None
        package = current_package(row)
        if package is None or package.state != PackageState.PRINTED or package.tracking_no != end.code:
            return None  # shipped, voided or relabelled since: not the label this bench printed
        boxed = boxed_before_label(db, self.actor.station, row.id, end.id)
        if boxed is None:
            return None
        still_wanted = PackSession(order)
        still_wanted.replay(boxed)
        # a line wanted now that the box lacks (a refund withdrawn meanwhile): its items are verified again
        return (package, boxed) if still_wanted.complete else None

    def _await_label(
        self, order: Order, code: str, tracking_no: str, boxed: list[tuple[str, int]]
    ) -> list[StationEvent]:
        """Takes up a parcel whose label printed before its waybill was scanned: it waits for that scan."""
        session = self._start(order)
        session.replay(boxed)
        self.awaiting_confirm = tracking_no
        return [
            StationEvent(
                ScanOutcome.ORDER_OPENED,
                code,
                order.order_no,
                done=session.done,
                total=session.total,
                tracking_no=tracking_no,
                reason="scan_the_waybill",
            )
        ]

    def _resume(self, db: Session) -> list[StationEvent]:
        last_open = db.execute(
            select(ScanEventRow)
            .where(
                ScanEventRow.station == self.actor.station,
                ScanEventRow.outcome == ScanOutcome.ORDER_OPENED.value,
                ScanEventRow.order_id.is_not(None),
            )
            .order_by(ScanEventRow.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if last_open is None or last_open.order_id is None:
            return []
        row = db.get(OrderRow, last_open.order_id)
        if row is None:
            return []
        end, since = history(db, self.actor.station, row.id)
        repo = OrderRepository(db)
        order = repo.to_domain([repo.row(row.order_no, row.shop.name)])[0]  # type: ignore[list-item]
        labelled = self._label_to_confirm(db, row, order, end)
        if labelled is not None:
            package, boxed = labelled
            if order.block_reason() or boxed_but_not_wanted(order, boxed):
                return []  # it changed while the station was down: the next scan of it shows why (STOP)
            return self._await_label(order, row.order_no, package.tracking_no, boxed)
        attempt = current_attempt(since)
        if attempt is None or attempt[2] == ScanOutcome.PARKED.value:
            return []  # ended, or set aside on purpose: nothing was open
        first_open, accepted, _last = attempt
        if order.block_reason() or boxed_but_not_wanted(order, accepted):
            return []  # it changed while the station was down: the next scan of it shows why (STOP)
        self._start(order, from_waybill=first_open.code != order.order_no and first_open.sku is None)
        assert self.session is not None
        self.session.replay(accepted)
        return [
            StationEvent(
                ScanOutcome.ORDER_OPENED,
                row.order_no,
                order.order_no,
                done=self.session.done,
                total=self.session.total,
                tracking_no=order.tracking_no,
                reason="resumed",
            )  # fmt: skip
        ]

    def _item_scan(self, db: Session, code: str) -> list[StationEvent]:
        assert self.session is not None
        order_id = self._order_id(db)
        hit = self._lookup(db, code)
        if hit is None:
            other = OrderRepository(db).row_by_code(code)
            if other is not None:
                if other.id == order_id:  # the open order's own slip scanned again: recorded, progress repeated
                    self._record(db, order_id, code, ScanOutcome.ORDER_OPENED, None, 0)
                    return [
                        StationEvent(
                            ScanOutcome.ORDER_OPENED,
                            code,
                            self.session.order.order_no,
                            done=self.session.done,
                            total=self.session.total,
                        )
                    ]
                self._record(db, other.id, code, ScanOutcome.ORDER_BUSY, None, 0)
                return [
                    StationEvent(
                        ScanOutcome.ORDER_BUSY,
                        code,
                        self.session.order.order_no,
                        done=self.session.done,
                        total=self.session.total,
                        reason="finish_current_order",
                        extra={"other_order_no": other.order_no},
                    )
                ]
        return self._apply_item(db, order_id, code, hit)

    def _apply_item(self, db: Session, order_id: int | None, code: str, hit: BarcodeHit | None) -> list[StationEvent]:
        assert self.session is not None
        verdict = self.session.apply(code, hit)
        self._record(db, order_id, code, verdict.outcome, verdict.sku, verdict.units)
        events = [self._event(verdict)]
        if verdict.outcome is ScanOutcome.ITEM_OK and self.session.complete:
            self._record(db, order_id, code, ScanOutcome.ORDER_COMPLETE, None, 0)
            events.append(
                StationEvent(
                    ScanOutcome.ORDER_COMPLETE,
                    code,
                    self.session.order.order_no,
                    done=self.session.done,
                    total=self.session.total,
                )
            )
        return events

    def _finish(self) -> list[StationEvent]:
        """Prints the waybill and ships the completed parcel (or waits for the confirm scan)."""
        if self.session is None or not self.session.complete:
            return []  # never a label for a parcel that is not fully verified
        order = self.session.order
        # Re-check the order right before printing: a refund may have arrived while it was being packed.
        self._ask_platform_about(order.order_no, order.shop)
        with self.session_factory.begin() as db:
            row = OrderRepository(db).row(order.order_no, order.shop)
            package, blocked = self._stop_reason(row)
            if blocked:
                self._record(db, row.id if row else None, order.order_no, ScanOutcome.INTERCEPTED, None, 0)
                if package is not None and package.print_count > 0 and blocked != "shipped":
                    self._void(db, package, blocked)  # a shipped parcel's label is on its way: it stays valid
                if package is not None:  # a label still queued for it (its printer had stopped) must not come out
                    stopped = msg("print.stopped_at_bench", stop=blocked)
                    cancel_queued(db, package, stopped, self.actor, self.clock())
                self._close()
                return [StationEvent(ScanOutcome.INTERCEPTED, order.order_no, order.order_no, reason=blocked)]
            if self.from_waybill and row is not None and package is not None and package.print_count > 0:
                # 先打单后验货: the label printed before packing is already on this parcel
                if not self.auto_ship:
                    return []
                mark_shipped(db, row, package, self.actor, self.clock())
                self._record(db, row.id, package.tracking_no, ScanOutcome.SHIPPED, None, 0)
                return [
                    StationEvent(
                        ScanOutcome.SHIPPED,
                        order.order_no,
                        order.order_no,
                        tracking_no=package.tracking_no,
                        reason="printed_before_packing",
                        extra={"carrier": package.carrier},
                    )  # fmt: skip
                ]
            mismatch = self._weigh(db, row) if row is not None else None
            if mismatch is not None:
                self._record(db, row.id if row else None, order.order_no, ScanOutcome.WEIGHT_MISMATCH, None, 0)
                self.weigh_again = True
                return [mismatch]
            if self.printer is None:
                return []
            reprint = msg("print.packed_again") if package is not None and package.print_count > 0 else None
        confirm = self.confirm_scan  # read once: the station settings may change it meanwhile
        retry, self.failed_job = self.failed_job, None
        try:
            result = self._print(order.order_no, reprint, retry)
        except PackDeskError as exc:  # no waybill account, an order the print queue refuses: the packer is told
            with self.session_factory.begin() as db:
                self._record(db, self._order_id(db), order.order_no, ScanOutcome.PRINT_FAILED, None, 0)
            self.print_failed = True
            failed = StationEvent(
                ScanOutcome.PRINT_FAILED, order.order_no, order.order_no, reason=exc.message, message=exc.msg
            )
            return [failed]
        with self.session_factory.begin() as db:  # the attempt's record: a restart must not print it again
            outcome = ScanOutcome.LABEL_PRINTED if result.state is PrintJobState.SENT else ScanOutcome.PRINT_FAILED
            self._record(db, self._order_id(db), result.tracking_no or order.order_no, outcome, None, 0)
        if result.state is not PrintJobState.SENT:
            # The parcel stays complete; its order scanned again prints its label (a queued or failed job), or, for
            # a job cut off mid-send, once the packer answered "did it print?" in the print queue.
            self.print_failed, self.failed_job = True, result.job_id
            extra: dict[str, Any] = {"printer_state": result.printer_state} if result.printer_state else {}
            if result.state in (PrintJobState.UNKNOWN, PrintJobState.SENDING):
                extra["answer_in_queue"] = True
            else:
                extra["retry"] = True
            return [
                StationEvent(
                    ScanOutcome.PRINT_FAILED,
                    order.order_no,
                    order.order_no,
                    tracking_no=result.tracking_no,
                    reason=result.error,
                    extra=extra,
                    message=result.message,
                )
            ]
        events = [
            StationEvent(
                ScanOutcome.LABEL_PRINTED,
                order.order_no,
                order.order_no,
                tracking_no=result.tracking_no,
                reason="scan_the_waybill" if confirm else None,
                extra={"carrier": result.carrier, "copy_no": result.copy_no},
            )
        ]
        if confirm:
            self.awaiting_confirm = result.tracking_no
            return events
        if self.auto_ship:
            with self.session_factory.begin() as db:
                row = OrderRepository(db).row(order.order_no, order.shop)
                package = current_package(row) if row is not None else None
                if row is None or package is None:  # voided between printing and now (reopened elsewhere)
                    self._close()
                    return [*events, StationEvent(ScanOutcome.INTERCEPTED, order.order_no, order.order_no,
                                                  reason="label_voided")]  # fmt: skip
                mark_shipped(db, row, package, self.actor, self.clock())
                self._record(db, row.id, package.tracking_no, ScanOutcome.SHIPPED, None, 0)
            events.append(
                StationEvent(
                    ScanOutcome.SHIPPED,
                    order.order_no,
                    order.order_no,
                    tracking_no=result.tracking_no,
                    extra={"carrier": result.carrier},
                )
            )
        return events


def _is_label(code: str, tracking_no: str) -> bool:
    """Whether a scanned code is the waybill `tracking_no` (scanners may send it in lower case)."""
    return code.strip().upper() == tracking_no


def _changed_since_opened(
    session: PackSession, now: Order, *, label_printed: bool = False, overridden: str | None = None
) -> str | None:
    """Why the parcel verified in `session` must not ship given the order as it is `now`, or None.

    Besides the order-level stops (closed, held, shipped), a refund requested on any line already packed stops it:
    the item is in the box. When the parcel already carries its printed label, a receiver changed since it was
    opened stops it too (`address_changed`): that label would send it to the old address. A label not yet printed
    simply prints with the new one.
    """
    blocked = now.block_reason()
    if blocked and blocked != overridden:
        return blocked
    if label_printed and now.receiver != session.order.receiver and overridden != "address_changed":
        return "address_changed"
    still: dict[str, int] = {}
    for line in now.lines:
        if line.packable:
            still[line.sku] = still.get(line.sku, 0) + line.qty
    if any(still.get(sku, 0) < qty for sku, qty in session.required.items()):
        return "refund"
    return None

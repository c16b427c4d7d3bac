"""The packing station engine: scans in, events out (services layer).

The same engine drives the station window and `packdesk pack --scans`. A scan is answered by the in-memory
`PackSession`; its record is one short insert. When the last item is verified the waybill prints (if a printer is
attached) and the parcel is recorded as shipped, with its ship-back queued in the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.barcodes import normalize_scan
from app.domain.enums import PrintJobState, ScanOutcome
from app.domain.orders import Order
from app.domain.packing import PackSession, Verdict
from app.persistence.repositories import CatalogueRepository, OrderRepository, current_package, to_order
from app.persistence.rows import ScanEventRow
from app.services.audit import Actor
from app.services.printing import PrintService
from app.services.shipping import mark_shipped


@dataclass(frozen=True)
class StationEvent:
    """One line of `packdesk pack --json`, and what the window shows for a scan."""

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
        clock: current UTC time (injectable).
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Actor,
        printer: PrintService | None = None,
        *,
        auto_ship: bool = True,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.session_factory = session_factory
        self.actor = actor
        self.printer = printer
        self.auto_ship = auto_ship
        self.clock = clock
        self.session: PackSession | None = None

    @property
    def order(self) -> Order | None:
        return self.session.order if self.session else None

    def scan(self, raw: str) -> list[StationEvent]:
        """Handles one scanned code; returns the events it caused, in order."""
        code = raw.strip()  # order and tracking numbers are looked up as scanned; product codes normalized
        if not code:
            return []
        with self.session_factory.begin() as db:
            if self.session is not None and not self.session.complete:
                events = self._item_scan(db, code)
            else:
                events = self._open(db, code)
        if self.session is not None and self.session.complete and events[-1].event is ScanOutcome.ORDER_COMPLETE:
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
            blocked = _changed_since_opened(self.session, to_order(row, {})) if row else "closed"
            if not blocked:
                return None
            self._record(db, row.id if row else None, order.order_no, ScanOutcome.INTERCEPTED, None, 0)
        self.session = None
        return StationEvent(ScanOutcome.INTERCEPTED, order.order_no, order.order_no, reason=blocked)

    # -- internals -------------------------------------------------------------------------------------------

    def _order_id(self, db: Session) -> int | None:
        assert self.session is not None
        row = OrderRepository(db).row(self.session.order.order_no, self.session.order.shop)
        return row.id if row else None

    def _record(
        self, db: Session, order_id: int | None, code: str, outcome: ScanOutcome, sku: str | None, units: int
    ) -> None:
        db.add(
            ScanEventRow(
                at=self.clock(),
                station=self.actor.station,
                packer=self.actor.name,
                order_id=order_id,
                code=code,
                outcome=outcome.value,
                sku=sku,
                units=units,
            )
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
            hit = CatalogueRepository(db).lookup(normalize_scan(code))
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
            self.session = None
            return [
                StationEvent(
                    ScanOutcome.INTERCEPTED, code, order.order_no, reason=blocked, tracking_no=order.tracking_no
                )
            ]
        self.session = PackSession(order)
        self._record(db, row.id, code, ScanOutcome.ORDER_OPENED, None, 0)
        return [
            StationEvent(
                ScanOutcome.ORDER_OPENED,
                code,
                order.order_no,
                done=0,
                total=self.session.total,
                tracking_no=order.tracking_no,
            )
        ]

    def _item_scan(self, db: Session, code: str) -> list[StationEvent]:
        assert self.session is not None
        order_id = self._order_id(db)
        hit = CatalogueRepository(db).lookup(normalize_scan(code))
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
        """Prints the waybill and ships the completed parcel."""
        assert self.session is not None
        order = self.session.order
        if self.printer is None:
            return []
        # Re-check the order right before printing: a refund may have arrived while it was being packed.
        with self.session_factory.begin() as db:
            row = OrderRepository(db).row(order.order_no, order.shop)
            blocked = _changed_since_opened(self.session, to_order(row, {})) if row else "closed"
            if blocked:
                self._record(db, row.id if row else None, order.order_no, ScanOutcome.INTERCEPTED, None, 0)
                return [StationEvent(ScanOutcome.INTERCEPTED, order.order_no, order.order_no, reason=blocked)]
            package = current_package(row) if row else None
            reprint = "packed again at the station" if package is not None and package.print_count > 0 else None
        result = self.printer.print_order(order.order_no, reprint_reason=reprint)
        if result.state is not PrintJobState.SENT:
            return [
                StationEvent(
                    ScanOutcome.PRINT_FAILED,
                    order.order_no,
                    order.order_no,
                    tracking_no=result.tracking_no,
                    reason=result.error,
                )
            ]
        events = [
            StationEvent(
                ScanOutcome.LABEL_PRINTED,
                order.order_no,
                order.order_no,
                tracking_no=result.tracking_no,
                extra={"carrier": result.carrier, "copy_no": result.copy_no},
            )
        ]
        if self.auto_ship:
            with self.session_factory.begin() as db:
                row = OrderRepository(db).row(order.order_no, order.shop)
                assert row is not None
                package = current_package(row)
                assert package is not None
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


def _changed_since_opened(session: PackSession, now: Order) -> str | None:
    """Why the parcel verified in `session` must not ship given the order as it is `now`, or None.

    Besides the order-level stops (closed, held, shipped), a refund requested on any line already packed stops it:
    the item is in the box.
    """
    blocked = now.block_reason()
    if blocked:
        return blocked
    still: dict[str, int] = {}
    for line in now.lines:
        if line.packable:
            still[line.sku] = still.get(line.sku, 0) + line.qty
    if any(still.get(sku, 0) < qty for sku, qty in session.required.items()):
        return "refund"
    return None

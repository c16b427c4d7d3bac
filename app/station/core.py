"""The station engine's state and the helpers every part of it shares (station layer).

`StationCore` holds the bench's settings, its one open `Parcel` (app.domain.parcel: the parcel's step replaces the
mode flags the engine once reset by hand) and the short look-ups and the one-row record each scan needs. The parts of
the engine (opening, finishing, supervisor, resume) build on it; `app.station.engine.Station` joins them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from app.domain.barcodes import normalize_scan
from app.domain.enums import ScanOutcome
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.orders import Order
from app.domain.packages import StoredOrder
from app.domain.packing import BarcodeHit
from app.domain.parcel import Parcel, Step, leave_unconfirmed, open_parcel
from app.persistence.repositories import CatalogueRepository, OrderRepository
from app.persistence.scan_log import record_scan
from app.services.audit import Actor
from app.station.ports import LiveCheck, Scale, Spooler

log = logging.getLogger(__name__)


class StationCore:
    """A packing bench's settings and open parcel; see `app.station.engine.Station` for the arguments."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Actor,
        printer: Spooler | None = None,
        *,
        auto_ship: bool = True,
        sku_first: bool = False,
        confirm_scan: bool = False,
        scale: Scale | None = None,
        packaging_g: float = 0.0,
        live: LiveCheck | Callable[[str, str], object] | None = None,
        live_at_open: bool = True,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.session_factory = session_factory
        self.actor = actor
        self.printer = printer
        self.auto_ship = auto_ship
        self.sku_first = sku_first
        self.confirm_scan = confirm_scan
        self.scale = scale
        self.packaging_g = packaging_g  # box and filler, added to the items' weight
        self.clock = clock
        self.parcel: Parcel | None = None
        self._row_id: tuple[Order, int] | None = None  # the open parcel's order and its row id
        self._hits: dict[str, BarcodeHit] = {}  # normalized code -> product, for codes the catalogue knows
        self._due = False  # see finish_due()
        # `live(order_no, shop)` is called before printing and confirming, and before opening unless the caller does
        # that itself in the background (`live_at_open=False`: the window, which must not wait for it).
        self.live = live
        self.live_at_open = live_at_open

    # -- the open parcel, as the window and tests read it ---------------------------------------------------

    @property
    def order(self) -> Order | None:
        return self.parcel.order if self.parcel else None

    @property
    def session(self) -> Parcel | None:
        """The open parcel (its order, counts and whether it is complete); set to None to put it away."""
        return self.parcel

    @session.setter
    def session(self, value: None) -> None:
        if value is not None:
            raise ValueError("a parcel is opened by a scan")
        self._close()

    @property
    def awaiting_confirm(self) -> str | None:
        """The tracking number to scan before the parcel counts as shipped; set to None to walk away from it."""
        return self.parcel.awaiting if self.parcel is not None and self.parcel.step is Step.AWAITING_CONFIRM else None

    @awaiting_confirm.setter
    def awaiting_confirm(self, value: None) -> None:
        if value is not None:
            raise ValueError("a label is awaited only once it printed")
        if self.parcel is not None and self.parcel.step is Step.AWAITING_CONFIRM:
            self.parcel = leave_unconfirmed(self.parcel)

    @property
    def weigh_again(self) -> bool:
        """The parcel failed the weight check: its order code weighs it again."""
        return self.parcel is not None and self.parcel.step is Step.WEIGH_AGAIN

    @property
    def print_failed(self) -> bool:
        """The complete parcel's label did not print: its order scanned again retries."""
        return self.parcel is not None and self.parcel.step is Step.PRINT_FAILED

    @property
    def packing(self) -> Parcel | None:
        """The open parcel while its items are being counted, else None."""
        return self.parcel if self.parcel is not None and self.parcel.step is Step.PACKING else None

    # -- shared helpers -------------------------------------------------------------------------------------

    def _start(self, order: Order, *, from_waybill: bool = False, overridden: str | None = None,
               boxed: list[tuple[str, int]] | None = None) -> Parcel:  # fmt: skip
        """Opens a parcel for `order`; nothing of the previous one is left behind."""
        self.parcel = open_parcel(order, from_waybill=from_waybill, overridden=overridden, boxed=boxed or ())
        return self.parcel

    def _close(self) -> None:
        """No parcel open any more; nothing of it is left pending."""
        self.parcel = None

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

    def _order_by_code(self, db: Session, code: str) -> StoredOrder:
        """The order a scanned code names (order or tracking number).

        Raises:
            InvalidInput: no order has that code.
        """
        stored = OrderRepository(db).find(code)
        if stored is None:
            raise InvalidInput(msg("bench.no_order_for_code", code=code))
        return stored

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
        assert self.parcel is not None
        order = self.parcel.order
        # Holding the order itself (not its id()) makes the check exact: a new parcel is never taken for the old.
        if self._row_id is not None and self._row_id[0] is order:
            return self._row_id[1]
        stored = OrderRepository(db).stored(order.order_no, order.shop)
        if stored is not None:
            self._row_id = (order, stored.id)
        return stored.id if stored else None

    def _record(
        self, db: Session, order_id: int | None, code: str, outcome: ScanOutcome, sku: str | None = None,
        units: int = 0,
    ) -> None:  # fmt: skip
        record_scan(db, self.clock(), self.actor.station, self.actor.name, order_id, code, outcome, sku, units)

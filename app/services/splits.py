"""Splitting an order into parcels (拆单) and undoing a split before its parcel prints (services layer).

`split_order` checks the seller's choice (app.domain.splits: the rule for quantity splits is there) and stores it in
one transaction with its audit entry: the bench then expects only the chosen lines and units, the label lists them,
the shipment reports the sub-orders the parcel completes (app.services.shipping), and stock is allotted to the
parcel's units only, so an order out of stock (缺货待补货) for one line can ship the others now. Once that parcel
ships the order is partly shipped and its next parcel takes what is left (or another split of it). `unsplit_order`
sets a split back while its parcel's label is not printed. Both refuse with a reason a seller understands and change
nothing then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import msg
from app.domain.orders import Order
from app.domain.packages import StoredOrder
from app.domain.splits import completed, parcel_units, plan, staying
from app.persistence.repositories import OrderRepository
from app.persistence.splits import SplitRepository
from app.services.audit import Actor, audit
from app.services.stock import recompute


@dataclass(frozen=True)
class ParcelLine:
    """Units of one order line (its sub-order id `line_no`)."""

    line_no: str
    sku: str
    title: str
    qty: int

    def to_json(self) -> dict[str, Any]:
        return {"line_no": self.line_no, "sku": self.sku, "title": self.title, "qty": self.qty}


@dataclass(frozen=True)
class SplitResult:
    """An order's next parcel as a split (or its undoing) left it, and what stays for a later one."""

    order_no: str
    parcel: tuple[ParcelLine, ...]
    staying: tuple[ParcelLine, ...]
    reported: tuple[str, ...]  # the sub-orders the parcel's ship-back names (those whose last units it carries)
    split: bool  # False once undone: the next parcel takes all that is left

    def to_json(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "split": self.split,
            "parcel": [p.to_json() for p in self.parcel],
            "staying": [p.to_json() for p in self.staying],
            "sub_orders": list(self.reported),
        }


def _lines(order: Order, units: Mapping[str, int]) -> tuple[ParcelLine, ...]:
    return tuple(
        ParcelLine(ln.line_no, ln.sku, ln.title, units[ln.line_no]) for ln in order.lines if units.get(ln.line_no)
    )


def _result(order: Order) -> SplitResult:
    units = parcel_units(order)
    return SplitResult(
        order.order_no, _lines(order, units), _lines(order, staying(order, units)), completed(order), order.split
    )


def _editable(session: Session, order_no: str) -> StoredOrder:
    """The order to split or unsplit; refused while its parcel's label is printed (it lists the parcel as it is).

    Raises:
        NotFound: no such order.
        InvalidInput: its waybill is printed.
    """
    stored = OrderRepository(session).stored(order_no)
    if stored is None:
        raise NotFound(msg("order.not_found", order_no=order_no))
    package = stored.package
    if package is not None and package.printed:
        raise InvalidInput(msg("split.printed", order_no=stored.order.order_no, tracking_no=package.tracking_no))
    return stored


def split_order(
    session_factory: sessionmaker[Session],
    order_no: str,
    wanted: Sequence[tuple[str, int | None]],
    actor: Actor,
    now: datetime,
) -> SplitResult:
    """The order's next parcel carries the `wanted` lines (line number or SKU, units or None for all that is left);
    the rest stays for a later parcel. An earlier split not yet printed is replaced.

    Raises:
        NotFound: no such order.
        NotPackable: it is closed, shipped, held, or has nothing left to ship.
        InvalidInput: its waybill is printed, or the choice is refused (app.domain.splits.plan); nothing changes.
    """
    with session_factory.begin() as session:
        stored = _editable(session, order_no)
        order = stored.order
        units = plan(order, wanted)
        before = parcel_units(order) if order.split else None
        SplitRepository(session).plan(stored.id, units)
        after = OrderRepository(session).stored_by_id(stored.id, barcodes=False)
        assert after is not None
        result = _result(after.order)
        audit(session, actor, "split", "order", order.order_no, parcel={p.line_no: p.qty for p in result.parcel},
              before=before, at=now.isoformat())  # fmt: skip
        recompute(session)  # stock is allotted to the next parcel: a split that leaves a short line behind may ship
        return result


def unsplit_order(session_factory: sessionmaker[Session], order_no: str, actor: Actor, now: datetime) -> SplitResult:
    """Undoes the order's split before its parcel prints: the next parcel takes all that is left.

    Raises:
        NotFound: no such order.
        InvalidInput: it is not split, or its waybill is printed; nothing changes.
    """
    with session_factory.begin() as session:
        stored = _editable(session, order_no)
        order = stored.order
        if not order.split:
            raise InvalidInput(msg("split.not_split", order_no=order.order_no))
        SplitRepository(session).clear(stored.id)
        after = OrderRepository(session).stored_by_id(stored.id, barcodes=False)
        assert after is not None
        audit(session, actor, "unsplit", "order", order.order_no, before=parcel_units(order), at=now.isoformat())
        recompute(session)
        return _result(after.order)

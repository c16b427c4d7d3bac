"""Batch ship (批量发货) with tracking numbers filled from the first one or from a number roll (services layer).

`plan_batch_ship` reads only: each order that can ship gets the next number of the roll's sequence
(app.domain.number_sequence) or of the shops' number-roll account, and every order that cannot is skipped with its
reason, for the seller to review. `ship_plan` then records each row through the same path as `packdesk ship`
(app.services.shipping.record_shipment: the parcel shipped, its units off stock, its ship-back queued), re-checking
the order at that moment, in one transaction per order. A kill -9 between two orders leaves the first shipped with
its number and the second not; running the plan again finds the first already shipped with that very number and
reports it shipped, never a second time. A roll account's number is claimed in the order's transaction with a
conditional UPDATE (the roll has not passed it), so it stays the roll's when that order does not ship.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus, PackageState
from app.domain.errors import InvalidInput, NotFound, PackDeskError
from app.domain.messages import Message, msg
from app.domain.number_sequence import normalise, sequence
from app.domain.order_actions import platform_stop
from app.domain.packages import StoredOrder
from app.domain.stock import describe
from app.domain.tracking import CARRIERS
from app.persistence.packages import PackageRepository
from app.persistence.repositories import OrderRepository
from app.persistence.stock import shortages_of_order
from app.persistence.waybill_accounts import WaybillAccounts
from app.persistence.waybill_issues import WaybillIssues
from app.services.audit import Actor
from app.services.shipping import record_shipment, shipment_refusal
from app.services.waybills.allocation import account_for


@dataclass(frozen=True)
class PlannedShipment:
    """One order and the number it will ship with; a roll account's number carries the account and serial."""

    order_no: str
    carrier: str
    tracking_no: str
    account_id: int | None = None
    serial: int | None = None

    def to_json(self) -> dict[str, object]:
        return {"order_no": self.order_no, "carrier": self.carrier, "tracking_no": self.tracking_no}


@dataclass(frozen=True)
class Skipped:
    order_no: str
    reason: Message

    def to_json(self) -> dict[str, object]:
        return {"order_no": self.order_no, "reason": self.reason.render()}


@dataclass(frozen=True)
class ShipPlan:
    """What a batch would record, for review: `rows` in the order given, `skipped` with their reasons."""

    rows: tuple[PlannedShipment, ...]
    skipped: tuple[Skipped, ...]

    def to_json(self) -> dict[str, object]:
        return {"rows": [r.to_json() for r in self.rows], "skipped": [s.to_json() for s in self.skipped]}


@dataclass(frozen=True)
class Shipped:
    order_no: str
    carrier: str
    tracking_no: str
    outbox_id: int | None  # None: it had shipped with this number before (a plan run again)

    def to_json(self) -> dict[str, object]:
        return {
            "order_no": self.order_no,
            "carrier": self.carrier,
            "tracking_no": self.tracking_no,
            "already": self.outbox_id is None,
        }


@dataclass(frozen=True)
class ShipReport:
    shipped: tuple[Shipped, ...]
    skipped: tuple[Skipped, ...]

    def to_json(self) -> dict[str, object]:
        return {"shipped": [s.to_json() for s in self.shipped], "skipped": [s.to_json() for s in self.skipped]}


def _order_refusal(session: Session, stored: StoredOrder | None, order_no: str) -> Message | None:
    """Why the order cannot ship whatever its number (not found, closed, shipped, held, refunded, out of stock)."""
    if stored is None:
        return msg("order.not_found", order_no=order_no)
    blocked = stored.order.block_reason()
    held_for = getattr(stored.order, "hold_reason", "")  # the seller's reason, where the order was held here
    if blocked == "on_hold" and held_for:
        return msg("batch.held", order_no=stored.order.order_no, reason=held_for)
    if blocked == "on_hold" and (platform := platform_stop(stored.order)) is not None:
        return platform  # a presale whose balance is not paid
    if blocked:
        return msg("shipping.blocked", order_no=stored.order.order_no, reason=msg(f"order.blocked.{blocked}"))
    if stored.order.status is OrderStatus.OUT_OF_STOCK:  # no supervisor's override: the stock is not there
        short = describe(shortages_of_order(session, stored.id)) or "?"
        return msg("batch.out_of_stock", order_no=stored.order.order_no, short=short)
    return None


def _carrier_of(stored: StoredOrder, carrier: str | None) -> str | None:
    chosen = carrier or stored.order.carrier or (stored.package.carrier if stored.package else None)
    return chosen.strip().upper() if chosen else None


def plan_batch_ship(
    session_factory: sessionmaker[Session],
    order_nos: list[str],
    carrier: str | None,
    first_no: str | None,
    *,
    auto_fill: bool = True,
) -> ShipPlan:
    """The numbers `order_nos` would ship with, and the orders that cannot ship with why; nothing is written.

    Args:
        order_nos: the orders, in the order their labels come off the roll (repeats ignored).
        carrier: the carrier of every order; None: each order's chosen carrier (those without one are skipped,
            and those of another carrier than the first's: one roll serves one carrier).
        first_no: the first number; the orders that can ship take it and the numbers after it (a number another
            parcel holds, or an online provider issued, skips its order and is not given to the next; an order that
            shipped with the number it comes to, in a run of the same batch cut short, keeps it). None: the
            next free numbers of the number-roll account serving each order's shops.
        auto_fill: False: a single order, shipped with `first_no` as it is.

    Raises:
        InvalidInput: no orders; several orders without auto_fill; an unknown carrier; `first_no` not in the
            carrier's format (or its check digit wrong); the roll would run past its format's last number.
    """
    wanted = list(dict.fromkeys(o.strip() for o in order_nos if o.strip()))
    if not wanted:
        raise InvalidInput(msg("batch.no_orders"))
    if not auto_fill and len(wanted) > 1:
        raise InvalidInput(msg("batch.several_need_auto_fill", count=len(wanted)))
    given = code = carrier.strip().upper() if carrier else None
    if code is not None and code not in CARRIERS:
        raise InvalidInput(msg("carrier.unknown", carrier=carrier, known=", ".join(CARRIERS)))
    rows: list[PlannedShipment] = []
    skipped: list[Skipped] = []
    with session_factory() as session:
        orders = OrderRepository(session)
        numbers: list[str] | None = None
        rolls: dict[int, int] = {}  # roll account id -> its next serial in this plan
        for order_no in wanted:
            stored = orders.stored(order_no)
            if first_no is not None and code is not None and stored is not None:
                if numbers is None:
                    numbers = sequence(code, first_no, len(wanted)) if auto_fill else [normalise(first_no)]
                if _shipped_with(stored, numbers[0]):  # shipped by this batch before (a run cut short, run again)
                    rows.append(PlannedShipment(stored.order.order_no, code, numbers.pop(0)))
                    continue
            reason = _order_refusal(session, stored, order_no)
            if reason is None and stored is not None:
                own = _carrier_of(stored, given)
                if own is None:
                    reason = msg("batch.no_carrier", order_no=order_no)
                elif code is None:
                    code = own  # the first order's carrier is the batch's
                elif own != code:
                    reason = msg("batch.other_carrier", order_no=order_no, carrier=own, expected=code)
            if reason is not None or stored is None or code is None:
                skipped.append(Skipped(order_no, reason or msg("order.not_found", order_no=order_no)))
                continue
            if first_no is None:
                planned: PlannedShipment | Skipped = _from_roll(session, stored, code, rolls)
            else:
                if numbers is None:
                    numbers = sequence(code, first_no, len(wanted)) if auto_fill else [normalise(first_no)]
                planned = PlannedShipment(stored.order.order_no, code, numbers.pop(0))
            if isinstance(planned, PlannedShipment):
                try:
                    shipment_refusal(session, stored, code, planned.tracking_no)
                except PackDeskError as exc:  # its number is taken, or the platform would refuse it
                    planned = Skipped(order_no, exc.msg)
                else:
                    rows.append(planned)
                    continue
            skipped.append(planned)
    return ShipPlan(tuple(rows), tuple(skipped))


def _shipped_with(stored: StoredOrder, number: str) -> bool:
    package = stored.package
    return package is not None and package.state is PackageState.SHIPPED and package.tracking_no == number


def _from_roll(session: Session, stored: StoredOrder, code: str, rolls: dict[int, int]) -> PlannedShipment | Skipped:
    """The next number of the number roll serving the order's shops, or why there is none."""
    order_no = stored.order.order_no
    try:
        account = account_for(session, stored, code)
    except PackDeskError as exc:
        return Skipped(order_no, exc.msg)
    if account.kind != "roll":
        return Skipped(order_no, msg("batch.no_roll", order_no=order_no, carrier=code))
    position = WaybillAccounts(session).roll_position(account.id)
    assert position is not None  # account_for just read it
    serial, end = rolls.get(account.id, position[0]), position[1]
    if serial >= end:
        return Skipped(order_no, msg("batch.roll_empty", order_no=order_no, account=account.name))
    rolls[account.id] = serial + 1
    return PlannedShipment(order_no, code, CARRIERS[code].number(serial), account.id, serial)


def ship_plan(session_factory: sessionmaker[Session], plan: ShipPlan, actor: Actor, now: datetime) -> ShipReport:
    """Records the plan's shipments, each in its own transaction, re-checking each order first (it may have been
    refunded, held or shipped since the review); the plan's skipped orders stay skipped.

    Returns:
        What shipped (those that had shipped with the same number before: `already`) and what was skipped now
        or in the plan, with the reasons.
    """
    shipped: list[Shipped] = []
    skipped: list[Skipped] = list(plan.skipped)
    for row in plan.rows:
        try:
            with session_factory.begin() as session:
                shipped.append(_ship_row(session, row, actor, now))
        except PackDeskError as exc:  # the order's transaction rolled back: nothing of it was written
            skipped.append(Skipped(row.order_no, exc.msg))
    return ShipReport(tuple(shipped), tuple(skipped))


def _ship_row(session: Session, row: PlannedShipment, actor: Actor, now: datetime) -> Shipped:
    stored = OrderRepository(session).stored(row.order_no)
    if stored is None:
        raise NotFound(msg("order.not_found", order_no=row.order_no))
    held = PackageRepository(session).by_tracking(row.tracking_no)
    if held is not None and held.order_id == stored.id and held.state is PackageState.SHIPPED:
        return Shipped(row.order_no, held.carrier, held.tracking_no, None)  # shipped by an earlier run of this plan
    reason = _order_refusal(session, stored, row.order_no)
    if reason is not None:
        raise InvalidInput(reason)
    if row.account_id is not None and row.serial is not None:
        _claim_serial(session, row)
    package, entry_id = record_shipment(session, stored, row.carrier, row.tracking_no, actor, now,
                                        account_id=row.account_id)  # fmt: skip
    return Shipped(row.order_no, package.carrier, package.tracking_no, entry_id)


def _claim_serial(session: Session, row: PlannedShipment) -> None:
    """Takes the row's serial off its roll in the order's transaction, unless the roll has passed it (another
    station or batch took it). Serials the plan skipped below it stay behind, unused (a skipped label)."""
    assert row.account_id is not None and row.serial is not None
    if not WaybillAccounts(session).claim_serial(row.account_id, row.serial):
        account = WaybillIssues(session).account(row.account_id)
        name = account.name if account is not None else "?"
        raise InvalidInput(msg("batch.roll_moved", order_no=row.order_no, number=row.tracking_no, account=name))

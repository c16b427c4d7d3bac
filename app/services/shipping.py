"""Recording shipments and queueing their ship-back in the same transaction (services layer)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import PackageState, RefundStatus
from app.domain.errors import InvalidInput, NotFound, NotPackable
from app.domain.messages import Message, msg
from app.domain.outbox import ShipmentPayload
from app.domain.packages import MergedPart, Package, StoredOrder
from app.domain.splits import completed, parcel_units
from app.domain.tracking import CARRIERS, detect_carriers
from app.persistence.carriers import PlatformCarriers
from app.persistence.outbox import OutboxRepository
from app.persistence.packages import PackageRepository
from app.persistence.repositories import OrderRepository
from app.persistence.waybill_issues import WaybillIssues
from app.services.audit import Actor, audit
from app.services.notices import on_trigger
from app.services.stock import recompute, ship_stock


@dataclass(frozen=True)
class ShipResult:
    order_no: str
    carrier: str
    tracking_no: str
    outbox_id: int
    warning: Message | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "order_no": self.order_no,
            "carrier": self.carrier,
            "tracking_no": self.tracking_no,
            "outbox_id": self.outbox_id,
            "warning": None if self.warning is None else self.warning.render(),
        }


def mark_shipped(session: Session, stored: StoredOrder, package: Package, actor: Actor, now: datetime) -> int:
    """Marks `package` of `stored` shipped with the order's packable lines (a split parcel: the units its split
    chose), takes their units off on-hand stock (app.services.stock.ship_stock) and queues its ship-back in the
    outbox, in the caller's transaction; returns the outbox entry's id (the lead's, for a merged parcel: each of its
    orders gets its own ship-back, same tracking number). A ship-back names the sub-orders whose last units the parcel
    carries (app.domain.splits)."""
    order = stored.order
    PackageRepository(session).mark_shipped(package.id, now)
    moved = ship_stock(session, stored, package, actor, now)  # the parcel's units leave on-hand stock with it
    parts = stored.parts or (
        MergedPart(stored.id, stored.shop_id, order.order_no, tuple(ln.line_no for ln in order.lines)),
    )
    done, units = completed(order), parcel_units(order)
    entry_id = 0
    for part in parts:
        own = set(part.line_nos)
        lines = tuple(no for no in done if no in own)
        OrderRepository(session).mark_shipped(
            part.id, lines, units={k: v for k, v in units.items() if k in own}, package_id=package.id
        )
        payload = ShipmentPayload(
            order_no=part.order_no,
            platform=order.platform,
            carrier=package.carrier,
            tracking_no=package.tracking_no,
            line_nos=lines,
            partial=len(lines) < len(part.line_nos),
        )
        entry = OutboxRepository(session).enqueue_shipment(
            shop_id=part.shop_id, order_id=part.id, payload=payload, now=now
        )
        entry_id = entry_id or entry  # the lead's
        audit(session, actor, "ship", "order", part.order_no, tracking_no=package.tracking_no, carrier=package.carrier)
        # a notice, if the seller switched it on: a split when lines of the order are still to come, else shipped
        to_come = any(
            ln.refund == RefundStatus.NONE and not ln.shipped and ln.line_no in own and ln.line_no not in lines
            for ln in order.lines
        )
        on_trigger(session, "split" if to_come else "ship", part.order_no, actor, now)
    session.flush()
    if moved:
        recompute(session)  # its units no longer wait: the orders behind it may be covered now
    return entry_id


def _check_platform_pattern(session: Session, platform: str, code: str, number: str) -> None:
    """Refuses a number the platform itself would refuse: its carrier list (cached by sync from
    taobao.logistics.companies.get) gives each carrier's tracking-number pattern (reg_mail_no)."""
    row = PlatformCarriers(session).get(platform, code)
    if row is None or not row.pattern:
        return
    try:
        matches = re.fullmatch(row.pattern, number) is not None
    except re.error:
        return  # a pattern Python cannot read is the platform's problem, not the packer's
    if not matches:
        raise InvalidInput(
            msg(
                "shipping.platform_pattern",
                number=number,
                carrier=row.name or code,
                platform=platform,
                pattern=row.pattern,
            )
        )


def ship_order(
    session_factory: sessionmaker[Session],
    order_no: str,
    carrier_code: str,
    tracking_no: str,
    actor: Actor,
    now: datetime,
) -> ShipResult:
    """Records that `order_no` left with `tracking_no` (a number from a paper roll or another system).

    Raises:
        NotFound, NotPackable, InvalidInput: nothing is changed.
    """
    code = carrier_code.strip().upper()
    number = re.sub(r"\s+", "", tracking_no).upper()
    if code not in CARRIERS:
        raise InvalidInput(msg("carrier.unknown", carrier=carrier_code, known=", ".join(CARRIERS)))
    if not re.fullmatch(r"[0-9A-Z]{8,40}", number):
        raise InvalidInput(msg("shipping.not_tracking_number", tracking_no=tracking_no))
    warning = None
    if code not in detect_carriers(number):
        warning = msg("shipping.number_unlike_carrier", number=number, carrier=code)
    with session_factory.begin() as session:
        stored = OrderRepository(session).stored(order_no)
        if stored is None:
            raise NotFound(msg("order.not_found", order_no=order_no))
        package, entry_id = record_shipment(session, stored, code, number, actor, now)
        return ShipResult(stored.order.order_no, package.carrier, number, entry_id, warning)


def shipment_refusal(session: Session, stored: StoredOrder, code: str, number: str) -> None:
    """Raises why `stored` cannot ship now with `number` of carrier `code`; returns when it can.

    Raises:
        NotPackable: closed, shipped, on hold, refunded.
        InvalidInput: the platform's pattern refuses the number; another parcel holds it, or an online provider
            issued it to another order (the ledger); the order's label with another number already printed.
    """
    order = stored.order
    blocked = order.block_reason()
    if blocked:
        reason = msg(f"order.blocked.{blocked}")
        raise NotPackable(msg("shipping.blocked", order_no=order.order_no, reason=reason), reason=blocked)
    _check_platform_pattern(session, order.platform.value, code, number)
    orders = OrderRepository(session)
    other = PackageRepository(session).by_tracking(number)
    # another order's parcel, or an earlier parcel of this one that left (a split order's next parcel needs its own)
    if other is not None and (other.order_id != stored.id or other.state is PackageState.SHIPPED):
        used_by = orders.order_no_of(other.order_id) or "?"
        raise InvalidInput(msg("shipping.tracking_in_use", number=number, order_no=used_by))
    issued = WaybillIssues(session).by_tracking(number)  # an online provider's number, maybe on no parcel now
    if issued is not None and issued.order_id != stored.id:
        raise InvalidInput(msg("batch.number_issued_online", number=number, order_no=issued.order_no))
    package = stored.package
    if package is not None and package.tracking_no != number and package.printed:
        raise InvalidInput(msg("shipping.already_printed", order_no=order.order_no, tracking_no=package.tracking_no))


def record_shipment(
    session: Session, stored: StoredOrder, code: str, number: str, actor: Actor, now: datetime,
    *, account_id: int | None = None,
) -> tuple[Package, int]:  # fmt: skip
    """Records that `stored` left with `number` of carrier `code` in the caller's transaction (the path of
    `ship_order` and of each order of a batch): a live unprinted parcel with another number is voided, the parcel
    marked shipped, its units taken off stock and its ship-back queued. Returns the parcel and the outbox entry id.

    Raises:
        NotPackable, InvalidInput: see `shipment_refusal`; nothing is written.
    """
    shipment_refusal(session, stored, code, number)
    packages = PackageRepository(session)
    package = stored.package
    if package is not None and package.tracking_no != number:
        packages.void(package.id)
        audit(session, actor, "void", "package", package.tracking_no, reason="replaced by manual tracking number")
        package = None
    if package is None:
        package = packages.add(stored.id, code, number, now, account_id=account_id)
    return package, mark_shipped(session, stored, package, actor, now)

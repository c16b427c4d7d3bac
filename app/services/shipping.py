"""Recording shipments and queueing their ship-back in the same transaction (services layer)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus, PackageState, RefundStatus
from app.domain.errors import InvalidInput, NotFound, NotPackable
from app.domain.messages import Message, msg
from app.domain.orders import is_packable
from app.domain.outbox import ShipmentPayload
from app.domain.tracking import CARRIERS, detect_carriers
from app.persistence.outbox import OutboxRepository
from app.persistence.repositories import OrderRepository, current_package, to_order
from app.persistence.rows import OrderRow, PackageRow, PlatformCarrierRow
from app.services.audit import Actor, audit


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


def mark_shipped(session: Session, order: OrderRow, package: PackageRow, actor: Actor, now: datetime) -> int:
    """Marks `package` shipped and queues its ship-back in the outbox, in the caller's transaction; returns the
    outbox entry's id."""
    package.state = PackageState.SHIPPED
    package.shipped_at = now
    order.status = OrderStatus.SHIPPED
    lines = [ln.line_no for ln in order.lines if is_packable(RefundStatus(ln.refund_status), shipped=ln.shipped)]
    for ln in order.lines:
        if ln.line_no in lines:
            ln.shipped = True
    payload = ShipmentPayload(
        order_no=order.order_no,
        platform=order.platform,
        carrier=package.carrier,
        tracking_no=package.tracking_no,
        line_nos=tuple(lines),
        partial=len(lines) < len(order.lines),
    )
    entry_id = OutboxRepository(session).enqueue_shipment(
        shop_id=order.shop_id, order_id=order.id, payload=payload, now=now
    )
    audit(session, actor, "ship", "order", order.order_no, tracking_no=package.tracking_no, carrier=package.carrier)
    session.flush()
    return entry_id


def _check_platform_pattern(session: Session, platform: str, code: str, number: str) -> None:
    """Refuses a number the platform itself would refuse: its carrier list (cached by sync from
    taobao.logistics.companies.get) gives each carrier's tracking-number pattern (reg_mail_no)."""
    row = session.get(PlatformCarrierRow, (platform, code))
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
        order = OrderRepository(session).row(order_no)
        if order is None:
            raise NotFound(msg("order.not_found", order_no=order_no))
        blocked = to_order(order, {}).block_reason()
        if blocked:
            reason = msg(f"order.blocked.{blocked}")
            raise NotPackable(msg("shipping.blocked", order_no=order.order_no, reason=reason), reason=blocked)
        _check_platform_pattern(session, order.platform, code, number)
        other = session.execute(select(PackageRow).where(PackageRow.tracking_no == number)).scalars().first()
        if other is not None and other.order_id != order.id:
            owner = session.get(OrderRow, other.order_id)
            used_by = owner.order_no if owner else "?"
            raise InvalidInput(msg("shipping.tracking_in_use", number=number, order_no=used_by))
        package = current_package(order)
        if package is not None and package.tracking_no != number:
            if package.print_count > 0:
                raise InvalidInput(
                    msg("shipping.already_printed", order_no=order.order_no, tracking_no=package.tracking_no)
                )
            package.state = PackageState.VOID
            audit(session, actor, "void", "package", package.tracking_no, reason="replaced by manual tracking number")
            package = None
        if package is None:
            package = PackageRow(
                order=order,
                carrier=code,
                tracking_no=number,
                state=PackageState.ALLOCATED,
                print_count=0,
                routing={},
                created_at=now,
            )
            session.add(package)
            session.flush()
        entry_id = mark_shipped(session, order, package, actor, now)
        return ShipResult(order.order_no, package.carrier, number, entry_id, warning)

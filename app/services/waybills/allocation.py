"""Tracking-number allocation from waybill accounts (services layer).

A number is taken and committed before any label is sent, and the database's unique constraint on
packages.tracking_no makes a second parcel with the same number impossible, whatever crashes in between.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.demo.routing import demo_routing
from app.domain.enums import PackageState
from app.domain.errors import InvalidInput, NotFound, TrackingExhausted
from app.domain.messages import msg
from app.domain.tracking import CARRIERS, carrier
from app.persistence.rows import OrderRow, PackageRow, WaybillAccountRow


def account_for(session: Session, order: OrderRow, carrier_code: str | None = None) -> WaybillAccountRow:
    """The waybill account that serves `order`'s shop group: the one for `carrier_code`, else the default."""
    group_id = order.shop.group_id
    if group_id is None:
        raise NotFound(msg("waybill.no_group", shop=order.shop.name))
    query = select(WaybillAccountRow).where(WaybillAccountRow.group_id == group_id)
    if carrier_code:
        if carrier_code.upper() not in CARRIERS:
            raise InvalidInput(msg("carrier.unknown", carrier=carrier_code, known=", ".join(CARRIERS)))
        query = query.where(WaybillAccountRow.carrier == carrier_code.upper())
    else:
        query = query.order_by(WaybillAccountRow.is_default.desc(), WaybillAccountRow.id)
    account = session.execute(query).scalars().first()
    if account is None:
        if carrier_code:
            raise NotFound(msg("waybill.no_carrier_account", shop=order.shop.name, carrier=carrier_code.upper()))
        raise NotFound(msg("waybill.no_account", shop=order.shop.name))
    return account


def allocate(session: Session, order: OrderRow, carrier_code: str | None = None) -> PackageRow:
    """Reserves the next tracking number of the account for `order` and records the parcel (not committed).

    The serial is claimed with one UPDATE first, which takes the write lock, so two stations can never read the same
    serial; the caller commits before printing.
    """
    account = account_for(session, order, carrier_code)
    fmt = carrier(account.carrier)
    claimed = session.execute(
        update(WaybillAccountRow)
        .where(WaybillAccountRow.id == account.id, WaybillAccountRow.next_serial < WaybillAccountRow.serial_end)
        .values(next_serial=WaybillAccountRow.next_serial + 1)
        .returning(WaybillAccountRow.next_serial)
    ).scalar_one_or_none()
    if claimed is None:
        raise TrackingExhausted(msg("waybill.exhausted", carrier=fmt.name, account=account.name))
    package = PackageRow(
        order=order,
        account_id=account.id,
        carrier=account.carrier,
        tracking_no=fmt.number(claimed - 1),
        state=PackageState.ALLOCATED,
        print_count=0,
        routing=demo_routing(order) if account.kind == "demo" else {},
        created_at=datetime.now(UTC),
    )
    session.add(package)
    session.flush()
    return package

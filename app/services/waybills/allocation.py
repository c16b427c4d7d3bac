"""Tracking-number allocation from waybill accounts (services layer).

A number is taken and committed before any label is sent, and the database's unique constraint on
packages.tracking_no makes a second parcel with the same number impossible, whatever crashes in between. Which
provider issues it depends on the account's kind (app.services.waybills.registry).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import PackageState
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import msg
from app.domain.tracking import CARRIERS
from app.persistence.rows import OrderRow, PackageRow, WaybillAccountRow
from app.services.waybills.ports import Allocation, WaybillAccount, WaybillRequest
from app.services.waybills.registry import WaybillProviders


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


def allocate(
    session: Session, order: OrderRow, providers: WaybillProviders, carrier_code: str | None = None
) -> PackageRow:
    """Takes the next tracking number of the account for `order` from its provider and records the parcel (not
    committed: the caller commits before printing).

    Raises:
        InvalidInput: no provider serves the account's kind; an unknown carrier code.
        NotFound: the order's shop has no (such) account.
        TrackingExhausted: the account has no numbers left.
    """
    row = account_for(session, order, carrier_code)
    account = WaybillAccount.of(row)
    (issued,) = providers.provider(account).allocate(session, [WaybillRequest.of(order)], account)
    return _record(session, order, account, issued)


def preview_routing(session: Session, order: OrderRow, providers: WaybillProviders) -> tuple[str, dict[str, Any]]:
    """The carrier and routing a label of `order` would show now, nothing taken: ("ZTO", {}) without an account or
    a provider for it."""
    try:
        account = WaybillAccount.of(account_for(session, order))
        provider = providers.provider(account)
    except (NotFound, InvalidInput):
        return "ZTO", {}
    return account.carrier, Allocation("", provider.routing(WaybillRequest.of(order), account)).routing_record()


def _record(session: Session, order: OrderRow, account: WaybillAccount, issued: Allocation) -> PackageRow:
    package = PackageRow(
        order=order,
        account_id=account.id,
        carrier=account.carrier,
        tracking_no=issued.tracking_no,
        state=PackageState.ALLOCATED,
        print_count=0,
        routing=issued.routing_record(),
        created_at=datetime.now(UTC),
    )
    session.add(package)
    session.flush()
    return package

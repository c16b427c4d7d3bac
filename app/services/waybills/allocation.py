"""Tracking-number allocation from waybill accounts (services layer).

A number is taken and committed before any label is sent, and the database's unique constraint on
packages.tracking_no makes a second parcel with the same number impossible, whatever crashes in between. Which
provider issues it depends on the account's kind (app.services.waybills.registry). A local provider (a number roll,
the demo's) takes it here, inside the caller's transaction; an online one is never called inside a transaction:
`allocate` says so with `RemoteNumberNeeded`, and the caller has app.services.waybills.issuing take the number first.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import msg
from app.domain.packages import Package, StoredOrder
from app.domain.tracking import CARRIERS
from app.persistence.packages import PackageRepository
from app.persistence.service_rules import ServiceRules
from app.persistence.waybill_accounts import WaybillAccounts
from app.services.waybills.ports import Allocation, WaybillAccount, WaybillProvider, WaybillRequest
from app.services.waybills.registry import WaybillProviders


class RemoteNumberNeeded(Exception):  # noqa: N818 - a signal to the caller, not an error anyone reads
    """The order's number comes from an online provider: it must be asked outside the transaction (the caller rolls
    back, has app.services.waybills.issuing.issue_numbers take it, and tries again). Never shown to anyone."""

    def __init__(self, order_no: str) -> None:
        super().__init__(order_no)
        self.order_no = order_no


def account_for(session: Session, order: StoredOrder, carrier_code: str | None = None) -> WaybillAccount:
    """The waybill account that serves `order`'s shop group: the one for `carrier_code`, else the default."""
    shop = order.order.shop
    accounts = WaybillAccounts(session)
    group_id = accounts.group_of(order.shop_id)
    if group_id is None:
        raise NotFound(msg("waybill.no_group", shop=shop))
    if carrier_code and carrier_code.upper() not in CARRIERS:
        raise InvalidInput(msg("carrier.unknown", carrier=carrier_code, known=", ".join(CARRIERS)))
    account = accounts.serving(group_id, carrier_code.upper() if carrier_code else None)
    if account is None:
        if carrier_code:
            raise NotFound(msg("waybill.no_carrier_account", shop=shop, carrier=carrier_code.upper()))
        raise NotFound(msg("waybill.no_account", shop=shop))
    return account


def allocate(
    session: Session, order: StoredOrder, providers: WaybillProviders, carrier_code: str | None = None
) -> Package:
    """Takes the next tracking number of the account for `order` from its local provider and records the parcel
    (not committed: the caller commits before printing).

    Raises:
        RemoteNumberNeeded: the account's provider is online (nothing was written).
        InvalidInput: no provider serves the account's kind; an unknown carrier code.
        NotFound: the order's shop has no (such) account.
        TrackingExhausted: the account has no numbers left.
    """
    account = account_for(session, order, carrier_code)
    provider = providers.provider(account)
    if provider.remote:
        raise RemoteNumberNeeded(order.order.order_no)
    request = WaybillRequest.of(order.order, insure_above=ServiceRules(session).insure_above())
    (issued,) = cast(WaybillProvider, provider).allocate(session, [request], account)
    return PackageRepository(session).add(
        order.id,
        account.carrier,
        issued.tracking_no,
        datetime.now(UTC),
        account_id=account.id,
        routing=issued.routing_record(),
        insured=request.insured,  # 保价 as the number was taken: its labels show it whatever the threshold says later
    )


def preview_routing(session: Session, order: StoredOrder, providers: WaybillProviders) -> tuple[str, dict[str, Any]]:
    """The carrier and routing a label of `order` would show now, nothing taken: ("ZTO", {}) without an account or
    a provider for it; no routing for an online provider's account (it gives the routing only with a number)."""
    try:
        account = account_for(session, order)
        provider = providers.provider(account)
    except (NotFound, InvalidInput):
        return "ZTO", {}
    if provider.remote:
        return account.carrier, {}
    routing = cast(WaybillProvider, provider).routing(WaybillRequest.of(order.order), account)
    return account.carrier, Allocation("", routing).routing_record()

"""Parcels whose route the after-dispatch round reads, and the route-query accounts it reads them with (persistence
layer). The routes themselves and their risks are stored by app.persistence.notices (`save_trace`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.persistence.rows import OrderRow, PackageRow, ParcelTraceRow, TrackingAccountRow, WaybillAccountRow


@dataclass(frozen=True)
class ShippedParcel:
    package_id: int
    order_no: str
    tracking_no: str
    carrier: str  # our carrier code
    shop_id: int
    platform: str  # the order's platform
    shipped_at: datetime
    receiver: str  # the receiver's name as cached: masked (张**)
    phone: str  # the receiver's phone as cached: masked (138****8000)
    number_from: str  # the kind of waybill account that issued the number ("" : typed in, or none recorded)


@dataclass(frozen=True)
class TrackingAccount:
    id: int
    name: str
    provider: str
    gateway_url: str
    customer: str
    credentials_ref: str


class TrackingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def shipped_parcels(self, since: datetime) -> list[ShippedParcel]:
        """Parcels shipped since `since` and not known delivered, oldest first."""
        delivered = select(ParcelTraceRow.package_id).where(ParcelTraceRow.status == "delivered")
        query = (
            select(
                PackageRow,
                OrderRow.order_no,
                OrderRow.shop_id,
                OrderRow.platform,
                OrderRow.receiver_name,
                OrderRow.receiver_phone,
                WaybillAccountRow.kind,
            )  # fmt: skip
            .join(OrderRow, OrderRow.id == PackageRow.order_id)
            .outerjoin(WaybillAccountRow, WaybillAccountRow.id == PackageRow.account_id)
            .where(PackageRow.shipped_at.is_not(None), PackageRow.shipped_at >= since, PackageRow.id.not_in(delivered))
            .order_by(PackageRow.id)
        )
        return [
            ShippedParcel(
                p.id,
                order_no,
                p.tracking_no,
                p.carrier,
                shop_id,
                platform,
                p.shipped_at,
                name or "",
                phone or "",
                kind or "",
            )  # fmt: skip
            for p, order_no, shop_id, platform, name, phone, kind in self.session.execute(query)
            if p.shipped_at is not None
        ]

    # -- route-query accounts ----------------------------------------------------------------------------------------

    @staticmethod
    def _account(r: TrackingAccountRow) -> TrackingAccount:
        return TrackingAccount(r.id, r.name, r.provider, r.gateway_url, r.customer, r.credentials_ref)

    def save_account(self, *, name: str, provider: str, gateway_url: str, customer: str, credentials_ref: str,
                     now: datetime) -> TrackingAccount:  # fmt: skip
        row = self.session.scalar(select(TrackingAccountRow).where(TrackingAccountRow.name == name))
        if row is None:
            row = TrackingAccountRow(name=name, created_at=now)
            self.session.add(row)
        row.provider, row.gateway_url, row.customer = provider, gateway_url, customer
        row.credentials_ref = credentials_ref
        self.session.flush()
        return self._account(row)

    def accounts(self) -> list[TrackingAccount]:
        rows = self.session.scalars(select(TrackingAccountRow).order_by(TrackingAccountRow.id))
        return [self._account(r) for r in rows]

    def account(self) -> TrackingAccount | None:
        """The account the round reads routes with: the first one set."""
        row = self.session.scalars(select(TrackingAccountRow).order_by(TrackingAccountRow.id).limit(1)).first()
        return self._account(row) if row else None

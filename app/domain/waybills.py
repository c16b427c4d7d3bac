"""A waybill account and an order's request for a number, as values (domain layer).

The services' waybill providers (app.services.waybills) are given these; the waybill accounts repository
(app.persistence.waybill_accounts) reads accounts as `WaybillAccount`.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.orders import Order


@dataclass(frozen=True)
class WaybillAccount:
    """The account a number is taken from: its id, name, provider kind and carrier code."""

    id: int
    name: str
    kind: str
    carrier: str


@dataclass(frozen=True)
class WaybillRequest:
    """One order asking for a number: what a provider may send the carrier (the receiver as the cache holds it)."""

    order_no: str
    province: str
    city: str
    district: str
    town: str
    address: str

    @classmethod
    def of(cls, order: Order) -> WaybillRequest:
        a = order.receiver.address
        return cls(order.order_no, a.province, a.city, a.district, a.town, a.detail)

"""Waybill accounts, an order's request for a number, and what a provider answers, as values (domain layer).

The services' waybill providers (app.services.waybills) are given these; the waybill accounts repository
(app.persistence.waybill_accounts) reads accounts as `WaybillAccount`, the ledger of issued numbers
(app.persistence.waybill_issues) records every request before it is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.domain.carrier_rules import insured_value
from app.domain.orders import Order


@dataclass(frozen=True)
class SenderAddress:
    """A sender address as the provider returned it (`waybill_address_id` on Cainiao), with the shop group's sender
    name and phone. The address of a number request must be one of these, unchanged."""

    address_id: str
    province: str
    city: str
    district: str
    town: str
    detail: str
    name: str = ""
    phone: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "address_id": self.address_id,
            "province": self.province,
            "city": self.city,
            "district": self.district,
            "town": self.town,
            "detail": self.detail,
        }

    @classmethod
    def of_json(cls, data: Mapping[str, Any], name: str = "", phone: str = "") -> SenderAddress:
        return cls(
            str(data.get("address_id", "")),
            str(data.get("province", "")),
            str(data.get("city", "")),
            str(data.get("district", "")),
            str(data.get("town", "")),
            str(data.get("detail", "")),
            name,
            phone,
        )


@dataclass(frozen=True)
class WaybillAccount:
    """The account a number is taken from: its id, name, provider kind and (default) carrier code, and for an online
    provider how to reach it: gateway, app key (client id, Kuaidi100 key), the keyring entry of its secrets, the
    provider's own options (`settings`: template URL, user id, encryption, branch partner id...) and the chosen
    sender address."""

    id: int
    name: str
    kind: str
    carrier: str
    gateway: str = ""
    app_key: str = ""
    credentials_ref: str | None = None
    settings: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    sender: SenderAddress | None = None


@dataclass(frozen=True)
class WaybillRequest:
    """One parcel asking for a number: what a provider may send the carrier (the receiver as the cache holds it:
    masked for a privacy order, which passes `oaid` + the order number instead of an address to decrypt).

    `object_id` identifies the request in the ledger and at the provider (`object_id`, `package_info.id`): the same
    request asked again carries the same id, which is how a lost answer is found (`query.by.tradecode`)."""

    order_no: str
    province: str
    city: str
    district: str
    town: str
    address: str
    object_id: str = ""
    platform: str = ""
    name: str = ""
    phone: str = ""
    oaid: str = ""
    items: tuple[tuple[str, int], ...] = ()
    weight_g: int = 0
    seller_id: str = ""  # the shop's seller id when one account serves several shops (Cainiao `user_id`)
    # A Pinduoduo order's receiver ciphertexts (JSON text {"name", "phone", "address"}; "" for other orders): a PDD
    # e-waybill takes them as they are; for another provider they are decrypted in memory for the one request
    cipher: str = ""
    shop: str = ""  # the order's shop (whose PDD authorisation decrypts its receiver)
    # The other orders of a merged parcel (app.domain.merges): their numbers join `order_no` in `trade_order_list`.
    merged: tuple[str, ...] = ()
    insured: Decimal | None = None  # yuan to insure the parcel for (保价, a value-added service); None: not insured

    @property
    def trade_orders(self) -> list[str]:
        """Every order number the parcel carries (`order_info.trade_order_list`), this request's first."""
        return [self.order_no, *(no for no in self.merged if no != self.order_no)]

    @classmethod
    def of(cls, order: Order, object_id: str = "", insure_above: Decimal | None = None) -> WaybillRequest:
        """The request for `order`; insured for its total when that reaches `insure_above` (the seller's setting)."""
        a = order.receiver.address
        return cls(
            order.order_no,
            a.province,
            a.city,
            a.district,
            a.town,
            a.detail,
            object_id=object_id,
            platform=order.platform.value,
            name=order.receiver.name,
            phone=order.receiver.phone,
            oaid=str(order.extra.get("oaid", "")),
            items=tuple((ln.title, ln.units) for ln in order.lines if ln.packable),
            seller_id=str(order.extra.get("seller_id", "")),
            cipher=str(order.extra.get("receiver_cipher", "")),
            shop=order.shop,
            merged=tuple(order.extra.get("merged", ())),
            insured=insured_value(insure_above, order.total),
        )


@dataclass(frozen=True)
class CarrierBalance:
    """One carrier an account may issue numbers of: its balance (numbers left; None when the provider does not
    say) and the sender addresses the account may use with it."""

    code: str
    balance: int | None
    branch_code: str = ""
    branch_name: str = ""
    addresses: tuple[SenderAddress, ...] = ()


class IssueState(StrEnum):
    """Where a number request stands in the ledger (waybill_issues)."""

    REQUESTED = "requested"  # recorded before it was sent; after an unclear failure, found or asked again
    ISSUED = "issued"  # the provider gave a number, recorded on a parcel
    CANCEL_PENDING = "cancel_pending"  # its label was voided before shipping: to cancel with the provider
    CANCELLED = "cancelled"  # the provider cancelled it; it is never used again
    FAILED = "failed"  # the provider refused the request clearly: no number was issued

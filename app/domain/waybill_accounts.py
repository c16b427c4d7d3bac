"""A waybill account as the account list, the status bar and `waybill list` show it (domain layer, pure).

The account value that providers are given is app.domain.waybills.WaybillAccount; these views add what a seller
looks at: the carriers the account is subscribed to with their balance and sender addresses, the shop group it
serves and whether a balance has fallen below the seller's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.waybills import SenderAddress

KINDS = ("cainiao", "pdd", "kuaidi100", "roll", "demo")  # providers an account can be set up for
ONLINE_KINDS = frozenset({"cainiao", "pdd", "kuaidi100"})
LOCAL_KINDS = frozenset({"roll", "demo"})  # a serial range held in the account itself


@dataclass(frozen=True)
class CarrierView:
    """One carrier of an account: the numbers left (None when the provider does not say), whether that is below
    the account's threshold, the sender address its labels print (None when the account's chosen address is not
    one this carrier may use) and every address the provider returned for it."""

    code: str
    balance: int | None
    low: bool = False
    address: SenderAddress | None = None
    addresses: tuple[SenderAddress, ...] = ()
    branch: str = ""
    updated_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "balance": self.balance,
            "low": self.low,
            "address": _address_json(self.address),
            "addresses": [_address_json(a) for a in self.addresses],
            "branch": self.branch,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }


@dataclass(frozen=True)
class AccountView:
    """A waybill account with its carriers and the shops it serves (those of its associated-shop group)."""

    id: int
    name: str
    provider: str  # the account's kind: cainiao | pdd | kuaidi100 | roll | demo
    carrier: str  # the default carrier
    group: str
    shops: tuple[str, ...]
    is_default: bool  # the group's default account
    warn_below: int
    carriers: tuple[CarrierView, ...] = ()
    address_id: str = ""
    gateway: str = ""
    source_shop: str = ""  # a Cainiao account using a TOP shop's app key and session
    settings: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    sender_name: str = ""  # the group's sender, printed and sent with every request (providers need both)
    sender_phone: str = ""

    @property
    def needs_sender(self) -> bool:
        """An online provider needs the sender's name and phone with every request; the group has not both."""
        return self.online and not (self.sender_name and self.sender_phone)

    @property
    def online(self) -> bool:
        return self.provider in ONLINE_KINDS

    @property
    def in_use(self) -> bool:
        """Shops print with it (its group has shops)."""
        return bool(self.shops)

    def carrier_view(self, code: str | None = None) -> CarrierView | None:
        """The carrier `code` (default: the account's default carrier), None when not subscribed."""
        wanted = (code or self.carrier).upper()
        return next((c for c in self.carriers if c.code == wanted), None)

    @property
    def balance(self) -> int | None:
        """The default carrier's balance (None when unknown)."""
        view = self.carrier_view()
        return view.balance if view else None

    @property
    def low(self) -> bool:
        """The default carrier's balance is below the threshold."""
        view = self.carrier_view()
        return bool(view and view.low)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "provider": self.provider,
            "carrier": self.carrier,
            "group": self.group,
            "shops": list(self.shops),
            "default": self.is_default,
            "warn_below": self.warn_below,
            "balance": self.balance,
            "low": self.low,
            "address_id": self.address_id or None,
            "gateway": self.gateway or None,
            "source_shop": self.source_shop or None,
            "sender": {"name": self.sender_name, "phone": self.sender_phone},
            "carriers": [c.to_json() for c in self.carriers],
        }


def is_low(balance: int | None, warn_below: int) -> bool:
    """A known balance under the seller's threshold (an unknown one never warns)."""
    return balance is not None and balance < warn_below


def _address_json(address: SenderAddress | None) -> dict[str, str] | None:
    if address is None:
        return None
    data = address.to_json()
    if address.name or address.phone:
        data = {**data, "name": address.name, "phone": address.phone}
    return data


def address_line(address: SenderAddress | None) -> str:
    """The address on one line, as a seller reads it."""
    if address is None:
        return ""
    place = "".join(p for p in (address.province, address.city, address.district, address.town) if p)
    return f"{place}{address.detail}"

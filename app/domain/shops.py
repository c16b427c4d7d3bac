"""Shops as the core passes them around, and a shop as the shop list shows it (domain layer, pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.enums import Platform
from app.domain.messages import Message


@dataclass(frozen=True)
class Shop:
    """A shop: what is not secret (its secrets are in the keyring under `credentials_ref`)."""

    id: int
    name: str
    platform: Platform
    gateway_url: str | None = None
    app_key: str | None = None
    credentials_ref: str | None = None
    group: str | None = None  # its associated-shop group (店铺关联), if any

    @property
    def has_api(self) -> bool:
        """Syncs through the platform's API (else it is filled by imports)."""
        return bool(self.gateway_url)


@dataclass(frozen=True)
class Sender:
    """Who sends the parcels of an associated-shop group: printed on every waybill."""

    name: str
    phone: str
    province: str
    city: str
    district: str
    detail: str

    def one_line(self) -> str:
        return f"{self.name} {self.phone} {self.province}{self.city}{self.district}{self.detail}".strip()


@dataclass(frozen=True)
class SyncState:
    """Where a shop's sync stands: the watermark of the incremental pull (the platform's `modified`, UTC)."""

    watermark: datetime | None = None
    last_success_at: datetime | None = None
    last_error: Message | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ShopView:
    name: str
    platform: str
    api: bool  # syncs through the platform's API (else filled by imports)
    group: str
    sender: str
    last_sync: datetime | None
    last_error: Message | None  # why its last sync failed

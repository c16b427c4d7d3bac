"""What an outbox entry carries: the typed, versioned payload of a ship-back (domain layer, pure).

The payload is stored as JSON in the outbox row; app.persistence.outbox encodes and decodes it, and nothing else reads
its keys. Version 1 is the first versioned shape; rows written before it (no `version` key) hold the same keys and read
as version 1.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.enums import OutboxState
from app.domain.messages import Message

SHIPMENT_VERSION = 1


@dataclass(frozen=True)
class ShipmentPayload:
    """A ship-back: which order left with which number, and what its delivery has learned so far."""

    order_no: str
    platform: str
    carrier: str
    tracking_no: str
    line_nos: tuple[str, ...] = ()  # the sub-orders shipped in this parcel
    partial: bool = False  # only some of the order's lines (is_split=1 with sub_tid on Taobao)
    unclear: bool = False  # an attempt ended without knowing whether it applied: look before sending again
    reason_code: str | None = None  # the code of the last attempt's failure
    exported_at: str | None = None  # written to a bulk-ship file for the seller centre (ISO time)...
    export_file: str | None = None  # ...with this file name
    entered_by_hand: bool = False  # the seller entered it in the seller centre
    version: int = SHIPMENT_VERSION

    def delivered(self) -> ShipmentPayload:
        """The payload of a delivered ship-back: the marks of failed attempts go."""
        return replace(self, unclear=False, reason_code=None)

    def retried(self, *, unclear: bool, code: str) -> ShipmentPayload:
        """After a failed attempt; once unclear, it stays unclear until delivered."""
        return replace(self, unclear=unclear or self.unclear, reason_code=code)

    def exported(self, at: datetime, file_name: str) -> ShipmentPayload:
        """Written to the bulk-ship file `file_name` at `at`, for the seller centre."""
        return replace(self, exported_at=at.isoformat(), export_file=file_name)

    def entered(self) -> ShipmentPayload:
        """Entered by the seller in the seller centre."""
        return replace(self, entered_by_hand=True)


@dataclass(frozen=True)
class OutboxItem:
    """One outbox entry as the command line and the window list it."""

    id: int
    kind: str
    shop: str
    shop_has_api: bool
    state: OutboxState
    attempts: int
    last_error: Message | None
    created_at: datetime
    next_attempt_at: datetime | None
    done_at: datetime | None
    payload: ShipmentPayload

"""What the workspace's detail pane shows of one order: the order, its parcels, print jobs, ship-backs and audit
trail, as plain values (domain layer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.messages import Message
from app.domain.orders import Order
from app.domain.packages import Package
from app.domain.print_jobs import JobView


@dataclass(frozen=True)
class Marks:
    """What the seller marked on the order (app.services.order_actions)."""

    priority: int = 0  # expedited: 1
    hold_reason: str = ""
    stock_mark: str = ""  # out of stock by hand: why
    stock_expected: datetime | None = None  # and when stock is expected


@dataclass(frozen=True)
class ParcelHistory:
    """A parcel of the order (voided ones too) with when it was made, printed and shipped."""

    package: Package
    created_at: datetime
    printed_at: datetime | None
    shipped_at: datetime | None
    # what it carried once shipped: (line number, units); () before it shipped, or shipped before 0018_splits
    lines: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class OutboxEntry:
    """A message for the platform about the order (a ship-back, a memo), and how far it got."""

    id: int
    kind: str
    state: str
    created_at: datetime
    done_at: datetime | None
    last_error: Message | None
    tracking_no: str  # "" for entries that carry none


@dataclass(frozen=True)
class AuditEntry:
    """One audit-log entry about the order, one of its parcels or one of its print jobs."""

    at: datetime
    actor: str
    station: str
    action: str
    entity: str
    entity_id: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class OrderDetail:
    order: Order
    parcels: tuple[ParcelHistory, ...]
    prints: tuple[JobView, ...]  # oldest first
    outbox: tuple[OutboxEntry, ...]
    audit: tuple[AuditEntry, ...]  # oldest first
    scans: int  # scans at a bench that opened or counted this order
    marks: Marks = Marks()

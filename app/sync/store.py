"""Writing platform orders into the cache: insert the new, update the changed, leave the rest untouched.

Bulk Core statements (executemany) in chunks, never one ORM object per row: a first fill of 100,000 orders must run
close to raw sqlite3 speed (bench/sync.py measures it). The caller owns the transaction; a crash mid-way rolls the
chunk back and the next sync writes it again, so nothing is half-stored.

What PackDesk knows better than the platform wins: an order shipped here stays shipped while its ship-back waits
in the outbox, and an out-of-stock mark stays until the platform closes or ships the order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.domain.enums import OrderStatus, RefundStatus
from app.persistence.rows import OrderLineRow, OrderRow
from app.sync.model import PlatformLine, PlatformOrder

CHUNK = 500
ORDERS, LINES = OrderRow.__table__, OrderLineRow.__table__  # Core tables: executemany without ORM bookkeeping
_KEEP_LOCAL = {
    # local status -> platform statuses that do not override it
    OrderStatus.SHIPPED.value: {OrderStatus.AWAITING_SHIPMENT, OrderStatus.PARTLY_SHIPPED, OrderStatus.OUT_OF_STOCK},
    OrderStatus.OUT_OF_STOCK.value: {OrderStatus.AWAITING_SHIPMENT},
}
_RECEIVER = (
    "receiver_name",
    "receiver_phone",
    "receiver_province",
    "receiver_city",
    "receiver_district",
    "receiver_town",
    "receiver_address",
)


@dataclass(frozen=True)
class Change:
    """A change that matters at the bench: `kind` is refund, closed, address, hold or shipped."""

    order_no: str
    kind: str

    def to_json(self) -> dict[str, str]:
        return {"order_no": self.order_no, "kind": self.kind}


@dataclass
class UpsertStats:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    changes: list[Change] = field(default_factory=list)

    def add(self, other: UpsertStats) -> None:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.changes += other.changes

    def to_json(self) -> dict[str, Any]:
        return {
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "changes": [c.to_json() for c in self.changes],
        }


def _order_values(order: PlatformOrder, status: str) -> dict[str, Any]:
    return {
        "status": status,
        "platform_status": order.platform_status,
        "buyer_nick": order.buyer_nick,
        "receiver_name": order.receiver_name,
        "receiver_phone": order.receiver_phone,
        "receiver_province": order.receiver_province,
        "receiver_city": order.receiver_city,
        "receiver_district": order.receiver_district,
        "receiver_town": order.receiver_town,
        "receiver_address": order.receiver_address,
        "buyer_message": order.buyer_message,
        "seller_memo": order.seller_memo,
        "flag": order.flag,
        "total": order.total,
        "post_fee": order.post_fee,
        "paid_at": order.paid_at,
        "deadline": order.deadline,
        "modified_at": order.modified_at,
        "content_hash": order.content_hash(),
    }


def _line_values(line: PlatformLine) -> dict[str, Any]:
    return {
        "line_no": line.line_no,
        "sku": line.sku,
        "title": line.title,
        "spec": line.spec,
        "qty": line.qty,
        "price": line.price,
        "refund_status": line.refund_status.value,
        "shipped": line.shipped,
    }


def _merged_status(local: str, incoming: OrderStatus) -> str:
    return local if incoming in _KEEP_LOCAL.get(local, ()) else incoming.value


def upsert_orders(session: Session, shop_id: int, platform: str, orders: Iterable[PlatformOrder]) -> UpsertStats:
    """Writes `orders` of one shop into the cache.

    An order already cached with the same content is left alone (a second import of the same file changes nothing);
    an order whose platform `modified` is older than the cached one is stale (a page read before a later change)
    and is skipped too.
    """
    stats = UpsertStats()
    batch: list[PlatformOrder] = []
    for order in orders:
        batch.append(order)
        if len(batch) >= CHUNK:
            stats.add(_upsert_chunk(session, shop_id, platform, batch))
            batch = []
    if batch:
        stats.add(_upsert_chunk(session, shop_id, platform, batch))
    return stats


def _upsert_chunk(session: Session, shop_id: int, platform: str, orders: Sequence[PlatformOrder]) -> UpsertStats:
    stats = UpsertStats()
    latest: dict[str, PlatformOrder] = {}
    for order in orders:  # the same order twice in one batch: the newer one counts
        seen = latest.get(order.order_no)
        if seen is None or order.modified_at >= seen.modified_at:
            latest[order.order_no] = order
    existing = {
        row.order_no: row
        for row in session.execute(
            select(
                OrderRow.id,
                OrderRow.order_no,
                OrderRow.status,
                OrderRow.modified_at,
                OrderRow.content_hash,
                *(getattr(OrderRow, name) for name in _RECEIVER),
            ).where(OrderRow.shop_id == shop_id, OrderRow.order_no.in_(list(latest)))
        )
    }
    new = [o for no, o in latest.items() if no not in existing]
    changed = []
    for no, order in latest.items():
        row = existing.get(no)
        if row is None:
            continue
        if order.modified_at < row.modified_at or order.content_hash() == row.content_hash:
            stats.unchanged += 1
        else:
            changed.append((row, order))

    if new:
        session.execute(
            insert(ORDERS),
            [
                {"shop_id": shop_id, "order_no": o.order_no, "platform": platform, **_order_values(o, o.status.value)}
                for o in new
            ],
        )
        ids = dict(
            session.execute(
                select(OrderRow.order_no, OrderRow.id).where(
                    OrderRow.shop_id == shop_id, OrderRow.order_no.in_([o.order_no for o in new])
                )
            ).all()
        )
        rows = [{"order_id": ids[o.order_no], **_line_values(ln)} for o in new for ln in o.lines]
        if rows:
            session.execute(insert(LINES), rows)
        stats.inserted += len(new)

    if changed:
        _update_changed(session, changed, stats)
    return stats


def _update_changed(session: Session, changed: list[tuple[Any, PlatformOrder]], stats: UpsertStats) -> None:
    ids = [row.id for row, _ in changed]
    old_lines: dict[int, dict[str, Any]] = {}
    for ln in session.execute(
        select(OrderLineRow.id, OrderLineRow.order_id, OrderLineRow.line_no, OrderLineRow.refund_status).where(
            OrderLineRow.order_id.in_(ids)
        )
    ):
        old_lines.setdefault(ln.order_id, {})[ln.line_no] = ln

    order_updates, line_updates, line_inserts = [], [], []
    for row, order in changed:
        status = _merged_status(row.status, order.status)
        order_updates.append({"b_id": row.id, **_order_values(order, status)})
        lines = old_lines.get(row.id, {})
        refund_now = False
        for ln in order.lines:
            old = lines.get(ln.line_no)
            if old is None:
                line_inserts.append({"order_id": row.id, **_line_values(ln)})
            else:
                line_updates.append({"b_id": old.id, **_line_values(ln)})
                if old.refund_status == RefundStatus.NONE.value and ln.refund_status is not RefundStatus.NONE:
                    refund_now = True
        stats.changes += _changes(row, order, status, refund_now)
    session.execute(update(ORDERS).where(ORDERS.c.id == bindparam("b_id")), order_updates)
    if line_updates:
        session.execute(update(LINES).where(LINES.c.id == bindparam("b_id")), line_updates)
    if line_inserts:
        session.execute(insert(LINES), line_inserts)
    stats.updated += len(changed)


def _changes(row: Any, order: PlatformOrder, status: str, refund_now: bool) -> list[Change]:
    found = []
    if refund_now:
        found.append(Change(order.order_no, "refund"))
    if status != row.status and status in (OrderStatus.CLOSED.value, OrderStatus.ON_HOLD.value):
        found.append(Change(order.order_no, "closed" if status == OrderStatus.CLOSED.value else "hold"))
    if status != row.status and status == OrderStatus.SHIPPED.value:
        found.append(Change(order.order_no, "shipped"))
    if any(getattr(row, name) != getattr(order, name) for name in _RECEIVER):
        found.append(Change(order.order_no, "address"))
    return found

"""Writing platform orders into the cache: insert the new, update the changed, leave the rest untouched (sync layer).

Bulk statements in chunks, never one ORM object per row (app.persistence.bulk inserts through the driver): a first
fill of 100,000 orders must run close to raw sqlite3 speed (bench/sync.py measures it). The caller owns the
transaction; a crash mid-way rolls the chunk back and the next sync writes it again, so nothing is half-stored.

What wins when an incoming order meets the cached one, the masking of receivers and the changes the bench hears of
are app.sync.merge's rules; this module reads the cache, applies them and writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from app.persistence.bulk import bulk_insert
from app.persistence.rows import OrderLineRow, OrderRow
from app.sync.merge import RECEIVER, Change, changes, masked, merged_line, merged_status, refunded_now
from app.sync.model import PlatformLine, PlatformOrder

CHUNK = 2500
ORDERS, LINES = OrderRow.__table__, OrderLineRow.__table__  # Core tables: executemany without ORM bookkeeping


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


ORDER_FIELDS = (
    "status", "platform_status", "buyer_nick", "receiver_name", "receiver_phone", "receiver_province",
    "receiver_city", "receiver_district", "receiver_town", "receiver_address", "buyer_message", "seller_memo", "flag",
    "total", "post_fee", "paid_at", "deadline", "modified_at", "content_hash",
)  # fmt: skip
LINE_FIELDS = ("line_no", "sku", "title", "spec", "qty", "price", "refund_status", "shipped", "image_url")


def _order_row(o: PlatformOrder, status: str) -> tuple[Any, ...]:
    """The values of ORDER_FIELDS for `o`, in that order."""
    return (
        status, o.platform_status, o.buyer_nick, o.receiver_name, o.receiver_phone, o.receiver_province,
        o.receiver_city, o.receiver_district, o.receiver_town, o.receiver_address, o.buyer_message, o.seller_memo,
        o.flag, o.total, o.post_fee, o.paid_at, o.deadline, o.modified_at, o.content_hash(),
    )  # fmt: skip


def _line_row(ln: PlatformLine) -> tuple[Any, ...]:
    # str(StrEnum) is its value, without the cost of the enum's `.value` descriptor
    refund = str.__str__(ln.refund_status)
    return (ln.line_no, ln.sku, ln.title, ln.spec, ln.qty, ln.price, refund, ln.shipped, ln.image_url)


def _order_values(order: PlatformOrder, status: str) -> dict[str, Any]:
    return dict(zip(ORDER_FIELDS, _order_row(order, status), strict=True))


def _line_values(line: PlatformLine) -> dict[str, Any]:
    return dict(zip(LINE_FIELDS, _line_row(line), strict=True))


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
    for order in map(masked, orders):  # the same order twice in one batch: the newer one counts
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
                *(getattr(OrderRow, name) for name in RECEIVER),
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
        bulk_insert(
            session,
            ORDERS,
            ("shop_id", "order_no", "platform", *ORDER_FIELDS),
            [(shop_id, o.order_no, platform, *_order_row(o, o.status.value)) for o in new],
        )
        ids = dict(
            session.execute(
                select(OrderRow.order_no, OrderRow.id).where(
                    OrderRow.shop_id == shop_id, OrderRow.order_no.in_([o.order_no for o in new])
                )
            ).all()
        )
        rows = [(ids[o.order_no], *_line_row(ln)) for o in new for ln in o.lines]
        bulk_insert(session, LINES, ("order_id", *LINE_FIELDS), rows)
        stats.inserted += len(new)

    if changed:
        _update_changed(session, changed, stats)
    return stats


def _update_changed(session: Session, changed: list[tuple[Any, PlatformOrder]], stats: UpsertStats) -> None:
    ids = [row.id for row, _ in changed]
    old_lines: dict[int, dict[str, Any]] = {}
    for ln in session.execute(
        select(
            OrderLineRow.id,
            OrderLineRow.order_id,
            OrderLineRow.line_no,
            OrderLineRow.refund_status,
            OrderLineRow.shipped,
            OrderLineRow.image_url,
        ).where(OrderLineRow.order_id.in_(ids))
    ):
        old_lines.setdefault(ln.order_id, {})[ln.line_no] = ln

    order_updates, line_updates, line_inserts = [], [], []
    for row, order in changed:
        status = merged_status(row.status, order.status)
        order_updates.append({"b_id": row.id, **_order_values(order, status)})
        lines = old_lines.get(row.id, {})
        refund_now = False
        for ln in order.lines:
            old = lines.get(ln.line_no)
            if old is None:
                line_inserts.append((row.id, *_line_row(ln)))
            else:
                line_updates.append({"b_id": old.id, **merged_line(_line_values(ln), ln, old)})
                refund_now = refund_now or refunded_now(old.refund_status, ln)
        stats.changes += changes(row, order, status, refund_now)
    session.execute(update(ORDERS).where(ORDERS.c.id == bindparam("b_id")), order_updates)
    if line_updates:
        session.execute(update(LINES).where(LINES.c.id == bindparam("b_id")), line_updates)
    bulk_insert(session, LINES, ("order_id", *LINE_FIELDS), line_inserts)
    stats.updated += len(changed)

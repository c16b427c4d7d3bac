"""Writing platform orders into the cache: insert the new, update the changed, leave the rest untouched (sync layer).

The reads and bulk writes are app.persistence.order_cache's (through the driver, never one ORM object per row: a
first fill of 100,000 orders must run close to raw sqlite3 speed, bench/sync.py measures it). The caller owns the
transaction; a crash mid-way rolls the chunk back and the next sync writes it again, so nothing is half-stored.

What wins when an incoming order meets the cached one, the masking of receivers and the changes the bench hears of
are app.sync.merge's rules; this module reads the cache, applies them and writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from app.domain.deadlines import DeadlinePolicy
from app.persistence.order_actions import OrderActionRepository
from app.persistence.order_cache import LINE_FIELDS, ORDER_FIELDS, CachedOrder, OrderCache
from app.persistence.service_rules import ServiceRules
from app.persistence.shops import ShopRepository
from app.services.merges import unmerge_changed
from app.services.stock import recompute
from app.sync.merge import Change, changes, masked, merged_line, merged_status, refunded_now
from app.sync.model import PlatformLine, PlatformOrder

__all__ = ["Change", "UpsertStats", "upsert_orders"]
CHUNK = 2500


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


def _order_row(o: PlatformOrder, status: str) -> tuple[Any, ...]:
    """The values of ORDER_FIELDS for `o`, in that order."""
    return (
        status, o.platform_status, o.buyer_nick, o.receiver_name, o.receiver_phone, o.receiver_province,
        o.receiver_city, o.receiver_district, o.receiver_town, o.receiver_address, o.buyer_message, o.seller_memo,
        o.flag, o.total, o.post_fee, o.paid_at, o.deadline, o.modified_at, o.content_hash(), o.oaid, o.receiver_cipher,
        o.promised_at,
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
    and is skipped too. When anything was written, stock is allotted again (app.services.stock.recompute): an order
    the platform says is waiting stays out of stock while stock does not cover it. Each order's ship-by time is the
    platform's promise when it gave one, else the seller's deadline rules' (app.domain.deadlines).
    """
    stats = UpsertStats()
    batch: list[PlatformOrder] = []
    policy = ServiceRules(session).deadline_policy()
    shop = ShopRepository(session).get(shop_id)
    shop_name = shop.name if shop is not None else ""
    for order in orders:
        batch.append(with_deadline(order, policy, shop_name))
        if len(batch) >= CHUNK:
            stats.add(_upsert_chunk(session, shop_id, platform, batch))
            batch = []
    if batch:
        stats.add(_upsert_chunk(session, shop_id, platform, batch))
    if stats.inserted or stats.updated:
        recompute(session)  # new or changed waiting units: stock is allotted again in the same transaction
    return stats


def with_deadline(order: PlatformOrder, policy: DeadlinePolicy, shop: str) -> PlatformOrder:
    """`order` with its ship-by time by the rules (the platform's promise, else the seller's rules)."""
    deadline = policy.ship_by(order.paid_at, order.promised_at, shop, (ln.sku for ln in order.lines))
    return order if deadline == order.deadline else replace(order, deadline=deadline)


def _upsert_chunk(session: Session, shop_id: int, platform: str, orders: Sequence[PlatformOrder]) -> UpsertStats:
    stats = UpsertStats()
    latest: dict[str, PlatformOrder] = {}
    for order in map(masked, orders):  # the same order twice in one batch: the newer one counts
        seen = latest.get(order.order_no)
        if seen is None or order.modified_at >= seen.modified_at:
            latest[order.order_no] = order
    cache = OrderCache(session, shop_id)
    existing = cache.cached(latest)
    new = [o for no, o in latest.items() if no not in existing]
    changed = []
    for no, order in latest.items():
        cached = existing.get(no)
        if cached is None:
            continue
        if order.modified_at < cached.modified_at or order.content_hash() == cached.content_hash:
            stats.unchanged += 1
        else:
            changed.append((cached, order))

    if new:
        ids = cache.insert_orders(platform, [(o.order_no, *_order_row(o, o.status.value)) for o in new])
        cache.insert_lines([(ids[o.order_no], *_line_row(ln)) for o in new for ln in o.lines])
        stats.inserted += len(new)
    if changed:
        _update_changed(cache, changed, stats)
    return stats


def _update_changed(cache: OrderCache, changed: list[tuple[CachedOrder, PlatformOrder]], stats: UpsertStats) -> None:
    old_lines = cache.lines_of([cached.id for cached, _ in changed])
    # what the seller changed here and the platform does not hold yet: a flag or memo whose write-back waits in the
    # outbox, a hold, a manual out-of-stock mark (app.services.order_actions)
    local = OrderActionRepository(cache.session)
    unsent = local.unsent_notes(cached.id for cached, _ in changed)
    stopped = local.local_stops(cached.id for cached, _ in changed)
    order_updates, line_updates, line_inserts = [], [], []
    for cached, order in changed:
        status = merged_status(cached.status, order.status)
        if cached.id in stopped and order.status.is_open:
            status = stopped[cached.id]  # held or out of stock by hand until released (or it ships, or closes)
        values = _order_values(order, status)
        if cached.id in unsent:  # the local values stay until their write-back lands
            values["flag"], values["seller_memo"] = unsent[cached.id]
        values["oaid"] = order.oaid or cached.oaid  # a seller-centre file carries none: the synced one stays
        # likewise; and PDD answers "" once an order shipped or is under risk control
        values["receiver_cipher"] = order.receiver_cipher or cached.receiver_cipher
        order_updates.append({"b_id": cached.id, **values})
        lines = old_lines.get(cached.id, {})
        refund_now = False
        for ln in order.lines:
            old = lines.get(ln.line_no)
            if old is None:
                line_inserts.append((cached.id, *_line_row(ln)))
            else:
                line_updates.append({"b_id": old.id, **merged_line(_line_values(ln), ln, old)})
                refund_now = refund_now or refunded_now(old.refund_status, ln)
        stats.changes += changes(cached, order, status, refund_now)
    cache.update(order_updates, line_updates)
    cache.insert_lines(line_inserts)
    stats.updated += len(changed)
    unmerge_changed(cache.session, [cached.id for cached, _ in changed])

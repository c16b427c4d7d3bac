"""Writing platform orders into the cache: insert the new, update the changed, leave the rest untouched.

Bulk Core statements (executemany) in chunks, never one ORM object per row: a first fill of 100,000 orders must run
close to raw sqlite3 speed (bench/sync.py measures it). The caller owns the transaction; a crash mid-way rolls the
chunk back and the next sync writes it again, so nothing is half-stored.

What PackDesk knows better than the platform wins: an order shipped here stays shipped while its ship-back waits
in the outbox, and an out-of-stock mark stays until the platform closes or ships the order.

Receivers are stored masked (app.domain.masking says what and why): an order that arrives with a plaintext name or
phone number is masked here, before its content hash is taken and before it is compared with the cache, so every
connector and importer is covered and a plaintext value never reaches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.domain.enums import OrderStatus, RefundStatus
from app.domain.masking import mask_name, mask_phone
from app.persistence.rows import OrderLineRow, OrderRow
from app.persistence.types import Money, UtcDateTime
from app.sync.model import PlatformLine, PlatformOrder

CHUNK = 2500
ORDERS, LINES = OrderRow.__table__, OrderLineRow.__table__  # Core tables: executemany without ORM bookkeeping
_KEEP_LOCAL = {
    # local status -> platform statuses that do not override it
    OrderStatus.SHIPPED.value: {
        OrderStatus.AWAITING_SHIPMENT,
        OrderStatus.PARTLY_SHIPPED,
        OrderStatus.OUT_OF_STOCK,
        OrderStatus.ON_HOLD,  # a parcel that left cannot be held: it must not come back to the bench as "held"
    },
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


def _bulk_insert(session: Session, table: Table, names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """INSERT of many rows (tuples of the columns `names`) straight through the driver's executemany.

    SQLAlchemy's own executemany spends more time building each row's parameters than SQLite spends storing it;
    here each column's bind processor (Money to fen, aware time to the stored form) is looked up once and mapped
    over the column, and the statement is compiled once per dialect. Column defaults are not applied: every row
    carries every column it needs.
    """
    if not rows:
        return
    conn = session.connection()
    sql, order, procs = _insert_plan(table, names, conn.dialect)
    by_name = dict(zip(names, zip(*rows, strict=True), strict=True))
    columns = [
        list(map(proc, by_name[name])) if proc else by_name[name] for name, proc in zip(order, procs, strict=True)
    ]
    params = list(zip(*columns, strict=True))
    if _NAMED.get(conn.dialect.paramstyle, False):  # e.g. psycopg's pyformat: mappings instead of tuples
        conn.exec_driver_sql(sql, [dict(zip(order, values, strict=True)) for values in params])
    else:
        conn.exec_driver_sql(sql, params)


_NAMED = {"named": True, "pyformat": True}


def _sqlite_utc(value: datetime | None) -> str | None:
    """An aware time as SQLite stores a UtcDateTime: naive UTC, "YYYY-MM-DD HH:MM:SS.ffffff" (what SQLAlchemy's
    UtcDateTime + SQLite DATETIME processors produce, in one step; tests/sync checks they agree)."""
    if value is None:
        return None
    v = value.astimezone(UTC)
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (  # noqa: UP031 - the exact format SQLAlchemy's SQLite DATETIME uses
        v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond,
    )  # fmt: skip


def _fen(value: Decimal | None) -> int | None:
    """Money as stored: integer fen, rounded half up (Money.process_bind_param without the wrapper layers)."""
    if value is None:
        return None
    return int((value * 100).quantize(_ONE, rounding=ROUND_HALF_UP))


_ONE = Decimal(1)


def _fast_processor(kind: Any, dialect: Any) -> Any:
    if isinstance(kind, UtcDateTime) and dialect.name == "sqlite":
        return _sqlite_utc
    if isinstance(kind, Money):
        impl = kind.impl_instance._cached_bind_processor(dialect)
        return _fen if impl is None else (lambda v: impl(_fen(v)))
    return kind._cached_bind_processor(dialect)


_PLANS: dict[tuple[str, tuple[str, ...], str], tuple[str, tuple[str, ...], list[Any]]] = {}


def _insert_plan(table: Table, names: tuple[str, ...], dialect: Any) -> tuple[str, tuple[str, ...], list[Any]]:
    """The INSERT text for `names` in this dialect, its parameter order and each parameter's bind processor."""
    key = (table.name, names, dialect.name)
    if key not in _PLANS:
        compiled = insert(table).values({name: bindparam(name) for name in names}).compile(dialect=dialect)
        order = tuple(compiled.positiontup or names)
        procs = [_fast_processor(table.c[name].type, dialect) for name in order]
        _PLANS[key] = (str(compiled), order, procs)
    return _PLANS[key]


def _masked(order: PlatformOrder) -> PlatformOrder:
    """`order` with its receiver's name and phone masked (itself when they already are, as platforms send them)."""
    name, phone = mask_name(order.receiver_name), mask_phone(order.receiver_phone)
    if name == order.receiver_name and phone == order.receiver_phone:
        return order
    return replace(order, receiver_name=name, receiver_phone=phone)


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
    for order in map(_masked, orders):  # the same order twice in one batch: the newer one counts
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
        _bulk_insert(
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
        _bulk_insert(session, LINES, ("order_id", *LINE_FIELDS), rows)
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
        status = _merged_status(row.status, order.status)
        order_updates.append({"b_id": row.id, **_order_values(order, status)})
        lines = old_lines.get(row.id, {})
        refund_now = False
        for ln in order.lines:
            old = lines.get(ln.line_no)
            if old is None:
                line_inserts.append((row.id, *_line_row(ln)))
            else:
                values = _line_values(ln)
                values["shipped"] = ln.shipped or bool(old.shipped)  # shipped here, ship-back not yet through
                values["image_url"] = ln.image_url or old.image_url  # a file import carries no pictures
                line_updates.append({"b_id": old.id, **values})
                if old.refund_status == RefundStatus.NONE.value and ln.refund_status is not RefundStatus.NONE:
                    refund_now = True
        stats.changes += _changes(row, order, status, refund_now)
    session.execute(update(ORDERS).where(ORDERS.c.id == bindparam("b_id")), order_updates)
    if line_updates:
        session.execute(update(LINES).where(LINES.c.id == bindparam("b_id")), line_updates)
    _bulk_insert(session, LINES, ("order_id", *LINE_FIELDS), line_inserts)
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

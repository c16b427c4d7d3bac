"""The order cache as sync writes it: what a shop's cached orders are now, and bulk writes of new and changed orders
and their lines (persistence layer).

Bulk statements through the driver, never one ORM object per row (app.persistence.bulk): a first fill of 100,000
orders must run close to raw sqlite3 speed (bench/sync.py measures it). What wins when an incoming order meets the
cached one is the caller's policy (app.sync.merge); this module only reads and writes the columns it is given. The
caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from app.persistence.bulk import bulk_insert
from app.persistence.rows import OrderLineRow, OrderRow

ORDERS, LINES = OrderRow.__table__, OrderLineRow.__table__  # Core tables: executemany without ORM bookkeeping
ORDER_FIELDS = (
    "status", "platform_status", "buyer_nick", "receiver_name", "receiver_phone", "receiver_province",
    "receiver_city", "receiver_district", "receiver_town", "receiver_address", "buyer_message", "seller_memo", "flag",
    "total", "post_fee", "paid_at", "deadline", "modified_at", "content_hash", "oaid", "receiver_cipher", "promised_at",
)  # fmt: skip
LINE_FIELDS = ("line_no", "sku", "title", "spec", "qty", "price", "refund_status", "shipped", "image_url")


class CachedOrder(NamedTuple):
    """What the merge needs of a cached order: its id, status, platform time, content hash and receiver."""

    id: int
    order_no: str
    status: str
    modified_at: datetime
    content_hash: str
    receiver_name: str
    receiver_phone: str
    receiver_province: str
    receiver_city: str
    receiver_district: str
    receiver_town: str
    receiver_address: str
    oaid: str
    receiver_cipher: str


class CachedLine(NamedTuple):
    """What the merge needs of a cached order line."""

    id: int
    order_id: int
    line_no: str
    refund_status: str
    shipped: bool
    image_url: str


class OrderCache:
    """One shop's cached orders over one Session, read and written in bulk."""

    def __init__(self, session: Session, shop_id: int) -> None:
        self.session = session
        self.shop_id = shop_id

    def _of(self, *columns: Any, order_nos: Iterable[str]) -> Any:
        where = (OrderRow.shop_id == self.shop_id, OrderRow.order_no.in_(list(order_nos)))
        return self.session.execute(select(*columns).where(*where))

    def cached(self, order_nos: Iterable[str]) -> dict[str, CachedOrder]:
        """The cached orders among `order_nos`, by number."""
        columns = (getattr(OrderRow, name) for name in CachedOrder._fields)
        return {row.order_no: CachedOrder._make(row) for row in self._of(*columns, order_nos=order_nos)}

    def modified(self, order_nos: Iterable[str]) -> dict[str, datetime]:
        """The platform time of each cached order among `order_nos`."""
        return dict(self._of(OrderRow.order_no, OrderRow.modified_at, order_nos=order_nos).all())

    def known(self, order_nos: Iterable[str]) -> set[str]:
        """Which of `order_nos` the cache holds."""
        return set(self._of(OrderRow.order_no, order_nos=order_nos).scalars())

    def insert_orders(self, platform: str, orders: Sequence[tuple[Any, ...]]) -> dict[str, int]:
        """Inserts new orders given as (order number, *values of ORDER_FIELDS); returns their ids by number.

        Their lines go in afterwards (insert_lines), built by the caller with these ids: no copy of them is held.
        """
        if not orders:
            return {}
        names = ("shop_id", "order_no", "platform", *ORDER_FIELDS)
        bulk_insert(self.session, ORDERS, names, [(self.shop_id, o[0], platform, *o[1:]) for o in orders])
        return dict(self._of(OrderRow.order_no, OrderRow.id, order_nos=[o[0] for o in orders]).all())

    def insert_lines(self, lines: list[tuple[Any, ...]]) -> None:
        """Inserts lines given as (order id, *values of LINE_FIELDS)."""
        bulk_insert(self.session, LINES, ("order_id", *LINE_FIELDS), lines)

    def lines_of(self, order_ids: list[int]) -> dict[int, dict[str, CachedLine]]:
        """The cached lines of these orders: order id -> line number -> line."""
        found: dict[int, dict[str, CachedLine]] = {}
        columns = (getattr(OrderLineRow, name) for name in CachedLine._fields)
        for row in self.session.execute(select(*columns).where(OrderLineRow.order_id.in_(order_ids))):
            found.setdefault(row.order_id, {})[row.line_no] = CachedLine._make(row)
        return found

    def update(self, orders: list[dict[str, Any]], lines: list[dict[str, Any]]) -> None:
        """Updates orders and lines in bulk: each mapping holds its row's id as `b_id` and the columns to store."""
        if orders:
            self.session.execute(update(ORDERS).where(ORDERS.c.id == bindparam("b_id")), orders)
        if lines:
            self.session.execute(update(LINES).where(LINES.c.id == bindparam("b_id")), lines)

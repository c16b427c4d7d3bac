"""Stock in the database (persistence layer): what the allotment reads, the differences it writes, on-hand moves,
and the shortages an order list shows.

The allotment's reads are plain SQL over the driver (no ORM objects: 100,000 waiting orders are a few hundred
thousand line rows), and its writes touch only what changed. Every write of on-hand stock is a conditional UPDATE
inside the caller's short write transaction, taken with the write lock first (`lock`): two processes adjusting or
shipping the same SKU queue one behind the other, and neither reads a figure the other is about to change. The
caller owns the transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from app.domain.enums import OrderStatus, PackageState, RefundStatus
from app.domain.products import link_skus
from app.domain.stock import WAITING, Shortage, StockLevel, StockMove, WaitingOrder
from app.persistence.bulk import sqlite_utc
from app.persistence.products import ProductRepository

_WAITING = tuple(s.value for s in WAITING)
_BLOCKING = tuple(r.value for r in RefundStatus if r.blocks_shipping)
_IN_WAITING = ", ".join(f"'{s}'" for s in _WAITING)  # fixed enum values, never user input
_BLOCKS = ", ".join(f"'{r}'" for r in _BLOCKING)
_PACKABLE = f"l.shipped = 0 AND l.refund_status NOT IN ({_BLOCKS})"  # app.domain.orders.is_packable, as SQL
ORDERS_PER_SKU = 50  # waiting orders named per SKU in the stock list


def _at(value: datetime) -> Any:
    return sqlite_utc(value)


def _stored_time(value: Any) -> datetime:
    """A stored UTC time, aware."""
    return (value if isinstance(value, datetime) else datetime.fromisoformat(value)).replace(tzinfo=UTC)


def _paid(value: Any) -> datetime:
    """A pay time as the allotment compares them: naive UTC, as stored (every one of a run is read the same way;
    making 100,000 of them aware costs more than the rest of the parse)."""
    return value.replace(tzinfo=None) if isinstance(value, datetime) else datetime.fromisoformat(value)


def lock(session: Session) -> None:
    """Takes the database's write lock for the caller's transaction (a write that changes nothing): what it reads
    from here on no other process can change before it commits."""
    session.execute(text("UPDATE products SET stock = stock WHERE 0"))


@dataclass(frozen=True)
class AllotmentInput:
    """What the allotment needs: on hand per tracked product, the waiting orders needing them, and the current
    decisions (to write only what changes)."""

    on_hand: dict[int, int]
    orders: list[WaitingOrder]
    statuses: dict[int, str]  # waiting orders with a tracked line, plus every order now out of stock
    shortages: dict[int, dict[int, int]]  # order id -> product id -> missing, as stored
    reserved: dict[int, int]  # product id -> reserved, as stored (non-zero or tracked)


class StockRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _rows(self, sql: str, params: Mapping[str, Any] | None = None) -> Sequence[Any]:
        return self.session.execute(text(sql), dict(params or {})).all()

    def _raw(self, sql: str) -> list[tuple[Any, ...]]:
        """Rows of `sql` straight from the driver's cursor, in the session's transaction: for the hundreds of
        thousands of line rows the allotment reads, SQLAlchemy's Row objects would cost more than SQLite."""
        cursor = self.session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            return list(cursor.execute(sql).fetchall())
        finally:
            cursor.close()

    # -- the allotment ---------------------------------------------------------------------------------------------

    def tracked(self) -> dict[int, int]:
        """Tracked product id -> on hand."""
        return dict(self._rows("SELECT id, stock FROM products WHERE stock_tracked"))  # type: ignore[arg-type]

    def tracked_links(self, tracked: Mapping[int, int]) -> dict[str, int]:
        """The texts an order line may name a tracked product by -> its id (app.domain.products.link_skus: a key
        another product shares names neither)."""
        if not tracked:
            return {}
        rows = self._rows("SELECT sku, sku_id, outer_id, item_id FROM products WHERE stock_tracked")
        texts = sorted({key for row in rows for key in row if key})
        links = link_skus(texts, ProductRepository(self.session).candidates(texts))
        return {t: pid for t, pid in links.items() if pid in tracked}

    def allotment_input(self) -> AllotmentInput:
        """Everything the allotment reads, in a few queries (the waiting orders, then their lines: fetching an
        order's pay time once, not once per line, halves the time)."""
        on_hand = self.tracked()
        links = self.tracked_links(on_hand)
        needs: dict[int, dict[int, int]] = defaultdict(dict)
        heads: dict[int, tuple[Any, str, bool]] = {}
        if links:
            heads = {
                oid: (paid, status, bool(override))
                for oid, paid, status, override in self._raw(
                    f"SELECT id, paid_at, status, stock_override FROM orders WHERE status IN ({_IN_WAITING})"
                )
            }
            lines = self._raw(
                # the next parcel's units (app.domain.orders.OrderLine.units): a split's choice, else what is left
                # after earlier parcels; what a split holds back for a later parcel waits without stock
                f"SELECT l.order_id, l.sku, COALESCE(l.parcel_qty, l.qty - l.sent_qty) FROM order_lines l "
                f"JOIN orders o ON o.id = l.order_id WHERE o.status IN ({_IN_WAITING}) AND {_PACKABLE}"
            )
            for oid, sku, qty in lines:
                pid = links.get(sku)
                if pid is not None and qty > 0:
                    mine = needs[oid]
                    mine[pid] = mine.get(pid, 0) + qty
        printed = {
            r[0]
            for r in self._rows(
                f"SELECT DISTINCT p.order_id FROM packages p JOIN orders o ON o.id = p.order_id "
                f"WHERE p.state IN ('{PackageState.ALLOCATED.value}', '{PackageState.PRINTED.value}') "
                f"AND o.status IN ({_IN_WAITING})"
            )
        }
        orders = [
            WaitingOrder(oid, _paid(heads[oid][0]), per, committed=heads[oid][2] or oid in printed)
            for oid, per in needs.items()
        ]
        statuses = {oid: heads[oid][1] for oid in needs}
        out = OrderStatus.OUT_OF_STOCK.value
        for (oid,) in self._rows(f"SELECT id FROM orders WHERE status = '{out}'"):
            statuses[oid] = out
        shortages: dict[int, dict[int, int]] = defaultdict(dict)
        for oid, pid, missing in self._rows("SELECT order_id, product_id, missing FROM order_shortages"):
            shortages[oid][pid] = missing
        reserved = dict(self._rows("SELECT id, reserved FROM products WHERE reserved != 0 OR stock_tracked"))
        return AllotmentInput(on_hand, orders, statuses, dict(shortages), reserved)  # type: ignore[arg-type]

    def shipped_some(self, order_ids: Iterable[int]) -> set[int]:
        """Those of `order_ids` with a line that already left in an earlier parcel."""
        ids = list(order_ids)
        if not ids:
            return set()
        rows = self._rows(
            "SELECT DISTINCT order_id FROM order_lines WHERE shipped = 1 "
            "AND order_id IN (SELECT value FROM json_each(:ids))",
            {"ids": json.dumps(ids)},
        )
        return {r[0] for r in rows}

    def write_statuses(self, statuses: Mapping[int, str]) -> None:
        if statuses:
            self.session.execute(
                text("UPDATE orders SET status = :s WHERE id = :id"),
                [{"id": oid, "s": status} for oid, status in statuses.items()],
            )

    def write_shortages(self, delete: Iterable[tuple[int, int]], upsert: Iterable[tuple[int, int, int]]) -> None:
        gone = [{"o": oid, "p": pid} for oid, pid in delete]
        if gone:
            self.session.execute(text("DELETE FROM order_shortages WHERE order_id = :o AND product_id = :p"), gone)
        rows = [{"o": oid, "p": pid, "m": missing} for oid, pid, missing in upsert]
        if rows:
            self.session.execute(
                text(
                    "INSERT INTO order_shortages (order_id, product_id, missing) VALUES (:o, :p, :m) "
                    "ON CONFLICT (order_id, product_id) DO UPDATE SET missing = excluded.missing"
                ),
                rows,
            )

    def write_reserved(self, reserved: Mapping[int, int]) -> None:
        if reserved:
            self.session.execute(
                text("UPDATE products SET reserved = :r WHERE id = :id"),
                [{"id": pid, "r": units} for pid, units in reserved.items()],
            )

    def clear_finished_overrides(self) -> None:
        """A supervisor's stock override ends when its order ships or closes."""
        self.session.execute(
            text(f"UPDATE orders SET stock_override = 0 WHERE stock_override AND status NOT IN ({_IN_WAITING})")
        )

    # -- on-hand stock -----------------------------------------------------------------------------------------

    def product_of(self, sku: str) -> tuple[int, str] | None:
        """(id, SKU) of the product `sku` names: its SKU, else the key that names it alone (item code, ids)."""
        pid = ProductRepository(self.session).link([sku]).get(sku)
        if pid is None:
            return None
        return pid, self._rows("SELECT sku FROM products WHERE id = :id", {"id": pid})[0][0]

    def on_hand(self, pid: int) -> tuple[int, bool]:
        row = self._rows("SELECT stock, stock_tracked FROM products WHERE id = :id", {"id": pid})[0]
        return int(row[0]), bool(row[1])

    def _move(
        self, pid: int, kind: str, delta: int, on_hand: int, reason: str, actor: str, now: datetime,
        order_id: int | None = None, package_id: int | None = None,
    ) -> None:  # fmt: skip
        self.session.execute(
            text(
                "INSERT INTO stock_moves (product_id, kind, delta, on_hand, reason, order_id, package_id, actor, at) "
                "VALUES (:p, :k, :d, :h, :r, :o, :pk, :a, :at)"
            ),
            {"p": pid, "k": kind, "d": delta, "h": on_hand, "r": reason, "o": order_id, "pk": package_id,
             "a": actor[:60], "at": _at(now)},
        )  # fmt: skip

    def set_on_hand(self, pid: int, value: int, kind: str, reason: str, actor: str, now: datetime) -> int | None:
        """Sets the product's on-hand stock (it is tracked from now on), with its move; the delta, or None when the
        product was tracked with that figure already (nothing written)."""
        before, tracked = self.on_hand(pid)
        if tracked and before == value:
            return None
        self.session.execute(
            text("UPDATE products SET stock = :v, stock_tracked = 1 WHERE id = :id"), {"id": pid, "v": value}
        )
        self._move(pid, kind, value - before, value, reason, actor, now)
        return value - before

    def add_on_hand(self, pid: int, delta: int, reason: str, actor: str, now: datetime) -> int | None:
        """Adds `delta` (negative: takes off) to the product's on-hand stock unless that would go below zero, in one
        conditional UPDATE, with its move; on hand after, or None when refused (nothing written)."""
        row = self.session.execute(
            text(
                "UPDATE products SET stock = stock + :d, stock_tracked = 1 WHERE id = :id AND stock + :d >= 0 "
                "RETURNING stock"
            ),
            {"id": pid, "d": delta},
        ).first()
        if row is None:
            return None
        self._move(pid, "adjust", delta, int(row[0]), reason, actor, now)
        return int(row[0])

    def ship(
        self, package_id: int, order_id: int, units: Mapping[int, int], actor: str, now: datetime
    ) -> list[tuple[int, int, int]]:
        """Takes a parcel's units of tracked products off on-hand stock, once per package and product (a product
        this parcel already took is skipped), never below zero (app.domain.stock.shipped_from).

        Returns:
            (product id, units asked, units taken) for each product taken now.
        """
        from app.domain.stock import shipped_from

        done = {
            r[0]
            for r in self._rows(
                "SELECT product_id FROM stock_moves WHERE kind = 'ship' AND package_id = :pk", {"pk": package_id}
            )
        }
        taken = []
        for pid, asked in sorted(units.items()):
            if pid in done or asked <= 0:
                continue
            before, tracked = self.on_hand(pid)
            if not tracked:
                continue
            after, took = shipped_from(before, asked)
            self.session.execute(text("UPDATE products SET stock = :v WHERE id = :id"), {"id": pid, "v": after})
            reason = "" if took == asked else f"{asked} shipped, {before} on hand"
            self._move(pid, "ship", -took, after, reason, actor, now, order_id, package_id)
            taken.append((pid, asked, took))
        return taken

    def tracked_units(self, skus: Mapping[str, int]) -> dict[int, int]:
        """Order lines' units per SKU text -> units per tracked product they name."""
        if not skus:
            return {}
        links = ProductRepository(self.session).link(skus)
        ids = set(links.values())
        if not ids:
            return {}
        tracked = {
            r[0]
            for r in self._rows(
                "SELECT id FROM products WHERE stock_tracked AND id IN (SELECT value FROM json_each(:ids))",
                {"ids": json.dumps(sorted(ids))},
            )
        }
        found: dict[int, int] = defaultdict(int)
        for sku, units in skus.items():
            pid = links.get(sku)
            if pid in tracked:
                found[pid] += units
        return dict(found)

    def moves(self, pid: int, limit: int) -> list[StockMove]:
        """The product's latest stock moves, newest first."""
        rows = self._rows(
            "SELECT p.sku, m.kind, m.delta, m.on_hand, m.at, m.reason, m.actor, o.order_no FROM stock_moves m "
            "JOIN products p ON p.id = m.product_id LEFT JOIN orders o ON o.id = m.order_id "
            "WHERE m.product_id = :p ORDER BY m.id DESC LIMIT :n",
            {"p": pid, "n": limit},
        )
        return [StockMove(sku, kind, delta, on_hand, _stored_time(at), reason, actor, order_no)
                for sku, kind, delta, on_hand, at, reason, actor, order_no in rows]  # fmt: skip

    # -- what a seller reads ----------------------------------------------------------------------------------

    def levels(self, *, search: str | None, low: bool, limit: int) -> list[StockLevel]:
        """Tracked SKUs by SKU (only those under their safety stock when `low`), with the waiting orders that need
        each (oldest paid first, at most ORDERS_PER_SKU)."""
        where = ["stock_tracked"]
        params: dict[str, Any] = {"n": limit}
        if low:
            where.append("stock - reserved < safety_stock")
        if search and search.strip():
            term = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params["q"] = f"%{term}%"
            where.append(
                "(sku LIKE :q ESCAPE '\\' OR title LIKE :q ESCAPE '\\' OR spec LIKE :q ESCAPE '\\' "
                "OR outer_id LIKE :q ESCAPE '\\')"
            )
        rows = self._rows(
            f"SELECT id, sku, title, spec, stock, reserved, safety_stock FROM products WHERE {' AND '.join(where)} "
            f"ORDER BY sku LIMIT :n",
            params,
        )
        waiting = self.waiting_orders({r[0]: r[1] for r in rows})
        return [StockLevel(sku, title, spec, on_hand, reserved, safety, tuple(waiting.get(pid, ())))
                for pid, sku, title, spec, on_hand, reserved, safety in rows]  # fmt: skip

    def waiting_orders(self, products: Mapping[int, str]) -> dict[int, list[str]]:
        """Product id -> numbers of the waiting orders whose packable lines name it, oldest paid first."""
        if not products:
            return {}
        repo = ProductRepository(self.session)
        keys = [k for k in repo.candidates(products.values()) if k.id in products]
        texts = sorted({t for k in keys for t in (k.sku, k.sku_id, k.outer_id, k.item_id) if t})
        rows = self._rows(
            f"SELECT l.sku, o.order_no FROM order_lines l JOIN orders o ON o.id = l.order_id "
            f"WHERE o.status IN ({_IN_WAITING}) AND {_PACKABLE} AND l.sku IN (SELECT value FROM json_each(:t)) "
            f"ORDER BY o.paid_at, o.id",
            {"t": json.dumps(texts)},
        )
        links = repo.link({r[0] for r in rows})
        found: dict[int, list[str]] = defaultdict(list)
        for sku, order_no in rows:
            pid = links.get(sku)
            if pid in products and len(found[pid]) < ORDERS_PER_SKU and order_no not in found[pid]:
                found[pid].append(order_no)
        return found

    def low_count(self) -> int:
        row = self._rows("SELECT count(*) FROM products WHERE stock_tracked AND stock - reserved < safety_stock")
        return int(row[0][0])

    def status_of(self, order_id: int) -> str:
        return str(self._rows("SELECT status FROM orders WHERE id = :id", {"id": order_id})[0][0])

    def override(self, order_id: int) -> None:
        self.session.execute(text("UPDATE orders SET stock_override = 1 WHERE id = :id"), {"id": order_id})


def shortages_of(
    session: Session | Connection, order_nos: Iterable[str]
) -> dict[tuple[str, str], tuple[Shortage, ...]]:
    """(shop name, order number) -> what keeps it out of stock, for those of `order_nos` that are (one query: the
    order list calls it for the orders it shows)."""
    wanted = sorted(set(order_nos))
    if not wanted:
        return {}
    rows = session.execute(
        text(
            "SELECT s.name, o.order_no, p.sku, sh.missing FROM order_shortages sh "
            "JOIN orders o ON o.id = sh.order_id JOIN shops s ON s.id = o.shop_id "
            "JOIN products p ON p.id = sh.product_id "
            "WHERE o.order_no IN (SELECT value FROM json_each(:nos)) ORDER BY p.sku"
        ),
        {"nos": json.dumps(wanted)},
    ).all()
    found: dict[tuple[str, str], list[Shortage]] = defaultdict(list)
    for shop, order_no, sku, missing in rows:
        found[(shop, order_no)].append(Shortage(sku, missing))
    return {key: tuple(value) for key, value in found.items()}


def shortages_of_order(session: Session, order_id: int) -> tuple[Shortage, ...]:
    """What keeps one order out of stock (empty when nothing does)."""
    rows = session.execute(
        text(
            "SELECT p.sku, sh.missing FROM order_shortages sh JOIN products p ON p.id = sh.product_id "
            "WHERE sh.order_id = :id ORDER BY p.sku"
        ),
        {"id": order_id},
    ).all()
    return tuple(Shortage(sku, missing) for sku, missing in rows)


def sheet_levels(session: Session, skus: Iterable[str]) -> dict[str, tuple[int, int, bool]]:
    """SKU -> (id, on hand, tracked) of those of `skus` in the catalogue (exact SKUs, as a sheet names them)."""
    wanted = sorted(set(skus))
    if not wanted:
        return {}
    rows = session.execute(
        text("SELECT sku, id, stock, stock_tracked FROM products WHERE sku IN (SELECT value FROM json_each(:s))"),
        {"s": json.dumps(wanted)},
    ).all()
    return {sku: (pid, int(stock), bool(tracked)) for sku, pid, stock, tracked in rows}


def record_sheet_stock(
    session: Session, moves: Sequence[tuple[int, int, int]], reason: str, actor: str, now: datetime
) -> None:
    """Marks products tracked with the on-hand figures a product sheet wrote, each with its `import` move.

    Args:
        moves: (product id, on hand before, on hand now).
    """
    if not moves:
        return
    session.execute(
        text("UPDATE products SET stock = :v, stock_tracked = 1 WHERE id = :id"),
        [{"id": pid, "v": after} for pid, _before, after in moves],
    )
    session.execute(
        text(
            "INSERT INTO stock_moves (product_id, kind, delta, on_hand, reason, actor, at) "
            "VALUES (:p, 'import', :d, :h, :r, :a, :at)"
        ),
        [{"p": pid, "d": after - before, "h": after, "r": reason, "a": actor[:60], "at": _at(now)}
         for pid, before, after in moves],
    )  # fmt: skip

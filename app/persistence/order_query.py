"""The workspace's order query layer: filters that combine, sorts, search routed by its shape, counts, and orders
hydrated from plain rows (persistence layer).

A million cached orders stay interactive because the list query never joins: it reads `orders` alone through the
index its sort or its most selective filter names (migration 0014_order_search), and the page's lines and parcels
come after in two `IN` look-ups. A filter on another table (a SKU, a carrier, the print count, the text index) is
asked in the shape that is fast for what it matches: a handful of orders drive the query through their ids; a common
value is checked order by order while the sort's index is walked, so the first page stops early. Free search is
routed by its shape: an order, tracking or SKU code is an exact index look-up, four digits are a phone tail, and
text goes through the FTS5 trigram index (Chinese substrings; terms under three characters scan it).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from app.domain.enums import Flag, OrderStatus, PackageState, Platform, RefundStatus
from app.domain.orders import Address, Order, OrderLine, Receiver
from app.domain.packages import WAITING_FOR_PARCEL
from app.persistence.db import driver_cursor

FTS_TABLE = "orders_fts"  # FTS5 (trigram) over nick, receiver, phone, line titles and notes; rowid = orders.id

# Above this many matches a filter on another table is checked per order along the sort's index instead of
# driving the query by its ids (which then have to be sorted in full before the first page).
DRIVE_LIMIT = 2000
_PAGE_GUESS = 200  # rows a first page shows (the drive limit's estimate)
_TEXT_WALK_SCALE = 0.5  # sqrt of (a walked step's cost / a driven row's), for text matches (OrderQuery._search)

OPEN_STATUSES = tuple(s.value for s in OrderStatus if s.is_open)

# How a filter on another table was last asked (driven by ids or probed per order), per database file and question,
# with when: counting a common value's matches to choose costs as much as the page itself, and the choice changes
# only as the cache grows by thousands of orders. Either shape gives the same rows: a stale choice is only slower.
_PLAN_TTL_S = 60.0
_plans: dict[tuple[str, str, tuple[Any, ...]], tuple[bool, float]] = {}


def modelled(name: str | None, type_: str, _parent_names: object = None) -> bool:
    """True for what the models describe; False for the text index's tables (the FTS5 table and its shadow
    tables): migration 0014 makes them with SQL the models cannot say, so a comparison of models and database
    leaves them out (alembic `include_name`)."""
    return not (type_ == "table" and name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_")))


class PrintState(StrEnum):
    NOT_PRINTED = "not_printed"  # no live parcel printed yet
    PRINTED = "printed"  # printed at least once
    REPRINTED = "reprinted"  # printed more than once


class SortKey(StrEnum):
    SHIP_BY = "ship_by"
    PAID = "paid"
    AMOUNT = "amount"
    ITEMS = "items"
    PROVINCE = "province"
    PRIORITY = "priority"  # expedited (1) after the others; `-priority` puts them first


_SORT_COLUMNS = {
    SortKey.SHIP_BY: "deadline",
    SortKey.PAID: "paid_at",
    SortKey.AMOUNT: "total",
    SortKey.ITEMS: "units",
    SortKey.PROVINCE: "receiver_province",
    SortKey.PRIORITY: "priority",
}


class SearchKind(StrEnum):
    CODE = "code"  # an exact order number, tracking number or SKU
    PHONE_TAIL = "phone_tail"
    TEXT = "text"


@dataclass(frozen=True)
class OrderFilter:
    """What the seller asked to see; empty fields do not filter. Every field combines with the others (AND); the
    values inside one field are alternatives (OR)."""

    statuses: tuple[str, ...] = ()
    shop_ids: tuple[int, ...] = ()
    platforms: tuple[str, ...] = ()
    flags: tuple[int, ...] = ()
    printed: PrintState | None = None
    has_message: bool | None = None
    has_memo: bool | None = None
    paid_from: datetime | None = None  # inclusive
    paid_to: datetime | None = None  # exclusive
    due_within: timedelta | None = None  # open orders whose ship-by falls between now and now + this
    overdue: bool = False  # open orders past their ship-by
    carrier: str | None = None  # the live parcel's carrier
    search: str | None = None

    def active(self) -> list[str]:
        """The names of the fields that filter (the empty-result explanation names them)."""
        empty = OrderFilter()
        return [name for name in _FIELDS if getattr(self, name) != getattr(empty, name)]

    def without(self, name: str) -> OrderFilter:
        return replace(self, **{name: getattr(OrderFilter(), name)})


_FIELDS = (
    "statuses",
    "shop_ids",
    "platforms",
    "flags",
    "printed",
    "has_message",
    "has_memo",
    "paid_from",
    "paid_to",
    "due_within",
    "overdue",
    "carrier",
    "search",
)


@dataclass(frozen=True)
class Sort:
    keys: tuple[tuple[SortKey, bool], ...] = ((SortKey.SHIP_BY, False),)  # (key, descending)


@dataclass
class _Sql:
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    driven: bool = False  # a few ids drive the query: the sort must not walk an index probing them
    page: bool = True  # for a page (ORDER BY ... LIMIT); False: for a count

    def add(self, clause: str, *params: Any) -> None:
        self.where.append(clause)
        self.params.extend(params)

    def clause(self) -> str:
        return " AND ".join(self.where) if self.where else "1"


def db_time(value: datetime) -> str:
    """A time as SQLAlchemy's SQLite DateTime stores it (naive UTC text), to compare with the stored columns."""
    if value.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous here; pass an aware one")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _money(fen: int) -> Decimal:
    return Decimal(int(fen)).scaleb(-2)  # fen -> yuan, two places, exact (as the Money column reads it)


# Stored strings -> enum members by dict: calling the enum class per row costs more than the SQL.
_STATUS = {s.value: s for s in OrderStatus}
_PLATFORM = {p.value: p for p in Platform}
_REFUND = {r.value: r for r in RefundStatus}
_FLAGS = {f.value: f for f in Flag}


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z_\-./#]*")
_PHONE_TAIL = re.compile(r"\d{4}")


def search_kind(conn: Connection, text: str) -> SearchKind:
    """What a search is, by its shape: four digits are a phone tail; a single code-like token (letters, digits,
    dashes) that is some order's number, some parcel's tracking number or some line's SKU is that code (three
    index look-ups); anything else is text."""
    term = text.strip()
    if _PHONE_TAIL.fullmatch(term):
        return SearchKind.PHONE_TAIL
    if _CODE.fullmatch(term):
        with driver_cursor(conn) as cursor:  # every search asks
            hit = cursor.execute(
                "SELECT 1 FROM orders WHERE order_no = ? UNION ALL SELECT 1 FROM packages WHERE tracking_no = ? "
                "UNION ALL SELECT 1 FROM order_lines WHERE sku = ? LIMIT 1",
                (term, term, term),
            ).fetchone()
        if hit is not None:
            return SearchKind.CODE
    return SearchKind.TEXT


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _text_terms(text: str) -> tuple[list[str], list[str]]:
    """The words of a text search: those the trigram index can match (3+ characters) and the shorter ones."""
    words = [w for w in text.split() if w]
    return [w for w in words if len(w) >= 3], [w for w in words if len(w) < 3]


class OrderQuery:
    """Reads over one connection (a SQLite file at head). Build it per read; it keeps nothing but the connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- building the WHERE clause ---------------------------------------------------------------------------------

    def _drive_limit(self) -> int:
        """Up to how many ids a filter drives the query. Sorting n driven rows costs about n; walking the sort's index
        and checking each order costs about PAGE * orders / n: they meet near sqrt(PAGE * orders)."""
        orders = int(self.conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM orders").scalar() or 0)
        return max(DRIVE_LIMIT, min(50_000, int(math.sqrt(_PAGE_GUESS * orders))))

    def _capped(self, sql: str, params: Sequence[Any], cap: int) -> int:
        """How many rows `sql` yields, counted up to cap + 1 (enough to choose a plan)."""
        return int(
            self.conn.exec_driver_sql(f"SELECT count(*) FROM ({sql} LIMIT {cap + 1})", tuple(params)).scalar() or 0
        )

    def _few(self, ids_sql: str, params: Sequence[Any], scale: float = 1.0) -> bool:
        """True when `ids_sql` yields few enough ids to drive the query (the choice is kept a minute per file);
        `scale` weighs the drive limit by what a step of the walk costs beside a driven row."""
        key = (str(self.conn.engine.url), ids_sql, tuple(params))
        now = time.monotonic()
        known = _plans.get(key)
        if known is not None and now - known[1] < _PLAN_TTL_S:
            return known[0]
        cap = max(1, int(self._drive_limit() * scale))
        few = self._capped(ids_sql, params, cap) <= cap
        if len(_plans) > 256:
            _plans.clear()
        _plans[key] = (few, now)
        return few

    def _by_ids(self, sql: _Sql, ids_sql: str, params: Sequence[Any], probe_sql: str | None) -> None:
        """Adds "the order is among `ids_sql`": driven by those ids when they are few (always, without a
        `probe_sql`), else checked per order with `probe_sql` (correlated on o.id, same params) so the sort's index
        is walked and the first page ends early."""
        if probe_sql is None or not sql.page or self._few(ids_sql, params):
            sql.add(f"o.id IN ({ids_sql})", *params)
            sql.driven = True
        else:
            sql.add(f"EXISTS ({probe_sql})", *params)

    def where(self, f: OrderFilter, now: datetime, sort: Sort | None = None, *, page: bool = True) -> _Sql:
        """The WHERE clause of `f`. With a sort other than ship-by, the filters on `orders` are written so that no
        index of theirs is used (`+o.col`): SQLite then walks the sort's index and stops at the first page, instead
        of reading every order a broad filter lets through and sorting them (a range on the sort's column stays).
        Not for a `page` (a count), ids that can drive always do: a count walks no index to stop early."""
        sql = _Sql(page=page)
        first = sort.keys[0][0] if sort and sort.keys else SortKey.SHIP_BY
        walk = "+" if first is not SortKey.SHIP_BY else ""
        paid = "" if first is SortKey.PAID else walk
        statuses = list(f.statuses)
        if f.overdue or f.due_within is not None:  # only an order still to ship can be late
            statuses = [s for s in (statuses or OPEN_STATUSES) if s in OPEN_STATUSES] or ["-"]
        if statuses:
            sql.add(f"{walk}o.status IN ({_marks(statuses)})", *statuses)
        if f.shop_ids:
            sql.add(f"{walk}o.shop_id IN ({_marks(f.shop_ids)})", *f.shop_ids)
        if f.platforms:
            sql.add(f"{walk}o.platform IN ({_marks(f.platforms)})", *f.platforms)
        if f.flags:
            sql.add(f"{walk}o.flag IN ({_marks(f.flags)})", *f.flags)
        # By paid time, "has a memo / a message" is left to its partial index on paid_at (0024): walking it in paid
        # order visits only the orders with one.
        notes = "" if first is SortKey.PAID else walk
        if f.has_message is not None:
            sql.add(f"{notes}o.buyer_message <> ''" if f.has_message else f"{walk}o.buyer_message = ''")
        if f.has_memo is not None:
            sql.add(f"{notes}o.seller_memo <> ''" if f.has_memo else f"{walk}o.seller_memo = ''")
        if f.paid_from is not None:
            sql.add(f"{paid}o.paid_at >= ?", db_time(f.paid_from))
        if f.paid_to is not None:
            sql.add(f"{paid}o.paid_at < ?", db_time(f.paid_to))
        if f.overdue and f.due_within is not None:  # late, or late within the hours given
            sql.add(f"{walk}o.deadline < ?", db_time(now + f.due_within))
        elif f.overdue:
            sql.add(f"{walk}o.deadline < ?", db_time(now))
        elif f.due_within is not None:
            sql.add(f"{walk}o.deadline >= ? AND {walk}o.deadline < ?", db_time(now), db_time(now + f.due_within))
        live = f"p.state <> '{PackageState.VOID.value}'"
        if f.printed is PrintState.NOT_PRINTED:  # a partly shipped order's earlier parcel is not its next one
            waiting = ", ".join(f"'{s.value}'" for s in sorted(WAITING_FOR_PARCEL))  # enum values, never input
            earlier = f"(p.state = '{PackageState.SHIPPED.value}' AND o.status IN ({waiting}))"
            sql.add(
                f"NOT EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND {live} AND p.print_count > 0 "
                f"AND NOT {earlier})"
            )
        elif f.printed is PrintState.REPRINTED:  # the order's row keeps its parcels' print state (0029_print_state)
            sql.add(f"{walk}o.print_state = 2")
        elif f.printed is not None:  # by ship-by, each state's run of its index in turn, merged up to the page
            sql.add(f"{walk}o.print_state IN (1, 2)")
        if f.carrier:
            self._by_ids(
                sql,
                f"SELECT p.order_id FROM packages p WHERE p.carrier = ? AND {live}",
                (f.carrier,),
                f"SELECT 1 FROM packages p WHERE p.order_id = o.id AND p.carrier = ? AND {live}",
            )
        if f.search and f.search.strip():
            self._search(sql, f.search.strip())
        return sql

    def _search(self, sql: _Sql, term: str) -> None:
        kind = search_kind(self.conn, term)
        if kind is SearchKind.CODE:
            self._by_ids(
                sql,
                "SELECT id FROM orders WHERE order_no = ? UNION SELECT order_id FROM packages WHERE tracking_no = ? "
                "UNION SELECT order_id FROM order_lines WHERE sku = ?",
                (term, term, term),
                "SELECT 1 WHERE o.order_no = ? OR EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND "
                "p.tracking_no = ?) OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.sku = ?)",
            )
            return
        if kind is SearchKind.PHONE_TAIL:
            match = f"receiver_phone : {_fts_phrase(term)}"
            self._by_ids(
                sql,
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
                (match,),
                None,  # a text match is never probed per order: FTS5 answers a MATCH in full each time
            )
            sql.add("o.receiver_phone LIKE ? ESCAPE '\\'", "%" + term)
            return
        long_words, short_words = _text_terms(term)
        if long_words:
            match = " AND ".join(_fts_phrase(w) for w in long_words)
            ids = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?"
            # Many matches: the sort's index is walked and each order checked against the matches, read once into a
            # list (`+o.id IN`; never a MATCH per order). A step of that walk costs about a quarter of a driven
            # row's look-up and sort (1M orders: 25,000 matches 29 ms driven, 5 ms walked; 5,600: 10 and 12 ms).
            if not sql.page or self._few(ids, (match,), scale=_TEXT_WALK_SCALE):
                sql.add(f"o.id IN ({ids})", match)
                sql.driven = True
            else:
                sql.add(f"+o.id IN ({ids})", match)
        for word in short_words:  # under three characters the trigram index cannot match: its table is scanned
            columns = ("buyer_nick", "receiver_name", "receiver_phone", "titles", "notes")
            any_column = " OR ".join(f"t.{c} LIKE ? ESCAPE '\\'" for c in columns)
            sql.add(f"o.id IN (SELECT t.rowid FROM {FTS_TABLE} t WHERE {any_column})", *([_like(word)] * len(columns)))
            sql.driven = True

    # -- reading ---------------------------------------------------------------------------------------------------

    def count(self, f: OrderFilter, now: datetime) -> int:
        sql = self.where(f, now, page=False)
        return int(
            self.conn.exec_driver_sql(f"SELECT count(*) FROM orders o WHERE {sql.clause()}", tuple(sql.params)).scalar()
            or 0
        )

    def status_counts(self, f: OrderFilter, now: datetime) -> dict[str, int]:
        """Orders per status under every filter but the status one (the status choice shows them)."""
        sql = self.where(replace(f, statuses=()), now, page=False)
        rows = self.conn.exec_driver_sql(
            f"SELECT o.status, count(*) FROM orders o WHERE {sql.clause()} GROUP BY o.status", tuple(sql.params)
        )
        return {status: int(n) for status, n in rows}

    def deadline_counts(self, now: datetime, soon: timedelta = timedelta(hours=6)) -> tuple[int, int]:
        """(overdue, due within `soon`) among the open orders: the counts the workspace always shows."""
        marks = _marks(OPEN_STATUSES)
        overdue, due = self.conn.exec_driver_sql(
            f"SELECT (SELECT count(*) FROM orders WHERE status IN ({marks}) AND deadline < ?), "
            f"(SELECT count(*) FROM orders WHERE status IN ({marks}) AND deadline >= ? AND deadline < ?)",
            (*OPEN_STATUSES, db_time(now), *OPEN_STATUSES, db_time(now), db_time(now + soon)),
        ).one()
        return int(overdue), int(due)

    def _order_by(self, sort: Sort, driven: bool = False) -> str:
        """ORDER BY the sort's keys, then id (the tie-break keeps pages stable). When a few ids drive the query the
        keys are written as expressions (`+o.col`), so SQLite sorts those rows instead of walking the sort's index
        and probing each order against them."""
        plus = "+" if driven else ""
        keys = [f"{plus}o.{_SORT_COLUMNS[key]}{' DESC' if desc else ''}" for key, desc in sort.keys]
        last_desc = sort.keys[-1][1] if sort.keys else False
        return ", ".join([*keys, f"{plus}o.id{' DESC' if last_desc else ''}"])

    _COLUMNS = (
        "o.id, o.order_no, o.shop_id, o.platform, o.status, o.buyer_nick, o.receiver_name, o.receiver_phone, "
        "o.receiver_province, o.receiver_city, o.receiver_district, o.receiver_town, o.receiver_address, "
        "o.buyer_message, o.seller_memo, o.flag, o.total, o.paid_at, o.deadline, o.oaid, o.units, "
        "o.priority, o.hold_reason, o.merged_into_id, o.platform_status"
    )

    def page_sql(self, f: OrderFilter, sort: Sort, now: datetime) -> tuple[str, list[Any]]:
        sql = self.where(f, now, sort)
        order = self._order_by(sort, sql.driven)
        return f"SELECT {self._COLUMNS} FROM orders o WHERE {sql.clause()} ORDER BY {order}", sql.params

    def page(self, f: OrderFilter, sort: Sort, now: datetime, *, limit: int, offset: int = 0) -> LazyOrders:
        """One page of orders with their lines and live parcel, each built when first asked for."""
        text, params = self.page_sql(f, sort, now)
        with driver_cursor(self.conn) as cursor:
            rows = cursor.execute(f"{text} LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
        return self.lazy(rows)

    def stream(
        self, f: OrderFilter, sort: Sort, now: datetime, *, limit: int | None = None, offset: int = 0, chunk: int = 500
    ) -> Iterator[Order]:
        """Every matching order, read and handed out `chunk` at a time (constant memory: nothing is collected)."""
        text, params = self.page_sql(f, sort, now)
        cursor = self.conn.exec_driver_sql(
            f"{text} LIMIT ? OFFSET ?", (*params, -1 if limit is None else limit, offset)
        )
        while True:
            rows = cursor.fetchmany(chunk)
            if not rows:
                return
            yield from self.hydrate(rows)

    def shop_names(self) -> dict[int, str]:
        with driver_cursor(self.conn) as cursor:  # read for every page
            return {int(i): str(n) for i, n in cursor.execute("SELECT id, name FROM shops")}

    def hydrate(self, rows: Sequence[Any], shops: Mapping[int, str] | None = None) -> list[Order]:
        """Orders of plain `orders` rows (the page query's columns), with their lines and live parcel."""
        return list(self.lazy(rows, shops))

    def lazy(self, rows: Sequence[Any], shops: Mapping[int, str] | None = None) -> LazyOrders:
        """Like hydrate, but each order is built when first asked for (a list shows a screenful of a page)."""
        if not rows:
            return LazyOrders([], {}, {}, {})
        shops = shops if shops is not None else self.shop_names()
        ids = [int(r[0]) for r in rows]
        with driver_cursor(self.conn) as cursor:
            lines: dict[int, list[tuple[Any, ...]]] = {i: [] for i in ids}
            for line in cursor.execute(
                "SELECT order_id, line_no, sku, title, spec, qty, price, refund_status, shipped, image_url, sent_qty, "
                "parcel_qty "
                f"FROM order_lines WHERE order_id IN ({_marks(ids)}) ORDER BY order_id, id",  # the index's order
                ids,
            ):
                lines[line[0]].append(line)
            parcels: dict[int, tuple[str, str, int, int]] = {}
            waiting = {int(r[0]) for r in rows if r[4] in WAITING_FOR_PARCEL}
            for order_id, tracking_no, carrier, print_count, package_id, state in cursor.execute(
                "SELECT order_id, tracking_no, carrier, print_count, id, state FROM packages "
                f"WHERE order_id IN ({_marks(ids)}) AND state <> ? ORDER BY order_id, id",
                (*ids, PackageState.VOID.value),
            ):
                parcels[order_id] = (tracking_no, carrier, print_count, package_id)  # the last live one wins...
                if state == PackageState.SHIPPED.value and order_id in waiting:
                    del parcels[order_id]  # ...but a partly shipped order's next parcel has none yet (a split)
        return LazyOrders(rows, lines, parcels, shops)


class LazyOrders(Sequence[Order]):
    """A page of orders read as plain rows; an order is built the first time it is asked for, then kept. Its
    number and status are read without building it."""

    def __init__(
        self,
        rows: Sequence[Any],
        lines: Mapping[int, list[tuple[Any, ...]]],
        parcels: Mapping[int, tuple[str, str, int, int]],
        shops: Mapping[int, str],
        finish: Callable[[Order], Order] | None = None,
    ) -> None:
        self._rows, self._lines, self._parcels, self._shops = rows, lines, parcels, shops
        self._built: list[Order | None] = [None] * len(rows)
        self.finish = finish  # applied to each order as it is built (the service adds what it knows: shortages)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        order = self._built[index]
        if order is None:
            order = self._build(self._rows[index])
            self._built[index] = order
        return order

    def order_no(self, index: int) -> str:
        return str(self._rows[index][1])

    def status(self, index: int) -> str:
        return str(self._rows[index][4])

    def shop(self, index: int) -> str:
        return self._shops.get(self._rows[index][2], "")

    def merge_rows(self) -> list[tuple[Any, ...]]:
        """The page's rows as merge marks read them (app.persistence.merges.MergeRepository.marks_of_rows)."""
        parcels = self._parcels
        return [(r[0], r[1], r[2], self._shops.get(r[2], ""), r[4], r[5], *r[6:13], r[19], r[22], r[23],
                 parcels[r[0]][3] if r[0] in parcels else None) for r in self._rows]  # fmt: skip

    def _build(self, r: Sequence[Any]) -> Order:
        refund, parcel = _REFUND, self._parcels.get(r[0])
        order = Order(
            order_no=r[1],
            shop=self._shops.get(r[2], ""),
            platform=_PLATFORM[r[3]],
            status=_STATUS[r[4]],
            buyer_nick=r[5],
            receiver=Receiver(r[6], r[7], Address(r[8], r[9], r[10], r[11], r[12])),
            lines=tuple(
                OrderLine(
                    ln[1],
                    ln[2],
                    ln[3],
                    ln[4],
                    ln[5],
                    _money(ln[6]),
                    refund[ln[7]],
                    (),
                    bool(ln[8]),
                    ln[9] or "",
                    ln[10] or 0,
                    ln[11],
                )  # fmt: skip
                for ln in self._lines.get(r[0], ())
            ),
            paid_at=_utc(r[17]),
            deadline=_utc(r[18]),
            flag=_FLAGS.get(r[15], Flag.NONE),  # newer platforms have more colours
            memo=r[14],
            buyer_message=r[13],
            total=_money(r[16]),
            tracking_no=parcel[0] if parcel else None,
            carrier=parcel[1] if parcel else None,
            print_count=parcel[2] if parcel else 0,
            extra={"oaid": r[19]} if r[19] else {},  # a privacy order: its waybill request passes the oaid
            priority=r[21] or 0,
            hold_reason=r[22] or "",
            platform_status=r[24] or "",  # why the platform holds it (a presale's unpaid balance)
        )
        return self.finish(order) if self.finish is not None else order

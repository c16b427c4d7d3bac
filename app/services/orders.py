"""Order queries for the workspace list and the command line: filters that combine, sorts, counts, a page or a
stream of orders, and why nothing matches (services layer).

The reading itself is app.persistence.order_query (plain SQL over indexes, no ORM object per row); this module
turns what a seller typed (status, shop and platform names, flag colours, print status, hours, dates) into an
`OrderFilter`, refusing what it cannot mean with a message, and the records into domain `Order`s.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Flag, OrderStatus, Platform
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.orders import Order, OrderLine
from app.persistence.db import read_snapshot
from app.persistence.merges import MergeMarks, MergeRepository, marks_of_rows
from app.persistence.order_query import (
    OrderFilter,
    OrderQuery,
    PrintState,
    Sort,
    SortKey,
)
from app.persistence.repositories import CatalogueRepository
from app.persistence.service_rules import ServiceRules
from app.persistence.stock import shortages_of
from app.services.stock import with_shortages

__all__ = [
    "EmptyReason",
    "OrderFilter",
    "PrintState",
    "Sort",
    "SortKey",
    "count_orders",
    "deadline_counts",
    "empty_reasons",
    "list_orders",
    "list_page",
    "order_filter",
    "parse_sort",
    "status_counts",
    "stream_orders",
]

_PRINTED_WORDS = {
    "no": PrintState.NOT_PRINTED,
    "yes": PrintState.PRINTED,
    "reprinted": PrintState.REPRINTED,
    **{p.value: p for p in PrintState},
}


def order_filter(
    session_factory: sessionmaker[Session],
    *,
    status: str | Sequence[str] | None = None,
    shop: str | Sequence[str] | None = None,
    platform: str | Sequence[str] | None = None,
    flag: str | Sequence[str] | None = None,
    printed: str | None = None,
    has_message: bool | None = None,
    has_memo: bool | None = None,
    paid_from: datetime | None = None,
    paid_to: datetime | None = None,
    due_within_hours: float | None = None,
    overdue: bool = False,
    carrier: str | None = None,
    search: str | None = None,
    due_soon: bool = False,
) -> OrderFilter:
    """The filter for what a seller typed; several values of one option are alternatives.

    Raises:
        InvalidInput: for an unknown status, shop, platform, flag colour or print status, hours below zero, or a
            paid range that ends before it starts.
    """
    statuses = _words(status)
    known = [s.value for s in OrderStatus]
    for s in statuses:
        if s not in known:
            raise InvalidInput(msg("orders.unknown_status", status=s, known=", ".join(known)))
    platforms = _words(platform)
    for p in platforms:
        if p not in {x.value for x in Platform}:
            raise InvalidInput(msg("orders.unknown_platform", platform=p, known=", ".join(x.value for x in Platform)))
    flags: list[int] = []
    for colour in _words(flag):
        try:
            flags.append(Flag[colour.upper()].value)
        except KeyError:
            raise InvalidInput(
                msg("orders.unknown_flag", colour=colour, known=", ".join(f.label for f in Flag))
            ) from None
    print_state = None
    if printed:
        print_state = _PRINTED_WORDS.get(printed.strip().lower())
        if print_state is None:
            raise InvalidInput(msg("orders.unknown_printed", printed=printed))
    if due_within_hours is not None and due_within_hours < 0:
        raise InvalidInput(msg("orders.hours_negative"))
    if due_soon and due_within_hours is None:  # the seller's "due soon" hours (app.services.deadlines)
        with session_factory() as session:
            due_within_hours = ServiceRules(session).due_soon_hours()
    if paid_from and paid_to and paid_to <= paid_from:
        raise InvalidInput(msg("orders.paid_range"))
    shop_ids: list[int] = []
    names = _words(shop)
    if names:
        with session_factory() as session:
            known_shops = dict(session.connection().exec_driver_sql("SELECT name, id FROM shops").all())
        for name in names:
            if name not in known_shops:
                raise InvalidInput(msg("shop.not_found", name=name, names=", ".join(sorted(known_shops)) or "-"))
            shop_ids.append(int(known_shops[name]))
    return OrderFilter(
        statuses=tuple(statuses),
        shop_ids=tuple(shop_ids),
        platforms=tuple(platforms),
        flags=tuple(flags),
        printed=print_state,
        has_message=has_message,
        has_memo=has_memo,
        paid_from=paid_from,
        paid_to=paid_to,
        due_within=timedelta(hours=due_within_hours) if due_within_hours is not None else None,
        overdue=overdue,
        carrier=carrier.strip().upper() if carrier and carrier.strip() else None,
        search=search.strip() if search and search.strip() else None,
    )


def _words(value: str | Sequence[str] | None) -> list[str]:
    """Values given once, several times, or comma-separated, blanks dropped."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [w.strip() for item in items for w in item.split(",") if w.strip()]


def parse_sort(text: str | None) -> Sort:
    """`ship_by,-amount` -> Sort; a leading '-' sorts that key descending.

    Raises:
        InvalidInput: for a key the list cannot sort by.
    """
    if not text or not text.strip():
        return Sort()
    keys = []
    for word in _words(text):
        desc = word.startswith("-")
        name = word.lstrip("-+").strip().lower().replace("-", "_")
        name = {"deadline": "ship_by", "paid_at": "paid", "total": "amount", "units": "items"}.get(name, name)
        try:
            keys.append((SortKey(name), desc))
        except ValueError:
            raise InvalidInput(
                msg("orders.unknown_sort", key=word, known=", ".join(k.value for k in SortKey))
            ) from None
    return Sort(tuple(keys))


def with_barcodes(orders: Sequence[Order], barcodes: dict[str, list[str]], images: dict[str, str]) -> list[Order]:
    """`orders` with their lines' barcodes and, for lines with no picture, the product's own (both per SKU)."""
    if not barcodes and not images:
        return list(orders)

    def line(ln: OrderLine) -> OrderLine:
        codes, image = barcodes.get(ln.sku), ln.image or images.get(ln.sku, "")
        return ln if codes is None and image == ln.image else replace(ln, barcodes=tuple(codes or ()), image=image)

    return [replace(o, lines=tuple(line(ln) for ln in o.lines)) for o in orders]


def _orders(session: Session, orders: Sequence[Order], barcodes: bool) -> list[Order]:
    if barcodes:
        codes, images = CatalogueRepository(session).for_skus(ln.sku for o in orders for ln in o.lines)
        orders = with_barcodes(orders, codes, images)
    orders = with_merges(orders, merge_marks(session, orders))
    return with_shortages(session, list(orders))  # out-of-stock orders say which SKUs they miss


def merge_marks(session: Session, orders: Sequence[Order]) -> dict[tuple[str, str], MergeMarks]:
    """Each order's parcel key, merged group and merge suggestions (app.persistence.merges.MergeMarks), by (shop,
    order number): a few indexed queries for the whole page."""
    return MergeRepository(session).marks([(o.shop, o.order_no) for o in orders])


def with_merges(orders: Sequence[Order], marks: dict[tuple[str, str], MergeMarks]) -> list[Order]:
    """`orders` with their merge marks in `extra`: "package", "merged" (the parcel's orders, lead first) and
    "mergeable_with" (shown by `orders --json` and the list's merge badge)."""
    return [_marked(o, marks.get((o.shop, o.order_no))) for o in orders]


def _marked(o: Order, m: MergeMarks | None) -> Order:
    if m is None or (m.package is None and not m.merged and not m.mergeable_with):
        return o
    extra = {**o.extra, "package": m.package, "merged": m.merged, "mergeable_with": m.mergeable_with}
    if m.shipping is not None and o.tracking_no is None:  # a merged order goes with its lead's waybill
        carrier, tracking_no = m.shipping
        return replace(o, extra=extra, carrier=carrier, tracking_no=tracking_no)
    return replace(o, extra=extra)


def _check_page(limit: int | None, offset: int) -> None:
    if limit is not None and limit < 1:
        raise InvalidInput(msg("orders.limit_too_small"))
    if offset < 0:
        raise InvalidInput(msg("orders.offset_negative"))


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def list_orders(
    session_factory: sessionmaker[Session],
    *,
    status: str | None = None,
    search: str | None = None,
    limit: int = 200,
    offset: int = 0,
    filters: OrderFilter | None = None,
    sort: Sort | None = None,
    now: datetime | None = None,
    barcodes: bool = True,
) -> list[Order]:
    """One page of cached orders, most urgent ship-by first unless `sort` says otherwise.

    Args:
        status, search: the simple filters (kept for callers that need no other); combined with `filters`.
        filters: the workspace's filters (order_filter builds one from what a seller typed).
        barcodes: whether the lines carry their barcodes and pictures (a catalogue query; the list needs none).

    Raises:
        InvalidInput: for an unknown status, a limit below 1 or an offset below 0.
    """
    _check_page(limit, offset)
    f = _with_simple(session_factory, filters, status, search)
    with session_factory() as session:
        orders = OrderQuery(session.connection()).page(f, sort or Sort(), _now(now), limit=limit, offset=offset)
        return _orders(session, orders, barcodes)


def _with_simple(
    session_factory: sessionmaker[Session], filters: OrderFilter | None, status: str | None, search: str | None
) -> OrderFilter:
    f = filters or OrderFilter()
    if status:
        f = replace(f, statuses=order_filter(session_factory, status=status).statuses)
    if search and search.strip():
        f = replace(f, search=search.strip())
    return f


def list_page(
    session_factory: sessionmaker[Session],
    filters: OrderFilter,
    *,
    sort: Sort | None = None,
    limit: int = 200,
    offset: int = 0,
    now: datetime | None = None,
) -> Sequence[Order]:
    """A page for the workspace list: read at once, each order built when the list first shows it (a screenful of
    the page), with its shortages when out of stock; no barcodes (the list shows none).

    Raises:
        InvalidInput: for a limit below 1 or an offset below 0.
    """
    _check_page(limit, offset)
    with read_snapshot(session_factory) as conn:
        page = OrderQuery(conn).page(filters, sort or Sort(), _now(now), limit=limit, offset=offset)
        short = [page.order_no(i) for i in range(len(page)) if page.status(i) == OrderStatus.OUT_OF_STOCK.value]
        found = shortages_of(conn, short) if short else {}
        marks = marks_of_rows(conn, page.merge_rows())

    def finish(o: Order) -> Order:
        o = _marked(o, marks.get((o.shop, o.order_no)))
        return replace(o, short=found.get((o.shop, o.order_no), ())) if found else o

    page.finish = finish
    return page


@contextmanager
def stream_orders(
    session_factory: sessionmaker[Session],
    filters: OrderFilter,
    *,
    sort: Sort | None = None,
    limit: int | None = None,
    offset: int = 0,
    now: datetime | None = None,
    chunk: int = 500,
) -> Iterator[Iterable[Order]]:
    """Every matching order, read `chunk` at a time while the caller writes them out: memory stays flat whatever
    the count. Use as `with stream_orders(...) as orders: for order in orders: ...`.

    Raises:
        InvalidInput: for a limit below 1 or an offset below 0.
    """
    _check_page(limit, offset)
    with session_factory() as session:
        query = OrderQuery(session.connection())
        records = query.stream(filters, sort or Sort(), _now(now), limit=limit, offset=offset, chunk=chunk)

        def orders() -> Iterator[Order]:
            batch: list[Order] = []
            for record in records:
                batch.append(record)
                if len(batch) >= chunk:
                    yield from _orders(session, batch, True)
                    batch = []
            yield from _orders(session, batch, True)

        yield orders()


def count_orders(session_factory: sessionmaker[Session], filters: OrderFilter, now: datetime | None = None) -> int:
    with session_factory() as session:
        return OrderQuery(session.connection()).count(filters, _now(now))


def status_counts(
    session_factory: sessionmaker[Session], filters: OrderFilter, now: datetime | None = None
) -> dict[str, int]:
    """Orders per status under every other filter (every status named, 0 when none)."""
    with session_factory() as session:
        found = OrderQuery(session.connection()).status_counts(filters, _now(now))
    return {s.value: found.get(s.value, 0) for s in OrderStatus}


def deadline_counts(
    session_factory: sessionmaker[Session], now: datetime | None = None, soon_hours: float | None = None
) -> tuple[int, int]:
    """(overdue, due within `soon_hours`) among the orders still to ship; None: the seller's "due soon" hours."""
    with session_factory() as session:
        hours = ServiceRules(session).due_soon_hours() if soon_hours is None else soon_hours
        return OrderQuery(session.connection()).deadline_counts(_now(now), timedelta(hours=hours))


@dataclass(frozen=True)
class EmptyReason:
    """One filter of an empty result and how many orders the others let through without it."""

    field: str  # an OrderFilter field name
    hidden: int  # orders this filter alone hides


def empty_reasons(
    session_factory: sessionmaker[Session], filters: OrderFilter, now: datetime | None = None
) -> list[EmptyReason]:
    """Why nothing matches: for each active filter, the orders that would show without it (most first); the
    total without any filter is `count_orders(OrderFilter())`."""
    at = _now(now)
    reasons = []
    with session_factory() as session:
        query = OrderQuery(session.connection())
        for name in filters.active():
            reasons.append(EmptyReason(name, query.count(filters.without(name), at)))
    return sorted(reasons, key=lambda r: -r.hidden)

"""The rows merging reads and writes (persistence layer): orders as merge candidates, a lead's group, the link of a
member to its lead (`orders.merged_into_id`), and, for a page of the workspace, each order's parcel key and the
waiting orders it could merge with. The caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, exists, func, select, update
from sqlalchemy.orm import Session

from app.domain.enums import PackageState, RefundStatus, ScanOutcome
from app.domain.merges import MERGEABLE, MergeCandidate
from app.persistence.db import driver_cursor
from app.persistence.repositories import packable_line
from app.persistence.rows import OrderLineRow, OrderRow, PackageRow, ScanEventRow, ShopRow

_RECEIVER = (
    OrderRow.receiver_name,
    OrderRow.receiver_phone,
    OrderRow.receiver_province,
    OrderRow.receiver_city,
    OrderRow.receiver_district,
    OrderRow.receiver_town,
    OrderRow.receiver_address,
)
# A parcel whose last scan is one of these is not open at any bench (shipped, stopped, or parked to take up later:
# taking it up reads the order as it is then).
_SETTLED = (ScanOutcome.SHIPPED, ScanOutcome.INTERCEPTED, ScanOutcome.PARKED)
_LIVE = and_(PackageRow.order_id == OrderRow.id, PackageRow.state != PackageState.VOID.value)


def _candidates_query():  # type: ignore[no-untyped-def]
    live = (
        select(PackageRow.tracking_no, PackageRow.print_count)
        .where(_LIVE)
        .order_by(PackageRow.id.desc())
        .limit(1)
        .correlate(OrderRow)
    )
    packable = exists().where(OrderLineRow.order_id == OrderRow.id, packable_line())
    return select(
        OrderRow.id,
        OrderRow.order_no,
        OrderRow.shop_id,
        ShopRow.name,
        OrderRow.platform,
        OrderRow.status,
        OrderRow.buyer_nick,
        *_RECEIVER,
        OrderRow.oaid,
        OrderRow.deadline,
        OrderRow.hold_reason,
        live.with_only_columns(PackageRow.tracking_no).scalar_subquery(),
        live.with_only_columns(PackageRow.print_count).scalar_subquery(),
        packable,
        OrderRow.merged_into_id,
    ).join(ShopRow, ShopRow.id == OrderRow.shop_id)


def _candidate(r: Sequence[object]) -> MergeCandidate:
    return MergeCandidate(
        id=int(r[0]),  # type: ignore[call-overload]
        order_no=str(r[1]),
        shop_id=int(r[2]),  # type: ignore[call-overload]
        shop=str(r[3]),
        platform=str(r[4]),
        status=str(r[5]),
        buyer_nick=str(r[6] or ""),
        receiver=tuple(str(v or "") for v in r[7:14]),
        oaid=str(r[14] or ""),
        deadline=r[15],  # type: ignore[arg-type]
        hold_reason=r[16],  # type: ignore[arg-type]
        tracking_no=r[17],  # type: ignore[arg-type]
        printed=bool(r[18] or 0),
        packable=bool(r[19]),
        merged_into=r[20],  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class MergeMarks:
    """What the workspace shows of an order's parcel: `package`, the key shared by the orders of one parcel (the
    live parcel's id, as text, once it has a waybill; "merge-" + the lead's order number for a merged group that
    has none yet; None for an order alone without a waybill); `merged`, the orders in it (lead first; () alone);
    `mergeable_with`, the other waiting orders it could merge with now (same shop, buyer and receiver, no waybill
    yet, not in its parcel already); `shipping`, for an order merged into another's parcel that has a waybill,
    that waybill's (carrier, tracking number)."""

    package: str | None = None
    merged: tuple[str, ...] = ()
    mergeable_with: tuple[str, ...] = ()
    shipping: tuple[str, str] | None = None


class MergeRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def candidates(self, order_nos: Iterable[str]) -> dict[str, list[MergeCandidate]]:
        """The cached orders by number (a number two shops share names both)."""
        wanted = list(dict.fromkeys(order_nos))
        found: dict[str, list[MergeCandidate]] = {}
        query = _candidates_query().where(OrderRow.order_no.in_(wanted)).order_by(OrderRow.id)
        for r in self.session.execute(query):
            found.setdefault(str(r[1]), []).append(_candidate(r))
        return found

    def group(self, lead_id: int) -> list[MergeCandidate]:
        """The orders of the parcel of `lead_id`: the lead, then its members (oldest first)."""
        query = _candidates_query().where((OrderRow.id == lead_id) | (OrderRow.merged_into_id == lead_id))
        rows = [_candidate(r) for r in self.session.execute(query.order_by(OrderRow.id))]
        return sorted(rows, key=lambda c: c.id != lead_id)

    def link(self, order_ids: Iterable[int], lead_id: int | None) -> None:
        """The orders `order_ids` ship in the parcel of `lead_id` (None: each in its own again)."""
        ids = list(order_ids)
        if ids:
            self.session.execute(update(OrderRow).where(OrderRow.id.in_(ids)).values(merged_into_id=lead_id))

    def open_at_bench(self, order_ids: Iterable[int]) -> dict[int, str]:
        """The orders of `order_ids` a bench has open now (their last scan neither shipped, stopped nor set them
        aside), with that bench's station name."""
        ids = list(order_ids)
        if not ids:
            return {}
        last = (
            select(ScanEventRow.order_id, func.max(ScanEventRow.id).label("last_id"))
            .where(ScanEventRow.order_id.in_(ids))
            .group_by(ScanEventRow.order_id)
            .subquery()
        )
        rows = self.session.execute(
            select(ScanEventRow.order_id, ScanEventRow.station)
            .join(last, ScanEventRow.id == last.c.last_id)
            .where(ScanEventRow.outcome.not_in([o.value for o in _SETTLED]))
        )
        return {int(order_id): str(station) for order_id, station in rows}

    def groups_of(self, order_ids: Iterable[int]) -> list[list[MergeCandidate]]:
        """The merged groups (lead first) the orders `order_ids` belong to, as leads or members."""
        ids = list(order_ids)
        if not ids:
            return []
        leads = set(
            self.session.execute(
                select(OrderRow.merged_into_id).where(OrderRow.id.in_(ids), OrderRow.merged_into_id.is_not(None))
            ).scalars()
        )
        leads |= set(
            self.session.execute(select(OrderRow.merged_into_id).where(OrderRow.merged_into_id.in_(ids))).scalars()
        )
        return [self.group(lead) for lead in sorted(leads)]

    def marks(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], MergeMarks]:
        """Per (shop name, order number) of a page: its parcel key, its merged group and the waiting orders it
        could merge with. A few indexed look-ups per page through the driver (no ORM statement is built: this runs
        for every page the list shows), whatever the table's size: the page's rows by number, its groups by lead
        (ix_orders_merged_into), the waiting orders of its buyers (ix_orders_merge_key), and the live parcels and
        packable lines of only the orders that matched."""
        if not keys:
            return {}
        with self._cursor() as marks:
            wanted = set(keys)
            numbers = sorted({no for _, no in keys})
            rows = marks.rows(f"o.order_no IN ({_qs(numbers)})", numbers, shops=True)
            return marks.of([r for r in rows if (r[3], r[1]) in wanted])

    def marks_of_rows(self, rows: Sequence[tuple[Any, ...]]) -> dict[tuple[str, str], MergeMarks]:
        """`marks` of a page already read (app.persistence.order_query.LazyOrders.merge_rows): its rows with the
        columns of _ROW, which saves reading them again."""
        return marks_of_rows(self.session.connection(), rows)

    @contextmanager
    def _cursor(self) -> Iterator[_Marks]:
        with driver_cursor(self.session.connection()) as cursor:
            yield _Marks(cursor)


def marks_of_rows(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> dict[tuple[str, str], MergeMarks]:
    """MergeRepository.marks_of_rows over a connection (the order list reads a page without an ORM session)."""
    if not rows:
        return {}
    with driver_cursor(conn) as cursor:
        return _Marks(cursor).of(rows)


_ROW = (
    "o.id, o.order_no, o.shop_id, s.name, o.status, o.buyer_nick, o.receiver_name, o.receiver_phone, "
    "o.receiver_province, o.receiver_city, o.receiver_district, o.receiver_town, o.receiver_address, o.oaid, "
    "o.hold_reason, o.merged_into_id, "
    f"(SELECT p.id FROM packages p WHERE p.order_id = o.id AND p.state <> '{PackageState.VOID.value}' "
    "ORDER BY p.id DESC LIMIT 1)"
)  # the last column: the live parcel's id (a waybill was taken), or NULL
_BLOCKING_REFUNDS = tuple(r.value for r in RefundStatus if r.blocks_shipping)


def _qs(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _waits(r: Sequence[Any]) -> bool:
    """A row of an order that waits for its parcel, not held, with a buyer to match by."""
    return bool((r[5] or "").strip()) and r[4] in MERGEABLE and not r[14]


def _key(r: Sequence[Any]) -> tuple[Any, ...]:
    """A row's shop, buyer, receiver and oaid as stored: equal for the orders a page suggests merging (`merge`
    itself also takes receivers that differ only in spaces: app.domain.merges.receiver_key)."""
    return (r[2], *r[5:14])


class _Marks:
    """One page's merge marks over a driver cursor (MergeRepository.marks). Rows stay the driver's tuples (the
    columns of _ROW): building an object per row cost more than the queries."""

    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor

    def rows(self, where: str, params: Sequence[object], *, shops: bool = False) -> list[tuple[Any, ...]]:
        """Orders with the columns of _ROW (the shop's name only with `shops`: candidates need none)."""
        if shops:
            sql = f"SELECT {_ROW} FROM orders o JOIN shops s ON s.id = o.shop_id WHERE {where}"
        else:
            sql = f"SELECT {_ROW.replace('s.name', 'NULL')} FROM orders o WHERE {where}"
        return self.cursor.execute(sql, tuple(params)).fetchall()  # type: ignore[no-any-return]

    def of(self, page: Sequence[tuple[Any, ...]]) -> dict[tuple[str, str], MergeMarks]:
        """The marks of the page's rows that have one (an order alone, without a waybill and with nothing to merge
        with, is left out: most of a page)."""
        parcels = {r[0]: r[16] for r in page if r[16] is not None}
        leads = sorted({r[15] or r[0] for r in page})
        lead_nos = {r[0]: r[1] for r in page}
        groups: dict[int, list[str]] = {}
        for no, lead in self.cursor.execute(
            f"SELECT order_no, merged_into_id FROM orders WHERE merged_into_id IN ({_qs(leads)}) ORDER BY id", leads
        ):
            groups.setdefault(lead, []).append(no)
        away = [i for i in groups if i not in lead_nos]  # leads of the page's members that are not on the page
        if away:
            for r in self.rows(f"o.id IN ({_qs(away)})", away):
                lead_nos[r[0]] = r[1]
                if r[16] is not None:
                    parcels[r[0]] = r[16]
        waiting = [r for r in page if _waits(r)]
        by_key: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
        for r in [*self._waiting(waiting, {r[0] for r in page}), *waiting]:
            by_key.setdefault(_key(r), []).append(r)
        # Only the orders that found another need their lines read.
        ready = self._ready(sorted({r[0] for rows in by_key.values() if len(rows) > 1 for r in rows if r[16] is None}))
        waybills = self._waybills(sorted({parcels[r[15]] for r in page if r[15] in parcels}))
        out: dict[tuple[str, str], MergeMarks] = {}
        for r in page:
            order_id, order_no, lead = r[0], r[1], r[15] or r[0]
            parcel = parcels.get(lead)
            if parcel is None and lead not in groups and order_id not in ready:
                continue  # alone, no waybill, nothing to merge with
            merged = (lead_nos[lead], *groups[lead]) if lead in groups else ()
            package = str(parcel) if parcel is not None else (f"merge-{lead_nos[lead]}" if merged else None)
            could: tuple[str, ...] = ()
            if order_id in ready:
                mine = {*merged, order_no}
                could = tuple(
                    o[1] for o in by_key[_key(r)] if o[0] in ready and o[1] not in mine and (o[15] or o[0]) != lead
                )
            out[(r[3], order_no)] = MergeMarks(package, merged, could, waybills.get(parcel) if r[15] else None)
        return out

    def _waybills(self, package_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(carrier, tracking number) of the parcels `package_ids` (the leads' parcels of the page's members)."""
        if not package_ids:
            return {}
        sql = f"SELECT id, carrier, tracking_no FROM packages WHERE id IN ({_qs(package_ids)})"
        return {int(i): (str(c), str(t)) for i, c, t in self.cursor.execute(sql, tuple(package_ids))}

    def _waiting(self, waiting: Sequence[tuple[Any, ...]], mine: Container[int]) -> list[tuple[Any, ...]]:
        """The waiting orders, not among `mine` (the page's), of the buyers of `waiting` (the page's waiting orders)
        at the same shop and phone: found on the index alone (ix_orders_merge_key covers buyer, shop and phone),
        then read in full, the few there are."""
        if not waiting:
            return []
        probe = {(r[5], r[2], r[7]) for r in waiting}
        nicks = sorted({nick for nick, _shop, _phone in probe})
        others = [
            order_id
            for order_id, nick, shop_id, phone in self.cursor.execute(
                f"SELECT id, buyer_nick, shop_id, receiver_phone FROM orders WHERE buyer_nick IN ({_qs(nicks)})", nicks
            )
            if order_id not in mine and (nick, shop_id, phone) in probe
        ]
        if not others:
            return []
        statuses = sorted(MERGEABLE)
        where = f"o.id IN ({_qs(others)}) AND o.status IN ({_qs(statuses)}) AND o.hold_reason IS NULL"
        return self.rows(where, [*others, *statuses])

    def _ready(self, ids: Sequence[int]) -> set[int]:
        """Those of `ids` (orders without a waybill yet) with a line still to ship (app.domain.merges.eligibility's
        last rule)."""
        if not ids:
            return set()
        return {
            int(order_id)
            for (order_id,) in self.cursor.execute(
                f"SELECT DISTINCT order_id FROM order_lines WHERE order_id IN ({_qs(ids)}) AND shipped = 0 "
                f"AND refund_status NOT IN ({_qs(_BLOCKING_REFUNDS)})",
                (*ids, *_BLOCKING_REFUNDS),
            )
        }

"""The rows merging reads and writes (persistence layer): orders as merge candidates, a lead's group, the link of a
member to its lead (`orders.merged_into_id`), and, for a page of the workspace, each order's parcel key and the
waiting orders it could merge with. The caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, exists, select, update
from sqlalchemy.orm import Session

from app.domain.enums import PackageState
from app.domain.merges import MERGEABLE, MergeCandidate, receiver_key
from app.persistence.repositories import packable_line
from app.persistence.rows import OrderLineRow, OrderRow, PackageRow, ShopRow

_RECEIVER = (
    OrderRow.receiver_name,
    OrderRow.receiver_phone,
    OrderRow.receiver_province,
    OrderRow.receiver_city,
    OrderRow.receiver_district,
    OrderRow.receiver_town,
    OrderRow.receiver_address,
)
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
    yet, not in its parcel already)."""

    package: str | None = None
    merged: tuple[str, ...] = ()
    mergeable_with: tuple[str, ...] = ()


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
        could merge with. A few indexed look-ups per page, whatever the table's size: the page's rows by number,
        its groups' members by lead (ix_orders_merged_into), their live parcels by order, and the candidates by
        buyer (ix_orders_merge_key)."""
        if not keys:
            return {}
        wanted = set(keys)
        page = [c for cs in self.candidates({no for _, no in keys}).values() for c in cs]
        page = [c for c in page if (c.shop, c.order_no) in wanted]
        leads = {c.merged_into or c.id for c in page}
        grouped = self.session.execute(
            select(OrderRow.id, OrderRow.order_no, OrderRow.merged_into_id).where(OrderRow.merged_into_id.in_(leads))
        ).all()
        lead_nos = dict(
            self.session.execute(select(OrderRow.id, OrderRow.order_no).where(OrderRow.id.in_(leads))).all()
        )
        groups: dict[int, list[str]] = {}
        for _id, no, lead in sorted(grouped):
            groups.setdefault(int(lead), []).append(str(no))
        parcels = dict(
            self.session.execute(
                select(PackageRow.order_id, PackageRow.id)
                .where(PackageRow.order_id.in_(leads), PackageRow.state != PackageState.VOID.value)
                .order_by(PackageRow.id)
            ).all()
        )  # the last live one wins
        waiting = self._waiting_by_buyer({c.buyer_nick for c in page if c.buyer_nick.strip()})
        out: dict[tuple[str, str], MergeMarks] = {}
        for c in page:
            lead = c.merged_into or c.id
            merged = (str(lead_nos[lead]), *groups[lead]) if lead in groups else ()
            parcel = parcels.get(lead)
            package = str(parcel) if parcel is not None else (f"merge-{lead_nos[lead]}" if merged else None)
            mine = set(merged) | {c.order_no}
            key = (c.shop_id, *receiver_key(c), c.oaid)
            could = (
                tuple(
                    o.order_no
                    for o in waiting.get(key, ())
                    if o.order_no not in mine and (o.merged_into or o.id) != lead
                )
                if _may_merge(c)
                else ()
            )
            out[(c.shop, c.order_no)] = MergeMarks(package, merged, could)
        return out

    def _waiting_by_buyer(self, nicks: set[str]) -> dict[tuple[object, ...], list[MergeCandidate]]:
        """The orders of these buyers that could merge now, by shop, buyer, receiver and oaid."""
        if not nicks:
            return {}
        found: dict[tuple[object, ...], list[MergeCandidate]] = {}
        query = _candidates_query().where(OrderRow.buyer_nick.in_(nicks), OrderRow.status.in_(MERGEABLE))
        for r in self.session.execute(query.order_by(OrderRow.deadline, OrderRow.id)):
            c = _candidate(r)
            if _may_merge(c):
                found.setdefault((c.shop_id, *receiver_key(c), c.oaid), []).append(c)
        return found


def _may_merge(c: MergeCandidate) -> bool:
    return c.status in MERGEABLE and not c.hold_reason and c.packable and not c.tracking_no

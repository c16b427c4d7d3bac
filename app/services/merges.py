"""Merging waiting orders into one parcel, and undoing it before the parcel prints (services layer).

`merge_orders` puts the named orders (and the orders already merged with any of them) into one parcel: the rules of
app.domain.merges decide locally; for a Taobao/Tmall shop with an API connection whose orders carry an `oaid`
(privacy orders), the platform's merge check `taobao.top.oaid.merge` must also put them in one group. The check is
asked outside any transaction; the orders are read again and linked in one transaction (audited), so an order that
changed meanwhile (printed, closed, merged elsewhere) is refused then, not merged. A refusal raises InvalidInput with
the reason; nothing changes.

From then on every reader of the lead (or of any member: a member's number opens the whole parcel) sees the merged
parcel (app.persistence.repositories.OrderRepository): one waybill whose request names every order number, one label
with every line, memo and buyer message, one verification at the bench, and a ship-back for each order with the
same tracking number (app.services.shipping.mark_shipped).

`unmerge_order` takes an order out of its parcel (the lead: the whole group comes apart) while no waybill number is
taken for the parcel; once it printed it refuses with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Platform
from app.domain.errors import InvalidInput, PackDeskError
from app.domain.merges import MergeCandidate, choose_lead, group_refusal, leaving, platform_groups_refusal
from app.domain.messages import msg
from app.domain.shops import Shop
from app.persistence.merges import MergeRepository
from app.persistence.shops import ShopRepository
from app.services.audit import Actor, audit

# The platform's merge check of one shop: its groups of (order number, oaid) that may share a parcel
# (app.sync.oaid_merge.merge_groups over the shop's client).
PlatformCheck = Callable[[Shop, Sequence[tuple[str, str]]], list[list[str]]]
_CHECKED = (Platform.TAOBAO, Platform.TMALL)


@dataclass(frozen=True)
class MergedParcel:
    """A merged parcel: its key (as `orders --json` shows it), the lead and every order in it (lead first)."""

    package: str
    lead: str
    orders: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"package": self.package, "lead": self.lead, "orders": list(self.orders)}


def _numbers(order_nos: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in order_nos if n.strip()))


def _group(repo: MergeRepository, numbers: Sequence[str]) -> list[MergeCandidate]:
    """The named orders with the orders already merged with them, lead first.

    Raises:
        InvalidInput: an unknown order, orders in two merged parcels already, or all already together.
    """
    found = repo.candidates(numbers)
    named: list[MergeCandidate] = []
    for no in numbers:
        if no not in found:
            raise InvalidInput(msg("actions.unknown_order", order_no=no))
        named.extend(found[no])
    leads = {c.merged_into for c in named if c.merged_into is not None}
    grouped = {c.id: repo.group(c.id) for c in named if c.merged_into is None}
    leads |= {lead for lead, members in grouped.items() if len(members) > 1}
    if len(leads) > 1:
        raise InvalidInput(msg("merge.two_parcels", orders=", ".join(numbers)))
    group = {c.id: c for c in named}
    if leads:
        lead = next(iter(leads))
        existing = repo.group(lead)
        if {c.id for c in named} <= {c.id for c in existing}:
            raise InvalidInput(msg("merge.already_together", orders=", ".join(c.order_no for c in existing)))
        group = {c.id: c for c in (*existing, *named)}
    ordered = list(group.values())
    lead_c = choose_lead(ordered)
    return [lead_c, *(c for c in ordered if c.id != lead_c.id)]


def _not_at_bench(repo: MergeRepository, group: Sequence[MergeCandidate], refusal: str) -> None:
    """Refuses to change a parcel a bench has open: the packer there verifies the lines it had when opened.

    Raises:
        InvalidInput: with the order and the bench.
    """
    open_at = repo.open_at_bench(c.id for c in group)
    for c in group:
        if c.id in open_at:
            raise InvalidInput(msg(refusal, order_no=c.order_no, station=open_at[c.id]))


def _shop(session: Session, group: Sequence[MergeCandidate]) -> Shop | None:
    return ShopRepository(session).get(group[0].shop_id)


def merge_orders(
    session_factory: sessionmaker[Session],
    order_nos: Iterable[str],
    actor: Actor,
    now: datetime,
    *,
    platform_check: PlatformCheck | None = None,
) -> MergedParcel:
    """Merges the named orders into one parcel (see the module's docstring); returns it.

    Args:
        platform_check: asks the platform's merge check for a shop (None: privacy orders of API shops are refused,
            the platform not being reachable from here).

    Raises:
        InvalidInput: fewer than two orders, an unknown one, or a refusal with its reason (nothing changes).
    """
    numbers = _numbers(order_nos)
    if len(numbers) < 2:
        raise InvalidInput(msg("merge.too_few"))
    with session_factory() as session:
        repo = MergeRepository(session)
        group = _group(repo, numbers)
        why = group_refusal(group)
        if why is not None:
            raise InvalidInput(why)
        shop = _shop(session, group)
    if shop is not None and shop.has_api and shop.platform in _CHECKED and group[0].oaid:
        if platform_check is None:
            raise InvalidInput(msg("merge.check_failed", reason=msg("merge.no_check")))
        try:
            groups = platform_check(shop, [(c.order_no, c.oaid) for c in group])
        except PackDeskError as exc:
            raise InvalidInput(msg("merge.check_failed", reason=exc.msg)) from exc
        why = platform_groups_refusal([c.order_no for c in group], groups)
        if why is not None:
            raise InvalidInput(why)
    with session_factory.begin() as session:
        repo = MergeRepository(session)
        again = _group(repo, numbers)
        why = group_refusal(again)
        if why is not None:
            raise InvalidInput(why)
        if {c.id for c in again} != {c.id for c in group}:
            raise InvalidInput(msg("merge.changed", orders=", ".join(numbers)))
        _not_at_bench(repo, again, "merge.at_bench")
        lead, members = again[0], again[1:]
        repo.link([c.id for c in members], lead.id)
        orders = tuple(c.order_no for c in again)
        for c in again:  # each order's own trail says it
            audit(session, actor, "merge", "order", c.order_no, lead=lead.order_no, orders=list(orders),
                  at=now.isoformat())  # fmt: skip
    return MergedParcel(f"merge-{lead.order_no}", lead.order_no, orders)


def unmerge_order(session_factory: sessionmaker[Session], order_no: str, actor: Actor, now: datetime) -> MergedParcel:
    """Takes `order_no` out of its merged parcel (its lead: the whole parcel comes apart); returns the parcel as it
    was.

    Raises:
        InvalidInput: unknown, not merged, or the parcel's waybill already taken or printed (nothing changes).
    """
    no = order_no.strip()
    with session_factory.begin() as session:
        repo = MergeRepository(session)
        found = repo.candidates([no]).get(no)
        if not found:
            raise InvalidInput(msg("actions.unknown_order", order_no=no))
        c = found[0]
        group = repo.group(c.merged_into if c.merged_into is not None else c.id)
        if len(group) < 2:
            raise InvalidInput(msg("unmerge.not_merged", order_no=no))
        lead = group[0]
        orders = tuple(g.order_no for g in group)
        if lead.printed:
            raise InvalidInput(msg("unmerge.printed", orders=", ".join(orders), tracking_no=lead.tracking_no or ""))
        if lead.tracking_no:
            raise InvalidInput(msg("unmerge.has_waybill", orders=", ".join(orders), tracking_no=lead.tracking_no))
        _not_at_bench(repo, group, "unmerge.at_bench")
        leaving = [g.id for g in group[1:]] if c.id == lead.id else [c.id]
        repo.link(leaving, None)
        for g in group:
            if g.id in leaving or g.id == lead.id:
                audit(session, actor, "unmerge", "order", g.order_no, lead=lead.order_no, orders=list(orders),
                      left=[o.order_no for o in group if o.id in leaving], at=now.isoformat())  # fmt: skip
    return MergedParcel(f"merge-{lead.order_no}", lead.order_no, orders)


SYNC = Actor("sync", "")


def unmerge_changed(session: Session, order_ids: Sequence[int]) -> list[str]:
    """Takes out of their merged parcels the orders a sync changed so that they no longer belong (another address
    or buyer, closed, shipped elsewhere), in the caller's transaction (the sync's), audited; a parcel whose label
    printed stays as it is (the bench stops it when an order of it must not ship). Returns the orders taken out."""
    repo = MergeRepository(session)
    out: list[str] = []
    for group in repo.groups_of(order_ids):
        gone = leaving(group)
        if not gone:
            continue
        repo.link([c.id for c in gone], None)
        orders = [c.order_no for c in group]
        for c in (group[0], *gone):
            audit(session, SYNC, "unmerge", "order", c.order_no, lead=group[0].order_no, orders=orders,
                  left=[g.order_no for g in gone], reason="changed on the platform")  # fmt: skip
        out += [c.order_no for c in gone]
    return out


__all__ = ["MergedParcel", "PlatformCheck", "merge_orders", "unmerge_changed", "unmerge_order"]

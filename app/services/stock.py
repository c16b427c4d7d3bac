"""Stock use cases (services layer): the recomputation that keeps waiting orders in or out of stock, on-hand stock
set, adjusted, counted and shipped, the stock list, and a supervisor's override of a shortage.

`recompute(session)` runs in the caller's transaction, after every change that moves stock or waiting units: order
sync and file imports, product sheet imports, set / adjust / count, shipping, and a supervisor's override. It reads
what app.domain.stock.allot needs with plain SQL, allots, and writes only the differences: the orders' status
(awaiting shipment or partly shipped <-> out of stock), their shortages, and the products' reserved units.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Message, msg
from app.domain.orders import CHINA_TZ, Order
from app.domain.packages import Package, StoredOrder
from app.domain.stock import MOST_UNITS, Shortage, StockLevel, StockMove, allot, describe, status_after
from app.persistence.order_actions import OrderActionRepository
from app.persistence.repositories import OrderRepository
from app.persistence.stock import StockRepository, lock, shortages_of_order
from app.services.audit import Actor, audit


@dataclass(frozen=True)
class Recomputed:
    """What a recomputation changed: orders now out of stock, orders released, products whose reserved changed."""

    short: int = 0
    released: int = 0
    products: int = 0


def recompute(session: Session) -> Recomputed:
    """Allots on-hand stock to the waiting orders again and writes what changed, in the caller's transaction."""
    repo = StockRepository(session)
    lock(session)  # what is read below stays true until the caller commits
    repo.clear_finished_overrides()
    given = repo.allotment_input()
    # orders the seller marked out of stock by hand stay so and reserve nothing until released or their expected
    # date (app.domain.order_actions); held orders are not waiting, so they reserve nothing either
    marked = OrderActionRepository(session).stock_marks(datetime.now(UTC))
    waiting = [o for o in given.orders if o.id not in marked] if marked else given.orders
    result = allot(given.on_hand, waiting)
    # statuses: orders short now, and orders out of stock that no longer are
    changed: dict[int, str] = {}
    released = [oid for oid, status in given.statuses.items() if status == OrderStatus.OUT_OF_STOCK.value
                and oid not in result.short and oid not in marked]  # fmt: skip
    shipped_some = repo.shipped_some(released)
    for oid in released:
        changed[oid] = status_after(OrderStatus.OUT_OF_STOCK, short=False, shipped_some=oid in shipped_some).value
    for oid in result.short:
        status = given.statuses[oid]
        if status != OrderStatus.OUT_OF_STOCK.value:
            changed[oid] = status_after(OrderStatus(status), short=True, shipped_some=False).value
    repo.write_statuses(changed)
    # shortages
    stale = [(oid, pid) for oid, per in given.shortages.items() for pid in per
             if pid not in result.short.get(oid, {})]  # fmt: skip
    fresh = [(oid, pid, missing) for oid, per in result.short.items() for pid, missing in per.items()
             if given.shortages.get(oid, {}).get(pid) != missing]  # fmt: skip
    repo.write_shortages(stale, fresh)
    # reserved units
    reserved = {pid: units for pid, units in result.reserved.items() if given.reserved.get(pid, 0) != units}
    reserved.update({pid: 0 for pid, units in given.reserved.items() if units and pid not in result.reserved})
    repo.write_reserved(reserved)
    short = sum(1 for oid in result.short if given.statuses[oid] != OrderStatus.OUT_OF_STOCK.value)
    return Recomputed(short, len(released), len(reserved))


def _marked(session: Session, stored: StoredOrder) -> Message | None:
    """The seller's own words when `stored` is marked out of stock by hand (app.services.order_actions)."""
    mark = OrderActionRepository(session).stock_mark_of(stored.id)
    if mark is None:
        return None
    when = mark.expected.astimezone(CHINA_TZ).date().isoformat() if mark.expected else msg("actions.no_date")
    return msg("actions.stock_stop", order_no=stored.order.order_no, reason=mark.reason, date=when)


def refusal(session: Session, stored: StoredOrder) -> Message | None:
    """Why the print queue refuses `stored` for want of stock (which SKUs, how many), or None: only an order out of
    stock is refused (an overridden one is never out of stock: the allotment counts it first)."""
    if stored.order.status is not OrderStatus.OUT_OF_STOCK:
        return None
    marked = _marked(session, stored)
    if marked is not None:
        return marked
    short = shortages_of_order(session, stored.id)
    return msg("stock.print_refused", order_no=stored.order.order_no, short=describe(short) or "?")


def bench_refusal(session: Session, stored: StoredOrder) -> Message | None:
    """What the bench says when an out-of-stock order is scanned, or None when it may be packed."""
    if stored.order.status is not OrderStatus.OUT_OF_STOCK:
        return None
    marked = _marked(session, stored)
    if marked is not None:
        return marked
    return msg("stock.bench_refused", short=describe(shortages_of_order(session, stored.id)) or "?")


def ship_stock(session: Session, stored: StoredOrder, package: Package, actor: Actor, now: datetime) -> bool:
    """Takes the parcel's units (the order's packable lines) off on-hand stock, once per parcel and product, in the
    caller's transaction (the shipment's).

    Returns:
        Whether the allotment must be recomputed once the order is marked shipped: it took tracked stock, or it was
        out of stock (its shortages go). An order of untracked SKUs only changes no one's allotment.
    """
    units: dict[str, int] = {}
    for line in stored.order.lines:
        if line.packable:
            units[line.sku] = units.get(line.sku, 0) + line.units
    repo = StockRepository(session)
    per_product = repo.tracked_units(units)
    if per_product:
        lock(session)
        if repo.status_of(stored.id) == OrderStatus.SHIPPED.value:
            return False  # another process shipped it since it was read: its units left with that parcel
        taken = repo.ship(package.id, stored.id, per_product, actor.name, now)
        short = [(pid, asked, took) for pid, asked, took in taken if took < asked]
        if short:  # shipped more than the figure said: recorded, and the seller sees it in the audit log
            audit(session, actor, "stock_shipped_beyond", "order", stored.order.order_no,
                  products=[{"product_id": p, "shipped": a, "on_hand": t} for p, a, t in short])  # fmt: skip
    return bool(per_product) or stored.order.status is OrderStatus.OUT_OF_STOCK


def _product(repo: StockRepository, sku: str) -> tuple[int, str]:
    found = repo.product_of(sku.strip())
    if found is None:
        raise NotFound(msg("stock.unknown_sku", sku=sku.strip()))
    return found


def _check_figure(sku: str, on_hand: int) -> None:
    if not 0 <= on_hand <= MOST_UNITS:
        raise InvalidInput(msg("stock.out_of_range", sku=sku, on_hand=on_hand, most=MOST_UNITS))


@dataclass(frozen=True)
class StockChange:
    """A SKU's on-hand stock after a change, and by how much it changed (0: it already was so)."""

    sku: str
    on_hand: int
    delta: int

    def to_json(self) -> dict[str, Any]:
        return {"sku": self.sku, "on_hand": self.on_hand, "delta": self.delta}


def set_stock(
    session_factory: sessionmaker[Session], sku: str, on_hand: int, actor: Actor, now: datetime, reason: str = ""
) -> StockChange:
    """Sets a SKU's on-hand stock (the SKU is tracked from now on), recorded as a `set` move and audited.

    Raises:
        NotFound: no product by that SKU (or item code).
        InvalidInput: a figure below 0 or beyond MOST_UNITS.
    """
    _check_figure(sku, on_hand)
    with session_factory.begin() as session:
        repo = StockRepository(session)
        lock(session)
        pid, name = _product(repo, sku)
        delta = repo.set_on_hand(pid, on_hand, "set", reason.strip(), actor.name, now)
        if delta is not None:
            audit(session, actor, "stock_set", "product", name, on_hand=on_hand, delta=delta, reason=reason.strip())
            recompute(session)
        return StockChange(name, on_hand, delta or 0)


def adjust_stock(
    session_factory: sessionmaker[Session], sku: str, delta: int, actor: Actor, now: datetime, reason: str
) -> StockChange:
    """Adds `delta` pieces to a SKU's on-hand stock (negative: takes them off), with a reason; recorded as an
    `adjust` move and audited. One conditional UPDATE: two processes adjusting at once never take it below zero.

    Raises:
        NotFound: no product by that SKU.
        InvalidInput: no reason, a delta of 0, or one that would take the stock below zero (nothing changes).
    """
    if not reason.strip():
        raise InvalidInput(msg("stock.needs_reason"))
    if delta == 0:
        raise InvalidInput(msg("stock.adjust_zero"))
    if abs(delta) > MOST_UNITS:
        raise InvalidInput(msg("stock.out_of_range", sku=sku, on_hand=delta, most=MOST_UNITS))
    with session_factory.begin() as session:
        repo = StockRepository(session)
        lock(session)
        pid, name = _product(repo, sku)
        after = repo.add_on_hand(pid, delta, reason.strip(), actor.name, now)
        if after is None:
            on_hand, _tracked = repo.on_hand(pid)
            raise InvalidInput(msg("stock.adjust_below_zero", sku=name, on_hand=on_hand, units=-delta))
        audit(session, actor, "stock_adjust", "product", name, delta=delta, on_hand=after, reason=reason.strip())
        recompute(session)
        return StockChange(name, after, delta)


def commit_count(
    session_factory: sessionmaker[Session], counts: Mapping[str, int], actor: Actor, now: datetime, reason: str = ""
) -> list[StockChange]:
    """Commits a stock count: the counted SKUs' on-hand stock is set to what was counted (`count` moves, audited),
    all or nothing, in one transaction.

    Args:
        counts: SKU -> pieces counted.
        reason: what the count was (a shelf, a delivery); "stock count" when empty.

    Raises:
        NotFound: a SKU not in the catalogue (nothing is committed).
        InvalidInput: a figure below 0 or beyond MOST_UNITS (nothing is committed).
    """
    for sku, units in counts.items():
        _check_figure(sku, units)
    why = reason.strip() or "stock count"
    changes = []
    with session_factory.begin() as session:
        repo = StockRepository(session)
        lock(session)
        for sku, units in counts.items():
            pid, name = _product(repo, sku)
            delta = repo.set_on_hand(pid, units, "count", why, actor.name, now)
            changes.append(StockChange(name, units, delta or 0))
        moved = [c for c in changes if c.delta]
        audit(session, actor, "stock_count", "stock", len(changes), reason=why,
              counted={c.sku: c.on_hand for c in changes}, changed={c.sku: c.delta for c in moved})  # fmt: skip
        recompute(session)
    return changes


def stock_levels(
    session_factory: sessionmaker[Session], *, search: str | None = None, low: bool = False, limit: int = 500
) -> list[StockLevel]:
    """Tracked SKUs with on hand, reserved, available and safety stock, and the waiting orders that need each.

    Args:
        search: a piece of the SKU, title, spec or item code.
        low: only SKUs whose available stock is under their safety stock.
        limit: at most this many.

    Raises:
        InvalidInput: a limit below 1.
    """
    if limit < 1:
        raise InvalidInput(msg("stock.limit_too_small"))
    with session_factory() as session:
        return StockRepository(session).levels(search=search, low=low, limit=limit)


def stock_moves(session_factory: sessionmaker[Session], sku: str, *, limit: int = 50) -> list[StockMove]:
    """A SKU's latest stock moves (set, adjust, count, import, ship), newest first, with who and why.

    Raises:
        NotFound: no product by that SKU.
        InvalidInput: a limit below 1.
    """
    if limit < 1:
        raise InvalidInput(msg("stock.limit_too_small"))
    with session_factory() as session:
        repo = StockRepository(session)
        pid, _name = _product(repo, sku)
        return repo.moves(pid, limit)


def low_stock_count(session_factory: sessionmaker[Session]) -> int:
    """How many tracked SKUs have less available than their safety stock (the status bar's figure)."""
    with session_factory() as session:
        return StockRepository(session).low_count()


def override_shortage(
    session_factory: sessionmaker[Session], order_no: str, actor: Actor, reason: str
) -> tuple[Shortage, ...]:
    """A supervisor (`actor`) lets an out-of-stock order print and pack anyway, with a reason (audited). The order is
    allotted first from then on (never short) until it ships or closes; other orders may become short instead.

    Returns:
        The shortages that were overridden.

    Raises:
        NotFound: no such order.
        InvalidInput: no reason, or the order is not out of stock.
    """
    if not reason.strip():
        raise InvalidInput(msg("stock.override_needs_reason"))
    with session_factory.begin() as session:
        lock(session)
        stored = OrderRepository(session).stored(order_no)
        if stored is None:
            raise NotFound(msg("order.not_found", order_no=order_no))
        if stored.order.status is not OrderStatus.OUT_OF_STOCK:
            raise InvalidInput(msg("stock.not_short", order_no=stored.order.order_no))
        short = shortages_of_order(session, stored.id)
        override_in(session, stored, actor, reason)
        return short


def override_in(session: Session, stored: StoredOrder, supervisor: Actor, reason: str) -> OrderStatus:
    """Lets the out-of-stock order `stored` go (orders.stock_override, audited with the supervisor's name and the
    shortages), and allots stock again, in the caller's transaction; returns its status now."""
    lock(session)
    short = shortages_of_order(session, stored.id)
    StockRepository(session).override(stored.id)
    audit(session, supervisor, "stock_override", "order", stored.order.order_no, supervisor=supervisor.name,
          reason=reason.strip(), short=[s.to_json() for s in short])  # fmt: skip
    recompute(session)
    return OrderStatus(StockRepository(session).status_of(stored.id))


def released(session: Session, stored: StoredOrder, supervisor: Actor, reason: str) -> None:
    """A supervisor let the held order `stored` wait again (its hold lifted, in the caller's transaction): stock is
    allotted again, and when it is now short the supervisor's word lets it go short too (`override_in`)."""
    session.flush()
    recompute(session)
    if StockRepository(session).status_of(stored.id) == OrderStatus.OUT_OF_STOCK.value:
        override_in(session, stored, supervisor, reason)


def with_shortages(session: Session, orders: list[Order]) -> list[Order]:
    """`orders` with the shortages of those out of stock (one query for the shown orders only)."""
    from dataclasses import replace

    from app.persistence.stock import shortages_of

    wanted = {o.order_no for o in orders if o.status is OrderStatus.OUT_OF_STOCK}
    found = shortages_of(session, wanted) if wanted else {}
    if not found:
        return orders
    return [replace(o, short=found.get((o.shop, o.order_no), ())) if o.order_no in wanted else o for o in orders]


def sheet_stock_before(session: Session, on_hand: Mapping[str, int]) -> dict[str, tuple[int, int, bool]]:
    """What the catalogue holds of the SKUs a product sheet gives stock for, before the sheet is written."""
    from app.persistence.stock import sheet_levels

    return sheet_levels(session, on_hand)


def record_sheet_stock(
    session: Session, on_hand: Mapping[str, int], before: Mapping[str, tuple[int, int, bool]], source: str,
    now: datetime,
) -> int:  # fmt: skip
    """After a product sheet was written: the SKUs it gave stock for are tracked, each change an `import` move
    (reason: the file), and stock is allotted again. Same sheet again: nothing moves, nothing is recomputed.

    Args:
        on_hand: SKU -> the sheet's stock figure (rows the import accepted).
        before: `sheet_stock_before`'s answer.
        source: the file's name.

    Returns:
        How many SKUs moved.
    """
    from app.persistence.stock import record_sheet_stock as record
    from app.persistence.stock import sheet_levels

    after = sheet_levels(session, on_hand)
    moves = []
    for sku, value in on_hand.items():
        if sku not in after:
            continue
        pid = after[sku][0]
        _pid, old, tracked = before.get(sku, (pid, 0, False))
        if not tracked or old != value:
            moves.append((pid, old, value))
    if moves:
        lock(session)
        record(session, moves, source, "import", now)
        audit(session, Actor("import", ""), "stock_import", "file", source, skus=len(moves),
              units=sum(after - before for _pid, before, after in moves))  # fmt: skip
        recompute(session)
    return len(moves)

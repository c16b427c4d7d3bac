"""Acting on the backlog, one order or a selection (services layer): the flag colour, the seller memo (written or
appended), hold and release with a reason, expedite on and off, and a manual out-of-stock mark with an expected date.

Each function takes order numbers and returns an `ActionReport`: the orders changed and, for every other one, why
not. Every change is audited in the same transaction (who, when, what, the value before), and `report.before` gives
the window what to set back to undo it (hold <-> release, expedite on <-> off, the previous flag or memo).

Flags and memos of Taobao/Tmall shops with an API connection are written back to the platform through the durable
outbox (app.sync.memo_push), queued in the same transaction as the change: never lost offline, never sent twice; a
later order sync keeps the local values while their write-back waits (app.sync.store). Other shops' flags and memos
stay local. A hold or a manual mark takes the order out of the stock allotment at once (app.services.stock.recompute):
it reserves nothing, and the print queue and the bench refuse it with its reason until it is released.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus
from app.domain.errors import InvalidInput
from app.domain.messages import Message, msg
from app.domain.order_actions import (
    COLOURS,
    ActionReport,
    MemoPayload,
    appended,
    check_memo,
    finished,
    parse_colour,
    released_status,
)
from app.domain.orders import CHINA_TZ
from app.persistence.order_actions import OrderActionRepository, Target
from app.services.audit import Actor, audit
from app.services.notices import on_trigger
from app.services.stock import recompute


def _numbers(order_nos: Iterable[str]) -> list[str]:
    found = list(dict.fromkeys(n.strip() for n in order_nos if n.strip()))
    if not found:
        raise InvalidInput(msg("actions.no_orders"))
    return found


def _each(
    session_factory: sessionmaker[Session],
    order_nos: Iterable[str],
    action: str,
    act: Callable[[Session, OrderActionRepository, Target, ActionReport], Message | None],
    *,
    allot: bool = False,
) -> ActionReport:
    """Runs `act` on every named order in one transaction; `act` changes the order (and records `before`) or
    returns why not. With `allot`, stock is allotted again once, after the changes."""
    numbers = _numbers(order_nos)
    report = ActionReport(action)
    with session_factory.begin() as session:
        repo = OrderActionRepository(session)
        found = repo.targets(numbers)
        for no in numbers:
            targets = found.get(no)
            if not targets:
                report.skip(no, msg("actions.unknown_order", order_no=no))
                continue
            for target in targets:
                try:
                    why = act(session, repo, target, report)
                except InvalidInput as exc:  # this order's own trouble (a memo too long): the others go on
                    why = exc.msg
                if why is None:
                    report.done.append(no)
                else:
                    report.skip(no, why)
        if allot and report.done:
            recompute(session)
    return report


def _write_back(repo: OrderActionRepository, t: Target, flag: int, memo: str, now: datetime) -> None:
    if t.writes_back:
        repo.enqueue_memo(shop_id=t.shop_id, order_id=t.id, payload=MemoPayload(t.order_no, flag, memo), now=now)


def set_flag(
    session_factory: sessionmaker[Session], order_nos: Iterable[str], colour: str, actor: Actor, now: datetime
) -> ActionReport:
    """Sets the flag colour (red, yellow, green, blue, purple, none) of the named orders.

    Raises:
        InvalidInput: no order named, or not a colour (nothing changes).
    """
    flag = parse_colour(colour)

    def act(session: Session, repo: OrderActionRepository, t: Target, report: ActionReport) -> Message | None:
        if t.flag == flag.value:
            return msg("actions.unchanged", order_no=t.order_no)
        repo.set(t.id, flag=flag.value)
        _write_back(repo, t, flag.value, t.memo, now)
        report.before[t.order_no] = _colour(t.flag)
        audit(session, actor, "flag", "order", t.order_no, before=_colour(t.flag), after=flag.label)
        return None

    return _each(session_factory, order_nos, "flag", act)


def _colour(value: int) -> str:
    return next((name for name, f in COLOURS.items() if f.value == value), str(value))


def write_memo(
    session_factory: sessionmaker[Session],
    order_nos: Iterable[str],
    text: str,
    *,
    append: bool,
    actor: Actor,
    now: datetime,
) -> ActionReport:
    """Writes the seller memo of the named orders (replaces it; with `append`, adds `text` on a new line).

    An order whose memo would pass the platform's 1000 bytes is skipped with its size. An empty text without
    `append` clears the memo.

    Raises:
        InvalidInput: no order named, or nothing to append.
    """
    text = text.strip()
    if append and not text:
        raise InvalidInput(msg("actions.empty_memo"))

    def act(session: Session, repo: OrderActionRepository, t: Target, report: ActionReport) -> Message | None:
        memo = appended(t.memo, text) if append else text
        if memo == t.memo:
            return msg("actions.unchanged", order_no=t.order_no)
        check_memo(t.order_no, memo)
        repo.set(t.id, seller_memo=memo)
        _write_back(repo, t, t.flag, memo, now)
        report.before[t.order_no] = t.memo
        audit(session, actor, "memo", "order", t.order_no, before=t.memo, after=memo, append=append)
        return None

    return _each(session_factory, order_nos, "memo", act)


def _reason(reason: str) -> str:
    if not reason.strip():
        raise InvalidInput(msg("actions.needs_reason"))
    return reason.strip()


def hold(
    session_factory: sessionmaker[Session], order_nos: Iterable[str], reason: str, actor: Actor, now: datetime
) -> ActionReport:
    """Puts the named waiting orders on hold with `reason` (the print queue and the bench refuse them with it);
    they reserve no stock while held.

    Raises:
        InvalidInput: no order named, or no reason.
    """
    why = _reason(reason)

    def act(session: Session, repo: OrderActionRepository, t: Target, report: ActionReport) -> Message | None:
        stop = finished(t.order_no, t.status)
        if stop is not None:
            return stop
        if t.hold_reason is not None:
            return msg("actions.already_held", order_no=t.order_no, reason=t.hold_reason)
        if t.status == OrderStatus.ON_HOLD.value:
            return msg("actions.platform_hold", order_no=t.order_no)
        repo.set(t.id, status=OrderStatus.ON_HOLD.value, hold_reason=why)
        report.before[t.order_no] = t.status
        audit(session, actor, "hold", "order", t.order_no, before=t.status, reason=why, at=now.isoformat())
        return None

    return _each(session_factory, order_nos, "hold", act, allot=True)


def release(
    session_factory: sessionmaker[Session], order_nos: Iterable[str], actor: Actor, now: datetime
) -> ActionReport:
    """Lets the named orders go: a hold and a manual out-of-stock mark are lifted; the stock allotment then decides
    whether each is awaiting shipment or out of stock. A hold the platform set (shipping blocked there) cannot be
    lifted here.

    Raises:
        InvalidInput: no order named.
    """

    def act(session: Session, repo: OrderActionRepository, t: Target, report: ActionReport) -> Message | None:
        stop = finished(t.order_no, t.status)
        if stop is not None:
            return stop
        if t.hold_reason is None and t.stock_mark is None:
            if t.status == OrderStatus.ON_HOLD.value:
                return msg("actions.platform_hold", order_no=t.order_no)
            return msg("actions.not_held", order_no=t.order_no)
        status = released_status(shipped_some=repo.shipped_some(t.id)).value
        repo.set(t.id, status=status, hold_reason=None, stock_mark=None, stock_expected=None)
        report.before[t.order_no] = {"hold_reason": t.hold_reason, "stock_mark": t.stock_mark}
        audit(session, actor, "release", "order", t.order_no, before=t.status, hold_reason=t.hold_reason,
              stock_mark=t.stock_mark, at=now.isoformat())  # fmt: skip
        return None

    return _each(session_factory, order_nos, "release", act, allot=True)


def expedite(
    session_factory: sessionmaker[Session], order_nos: Iterable[str], on: bool, actor: Actor, now: datetime
) -> ActionReport:
    """Marks the named waiting orders as urgent (they sort first with `-priority`) or takes the mark off.

    Raises:
        InvalidInput: no order named.
    """
    wanted = 1 if on else 0

    def act(session: Session, repo: OrderActionRepository, t: Target, report: ActionReport) -> Message | None:
        stop = finished(t.order_no, t.status) if on else None
        if stop is not None:
            return stop
        if t.priority == wanted:
            return msg("actions.unchanged", order_no=t.order_no)
        repo.set(t.id, priority=wanted)
        report.before[t.order_no] = bool(t.priority)
        audit(session, actor, "expedite", "order", t.order_no, before=bool(t.priority), after=on, at=now.isoformat())
        return None

    return _each(session_factory, order_nos, "expedite", act)


def expected_at(expected: date | None, now: datetime) -> datetime | None:
    """The moment a mark expecting stock on `expected` lapses: that day's start in China time.

    Raises:
        InvalidInput: a date that is not after today (China time).
    """
    if expected is None:
        return None
    if expected <= now.astimezone(CHINA_TZ).date():
        raise InvalidInput(msg("actions.expected_past", date=expected.isoformat()))
    return datetime.combine(expected, time(0), CHINA_TZ)


def mark_out_of_stock(
    session_factory: sessionmaker[Session],
    order_nos: Iterable[str],
    expected: date | None,
    reason: str,
    actor: Actor,
    now: datetime,
) -> ActionReport:
    """Marks the named waiting orders out of stock by hand, with why and the date stock is expected (None: not
    said). The automatic allotment leaves them out of stock, reserving nothing, until `release` or the expected
    date (app.domain.order_actions says why).

    Raises:
        InvalidInput: no order named, no reason, or an expected date that is not after today.
    """
    why = _reason(reason)
    until = expected_at(expected, now)

    def act(session: Session, repo: OrderActionRepository, t: Target, report: ActionReport) -> Message | None:
        stop = finished(t.order_no, t.status)
        if stop is not None:
            return stop
        if t.stock_mark is not None:
            return msg("actions.already_marked", order_no=t.order_no, reason=t.stock_mark)
        if t.status == OrderStatus.ON_HOLD.value:
            return msg(
                "actions.already_held", order_no=t.order_no, reason=t.hold_reason or msg("order.blocked.on_hold")
            )
        repo.set(t.id, status=OrderStatus.OUT_OF_STOCK.value, stock_mark=why, stock_expected=until)
        report.before[t.order_no] = t.status
        audit(session, actor, "mark_out_of_stock", "order", t.order_no, before=t.status, reason=why,
              expected=expected.isoformat() if expected else None)  # fmt: skip
        on_trigger(session, "out_of_stock", t.order_no, actor, now, reason=why, day=expected)  # if switched on
        return None

    return _each(session_factory, order_nos, "out_of_stock", act, allot=True)


__all__ = [
    "ActionReport",
    "expedite",
    "hold",
    "mark_out_of_stock",
    "release",
    "set_flag",
    "write_memo",
]

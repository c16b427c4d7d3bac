"""The rows acting on the backlog reads and writes (persistence layer): the orders named by number with what the
actions look at, their flag, memo, priority, hold and manual out-of-stock mark, and the outbox entries (kind `memo`)
that write a flag and memo back to Taobao.

One entry waits per order at a time: a change while one is still pending (not yet tried) rewrites its values, so a
seller who changes a memo three times offline sends the last one once; a change while one is being sent (or whose
last attempt was unclear) queues a new entry behind it. The caller owns the transaction.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from app.domain.enums import Flag, OrderStatus, OutboxState, Platform
from app.domain.messages import Message
from app.domain.order_actions import MemoPayload, StockMark
from app.persistence.outbox import OutboxRepository
from app.persistence.rows import OrderLineRow, OrderRow, OutboxRow, ShopRow

MEMO = "memo"
_WRITES_BACK = (Platform.TAOBAO.value, Platform.TMALL.value)  # taobao.trade.memo.update


@dataclass(frozen=True)
class Target:
    """An order as an action sees it."""

    id: int
    order_no: str
    shop_id: int
    writes_back: bool  # a Taobao/Tmall shop with an API connection: flag and memo go back to the platform
    status: str
    flag: int
    memo: str
    priority: int
    hold_reason: str | None
    stock_mark: str | None


@dataclass(frozen=True)
class ClaimedMemo:
    payload: MemoPayload
    shop_id: int
    verify_first: bool  # it may have been applied already: read the trade before sending again


class OrderActionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._untried: dict[int, OutboxRow | None] = {}  # order id -> its write-back not yet tried (None: none)

    def targets(self, order_nos: Iterable[str]) -> dict[str, list[Target]]:
        """The cached orders by number (a number two shops share names both)."""
        wanted = list(dict.fromkeys(order_nos))
        query = (
            select(
                OrderRow.id,
                OrderRow.order_no,
                OrderRow.shop_id,
                ShopRow.gateway_url,
                ShopRow.platform,
                OrderRow.status,
                OrderRow.flag,
                OrderRow.seller_memo,
                OrderRow.priority,
                OrderRow.hold_reason,
                OrderRow.stock_mark,
            )  # fmt: skip
            .join(ShopRow, ShopRow.id == OrderRow.shop_id)
            .where(OrderRow.order_no.in_(wanted))
            .order_by(OrderRow.id)
        )
        found: dict[str, list[Target]] = {}
        for r in self.session.execute(query):
            writes_back = bool(r.gateway_url) and r.platform in _WRITES_BACK
            target = Target(r.id, r.order_no, r.shop_id, writes_back, r.status, r.flag, r.seller_memo or "",
                            r.priority or 0, r.hold_reason, r.stock_mark)  # fmt: skip
            found.setdefault(r.order_no, []).append(target)
        self._load_untried([t.id for ts in found.values() for t in ts if t.writes_back])
        return found

    def set(self, order_id: int, **values: Any) -> None:
        """Writes columns of one order."""
        self.session.execute(update(OrderRow).where(OrderRow.id == order_id).values(**values))

    def shipped_some(self, order_id: int) -> bool:
        query = select(OrderLineRow.id).where(OrderLineRow.order_id == order_id, OrderLineRow.shipped).limit(1)
        return self.session.scalar(query) is not None

    # -- the manual out-of-stock marks the allotment leaves alone --------------------------------------------------

    def stock_marks(self, now: datetime) -> dict[int, StockMark]:
        """The orders marked out of stock by hand whose mark still holds at `now`; lapsed marks are cleared here
        (their orders go back to the automatic allotment)."""
        marks: dict[int, StockMark] = {}
        lapsed = []
        query = select(OrderRow.id, OrderRow.stock_mark, OrderRow.stock_expected).where(
            OrderRow.stock_mark.is_not(None)
        )
        for oid, reason, expected in self.session.execute(query):
            mark = StockMark(reason, expected)
            if mark.active(now):
                marks[oid] = mark
            else:
                lapsed.append(oid)
        if lapsed:
            self.session.execute(
                update(OrderRow).where(OrderRow.id.in_(lapsed)).values(stock_mark=None, stock_expected=None)
            )
        return marks

    def stock_mark_of(self, order_id: int) -> StockMark | None:
        row = self.session.execute(
            select(OrderRow.stock_mark, OrderRow.stock_expected).where(OrderRow.id == order_id)
        ).one_or_none()
        return StockMark(row[0], row[1]) if row is not None and row[0] is not None else None

    def hold_reason_of(self, order_id: int) -> str | None:
        return self.session.scalar(select(OrderRow.hold_reason).where(OrderRow.id == order_id))

    def local_stops(self, order_ids: Iterable[int]) -> dict[int, str]:
        """Those of `order_ids` the seller stopped here, with the status that keeps them stopped: on hold, or out of
        stock by hand (a sync must not let them go)."""
        ids = list(order_ids)
        if not ids:
            return {}
        query = select(OrderRow.id, OrderRow.hold_reason).where(
            OrderRow.id.in_(ids), or_(OrderRow.hold_reason.is_not(None), OrderRow.stock_mark.is_not(None))
        )
        held, marked = OrderStatus.ON_HOLD.value, OrderStatus.OUT_OF_STOCK.value
        return {oid: held if reason is not None else marked for oid, reason in self.session.execute(query)}

    # -- flag and memo write-backs (outbox kind `memo`) -----------------------------------------------------------

    def enqueue_memo(self, *, shop_id: int, order_id: int, payload: MemoPayload, now: datetime) -> None:
        """Queues the write-back of `payload`, or rewrites the order's entry not yet tried."""
        if order_id not in self._untried:
            self._load_untried([order_id])
        waiting = self._untried.get(order_id)
        if waiting is not None:
            waiting.payload = payload.to_json()
            waiting.next_attempt_at = now
            return None
        entry = OutboxRow(
            kind=MEMO,
            dedupe_key=f"memo:{shop_id}:{payload.order_no}:{uuid.uuid4().hex}",  # one entry per change sent
            shop_id=shop_id,
            order_id=order_id,
            payload=payload.to_json(),
            state=OutboxState.PENDING,
            attempts=0,
            created_at=now,
            next_attempt_at=now,
        )
        self.session.add(entry)
        self._untried[order_id] = entry
        return None

    def _load_untried(self, order_ids: list[int]) -> None:
        """Reads the write-backs not yet tried of `order_ids` (once for a whole selection, not once per order)."""
        self._untried.update(dict.fromkeys(order_ids))
        query = select(OutboxRow).where(
            OutboxRow.kind == MEMO,
            OutboxRow.order_id.in_(order_ids),
            OutboxRow.state == OutboxState.PENDING,
            OutboxRow.attempts == 0,
        )
        for entry in self.session.scalars(query):
            self._untried[entry.order_id] = entry

    def unsent_notes(self, order_ids: Iterable[int]) -> dict[int, tuple[int, str]]:
        """Those of `order_ids` whose flag or memo has not reached the platform yet, with their local (flag, memo):
        a sync must not overwrite them."""
        ids = list(order_ids)
        if not ids:
            return {}
        waiting = select(OutboxRow.order_id).where(
            OutboxRow.kind == MEMO,
            OutboxRow.state.in_((OutboxState.PENDING, OutboxState.SENDING)),
            OutboxRow.order_id.in_(ids),
        )
        query = select(OrderRow.id, OrderRow.flag, OrderRow.seller_memo).where(OrderRow.id.in_(waiting))
        return {oid: (flag, memo or "") for oid, flag, memo in self.session.execute(query)}

    def due_memos(self, now: datetime | None) -> list[int]:
        """Write-backs to try, oldest first: those whose backoff ended by `now` (all if None)."""
        return OutboxRepository(self.session).due(MEMO, now)

    def claim_memo(self, entry_id: int) -> ClaimedMemo | None:
        """Takes the entry for one attempt (state `sending`, attempts + 1) if it still waits and nobody took it."""
        taken = OutboxRepository(self.session).take(entry_id, MEMO)
        if taken is None:
            return None
        payload = MemoPayload.from_json(taken[0])
        return ClaimedMemo(payload, self._entry(entry_id).shop_id, taken[1] or payload.unclear)

    def _entry(self, entry_id: int) -> OutboxRow:
        entry = self.session.get(OutboxRow, entry_id)
        assert entry is not None
        return entry

    def memo_delivered(self, entry_id: int, now: datetime, note: Message | None = None) -> None:
        entry = self._entry(entry_id)
        entry.state, entry.done_at = OutboxState.DONE, now
        entry.last_error = note.encode() if note else None
        entry.payload = {k: v for k, v in entry.payload.items() if k != "unclear"}

    def memo_later(
        self, entry_id: int, now: datetime, reason: Message, *, unclear: bool, wait: Callable[[int], timedelta]
    ) -> None:
        """Back in the queue after a failed attempt; once unclear, it stays unclear until delivered."""
        OutboxRepository(self.session).requeue(entry_id, now, reason, unclear=unclear, wait=wait)

    def memo_failed(self, entry_id: int, reason: Message) -> None:
        entry = self._entry(entry_id)
        entry.state = OutboxState.FAILED
        entry.last_error = reason.encode()
        entry.next_attempt_at = None

    def memo_entries(self, order_no: str | None = None) -> list[dict[str, Any]]:
        """The write-backs (of one order), oldest first: id, state, attempts and payload."""
        query = select(OutboxRow).where(OutboxRow.kind == MEMO).order_by(OutboxRow.id)
        rows = self.session.scalars(query)
        found = [
            {"id": r.id, "state": r.state, "attempts": r.attempts, "payload": dict(r.payload)}
            for r in rows
            if order_no is None or r.payload.get("order_no") == order_no
        ]
        return json.loads(json.dumps(found))

    def memo_items(self, limit: int) -> list[dict[str, Any]]:
        """The write-backs, newest first, as the outbox list shows its entries (app.sync.service.outbox_items)."""
        query = (
            select(OutboxRow, ShopRow.name)
            .join(ShopRow, ShopRow.id == OutboxRow.shop_id)
            .where(OutboxRow.kind == MEMO)
            .order_by(OutboxRow.id.desc())
            .limit(limit)
        )
        items = []
        for r, shop in self.session.execute(query):
            payload = MemoPayload.from_json(r.payload)
            items.append({
                "id": r.id, "kind": r.kind, "shop": shop, "state": r.state, "attempts": r.attempts,
                "last_error": Message.decode(r.last_error), "created_at": r.created_at.isoformat(),
                "next_attempt_at": r.next_attempt_at.isoformat() if r.next_attempt_at else None,
                "done_at": r.done_at.isoformat() if r.done_at else None, "order_no": payload.order_no,
                "flag": Flag(payload.flag).label if payload.flag in Flag._value2member_map_ else str(payload.flag),
                "memo": payload.memo,
            })  # fmt: skip
        return items

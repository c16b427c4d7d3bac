"""Writing flags and memos back to Taobao (`taobao.trade.memo.update`) from the outbox (sync layer).

A change of an order's flag or memo in a Taobao/Tmall API shop queues an outbox entry of kind `memo` with the values
the platform must end up holding (app.services.order_actions); `OutboxWorker.flush` delivers them with the ship-backs.

The call [I: parameters read from the TOP SDK's request type, not from a live gateway]: `tid`, `flag` (0-5),
`memo` (the whole memo, at most 1000 bytes: it overwrites the platform's), and `reset=true` to clear the memo (an
empty `memo` alone leaves the platform's memo as it is). The answer is {"trade": {"tid", "modified"}}.

Exactly once: an entry is claimed (state `sending`, attempts + 1) and committed before the call, so after a kill an
entry found `sending` may have been applied. Such an entry, and any whose last call ended unclearly (a dropped
connection, a 5xx after the request left, an answer PackDesk does not understand), is first checked by reading the
trade back (`taobao.trade.fullinfo.get`, seller_flag and seller_memo): holding the values already, it is done
without a second call. A clear "not applied" (refused connection, rate limit) waits for the next round; a refusal by
the platform (the trade is gone, the memo too long) stops the entry as `failed` with the platform's words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from msgspec import Struct
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import PackDeskError
from app.domain.messages import Message, msg
from app.domain.order_actions import MemoPayload
from app.domain.shops import Shop
from app.persistence.order_actions import OrderActionRepository
from app.persistence.outbox import OutboxRepository
from app.persistence.shops import ShopRepository
from app.sync.top import Offline, RateLimited, SessionExpired, TopClient, TopError, Unclear
from app.sync.top_answers import FullInfo, Id

log = logging.getLogger(__name__)

ClientFor = Callable[[Shop], TopClient]
MEMO_UPDATE = "taobao.trade.memo.update"


class _UpdatedTrade(Struct, frozen=True):
    tid: Id = None


class MemoUpdated(Struct, frozen=True):
    """`taobao.trade.memo.update`: {"trade": {"tid": ..., "modified": ...}}."""

    trade: _UpdatedTrade | None = None


@dataclass
class MemoReport:
    """What a round of flag and memo write-backs did."""

    sent: int = 0
    verified: int = 0  # found already on the platform after an unclear attempt
    retry_later: int = 0
    failed: int = 0
    # {"id", "order_no", "reason": English, "message": the Message (kept out of the JSON, for the window)}
    errors: list[dict[str, Any]] = field(default_factory=list)

    def error(self, entry_id: int, order_no: str, message: Message) -> None:
        self.errors.append({"id": entry_id, "order_no": order_no, "reason": message.render(), "message": message})

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "verified": self.verified,
            "retry_later": self.retry_later,
            "failed": self.failed,
            "errors": [{k: v for k, v in e.items() if k != "message"} for e in self.errors],
        }


def push_memos(
    session_factory: sessionmaker[Session],
    client_for: ClientFor,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    *,
    wait: Callable[[int], timedelta] = lambda attempts: timedelta(seconds=min(3600, 30 * 2 ** max(0, attempts - 1))),
    now_too: bool = False,
) -> MemoReport:
    """One round: delivers every due write-back (all waiting ones with `now_too`). A shop that cannot be reached
    now (or whose authorisation expired) keeps its entries for the next round."""
    report = MemoReport()
    with session_factory() as session:
        due = OrderActionRepository(session).due_memos(None if now_too else clock())
    blocked: set[int] = set()
    for entry_id in due:
        try:
            _deliver(session_factory, client_for, entry_id, clock, wait, report, blocked)
        except (Offline, SessionExpired, RateLimited) as exc:
            log.info("memo write-back %s waits: %s", entry_id, exc.msg)
    return report


def _deliver(
    session_factory: sessionmaker[Session], client_for: ClientFor, entry_id: int, clock: Callable[[], datetime],
    wait: Callable[[int], timedelta], report: MemoReport, blocked: set[int],
) -> None:  # fmt: skip
    now = clock()
    with session_factory() as session:
        if OutboxRepository(session).shop_of(entry_id) in blocked:
            report.retry_later += 1  # its shop cannot be reached now: it stays queued as it is
            return
    with session_factory.begin() as session:
        claimed = OrderActionRepository(session).claim_memo(entry_id)
        if claimed is None:
            return  # another round (the window's, the command line's) has it
        shop = ShopRepository(session).get(claimed.shop_id)
        assert shop is not None
    payload, verify_first = claimed.payload, claimed.verify_first

    def later(reason: Message, *, unclear: bool) -> None:
        with session_factory.begin() as session:
            OrderActionRepository(session).memo_later(entry_id, now, reason, unclear=unclear, wait=wait)
        report.retry_later += 1
        report.error(entry_id, payload.order_no, reason)

    client = client_for(shop)
    try:
        if verify_first and _holds(client, payload):
            _done(session_factory, entry_id, now, verified=True)
            report.verified += 1
            return
        params: dict[str, Any] = {"tid": payload.order_no, "flag": payload.flag}
        if payload.memo:
            params["memo"] = payload.memo
        else:
            params["reset"] = "true"
        answer = client.read(MEMO_UPDATE, params, MemoUpdated, write=True)
        if answer.trade is None:
            raise Unclear(msg("memo.not_confirmed", order_no=payload.order_no))
        _done(session_factory, entry_id, now, verified=False)
        report.sent += 1
    except Unclear as exc:
        later(exc.msg, unclear=True)
    except (Offline, SessionExpired, RateLimited) as exc:
        later(exc.msg, unclear=verify_first)
        blocked.add(shop.id)
        raise
    except TopError as exc:
        reason = msg("memo.refused", order_no=payload.order_no, reason=exc.msg)
        with session_factory.begin() as session:
            OrderActionRepository(session).memo_failed(entry_id, reason)
        report.failed += 1
        report.error(entry_id, payload.order_no, reason)
    except PackDeskError as exc:
        later(exc.msg, unclear=True)


def _holds(client: TopClient, payload: MemoPayload) -> bool:
    """Whether the trade already holds the payload's flag and memo."""
    answer = client.read(
        "taobao.trade.fullinfo.get", {"fields": "tid,seller_flag,seller_memo", "tid": payload.order_no}, FullInfo
    )
    if answer.trade is None:
        raise Unclear(msg("memo.no_trade", order_no=payload.order_no))
    return (answer.trade.seller_flag or 0) == payload.flag and (answer.trade.seller_memo or "") == payload.memo


def _done(session_factory: sessionmaker[Session], entry_id: int, now: datetime, *, verified: bool) -> None:
    with session_factory.begin() as session:
        OrderActionRepository(session).memo_delivered(entry_id, now, msg("outbox.verified") if verified else None)


__all__ = ["MEMO_UPDATE", "MemoReport", "push_memos"]

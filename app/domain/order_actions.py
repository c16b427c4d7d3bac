"""Acting on the backlog: what flags, memos, holds, expedite and a manual out-of-stock mark may change, and the
report each action returns (domain layer, pure).

Each action takes order numbers and answers with the orders it changed and, for every other one, why not (a
`Message`): an order that cannot take the action (unknown, shipped, closed, already so) is skipped with its reason,
never silently. `before` holds each changed order's previous value, so the window can undo (set it back).

A manual out-of-stock mark (the seller knows the shelf is empty, or the goods are faulty) keeps the order out of
stock whatever the automatic allotment (app.domain.stock) says, and reserves nothing, until the seller releases it or
its expected date arrives; from then on the allotment decides again (covered: awaiting shipment; short: out of stock
with what it misses).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.enums import Flag, OrderStatus
from app.domain.errors import InvalidInput
from app.domain.messages import Message, msg
from app.domain.orders import Order

MEMO_MOST_BYTES = 1000  # taobao.trade.memo.update: "最大长度: 1000个字节" (UTF-8 bytes [I])
COLOURS = {f.label: f for f in Flag}  # none, red, yellow, green, blue, purple
# Taobao's step_trade_status of a presale whose deposit is paid and balance is not, kept as the held order's platform
# status (app.sync.taobao_presale)
PRESALE_BALANCE_UNPAID = "FRONT_PAID_FINAL_NOPAID"


def parse_colour(text: str) -> Flag:
    """A flag colour by its name (red, yellow, green, blue, purple, none); InvalidInput otherwise."""
    colour = COLOURS.get(text.strip().lower())
    if colour is None:
        raise InvalidInput(msg("actions.bad_colour", colour=text))
    return colour


def appended(memo: str, text: str) -> str:
    """`memo` with `text` added on a new line (just `text` when there was none)."""
    return f"{memo}\n{text}" if memo else text


def check_memo(order_no: str, memo: str) -> None:
    """InvalidInput when `memo` is longer than the platform keeps."""
    size = len(memo.encode("utf-8"))
    if size > MEMO_MOST_BYTES:
        raise InvalidInput(
            msg("actions.memo_too_long", order_no=order_no, size=size, most=MEMO_MOST_BYTES, chars=MEMO_MOST_BYTES // 3)
        )


def finished(order_no: str, status: str) -> Message | None:
    """Why a shipped, closed or unpaid order takes no action, or None."""
    if status == OrderStatus.SHIPPED.value:
        return msg("actions.shipped", order_no=order_no)
    if status == OrderStatus.CLOSED.value:
        return msg("actions.closed", order_no=order_no)
    if status == OrderStatus.AWAITING_PAYMENT.value:
        return msg("actions.unpaid", order_no=order_no)
    return None


def released_status(*, shipped_some: bool) -> OrderStatus:
    """The status of an order let go (hold or manual mark lifted): waiting again; the allotment then decides."""
    return OrderStatus.PARTLY_SHIPPED if shipped_some else OrderStatus.AWAITING_SHIPMENT


def hold_stop(order: Order) -> Message | None:
    """What the print queue and the bench say of an order the seller held here, or the platform holds for a reason
    the seller can act on: its reason (None otherwise)."""
    if order.status is OrderStatus.ON_HOLD and order.hold_reason:
        return msg("actions.hold_stop", order_no=order.order_no, reason=order.hold_reason)
    return platform_stop(order)


def platform_stop(order: Order) -> Message | None:
    """Why the platform holds `order`, in the seller's words, where its status says (None otherwise): a presale whose
    balance is not paid (it ships once the buyer pays it, the next sync lets it go)."""
    if order.status is OrderStatus.ON_HOLD and order.platform_status == PRESALE_BALANCE_UNPAID:
        return msg("actions.presale_unpaid", order_no=order.order_no)
    return None


@dataclass(frozen=True)
class Skipped:
    order_no: str
    reason: Message

    def to_json(self) -> dict[str, str]:
        return {"order_no": self.order_no, "reason": self.reason.render()}


@dataclass
class ActionReport:
    """What one action did: the orders changed (with their previous value) and those skipped with why."""

    action: str
    done: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    before: dict[str, Any] = field(default_factory=dict)  # order number -> its previous value (to undo)

    def skip(self, order_no: str, reason: Message) -> None:
        self.skipped.append(Skipped(order_no, reason))

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "done": list(self.done),
            "skipped": [s.to_json() for s in self.skipped],
            "before": dict(self.before),
        }


@dataclass(frozen=True)
class MemoPayload:
    """A flag-and-memo write-back (outbox kind `memo`): the values the platform must end up holding.

    `memo` is the whole memo (taobao.trade.memo.update overwrites it; an empty one is sent as reset=true). `unclear`:
    an attempt ended without knowing whether it applied; the trade is read back before sending again.
    """

    order_no: str
    flag: int
    memo: str
    unclear: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"order_no": self.order_no, "flag": self.flag, "memo": self.memo, "version": 1}
        if self.unclear:
            data["unclear"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MemoPayload:
        return cls(str(data["order_no"]), int(data["flag"]), str(data.get("memo") or ""), bool(data.get("unclear")))


@dataclass(frozen=True)
class StockMark:
    """A manual out-of-stock mark: why, and when the seller expects stock (None: not said)."""

    reason: str
    expected: datetime | None = None

    def active(self, now: datetime) -> bool:
        """Whether the mark still holds at `now` (it lapses when its expected date arrives)."""
        return self.expected is None or now < self.expected

"""Pushing PackDesk's available stock back to Taobao (`taobao.item.quantity.update`), for shops that ask for it
(sync layer).

Off by default, per shop (`packdesk shop set NAME --push-stock on`, or the shop settings dialog). A round runs with
the outbox's (`OutboxWorker.flush`): every tracked product of a push-enabled Taobao API shop, with a platform item,
whose available stock differs from the figure last sent is sent as a full quantity (type=1): its SKU's when the
product is a SKU of the item, the item's when the item has none.

The figure sent is available = on hand - reserved, never below 0. Taobao's quantity is what buyers can still order
(拍下/付款减库存 take an order's units off it when it is placed or paid), and `reserved` is what the waiting orders
PackDesk knows of already hold, so that is what is left to sell. Orders placed on the platform and not synced yet are
counted by Taobao only; the next push after the sync brings them in sends the lower figure.

Never twice: the figure is recorded on the product as sent-but-unconfirmed and committed before the call, and the
answer's figure is recorded with its time in one transaction (app.persistence.catalogue_sync.StockPushRepository). A
send whose answer was lost (a dropped connection, a 5xx, a malformed answer, a kill) is read back with
`taobao.item.seller.get` before anything is sent again: the platform holding that figure confirms it; any other
figure means it did not land (or a sale moved it since: the read figure is what PackDesk compares against), and the
difference is sent. Never lost offline: the difference is computed from the products each round, so it stays until
a round gets it through. A refusal (the item or SKU is gone) is reported each round, with the platform's words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import InvalidInput
from app.domain.messages import Message, msg
from app.domain.shops import Shop
from app.persistence.catalogue_sync import PushDue, StockPushRepository
from app.persistence.shops import ShopRepository
from app.sync.catalogue_answers import Item, ItemAnswer
from app.sync.shops import find_shop
from app.sync.top import Offline, RateLimited, SessionExpired, TopClient, TopError, Unclear

log = logging.getLogger(__name__)

ClientFor = Callable[[Shop], TopClient]


@dataclass
class PushReport:
    """What a stock push round did: figures sent, found already on the platform after an unclear send, left for the
    next round, refused."""

    sent: int = 0
    verified: int = 0
    retry_later: int = 0
    failed: int = 0
    # {"sku", "reason": English, "message": the Message (kept out of the JSON, for the window)}
    errors: list[dict[str, Any]] = field(default_factory=list)

    def error(self, sku: str, message: Message) -> None:
        self.errors.append({"sku": sku, "reason": message.render(), "message": message})

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "verified": self.verified,
            "retry_later": self.retry_later,
            "failed": self.failed,
            "errors": [{k: v for k, v in e.items() if k != "message"} for e in self.errors],
        }


def set_push_stock(session_factory: sessionmaker[Session], name: str, on: bool) -> bool:
    """Turns the stock push of shop `name` on or off; returns whether that changed anything.

    Raises:
        NotFound: no shop of that name.
        InvalidInput: turning it on for a shop without an API connection (nothing could be sent).
    """
    with session_factory.begin() as session:
        shop = find_shop(session, name.strip())
        if on and not shop.has_api:
            raise InvalidInput(msg("push.no_api", name=shop.name))
        return StockPushRepository(session).set_push_stock(shop.id, on)


def pushes_stock(session_factory: sessionmaker[Session], name: str) -> bool:
    """Whether shop `name` pushes its stock (NotFound when there is no such shop)."""
    with session_factory() as session:
        return StockPushRepository(session).push_stock(find_shop(session, name.strip()).id)


def push_stock(
    session_factory: sessionmaker[Session],
    client_for: ClientFor,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> PushReport:
    """One round: sends every figure that differs from the last one the platform holds (see the module docstring).
    A shop that cannot be reached (or whose authorisation expired) is skipped until the next round."""
    report = PushReport()
    with session_factory() as session:
        due = StockPushRepository(session).due()
        shops = {d.shop_id: ShopRepository(session).get(d.shop_id) for d in due}
    blocked: set[int] = set()
    for d in due:
        shop = shops[d.shop_id]
        if shop is None or d.shop_id in blocked:
            report.retry_later += 1
            continue
        try:
            _push(session_factory, client_for(shop), d, clock, report)
        except (Offline, SessionExpired, RateLimited) as exc:
            report.error(d.sku, exc.msg)
            report.retry_later += 1
            blocked.add(d.shop_id)
    return report


def _held(item: Item | None, d: PushDue) -> int | None:
    """The figure the platform's item holds for `d`'s SKU (the item's when `d` is the item itself)."""
    if item is None:
        return None
    if not d.sku_id:
        return item.num
    for sku in item.sku_list:
        if sku.number == d.sku_id:
            return sku.quantity
    return None


def _push(
    session_factory: sessionmaker[Session], client: TopClient, d: PushDue, clock: Callable[[], datetime],
    report: PushReport,
) -> None:  # fmt: skip
    last = d.pushed
    if d.unconfirmed:
        params = {"fields": "num_iid,num,sku", "num_iid": d.item_id}
        try:
            item = client.read("taobao.item.seller.get", params, ItemAnswer).item
        except TopError as exc:
            if isinstance(exc, SessionExpired | RateLimited):
                raise
            report.failed += 1
            report.error(d.sku, msg("push.refused", sku=d.sku, reason=exc.msg))
            return
        if item is None:  # nothing to judge by: asked again next round, nothing sent meanwhile
            report.retry_later += 1
            report.error(d.sku, msg("push.no_item", item_id=d.item_id, sku=d.sku))
            return
        held = _held(item, d)
        if held is None:  # the SKU is gone from the item: nothing can be sent for it
            report.failed += 1
            report.error(d.sku, msg("push.no_sku", item_id=d.item_id, sku_id=d.sku_id, sku=d.sku))
            return
        with session_factory.begin() as session:
            # what the platform holds now: the figure sent, or what it held before (or a sale moved it since)
            StockPushRepository(session).confirm(d.product_id, held, clock())
        if held == d.pushed:
            report.verified += 1
        last = held
        if held == d.available:
            return
    with session_factory.begin() as session:
        if not StockPushRepository(session).claim(d.product_id, d.available, last):
            return  # another round (the window's, the command line's) has it
    params = {"num_iid": d.item_id, "quantity": d.available, "type": 1}
    if d.sku_id:
        params["sku_id"] = d.sku_id
    try:
        answer = client.read("taobao.item.quantity.update", params, ItemAnswer, write=True)
    except Unclear as exc:  # possibly applied: read back next round
        report.retry_later += 1
        report.error(d.sku, exc.msg)
        return
    except (TopError, Offline) as exc:  # not applied (a refusal, a limit, a gateway that could not be reached)
        with session_factory.begin() as session:
            _restore(StockPushRepository(session), d.product_id, last, clock())
        if isinstance(exc, Offline | SessionExpired | RateLimited):
            raise
        report.failed += 1
        report.error(d.sku, msg("push.refused", sku=d.sku, reason=exc.msg))
        return
    if answer.item is None:
        report.retry_later += 1
        report.error(d.sku, msg("push.no_item", item_id=d.item_id, sku=d.sku))
        return
    with session_factory.begin() as session:
        StockPushRepository(session).confirm(d.product_id, d.available, clock())
    report.sent += 1


def _restore(repo: StockPushRepository, product_id: int, last: int | None, now: datetime) -> None:
    """Puts back what the platform held before a send that did nothing."""
    if last is None:
        repo.forget(product_id)
    else:
        repo.confirm(product_id, last, now)


__all__ = ["PushReport", "push_stock", "pushes_stock", "set_push_stock"]

"""Notices to the buyer (use cases): queue one from a template, the SMS accounts, the settings and the triggers.

A notice is made from a template (app.domain.notices) and the order: its number, the carrier and tracking number of
its last parcel, the items shipped and still to come, the buyer; the seller gives the reason and the date. With an
SMS account it goes to the outbox and the next round sends it (app.sync.notice_push); without one it is recorded as
"copy": the seller pastes its text in the chat window (旺旺). Either way it is in the order's history (an audit
entry and the outbox entry) and counts against the buyer's daily limit.

The cache holds only masked phone numbers (app.domain.masking), which no SMS can reach: a notice by SMS goes to the
number the platform allows. For a privacy order the platform can answer for (a Taobao order with its oaid, a PDD
order with its receiver ciphertexts) and no number given, the notice is queued with the masked number and a mark,
and each send asks the platform for the number then, in memory only (app.sync.notice_push, app.sync.platform_numbers):
the buyer's number, or the platform's virtual number (隐私号). Otherwise the seller gives the number; a notice a trigger
makes for a masked number is recorded as "copy" instead.

Triggers are off until the seller switches them on: a notice when an order ships (template `shipped`), when it
ships in part with lines still to come (`partial`: a split, with the set reason, dated the set days ahead), when it
is marked out of stock (`out_of_stock_wait`, with the mark's reason and expected date), before a breach (`delay`,
with the seller's set reason, dated the deadline plus the set days), and a payment reminder (`payment_reminder`, 催付)
to an order still waiting for payment the set minutes after it was created (with the set reason, pay by its creation
day plus the set days): once per order, never to one paid or closed meanwhile (the outbox checks again before it
sends). A trigger never stops what set it off: a notice it cannot make is noted in the order's history with why.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus
from app.domain.errors import InvalidInput, NotFound, PackDeskError
from app.domain.masking import mask_phone
from app.domain.messages import Message, msg
from app.domain.notices import (
    KEYS,
    PROVIDERS,
    SELLER_ALERT,
    NoticePayload,
    check_body,
    chinese_date,
    render,
    sendable_number,
)
from app.persistence.notices import COPY, NoticeRepository
from app.persistence.shops import ShopRepository
from app.services.audit import Actor, audit

CHINA = timezone(timedelta(hours=8))
PAYMENT_REMINDER = "payment_reminder"


@dataclass
class NoticeSettings:
    """The seller's notice settings (stored in the database: every station sees the same)."""

    per_buyer_day: int = 2  # at most this many notices to one buyer in a day (China time)
    on_ship: bool = False
    on_split: bool = False
    on_out_of_stock: bool = False
    before_breach: bool = False
    breach_hours: int = 6  # before a breach: orders due within this many hours
    breach_reason: str = ""  # ...told this reason
    breach_days: int = 0  # ...and a ship date this many days after the deadline
    split_reason: str = ""  # on a split: why the rest comes later...
    split_days: int = 3  # ...and in how many days
    seller_phone: str = ""  # bad-review alerts by SMS to this number ("" : none)
    remind_unpaid: bool = False  # a payment reminder to each order still waiting for payment...
    unpaid_minutes: int = 30  # ...this many minutes after it was created...
    unpaid_reason: str = ""  # ...telling this reason...
    unpaid_days: int = 1  # ...and asking to pay by the day this many days after it was created

    @classmethod
    def load(cls, session: Session) -> NoticeSettings:
        stored = NoticeRepository(session).settings()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in stored:
                raw = stored[f.name]
                values[f.name] = raw == "true" if f.type == "bool" else int(raw) if f.type == "int" else raw
        return cls(**values)

    def save(self, session: Session) -> None:
        repo = NoticeRepository(session)
        for f in fields(self):
            value = getattr(self, f.name)
            repo.set_setting(f.name, ("true" if value else "false") if isinstance(value, bool) else str(value))

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def change_settings(session: Session, **changes: Any) -> NoticeSettings:
    """Sets the given settings (None: unchanged) and returns them all.

    Raises:
        InvalidInput: a limit below 1, hours below 0, or "before a breach" without its reason.
    """
    settings = NoticeSettings.load(session)
    for key, value in changes.items():
        if value is not None:
            setattr(settings, key, value)
    if settings.per_buyer_day < 1:
        raise InvalidInput(msg("notice.limit_too_small"))
    if settings.breach_hours < 0 or settings.breach_days < 0:
        raise InvalidInput(msg("notice.hours_negative"))
    if settings.before_breach and not settings.breach_reason.strip():
        raise InvalidInput(msg("notice.breach_needs_reason"))
    if settings.on_split and not settings.split_reason.strip():
        raise InvalidInput(msg("notice.split_needs_reason"))
    if settings.split_days < 0 or settings.unpaid_minutes < 0 or settings.unpaid_days < 0:
        raise InvalidInput(msg("notice.hours_negative"))
    if settings.remind_unpaid and not settings.unpaid_reason.strip():
        raise InvalidInput(msg("notice.unpaid_needs_reason"))
    if settings.seller_phone:
        settings.seller_phone = sendable_number(settings.seller_phone)
    settings.save(session)
    return settings


def set_template(session: Session, key: str, *, code: str | None, body: str | None, now: datetime) -> dict[str, Any]:
    """Changes a template's approved code or text (its text checked: known variables, the reason and the date).

    Raises:
        NotFound: no template by that key; InvalidInput: a text the rules refuse.
    """
    repo = NoticeRepository(session)
    current = repo.template(key)
    if current is None:
        raise NotFound(msg("notice.unknown_template", key=key, known=", ".join(t.key for t in repo.templates())))
    if body is not None:
        check_body(key, body)
    if code is not None and code and not code.replace("_", "").isalnum():
        raise InvalidInput(msg("notice.bad_code", code=code))
    t = repo.set_template(key, code=code.strip() if code is not None else None, body=body, now=now)
    return {"key": t.key, "template_code": t.provider_code, "body": t.body}


def templates(session: Session) -> list[dict[str, Any]]:
    return [{"key": t.key, "template_code": t.provider_code, "body": t.body}
            for t in NoticeRepository(session).templates()]  # fmt: skip


@dataclass(frozen=True)
class Queued:
    id: int
    order_no: str
    channel: str  # sms | copy
    text: str
    phone: str  # masked
    note: Message | None = None  # why it is a copy although an SMS account exists

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "order_no": self.order_no, "channel": self.channel, "text": self.text,
                "phone": self.phone, "state": "pending" if self.channel == "sms" else COPY,
                "note": self.note.render() if self.note else None}  # fmt: skip


def _day_start(now: datetime) -> datetime:
    local = now.astimezone(CHINA)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def queue_notice(
    session: Session,
    order_no: str,
    template: str,
    *,
    actor: Actor,
    now: datetime,
    reason: str = "",
    day: date | None = None,
    phone: str = "",
    shop: str | None = None,
    account: str | None = None,
    trigger: str = "",
    copy: bool = False,
) -> Queued:
    """Makes a notice to the buyer of `order_no` from `template` and queues it (SMS) or records it (copy), in the
    caller's transaction.

    Args:
        phone: the number the platform allows (whole or virtual); "" takes the order's, which is masked in the cache.
        shop: for a payment reminder to an order PackDesk does not hold (a Taobao shop's sync keeps the unpaid orders
            of the last three days; other platforms give none).
        copy: record it for the chat window even when an SMS account exists.

    Raises:
        NotFound: no such order or template; InvalidInput: a value missing from the text, a template without its
            approved code, a number no SMS can reach, the buyer's daily limit reached, a payment reminder to an order
            paid already.
    """
    repo = NoticeRepository(session)
    order_no = order_no.strip()
    t = repo.template(template)
    if t is None:
        raise NotFound(msg("notice.unknown_template", key=template, known=", ".join(KEYS)))
    order = repo.order_facts(order_no)
    if order is not None:
        if template == PAYMENT_REMINDER and order.status != OrderStatus.AWAITING_PAYMENT.value:
            raise InvalidInput(msg("notice.not_unpaid", order_no=order_no))
        shop_id, order_id = order.shop_id, order.order_id
    elif shop is not None and template == PAYMENT_REMINDER:
        found_shop = ShopRepository(session).by_name(shop.strip())
        if found_shop is None:
            raise NotFound(msg("shop.not_found", name=shop, names=", ".join(ShopRepository(session).names())))
        shop_id, order_id = found_shop.id, None
    elif template == PAYMENT_REMINDER:
        raise NotFound(msg("notice.unpaid_not_held", order_no=order_no))
    else:
        raise NotFound(msg("notice.no_order", order_no=order_no))
    values = {"order_no": order_no, "reason": reason.strip(), "date": chinese_date(day) if day else ""}
    if order is not None:
        values.update(buyer=order.buyer_nick, items_shipped=order.items_shipped, items_to_come=order.items_to_come,
                      carrier=order.carrier, tracking_no=order.tracking_no)  # fmt: skip
        if template == "shipped" and not values["date"] and order.shipped_at is not None:
            values["date"] = chinese_date(order.shipped_at.astimezone(CHINA).date())
    text = render(t.body, values)
    params = {k: v for k, v in values.items() if f"${{{k}}}" in t.body}
    settings = NoticeSettings.load(session)
    sms = None if copy else repo.account(account)
    if account is not None and sms is None and not copy:
        raise NotFound(msg("notice.no_account", name=account))
    note: Message | None = None
    number = ""
    from_platform = sms is not None and not phone.strip() and order is not None and order.platform_number
    if sms is not None:
        if not t.provider_code:
            raise InvalidInput(msg("notice.no_code", key=template))
        given = phone or (order.receiver_phone if order is not None else "")
        try:
            # a privacy order: the send asks the platform for the number it allows (never stored)
            number = "" if from_platform else sendable_number(given)
        except InvalidInput as exc:
            if not trigger:
                raise
            note, sms = exc.msg, None  # a trigger's notice the platform's number cannot carry: for the chat window
    buyer = (order.buyer_nick if order is not None and order.buyer_nick else number) or order_no
    if repo.count_for_buyer(shop_id, buyer, _day_start(now)) >= settings.per_buyer_day:
        raise InvalidInput(msg("notice.limit_reached", buyer=buyer, limit=settings.per_buyer_day))
    masked = mask_phone(order.receiver_phone) if from_platform and order is not None else ""
    payload = NoticePayload(
        order_no=order_no, template=template, template_code=t.provider_code if sms else "", params=params, text=text,
        phone=masked or number, buyer=buyer, channel="sms" if sms else COPY, account=sms.name if sms else "",
        trigger=trigger, platform_number=from_platform,
    )  # fmt: skip
    entry_id = repo.enqueue(shop_id=shop_id, order_id=order_id, payload=payload, now=now, note=note)
    audit(session, actor, "notice", "order", order_no, template=template, channel=payload.channel, notice=entry_id,
          trigger=trigger or None)  # fmt: skip
    return Queued(entry_id, order_no, payload.channel, text, masked or mask_phone(number), note)


def release_checked(session: Session, entry_id: int, *, sent: bool, actor: Actor, now: datetime) -> None:
    """The seller checked a notice held as unclear in the provider's console: it went (done) or it did not (the next
    round sends it).

    Raises:
        NotFound: no notice by that id waits for a check.
    """
    repo = NoticeRepository(session)
    items = {i["id"]: i for i in repo.items()}
    item = items.get(entry_id)
    if item is None or not repo.release_check(entry_id, sent=sent, now=now, masked_phone=mask_phone(item["phone"])):
        raise NotFound(msg("notice.nothing_to_check", id=entry_id))
    audit(session, actor, "notice_checked", "order", item["order_no"], notice=entry_id, sent=sent)


# -- triggers -------------------------------------------------------------------------------------------------------


def on_trigger(
    session: Session, trigger: str, order_no: str, actor: Actor, now: datetime, *, reason: str = "",
    day: date | None = None,
) -> Queued | None:  # fmt: skip
    """The notice `trigger` (ship, split, out_of_stock, breach, unpaid) makes for `order_no` if the seller switched
    it on, in the caller's transaction; a notice it cannot make is noted in the order's history and never stops the
    caller."""
    settings = NoticeSettings.load(session)
    switched = {"ship": settings.on_ship, "split": settings.on_split, "out_of_stock": settings.on_out_of_stock,
                "breach": settings.before_breach, "unpaid": settings.remind_unpaid}  # fmt: skip
    if not switched.get(trigger):
        return None
    template = {"ship": "shipped", "split": "partial", "out_of_stock": "out_of_stock_wait", "breach": "delay",
                "unpaid": PAYMENT_REMINDER}[trigger]  # fmt: skip
    if trigger == "split":
        reason, day = settings.split_reason, (now.astimezone(CHINA) + timedelta(days=settings.split_days)).date()
    try:
        with session.begin_nested():
            return queue_notice(session, order_no, template, actor=actor, now=now, reason=reason, day=day,
                                trigger=trigger)  # fmt: skip
    except PackDeskError as exc:
        audit(session, actor, "notice_skipped", "order", order_no, trigger=trigger, reason=exc.message)
        return None


def breach_round(session_factory: sessionmaker[Session], actor: Actor, now: datetime) -> list[Queued]:
    """Before a breach (if switched on): a delay notice to each open order due within the set hours that has had no
    breach notice yet."""
    with session_factory() as session:
        settings = NoticeSettings.load(session)
        if not settings.before_breach:
            return []
        open_states = [OrderStatus.AWAITING_SHIPMENT.value, OrderStatus.OUT_OF_STOCK.value]
        due = NoticeRepository(session).due_by(now + timedelta(hours=settings.breach_hours), open_states)
        told = {i["order_no"] for i in NoticeRepository(session).items() if i["trigger"] == "breach"}
    made = []
    for order_no, deadline in due:
        if order_no in told:
            continue
        with session_factory.begin() as session:
            later = max(deadline, now).astimezone(CHINA)  # an overdue order: from today
            ship_day = (later + timedelta(days=settings.breach_days)).date()
            queued = on_trigger(session, "breach", order_no, actor, now, reason=settings.breach_reason, day=ship_day)
        if queued is not None:
            made.append(queued)
    return made


def unpaid_round(session_factory: sessionmaker[Session], actor: Actor, now: datetime) -> list[Queued]:
    """Payment reminders (if switched on): one to each order still waiting for payment the set minutes after it was
    created, once per order (its history says whether it had one: queued, copied or skipped, across restarts and
    stations)."""
    with session_factory() as session:
        settings = NoticeSettings.load(session)
        if not settings.remind_unpaid:
            return []
        repo = NoticeRepository(session)
        due = repo.unpaid_since(now - timedelta(minutes=settings.unpaid_minutes))
        told = repo.triggered("unpaid", [order_no for order_no, _ in due])
    made = []
    for order_no, created in due:
        if order_no in told:
            continue
        with session_factory.begin() as session:
            repo = NoticeRepository(session)
            facts = repo.order_facts(order_no)  # again in this transaction: paid, closed or reminded meanwhile
            unpaid = facts is not None and facts.status == OrderStatus.AWAITING_PAYMENT.value
            if not unpaid or repo.triggered("unpaid", [order_no]):
                continue
            # never a day gone by (an order older than the set days when the trigger was switched on): today then
            pay_by = max((created.astimezone(CHINA) + timedelta(days=settings.unpaid_days)).date(),
                         now.astimezone(CHINA).date())  # fmt: skip
            queued = on_trigger(session, "unpaid", order_no, actor, now, reason=settings.unpaid_reason, day=pay_by)
        if queued is not None:
            made.append(queued)
    return made


def alert_seller(session: Session, alert: dict[str, Any], now: datetime) -> int | None:
    """An SMS to the seller's own number about a bad or neutral rating, when a seller phone, an SMS account and an
    approved `review_alert` template are set; returns the notice's id (None: not set up)."""
    settings = NoticeSettings.load(session)
    repo = NoticeRepository(session)
    account, t = repo.account(None), repo.template(SELLER_ALERT)
    if not settings.seller_phone or account is None or t is None or not t.provider_code:
        return None
    values = {"order_no": alert["order_no"], "buyer": alert["nick"] or "?",
              "reason": (alert["content"] or alert["result"])[:30]}  # fmt: skip
    params = {k: v for k, v in values.items() if f"${{{k}}}" in t.body}
    payload = NoticePayload(
        order_no=alert["order_no"], template=SELLER_ALERT, template_code=t.provider_code, params=params,
        text=render(t.body, values), phone=settings.seller_phone, buyer="", account=account.name, trigger="review",
    )  # fmt: skip
    order = repo.order_facts(alert["order_no"])
    return repo.enqueue(shop_id=alert["shop_id"], order_id=order.order_id if order else None, payload=payload, now=now)


__all__ = [
    "PROVIDERS",  # defined in app.domain.notices, where the command line reads it without loading this module
    "alert_seller",
    "NoticeSettings",
    "Queued",
    "breach_round",
    "change_settings",
    "on_trigger",
    "queue_notice",
    "release_checked",
    "set_template",
    "templates",
    "unpaid_round",
]

"""Notices, their templates, SMS accounts and settings, bad-review alerts and parcel traces (persistence layer).

A notice is an outbox entry of kind `notice` (the order's shop, the order when PackDesk holds it) whose payload is
app.domain.notices.NoticePayload; only this module reads and writes those rows' payloads.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain.enums import OrderStatus, OutboxState
from app.domain.masking import mask_phone
from app.domain.messages import Message
from app.domain.notices import NoticePayload
from app.domain.parcel_risk import describe
from app.persistence.outbox import OutboxRepository
from app.persistence.rows import (
    AuditRow,
    NoticeSettingRow,
    NoticeTemplateRow,
    OrderRow,
    OutboxRow,
    PackageRow,
    ParcelTraceRow,
    ReviewAlertRow,
    ShopRow,
    SmsAccountRow,
)

NOTICE = "notice"
COPY = "copy"  # the state a copied notice is listed in (its row is done: the seller has the text)


@dataclass(frozen=True)
class Template:
    key: str
    provider_code: str
    body: str


@dataclass(frozen=True)
class SmsAccount:
    id: int
    name: str
    provider: str
    gateway_url: str
    access_key_id: str
    sign_name: str
    credentials_ref: str
    seller_phone: str


@dataclass(frozen=True)
class OrderFacts:
    shop_id: int
    order_id: int
    buyer_nick: str
    receiver_phone: str  # as the cache holds it: masked
    items_shipped: str
    items_to_come: str
    carrier: str  # of its last live parcel ("" : none)
    tracking_no: str
    shipped_at: datetime | None
    # the platform can give the number it allows for an SMS (Taobao's oaid, PDD's receiver ciphertext)
    platform_number: bool = False
    status: str = ""  # the order's status (an OrderStatus value)


@dataclass(frozen=True)
class NumberSource:
    """Where the platform's number of an order's buyer comes from: its shop, and the oaid or ciphertexts."""

    shop_id: int
    oaid: str
    receiver_cipher: str  # PDD's ciphertexts as JSON (name, phone, address); "" for other platforms


@dataclass(frozen=True)
class ClaimedNotice:
    payload: NoticePayload
    verify_first: bool  # it may have been sent already: look before sending again


class NoticeRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- templates ---------------------------------------------------------------------------------------------------

    def templates(self) -> list[Template]:
        rows = self.session.scalars(select(NoticeTemplateRow).order_by(NoticeTemplateRow.key))
        return [Template(r.key, r.provider_code, r.body) for r in rows]

    def template(self, key: str) -> Template | None:
        r = self.session.get(NoticeTemplateRow, key)
        return Template(r.key, r.provider_code, r.body) if r else None

    def set_template(self, key: str, *, code: str | None, body: str | None, now: datetime) -> Template:
        row = self.session.get(NoticeTemplateRow, key)
        if row is None:
            row = NoticeTemplateRow(key=key, provider_code="", body=body or "")
            self.session.add(row)
        if code is not None:
            row.provider_code = code
        if body is not None:
            row.body = body
        row.updated_at = now
        self.session.flush()
        return Template(row.key, row.provider_code, row.body)

    # -- SMS accounts ------------------------------------------------------------------------------------------------

    def _account(self, r: SmsAccountRow) -> SmsAccount:
        return SmsAccount(r.id, r.name, r.provider, r.gateway_url, r.access_key_id, r.sign_name, r.credentials_ref,
                          r.seller_phone)  # fmt: skip

    def save_account(self, *, name: str, provider: str, gateway_url: str, access_key_id: str, sign_name: str,
                     credentials_ref: str, seller_phone: str, now: datetime) -> SmsAccount:  # fmt: skip
        row = self.session.scalar(select(SmsAccountRow).where(SmsAccountRow.name == name))
        if row is None:
            row = SmsAccountRow(name=name, created_at=now)
            self.session.add(row)
        row.provider, row.gateway_url, row.access_key_id = provider, gateway_url, access_key_id
        row.sign_name, row.credentials_ref, row.seller_phone = sign_name, credentials_ref, seller_phone
        self.session.flush()
        return self._account(row)

    def accounts(self) -> list[SmsAccount]:
        return [self._account(r) for r in self.session.scalars(select(SmsAccountRow).order_by(SmsAccountRow.id))]

    def account(self, name: str | None) -> SmsAccount | None:
        """The account called `name`, or the first one when `name` is None."""
        query = select(SmsAccountRow).order_by(SmsAccountRow.id)
        if name is not None:
            query = query.where(SmsAccountRow.name == name)
        row = self.session.scalars(query.limit(1)).first()
        return self._account(row) if row else None

    # -- settings ----------------------------------------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        return {r.key: r.value for r in self.session.scalars(select(NoticeSettingRow))}

    def set_setting(self, key: str, value: str) -> None:
        row = self.session.get(NoticeSettingRow, key)
        if row is None:
            self.session.add(NoticeSettingRow(key=key, value=value))
        else:
            row.value = value

    # -- notices (outbox kind `notice`) ------------------------------------------------------------------------------

    def enqueue(self, *, shop_id: int, order_id: int | None, payload: NoticePayload, now: datetime,
                note: Message | None = None) -> int:  # fmt: skip
        """Queues a notice (an SMS to send), or records a copied one as done (with why it is not an SMS, if `note`);
        returns its id."""
        copied = payload.channel == COPY
        entry = OutboxRow(
            kind=NOTICE,
            dedupe_key=f"notice:{shop_id}:{payload.order_no}:{uuid.uuid4().hex}",
            shop_id=shop_id,
            order_id=order_id,
            payload=payload.to_json(),
            state=OutboxState.DONE if copied else OutboxState.PENDING,
            attempts=0,
            created_at=now,
            next_attempt_at=None if copied else now,
            done_at=now if copied else None,
            last_error=note.encode() if note else None,
        )
        self.session.add(entry)
        self.session.flush()
        return entry.id

    def count_for_buyer(self, shop_id: int, buyer: str, since: datetime) -> int:
        """Notices to `buyer` of the shop since `since` that were not refused (sent, waiting, or copied)."""
        query = select(OutboxRow.payload).where(
            OutboxRow.kind == NOTICE,
            OutboxRow.shop_id == shop_id,
            OutboxRow.created_at >= since,
            OutboxRow.state != OutboxState.FAILED,
        )
        return sum(1 for p in self.session.scalars(query) if p.get("buyer") == buyer)

    def due(self, now: datetime | None) -> list[int]:
        """SMS notices still to deliver, oldest first: those whose backoff ended by `now` (all if None), except
        those the seller must check first."""
        query = (
            select(OutboxRow.id, OutboxRow.payload, OutboxRow.next_attempt_at)
            .where(OutboxRow.kind == NOTICE, OutboxRow.state.in_((OutboxState.PENDING, OutboxState.SENDING)))
            .order_by(OutboxRow.id)
        )
        return [
            i
            for i, p, at in self.session.execute(query)
            if not p.get("check_first") and (now is None or at is None or at <= now)
        ]

    def claim(self, entry_id: int) -> ClaimedNotice | None:
        """Takes the notice for one attempt (state `sending`, attempts + 1) if it still waits and nobody took it."""
        taken = OutboxRepository(self.session).take(entry_id, NOTICE)
        if taken is None:
            return None
        payload = NoticePayload.from_json(taken[0])
        return ClaimedNotice(payload, taken[1] or payload.unclear)

    def _entry(self, entry_id: int) -> OutboxRow:
        entry = self.session.get(OutboxRow, entry_id)
        assert entry is not None
        return entry

    def rewrite(self, entry_id: int, payload: NoticePayload) -> None:
        self._entry(entry_id).payload = payload.to_json()

    def delivered(self, entry_id: int, now: datetime, payload: NoticePayload, note: Message | None = None) -> None:
        entry = self._entry(entry_id)
        entry.state, entry.done_at, entry.next_attempt_at = OutboxState.DONE, now, None
        entry.last_error = note.encode() if note else None
        entry.payload = payload.to_json()

    def later(self, entry_id: int, now: datetime, reason: Message, *, unclear: bool,
              wait: Callable[[int], timedelta]) -> None:  # fmt: skip
        """Back in the queue after an attempt that did not send it; once unclear, it stays unclear until done."""
        OutboxRepository(self.session).requeue(entry_id, now, reason, unclear=unclear, wait=wait)

    def hold_for_check(self, entry_id: int, reason: Message) -> None:
        """Unclear and it cannot be checked: it waits for the seller, who checks before it is sent again."""
        entry = self._entry(entry_id)
        entry.state = OutboxState.PENDING
        entry.last_error = reason.encode()
        entry.next_attempt_at = None
        entry.payload = {**entry.payload, "unclear": True, "check_first": True}

    def release_check(self, entry_id: int, *, sent: bool, now: datetime, masked_phone: str) -> bool:
        """The seller checked a notice held for a check: it was sent (done) or not (sent again by the next round)."""
        entry = self.session.get(OutboxRow, entry_id)
        if entry is None or entry.kind != NOTICE or not entry.payload.get("check_first"):
            return False
        if sent:
            payload = NoticePayload.from_json(entry.payload).closed(masked_phone)
            entry.payload = {**payload.to_json(), "check_first": False}
            entry.state, entry.done_at, entry.last_error = OutboxState.DONE, now, None
        else:
            entry.payload = {k: v for k, v in entry.payload.items() if k not in ("check_first", "unclear")}
            entry.next_attempt_at = now
        return True

    def for_chat(self, entry_id: int, now: datetime, reason: Message, payload: NoticePayload) -> None:
        """An SMS notice turned into a copy for the chat window at send time (with why): done, nothing sent."""
        entry = self._entry(entry_id)
        entry.state, entry.done_at, entry.next_attempt_at = OutboxState.DONE, now, None
        entry.last_error = reason.encode()
        entry.payload = payload.to_json()

    def failed(self, entry_id: int, reason: Message, payload: NoticePayload) -> None:
        entry = self._entry(entry_id)
        entry.state, entry.next_attempt_at = OutboxState.FAILED, None
        entry.last_error = reason.encode()
        entry.payload = payload.to_json()

    def items(self, order_no: str | None = None, limit: int = 2000) -> list[dict[str, Any]]:
        """The notices (of one order), newest first."""
        query = (
            select(OutboxRow, ShopRow.name)
            .join(ShopRow, ShopRow.id == OutboxRow.shop_id)
            .where(OutboxRow.kind == NOTICE)
            .order_by(OutboxRow.id.desc())
            .limit(limit)
        )
        items = []
        for r, shop in self.session.execute(query):
            p = NoticePayload.from_json(r.payload)
            if order_no is not None and p.order_no != order_no:
                continue
            state = COPY if p.channel == COPY else ("unclear" if p.check_first else r.state)
            items.append({
                "id": r.id, "order_no": p.order_no, "shop": shop, "template": p.template,
                "template_code": p.template_code, "params": dict(p.params), "text": p.text,
                "phone": mask_phone(p.phone),
                "channel": p.channel, "account": p.account, "trigger": p.trigger, "state": state,
                "attempts": r.attempts, "biz_id": p.biz_id, "last_error": Message.decode(r.last_error),
                "created_at": r.created_at.isoformat(), "done_at": r.done_at.isoformat() if r.done_at else None,
            })  # fmt: skip
        return items

    def order_facts(self, order_no: str) -> OrderFacts | None:
        """What a notice about `order_no` says of it, None when PackDesk does not hold it."""
        row = self.session.scalars(select(OrderRow).where(OrderRow.order_no == order_no).limit(1)).first()
        if row is None:
            return None
        shipped, to_come = [], []
        for ln in row.lines:
            if ln.refund_status == "none":
                (shipped if ln.shipped else to_come).append(f"{ln.title}×{ln.qty}")
        parcel = self.session.scalars(
            select(PackageRow)
            .where(PackageRow.order_id == row.id, PackageRow.state != "voided")
            .order_by(PackageRow.id.desc())
            .limit(1)
        ).first()
        return OrderFacts(
            shop_id=row.shop_id, order_id=row.id, buyer_nick=row.buyer_nick, receiver_phone=row.receiver_phone,
            items_shipped="、".join(shipped), items_to_come="、".join(to_come),
            carrier=parcel.carrier if parcel else "", tracking_no=parcel.tracking_no if parcel else "",
            shipped_at=parcel.shipped_at if parcel else None,
            platform_number=bool(row.oaid or row.receiver_cipher), status=row.status,
        )  # fmt: skip

    def number_source(self, order_no: str) -> NumberSource | None:
        """Where the platform's number for the buyer of `order_no` comes from, None when PackDesk does not hold it."""
        query = select(OrderRow.shop_id, OrderRow.oaid, OrderRow.receiver_cipher).where(OrderRow.order_no == order_no)
        row = self.session.execute(query.limit(1)).first()
        return NumberSource(row.shop_id, row.oaid or "", row.receiver_cipher or "") if row is not None else None

    def due_by(self, limit: datetime, statuses: list[str]) -> list[tuple[str, datetime]]:
        """Orders in `statuses` whose deadline is at or before `limit`: (order number, deadline)."""
        query = select(OrderRow.order_no, OrderRow.deadline).where(
            OrderRow.status.in_(statuses), OrderRow.deadline <= limit
        )
        return [(n, d) for n, d in self.session.execute(query)]

    def unpaid_since(self, created_by: datetime) -> list[tuple[str, datetime]]:
        """Orders still waiting for payment that were created at or before `created_by`: (order number, creation
        time; the cache keeps it as `paid_at` until the order is paid), oldest first."""
        query = (
            select(OrderRow.order_no, OrderRow.paid_at)
            .where(OrderRow.status == OrderStatus.AWAITING_PAYMENT.value, OrderRow.paid_at <= created_by)
            .order_by(OrderRow.paid_at)
        )
        return [(n, at) for n, at in self.session.execute(query)]

    def triggered(self, trigger: str, order_nos: list[str]) -> set[str]:
        """Those of `order_nos` whose history has a notice from `trigger`, queued, copied or skipped (with why)."""
        found: set[str] = set()
        for start in range(0, len(order_nos), 500):
            query = select(AuditRow.entity_id, AuditRow.detail).where(
                AuditRow.entity == "order",
                AuditRow.entity_id.in_(order_nos[start : start + 500]),
                AuditRow.action.in_(("notice", "notice_skipped")),
            )
            found.update(no for no, detail in self.session.execute(query) if (detail or {}).get("trigger") == trigger)
        return found

    def status_of_entry(self, entry_id: int) -> str | None:
        """The status of the order a notice is about, None when PackDesk does not hold the order."""
        query = select(OrderRow.status).join(OutboxRow, OutboxRow.order_id == OrderRow.id)
        return self.session.scalar(query.where(OutboxRow.id == entry_id))

    # -- review alerts -----------------------------------------------------------------------------------------------

    def add_alert(self, *, shop_id: int, order_no: str, oid: str, result: str, nick: str, item_title: str,
                  content: str, rated_at: datetime, now: datetime) -> int | None:  # fmt: skip
        """Raises an alert for a rating not seen before; returns its id, None when it was raised already."""
        exists = self.session.scalar(
            select(ReviewAlertRow.id).where(
                ReviewAlertRow.shop_id == shop_id, ReviewAlertRow.order_no == order_no, ReviewAlertRow.oid == oid
            )
        )
        if exists is not None:
            return None
        row = ReviewAlertRow(shop_id=shop_id, order_no=order_no, oid=oid, result=result, nick=nick,
                             item_title=item_title[:200], content=content, rated_at=rated_at,
                             raised_at=now)  # fmt: skip
        self.session.add(row)
        self.session.flush()
        return row.id

    def latest_rating(self, shop_id: int) -> datetime | None:
        return self.session.scalar(select(func.max(ReviewAlertRow.rated_at)).where(ReviewAlertRow.shop_id == shop_id))

    def alerts(self, unseen_only: bool = False) -> list[dict[str, Any]]:
        query = (
            select(ReviewAlertRow, ShopRow.name)
            .join(ShopRow, ShopRow.id == ReviewAlertRow.shop_id)
            .order_by(ReviewAlertRow.rated_at.desc())
        )
        if unseen_only:
            query = query.where(ReviewAlertRow.seen.is_(False))
        return [
            {"id": r.id, "shop": shop, "order_no": r.order_no, "oid": r.oid, "result": r.result, "nick": r.nick,
             "item_title": r.item_title, "content": r.content, "rated_at": r.rated_at.isoformat(),
             "raised_at": r.raised_at.isoformat(), "seen": r.seen}
            for r, shop in self.session.execute(query)
        ]  # fmt: skip

    def alerts_by_id(self, ids: list[int]) -> list[dict[str, Any]]:
        rows = self.session.scalars(select(ReviewAlertRow).where(ReviewAlertRow.id.in_(ids)))
        return [{"id": r.id, "shop_id": r.shop_id, "order_no": r.order_no, "nick": r.nick, "result": r.result,
                 "content": r.content} for r in rows]  # fmt: skip

    def mark_seen(self, ids: list[int]) -> None:
        self.session.execute(update(ReviewAlertRow).where(ReviewAlertRow.id.in_(ids)).values(seen=True))

    # -- parcel traces -----------------------------------------------------------------------------------------------

    def save_trace(self, package_id: int, *, status: str, company: str, steps: list[dict[str, Any]],
                   risk: str | None, detail: str, now: datetime) -> None:  # fmt: skip
        row = self.session.get(ParcelTraceRow, package_id)
        if row is None:
            row = ParcelTraceRow(package_id=package_id)
            self.session.add(row)
        row.status, row.company, row.steps, row.checked_at = status, company, steps, now
        row.risk, row.risk_detail = risk, detail

    def risks(self) -> list[dict[str, Any]]:
        query = (
            select(
                ParcelTraceRow,
                PackageRow.tracking_no,
                PackageRow.carrier,
                PackageRow.shipped_at,
                OrderRow.order_no,
                ShopRow.name,
            )  # fmt: skip
            .join(PackageRow, PackageRow.id == ParcelTraceRow.package_id)
            .join(OrderRow, OrderRow.id == PackageRow.order_id)
            .join(ShopRow, ShopRow.id == OrderRow.shop_id)
            .where(ParcelTraceRow.risk.is_not(None))
            .order_by(PackageRow.shipped_at)
        )
        return [
            {"order_no": order_no, "shop": shop, "tracking_no": tracking_no, "carrier": carrier,
             "shipped_at": shipped_at.isoformat() if shipped_at else None, "risk": t.risk, "detail": t.risk_detail,
             "reason": describe(t.risk or "", t.risk_detail).render(),
             "company": t.company, "checked_at": t.checked_at.isoformat(), "trace": list(t.steps or [])}
            for t, tracking_no, carrier, shipped_at, order_no, shop in self.session.execute(query)
        ]  # fmt: skip

    def trace(self, tracking_no: str) -> dict[str, Any] | None:
        query = (
            select(ParcelTraceRow)
            .join(PackageRow, PackageRow.id == ParcelTraceRow.package_id)
            .where(PackageRow.tracking_no == tracking_no)
        )
        t = self.session.scalars(query).first()
        if t is None:
            return None
        return {"status": t.status, "company": t.company, "risk": t.risk, "detail": t.risk_detail,
                "trace": list(t.steps or []), "checked_at": t.checked_at.isoformat()}  # fmt: skip

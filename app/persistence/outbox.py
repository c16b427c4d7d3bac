"""The outbox repository: ship-backs queued, claimed, retried and closed, with the one encoding of their payload
(persistence layer).

The payload is stored as JSON; `encode_shipment` and `decode_shipment` are the only code that knows its keys. Rows
written before payloads were versioned carry no `version` and read as version 1 (their keys are the same).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from app.domain.enums import OutboxState
from app.domain.messages import Message
from app.domain.outbox import SHIPMENT_VERSION, OutboxItem, ShipmentPayload
from app.persistence.rows import OutboxRow, ShopRow

SHIP = "ship"
_MARKS = ("unclear", "reason_code", "exported_at", "export_file", "entered_by_hand")  # written only when set


def encode_shipment(payload: ShipmentPayload) -> dict[str, Any]:
    """The JSON stored for `payload`: its shipment, then its version and the delivery marks that are set."""
    data: dict[str, Any] = {
        "order_no": payload.order_no,
        "platform": payload.platform,
        "carrier": payload.carrier,
        "tracking_no": payload.tracking_no,
        "line_nos": list(payload.line_nos),
        "partial": payload.partial,
        "version": payload.version,
    }
    for key in _MARKS:
        value = getattr(payload, key)
        if value:
            data[key] = value
    return data


def decode_shipment(data: dict[str, Any]) -> ShipmentPayload:
    """Reads what `encode_shipment` stored, and rows from before the version (no `version` key: version 1)."""
    return ShipmentPayload(
        order_no=str(data["order_no"]),
        platform=str(data.get("platform", "")),
        carrier=str(data["carrier"]),
        tracking_no=str(data["tracking_no"]),
        line_nos=tuple(str(n) for n in data.get("line_nos") or ()),
        partial=bool(data.get("partial")),
        unclear=bool(data.get("unclear")),
        reason_code=data.get("reason_code") or None,
        exported_at=data.get("exported_at") or None,
        export_file=data.get("export_file") or None,
        entered_by_hand=bool(data.get("entered_by_hand")),
        version=int(data.get("version", SHIPMENT_VERSION)),
    )


def listed_fields(payload: ShipmentPayload) -> dict[str, Any]:
    """The payload's fields as `packdesk outbox list` shows them (the version and the unclear mark are internal)."""
    return {k: v for k, v in encode_shipment(payload).items() if k not in ("version", "unclear")}


@dataclass(frozen=True)
class ClaimedShipment:
    payload: ShipmentPayload
    shop_id: int
    verify_first: bool  # it may have been applied already: look before sending again


def _waits_for_seller() -> ColumnElement[bool]:
    """Shipments of shops without an API connection (the query must join ShopRow)."""
    return and_(OutboxRow.kind == SHIP, OutboxRow.state == OutboxState.PENDING, ShopRow.gateway_url.is_(None))


class OutboxRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _entry(self, entry_id: int) -> OutboxRow:
        entry = self.session.get(OutboxRow, entry_id)
        assert entry is not None
        return entry

    def _with_shop(self):  # type: ignore[no-untyped-def]
        return select(OutboxRow).join(ShopRow, ShopRow.id == OutboxRow.shop_id)

    def enqueue_shipment(self, *, shop_id: int, order_id: int, payload: ShipmentPayload, now: datetime) -> int:
        """Queues the ship-back of `payload` in the caller's transaction; returns its entry id."""
        entry = OutboxRow(
            kind=SHIP,
            dedupe_key=f"ship:{shop_id}:{payload.order_no}:{payload.tracking_no}",
            shop_id=shop_id,
            order_id=order_id,
            payload=encode_shipment(payload),
            state=OutboxState.PENDING,
            attempts=0,
            created_at=now,
            next_attempt_at=now,
        )
        self.session.add(entry)
        self.session.flush()
        return entry.id

    def due_shipments(self, now: datetime | None) -> list[int]:
        """Ship-backs of API shops still to deliver, oldest first: those whose backoff ended by `now` (all if None)."""
        return self.due(SHIP, now)

    def due(self, kind: str, now: datetime | None) -> list[int]:
        """Entries of `kind` for API shops still to deliver, oldest first: those whose backoff ended by `now` (all if
        None)."""
        query = (
            select(OutboxRow.id)
            .join(ShopRow, ShopRow.id == OutboxRow.shop_id)
            .where(
                OutboxRow.kind == kind,
                OutboxRow.state.in_((OutboxState.PENDING, OutboxState.SENDING)),
                ShopRow.gateway_url.is_not(None),
            )
            .order_by(OutboxRow.id)
        )
        if now is not None:
            query = query.where(or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now))
        return list(self.session.execute(query).scalars())

    def shop_of(self, entry_id: int) -> int | None:
        entry = self.session.get(OutboxRow, entry_id)
        return entry.shop_id if entry else None

    def take(self, entry_id: int, kind: str) -> tuple[dict[str, Any], bool] | None:
        """Takes the entry of `kind` for one delivery attempt (state `sending`, attempts + 1), only if it still waits
        and nobody else took it meanwhile (the window and `packdesk outbox flush` may both run); returns its payload
        as stored and whether it was found `sending` (a crash left it possibly applied), None when not taken."""
        entry = self.session.get(OutboxRow, entry_id)
        if entry is None or entry.kind != kind or entry.state not in (OutboxState.PENDING, OutboxState.SENDING):
            return None
        payload, was_sending = dict(entry.payload), entry.state == OutboxState.SENDING  # read before the claim
        claimed = self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == entry_id, OutboxRow.state == entry.state, OutboxRow.attempts == entry.attempts)
            .values(state=OutboxState.SENDING, attempts=entry.attempts + 1)
            .execution_options(synchronize_session="fetch")
        ).rowcount
        return (payload, was_sending) if claimed == 1 else None

    def claim_shipment(self, entry_id: int) -> ClaimedShipment | None:
        """Takes the ship-back for one delivery attempt (`take`)."""
        taken = self.take(entry_id, SHIP)
        if taken is None:
            return None
        payload = decode_shipment(taken[0])
        entry = self._entry(entry_id)
        return ClaimedShipment(payload, entry.shop_id, taken[1] or payload.unclear)

    def mark_delivered(self, entry_id: int, now: datetime, note: Message | None = None) -> None:
        entry = self._entry(entry_id)
        entry.state = OutboxState.DONE
        entry.done_at = now
        entry.last_error = note.encode() if note else None
        entry.payload = encode_shipment(decode_shipment(entry.payload).delivered())

    def retry_later(
        self,
        entry_id: int,
        now: datetime,
        reason: Message,
        *,
        unclear: bool,
        code: str,
        wait: Callable[[int], timedelta],
    ) -> None:
        """Puts the entry back in the queue after a failed attempt; `wait` gives the backoff after n attempts."""
        entry = self._entry(entry_id)
        entry.state = OutboxState.PENDING
        entry.last_error = reason.encode()
        entry.next_attempt_at = now + wait(entry.attempts)
        entry.payload = encode_shipment(decode_shipment(entry.payload).retried(unclear=unclear, code=code))

    def requeue(
        self, entry_id: int, now: datetime, reason: Message, *, unclear: bool, wait: Callable[[int], timedelta]
    ) -> None:
        """A write-back or notice (a plain payload) back in the queue after an attempt that did not deliver it;
        once unclear, it stays unclear until delivered (the next attempt checks first)."""
        entry = self._entry(entry_id)
        entry.state = OutboxState.PENDING
        entry.last_error = reason.encode()
        entry.next_attempt_at = now + wait(entry.attempts)
        if unclear:
            entry.payload = {**entry.payload, "unclear": True}

    def mark_failed(self, entry_id: int, reason: Message, *, code: str) -> None:
        """Stops the entry: the platform refused it, the seller must act."""
        entry = self._entry(entry_id)
        entry.state = OutboxState.FAILED
        entry.last_error = reason.encode()
        entry.next_attempt_at = None
        payload = decode_shipment(entry.payload)
        entry.payload = encode_shipment(replace(payload, reason_code=code))

    def waiting_for_seller_count(self) -> int:
        query = select(func.count()).select_from(OutboxRow).join(ShopRow, ShopRow.id == OutboxRow.shop_id)
        return int(self.session.scalar(query.where(_waits_for_seller())) or 0)

    def shops_waiting_for_seller(self) -> list[str]:
        """The names of the shops with shipments waiting for their seller centre."""
        query = select(ShopRow.name).join(OutboxRow, OutboxRow.shop_id == ShopRow.id).where(_waits_for_seller())
        return sorted(set(self.session.scalars(query)))

    def waiting_for_seller(self, shop_id: int | None = None) -> dict[int, ShipmentPayload]:
        """Shipments waiting for the seller centre (of one shop, when given), by entry id, oldest first."""
        query = self._with_shop().where(_waits_for_seller()).order_by(OutboxRow.id)
        if shop_id is not None:
            query = query.where(OutboxRow.shop_id == shop_id)
        return {e.id: decode_shipment(e.payload) for e in self.session.scalars(query)}

    def mark_exported(self, ids: Iterable[int], now: datetime, file_name: str) -> None:
        """Stamps the entries still pending as written to the bulk-ship file `file_name`."""
        for entry in self.session.scalars(select(OutboxRow).where(OutboxRow.id.in_(list(ids)))):
            if entry.state == OutboxState.PENDING:
                entry.payload = encode_shipment(decode_shipment(entry.payload).exported(now, file_name))

    def mark_entered_by_hand(self, ids: Iterable[int], now: datetime) -> None:
        """Closes the entries as done: the seller entered them in the seller centre."""
        for entry in self.session.scalars(select(OutboxRow).where(OutboxRow.id.in_(list(ids)))):
            entry.state = OutboxState.DONE
            entry.done_at = now
            entry.last_error = None
            entry.payload = encode_shipment(decode_shipment(entry.payload).entered())

    def state_counts(self) -> dict[str, int]:
        return {
            s: int(n) for s, n in self.session.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state))
        }

    def items(self, limit: int) -> list[OutboxItem]:
        """The outbox, newest first."""
        rows = self.session.execute(
            select(OutboxRow, ShopRow.name, ShopRow.gateway_url)
            .join(ShopRow, ShopRow.id == OutboxRow.shop_id)
            .where(OutboxRow.kind == SHIP)  # flag and memo write-backs: app.persistence.order_actions
            .order_by(OutboxRow.id.desc())
            .limit(limit)
        ).all()
        return [
            OutboxItem(
                id=r.id,
                kind=r.kind,
                shop=shop,
                shop_has_api=gateway is not None,
                state=OutboxState(r.state),
                attempts=r.attempts,
                last_error=Message.decode(r.last_error),
                created_at=r.created_at,
                next_attempt_at=r.next_attempt_at,
                done_at=r.done_at,
                payload=decode_shipment(r.payload),
            )
            for r, shop, gateway in rows
        ]

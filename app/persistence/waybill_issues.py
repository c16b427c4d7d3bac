"""The ledger of number requests to online waybill providers (waybill_issues): writes named for what they mean
(persistence layer).

A row's life: `requested` (recorded and committed before the request leaves) -> `issued` (the number is on a parcel)
-> `cancel_pending` (its label was voided before shipping) -> `cancelled`; or `requested` -> `failed` (the provider
refused clearly; nothing was issued). A number whose order no longer wants it by the time it arrives goes straight
from `requested` to `cancel_pending` with no parcel. A cancel the provider refuses ends `failed` with the number kept,
for the seller. Every transition is a conditional write on the state it leaves, so two processes acting on the same
row change it once. The services (app.services.waybills) own the transactions and call the providers between them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from app.domain.enums import PackageState
from app.domain.messages import Message
from app.domain.packages import Package
from app.domain.waybill_ledger import TRANSITIONS, IssueEvent, after, source
from app.domain.waybills import IssueState, WaybillAccount
from app.persistence.packages import PackageRepository
from app.persistence.rows import (
    OrderRow,
    PackageRow,
    WaybillAccountCarrierRow,
    WaybillAccountRow,
    WaybillIssueRow,
)
from app.persistence.waybill_accounts import WaybillAccounts


def stored_message(message: Message) -> dict[str, Any]:
    """`message` as the ledger's JSON `error` column holds it (Message.encode's shape)."""
    data: dict[str, Any] = json.loads(message.encode())
    return data


def message_of(stored: Mapping[str, Any] | None) -> Message | None:
    """The message the `error` column holds (None when it holds none)."""
    return None if stored is None else Message.decode(json.dumps(stored, ensure_ascii=False))


@dataclass(frozen=True)
class OpenRequest:
    """A request recorded and not answered yet: its id is the request's object_id."""

    id: int
    order_id: int
    account_id: int
    carrier: str
    unclear: bool  # an attempt's answer was lost: it may have been issued
    attempts: int
    receiver_digest: str | None
    insured: Decimal | None = None  # what the request insures the parcel for (保价, yuan), as first recorded


@dataclass(frozen=True)
class LedgerNumber:
    """A ledger row that holds a number (issued, to cancel, cancelled, or a refused cancel)."""

    id: int
    order_id: int
    order_no: str
    account_id: int
    carrier: str
    state: IssueState
    tracking_no: str
    package_id: int | None
    package_state: PackageState | None
    receiver_digest: str | None
    has_document: bool  # print data stored ({} counts: the provider gives none)
    error: Message | None = None
    insured: Decimal | None = None  # what its request insured the parcel for (保价, yuan)

    @property
    def shipped(self) -> bool:
        return self.package_state is PackageState.SHIPPED


@dataclass(frozen=True)
class Document:
    """What a provider gave to print an issued number: its print data (as answered; {} none), whether only its print
    component can render it, and a label image it rendered."""

    print_data: Mapping[str, Any] = field(default_factory=dict)
    encrypted: bool = False
    image: bytes | None = None


class WaybillIssues:
    """The ledger over one Session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, issue_id: int) -> WaybillIssueRow:
        row = self.session.get(WaybillIssueRow, issue_id)
        if row is None:
            raise LookupError(f"no waybill issue {issue_id}")
        return row

    # -- reads --------------------------------------------------------------------------------------------------

    def account(self, account_id: int) -> WaybillAccount | None:
        """The account a ledger row was asked of, as a value (with its sender address)."""
        row = self.session.get(WaybillAccountRow, account_id)
        return WaybillAccounts(self.session)._account(row) if row is not None else None

    def open_request(self, order_id: int) -> OpenRequest | None:
        """The order's request in flight (at most one: a partial unique index says so)."""
        row = (
            self.session.execute(
                select(WaybillIssueRow).where(
                    WaybillIssueRow.order_id == order_id, WaybillIssueRow.state == IssueState.REQUESTED.value
                )
            )
            .scalars()
            .first()
        )
        return _open(row) if row is not None else None

    def open_requests(self, order_ids: Iterable[int] | None = None) -> list[OpenRequest]:
        """Requests to resolve (of these orders, or all), the unclear ones first, then oldest first."""
        query = select(WaybillIssueRow).where(WaybillIssueRow.state == IssueState.REQUESTED.value)
        if order_ids is not None:
            query = query.where(WaybillIssueRow.order_id.in_(list(order_ids)))
        query = query.order_by(WaybillIssueRow.unclear.desc(), WaybillIssueRow.id)
        return [_open(row) for row in self.session.execute(query).scalars()]

    def of_package(self, package_id: int) -> LedgerNumber | None:
        """The ledger row of the number on `package_id` (None: its number is not an online provider's)."""
        found = self._numbers(WaybillIssueRow.package_id == package_id)
        return found[0] if found else None

    def by_tracking(self, tracking_no: str) -> LedgerNumber | None:
        found = self._numbers(WaybillIssueRow.tracking_no == tracking_no)
        return found[0] if found else None

    def to_cancel(self) -> list[LedgerNumber]:
        """The numbers to cancel with their providers, oldest first."""
        return self._numbers(WaybillIssueRow.state == IssueState.CANCEL_PENDING.value)

    def refused_cancels(self) -> list[LedgerNumber]:
        """Numbers whose cancel the provider refused: still live there, for the seller to settle."""
        return self._numbers(
            and_(WaybillIssueRow.state == IssueState.FAILED.value, WaybillIssueRow.tracking_no.is_not(None))
        )

    def _numbers(self, where: Any) -> list[LedgerNumber]:
        query = (
            select(WaybillIssueRow, OrderRow.order_no, PackageRow.state)
            .join(OrderRow, OrderRow.id == WaybillIssueRow.order_id)
            .outerjoin(PackageRow, PackageRow.id == WaybillIssueRow.package_id)
            .where(where, WaybillIssueRow.tracking_no.is_not(None))
            .order_by(WaybillIssueRow.id)
        )
        return [
            LedgerNumber(
                row.id,
                row.order_id,
                order_no,
                row.account_id,
                row.carrier,
                IssueState(row.state),
                row.tracking_no or "",
                row.package_id,
                PackageState(state) if state else None,
                row.receiver_digest,
                row.print_data is not None,
                message_of(row.error),
                row.insured,
            )  # fmt: skip
            for row, order_no, state in self.session.execute(query)
        ]

    def document_of(self, package_id: int) -> Document | None:
        """The provider's print data and label image of the number on `package_id`; None for a number that is not an
        online provider's (a roll's, one typed by hand)."""
        found = self.session.execute(
            select(WaybillIssueRow.print_data, WaybillIssueRow.encrypted, WaybillIssueRow.label_image).where(
                WaybillIssueRow.package_id == package_id
            )
        ).first()
        if found is None:
            return None
        print_data, encrypted, image = found
        return Document(print_data or {}, bool(encrypted), image)

    def balance(self, account_id: int, carrier: str) -> int | None:
        """The numbers left of `carrier` on the account as last known (None: not known)."""
        return self.session.execute(
            select(WaybillAccountCarrierRow.balance).where(
                WaybillAccountCarrierRow.account_id == account_id, WaybillAccountCarrierRow.carrier == carrier
            )
        ).scalar_one_or_none()

    # -- writes -------------------------------------------------------------------------------------------------

    def request(
        self, order_id: int, account_id: int, carrier: str, receiver_digest: str, now: datetime,
        insured: Decimal | None = None,
    ) -> int:  # fmt: skip
        """Records a request for a number of `order_id`'s parcel before it is sent, insured (保价) for `insured` yuan
        (None: not insured); its id is the request's object_id."""
        (issue_id,) = self.requests([(order_id, account_id, carrier, receiver_digest, insured)], now)
        return issue_id

    def requests(self, wanted: Iterable[tuple[int, int, str, str, Decimal | None]], now: datetime) -> list[int]:
        """Records several requests at once ((order id, account id, carrier, receiver digest, insured yuan or None)
        each, in one flush); their ids, in order. What a request insures stays with it: asked again or looked up, it
        asks the same, and the parcel it numbers shows it on its label."""
        rows = [
            WaybillIssueRow(
                order_id=order_id,
                account_id=account_id,
                carrier=carrier,
                state=IssueState.REQUESTED.value,
                unclear=False,
                attempts=0,
                receiver_digest=digest,
                insured=insured,
                created_at=now,
                updated_at=now,
            )
            for order_id, account_id, carrier, digest, insured in wanted
        ]
        self.session.add_all(rows)
        self.session.flush()
        return [row.id for row in rows]

    def holders(self, tracking_nos: Iterable[str]) -> dict[str, tuple[int | None, str]]:
        """Which of these numbers are already on a parcel or in the ledger: number -> (ledger id or None, the order
        number that holds it)."""
        numbers = list(set(tracking_nos))
        if not numbers:
            return {}
        found: dict[str, tuple[int | None, str]] = {}
        parcels = self.session.execute(
            select(PackageRow.tracking_no, OrderRow.order_no)
            .join(OrderRow, OrderRow.id == PackageRow.order_id)
            .where(PackageRow.tracking_no.in_(numbers))
        )
        for number, order_no in parcels:
            found[number] = (None, order_no)
        ledger = self.session.execute(
            select(WaybillIssueRow.tracking_no, WaybillIssueRow.id, OrderRow.order_no)
            .join(OrderRow, OrderRow.id == WaybillIssueRow.order_id)
            .where(WaybillIssueRow.tracking_no.in_(numbers))
        )
        for number, issue_id, order_no in ledger:
            found.setdefault(str(number), (issue_id, order_no))
        return found

    def mark_unclear(self, issue_ids: Iterable[int], reason: Message, now: datetime) -> None:
        """The answer to these requests was lost: they stay requested, to be looked up before being asked again."""
        self.session.execute(
            update(WaybillIssueRow)
            .where(WaybillIssueRow.id.in_(list(issue_ids)), WaybillIssueRow.state == IssueState.REQUESTED.value)
            .values(unclear=True, attempts=WaybillIssueRow.attempts + 1, error=stored_message(reason), updated_at=now)
        )

    def mark_unanswered(self, issue_ids: Iterable[int], reason: Message, now: datetime) -> None:
        """These requests did not reach the provider (or were not asked): they stay requested as they were."""
        self.session.execute(
            update(WaybillIssueRow)
            .where(WaybillIssueRow.id.in_(list(issue_ids)), WaybillIssueRow.state == IssueState.REQUESTED.value)
            .values(error=stored_message(reason), updated_at=now)
        )

    def record_issued(
        self, issue_id: int, *, tracking_no: str, carrier: str, routing: dict[str, Any], document: Document,
        receiver_digest: str | None, sent: bool, now: datetime,
    ) -> Package | None:  # fmt: skip
        """Records the number a request got and the parcel that carries it, in the caller's transaction; None when
        the request is no longer in flight (another process recorded its answer first)."""
        row = self._row(issue_id)
        if IssueState(row.state) is not source(IssueEvent.ISSUED):
            return None
        package = PackageRepository(self.session).add(
            row.order_id, carrier, tracking_no, now, account_id=row.account_id, routing=routing, insured=row.insured
        )
        self._answered(row, IssueEvent.ISSUED, tracking_no, document, now, sent=sent)
        row.package_id = package.id
        if receiver_digest is not None:
            row.receiver_digest = receiver_digest
        return package

    def record_unwanted(
        self, issue_id: int, *, tracking_no: str, document: Document, reason: Message, sent: bool, now: datetime
    ) -> bool:
        """Records a number whose order no longer wants it (stopped, or numbered otherwise meanwhile): to cancel,
        with no parcel. False when the request is no longer in flight."""
        row = self._row(issue_id)
        if IssueState(row.state) is not source(IssueEvent.UNWANTED):
            return False
        self._answered(row, IssueEvent.UNWANTED, tracking_no, document, now, sent=sent)
        row.error = stored_message(reason)
        return True

    def record_refused(self, issue_id: int, reason: Message, now: datetime, *, sent: bool = True) -> bool:
        """The provider refused the request clearly (or it was never asked: `sent` False): no number was issued."""
        return self._move(
            IssueEvent.REFUSED, issue_id, error=stored_message(reason),
            attempts=WaybillIssueRow.attempts + (1 if sent else 0), updated_at=now,
        )  # fmt: skip

    def _answered(
        self, row: WaybillIssueRow, event: IssueEvent, tracking_no: str, document: Document, now: datetime, *,
        sent: bool,
    ) -> None:  # fmt: skip
        row.state = after(IssueState(row.state), event).value
        row.tracking_no = tracking_no
        # None: the answer had none (a later print fetches it again); {} is stored once a provider says it has none
        row.print_data = dict(document.print_data) or None
        row.encrypted = document.encrypted
        row.label_image = document.image
        row.unclear = False
        row.error = None
        row.attempts += 1 if sent else 0
        row.updated_at = now

    def store_document(
        self, issue_id: int, document: Document, now: datetime, *, routing: dict[str, Any] | None = None,
        receiver_digest: str | None = None,
    ) -> None:  # fmt: skip
        """Stores print data fetched again (a reprint) or changed (an address updated), with the parcel's new routing
        and the receiver it is now for when they changed."""
        row = self._row(issue_id)
        row.print_data = dict(document.print_data)
        row.encrypted = document.encrypted
        if document.image is not None:
            row.label_image = document.image
        if receiver_digest is not None:
            row.receiver_digest = receiver_digest
        row.updated_at = now
        if routing is not None and row.package_id is not None:
            PackageRepository(self.session).reroute(row.package_id, routing)

    def claim_cancel(self, issue_id: int, now: datetime) -> bool:
        """Claims a number to cancel (committed before the provider is called: the attempt is counted, a crash
        leaves it to cancel, and cancelling twice is harmless). False: no longer to cancel."""
        return (
            self.session.execute(
                update(WaybillIssueRow)
                .where(WaybillIssueRow.id == issue_id, WaybillIssueRow.state == IssueState.CANCEL_PENDING.value)
                .values(attempts=WaybillIssueRow.attempts + 1, updated_at=now)
            ).rowcount
            == 1
        )

    def cancel_later(self, issue_id: int, reason: Message, now: datetime, *, unclear: bool = False) -> None:
        """The cancel did not get through (provider unreachable, answer lost): it stays to cancel."""
        self.session.execute(
            update(WaybillIssueRow)
            .where(WaybillIssueRow.id == issue_id, WaybillIssueRow.state == IssueState.CANCEL_PENDING.value)
            .values(error=stored_message(reason), unclear=unclear, updated_at=now)
        )

    def mark_cancelled(self, issue_id: int, now: datetime) -> bool:
        return self._move(IssueEvent.CANCELLED, issue_id, unclear=False, error=None, updated_at=now)

    def cancel_refused(self, issue_id: int, reason: Message, now: datetime) -> bool:
        """The provider refused to cancel the number (its words in `reason`): it stays live there; the seller acts."""
        return self._move(
            IssueEvent.CANCEL_REFUSED, issue_id, unclear=False, error=stored_message(reason), updated_at=now
        )

    def to_cancel_again(self, issue_id: int, now: datetime) -> bool:
        """A number whose cancel was refused is to cancel again (the seller asked)."""
        return self._move(
            IssueEvent.CANCEL_AGAIN, issue_id, WaybillIssueRow.tracking_no.is_not(None), error=None, updated_at=now
        )

    def _move(self, event: IssueEvent, issue_id: int, *where: Any, **values: Any) -> bool:
        """Moves row `issue_id` by `event` with one conditional write on the state it leaves; False: it was not in
        that state (another process moved it first)."""
        start, end = TRANSITIONS[event]
        moved = self.session.execute(
            update(WaybillIssueRow)
            .where(WaybillIssueRow.id == issue_id, WaybillIssueRow.state == start.value, *where)
            .values(state=end.value, **values)
        ).rowcount
        return moved == 1

    def take_from_balance(self, account_id: int, carrier: str, count: int) -> None:
        """`count` numbers were issued: the known balance of the account's carrier goes down (never below 0; an
        unknown balance stays unknown)."""
        row = self.session.execute(
            select(WaybillAccountCarrierRow).where(
                WaybillAccountCarrierRow.account_id == account_id, WaybillAccountCarrierRow.carrier == carrier
            )
        ).scalar_one_or_none()
        if row is not None and row.balance is not None:
            row.balance = max(0, row.balance - count)


def _open(row: WaybillIssueRow) -> OpenRequest:
    return OpenRequest(
        row.id, row.order_id, row.account_id, row.carrier, bool(row.unclear), row.attempts, row.receiver_digest,
        row.insured,
    )  # fmt: skip

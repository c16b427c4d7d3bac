"""Cancelling online providers' numbers whose parcel will not ship (services layer).

A label voided before its parcel shipped (a refund, a close, a reopened parcel, an address the provider could not
update, a number cancelled by hand) leaves its number `cancel_pending` in the ledger, written in the same transaction
as the void (app.persistence.packages.void). The outbox round (`packdesk outbox flush`, the window's background round)
works them off with `cancel_pending`, so a station that was offline cancels later: each number is claimed (committed)
before its provider is called, outside any transaction; a provider that cannot be reached, or whose answer was lost,
leaves it to cancel in the next round (cancelling twice is harmless: a number the provider already cancelled counts
as cancelled); a clear refusal ends it `failed` with the provider's words, listed for the seller. A shipped parcel's
number is never cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import PackageState
from app.domain.errors import InvalidInput, NotFound, PackDeskError, WaybillRefused, WaybillUnclear
from app.domain.messages import Message, msg
from app.domain.waybills import IssueState
from app.persistence.packages import PackageRepository
from app.persistence.repositories import OrderRepository
from app.persistence.waybill_issues import LedgerNumber, WaybillIssues
from app.services.audit import Actor, audit
from app.services.waybills.issuing import settle_requests
from app.services.waybills.ports import RemoteWaybillProvider, WaybillAccount
from app.services.waybills.registry import WaybillProviders

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class CancelReport:
    """What a cancels round did: numbers cancelled, left for the next round, refused (the seller acts on those)."""

    cancelled: int = 0
    retry_later: int = 0
    failed: int = 0
    # {"tracking_no", "order_no", "reason": English, "message": the Message (kept out of the JSON)}
    errors: list[dict[str, Any]] = field(default_factory=list)

    def error(self, number: LedgerNumber, message: Message) -> None:
        self.errors.append(
            {"tracking_no": number.tracking_no, "order_no": number.order_no, "reason": message.render(),
             "message": message}
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {
            "cancelled": self.cancelled,
            "retry_later": self.retry_later,
            "failed": self.failed,
            "errors": [{k: v for k, v in e.items() if k != "message"} for e in self.errors],
        }


@dataclass(frozen=True)
class CancelResult:
    """What became of a number the seller cancelled by hand: `state` is the ledger's (cancelled, cancel_pending:
    the provider is told in a later round, or voided for a number roll's number), with a message saying so."""

    tracking_no: str
    order_no: str
    state: str
    message: Message

    def to_json(self) -> dict[str, Any]:
        return {
            "tracking_no": self.tracking_no,
            "order_no": self.order_no,
            "state": self.state,
            "message": self.message.render(),
        }


def cancel_pending(
    session_factory: sessionmaker[Session], providers: WaybillProviders, clock: Clock = _now
) -> CancelReport:
    """Cancels every number waiting to be cancelled with its provider (after settling the requests left in flight
    for orders that no longer want a number, so a number found for them is cancelled too).

    An account that cannot be reached is not asked again in the same round; its numbers wait for the next.
    """
    report = CancelReport()
    settle_requests(session_factory, providers, clock)
    with session_factory() as session:
        pending = WaybillIssues(session).to_cancel()
    unreachable: set[int] = set()
    accounts: dict[int, WaybillAccount | None] = {}
    for number in pending:
        if number.account_id in unreachable:
            report.retry_later += 1
            continue
        outcome = _cancel(session_factory, providers, number, accounts, clock)
        if outcome is None:
            continue  # cancelled meanwhile by another round
        state, message = outcome
        if state == "cancelled":
            report.cancelled += 1
        elif state == "failed":
            report.failed += 1
            report.error(number, message)
        else:
            report.retry_later += 1
            unreachable.add(number.account_id)
    return report


def refused_cancels(session_factory: sessionmaker[Session]) -> list[dict[str, Any]]:
    """Numbers whose cancel the provider refused (still live there): tracking number, order, the provider's words
    (a Message: `reason` is its English). `waybill cancel` asks again."""
    with session_factory() as session:
        numbers = WaybillIssues(session).refused_cancels()
    return [
        {"tracking_no": n.tracking_no, "order_no": n.order_no, "carrier": n.carrier, "message": n.error,
         "reason": n.error.render() if n.error else None}
        for n in numbers
    ]  # fmt: skip


def cancel_number(
    session_factory: sessionmaker[Session], providers: WaybillProviders, tracking_no: str, actor: Actor,
    clock: Clock = _now,
) -> CancelResult:  # fmt: skip
    """Cancels a number by hand: its parcel's label is voided (audited) and the provider is told now, or in a later
    outbox round when it cannot be reached.

    Raises:
        NotFound: no parcel or ledger number has it.
        InvalidInput: its parcel shipped (a shipped number travels with its parcel).
        WaybillRefused: the provider refused (its words); the label stays voided, the number is listed for the
            seller.
    """
    number_text = "".join(tracking_no.split()).upper()
    now = clock()
    with session_factory.begin() as session:
        issues, packages = WaybillIssues(session), PackageRepository(session)
        number = issues.by_tracking(number_text)
        package = packages.by_tracking(number_text) if number is None else None
        if number is None and package is None:
            raise NotFound(msg("waybill.cancel_not_found", tracking_no=tracking_no))
        if number is None:  # a number roll's, or one typed by hand: nobody to tell, the label is voided
            assert package is not None
            order_no = OrderRepository(session).order_no_of(package.order_id) or "?"
            if package.state is PackageState.SHIPPED:
                raise InvalidInput(msg("waybill.cancel_shipped", tracking_no=number_text, order_no=order_no))
            if package.state is not PackageState.VOID:
                packages.void(package.id, now)
                audit(session, actor, "void", "package", number_text, reason="cancelled by hand")
            return CancelResult(
                number_text, order_no, "void", msg("waybill.cancel_local", tracking_no=number_text, order_no=order_no)
            )
        words = {"tracking_no": number.tracking_no, "order_no": number.order_no}
        if number.shipped:
            raise InvalidInput(msg("waybill.cancel_shipped", **words))
        if number.state is IssueState.CANCELLED:
            before = msg("waybill.cancelled_before", **words)
            return CancelResult(number.tracking_no, number.order_no, IssueState.CANCELLED.value, before)
        if number.state is IssueState.ISSUED and number.package_id is not None:
            if number.package_state is not PackageState.VOID:
                packages.void(number.package_id, now)  # the ledger's number goes to the cancels with it
                audit(session, actor, "void", "package", number.tracking_no, reason="cancelled by hand")
        elif number.state is IssueState.FAILED:
            issues.to_cancel_again(number.id, now)
        audit(session, actor, "waybill_cancel", "package", number.tracking_no, order_no=number.order_no)
    outcome = _cancel(session_factory, providers, number, {}, clock)
    if outcome is None:
        return CancelResult(number.tracking_no, number.order_no, "cancelled", msg("waybill.cancelled_before", **words))
    state, message = outcome
    if state == "failed":
        raise WaybillRefused(message)
    return CancelResult(number.tracking_no, number.order_no, state, message)


def _cancel(
    session_factory: sessionmaker[Session], providers: WaybillProviders, number: LedgerNumber,
    accounts: dict[int, WaybillAccount | None], clock: Clock,
) -> tuple[str, Message] | None:  # fmt: skip
    """Cancels one number with its provider: (ledger state after, message), or None when it was no longer to
    cancel (another round took it)."""
    with session_factory.begin() as session:
        issues = WaybillIssues(session)
        if number.account_id not in accounts:
            accounts[number.account_id] = issues.account(number.account_id)
        account = accounts[number.account_id]
        if not issues.claim_cancel(number.id, clock()):
            return None
    words = {"tracking_no": number.tracking_no, "order_no": number.order_no}
    if account is None:  # the ledger's foreign key keeps it; a database edited by hand could lose it
        reason = msg("waybill.unknown_account", tracking_no=number.tracking_no)
        return _finish(session_factory, number, "failed", reason, clock)
    words["account"] = account.name
    try:
        provider = cast(RemoteWaybillProvider, providers.provider(account))
        provider.cancel(account, number.carrier, number.tracking_no)
    except WaybillRefused as exc:
        if exc.account_level:  # the account cannot act now (authorisation expired): the number waits
            return _finish(session_factory, number, "cancel_pending", msg("waybill.cancel_later", reason=exc.msg,
                                                                          **words), clock)  # fmt: skip
        return _finish(session_factory, number, "failed", msg("waybill.cancel_refused", reason=exc.msg, **words), clock)
    except PackDeskError as exc:  # unreachable, the answer lost, no provider here: the next round tries again
        later = msg("waybill.cancel_later", reason=exc.msg, **words)
        return _finish(session_factory, number, "cancel_pending", later, clock, unclear=isinstance(exc, WaybillUnclear))
    return _finish(session_factory, number, "cancelled", msg("waybill.cancelled", **words), clock)


def _finish(
    session_factory: sessionmaker[Session], number: LedgerNumber, state: str, message: Message, clock: Clock, *,
    unclear: bool = False,
) -> tuple[str, Message]:  # fmt: skip
    with session_factory.begin() as session:
        issues = WaybillIssues(session)
        if state == "cancelled":
            issues.mark_cancelled(number.id, clock())
        elif state == "failed":
            issues.cancel_refused(number.id, message, clock())
        else:
            issues.cancel_later(number.id, message, clock(), unclear=unclear)
    return state, message

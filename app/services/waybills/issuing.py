"""Numbers from online waybill providers, one per parcel whatever fails (services layer).

An online provider (Cainiao, Pinduoduo, Kuaidi100) is asked over the network, so never inside a transaction, and
its answer can be lost after it issued a number. The ledger (app.persistence.waybill_issues) makes that safe, in
three steps:

1. one transaction records a request per order (`requested`, its id the request's object_id) and commits it before
   anything is sent; an order with a request from an earlier run (crashed, or its answer lost) reuses it;
2. without a transaction, the provider is asked: a request that may have been sent before is first looked up
   (`find`, Cainiao's `query.by.tradecode`), and only one it does not know is asked (`issue`, in calls of
   `max_batch`); a lost answer leaves the request `requested` and marked unclear for the next run to look up;
3. one transaction records the answers: a number on its new parcel, a refusal with the provider's words.

So a crash at any point leaves either a request to look up or a number on a parcel, never two numbers for one
parcel; the unique constraints on the numbers stand behind it. The same run also updates a number whose receiver
changed since it was issued (`update`; refused, the parcel is voided and gets a new number) and fetches the print
data of a number that has none (`reprint`): a reprint never takes a new number.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import cast

from sqlalchemy.orm import Session, sessionmaker

from app.domain.carrier_rules import insured_value
from app.domain.errors import (
    NotPackable,
    PackDeskError,
    TrackingExhausted,
    WaybillRefused,
    WaybillUnclear,
    WaybillUnreachable,
)
from app.domain.messages import Message, msg
from app.domain.order_actions import hold_stop
from app.domain.orders import Order
from app.domain.packages import Package, StoredOrder
from app.domain.tracking import CARRIERS
from app.domain.waybills import IssueState
from app.persistence.packages import PackageRepository
from app.persistence.repositories import OrderRepository
from app.persistence.service_rules import ServiceRules
from app.persistence.waybill_issues import Document, OpenRequest, WaybillIssues
from app.services.audit import Actor, audit
from app.services.waybills.allocation import account_for
from app.services.waybills.ports import Issued, Refusal, RemoteWaybillProvider, WaybillAccount, WaybillRequest
from app.services.waybills.registry import WaybillProviders

Clock = Callable[[], datetime]
Notify = Callable[[str, Message], None]
SYSTEM = Actor("packdesk", "")


def _now() -> datetime:
    return datetime.now(UTC)


def receiver_digest(order: Order) -> str:
    """A digest of the receiver a number is issued for (as cached: masked name and phone, address, Taobao's open
    address id): another digest later means the address changed after the number was taken."""
    r, a = order.receiver, order.receiver.address
    parts = (r.name, r.phone, a.province, a.city, a.district, a.town, a.detail, str(order.extra.get("oaid", "")))
    cipher = str(order.extra.get("receiver_cipher", ""))  # PDD's ciphertexts: only when present, so others keep theirs
    return hashlib.sha256("\x1f".join((*parts, cipher) if cipher else parts).encode("utf-8")).hexdigest()


def needs_provider(session: Session, stored: StoredOrder, package: Package) -> bool:
    """Whether printing `package` of `stored` must first ask its online provider: its receiver changed since the
    number was issued (update it), or the number's print data is missing (fetch it again)."""
    number = WaybillIssues(session).of_package(package.id)
    if number is None or number.state is not IssueState.ISSUED:
        return False
    changed = number.receiver_digest is not None and number.receiver_digest != receiver_digest(stored.order)
    return changed or not number.has_document


@dataclass
class _Ask:
    """A request to resolve: look up (when it may have been sent before) and ask."""

    issue_id: int
    order_id: int
    order_no: str
    request: WaybillRequest
    digest: str  # the receiver the request carries now
    fresh: bool  # recorded by this run: never sent, nothing to look up
    wanted: bool = True  # False: its order no longer wants a number (stopped, numbered otherwise): look up only


@dataclass
class _Change:
    """An issued number to update (its receiver changed: `request` set) or whose print data to fetch again."""

    issue_id: int
    order_no: str
    package_id: int
    tracking_no: str
    request: WaybillRequest | None
    digest: str
    sealed_on: str = ""  # the order's platform when its receiver is held as that platform's ciphertexts


@dataclass
class _Group:
    """The requests of one account and carrier: asked together, stopped together."""

    account: WaybillAccount
    provider: RemoteWaybillProvider
    out_of_numbers: bool = False
    asks: list[_Ask] = field(default_factory=list)
    changes: list[_Change] = field(default_factory=list)


@dataclass
class _Outcome:
    """What the provider said, per ledger row, for the recording transaction."""

    found: dict[int, Issued] = field(default_factory=dict)  # issued before, its answer lost: looked up
    issued: dict[int, Issued] = field(default_factory=dict)  # asked now
    refused: dict[int, tuple[Message, bool]] = field(default_factory=dict)  # reason, whether it was sent
    unclear: dict[int, Message] = field(default_factory=dict)
    unanswered: dict[int, Message] = field(default_factory=dict)
    updated: dict[int, Issued] = field(default_factory=dict)
    not_updated: dict[int, Message] = field(default_factory=dict)
    fetched: dict[int, Issued] = field(default_factory=dict)
    errors: dict[str, PackDeskError] = field(default_factory=dict)


def issue_numbers(
    session_factory: sessionmaker[Session],
    order_nos: Iterable[str],
    providers: WaybillProviders,
    carrier_code: str | None = None,
    clock: Clock = _now,
    *,
    reprint: bool = False,
    actor: Actor = SYSTEM,
    notify: Notify | None = None,
) -> dict[str, PackDeskError]:
    """Takes the numbers of the orders served by online providers (orders of local accounts are left to the print
    transaction's `allocate`), updates numbers whose receiver changed and fetches missing print data.

    Args:
        order_nos: the orders to number; those unknown, or with a live parcel already, are left as they are.
        carrier_code: the carrier asked for (default: each account's own).
        reprint: the caller prints an already printed parcel again (a reason was given): its number is updated
            when its receiver changed; without it only parcels not printed yet are.
        actor: who prints (the audit log's record of a voided parcel).
        notify: told (order number, message) of what the packer must know: an address change kept the number
            and updated the label, or gave the parcel a new number.

    Returns:
        Per order that could not be numbered, why (raised as the print would raise it); the rest have their parcel.
    """
    errors: dict[str, PackDeskError] = {}
    groups = _record_requests(session_factory, order_nos, providers, carrier_code, clock(), reprint, errors)
    if not groups:
        return errors
    outcome = _Outcome()
    for group in groups.values():
        sealed, held_back = _reveal(session_factory, providers, group, outcome)
        _ask(group, outcome)
        group.asks += held_back  # recorded with the others: refused, or left to be looked up
        _drop_readable_documents(sealed, outcome)
    replaced = _record_answers(session_factory, groups, outcome, clock(), actor, notify)
    errors.update(outcome.errors)
    if replaced:  # the provider could not update these numbers: voided, each parcel takes a new one
        errors.update(issue_numbers(session_factory, replaced, providers, carrier_code, clock, actor=actor))
        with session_factory() as session:
            for order_no, (old, reason) in replaced.items():
                stored = OrderRepository(session).stored(order_no)
                if notify and order_no not in errors and stored is not None and stored.package is not None:
                    new = stored.package.tracking_no
                    notify(order_no, msg("waybill.address_new_number", order_no=order_no, old=old, reason=reason,
                                         tracking_no=new))  # fmt: skip
    return errors


def settle_requests(
    session_factory: sessionmaker[Session], providers: WaybillProviders, clock: Clock = _now
) -> dict[str, PackDeskError]:
    """Looks up the requests left in flight for orders that no longer want a number (stopped, or numbered
    otherwise, since a crash or a lost answer): a number found is handed to the cancels, none found closes the
    request. Called by the cancels' round, so nothing stays live at a provider that PackDesk does not know of."""
    errors: dict[str, PackDeskError] = {}
    with session_factory.begin() as session:
        issues, orders = WaybillIssues(session), OrderRepository(session)
        groups: dict[tuple[int, str], _Group] = {}
        for request in issues.open_requests():
            stored = orders.stored_by_id(request.order_id, barcodes=False)
            if stored is None or (stored.package is None and stored.order.block_reason() is None):
                continue  # still wanted: its next print resolves it
            _settle(session, groups, providers, stored, request, errors)
    if not groups:
        return errors
    outcome = _Outcome()
    for group in groups.values():
        _ask(group, outcome)
    _record_answers(session_factory, groups, outcome, clock(), SYSTEM, None)
    return errors


# -- 1. the requests, recorded before they are sent -----------------------------------------------------------------


def _record_requests(
    session_factory: sessionmaker[Session], order_nos: Iterable[str], providers: WaybillProviders,
    carrier_code: str | None, now: datetime, reprint: bool, errors: dict[str, PackDeskError],
) -> dict[tuple[int, str], _Group]:  # fmt: skip
    groups: dict[tuple[int, str], _Group] = {}
    accounts: dict[int, WaybillAccount] = {}  # per shop: the orders of a batch mostly share a few
    new: list[tuple[_Group, StoredOrder, str, Decimal | None]] = []  # with the value each insures (保价)
    with session_factory.begin() as session:
        orders, issues = OrderRepository(session), WaybillIssues(session)
        insure = ServiceRules(session).insure_above()  # 保价 above the seller's threshold
        for order_no in dict.fromkeys(order_nos):
            stored = orders.stored(order_no)
            if stored is None:
                continue  # the print refuses it, with its message
            order, package = stored.order, stored.package
            blocked = order.block_reason()
            open_request = issues.open_request(stored.id)
            if package is not None or blocked:
                if open_request is not None:
                    _settle(session, groups, providers, stored, open_request, errors)
                if package is not None and not blocked and (reprint or not package.printed):
                    _plan_change(session, groups, providers, stored, package, errors)
                if package is None and blocked:
                    refused = hold_stop(order) or msg(f"print.blocked.{blocked}", order_no=order_no)  # a hold: why
                    errors[order_no] = NotPackable(refused, reason=blocked)
                continue
            digest = receiver_digest(order)
            try:
                if open_request is not None:  # asked before (a crash, a lost answer): the same request again
                    group = _group(session, groups, providers, open_request.account_id, open_request.carrier)
                    request = _request(order, open_request.id, open_request.insured)  # insured as first asked
                    group.asks.append(_Ask(open_request.id, stored.id, order_no, request, digest, fresh=False))
                    continue
                if stored.shop_id not in accounts:
                    accounts[stored.shop_id] = account_for(session, stored, carrier_code)
                account = accounts[stored.shop_id]
                if not providers.provider(account).remote:
                    continue  # a local account: the print transaction takes its number
                carrier = (carrier_code or account.carrier).upper()
                group = _group(session, groups, providers, account.id, carrier)
            except PackDeskError as exc:
                errors[order_no] = exc
                continue
            if group.out_of_numbers:
                errors[order_no] = _no_balance(group.account, order_no)
                continue
            new.append((group, stored, digest, insured_value(insure, order.total)))
        ids = issues.requests([(s.id, g.account.id, g.account.carrier, d, i) for g, s, d, i in new], now)
        for (group, stored, digest, insured), issue_id in zip(new, ids, strict=True):
            request = _request(stored.order, issue_id, insured)
            group.asks.append(_Ask(issue_id, stored.id, stored.order.order_no, request, digest, fresh=True))
    return groups


def _request(order: Order, issue_id: int, insured: Decimal | None) -> WaybillRequest:
    """The request of ledger row `issue_id` for `order`, insured (保价) for what the row recorded when the request was
    first made: a request asked again, looked up or updated asks what it asked then, whatever the seller's threshold
    says now, so the number and its label agree with the provider."""
    return replace(WaybillRequest.of(order, object_id=str(issue_id)), insured=insured)


def _group(
    session: Session, groups: dict[tuple[int, str], _Group], providers: WaybillProviders, account_id: int, carrier: str
) -> _Group:
    """The group of the account and carrier (created on first use: the account read, its balance checked).

    Raises:
        PackDeskError: the account is gone, or no provider serves its kind here.
    """
    key = (account_id, carrier)
    if key not in groups:
        issues = WaybillIssues(session)
        account = issues.account(account_id)
        if account is None:  # the ledger's foreign key keeps an account with requests
            raise LookupError(f"no waybill account {account_id}")
        provider = cast(RemoteWaybillProvider, providers.provider(account))
        groups[key] = _Group(replace(account, carrier=carrier), provider, issues.balance(account_id, carrier) == 0)
    return groups[key]


def _settle(
    session: Session, groups: dict[tuple[int, str], _Group], providers: WaybillProviders, stored: StoredOrder,
    open_request: OpenRequest, errors: dict[str, PackDeskError],
) -> None:  # fmt: skip
    """A request in flight for an order that no longer wants a number: looked up only (found, it is cancelled)."""
    try:
        group = _group(session, groups, providers, open_request.account_id, open_request.carrier)
    except PackDeskError as exc:
        errors.setdefault(stored.order.order_no, exc)
        return
    request = _request(stored.order, open_request.id, open_request.insured)
    digest = receiver_digest(stored.order)
    ask = _Ask(open_request.id, stored.id, stored.order.order_no, request, digest, fresh=False, wanted=False)
    group.asks.append(ask)


def _plan_change(
    session: Session, groups: dict[tuple[int, str], _Group], providers: WaybillProviders, stored: StoredOrder,
    package: Package, errors: dict[str, PackDeskError],
) -> None:  # fmt: skip
    number = WaybillIssues(session).of_package(package.id)
    if number is None or number.state is not IssueState.ISSUED:
        return
    digest = receiver_digest(stored.order)
    changed = number.receiver_digest is not None and number.receiver_digest != digest
    if not changed and number.has_document:
        return
    try:
        group = _group(session, groups, providers, number.account_id, number.carrier)
    except PackDeskError as exc:
        if changed:
            errors[stored.order.order_no] = exc
        return
    request = _request(stored.order, number.id, number.insured) if changed else None  # insured as it was issued
    sealed_on = stored.order.platform.value if stored.order.extra.get("receiver_cipher") else ""
    group.changes.append(
        _Change(number.id, stored.order.order_no, package.id, number.tracking_no, request, digest, sealed_on)
    )


def _no_balance(account: WaybillAccount, order_no: str) -> TrackingExhausted:
    return TrackingExhausted(
        msg("waybill.no_balance", account=account.name, carrier=carrier_name(account.carrier), order_no=order_no)
    )


def carrier_name(code: str) -> str:
    """The carrier's name as sellers know it (its code when PackDesk does not know it)."""
    known = CARRIERS.get(code.upper())
    return known.name if known else code


# -- 2. asking the provider, outside any transaction ----------------------------------------------------------------


def _reveal(
    session_factory: sessionmaker[Session], providers: WaybillProviders, group: _Group, out: _Outcome
) -> tuple[set[int], list[_Ask]]:
    """Gives the requests of orders whose receiver is held as ciphertexts the provider cannot read (a Pinduoduo
    order on a Cainiao account) their receiver in plaintext, in memory (`providers.reveal`); one that cannot be read
    is held back from the group, not asked. Returns the ledger ids of such orders (the provider's print data of them
    is not kept unless encrypted: it would hold the plaintext) and the requests held back."""
    reads = getattr(group.provider, "ciphertext_platforms", frozenset())
    asks = [a for a in group.asks if a.request.cipher and a.request.platform not in reads]
    changes = [c for c in group.changes if c.sealed_on and c.sealed_on not in reads]
    sealed = {a.issue_id for a in asks} | {c.issue_id for c in changes}
    wanted: list[_Ask | _Change] = [a for a in asks if a.wanted]
    wanted += [c for c in changes if c.request is not None]
    held_back: list[_Ask] = []
    if not wanted or providers.reveal is None:
        return sealed, held_back
    answers = providers.reveal.reveal(session_factory, [w.request for w in wanted if w.request is not None])
    for w in wanted:
        assert w.request is not None
        got = answers.get(w.request.object_id)
        if isinstance(got, WaybillRequest):
            w.request = got
            continue
        if got is None:
            continue
        out.errors[w.order_no] = WaybillRefused(got)
        if isinstance(w, _Change):
            group.changes.remove(w)
        else:
            if w.fresh:  # never sent: closed with the reason
                out.refused[w.issue_id] = (got, False)
            else:  # it may have been sent before: it waits to be looked up on the next run
                out.unanswered[w.issue_id] = got
            group.asks.remove(w)
            held_back.append(w)
    return sealed, held_back


def _drop_readable_documents(sealed: set[int], out: _Outcome) -> None:
    """The print data and label image the provider gave for orders of `sealed`, unless encrypted, replaced by none:
    they hold the receiver in plaintext, which is never stored (the label prints from the cache, masked)."""
    for answers in (out.found, out.issued, out.updated, out.fetched):
        for issue_id in sealed & set(answers):
            answer = answers[issue_id]
            if (answer.print_data or answer.image is not None) and not answer.encrypted:
                answers[issue_id] = replace(answer, print_data={}, image=None)


def _ask(group: _Group, out: _Outcome) -> None:
    account, provider = group.account, group.provider
    words = {"account": account.name, "carrier": carrier_name(account.carrier)}
    stop: PackDeskError | None = None  # the account cannot serve now: the rest of its requests are not asked
    stale = [a for a in group.asks if not a.fresh]
    if stale:
        try:
            found = provider.find(account, [a.request for a in stale])
        except PackDeskError as exc:
            # Never asked again without being looked up first: they wait for the next run.
            if isinstance(exc, WaybillRefused) and exc.account_level:
                stop = exc
            elif not isinstance(exc, WaybillRefused):
                stop = exc  # unreachable: the requests not yet sent cannot go either
            for a in stale:
                out.unanswered[a.issue_id] = exc.msg
                if a.wanted:
                    out.errors[a.order_no] = WaybillUnclear(
                        msg("waybill.not_looked_up", order_no=a.order_no, account=account.name, reason=exc.msg)
                    )
            found = {}
        for a in stale:
            if a.request.object_id in found:
                out.found[a.issue_id] = found[a.request.object_id]
    settled = set(out.found) | set(out.unanswered)
    for a in group.asks:
        if not a.wanted and a.issue_id not in settled:  # never issued: the request is closed
            out.refused[a.issue_id] = (msg("waybill.not_asked", order_no=a.order_no), False)
    to_ask = [a for a in group.asks if a.wanted and a.issue_id not in settled]
    if group.out_of_numbers:
        for a in to_ask:
            error = _no_balance(account, a.order_no)
            out.refused[a.issue_id] = (error.msg, False)
            out.errors[a.order_no] = error
        to_ask = []
    size = max(1, provider.max_batch)
    for start in range(0, len(to_ask), size):
        chunk = to_ask[start : start + size]
        if stop is not None:
            for a in chunk:
                _stopped(a, stop, out, words)
            continue
        stop = _ask_chunk(provider, account, chunk, out, words)
    _complete_documents(provider, account, group.asks, out)
    for change in group.changes:
        _change(provider, account, change, stop, out, words)


def _complete_documents(
    provider: RemoteWaybillProvider, account: WaybillAccount, asks: Sequence[_Ask], out: _Outcome
) -> None:
    """Numbers answered without print data (a look-up that gives only the number) get it from `reprint`, so their
    first label has it; one the provider will not give is left without (our own renderer prints from the cache)."""
    for a in asks:
        answers = out.issued if a.issue_id in out.issued else out.found
        answer = answers.get(a.issue_id)
        if answer is None or answer.print_data or answer.image is not None:
            continue
        try:
            fetched = provider.reprint(account, account.carrier, answer.tracking_no, a.request.object_id)
        except PackDeskError:
            continue
        answers[a.issue_id] = replace(
            answer, print_data=fetched.print_data, encrypted=fetched.encrypted, image=fetched.image,
            routing=answer.routing if answer.routing_record() else fetched.routing,
        )  # fmt: skip


def _ask_chunk(
    provider: RemoteWaybillProvider, account: WaybillAccount, chunk: Sequence[_Ask], out: _Outcome,
    words: dict[str, str],
) -> PackDeskError | None:  # fmt: skip
    """Asks one call's worth of requests; the error that stops the account's other requests, if one does."""
    try:
        answers = provider.issue(account, [a.request for a in chunk])
    except WaybillUnclear as exc:  # it may have issued them: looked up on the next run
        for a in chunk:
            out.unclear[a.issue_id] = exc.msg
            out.errors[a.order_no] = WaybillUnclear(msg("waybill.answer_lost", order_no=a.order_no, reason=exc.msg,
                                                        **words))  # fmt: skip
        return None
    except WaybillRefused as exc:
        if exc.account_level:
            refused = _account_refused(exc.msg)
            for a in chunk:
                _stopped(a, refused, out, words, sent=True)
            return refused
        for a in chunk:
            out.refused[a.issue_id] = (exc.msg, True)
            out.errors[a.order_no] = _refused(a.order_no, exc.msg, words)
        return None
    except PackDeskError as exc:  # unreachable (nothing arrived), or the account cannot be used here at all
        for a in chunk:
            _stopped(a, exc, out, words)
        return exc
    by_id = {answer.object_id: answer for answer in answers}
    stop: PackDeskError | None = None
    for a in chunk:
        answer = by_id.get(a.request.object_id)
        if isinstance(answer, Issued):
            out.issued[a.issue_id] = answer
        elif isinstance(answer, Refusal) and answer.account_level:
            stop = _account_refused(answer.message)
            _stopped(a, stop, out, words, sent=True)
        elif isinstance(answer, Refusal):
            out.refused[a.issue_id] = (answer.message, True)
            out.errors[a.order_no] = _refused(a.order_no, answer.message, words)
        else:  # the batch's answer left it out: it may or may not have been issued
            reason = msg("waybill.no_answer")
            out.unclear[a.issue_id] = reason
            out.errors[a.order_no] = WaybillUnclear(msg("waybill.answer_lost", order_no=a.order_no, reason=reason,
                                                        **words))  # fmt: skip
    return stop


def _stopped(a: _Ask, stop: PackDeskError, out: _Outcome, words: dict[str, str], *, sent: bool = False) -> None:
    """`a` is not asked (or was refused with the whole account): a clear refusal closes it, anything else leaves it
    requested for the next run."""
    if isinstance(stop, WaybillRefused):
        out.refused[a.issue_id] = (stop.msg, sent)
        out.errors[a.order_no] = WaybillRefused(
            msg("waybill.account_refused", order_no=a.order_no, reason=stop.msg, **words),
            account_level=True,
        )
    elif isinstance(stop, WaybillUnreachable):
        out.unanswered[a.issue_id] = stop.msg
        out.errors[a.order_no] = WaybillUnreachable(
            msg("waybill.unreachable", order_no=a.order_no, reason=stop.msg, **words)
        )
    else:
        out.unanswered[a.issue_id] = stop.msg
        out.errors[a.order_no] = stop


def _account_refused(reason: Message) -> WaybillRefused:
    return WaybillRefused(reason, account_level=True)


def _refused(order_no: str, reason: Message, words: dict[str, str]) -> WaybillRefused:
    return WaybillRefused(msg("waybill.refused", order_no=order_no, reason=reason, **words))


def _change(
    provider: RemoteWaybillProvider, account: WaybillAccount, change: _Change, stop: PackDeskError | None,
    out: _Outcome, words: dict[str, str],
) -> None:  # fmt: skip
    if change.request is None:  # print data only: without it our own renderer still prints the label
        if stop is None:
            try:
                out.fetched[change.issue_id] = provider.reprint(
                    account, account.carrier, change.tracking_no, str(change.issue_id)
                )
            except WaybillRefused:
                out.fetched[change.issue_id] = Issued(change.tracking_no)  # it has none to give: not asked again
            except PackDeskError:
                pass
        return
    try:
        if stop is not None:
            raise stop
        out.updated[change.issue_id] = provider.update(account, account.carrier, change.tracking_no, change.request)
    except WaybillRefused as exc:
        if exc.account_level:
            out.errors[change.order_no] = _update_failed(change, exc.msg, words)
        else:
            out.not_updated[change.issue_id] = exc.msg
    except PackDeskError as exc:  # unreachable, or the answer lost (an update asked again is harmless)
        out.errors[change.order_no] = _update_failed(change, exc.msg, words)


def _update_failed(change: _Change, reason: Message, words: dict[str, str]) -> WaybillUnreachable:
    return WaybillUnreachable(
        msg("waybill.update_failed", order_no=change.order_no, tracking_no=change.tracking_no, reason=reason,
            account=words["account"])
    )  # fmt: skip


# -- 3. the answers, recorded in one transaction --------------------------------------------------------------------


def _record_answers(
    session_factory: sessionmaker[Session], groups: dict[tuple[int, str], _Group], out: _Outcome, now: datetime,
    actor: Actor, notify: Notify | None,
) -> dict[str, tuple[str, Message]]:  # fmt: skip
    """Records what the provider said; returns the orders whose number could not be updated (voided here: each takes
    a new number), with the old number and the provider's words."""
    replaced: dict[str, tuple[str, Message]] = {}
    notices: list[tuple[str, Message]] = []
    with session_factory.begin() as session:
        issues = WaybillIssues(session)
        answered = [*out.found.values(), *out.issued.values()]
        held = issues.holders(answer.tracking_no for answer in answered)  # numbers a parcel or request has already
        taken: Counter[tuple[int, str]] = Counter()
        for key, group in groups.items():
            for a in group.asks:
                if a.issue_id in out.found or a.issue_id in out.issued:
                    if _record_number(session, group, a, out, held, now):
                        taken[key] += 1
                elif a.issue_id in out.refused:
                    reason, sent = out.refused[a.issue_id]
                    issues.record_refused(a.issue_id, reason, now, sent=sent)
                elif a.issue_id in out.unclear:
                    issues.mark_unclear([a.issue_id], out.unclear[a.issue_id], now)
                elif a.issue_id in out.unanswered:
                    issues.mark_unanswered([a.issue_id], out.unanswered[a.issue_id], now)
            for change in group.changes:
                if change.issue_id in out.updated:
                    answer = out.updated[change.issue_id]
                    issues.store_document(
                        change.issue_id, _document(answer), now, routing=answer.routing_record() or None,
                        receiver_digest=change.digest,
                    )  # fmt: skip
                    audit(session, actor, "waybill_updated", "package", change.tracking_no, order_no=change.order_no)
                    notices.append((change.order_no, msg("waybill.address_updated", order_no=change.order_no,
                                                         tracking_no=change.tracking_no)))  # fmt: skip
                elif change.issue_id in out.not_updated:
                    reason = out.not_updated[change.issue_id]
                    PackageRepository(session).void(change.package_id, now)
                    audit(
                        session, actor, "void", "package", change.tracking_no,
                        reason="address changed: the provider could not update the number", provider=reason.render(),
                    )  # fmt: skip
                    replaced[change.order_no] = (change.tracking_no, reason)
                elif change.issue_id in out.fetched:
                    answer = out.fetched[change.issue_id]
                    issues.store_document(change.issue_id, _document(answer), now,
                                          routing=answer.routing_record() or None)  # fmt: skip
        for (account_id, carrier), count in taken.items():
            issues.take_from_balance(account_id, carrier, count)
    for order_no, notice in notices:
        if notify:
            notify(order_no, notice)
    return replaced


def _record_number(
    session: Session, group: _Group, a: _Ask, out: _Outcome, held: dict[str, tuple[int | None, str]], now: datetime
) -> bool:
    """Records the number `a` got: on a new parcel when its order still wants one, else handed to the cancels.
    Whether a number was recorded (it counts against the balance). `held`: the numbers already on a parcel or a
    ledger row, with the order holding them (the ones recorded here are added)."""
    issues = WaybillIssues(session)
    sent = a.issue_id in out.issued
    answer = out.issued[a.issue_id] if sent else out.found[a.issue_id]
    words = {"account": group.account.name, "order_no": a.order_no, "tracking_no": answer.tracking_no}
    if answer.tracking_no in held:
        # A number already on a parcel is never put on a second one, nor cancelled (it serves the other).
        reason = msg("waybill.number_in_use", other=held[answer.tracking_no][1], **words)
        issues.record_refused(a.issue_id, reason, now, sent=sent)
        out.errors[a.order_no] = WaybillRefused(reason)
        return False
    held[answer.tracking_no] = (a.issue_id, a.order_no)
    stored = OrderRepository(session).stored_by_id(a.order_id, barcodes=False)
    blocked = stored.order.block_reason() if stored is not None else "closed"
    document = _document(answer)
    if a.wanted and stored is not None and stored.package is None and blocked is None:
        carrier = answer.carrier.upper() if answer.carrier.upper() in CARRIERS else group.account.carrier
        package = issues.record_issued(
            a.issue_id, tracking_no=answer.tracking_no, carrier=carrier, routing=answer.routing_record(),
            document=document, receiver_digest=a.digest if sent else None, sent=sent, now=now,
        )  # fmt: skip
        return package is not None
    recorded = issues.record_unwanted(
        a.issue_id, tracking_no=answer.tracking_no, document=document,
        reason=msg("waybill.not_needed", order_no=a.order_no), sent=sent, now=now,
    )  # fmt: skip
    if recorded and a.wanted:
        why = msg(f"order.blocked.{blocked}") if blocked else msg("waybill.numbered_meanwhile")
        out.errors[a.order_no] = NotPackable(msg("waybill.order_changed", reason=why, **words))
    return recorded


def _document(answer: Issued) -> Document:
    return Document(dict(answer.print_data), answer.encrypted, answer.image)

"""Pinduoduo e-waybills (sync layer): a RemoteWaybillProvider over PddClient, for accounts of kind "pdd".

Numbers come from `pdd.waybill.get`, at most 10 parcels a call, each identified by its ledger id as `object_id` and
`package_info.id`, with `order_info.order_channels_type` saying where the order comes from (PDD for a Pinduoduo
shop, TB, TM, JD, DY, else OTHERS: a PDD account serves the other shops of its group too). What a request says, and
what is refused before any call in words the seller can act on (a receiver without city or district, a sender
PDD would refuse), is app.sync.waybills.pdd_requests.

Finding a lost answer. PDD has no `query.by.tradecode`: nothing lists the numbers of an order. What it has is the
rule of every e-waybill service that a package asked for again (the same order numbers and the same
`package_info.id`) gets the number it already has, for as long as that number is live. Since `package_info.id` is
the ledger's request id, `find` asks `pdd.waybill.get` again for exactly the requests it is given: a request whose
number was issued behind a lost answer gets that number back, one whose request never arrived gets its first and
only number, and either way the request ends with one live number, which `find` returns. (The answer cannot tell the
two apart, and need not.) Because asking again is safe, `find` retries its call like a read; `issue` does not: a
dropped answer or a 5xx raises WaybillUnclear and the caller `find`s. `pdd.waybill.update` is retried alike (setting
the same receiver twice is setting it once); `pdd.waybill.cancel` is not (WaybillUnclear: cancel again, which
answers "already cancelled", which counts as cancelled).

Refusals are read by what they concern. The account (an expired access token, a refused client id or signature, an
exhausted balance, a carrier or sender address it is not subscribed to) stops the batch (`account_level`); one
request (an address the carrier does not serve) is refused alone: named in PDD's words (`object_id ...`) it is taken
out, else the batch is halved until it is found. A refused call applied nothing, so the rest is asked again at once;
an exhausted balance is halved too, so the numbers that are left are used.

Reprints read the print data again (`pdd.waybill.query.by.waybillcode`), and `pdd.waybill.search` gives the
subscribed carriers, their balance (the branches' `quantity`) and the sender addresses. PDD's addresses carry no id:
an address's id here is a digest of its province, city, district and street, so it stays the same across searches.

The request's `user_id` is the PDD order's shop (`seller_id`), else the account's (`settings["user_id"]`), else the
shop the access token belongs to (`pdd.mall.info.get`, asked once per account).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from app.domain.errors import PackDeskError, WaybillRefused, WaybillUnclear, WaybillUnreachable
from app.domain.messages import Message, msg
from app.domain.waybills import CarrierBalance, SenderAddress, WaybillAccount, WaybillRequest
from app.services.waybills.ports import Issued, Refusal
from app.sync.gateway import Offline, RetryPolicy, Unclear
from app.sync.pdd import MalformedAnswer, PddClient, PddError, TokenExpired
from app.sync.shops import Credentials
from app.sync.waybills.clients import AccountClients
from app.sync.waybills.pdd_answers import (
    CancelAnswer,
    GetAnswer,
    MallAnswer,
    QueryAnswer,
    SearchAnswer,
    UpdateAnswer,
    print_document,
)
from app.sync.waybills.pdd_requests import (
    address_id,
    apply_base,
    carrier_of,
    package,
    parcel,
    recipient,
    template_url,
    unfit,
    wp_code,
)

log = logging.getLogger(__name__)
_T = TypeVar("_T")

GET = "pdd.waybill.get"
SEARCH = "pdd.waybill.search"
CANCEL = "pdd.waybill.cancel"
UPDATE = "pdd.waybill.update"
BY_WAYBILLCODE = "pdd.waybill.query.by.waybillcode"
MALL = "pdd.mall.info.get"
ROOTS = {
    GET: "pdd_waybill_get_response",
    SEARCH: "pdd_waybill_search_response",
    CANCEL: "pdd_waybill_cancel_response",
    UPDATE: "pdd_waybill_update_response",
    BY_WAYBILLCODE: "pdd_waybill_query_by_waybillcode_response",
    MALL: "mall_info_get_response",
}
_BALANCE = ("quantity", "balance", "余额", "余量")
_ACCOUNT = ("subscri", "sender", "template", "订购", "发货地址", "模板", "未开通")
_NOT_LIVE = ("cancelled", "canceled", "already_cancel", "not_exist", "not-exist", "已取消", "不存在", "已回收")
_NAMED = re.compile(r"object_?id\s*[=:：]?\s*([A-Za-z0-9_-]+)", re.IGNORECASE)


def _kind(err: PddError) -> str:
    """What a refusal concerns: "credentials", "balance", "account" (every request would be refused alike) or
    "request"."""
    if isinstance(err, TokenExpired) or err.caller:
        return "credentials"
    text = f"{err.sub_code} {err.words}".lower()
    if any(m in text for m in _BALANCE):
        return "balance"
    if any(m in text for m in _ACCOUNT):
        return "account"
    return "request"


def _code(err: PddError) -> str:
    return err.sub_code or str(err.error_code)


class PddProvider:
    """Pinduoduo's e-waybill service (see the module docstring). It reads its own orders' receiver ciphertexts
    (`ciphertext_platforms`): a PDD order's receiver is sent as PDD sent it, never decrypted.

    Args:
        credentials: an account's client secret (`app_secret`) and access token (`session_key`), read by the
            caller's function (the keyring). The account's `app_key` is the client id, `gateway` the router URL.
        retry, clock, sleep, timeout_s: for the PDD clients, one per account, kept while the account's gateway
            and client id stay the same (dropped when PDD refuses its token or secret, so new ones are read).
    """

    max_batch = 10
    remote = True
    ciphertext_platforms = frozenset({"pdd"})  # PDD reads its orders' ciphertexts (pdd_requests.recipient)

    def __init__(
        self,
        credentials: Callable[[WaybillAccount], Credentials],
        *,
        retry: RetryPolicy | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        sleep: Callable[[float], None] = time.sleep,
        timeout_s: float = 15.0,
    ) -> None:
        self.credentials = credentials
        self.retry, self.clock, self.sleep, self.timeout_s = retry, clock, sleep, timeout_s
        self._clients = AccountClients(
            credentials, self._make_client, no_gateway="pdd.waybill.no_gateway", no_secrets="pdd.waybill.no_secrets"
        )
        self._malls: dict[int, str] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._clients.close()

    # ---- RemoteWaybillProvider

    def issue(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> list[Issued | Refusal]:
        if len(requests) > self.max_batch:
            raise ValueError(f"at most {self.max_batch} requests per call, got {len(requests)}")
        answers = self._ask(account, requests, again=False)
        return [answers[r.object_id] for r in requests]

    def find(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> dict[str, Issued]:
        found: dict[str, Issued] = {}
        for start in range(0, len(requests), self.max_batch):
            answers = self._ask(account, requests[start : start + self.max_batch], again=True)
            found.update({oid: a for oid, a in answers.items() if isinstance(a, Issued)})
        return found

    def reprint(self, account: WaybillAccount, carrier: str, tracking_no: str, object_id: str) -> Issued:
        query = [{"object_id": object_id, "waybill_code": tracking_no, "wp_code": wp_code(carrier)}]
        try:
            answer = self._call(account, BY_WAYBILLCODE, {"param_list": query}, QueryAnswer, write=False)
        except PddError as err:
            refusal = msg("pdd.waybill.not_live", tracking_no=tracking_no, words=err.words, code=_code(err))
            raise self._refused(account, err, refusal) from None
        for module in answer.modules:
            printed = module.waybill_cloud_print_response
            if printed.waybill_code == tracking_no:
                return self._issued(account, BY_WAYBILLCODE, tracking_no, printed.print_data, object_id, carrier)
        raise self._malformed(account, BY_WAYBILLCODE, msg("pdd.waybill.no_module", object_id=object_id))

    def cancel(self, account: WaybillAccount, carrier: str, tracking_no: str) -> None:
        params = {"waybill_code": tracking_no, "wp_code": wp_code(carrier)}
        try:
            answer = self._call(account, CANCEL, params, CancelAnswer, write=True)
        except PddError as err:
            text = f"{err.sub_code} {err.words}".lower()
            if _kind(err) == "request" and any(m in text for m in _NOT_LIVE):
                log.info("%s: %s was no longer live at Pinduoduo (%s)", account.name, tracking_no, err.words)
                return
            refusal = msg("pdd.waybill.cancel_refused", tracking_no=tracking_no, words=err.words, code=_code(err))
            raise self._refused(account, err, refusal) from None
        if not answer.cancel_result:
            raise WaybillRefused(
                msg("pdd.waybill.cancel_refused", tracking_no=tracking_no, words="cancel_result=false", code="-")
            )

    def update(self, account: WaybillAccount, carrier: str, tracking_no: str, request: WaybillRequest) -> Issued:
        refusal = unfit(request)
        if refusal is not None:
            raise WaybillRefused(refusal.message)
        change = {
            "waybill_code": tracking_no,
            "wp_code": wp_code(carrier),
            "object_id": request.object_id,
            "recipient": recipient(request),
            "package_info": {k: v for k, v in package(request).items() if k != "id"},
            "template_url": template_url(account, carrier),
        }
        try:
            # Retried like a read: setting the same receiver again is setting it once.
            answer = self._call(
                account, UPDATE, {"param_waybill_cloud_print_update_request": change}, UpdateAnswer, write=False
            )
        except PddError as err:
            refusal_msg = msg("pdd.waybill.update_refused", tracking_no=tracking_no, words=err.words, code=_code(err))
            raise self._refused(account, err, refusal_msg) from None
        if answer.waybill_code != tracking_no:
            why = msg("pdd.waybill.other_number", tracking_no=tracking_no, other=answer.waybill_code)
            raise self._malformed(account, UPDATE, why)
        return self._issued(account, UPDATE, tracking_no, answer.print_data, request.object_id, carrier)

    def search(self, account: WaybillAccount) -> list[CarrierBalance]:
        try:
            answer = self._call(account, SEARCH, {}, SearchAnswer, write=False)
        except PddError as err:
            refusal = msg("pdd.waybill.call_refused", method=SEARCH, account=account.name, words=err.words,
                          code=_code(err))  # fmt: skip
            raise self._refused(account, err, refusal) from None
        carriers = []
        for sub in answer.waybill_apply_subscription_cols:
            branches = sub.branch_account_cols
            known = [b.quantity for b in branches if b.quantity is not None]
            addresses: dict[str, SenderAddress] = {}
            for branch in branches:
                for a in branch.shipp_address_cols:
                    parts = (a.province or "", a.city or "", a.district or "", a.detail or "")
                    key = address_id(*parts)
                    addresses.setdefault(key, SenderAddress(key, parts[0], parts[1], parts[2], a.town or "", parts[3]))
            first = branches[0] if branches else None
            carriers.append(
                CarrierBalance(
                    carrier_of(sub.wp_code),
                    sum(known) if known else None,
                    branch_code=(first.branch_code or "") if first else "",
                    branch_name=(first.branch_name or "") if first else "",
                    addresses=tuple(addresses.values()),
                )
            )
        return carriers

    # ---- asking for numbers

    def _ask(
        self, account: WaybillAccount, requests: Sequence[WaybillRequest], *, again: bool
    ) -> dict[str, Issued | Refusal]:
        """One answer per request (by object_id): `pdd.waybill.get` in as few calls as the refusals allow.

        `again`: the requests may have been asked before (find): the call is retried like a read.
        """
        ids = [r.object_id for r in requests]
        if not all(ids) or len(set(ids)) != len(ids):
            raise ValueError("every request needs its own object_id")
        answers: dict[str, Issued | Refusal] = {}
        batches: list[list[WaybillRequest]] = []
        base: dict[str, Any] = {}
        fit = []
        for r in requests:
            refusal = unfit(r)
            if refusal is not None:
                answers[r.object_id] = refusal
            else:
                fit.append(r)
        if fit:
            base = apply_base(account)
            batches.append(fit)
        while batches:
            batch = batches.pop(0)
            try:
                answers.update(self._get(account, base, batch, again=again))
            except PddError as err:
                kind = _kind(err)
                if kind == "request" or (kind == "balance" and len(batch) > 1):
                    named = [r for r in batch if r.object_id in set(_NAMED.findall(err.words))]
                    if len(batch) == 1 or (kind == "request" and len(named) == 1):
                        culprit = named[0] if named else batch[0]
                        answers[culprit.object_id] = Refusal(
                            culprit.object_id,
                            msg("pdd.waybill.refused", order_no=culprit.order_no, words=err.words, code=_code(err)),
                        )
                        rest = [r for r in batch if r is not culprit]
                        batches[:0] = [rest] if rest else []
                    else:  # which one, or how many numbers are left? Halve: a refused call applied nothing
                        half = len(batch) // 2
                        batches[:0] = [batch[:half], batch[half:]]
                    continue
                self._stop(account, answers, batches, batch, self._account_message(account, err, kind))
            except WaybillRefused as exc:  # the token expired, the secrets cannot be read
                self._stop(account, answers, batches, batch, exc.msg)
            except WaybillUnreachable as exc:
                if any(isinstance(a, Issued) for a in answers.values()):
                    raise WaybillUnclear(exc.msg) from None  # the caller must find what this call issued
                raise
        return answers

    def _stop(
        self,
        account: WaybillAccount,
        answers: dict[str, Issued | Refusal],
        batches: list[list[WaybillRequest]],
        batch: list[WaybillRequest],
        message: Message,
    ) -> None:
        """The account refused: raise, unless numbers were issued in this call (kept: the rest are refused)."""
        if not any(isinstance(a, Issued) for a in answers.values()):
            raise WaybillRefused(message, account_level=True)
        for r in [*batch, *(r for b in batches for r in b)]:
            answers[r.object_id] = Refusal(r.object_id, message, account_level=True)
        batches.clear()

    def _get(
        self, account: WaybillAccount, base: Mapping[str, Any], batch: Sequence[WaybillRequest], *, again: bool
    ) -> dict[str, Issued]:
        """One pdd.waybill.get for `batch`: the numbers by object_id (every request answered, or it is unclear)."""
        template = template_url(account, account.carrier)
        dtos = [parcel(r, template, self._user_id(account, r)) for r in batch]
        params = {"param_waybill_cloud_print_apply_new_request": {**base, "trade_order_info_dtos": dtos}}
        answer = self._call(account, GET, params, GetAnswer, write=not again)
        modules = {m.object_id: m for m in answer.modules}
        issued = {}
        for r in batch:
            module = modules.get(r.object_id)
            if module is None:  # the call was applied, but what it issued for this one is not said
                raise self._malformed(account, GET, msg("pdd.waybill.no_module", object_id=r.object_id))
            issued[r.object_id] = self._issued(
                account, GET, module.waybill_code, module.print_data, r.object_id, account.carrier
            )
        return issued

    def _user_id(self, account: WaybillAccount, request: WaybillRequest) -> str:
        """Who uses the number: the PDD shop of the order, the account's configured user, else the token's shop."""
        if request.platform == "pdd" and request.seller_id:
            return request.seller_id
        configured = account.settings.get("user_id")
        if configured:
            return str(configured)
        with self._lock:
            mall = self._malls.get(account.id)
        if mall is None:
            try:
                mall = str(self._call(account, MALL, {}, MallAnswer, write=False).mall_id)
            except PddError as err:
                refusal = msg("pdd.waybill.call_refused", method=MALL, account=account.name, words=err.words,
                              code=_code(err))  # fmt: skip
                raise self._refused(account, err, refusal) from None
            with self._lock:
                self._malls[account.id] = mall
        return mall

    def _issued(
        self, account: WaybillAccount, method: str, tracking_no: str, print_data: str, object_id: str, carrier: str
    ) -> Issued:
        try:
            document, parsed = print_document(print_data)
        except (ValueError, RecursionError) as exc:
            raise self._malformed(
                account, method, msg("pdd.waybill.print_data", tracking_no=tracking_no, error=str(exc))
            ) from None
        content = parsed.data
        if content is not None and content.waybillCode and content.waybillCode != tracking_no:
            raise self._malformed(
                account, method, msg("pdd.waybill.other_number", tracking_no=tracking_no, other=content.waybillCode)
            )
        wp = (content.wpCode if content is not None else None) or wp_code(carrier)
        return Issued(
            tracking_no=tracking_no,
            routing=parsed.routing,
            object_id=object_id,
            carrier=carrier_of(wp),
            print_data=document,
            encrypted=parsed.encrypted,
        )

    # ---- the calls

    def _malformed(self, account: WaybillAccount, method: str, why: Message) -> PackDeskError:
        """An answer PackDesk cannot use: unclear after a call that issues or cancels, else nothing happened."""
        reason = MalformedAnswer(method, why).msg
        if method in (GET, CANCEL):
            return WaybillUnclear(msg("pdd.waybill.unclear", account=account.name, reason=reason))
        return WaybillUnreachable(msg("pdd.waybill.unreachable", account=account.name, reason=reason))

    def _account_message(self, account: WaybillAccount, err: PddError, kind: str) -> Message:
        carrier = account.carrier or "-"
        if kind == "credentials":
            if isinstance(err, TokenExpired):
                return msg("pdd.waybill.token_expired", account=account.name)
            return msg("pdd.waybill.credentials", account=account.name, words=err.words, code=_code(err))
        if kind == "balance":
            return msg("pdd.waybill.exhausted", account=account.name, carrier=carrier, words=err.words)
        return msg("pdd.waybill.account_refused", account=account.name, carrier=carrier, words=err.words,
                   code=_code(err))  # fmt: skip

    def _refused(self, account: WaybillAccount, err: PddError, message: Message) -> WaybillRefused:
        kind = _kind(err)
        if kind != "request":
            return WaybillRefused(self._account_message(account, err, kind), account_level=True)
        return WaybillRefused(message)

    def _call(
        self, account: WaybillAccount, method: str, params: Mapping[str, Any], answer: type[_T], *, write: bool
    ) -> _T:
        """`method` through the account's client, its failures said as the provider's errors.

        Raises:
            PddError: PDD refused (the caller words it); WaybillRefused, WaybillUnreachable, WaybillUnclear.
        """
        client = self._client(account)
        reason: Message
        try:
            return client.read(method, params, answer, write=write, root=ROOTS[method])
        except PddError as err:
            if _kind(err) == "credentials":
                self._forget(account)
            if isinstance(err, TokenExpired):
                raise WaybillRefused(self._account_message(account, err, "credentials"), account_level=True) from None
            raise
        except MalformedAnswer as exc:
            reason = exc.msg
            if not write:
                raise WaybillUnreachable(msg("pdd.waybill.unreachable", account=account.name, reason=reason)) from None
            raise WaybillUnclear(msg("pdd.waybill.unclear", account=account.name, reason=reason)) from None
        except Unclear as exc:
            raise WaybillUnclear(msg("pdd.waybill.unclear", account=account.name, reason=exc.msg)) from None
        except Offline as exc:
            raise WaybillUnreachable(msg("pdd.waybill.unreachable", account=account.name, reason=exc.msg)) from None

    def _client(self, account: WaybillAccount) -> PddClient:
        return self._clients.get(account)

    def _make_client(self, account: WaybillAccount, creds: Credentials) -> PddClient:
        return PddClient(
            account.gateway,
            account.app_key,
            creds.app_secret,
            creds.session_key,
            retry=self.retry,
            clock=self.clock,
            sleep=self.sleep,
            timeout_s=self.timeout_s,
        )

    def _forget(self, account: WaybillAccount) -> None:
        """Drop the account's client, so that the next call reads its secrets again (the seller re-authorised)."""
        with self._lock:
            self._malls.pop(account.id, None)
        self._clients.forget(account)

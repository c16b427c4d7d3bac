"""Cainiao e-waybills through the Taobao Open Platform (sync layer): a RemoteWaybillProvider over TopClient.

Numbers come from `cainiao.waybill.ii.get`, at most 10 parcels a call, each identified by its ledger id as
`object_id` and `package_info.id`; the same request asked again gets the same number, and after an unclear failure
`ii.query.by.tradecode` (order number + object_id) finds what was issued (`find`). Reprints read the print data again
(`ii.query.by.waybillcode`), voided labels cancel their number (`ii.cancel`), an address changed after printing keeps
the number with new print data (`ii.update`), and `ii.search` gives the subscribed carriers, their balance and the
sender addresses the account may use. A privacy order (Taobao `oaid`) passes the oaid and its order number as the
recipient, never an address.

The calls go through TopClient (signing, retries, rate limits): `ii.get`, `ii.cancel` and `ii.update` as writes, so a
dropped answer or a 5xx after sending is unclear (WaybillUnclear), never asked again blindly. Refusals are read by
what they concern: the whole account (an expired session, a wrong app secret, an exhausted balance, a carrier or
sender address the account is not subscribed to, its template) stops the batch (`account_level`); one request (an
address the carrier does not reach, named in the platform's words as ``object_id=ID``) is refused alone and the rest
asked again at once: a refused call applied nothing. A refusal that names no request is narrowed down by asking the
batch's requests one by one, and so is an exhausted balance, so the numbers that are left are used.

The platform's error codes for these refusals are not published in full; they are recognised by their sub_code and,
failing that, by the words Cainiao answers with (余额不足, 订购...), and shown to the seller in the platform's words.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import msgspec

from app.domain.errors import PackDeskError, WaybillRefused, WaybillUnclear, WaybillUnreachable
from app.domain.messages import Message, msg
from app.domain.waybills import CarrierBalance, SenderAddress, WaybillAccount, WaybillRequest
from app.services.waybills.ports import Issued, Refusal
from app.sync.gateway import Offline, RetryPolicy, Unclear
from app.sync.shops import Credentials
from app.sync.top import MalformedAnswer, RateLimited, SessionExpired, TopClient, TopError
from app.sync.waybills.cainiao_answers import (
    CancelAnswer,
    FoundAnswer,
    GetAnswer,
    PrintModule,
    SearchAnswer,
    UpdateAnswer,
    print_document,
)
from app.sync.waybills.clients import AccountClients

log = logging.getLogger(__name__)
_T = TypeVar("_T")

GET = "cainiao.waybill.ii.get"
SEARCH = "cainiao.waybill.ii.search"
CANCEL = "cainiao.waybill.ii.cancel"
UPDATE = "cainiao.waybill.ii.update"
BY_TRADECODE = "cainiao.waybill.ii.query.by.tradecode"
BY_WAYBILLCODE = "cainiao.waybill.ii.query.by.waybillcode"
MAX_QUERIES = 10  # param_list of query.by.tradecode (query.by.waybillcode takes 20)
# The standard template a request names when the account's settings name none (the print components need one; our
# own renderer does not read it). Set the account's own with settings["template_url"].
DEFAULT_TEMPLATE = "http://cloudprint.cainiao.com/template/standard/101/605"
CHANNELS = {"taobao": "TB", "tmall": "TM", "pdd": "PDD", "jd": "JD", "douyin": "DY"}  # order_channels_type
_CREDENTIAL_CODES = {25, 28, 29}  # invalid signature, missing / invalid app key
_BALANCE = ("quantity", "balance", "余额", "余量")
_ACCOUNT = ("subscri", "sender", "template", "订购", "发货地址", "模板", "未开通")
_CANCELLED = ("already-cancel", "already_cancel", "canceled", "已取消", "已回收")
_GONE = ("not-exist", "not_exist", "不存在")
_NAMED = re.compile(r"object_?id\s*[=:：]\s*([A-Za-z0-9_-]+)", re.IGNORECASE)
_MOBILE = re.compile(r"^1[0-9*]{10}$")


def _chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _kind(err: TopError) -> str:
    """What a refusal concerns: "credentials", "balance", "account" (every request would be refused alike) or
    "request" (the request it names, or one of the call's)."""
    if err.top_code in _CREDENTIAL_CODES:
        return "credentials"
    text = f"{err.sub_code} {err.sub_msg}".lower()
    if any(m in text for m in _BALANCE):
        return "balance"
    if any(m in text for m in _ACCOUNT):
        return "account"
    return "request"


def _words(err: TopError) -> tuple[str, str]:
    """The platform's words and code of a refusal, for the seller."""
    return err.sub_msg or err.message, err.sub_code or str(err.top_code)


class CainiaoProvider:
    """Cainiao's e-waybill service through TOP, for accounts of kind "cainiao" (see the module docstring).

    Args:
        credentials: the app secret and session key of an account (read from the keyring by the caller's function).
        retry, clock, sleep, timeout_s: for the TOP clients, one per account, kept while the account's gateway and
            app key stay the same (and dropped when its session expires, so new credentials are read).
    """

    max_batch = 10
    remote = True

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
            credentials, self._make_client, no_gateway="cainiao.no_gateway", no_secrets="cainiao.no_secrets"
        )

    def close(self) -> None:
        self._clients.close()

    # ---- RemoteWaybillProvider

    def issue(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> list[Issued | Refusal]:
        if len(requests) > self.max_batch:
            raise ValueError(f"at most {self.max_batch} requests per call, got {len(requests)}")
        ids = [r.object_id for r in requests]
        if not all(ids) or len(set(ids)) != len(ids):
            raise ValueError("every request needs its own object_id")
        answers: dict[str, Issued | Refusal] = {}
        pending = []
        for r in requests:
            refusal = _unfit(r)
            if refusal is not None:
                answers[r.object_id] = refusal
            else:
                pending.append(r)
        base = self._apply_base(account) if pending else {}
        one_by_one = False
        while pending:
            batch = pending[:1] if one_by_one else pending
            try:
                answers.update(self._get(account, base, batch))
            except TopError as err:
                kind = _kind(err)
                if kind == "balance" and len(batch) > 1:
                    one_by_one = True  # take the numbers that are left, one at a time, until none is
                    continue
                if kind == "request":
                    named = _named(err, batch)
                    if named is None and len(batch) > 1:
                        one_by_one = True  # which one? ask them singly: a refused call applied nothing
                        continue
                    culprit = named or batch[0]
                    words, code = _words(err)
                    answers[culprit.object_id] = Refusal(
                        culprit.object_id, msg("cainiao.refused", order_no=culprit.order_no, words=words, code=code)
                    )
                    pending.remove(culprit)
                    continue
                message = self._account_message(account, err, kind)
                if not any(isinstance(a, Issued) for a in answers.values()):
                    raise WaybillRefused(message, account_level=True) from None
                for r in pending:  # numbers issued earlier in this call are kept: the rest stop
                    answers[r.object_id] = Refusal(r.object_id, message, account_level=True)
                break
            except WaybillRefused as exc:  # the session expired, the credentials were refused...
                if not any(isinstance(a, Issued) for a in answers.values()):
                    raise
                for r in pending:
                    answers[r.object_id] = Refusal(r.object_id, exc.msg, account_level=exc.account_level)
                break
            except WaybillUnreachable as exc:
                if any(isinstance(a, Issued) for a in answers.values()):
                    raise WaybillUnclear(exc.msg) from None  # the caller must look up what this call issued
                raise
            pending = [r for r in pending if r.object_id not in answers]
        return [answers[r.object_id] for r in requests]

    def find(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> dict[str, Issued]:
        wanted = {r.object_id: r for r in requests}
        found: dict[str, Issued] = {}
        for chunk in _chunks(list(requests), MAX_QUERIES):
            params = {"param_list": _json([{"biz_sub_code": r.order_no, "object_id": r.object_id} for r in chunk])}
            answer = self._read(account, BY_TRADECODE, params, FoundAnswer)
            for module in answer.items:
                printed = module.waybill_cloud_print_response
                if not module.success or printed is None or module.object_id not in wanted:
                    continue
                if module.object_id in found and found[module.object_id].tracking_no != printed.waybill_code:
                    log.warning("%s: two live numbers for request %s", account.name, module.object_id)
                    continue
                found[module.object_id] = self._issued(BY_TRADECODE, printed, module.object_id, account.carrier)
        return found

    def reprint(self, account: WaybillAccount, carrier: str, tracking_no: str, object_id: str) -> Issued:
        query = [{"cp_code": carrier, "waybill_code": tracking_no, "object_id": object_id}]
        answer = self._read(account, BY_WAYBILLCODE, {"param_list": _json(query)}, FoundAnswer)
        for module in answer.items:
            printed = module.waybill_cloud_print_response
            if module.success and printed is not None and printed.waybill_code == tracking_no:
                return self._issued(BY_WAYBILLCODE, printed, object_id, carrier)
        module = answer.items[0] if answer.items else None
        words = (module.error_message if module else None) or "-"
        code = (module.error_code if module else None) or "-"
        raise WaybillRefused(msg("cainiao.not_live", tracking_no=tracking_no, words=words, code=code))

    def cancel(self, account: WaybillAccount, carrier: str, tracking_no: str) -> None:
        try:
            answer = self._call(
                account, CANCEL, {"cp_code": carrier, "waybill_code": tracking_no}, CancelAnswer, write=True
            )
        except TopError as err:
            text = f"{err.sub_code} {err.sub_msg}".lower()
            if _kind(err) == "request" and any(m in text for m in (*_CANCELLED, *_GONE)):
                log.info("%s: %s was no longer live at Cainiao (%s)", account.name, tracking_no, err.sub_msg)
                return
            words, code = _words(err)
            raise self._refused(
                account, err, msg("cainiao.cancel_refused", tracking_no=tracking_no, words=words, code=code)
            ) from None
        if not answer.cancel_result:
            raise WaybillRefused(
                msg("cainiao.cancel_refused", tracking_no=tracking_no, words="cancel_result=false", code="-")
            )

    def update(self, account: WaybillAccount, carrier: str, tracking_no: str, request: WaybillRequest) -> Issued:
        refusal = _unfit(request)
        if refusal is not None:
            raise WaybillRefused(refusal.message)
        sender = self._sender(account)
        change = {
            "cp_code": carrier,
            "waybill_code": tracking_no,
            "object_id": request.object_id,
            "recipient": _recipient(request),
            "package_info": _package(request),
            "sender": {k: v for k, v in sender.items() if k != "address"},
            "template_url": account.settings.get("template_url") or DEFAULT_TEMPLATE,
        }
        params = {"param_waybill_cloud_print_update_request": _json(change)}
        try:
            answer = self._call(account, UPDATE, params, UpdateAnswer, write=True)
        except TopError as err:
            words, code = _words(err)
            raise self._refused(
                account, err, msg("cainiao.update_refused", tracking_no=tracking_no, words=words, code=code)
            ) from None
        module = PrintModule(waybill_code=answer.waybill_code, print_data=answer.print_data)
        return self._issued(UPDATE, module, request.object_id, carrier)

    def search(self, account: WaybillAccount) -> list[CarrierBalance]:
        answer = self._read(account, SEARCH, {}, SearchAnswer)
        carriers = []
        for sub in answer.items:
            branches = sub.branches
            known = [b.quantity for b in branches if b.quantity is not None]
            addresses: dict[str, SenderAddress] = {}
            for branch in branches:
                for a in branch.addresses:
                    address_id = "" if a.waybill_address_id is None else str(a.waybill_address_id)
                    addresses.setdefault(
                        address_id,
                        SenderAddress(
                            address_id, a.province or "", a.city or "", a.district or "", a.town or "", a.detail or ""
                        ),
                    )
            first = branches[0] if branches else None
            carriers.append(
                CarrierBalance(
                    sub.cp_code,
                    sum(known) if known else None,
                    branch_code=(first.branch_code or "") if first else "",
                    branch_name=(first.branch_name or "") if first else "",
                    addresses=tuple(addresses.values()),
                )
            )
        return carriers

    # ---- the calls

    def _get(
        self, account: WaybillAccount, base: Mapping[str, Any], batch: Sequence[WaybillRequest]
    ) -> dict[str, Issued]:
        """One ii.get for `batch`: the numbers by object_id (every request answered, or the answer is malformed)."""
        user_id = str(account.settings.get("user_id") or "")
        template = account.settings.get("template_url") or DEFAULT_TEMPLATE
        dtos = [_dto(r, template, r.seller_id or user_id) for r in batch]
        params = {"param_waybill_cloud_print_apply_new_request": _json({**base, "trade_order_info_dtos": dtos})}
        answer = self._call(account, GET, params, GetAnswer, write=True)
        modules = {m.object_id: m for m in answer.items}
        issued = {}
        for r in batch:
            module = modules.get(r.object_id)
            if module is None:  # the call was applied, but what it issued for this one is not said
                raise self._malformed(GET, msg("cainiao.why.no_module", object_id=r.object_id))
            issued[r.object_id] = self._issued(GET, module, r.object_id, account.carrier)
        return issued

    def _issued(self, method: str, module: PrintModule, object_id: str, carrier: str) -> Issued:
        try:
            document, parsed = print_document(module.print_data)
        except (ValueError, RecursionError) as exc:
            why = msg("cainiao.why.print_data", tracking_no=module.waybill_code, error=str(exc))
            raise self._malformed(method, why) from None
        content = parsed.data
        return Issued(
            tracking_no=module.waybill_code,
            routing=parsed.routing,
            object_id=module.object_id or object_id,
            carrier=module.real_cp_code or module.cp_code or (content.cpCode if content else None) or carrier,
            print_data=document,
            encrypted=parsed.encrypted,
        )

    def _malformed(self, method: str, why: Message) -> PackDeskError:
        error = MalformedAnswer(method, why)
        return WaybillUnclear(error.msg) if method in (GET, CANCEL, UPDATE) else WaybillUnreachable(error.msg)

    def _read(self, account: WaybillAccount, method: str, params: Mapping[str, Any], answer: type[_T]) -> _T:
        """A read (search, queries): a refusal is the account's or the call's, never a request's."""
        try:
            return self._call(account, method, params, answer, write=False)
        except TopError as err:
            words, code = _words(err)
            raise self._refused(
                account, err, msg("cainiao.call_refused", method=method, account=account.name, words=words, code=code)
            ) from None

    def _refused(self, account: WaybillAccount, err: TopError, message: Message) -> WaybillRefused:
        kind = _kind(err)
        if kind in ("credentials", "account"):
            return WaybillRefused(self._account_message(account, err, kind), account_level=True)
        return WaybillRefused(message)

    def _call(
        self, account: WaybillAccount, method: str, params: Mapping[str, Any], answer: type[_T], *, write: bool
    ) -> _T:
        """`method` through the account's TOP client, its failures said as the provider's errors.

        Raises:
            TopError: the platform refused (the caller words it); WaybillRefused, WaybillUnreachable, WaybillUnclear.
        """
        client = self._client(account)
        try:
            return client.read(method, params, answer, write=write)
        except SessionExpired:
            self._forget(account)
            raise WaybillRefused(msg("cainiao.session_expired", account=account.name), account_level=True) from None
        except RateLimited as exc:  # a daily quota: nothing was done, ask again hours later
            raise WaybillUnreachable(exc.msg) from None
        except TopError as err:
            if err.top_code in _CREDENTIAL_CODES:
                self._forget(account)
            raise
        except Unclear as exc:  # a lost answer, or one PackDesk does not understand (MalformedAnswer)
            if write:
                raise WaybillUnclear(exc.msg) from None
            raise WaybillUnreachable(exc.msg) from None  # a read changed nothing: safe to ask again
        except Offline as exc:
            raise WaybillUnreachable(exc.msg) from None

    def _client(self, account: WaybillAccount) -> TopClient:
        return self._clients.get(account)

    def _make_client(self, account: WaybillAccount, creds: Credentials) -> TopClient:
        return TopClient(
            account.gateway,
            account.app_key,
            creds.app_secret,
            creds.session_key,
            timeout_s=self.timeout_s,
            retry=self.retry,
            clock=self.clock,
            sleep=self.sleep,
        )

    def _forget(self, account: WaybillAccount) -> None:
        """Drops the account's client: the next call reads its credentials again (the seller re-authorised it)."""
        self._clients.forget(account)

    def _account_message(self, account: WaybillAccount, err: TopError, kind: str) -> Message:
        words, code = _words(err)
        if kind == "credentials":
            return msg("cainiao.bad_credentials", account=account.name, words=words, code=code)
        if kind == "balance":
            return msg("cainiao.balance_exhausted", account=account.name, carrier=account.carrier, words=words)
        return msg("cainiao.account_refused", account=account.name, carrier=account.carrier, words=words, code=code)

    # ---- building requests

    def _apply_base(self, account: WaybillAccount) -> dict[str, Any]:
        """What every ii.get of `account` carries besides its parcels: carrier, sender, encryption."""
        return {
            "cp_code": account.carrier,
            "sender": self._sender(account),
            "need_encrypt": bool(account.settings.get("need_encrypt", False)),
        }

    def _sender(self, account: WaybillAccount) -> dict[str, Any]:
        """The account's sender: its chosen address exactly as Cainiao returned it, with the group's name and phone."""
        s = account.sender
        if s is None:
            raise WaybillRefused(msg("cainiao.no_sender", account=account.name), account_level=True)
        if not s.name.strip() or not s.phone.strip():
            raise WaybillRefused(msg("cainiao.sender_incomplete", account=account.name), account_level=True)
        sender: dict[str, Any] = {"name": s.name.strip(), **_phone(s.phone.strip())}
        sender["address"] = {
            "province": s.province,
            "city": s.city,
            "district": s.district,
            "town": s.town,
            "detail": s.detail,
        }
        return sender


def _unfit(r: WaybillRequest) -> Refusal | None:
    """A request Cainiao would refuse for what it lacks, refused here without asking (a privacy order's receiver
    is Cainiao's to read from its oaid)."""
    if r.oaid:
        return None
    if not (r.province and (r.city or r.district) and r.district and r.address):
        return Refusal(r.object_id, msg("cainiao.address_incomplete", order_no=r.order_no))
    if not r.name.strip() or not r.phone.strip():
        return Refusal(r.object_id, msg("cainiao.receiver_incomplete", order_no=r.order_no))
    return None


def _named(err: TopError, batch: Sequence[WaybillRequest]) -> WaybillRequest | None:
    """The request of `batch` the refusal names (``object_id=ID`` in the platform's words), if it names one."""
    match = _NAMED.search(err.sub_msg or "")
    if match is None:
        return None
    return next((r for r in batch if r.object_id == match.group(1)), None)


def _phone(number: str) -> dict[str, str]:
    """A number as Cainiao takes it: a (maybe masked) mobile as `mobile`, anything else as `phone`."""
    return {"mobile": number} if _MOBILE.match(number) else {"phone": number}


def _recipient(r: WaybillRequest) -> dict[str, Any]:
    """The recipient: a privacy order's oaid and order number (never an address then), else name, phone, address."""
    if r.oaid:
        return {"oaid": r.oaid, "tid": r.order_no}
    address = {
        "province": r.province,
        "city": r.city or r.district,  # a county under the province (河南 济源) has no city
        "district": r.district,
        "town": r.town,
        "detail": r.address,
    }
    return {"name": r.name.strip(), **_phone(r.phone.strip()), "address": address}


def _package(r: WaybillRequest) -> dict[str, Any]:
    items = [{"name": (title or "").strip()[:60] or "-", "count": max(qty, 1)} for title, qty in r.items[:100]]
    package: dict[str, Any] = {"id": r.object_id, "items": items or [{"name": "-", "count": 1}]}
    if r.weight_g > 0:
        package["weight"] = r.weight_g
    return package


def _dto(r: WaybillRequest, template: str, user_id: str) -> dict[str, Any]:
    """One `trade_order_info_dtos` entry: the request identified by its object_id, as order and package."""
    dto: dict[str, Any] = {
        "object_id": r.object_id,
        "order_info": {"order_channels_type": CHANNELS.get(r.platform, "OTHERS"), "trade_order_list": r.trade_orders},
        "package_info": _package(r),
        "recipient": _recipient(r),
        "template_url": template,
    }
    if user_id.isdigit():
        dto["user_id"] = int(user_id)
    if r.insured is not None:
        # 保价 as the value-added service SVC-INSURE, its value in fen [I: the code is the one ISV integrations send
        # in `logistics_services`; the unit (fen, as Cainiao's money fields) is inferred, not read in Cainiao's docs]
        dto["logistics_services"] = _json({"SVC-INSURE": {"value": str(int(r.insured * 100))}})
    return dto


def _json(value: Any) -> str:
    return msgspec.json.encode(value).decode("utf-8")

"""Kuaidi100 e-waybills (快递100 `label/order`) for sellers whose account is with a carrier branch (sync layer).

One form POST per parcel to the account's gateway (`account.gateway`, e.g. https://api.kuaidi100.com/label/order):
`method` (order | cancel), `key` (`account.app_key`), `t` (milliseconds), `param` (JSON) and `sign`, the upper-case
hex MD5 of `param + t + key + secret` over the param text exactly as sent. The branch account (网点电子面单账号) rides
in the param: `partnerId` from `account.settings["partner_id"]`, `partnerKey` from the keyring (`Credentials.
session_key`; `Credentials.app_secret` is the API secret), and the branch's other fields when the branch gave them
(settings `partner_name`, `net`, `code`, `check_man`, `tb_net`). The carrier is `kuaidicom`, mapped from our carrier
code (`settings["kuaidicom"]` overrides). Answers are `{result, returnCode, message, data}`, validated here.

Why asking twice is safe: every order carries `orderId` = the ledger's request id (with the account's
`settings["order_prefix"]` before it, so that a database rebuilt from scratch cannot reuse a recent id) and
`reorder: false`, and Kuaidi100 answers the same orderId within 48 hours with its first answer, issuing nothing more.
So `find` *is* the order asked again: it returns the number issued before, or issues the one the lost request would
have had, which is that request's. The call loop is every platform's (app.sync.gateway): a connection that could not
be opened is asked again; a dropped connection, a 5xx or Kuaidi100's own failure after sending raises WaybillUnclear
at once, and the ledger's `find` settles it. Past 48 hours Kuaidi100 no longer recognises the orderId, which is why a
request left unresolved that long cannot be found again.

The label image (printType IMAGE, the default; settings `print_type` NON asks for the number only) is downloaded at
once, retried as a read, and travels in `Issued.image` to our raster path. A download that still fails never loses the
number: the number is returned without image and with empty `print_data`, which is how the ledger knows to call
`reprint` before the label prints; `reprint` asks the order again (same orderId) and downloads the image again.

Insurance (保价) is the order's `valinsPay`, the insured amount in yuan (Kuaidi100's python and java demos: "保价额度",
a double); left out when the parcel is not insured. The label image Kuaidi100 renders shows the carrier's own mark.

Kuaidi100 cannot change the receiver of an issued number (`update` refuses: the caller cancels and asks again) and
has no balance query for branch accounts (`search` answers the account's carrier with balance None and no sender
addresses of its own: the sender is the shop group's, `account.sender`).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from app.domain.errors import PackDeskError, WaybillRefused, WaybillUnclear, WaybillUnreachable
from app.domain.messages import Message, msg
from app.domain.waybills import CarrierBalance, WaybillAccount, WaybillRequest
from app.services.waybills.ports import Issued, Refusal
from app.sync.gateway import Again, GatewayClient, Offline, RetryPolicy, Unclear, Wording
from app.sync.shops import Credentials
from printers.waybill import Routing

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

#: Our carrier codes (Taobao's logistics company codes) -> Kuaidi100's company codes.
COMPANY_CODES: dict[str, str] = {
    "ZTO": "zhongtong",
    "YTO": "yuantong",
    "STO": "shentong",
    "YUNDA": "yunda",
    "SF": "shunfeng",
    "JT": "jtexpress",
    "EMS": "ems",
    "JD": "jd",
    "POSTB": "youzhengguonei",
    "DBKD": "debangkuaidi",
}
_OUR_CODES = {v: k for k, v in COMPANY_CODES.items()}
# settings key -> Kuaidi100's param name: the branch account's own fields, then the order's options.
_BRANCH_FIELDS = (("partner_name", "partnerName"), ("net", "net"), ("code", "code"), ("check_man", "checkMan"))
_ORDER_FIELDS = (("tb_net", "tbNet"), ("exp_type", "expType"), ("pay_type", "payType"), ("temp_id", "tempId"))

# Return codes that concern the account, not the one parcel: the rest of a batch would be refused alike (wrong key,
# signature or branch password, no numbers left, a carrier the branch does not serve).
ACCOUNT_CODES = frozenset({"401", "601", "30002", "30003", "30004"})
# Return codes of Kuaidi100's own failures: whether the request was taken is unknown.
SERVICE_CODES = frozenset({"500", "502", "503", "504"})
# A cancel answered with these finds the number already not live (never issued to this branch, cancelled before).
GONE_CODES = frozenset({"30011", "30012"})
_THREE_SEGMENTS = re.compile(r"^\w{1,4}[-\s]\w{1,4}([-\s]\w{1,4})+$")
_MOBILE = re.compile(r"^1[\d*]{10}$")
MAX_IMAGE_BYTES = 8 * 1024 * 1024


def kd100_sign(param: str, t: str, key: str, secret: str) -> str:
    """Kuaidi100's signature: upper-case hex MD5 of param + t + key + secret (UTF-8), nothing between them."""
    return hashlib.md5((param + t + key + secret).encode("utf-8")).hexdigest().upper()


class _Answer(msgspec.Struct):
    result: bool | str = False
    returnCode: str | int = ""  # noqa: N815 - Kuaidi100's field names
    message: str | None = None
    data: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.result is True or str(self.result).lower() == "true"

    @property
    def code(self) -> str:
        return str(self.returnCode)

    @property
    def words(self) -> str:
        return self.message or ""


class _OrderData(msgspec.Struct):
    kuaidinum: str
    label: str | None = None
    taskId: str | None = None  # noqa: N815
    bulkpen: str | None = None
    pkgCode: str | None = None  # noqa: N815
    pkgName: str | None = None  # noqa: N815
    destSortingCode: str | None = None  # noqa: N815


class Kuaidi100Client(GatewayClient):
    """Signed calls to one Kuaidi100 key's `label/order`, and label image downloads, over the shared call loop."""

    wording = Wording(
        unreachable="kuaidi100.failure.unreachable",
        http="kuaidi100.failure.http",
        limited="kuaidi100.failure.limited",
        busy="kuaidi100.failure.busy",
        offline="kuaidi100.offline",
        unclear_broke="kuaidi100.unclear.broke",
        unclear_http="kuaidi100.unclear.http",
        unclear_failed="kuaidi100.unclear.failed",
    )

    def __init__(
        self,
        gateway: str,
        key: str,
        secret: str,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        timeout_s: float | httpx.Timeout = 15.0,
    ) -> None:
        super().__init__(timeout_s=timeout_s, retry=retry, sleep=sleep)
        self.gateway, self.key, self.secret, self.clock = gateway, key, secret, clock

    def signed(self, method: str, param: str) -> dict[str, str]:
        """The form of one call; `t` is taken now, so each attempt is signed afresh."""
        t = str(int(self.clock() * 1000))
        return {
            "method": method,
            "key": self.key,
            "t": t,
            "param": param,
            "sign": kd100_sign(param, t, self.key, self.secret),
        }

    def call(self, method: str, param: Mapping[str, Any]) -> _Answer:
        """Calls `method` (order | cancel) as a write: only a connection that could not be opened is asked again.

        Raises:
            Offline: Kuaidi100 could not be reached (nothing was sent).
            Unclear: it may have been taken (the connection broke after sending, a 5xx, Kuaidi100's own failure,
                an answer that is not its JSON).
            WaybillRefused: the address answered 4xx: it is not Kuaidi100's API (account_level).
        """
        text = json.dumps(param, ensure_ascii=False, separators=(",", ":"))

        def interpret(response: httpx.Response) -> _Answer | Again:
            if response.status_code >= 400:
                raise WaybillRefused(
                    msg("kuaidi100.http_status", gateway=self.gateway, status=response.status_code), account_level=True
                )
            try:
                answer = msgspec.json.decode(response.content, type=_Answer, strict=False)
            except (msgspec.DecodeError, RecursionError):
                return Again(words="the answer is not Kuaidi100's JSON")
            if not answer.ok and answer.code in SERVICE_CODES:
                return Again(words=f"{answer.code} {answer.words}".strip())
            return answer

        return self.exchange(
            method, lambda: self.http.post(self.gateway, data=self.signed(method, text)), interpret, write=True
        )

    def image(self, url: str) -> bytes:
        """The label image at `url`, asked again as a read while the download fails or is not an image.

        Raises:
            Offline: it could not be had after every attempt.
        """

        def interpret(response: httpx.Response) -> bytes | Again:
            content = response.content
            if response.status_code != 200 or len(content) > MAX_IMAGE_BYTES or not _is_image(content):
                return Again(words=f"HTTP {response.status_code}, {len(content)} bytes")
            return content

        return self.exchange(url, lambda: self.http.get(url), interpret, write=False)


class Kuaidi100Provider:
    """RemoteWaybillProvider for Kuaidi100 branch accounts (see the module docstring): one parcel per call."""

    max_batch = 1
    remote = True

    def __init__(
        self,
        credentials: Callable[[WaybillAccount], Credentials],
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        timeout_s: float | httpx.Timeout = 15.0,
    ) -> None:
        """
        Args:
            credentials: the account's secrets from the keyring (app_secret = the API secret, session_key = the
                branch account's password, partnerKey).
            retry: attempts and backoff of the shared call loop (default: 3 attempts from half a second: a packer
                is waiting for the label).
            sleep, clock: injectable for tests (the backoff waits; the `t` milliseconds).
            timeout_s: httpx's timeout of each request.
        """
        self.credentials = credentials
        self.retry = retry or RetryPolicy(attempts=3, backoff_s=0.5, max_backoff_s=4.0)
        self.sleep, self.clock, self.timeout_s = sleep, clock, timeout_s
        self._clients: dict[tuple[str, str, str], Kuaidi100Client] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()

    # ---- RemoteWaybillProvider

    def issue(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> list[Issued | Refusal]:
        out: list[Issued | Refusal] = []
        for request in requests:
            incomplete = _receiver_problem(request)
            if incomplete is not None:
                out.append(Refusal(request.object_id, incomplete))
                continue
            answer = self._call(account, "order", self._order_param(account, request))
            if answer.ok:
                out.append(self._issued(account, request.object_id, answer)[0])
            else:
                refusal = msg("kuaidi100.refused", code=answer.code, words=answer.words)
                out.append(Refusal(request.object_id, refusal, account_level=answer.code in ACCOUNT_CODES))
        return out

    def find(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> dict[str, Issued]:
        """Asks each request again with its orderId: Kuaidi100 answers the number it issued for it (or issues the
        one a lost request would have had). A clear refusal means nothing is live for it. Kuaidi100 answers a
        repeat as it first did, so a number cancelled since would come back: the ledger never finds a request
        whose number it cancelled.

        A lost answer here raises WaybillUnreachable, not WaybillUnclear: asking again is exactly what a find does.
        """
        found: dict[str, Issued] = {}
        for request in requests:
            if _receiver_problem(request) is not None:
                continue
            try:
                answer = self._call(account, "order", self._order_param(account, request))
            except WaybillUnclear as exc:
                raise WaybillUnreachable(exc.msg) from exc
            if answer.ok:
                found[request.object_id] = self._issued(account, request.object_id, answer)[0]
            elif answer.code in ACCOUNT_CODES:
                raise WaybillRefused(msg("kuaidi100.refused", code=answer.code, words=answer.words), account_level=True)
        return found

    def reprint(self, account: WaybillAccount, carrier: str, tracking_no: str, object_id: str) -> Issued:
        """The order asked again by its orderId (all a repeat needs), and its label image downloaded again.

        Raises:
            WaybillRefused: Kuaidi100 no longer answers that orderId (over 48 hours), or answered another number
                (then cancelled at once, never left live).
            WaybillUnreachable: Kuaidi100 or the image could not be had now (the number stays as it is).
        """
        param = self._account_param(account, carrier)
        param.update(printType=self._print_type(account), orderId=self._order_id(account, object_id), reorder=False)
        try:
            answer = self._call(account, "order", param)
        except WaybillUnclear as exc:
            raise WaybillUnreachable(exc.msg) from exc
        if not answer.ok:
            raise WaybillRefused(
                msg("kuaidi100.reprint_refused", tracking_no=tracking_no, code=answer.code, words=answer.words),
                account_level=answer.code in ACCOUNT_CODES,
            )
        issued, image_failure = self._issued(account, object_id, answer)
        if issued.tracking_no != tracking_no:
            raise WaybillRefused(self._cancel_stray(account, carrier, issued.tracking_no, tracking_no))
        if image_failure is not None:
            raise WaybillUnreachable(msg("kuaidi100.label_unavailable", tracking_no=tracking_no, failure=image_failure))
        return issued

    def cancel(self, account: WaybillAccount, carrier: str, tracking_no: str) -> None:
        param = self._account_param(account, carrier)
        param.update(kuaidinum=tracking_no, reason="订单取消")
        answer = self._call(account, "cancel", param)
        if answer.ok or answer.code in GONE_CODES:
            return
        raise WaybillRefused(
            msg("kuaidi100.cancel_refused", tracking_no=tracking_no, code=answer.code, words=answer.words),
            account_level=answer.code in ACCOUNT_CODES,
        )

    def update(self, account: WaybillAccount, carrier: str, tracking_no: str, request: WaybillRequest) -> Issued:
        raise WaybillRefused(msg("kuaidi100.no_update"))

    def search(self, account: WaybillAccount) -> list[CarrierBalance]:
        """The account's one carrier, balance unknown: Kuaidi100 has no balance query for branch accounts, and the
        sender address is the shop group's own (none comes from the provider). Checks the set-up, no network."""
        self._endpoint(account)
        self._secrets(account)
        kuaidicom = self._kuaidicom(account)
        partner_id = self._partner_id(account)
        name = str(account.settings.get("partner_name") or account.settings.get("net") or "")
        return [CarrierBalance(self._our_carrier(account, kuaidicom), None, partner_id, name)]

    # ---- the request

    def _order_param(self, account: WaybillAccount, request: WaybillRequest) -> dict[str, Any]:
        if account.sender is None:
            raise WaybillRefused(msg("kuaidi100.no_sender", account=account.name), account_level=True)
        s = account.sender
        receiver = (request.province, request.city, request.district, request.town, request.address)
        param = self._account_param(account)
        param.update(
            printType=self._print_type(account),
            recMan=_person(request.name, request.phone, receiver),
            sendMan=_person(s.name, s.phone, (s.province, s.city, s.district, s.town, s.detail)),
            cargo=_cargo(request.items),
            count=1,
            orderId=self._order_id(account, request.object_id),
            reorder=False,
            thirdOrderId=request.order_no,
        )
        if request.oaid:
            param["oaid"] = request.oaid
        if request.weight_g > 0:
            param["weight"] = round(request.weight_g / 1000, 3)
        if request.insured is not None:  # 保价额度 in yuan, a number (Kuaidi100's demos: double valinsPay)
            param["valinsPay"] = float(request.insured)
        for setting, name in _ORDER_FIELDS:
            if account.settings.get(setting):
                param[name] = str(account.settings[setting])
        return param

    def _account_param(self, account: WaybillAccount, carrier: str = "") -> dict[str, Any]:
        """The carrier and the branch account every call carries."""
        param: dict[str, Any] = {
            "kuaidicom": self._kuaidicom(account, carrier),
            "partnerId": self._partner_id(account),
            "partnerKey": self._secrets(account).session_key,
        }
        for setting, name in _BRANCH_FIELDS:
            if account.settings.get(setting):
                param[name] = str(account.settings[setting])
        return param

    def _order_id(self, account: WaybillAccount, object_id: str) -> str:
        prefix = str(account.settings.get("order_prefix") or f"PD{account.id}-")
        return f"{prefix}{object_id}"

    def _print_type(self, account: WaybillAccount) -> str:
        return "NON" if str(account.settings.get("print_type", "IMAGE")).upper() == "NON" else "IMAGE"

    def _kuaidicom(self, account: WaybillAccount, carrier: str = "") -> str:
        """Kuaidi100's company code of `carrier` (default: the account's; settings `kuaidicom` names it outright)."""
        explicit = str(account.settings.get("kuaidicom") or "")
        code = (carrier or account.carrier).strip()
        if explicit and (not carrier or carrier.upper() == account.carrier.upper()):
            return explicit
        if code.upper() in COMPANY_CODES:
            return COMPANY_CODES[code.upper()]
        if code.lower() in _OUR_CODES:
            return code.lower()
        known = ", ".join(COMPANY_CODES)
        raise WaybillRefused(msg("kuaidi100.carrier_unknown", carrier=code, known=known), account_level=True)

    def _our_carrier(self, account: WaybillAccount, kuaidicom: str) -> str:
        if account.carrier.upper() in COMPANY_CODES:
            return account.carrier.upper()
        return _OUR_CODES.get(kuaidicom, account.carrier)

    def _partner_id(self, account: WaybillAccount) -> str:
        partner_id = str(account.settings.get("partner_id") or "").strip()
        if not partner_id:
            raise WaybillRefused(msg("kuaidi100.partner_missing", account=account.name), account_level=True)
        return partner_id

    def _secrets(self, account: WaybillAccount) -> Credentials:
        try:
            return self.credentials(account)
        except WaybillRefused:
            raise
        except PackDeskError as exc:  # secrets not stored, keyring locked: the account cannot serve as it is
            raise WaybillRefused(exc.msg, account_level=True) from exc

    def _endpoint(self, account: WaybillAccount) -> str:
        if not account.gateway or not account.app_key:
            raise WaybillRefused(msg("kuaidi100.not_configured", account=account.name), account_level=True)
        if not account.gateway.lower().startswith(("http://", "https://")):
            raise WaybillRefused(
                msg("kuaidi100.gateway_not_http", gateway=account.gateway, account=account.name), account_level=True
            )
        return account.gateway

    # ---- the answer

    def _issued(self, account: WaybillAccount, object_id: str, answer: _Answer) -> tuple[Issued, Message | None]:
        """The number answered, with its label image when one was asked for; and why the image is missing (None
        when it is not)."""
        try:
            data = msgspec.convert(answer.data, _OrderData, strict=False)
            if not data.kuaidinum.strip():
                raise msgspec.ValidationError("`kuaidinum` is empty")
        except msgspec.ValidationError as exc:
            # Taken, by all signs, but without a number PackDesk can read: the same orderId asked later says which.
            raise WaybillUnclear(msg("kuaidi100.no_number", gateway=account.gateway, why=str(exc))) from exc
        routing = Routing(
            sort_headline=(data.bulkpen or "").strip(),
            route_code=_three_segments(data.destSortingCode),
            consolidation=(data.pkgName or data.pkgCode or "").strip(),
        )
        print_data: Mapping[str, Any] = dict(answer.data or {})
        image: bytes | None = None
        failure: Message | None = None
        if self._print_type(account) == "IMAGE":
            image, failure = self._download(account, data.label or "")
            if image is None:
                print_data = {}  # no document: the ledger asks `reprint` for it before the label prints
        issued = Issued(
            data.kuaidinum.strip(),
            routing,
            object_id=object_id,
            carrier=self._our_carrier(account, self._kuaidicom(account)),
            print_data=print_data,
            image=image,
        )
        return issued, failure

    def _download(self, account: WaybillAccount, url: str) -> tuple[bytes | None, Message | None]:
        """The label image at `url`, or None and why it cannot be had now."""
        if not url.lower().startswith(("http://", "https://")):
            log.warning("%s: the answer names no label image link", account.name)
            return None, msg("kuaidi100.no_label_link")
        try:
            return self._client(account).image(url), None
        except Offline as exc:
            log.warning("%s: the label image could not be downloaded: %s", account.name, exc)
            return None, exc.msg

    def _cancel_stray(self, account: WaybillAccount, carrier: str, new_no: str, tracking_no: str) -> Message:
        """A number Kuaidi100 issued that PackDesk never asked for: cancelled at once, or said so plainly."""
        try:
            self.cancel(account, carrier, new_no)
        except PackDeskError as exc:
            log.error("%s: stray number %s could not be cancelled: %s", account.name, new_no, exc)
            return msg("kuaidi100.reprint_other_number_live", new_no=new_no, tracking_no=tracking_no, reason=exc.msg)
        return msg("kuaidi100.reprint_other_number", new_no=new_no, tracking_no=tracking_no)

    # ---- the wire

    def _client(self, account: WaybillAccount) -> Kuaidi100Client:
        """The client of the account's gateway and key (kept: one HTTP session per key, reused)."""
        gateway, secret = self._endpoint(account), self._secrets(account).app_secret
        key = (gateway, account.app_key, secret)
        with self._lock:
            client = self._clients.get(key)
            if client is None:
                client = self._clients[key] = Kuaidi100Client(
                    gateway,
                    account.app_key,
                    secret,
                    retry=self.retry,
                    sleep=self.sleep,
                    clock=self.clock,
                    timeout_s=self.timeout_s,
                )
            return client

    def _call(self, account: WaybillAccount, method: str, param: Mapping[str, Any]) -> _Answer:
        try:
            return self._client(account).call(method, param)
        except Offline as exc:
            raise WaybillUnreachable(exc.msg) from exc
        except Unclear as exc:
            raise WaybillUnclear(exc.msg) from exc


def _receiver_problem(request: WaybillRequest) -> Message | None:
    address = "".join((request.province, request.city, request.district, request.town, request.address)).strip()
    if not request.name.strip() or not request.phone.strip() or not address:
        return msg("kuaidi100.receiver_incomplete", order_no=request.order_no)
    return None


def _person(name: str, phone: str, address: Sequence[str]) -> dict[str, str]:
    """A recMan / sendMan: a mobile number goes as `mobile` (masked ones too), a landline as `tel`."""
    phone = phone.strip()
    return {
        "name": name.strip(),
        "mobile" if _MOBILE.match(phone.replace(" ", "")) else "tel": phone,
        "printAddr": "".join(part.strip() for part in address),
    }


def _cargo(items: Sequence[tuple[str, int]]) -> str:
    """What the parcel holds, as the label's 物品 line: the titles with their counts, kept short."""
    text = "，".join(f"{title} x{qty}" for title, qty in items) or "商品"
    return text if len(text) <= 40 else text[:39] + "…"


def _three_segments(code: str | None) -> str:
    """destSortingCode when it is a three-segment code (三段码: 830-120-00 012); other carriers put other sorting
    codes there, which must not be printed as one."""
    code = (code or "").strip()
    return code if _THREE_SEGMENTS.match(code) else ""


def _is_image(data: bytes) -> bool:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a file that is not an image
        return False
    return True

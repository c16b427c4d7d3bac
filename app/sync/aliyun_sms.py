"""A client for Alibaba Cloud SMS (阿里云短信, API version 2017-05-25, RPC style) (sync layer): `SendSms` and
`QuerySendDetails`, signed as waybills-pdd-notices.md §4 describes.

Every call is a form POST of the common parameters (`Action`, `Version`, `AccessKeyId`, `SignatureMethod=HMAC-SHA1`,
`SignatureVersion=1.0`, `SignatureNonce` new for every request, `Timestamp` ISO 8601 UTC, `Format=JSON`) and the
action's own; `Signature` = base64(HMAC-SHA1(AccessKeySecret + "&", "POST&%2F&" + percent-encoded sorted query)),
percent-encoding as RFC 3986 (space %20, `*` %2A, `~` kept). Answers are JSON with `Code` ("OK" or the refusal's
code, e.g. `isv.BUSINESS_LIMIT_CONTROL`, `isv.MOBILE_NUMBER_ILLEGAL`) and `Message`.

`QuerySendDetails` [V: Alibaba Cloud's API reference, QuerySendDetails]: `PhoneNumber` (one number), `SendDate`
(yyyyMMdd, the last 30 days), `PageSize` (1-50), `CurrentPage`, optional `BizId`; answers `TotalCount` and
`SmsSendDetailDTOs.SmsSendDetailDTO[]` with `OutId`, `SendStatus` (1 waiting for the receipt, 2 failed, 3
delivered), `ErrCode`, `TemplateCode`, `Content`, `SendDate`. A send whose answer was lost is looked up there by its
`OutId` (the notice's id) before it is sent again (app.sync.notice_push).

Failures mean what they mean for the platforms' gateways (app.sync.gateway): a refused connection is retried; a
dropped connection or a 5xx after a `SendSms` left raises `Unclear`; a rate limit (`Throttling*`) waits.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import msgspec

from app.domain.errors import PackDeskError
from app.domain.messages import msg
from app.sync.gateway import Again, GatewayClient, Offline, RetryPolicy, Unclear, Wording

if TYPE_CHECKING:
    import httpx

VERSION = "2017-05-25"
# Refusals that mean nothing was sent and asking later may work (a per-number or account rate limit).
LATER_CODES = frozenset({"isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.AMOUNT_NOT_ENOUGH"})
_THROTTLED = ("Throttling",)


def percent(text: str) -> str:
    """RFC 3986 percent-encoding as Alibaba Cloud's signature wants it."""
    return quote(text, safe="-_.~")


def signature(params: Mapping[str, str], secret: str, method: str = "POST") -> str:
    """The RPC signature of `params` (without `Signature`)."""
    query = "&".join(f"{percent(k)}={percent(params[k])}" for k in sorted(params) if k != "Signature")
    to_sign = f"{method}&{percent('/')}&{percent(query)}"
    digest = hmac.new(f"{secret}&".encode(), to_sign.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


class SmsRefused(PackDeskError):
    """The provider answered a code other than OK: its own words travel in the message."""

    code = "sms_refused"

    def __init__(self, sms_code: str, words: str) -> None:
        super().__init__(msg("sms.refused", code=sms_code, words=words))
        self.sms_code, self.words = sms_code, words

    @property
    def later(self) -> bool:
        """Nothing was sent and asking later may work."""
        return self.sms_code in LATER_CODES


class _Answer(msgspec.Struct, frozen=True):
    Code: str = ""
    Message: str = ""
    BizId: str = ""
    RequestId: str = ""


class _Detail(msgspec.Struct, frozen=True):
    OutId: str | None = None
    SendStatus: int | None = None
    ErrCode: str | None = None
    TemplateCode: str | None = None
    PhoneNum: str | None = None


class _Details(msgspec.Struct, frozen=True):
    SmsSendDetailDTO: list[_Detail] = []


class _QueryAnswer(msgspec.Struct, frozen=True):
    Code: str = ""
    Message: str = ""
    TotalCount: int | str = 0
    SmsSendDetailDTOs: _Details | None = None


@dataclass(frozen=True)
class Sent:
    biz_id: str


@dataclass(frozen=True)
class Found:
    """A message the provider holds for an OutId: 1 waiting for the receipt, 2 failed, 3 delivered."""

    out_id: str
    status: int
    err_code: str


class AliyunSms(GatewayClient):
    """Signed calls to one Alibaba Cloud SMS endpoint with one AccessKey."""

    wording = Wording(
        unreachable="sms.failure.unreachable",
        http="sms.failure.http",
        limited="sms.failure.limited",
        busy="sms.failure.busy",
        offline="sms.offline",
        unclear_broke="sms.unclear.broke",
        unclear_http="sms.unclear.http",
        unclear_failed="sms.unclear.failed",
    )

    def __init__(
        self,
        gateway: str,
        access_key_id: str,
        secret: str,
        *,
        timeout_s: float = 15.0,
        retry: RetryPolicy | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(timeout_s=timeout_s, retry=retry, sleep=sleep)
        self.gateway, self.access_key_id, self.secret, self.clock = gateway, access_key_id, secret, clock

    def __enter__(self) -> AliyunSms:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _signed(self, action: str, params: Mapping[str, str]) -> dict[str, str]:
        full = {
            "Action": action,
            "Version": VERSION,
            "AccessKeyId": self.access_key_id,
            "SignatureMethod": "HMAC-SHA1",
            "SignatureVersion": "1.0",
            "SignatureNonce": uuid.uuid4().hex,
            "Timestamp": self.clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Format": "JSON",
            **params,
        }
        full["Signature"] = signature(full, self.secret)
        return full

    def _call(self, action: str, params: Mapping[str, str], answer: type[Any], *, write: bool) -> Any:
        def interpret(response: httpx.Response) -> Any:
            try:
                body = msgspec.json.decode(response.content, type=answer)
            except (msgspec.DecodeError, msgspec.ValidationError):
                if write:
                    raise Unclear(msg("sms.unclear.failed", method=action, words=response.text[:200])) from None
                return Again(words=response.text[:200])
            if body.Code == "OK":
                return body
            if body.Code.startswith(_THROTTLED):
                return Again(limited_s=1, words=body.Message)
            raise SmsRefused(body.Code, body.Message)

        # a new nonce and timestamp for every request, retries included: the provider refuses a nonce used before
        return self.exchange(
            action, lambda: self.http.post(self.gateway, data=self._signed(action, params)), interpret, write=write
        )

    def send(self, phone: str, sign_name: str, template_code: str, params: Mapping[str, str], out_id: str) -> Sent:
        """`SendSms` to one number.

        Raises:
            SmsRefused: the provider refused it (its code and words); Unclear: it may have been sent; Offline.
        """
        answer = self._call(
            "SendSms",
            {
                "PhoneNumbers": phone,
                "SignName": sign_name,
                "TemplateCode": template_code,
                "TemplateParam": msgspec.json.encode(dict(params)).decode("utf-8"),
                "OutId": out_id,
            },
            _Answer,
            write=True,
        )
        return Sent(answer.BizId)

    def find(self, phone: str, day: str, out_id: str) -> Found | None:
        """The message sent to `phone` on `day` (yyyyMMdd) with `out_id`, or None when the provider holds none.

        Raises:
            SmsRefused, Offline.
        """
        page = 1
        while True:
            params = {"PhoneNumber": phone, "SendDate": day, "PageSize": "50", "CurrentPage": str(page)}
            answer = self._call("QuerySendDetails", params, _QueryAnswer, write=False)
            details = answer.SmsSendDetailDTOs.SmsSendDetailDTO if answer.SmsSendDetailDTOs else []
            for d in details:
                if (d.OutId or "") == out_id:
                    return Found(out_id, int(d.SendStatus or 0), d.ErrCode or "")
            if len(details) < 50 or page * 50 >= int(answer.TotalCount or 0):
                return None
            page += 1


__all__ = ["AliyunSms", "Found", "Offline", "Sent", "SmsRefused", "Unclear", "percent", "signature"]

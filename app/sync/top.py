"""A client for the Taobao Open Platform (TOP) gateway: signing, GMT+8 timestamps, retries, rate limits.

Every call is a form POST to the gateway with the common parameters and a
signature over all of them; the answer is JSON whose root is `<method_with_underscores>_response`, or an
`error_response` envelope.

Retrying depends on what a call does. Reads are retried on dropped connections and server errors, with backoff.
A write (`taobao.logistics.offline.send`) is retried only when the platform said clearly that it did nothing (a
rate limit); after a dropped connection or a 5xx it raises `Unclear`, and the caller reads the trade before deciding
to send again (app/sync/outbox.py). The loop that decides it is shared with the Pinduoduo client (app/sync/gateway.py).

Answers are validated here, at the boundary: `read` converts the answer into typed values (app/sync/top_answers.py).
An answer PackDesk does not understand (too deeply nested, a text where a number belongs, a list given as a
string...) raises `MalformedAnswer` for that call at once: asking again would get the same answer.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from app.domain.errors import PackDeskError
from app.domain.messages import Message, msg
from app.sync.gateway import Again, GatewayClient, Unclear, Wording, md5_sign
from app.sync.gateway import Offline as Offline  # re-exported: the callers of TopClient catch it from here
from app.sync.gateway import RetryPolicy as RetryPolicy  # re-exported likewise
from app.sync.top_answers import ErrorAnswer, convert

if TYPE_CHECKING:
    import httpx

CHINA = timezone(timedelta(hours=8))
SESSION_CODES = {26, 27, 53}  # missing, invalid/expired session; "insufficient session permissions"
_BAN = re.compile(r"ban will last for (\d+) more seconds", re.IGNORECASE)
_T = TypeVar("_T")


class TopError(PackDeskError):
    """The platform answered with an error envelope; its own words (`sub_msg`) travel inside the message as they are."""

    code = "top_error"

    def __init__(self, message: Message, *, top_code: int = 0, sub_code: str = "", sub_msg: str = "") -> None:
        super().__init__(message, top_code=top_code, sub_code=sub_code)
        self.top_code, self.sub_code, self.sub_msg = top_code, sub_code, sub_msg


class SessionExpired(TopError):
    code = "session_expired"


class RateLimited(TopError):
    code = "rate_limited"

    def __init__(self, message: Message, *, wait_s: int, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.wait_s = wait_s


class MalformedAnswer(Unclear):
    """The platform answered something PackDesk does not understand. Nothing of the answer is used; after a write it
    is unclear whether the write happened (hence an `Unclear`: the outbox checks the trade before sending again)."""

    code = "malformed_answer"

    def __init__(self, method: str, why: Message | str) -> None:
        """`why`: a message, or the validator's own words (plain text)."""
        reason = why if isinstance(why, Message) else Message.plain(why)
        super().__init__(msg("top.malformed", method=method, why=reason), method=method)


def sign(params: Mapping[str, str], secret: str, method: str = "md5") -> str:
    """The TOP signature of `params` (without `sign`): keys sorted, k1v1k2v2..., UTF-8.

    md5: UPPER(HEX(MD5(secret + concat + secret))); hmac: HMAC-MD5 keyed by the secret; hmac-sha256 likewise.
    """
    if method == "md5":
        return md5_sign(params, secret)
    concat = "".join(f"{k}{params[k]}" for k in sorted(params) if k != "sign").encode("utf-8")
    key = secret.encode("utf-8")
    if method == "hmac":
        return hmac.new(key, concat, hashlib.md5).hexdigest().upper()
    if method == "hmac-sha256":
        return hmac.new(key, concat, hashlib.sha256).hexdigest().upper()
    raise ValueError(f"unknown sign_method {method!r}")


def china_time(moment: datetime) -> str:
    """`moment` as TOP writes times: yyyy-MM-dd HH:mm:ss in GMT+8."""
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")


def parse_china_time(text: str) -> datetime:
    """A TOP time (GMT+8, with or without the time part) as aware UTC."""
    fmt = "%Y-%m-%d %H:%M:%S" if " " in text.strip() else "%Y-%m-%d"
    return datetime.strptime(text.strip(), fmt).replace(tzinfo=CHINA).astimezone(UTC)


class TopClient(GatewayClient):
    """Signed calls to one shop's gateway."""

    wording = Wording(
        unreachable="top.failure.unreachable",
        http="top.failure.http",
        limited="top.failure.limited",
        busy="top.failure.busy",
        offline="top.offline",
        unclear_broke="top.unclear.broke",
        unclear_http="top.unclear.http",
        unclear_failed="top.unclear.failed",
    )

    def __init__(
        self,
        gateway: str,
        app_key: str,
        secret: str,
        session: str,
        *,
        sign_method: str = "md5",
        timeout_s: float | httpx.Timeout = 15.0,
        retry: RetryPolicy | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(timeout_s=timeout_s, retry=retry, sleep=sleep)
        self.gateway, self.app_key, self.secret, self.session = gateway, app_key, secret, session
        self.sign_method = sign_method
        self.clock = clock

    def __enter__(self) -> TopClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _signed(self, method: str, params: Mapping[str, Any]) -> dict[str, str]:
        full = {
            "method": method,
            "app_key": self.app_key,
            "session": self.session,
            "timestamp": china_time(self.clock()),
            "format": "json",
            "v": "2.0",
            "sign_method": self.sign_method,
        }
        full.update({k: str(v) for k, v in params.items() if v is not None})
        full["sign"] = sign(full, self.secret, self.sign_method)
        return full

    def call(self, method: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> dict[str, Any]:
        """Calls `method`; returns the object under its `..._response` root as decoded JSON (see `read` for it
        validated into typed values).

        Raises:
            MalformedAnswer: the answer is not one PackDesk understands (after a write: it may have been applied).
            SessionExpired: the seller must authorize the shop again.
            TopError: the platform refused the call (a business error: bad arguments, wrong trade state...).
            RateLimited: a ban longer than the policy waits out (a daily quota).
            Offline: the gateway kept failing or could not be reached.
            Unclear: only for writes, when it may have been applied.
        """
        params = params or {}
        root = method.removeprefix("taobao.").replace(".", "_") + "_response"

        def interpret(response: httpx.Response) -> dict[str, Any] | Again:
            body = _json(method, response)
            error = body.get("error_response")
            if error is None:
                answer = body.get(root)
                if not isinstance(answer, dict):
                    raise MalformedAnswer(method, msg("top.why.no_root", root=root))
                return answer
            ban = self._check_error(method, error)
            return Again(ban, str(error.get("sub_msg") or error.get("msg")))

        return self.exchange(
            method, lambda: self.http.post(self.gateway, data=self._signed(method, params)), interpret, write=write
        )

    def read(self, method: str, params: Mapping[str, Any] | None, answer: type[_T], *, write: bool = False) -> _T:
        """Calls `method` and returns its answer as `answer` (a type of app/sync/top_answers.py).

        Raises:
            MalformedAnswer: the answer does not fit `answer`; and whatever `call` raises.
        """
        return parse_answer(method, self.call(method, params, write=write), answer)

    def _check_error(self, method: str, error: dict[str, Any]) -> int:
        """Raises for errors that retrying cannot fix; returns seconds to wait for a rate limit, 0 for a retryable
        platform hiccup (isp.* errors are the platform's own failures)."""
        parsed = parse_answer(method, error, ErrorAnswer)
        code, sub_code, message, sub_msg = parsed.code, parsed.sub_code or "", parsed.msg or "", parsed.sub_msg or ""
        if code == 7 or sub_code.startswith("accesscontrol.limited"):
            match = _BAN.search(sub_msg) or _BAN.search(message)
            seconds = int(match.group(1)) if match else 1
            if seconds > self.retry.max_ban_s:
                raise RateLimited(
                    msg("top.rate_limited", hours=seconds // 3600, minutes=seconds % 3600 // 60),
                    wait_s=seconds,
                    top_code=code,
                    sub_code=sub_code,
                    sub_msg=sub_msg,
                )
            return seconds
        if code in SESSION_CODES or "session" in sub_code.lower():
            raise SessionExpired(
                msg("top.session_expired"),
                top_code=code,
                sub_code=sub_code,
                sub_msg=sub_msg,
            )
        if sub_code.startswith("isp.") or code in (10, 11, 12):  # service unavailable / platform errors
            return 0
        raise TopError(
            msg("top.refused", method=method, words=sub_msg or message, code=sub_code or str(code)),
            top_code=code,
            sub_code=sub_code,
            sub_msg=sub_msg,
        )


def parse_answer(method: str, raw: Any, answer: type[_T]) -> _T:
    """`raw` (the decoded answer to `method`) as `answer`, or MalformedAnswer saying where it does not fit."""
    try:
        return convert(raw, answer)
    except (ValueError, RecursionError) as exc:
        raise MalformedAnswer(method, str(exc)) from None


def _json(method: str, response: httpx.Response) -> dict[str, Any]:
    """The answer's JSON object. Not JSON at all (a proxy's error page) counts as a platform hiccup, retried."""
    try:
        body = msgspec.json.decode(response.content)
    except RecursionError:  # msgspec's own depth guard: the answer nests deeper than any TOP answer does
        raise MalformedAnswer(method, msg("top.why.too_deep")) from None
    except msgspec.DecodeError:
        return {"error_response": {"code": 10, "sub_code": "isp.bad-answer", "msg": "the answer is not JSON"}}
    if not isinstance(body, dict):
        raise MalformedAnswer(method, msg("top.why.not_object"))
    return body

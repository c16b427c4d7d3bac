"""A client for Pinduoduo's open-platform gateway (sync layer): signing, UNIX timestamps, retries, rate limits.

Every call is a form POST to the gateway (`https://gw-api.pinduoduo.com/api/router`) with the common parameters
`type` (the API name), `client_id`, `access_token`, `timestamp` (UNIX seconds; the gateway refuses one more than ten
minutes off), `data_type=JSON`, `version=V1` and `sign`: UPPER(HEX(MD5(client_secret + k1v1k2v2... +
client_secret))) over every other parameter, keys sorted, an object or list parameter written as its JSON text
before signing (and sent so).

The answer is one JSON object whose single root is named per API, not derived from it: `pdd_waybill_get_response`
for pdd.waybill.get, but `order_sn_increment_get_response` for pdd.order.number.list.increment.get (lywzx/
pdd-node-sdk, generated from PDD's documentation). A caller may name the root; otherwise the answer's only
`*_response` object is taken. A refusal is `{"error_response": {error_code, error_msg, sub_code, sub_msg,
request_id}}`, read here by its error_code:

- 10019 (access_token已过期) and any sub_code about the access token: the seller authorises PackDesk again
  (`TokenExpired`).
- 70031 (调用过于频繁) and 52101 (当前接口被限流): rate limits; PDD counts calls per window of a second or more
  and does not say how long to wait, so the client waits the seconds the words name (at most the retry policy's
  longest backoff), else one window, and asks again (reads and writes: nothing was done).
- 52102, 52103 (the API or the service temporarily unavailable): the platform's own hiccup, like a 5xx.
- 10000-39999 and 50000-52004: clear refusals, nothing was done (`PddError` with PDD's own words). Of these,
  10001-10099 concern the caller (client id, signature, timestamp), not the request (`PddError.caller`).
- anything else: a hiccup.
The codes 10019, 52101-52103 and 70031 and the two refusal ranges are read in pdd-node-sdk's error filter; the
codes of the caller's errors are this module's inference from PDD's ranges.

Retrying is the shared loop of app/sync/gateway.py: reads are asked again after dropped connections, 5xx and hiccups
with backoff; a write (`write=True`) is asked again only when the platform said clearly that it did nothing (a rate
limit), and raises `Unclear` after a dropped connection, a 5xx or a hiccup: the caller finds out before asking again.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from app.domain.errors import PackDeskError
from app.domain.messages import Message, msg
from app.sync.gateway import Again, GatewayClient, RetryPolicy, Unclear, Wording, md5_sign

if TYPE_CHECKING:
    import httpx

TOKEN_EXPIRED = 10019
LIMIT_CODES = frozenset({70031, 52101})
BUSY_CODES = frozenset({52102, 52103})
_SECONDS = re.compile(r"(\d+)\s*(?:秒|s\b|sec)", re.IGNORECASE)
_T = TypeVar("_T")


class PddError(PackDeskError):
    """Pinduoduo refused the call clearly (nothing was done); its own words travel inside the message as they are."""

    code = "pdd_error"

    def __init__(self, message: Message, *, error_code: int = 0, sub_code: str = "", sub_msg: str = "") -> None:
        super().__init__(message, error_code=error_code, sub_code=sub_code)
        self.error_code, self.sub_code, self.sub_msg = error_code, sub_code, sub_msg

    @property
    def caller(self) -> bool:
        """Whether the refusal concerns the caller (client id, signature, clock) rather than what it asked: every
        call of this client would be refused alike."""
        return 10001 <= self.error_code <= 10099

    @property
    def words(self) -> str:
        """PDD's own words for the refusal."""
        return self.sub_msg or str(self.msg.params.get("words", ""))


class TokenExpired(PddError):
    """The access token expired or was revoked: the seller must authorise PackDesk again."""

    code = "session_expired"


class MalformedAnswer(Unclear):
    """PDD answered something PackDesk does not understand. Nothing of the answer is used; after a write it is
    unclear whether the write happened."""

    code = "malformed_answer"

    def __init__(self, method: str, why: Message | str) -> None:
        """`why`: a message, or the validator's own words (plain text)."""
        reason = why if isinstance(why, Message) else Message.plain(why)
        super().__init__(msg("pdd.malformed", method=method, why=reason), method=method)


class ErrorAnswer(msgspec.Struct, frozen=True):
    error_code: int
    error_msg: str | None = None
    sub_code: str | int | None = None
    sub_msg: str | None = None
    request_id: str | None = None


def sign(params: Mapping[str, str], secret: str) -> str:
    """PDD's signature of `params` (a `sign` entry is ignored)."""
    return md5_sign(params, secret)


def param_text(value: Any) -> str:
    """A parameter as PDD reads it: objects and lists as compact JSON text, booleans as true/false."""
    if isinstance(value, Mapping | list | tuple):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class PddClient(GatewayClient):
    """Signed calls to Pinduoduo's gateway for one shop (one client id and access token)."""

    wording = Wording(
        unreachable="pdd.failure.unreachable",
        http="pdd.failure.http",
        limited="pdd.failure.limited",
        busy="pdd.failure.busy",
        offline="pdd.offline",
        unclear_broke="pdd.unclear.broke",
        unclear_http="pdd.unclear.http",
        unclear_failed="pdd.unclear.failed",
    )

    def __init__(
        self,
        gateway: str,
        client_id: str,
        client_secret: str,
        access_token: str,
        *,
        retry: RetryPolicy | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        sleep: Callable[[float], None] = time.sleep,
        timeout_s: float | httpx.Timeout = 15.0,
    ) -> None:
        super().__init__(timeout_s=timeout_s, retry=retry, sleep=sleep)
        self.gateway, self.client_id, self.client_secret = gateway, client_id, client_secret
        self.access_token = access_token
        self.clock = clock

    def __enter__(self) -> PddClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def signed(self, type_: str, params: Mapping[str, Any]) -> dict[str, str]:
        """The form of one call: the common parameters, `params` as PDD reads them, and the signature."""
        full = {
            "type": type_,
            "client_id": self.client_id,
            "timestamp": str(int(self.clock().timestamp())),
            "data_type": "JSON",
            "version": "V1",
        }
        if self.access_token:
            full["access_token"] = self.access_token
        full.update({k: param_text(v) for k, v in params.items() if v is not None})
        full["sign"] = sign(full, self.client_secret)
        return full

    def call(
        self, type_: str, params: Mapping[str, Any] | None = None, *, write: bool = False, root: str | None = None
    ) -> dict[str, Any]:
        """Calls the API `type_`; returns the object under its `..._response` root as decoded JSON.

        Args:
            root: the answer's root when known (else the answer's only `*_response` object).
            write: the call changes something at PDD (see the module docstring for what that changes).

        Raises:
            TokenExpired: the seller must authorise PackDesk again.
            PddError: PDD refused the call (a business error, wrong arguments, a wrong signature...).
            MalformedAnswer: the answer is not one PackDesk understands (after a write: it may have been applied).
            Offline: the gateway kept failing or could not be reached.
            Unclear: only for writes, when it may have been applied.
        """
        params = params or {}

        def interpret(response: httpx.Response) -> dict[str, Any] | Again:
            body = _json(type_, response)
            if body is None:
                return Again(words="the answer is not JSON")
            error = body.get("error_response")
            if error is not None:
                return self._check_error(type_, error)
            return _root(type_, body, root)

        return self.exchange(
            type_, lambda: self.http.post(self.gateway, data=self.signed(type_, params)), interpret, write=write
        )

    def read(
        self,
        type_: str,
        params: Mapping[str, Any] | None,
        answer: type[_T],
        *,
        write: bool = False,
        root: str | None = None,
    ) -> _T:
        """Calls `type_` and returns its answer as `answer` (a msgspec type).

        Raises:
            MalformedAnswer: the answer does not fit `answer`; and whatever `call` raises.
        """
        return parse_answer(type_, self.call(type_, params, write=write, root=root), answer)

    def _check_error(self, type_: str, error: Any) -> Again:
        """Raises for errors that asking again cannot fix; answers how to ask again otherwise."""
        parsed = parse_answer(type_, error, ErrorAnswer)
        code, words = parsed.error_code, parsed.sub_msg or parsed.error_msg or ""
        sub_code = "" if parsed.sub_code is None else str(parsed.sub_code)
        if code == TOKEN_EXPIRED or "access_token" in sub_code.lower():
            raise TokenExpired(msg("pdd.token_expired"), error_code=code, sub_code=sub_code, sub_msg=words)
        if code in LIMIT_CODES:
            told = _SECONDS.search(words)
            seconds = int(told.group(1)) if told else 1
            return Again(limited_s=max(1, min(seconds, int(self.retry.max_backoff_s))), words=words)
        if code in BUSY_CODES:
            return Again(words=words)
        if 10000 <= code < 40000 or 50000 <= code <= 52004:
            raise PddError(
                msg("pdd.refused", method=type_, words=words, code=sub_code or str(code)),
                error_code=code,
                sub_code=sub_code,
                sub_msg=words,
            )
        return Again(words=words)


def parse_answer(type_: str, raw: Any, answer: type[_T]) -> _T:
    """`raw` (the decoded answer to `type_`) as `answer`, or MalformedAnswer saying where it does not fit."""
    try:
        return msgspec.convert(raw, answer, strict=False)
    except (msgspec.ValidationError, ValueError, RecursionError) as exc:
        raise MalformedAnswer(type_, str(exc)) from None


def _root(type_: str, body: dict[str, Any], root: str | None) -> dict[str, Any]:
    if root is None:
        roots = [key for key in body if key.endswith("_response")]
        root = roots[0] if len(roots) == 1 else type_.replace(".", "_") + "_response"
    answer = body.get(root)
    if not isinstance(answer, dict):
        raise MalformedAnswer(type_, msg("pdd.why.no_root", root=root))
    return answer


def _json(type_: str, response: httpx.Response) -> dict[str, Any] | None:
    """The answer's JSON object; None when it is not JSON at all (a proxy's error page: a hiccup, asked again)."""
    try:
        body = msgspec.json.decode(response.content)
    except RecursionError:  # msgspec's own depth guard: the answer nests deeper than any PDD answer does
        raise MalformedAnswer(type_, msg("pdd.why.too_deep")) from None
    except msgspec.DecodeError:
        return None
    if not isinstance(body, dict):
        raise MalformedAnswer(type_, msg("pdd.why.not_object"))
    return body

"""What every platform gateway client does alike (sync layer): the retry policy, the call loop with its backoff and
the waits a platform asks for, the MD5 signature, and the request log.

The Taobao client (app.sync.top) and the Pinduoduo one (app.sync.pdd) differ in their parameters, their signatures'
inputs and their error envelopes; they agree on what a failure means for the call in flight, which is what this
module decides once:

- a connection that could not be opened: nothing was sent; asked again, for reads and writes alike;
- a dropped connection, a 5xx, or the platform's own hiccup in its envelope: a read is asked again after a backoff
  that doubles; a write may have been applied, so it raises `Unclear` and the caller reads before sending again;
- a rate limit the platform answered: nothing was done, so reads and writes wait what it said and ask again;
- anything else the client's `interpret` raises (an expired authorisation, a business refusal) ends the call.

After `RetryPolicy.attempts` tries the call raises `Offline`, with the last failure in its words.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from app.domain.errors import PackDeskError
from app.domain.messages import Message, msg

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)
_T = TypeVar("_T")


@dataclass
class RetryPolicy:
    attempts: int = 6  # tries per call for reads (writes: see module docstring)
    backoff_s: float = 1.0  # first wait after a failure; doubles each time
    max_backoff_s: float = 60.0
    max_ban_s: float = 600.0  # a longer ban (a daily quota) is reported instead of waited out


class Offline(PackDeskError):
    """The gateway could not be reached (or kept failing) after every retry: try again later."""

    code = "offline"


class Unclear(PackDeskError):
    """A write may or may not have happened (the connection dropped, or the server failed, after sending it)."""

    code = "unclear"


@dataclass(frozen=True)
class Again:
    """What a client's `interpret` answers when the platform asks to be asked again.

    `limited_s` > 0: the platform limited the calls for that long and did nothing (reads and writes wait it out,
    plus a second: its clock and ours differ); 0: its own failure, retried with backoff for a read, `Unclear` for a
    write. `words`: the platform's own, for the unclear message."""

    limited_s: int = 0
    words: str = ""


@dataclass(frozen=True)
class Wording:
    """The message ids (app.domain.catalog) one platform's client says its failures with."""

    unreachable: str  # {error}
    http: str  # {status}
    limited: str  # {seconds}
    busy: str
    offline: str  # {method}, {failure}
    unclear_broke: str  # {method}
    unclear_http: str  # {status}, {method}
    unclear_failed: str  # {method}, {words}


def md5_sign(params: Mapping[str, str], secret: str) -> str:
    """UPPER(HEX(MD5(secret + k1v1k2v2... + secret))) over `params` without `sign`, keys in byte order, UTF-8: the
    signature of TOP (sign_method md5) and of Pinduoduo alike."""
    concat = "".join(f"{k}{params[k]}" for k in sorted(params) if k != "sign").encode("utf-8")
    key = secret.encode("utf-8")
    return hashlib.md5(key + concat + key).hexdigest().upper()


class GatewayClient:
    """The HTTP session and the call loop of one platform client; subclasses build the request and read the answer.

    `calls` counts requests sent (retries included): the request log's tally, and what tests and benches compare.
    """

    wording: Wording

    def __init__(
        self,
        *,
        timeout_s: float | httpx.Timeout,
        retry: RetryPolicy | None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        import httpx  # imported by the first client, not at start: it brings rich, pygments and click

        self.http = httpx.Client(timeout=timeout_s, headers={"User-Agent": "PackDesk"})
        self.calls = 0

    def close(self) -> None:
        self.http.close()

    def exchange(
        self,
        method: str,
        post: Callable[[], httpx.Response],
        interpret: Callable[[httpx.Response], _T | Again],
        *,
        write: bool,
    ) -> _T:
        """Sends `post()` until `interpret` accepts an answer (see the module docstring for what is asked again).

        Raises:
            Offline: the gateway kept failing or could not be reached.
            Unclear: only for writes, when it may have been applied.
            Whatever `interpret` raises.
        """
        import httpx  # loaded by __init__ already; a module lookup

        words = self.wording
        wait = self.retry.backoff_s
        failure: Message = msg(words.busy)
        for attempt in range(1, self.retry.attempts + 1):
            self.calls += 1
            started = time.monotonic()
            try:
                response = post()
            except httpx.TransportError as exc:
                log.debug("%s: attempt %d: %s", method, attempt, type(exc).__name__)
                if write and not isinstance(exc, httpx.ConnectError):
                    raise Unclear(msg(words.unclear_broke, method=method)) from exc
                failure = msg(words.unreachable, error=type(exc).__name__)
            else:
                log.debug(
                    "%s: attempt %d: HTTP %d in %.0f ms",
                    method,
                    attempt,
                    response.status_code,
                    (time.monotonic() - started) * 1000,
                )
                if response.status_code >= 500:
                    if write:
                        raise Unclear(msg(words.unclear_http, status=response.status_code, method=method))
                    failure = msg(words.http, status=response.status_code)
                else:
                    outcome = interpret(response)
                    if not isinstance(outcome, Again):
                        return outcome
                    if outcome.limited_s:
                        failure = msg(words.limited, seconds=outcome.limited_s)
                        log.info("%s: rate limited, waiting %s s", method, outcome.limited_s)
                        self.sleep(outcome.limited_s + 1)
                        continue
                    if write:
                        raise Unclear(msg(words.unclear_failed, method=method, words=outcome.words))
                    failure = msg(words.busy)
            if attempt < self.retry.attempts:
                log.info("%s: %s; retry %d in %.1f s", method, failure, attempt, wait)
                self.sleep(wait)
                wait = min(wait * 2, self.retry.max_backoff_s)
        raise Offline(msg(words.offline, method=method, failure=failure))

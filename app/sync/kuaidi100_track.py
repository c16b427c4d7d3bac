"""Kuaidi100's real-time route query (快递100 实时查询, sync layer): the routes of parcels no platform traces.

[V: kuaidi100-api python-demo `synquery.py`, php-demo `synquery.php`, java-demo `QueryTrackReq` / `QueryTrackResp` /
`QueryTrackData`] `POST https://poll.kuaidi100.com/poll/query.do`, form fields `customer` (the company id Kuaidi100
gives the account), `param` (a JSON text) and `sign` = upper-case hex MD5 of `param + key + customer` (the key is the
account's 授权key, which never travels itself). `param`: `com` (Kuaidi100's carrier code, lower case: zhongtong,
yuantong, shunfeng...), `num` (the tracking number), `phone` (the receiver's or sender's phone, or its last four
digits: SF answers only with it; the cache holds masked numbers, whose last four digits are real), `resultv2` ("1":
steps name their area and state). The answer: `message` ("ok"), `state` (the parcel's state: see
app.domain.parcel_risk.KUAIDI100_STATES), `status` ("200": the query went through), `ischeck` ("1": signed for), `com`,
`nu`, `data[]` newest first {`time`, `ftime`, `context`, `status`, `statusCode`, `areaName`...}. A query that did
not go through answers `{"result": false, "returnCode": ..., "message": ...}`.

The return codes [I: Kuaidi100's documentation as commonly quoted, not read in a verified source]: 400 incomplete
data or an unknown carrier code, 408 the phone number did not match (SF), 500 no route found (yet: a parcel just
handed over has none), 501 server error, 502 server busy, 503 wrong signature, 601 the key expired or has no queries
left. 500 is read as an empty route (the risk rules then say whether that is late); 501 and 502 are asked again like
a dropped connection; 503 and 601 concern the account (every query would be refused alike); the rest concern the one
parcel.

The query is a read: the shared call loop (app.sync.gateway) asks it again after dropped connections and 5xx.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound, PackDeskError
from app.domain.messages import Message, msg
from app.domain.parcel_risk import QUERY_GATEWAY, TRACKING_PROVIDERS, TraceStep, kuaidi100_action
from app.persistence.tracking import TrackingAccount, TrackingRepository
from app.sync.gateway import Again, GatewayClient, RetryPolicy
from app.sync.shops import Credentials, load_credentials, store_credentials
from app.sync.top import parse_china_time
from app.sync.waybills.kuaidi100 import COMPANY_CODES, Kuaidi100Client

if TYPE_CHECKING:
    import httpx

PROVIDERS = TRACKING_PROVIDERS
NO_ROUTE = "500"
BUSY_CODES = frozenset({"501", "502"})
ACCOUNT_CODES = frozenset({"503", "601"})


def query_sign(param: str, key: str, customer: str) -> str:
    """The query's signature: upper-case hex MD5 of param + key + customer (UTF-8), nothing between them."""
    return hashlib.md5((param + key + customer).encode("utf-8")).hexdigest().upper()


class TrackRefused(PackDeskError):
    """Kuaidi100 refused a route query; `account_level`: every query of the account would be refused alike."""

    code = "track_refused"

    def __init__(self, message: Message, *, account_level: bool = False) -> None:
        super().__init__(message)
        self.account_level = account_level


class _Step(msgspec.Struct, frozen=True):
    time: str | None = None
    ftime: str | None = None
    context: str | None = None
    status: str | None = None
    statusCode: str | None = None  # noqa: N815 - Kuaidi100's field names
    areaName: str | None = None  # noqa: N815


class Route(msgspec.Struct, frozen=True):
    message: str | None = None
    state: str | int | None = None
    status: str | int | None = None
    ischeck: str | int | None = None
    com: str | None = None
    nu: str | None = None
    data: list[_Step] | None = None
    result: bool | str | None = None
    returnCode: str | int | None = None  # noqa: N815

    @property
    def steps(self) -> list[TraceStep]:
        """The route as trace steps, oldest first; the newest step without a state of its own takes the parcel's."""
        out = []
        for n, s in enumerate(self.data or []):
            try:
                at = parse_china_time(s.ftime or s.time or "")
            except ValueError:
                continue
            action = kuaidi100_action(s.status or "") or kuaidi100_action(s.statusCode or "")
            if not action and n == 0:
                action = kuaidi100_action(str(self.state or ""))
            out.append(TraceStep(at, s.context or "", action))
        return sorted(out, key=lambda s: s.at)


class Kuaidi100Tracking(GatewayClient):
    """Signed route queries of one Kuaidi100 account (its customer id and key)."""

    wording = Kuaidi100Client.wording  # the same words as the label API's failures

    def __init__(
        self,
        gateway: str,
        customer: str,
        key: str,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        timeout_s: float | httpx.Timeout = 15.0,
    ) -> None:
        super().__init__(timeout_s=timeout_s, retry=retry, sleep=sleep)
        self.gateway, self.customer, self.key = gateway, customer, key

    def __enter__(self) -> Kuaidi100Tracking:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def signed(self, param: str) -> dict[str, str]:
        return {"customer": self.customer, "param": param, "sign": query_sign(param, self.key, self.customer)}

    def route(self, carrier: str, tracking_no: str, phone: str = "") -> Route:
        """The route of parcel `tracking_no` of `carrier` (our code, or Kuaidi100's own); an empty one while
        Kuaidi100 finds none.

        Raises:
            TrackRefused: Kuaidi100 refused the query (`account_level`: the account itself), or knows no code for
                `carrier`.
            Offline: Kuaidi100 could not be reached, or kept failing.
        """
        code = carrier.strip()
        com = COMPANY_CODES.get(code.upper()) or (code.lower() if code.lower() in COMPANY_CODES.values() else "")
        if not com:
            raise TrackRefused(msg("track.carrier_unknown", carrier=carrier, tracking_no=tracking_no))
        param = json.dumps(
            {"com": com, "num": tracking_no, "phone": last_digits(phone), "resultv2": "1"},
            ensure_ascii=False, separators=(",", ":"),
        )  # fmt: skip

        def interpret(response: httpx.Response) -> Route | Again:
            if response.status_code >= 400:
                raise TrackRefused(
                    msg("kuaidi100.http_status", gateway=self.gateway, status=response.status_code), account_level=True
                )
            try:
                answer = msgspec.json.decode(response.content, type=Route, strict=False)
            except (msgspec.DecodeError, RecursionError):
                return Again(words="the answer is not Kuaidi100's JSON")
            if str(answer.status or "") == "200":
                return answer
            code, words = str(answer.returnCode or ""), answer.message or ""
            if code == NO_ROUTE:
                return Route(state="", nu=tracking_no, com=com, data=[])
            if code in BUSY_CODES:
                return Again(words=f"{code} {words}".strip())
            refused = msg("track.kuaidi100_refused", tracking_no=tracking_no, code=code or "?", words=words)
            raise TrackRefused(refused, account_level=code in ACCOUNT_CODES)

        return self.exchange(
            "poll/query.do", lambda: self.http.post(self.gateway, data=self.signed(param)), interpret, write=False
        )


def last_digits(phone: str) -> str:
    """What the query may carry of a phone number: its last four digits when the number ends with them."""
    tail = phone.strip()[-4:]
    return tail if len(tail) == 4 and tail.isdigit() else ""


def tracker_factory(data_dir: Path, retry: RetryPolicy | None = None) -> Callable[[TrackingAccount], Kuaidi100Tracking]:
    """Builds the route-query client of an account from its key in the keyring.

    Raises (when called):
        NotFound: the account's key is not stored here.
    """

    def make(account: TrackingAccount) -> Kuaidi100Tracking:
        try:
            creds = load_credentials(data_dir, account.credentials_ref)
        except NotFound:
            raise NotFound(msg("track.key_not_stored", account=account.name)) from None
        policy = retry or RetryPolicy(attempts=3, backoff_s=0.5, max_backoff_s=4.0)
        return Kuaidi100Tracking(account.gateway_url, account.customer, creds.app_secret, retry=policy)

    return make


def add_tracking_account(
    session: Session, data_dir: Path, *, name: str, provider: str, gateway: str, customer: str, key: str,
    now: datetime,
) -> tuple[TrackingAccount, Message | None]:  # fmt: skip
    """Adds (or updates) a route-query account; its key goes to the keyring. Returns it and a warning (the key had to
    go into a file), if any.

    Raises:
        InvalidInput: no name, an unknown provider, a gateway that is no http(s) address, no customer id or key.
    """
    name = name.strip()
    if not name:
        raise InvalidInput(msg("track.account_name_missing"))
    if provider not in PROVIDERS:
        raise InvalidInput(msg("track.unknown_provider", provider=provider, known=", ".join(PROVIDERS)))
    gateway = gateway.strip() or QUERY_GATEWAY
    if not gateway.startswith(("http://", "https://")):
        raise InvalidInput(msg("track.gateway_not_http", gateway=gateway))
    if not customer.strip():
        raise InvalidInput(msg("track.customer_missing"))
    if not key:
        raise InvalidInput(msg("track.key_missing"))
    ref = f"tracking:{name}"
    account = TrackingRepository(session).save_account(
        name=name, provider=provider, gateway_url=gateway, customer=customer.strip(), credentials_ref=ref, now=now
    )
    return account, store_credentials(data_dir, ref, Credentials(key, ""))


__all__ = ["Kuaidi100Tracking", "Route", "TrackRefused", "add_tracking_account", "query_sign", "tracker_factory"]

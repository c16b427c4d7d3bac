"""An in-process Pinduoduo open-platform gateway for tests and benchmarks: real HTTP on 127.0.0.1, no mocks.

    with PddServer(client_id="pdd-client", client_secret="pdd-secret", access_token="pdd-token", seed=1) as srv:
        srv.url                          # http://127.0.0.1:PORT/api/router
        srv.waybills                     # the e-waybill ledger: number -> record (tests/pdtest/pdd_waybills.py)
        srv.desk.set_balance("YTO", 0)   # the waybill account's numbers ran out
        srv.faults.drop_after_apply = 1.0
        srv.faults.only_methods = frozenset({"pdd.waybill.get"})
        with srv.hold("pdd.waybill.get") as hold:   # the next get applies, then waits until released
            ...; hold.applied.wait(5); ...; hold.release(answer=False)
        srv.calls["pdd.waybill.get"]     # requests per API name, faulted ones included

The gateway follows section 2 of the shared reference (waybills-pdd-notices.md): a form POST (or query string) with
`type`, `client_id`, `access_token`, `timestamp` (UNIX seconds, refused more than 10 minutes from the server's
clock), `data_type` (JSON), `version` (V1) and `sign` = UPPER(HEX(MD5(secret + sorted k+v + secret))), computed here
independently of the client; object parameters arrive as JSON text. Answers are `{"<root>": {...}}` with the root
each API is documented with, or `{"error_response": {error_code, error_msg, sub_code, sub_msg, request_id}}`.

Error codes: 10019 (access_token已过期), 52103 (服务暂时不可用) and 70031 (调用过于频繁) are PDD's own (lywzx/
pdd-node-sdk's error filter); the others are this gateway's choice inside PDD's ranges: 10000 参数错误 (a wrong
business parameter), 10001 client_id, 10002 type, 10003 timestamp and 10004 sign (the caller's errors), 50001
业务服务错误 with a sub_code for a business refusal (tests/pdtest/pdd_waybills.py lists them).

APIs are served by desks that register their handlers with `route`: the e-waybill desk (pdd_waybills.WaybillDesk)
today; the order, refund and ship-back APIs of a shop join the same way, each desk owning its own state.

Every fault is switchable at runtime (`srv.faults`) and drawn from per-fault random streams seeded from `seed`, so a
single-threaded client sees the same sequence on every run. A write API's faults after applying (drop the answer,
answer 5xx, hold) only fire for APIs routed with `write=True`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import socket
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

__all__ = ["Faults", "Hold", "PddFault", "PddServer", "pdd_sign"]

GATEWAY_PATH = "/api/router"
MAX_SKEW_S = 600

E_PARAM = 10000  # 参数错误
E_CLIENT_ID = 10001
E_TYPE = 10002
E_TIMESTAMP = 10003
E_SIGN = 10004
E_TOKEN = 10019  # access_token已过期
E_BUSINESS = 50001  # 业务服务错误
E_UNAVAILABLE = 52103  # 服务暂时不可用
E_LIMITED = 70031  # 调用过于频繁，请调整调用频率
ERROR_MESSAGES = {
    E_PARAM: "参数错误",
    E_CLIENT_ID: "client_id不存在",
    E_TYPE: "type不存在",
    E_TIMESTAMP: "timestamp已过期",
    E_SIGN: "签名错误",
    E_TOKEN: "access_token已过期",
    E_BUSINESS: "业务服务错误",
    E_UNAVAILABLE: "服务暂时不可用，请稍后重试",
    E_LIMITED: "调用过于频繁，请调整调用频率",
}
SERVER_ERROR_HTML = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)

Handler = Callable[[Mapping[str, str]], dict[str, Any]]


def pdd_sign(params: Mapping[str, str], secret: str) -> str:
    """PDD's signature of `params` (a `sign` entry is ignored): keys in byte order, k1v1k2v2..., UTF-8, wrapped in
    the client secret, MD5, upper-case hex."""
    concat = "".join(k + params[k] for k in sorted(params) if k != "sign")
    return hashlib.md5(f"{secret}{concat}{secret}".encode()).hexdigest().upper()


#: The test shop's client id, client secret and access token (the server's defaults).
CLIENT_ID, SECRET, TOKEN = "pdd-client", "pdd-secret", "pdd-token"


class PddFault(Exception):
    """A PDD error answer: HTTP 200 with {"error_response": {...}}."""

    def __init__(self, code: int, sub_code: str = "", sub_msg: str = "", error_msg: str | None = None) -> None:
        super().__init__(f"{code} {sub_code} {sub_msg}")
        self.code, self.sub_code, self.sub_msg = code, sub_code, sub_msg
        self.error_msg = error_msg or ERROR_MESSAGES.get(code, "未知错误")


def param_error(name: str, why: str) -> PddFault:
    return PddFault(E_PARAM, "param_invalid", f"{name}: {why}")


@dataclass
class Faults:
    """Runtime fault switches. Probabilities are per request, drawn from streams seeded by the server's seed.

    `only_methods` restricts drop / server_error / rate_limit / slow and the after-apply faults to those APIs.
    """

    drop: float = 0.0  # close the connection without any answer, before doing anything
    server_error: float = 0.0  # HTTP 502 with an HTML body, before doing anything
    slow: float = 0.0  # seconds of delay before each answer
    rate_limit: float = 0.0  # error 70031
    rate_limit_words: str = ERROR_MESSAGES[E_LIMITED]  # its sub_msg
    unavailable: float = 0.0  # error 52103 (the platform's own hiccup), before doing anything
    token_expired: bool = False  # every call answers 10019
    drop_after_apply: float = 0.0  # a write API applies, then closes the connection without an answer
    error_after_apply: float = 0.0  # a write API applies, then answers HTTP 502
    only_methods: frozenset[str] | None = None

    def reset(self) -> None:
        """Switch every fault off."""
        for f in self.__dataclass_fields__.values():
            setattr(self, f.name, f.default)

    def applies_to(self, method: str) -> bool:
        return self.only_methods is None or method in self.only_methods


@dataclass
class Hold:
    """The next call of `method` applies, sets `applied`, then waits until `release` (or the server stops)."""

    method: str
    applied: threading.Event = field(default_factory=threading.Event)
    answer: bool = True
    _go: threading.Event = field(default_factory=threading.Event)

    def release(self, *, answer: bool = True) -> None:
        """Let the held call go on: answered, or (answer=False) its connection closed without an answer."""
        self.answer = answer
        self._go.set()

    def __enter__(self) -> Hold:
        return self

    def __exit__(self, *exc: object) -> None:
        self._go.set()


@dataclass
class _Route:
    handler: Handler
    write: bool
    needs_token: bool


@dataclass
class _Reply:
    kind: str  # "json" | "html" | "drop"
    status: int = 200
    body: bytes = b""


_DROP = _Reply("drop")


class _HTTPServer(ThreadingHTTPServer):
    """Tracks connection threads and sockets so stop() can end keep-alive connections and join every thread."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, gateway: PddServer) -> None:
        self.gateway = gateway
        self.conn_lock = threading.Lock()
        self.conns: dict[threading.Thread, socket.socket] = {}
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        t = threading.Thread(target=self._serve_conn, args=(request, client_address), daemon=True, name="pdd-conn")
        with self.conn_lock:
            self.conns[t] = request
        t.start()

    def _serve_conn(self, request: Any, client_address: Any) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self.conn_lock:
                self.conns.pop(threading.current_thread(), None)

    def handle_error(self, request: Any, client_address: Any) -> None:  # quiet: clients hang up all the time
        pass

    def close_connections(self, timeout: float) -> list[str]:
        with self.conn_lock:
            conns = list(self.conns.items())
        for _, s in conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for t, _ in conns:
            t.join(timeout)
        return [t.name for t, _ in conns if t.is_alive()]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "nginx"
    sys_version = ""
    timeout = 120
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:
        self._serve(b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._serve(self.rfile.read(length) if length > 0 else b"")

    def _serve(self, body: bytes) -> None:
        url = urlsplit(self.path)
        if url.path != GATEWAY_PATH:
            self._write(404, "text/html", b"<html><body><h1>404 Not Found</h1></body></html>")
            return
        params: dict[str, str] = dict(parse_qsl(url.query, keep_blank_values=True))
        if body and "x-www-form-urlencoded" in self.headers.get("Content-Type", "").lower():
            try:
                params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
            except UnicodeDecodeError:
                pass
        reply = self.server.gateway.process(params)
        if reply.kind == "drop":
            self.close_connection = True
            return
        self._write(reply.status, "application/json;charset=UTF-8" if reply.kind == "json" else "text/html", reply.body)

    def _write(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class PddServer:
    """Pinduoduo's gateway on 127.0.0.1 for one app (client id and secret) authorised by one shop (access token).

    Attributes: `url`, `faults`, `mall` (pdd.mall.info.get's shop), `desk` (the e-waybill desk), `waybills` (its
    ledger), `calls` (requests per API, faulted ones included), `errors` (error answers per code), `injected`
    (faults that fired, by name), `clock` (callable returning the server's aware datetime), `requests` (the form of
    every request, in order).
    """

    def __init__(
        self,
        client_id: str = CLIENT_ID,
        client_secret: str = SECRET,
        access_token: str = TOKEN,
        *,
        seed: int = 1,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        from tests.pdtest.pdd_waybills import WaybillDesk

        self.client_id, self.client_secret, self.access_token = client_id, client_secret, access_token
        self.seed = seed
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.faults = Faults()
        self.calls: Counter[str] = Counter()
        self.errors: Counter[int] = Counter()
        self.injected: Counter[str] = Counter()
        self.requests: list[dict[str, str]] = []
        # ciphertext -> the PDD orders whose receiver it is (tests/pdtest/pdd_orders.py): the e-waybill desk reads a
        # recipient given as ciphertexts with them, as PDD does for its own orders
        self.ciphers: dict[str, set[str]] = {}
        self.lock = threading.RLock()
        self._routes: dict[str, _Route] = {}
        self._holds: dict[str, Hold] = {}
        self._raw: dict[str, tuple[bytes, bool]] = {}
        self._rngs: dict[str, random.Random] = {}
        self._request_seq = 0
        self._stop = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self.mall = {"mall_id": 580_000_000 + seed, "mall_name": "小鹿家居拼多多店", "logo": "", "mall_desc": "",
                     "merchant_type": 6, "mall_character": 2}  # fmt: skip
        self.route("pdd.mall.info.get", self._mall_info)
        self.desk = WaybillDesk(self)

    # ---- desks

    def route(self, method: str, handler: Handler, *, write: bool = False, needs_token: bool = True) -> None:
        """Serve API `method` with `handler(params) -> answer` (the answer object with its root); `write`: it changes
        state (so the after-apply faults and holds apply to it)."""
        self._routes[method] = _Route(handler, write, needs_token)

    @property
    def waybills(self) -> dict[str, dict[str, Any]]:
        """The e-waybill ledger: number -> record (live or cancelled); read it under `srv.lock` while calls run."""
        return self.desk.ledger

    def answer_raw(self, method: str, body: bytes | str | Mapping[str, Any] | None, *, apply: bool = False) -> None:
        """Answer `method` with `body` from now on (HTTP 200, JSON content type, after the common checks): malformed
        JSON, JSON of the wrong shape... None answers normally again. `apply`: the API does its work first, so the
        client cannot tell from the answer that it happened."""
        with self.lock:
            if body is None:
                self._raw.pop(method, None)
            elif isinstance(body, Mapping):
                self._raw[method] = (json.dumps(body, ensure_ascii=False).encode("utf-8"), apply)
            else:
                self._raw[method] = (body.encode("utf-8") if isinstance(body, str) else bytes(body), apply)

    def hold(self, method: str) -> Hold:
        """Arms a hold on the next call of write API `method` (see Hold)."""
        hold = Hold(method)
        with self.lock:
            self._holds[method] = hold
        return hold

    # ---- lifecycle

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{GATEWAY_PATH}"

    def __enter__(self) -> PddServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> None:
        self._stop.clear()
        self._httpd = _HTTPServer(self)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True, name="pdd-server"
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, release holds, close open connections, join every thread."""
        if self._httpd is None:
            return
        self._stop.set()
        with self.lock:
            for hold in self._holds.values():
                hold.release(answer=False)
        httpd, self._httpd = self._httpd, None
        httpd.shutdown()
        left = httpd.close_connections(timeout=5.0)
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(5.0)
            self._thread = None
        assert not left, f"PddServer threads still running: {left}"

    # ---- helpers for desks

    def chance(self, name: str, p: float) -> bool:
        """A deterministic draw from `name`'s stream; p <= 0 draws nothing (so other streams are unaffected)."""
        if p <= 0:
            return False
        with self.lock:
            rng = self._rngs.get(name)
            if rng is None:
                rng = self._rngs[name] = random.Random(f"{self.seed}:{name}")
            hit = rng.random() < p
            if hit:
                self.injected[name] += 1
            return hit

    def request_id(self) -> str:
        with self.lock:
            self._request_seq += 1
            return f"{int(self.clock().timestamp() * 1000)}{self._request_seq:06d}"

    def _mall_info(self, params: Mapping[str, str]) -> dict[str, Any]:
        """pdd.mall.info.get: the shop that authorised the access token (its root is not derived from the name)."""
        with self.lock:
            return {"mall_info_get_response": dict(self.mall)}

    # ---- one request

    def process(self, params: dict[str, str]) -> _Reply:
        """Answer one gateway request (called from a connection thread)."""
        method = params.get("type", "")
        with self.lock:
            self.calls[method] += 1
            self.requests.append(dict(params))
        faults = self.faults
        faulty = faults.applies_to(method)
        if faulty:
            if self.chance("drop", faults.drop):
                return _DROP
            if faults.slow > 0 and self._stop.wait(faults.slow):
                return _DROP
            if self.chance("server_error", faults.server_error):
                return _Reply("html", 502, SERVER_ERROR_HTML)
        try:
            route = self._check_common(params, method)
            if faults.token_expired:
                with self.lock:
                    self.injected["token_expired"] += 1
                raise PddFault(E_TOKEN, "access_token_expired", "access_token已过期")
            if faulty and self.chance("rate_limit", faults.rate_limit):
                raise PddFault(E_LIMITED, "", faults.rate_limit_words)
            if faulty and self.chance("unavailable", faults.unavailable):
                raise PddFault(E_UNAVAILABLE, "", ERROR_MESSAGES[E_UNAVAILABLE])
            with self.lock:
                raw = self._raw.get(method)
            if raw is not None:
                if raw[1]:
                    route.handler(params)
                with self.lock:
                    self.injected["raw_answer"] += 1
                return _Reply("json", 200, raw[0])
            answer = route.handler(params)
        except PddFault as fault:
            return self._error(fault)
        if route.write:
            with self.lock:
                hold = self._holds.pop(method, None)
            if hold is not None:
                hold.applied.set()
                while not hold._go.wait(0.05):
                    if self._stop.is_set():
                        return _DROP
                if not hold.answer:
                    return _DROP
            if faulty and self.chance("drop_after_apply", faults.drop_after_apply):
                return _DROP
            if faulty and self.chance("error_after_apply", faults.error_after_apply):
                return _Reply("html", 502, SERVER_ERROR_HTML)
        return _Reply("json", 200, json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def _check_common(self, params: Mapping[str, str], method: str) -> _Route:
        if not params.get("client_id"):
            raise PddFault(E_CLIENT_ID, "client_id_missing", "client_id不能为空")
        if params["client_id"] != self.client_id:
            raise PddFault(E_CLIENT_ID, "client_id_invalid", f"client_id {params['client_id']} 不存在")
        route = self._routes.get(method)
        if route is None:
            raise PddFault(E_TYPE, "type_invalid", f"接口 {method!r} 不存在")
        raw_ts = params.get("timestamp", "")
        if not raw_ts.isdigit():
            raise PddFault(E_TIMESTAMP, "timestamp_invalid", "timestamp 应为UNIX时间戳（秒）")
        if abs(int(raw_ts) - self.clock().timestamp()) > MAX_SKEW_S:
            raise PddFault(E_TIMESTAMP, "timestamp_expired", "timestamp 与服务器时间相差超过10分钟")
        if params.get("data_type", "JSON").upper() != "JSON":
            raise param_error("data_type", "this gateway only answers JSON")
        if params.get("version", "V1") != "V1":
            raise param_error("version", "version 只支持 V1")
        given = params.get("sign", "")
        if not given:
            raise PddFault(E_SIGN, "sign_missing", "sign不能为空")
        if not hmac.compare_digest(given.upper(), pdd_sign(params, self.client_secret)):
            raise PddFault(E_SIGN, "sign_invalid", "签名校验失败")
        token = params.get("access_token", "")
        if route.needs_token and token != self.access_token:
            sub = "access_token_missing" if not token else "access_token_invalid"
            raise PddFault(E_TOKEN, sub, "access_token不存在或已失效")
        return route

    def _error(self, fault: PddFault) -> _Reply:
        body: dict[str, Any] = {"error_code": fault.code, "error_msg": fault.error_msg}
        if fault.sub_code:
            body["sub_code"] = fault.sub_code
        if fault.sub_msg:
            body["sub_msg"] = fault.sub_msg
        body["request_id"] = self.request_id()
        with self.lock:
            self.errors[fault.code] += 1
        return _Reply("json", 200, json.dumps({"error_response": body}, ensure_ascii=False).encode("utf-8"))

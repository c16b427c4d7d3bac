"""An in-process Kuaidi100 e-waybill API (快递100 电子面单 `label/order`) for tests: real HTTP on 127.0.0.1, no mocks.

    with Kuaidi100Server(key="kd-key", secret="kd-secret") as srv:
        srv.url                                        # http://127.0.0.1:PORT/label/order
        srv.add_branch("zhongtong", "ZT-0571-88", "branch-pass", balance=100)   # a carrier branch (网点) account
        srv.faults.drop_after_apply = 1                # the next call is applied, then its connection closes unanswered
        srv.faults.label_failures = 1                  # the next label image download answers 500
        srv.ledger["73100000000001"]                   # every number issued: order id, company, branch, state
        srv.live_numbers()                             # the numbers issued and not cancelled
        srv.calls["order"], srv.image_requests         # what was asked
        srv.advance(hours=49)                          # the server's clock, for the 48-hour repeat window
        srv.ship("73100000000001")                     # the carrier picked the parcel up: it can no longer be cancelled

The protocol is Kuaidi100's form API as its documentation and demos give it: `POST /label/order` with the form
fields `method` (order | cancel), `key`, `t` (milliseconds), `param` (a JSON text) and `sign` = upper-case hex MD5 of
`param + t + key + secret` over the param text exactly as sent. Every answer is HTTP 200 with
`{"result": bool, "returnCode": "200", "message": ..., "data": {...}}`; an order's data carries `kuaidinum`, `taskId`,
`bulkpen` (大头笔), `pkgCode`/`pkgName` (集包地), `destSortingCode` (三段码, for the carriers that print one) and, for
printType IMAGE, `label`: a link on this server to a PNG label that the server renders itself with Pillow, at 203 dpi
on 100x150 mm stock unless told otherwise (`label_mm`, `label_dpi`), with the number as a Code 128. `valinsPay`
(保价额度, yuan) is checked (a number above 0, at most two decimals: else 400), kept on the number (`Issue.valins`)
and marked on its label ("保价1288.00元").

`orderId` with `reorder: false` is idempotent: within 48 hours the same key and orderId get the first successful
answer again, unchanged, and nothing more is issued. The repeat is answered as soon as the account is known, before
the rest of the param is read (the receiver may be left out of a repeat); after 48 hours the same orderId is a new
order. `reorder` left out means true, as documented: every call issues a new number.

The documentation available to us does not list label/order's failure codes, so this server uses these (the client
must cope with result false and any code): 400 a missing or wrong field, 401 a wrong signature, 601 an unknown key,
30002 a branch account whose id or password is wrong, 30003 a branch account with no numbers left, 30004 a carrier
the branch does not serve, 30010 a cancel of a parcel already picked up, 30011 a cancel of a number the branch never
issued, 30012 a cancel of a number already cancelled, 500 the service's own failure.

The same server answers Kuaidi100's real-time route query (实时查询) at `POST /poll/query.do` (`srv.query_url`): form
fields `customer`, `param` (JSON: `com`, `num`, `phone`, `resultv2`...) and `sign` = upper-case hex MD5 of
`param + key + customer` (kuaidi100-api python-demo `synquery.py`), checked here with the server's key and
`customer`. A number a test gave a route (`srv.set_route(num, com=..., state=..., steps=[(when, context, state)])`)
answers `{"message": "ok", "status": "200", "state", "ischeck", "com", "nu", "condition", "data": [...]}` with the
steps newest first, each `{time, ftime, context, status (the state in words, as resultv2 gives it [I]), statusCode,
areaName}`. The failure codes [I]: 400 a missing field or an unknown company code, 408 an SF number asked without
the receiver's phone (its last four digits), 500 no route for that number and company (yet), 502 busy (the fault
`query_busy`), 503 a wrong signature, 601 an unknown customer; each as `{"result": false, "returnCode", "message"}`.

Faults are counters: each one fires for that many of the next API calls (label downloads for `label_failures`), then
switches itself off. Threads are joined on exit, so a test never leaks one.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from resources import FONT_FILE, resource_path

__all__ = ["COMPANIES", "Branch", "Faults", "Issue", "Kuaidi100Server", "Route", "kd100_sign", "render_label"]

API_PATH = "/label/order"
QUERY_PATH = "/poll/query.do"
LABEL_PATH = "/label/image/"
REPEAT_WINDOW_S = 48 * 3600

OK = "200"
E_PARAM = "400"
E_SIGN = "401"
E_SERVER = "500"
E_KEY = "601"
E_BRANCH = "30002"
E_EXHAUSTED = "30003"
E_COMPANY = "30004"
E_PICKED_UP = "30010"
E_NO_SUCH_NUMBER = "30011"
E_CANCELLED = "30012"

#: Kuaidi100 company code -> (name printed on the label, number prefix, serial digits, prints a 三段码 and 集包地).
COMPANIES: dict[str, tuple[str, str, int, bool]] = {
    "zhongtong": ("中通快递", "73", 12, True),
    "yuantong": ("圆通速递", "YT", 13, True),
    "shentong": ("申通快递", "77", 13, True),
    "yunda": ("韵达快递", "43", 13, True),
    "jtexpress": ("极兔速递", "JT", 13, True),
    "shunfeng": ("顺丰速运", "SF", 13, False),
    "ems": ("EMS", "11", 11, False),
    "jd": ("京东快递", "JDV", 12, False),
    "youzhengguonei": ("邮政快递包裹", "98", 11, False),
}

SERVER_ERROR_HTML = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"


def kd100_sign(param: str, t: str, key: str, secret: str) -> str:
    """Kuaidi100's signature: upper-case hex MD5 of param + t + key + secret (UTF-8), with nothing between them."""
    return hashlib.md5((param + t + key + secret).encode("utf-8")).hexdigest().upper()


@dataclass
class Faults:
    """How many of the next calls misbehave, each way; a counter goes down as its fault fires."""

    drop: int = 0  # close the connection before doing anything (nothing applied)
    server_error: int = 0  # HTTP 502 from the gateway before doing anything (nothing applied)
    drop_after_apply: int = 0  # apply the order or cancel, then close the connection without an answer
    error_after_apply: int = 0  # apply, then answer HTTP 500 (the service failed after taking it)
    label_failures: int = 0  # label image downloads that answer 500
    query_busy: int = 0  # route queries answered 502 (服务器繁忙)

    def reset(self) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, 0)


@dataclass
class Branch:
    """A carrier branch's e-waybill account (网点电子面单账号): its password and the numbers it has left."""

    kuaidicom: str
    partner_id: str
    partner_key: str
    balance: int


@dataclass
class Issue:
    """One number the server issued."""

    kuaidinum: str
    kuaidicom: str
    partner_id: str
    order_id: str
    task_id: str
    issued_at: float
    state: str = "live"  # live | cancelled | picked_up
    valins: str = ""  # the insured amount asked (valinsPay, yuan, as "1288.00"); "" when not insured
    label_png: bytes = field(default=b"", repr=False)


#: The states of the route query in words (the step's `status` with resultv2).
STATE_WORDS = {"0": "在途", "1": "揽收", "2": "疑难", "3": "签收", "4": "退签", "5": "派件", "6": "退回", "7": "转投",
               "14": "拒签"}  # fmt: skip


@dataclass
class Route:
    """A parcel's route as the query answers it: its company, state, steps (when, context, state code) and, for
    SF, the receiver's phone whose last four digits the query must give."""

    com: str
    state: str
    steps: list[tuple[float, str, str]]
    phone: str = ""


@dataclass
class _Reply:
    kind: str  # json | html | drop
    status: int = 200
    body: bytes = b""
    ctype: str = "application/json;charset=UTF-8"


class _HTTPServer(ThreadingHTTPServer):
    """Tracks connection threads and sockets so that stop() can end keep-alive connections and join every thread."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, api: Kuaidi100Server) -> None:
        self.api = api
        self.conn_lock = threading.Lock()
        self.conn_threads: set[threading.Thread] = set()
        self.conn_socks: set[socket.socket] = set()
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        t = threading.Thread(target=self._serve_conn, args=(request, client_address), daemon=True, name="kd100-conn")
        with self.conn_lock:
            self.conn_threads.add(t)
            self.conn_socks.add(request)
        t.start()

    def _serve_conn(self, request: Any, client_address: Any) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self.conn_lock:
                self.conn_socks.discard(request)
                self.conn_threads.discard(threading.current_thread())

    def handle_error(self, request: Any, client_address: Any) -> None:  # clients hang up all the time
        pass

    def close_connections(self, timeout: float) -> list[str]:
        with self.conn_lock:
            socks, threads = list(self.conn_socks), list(self.conn_threads)
        for s in socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for t in threads:
            t.join(timeout)
        return [t.name for t in threads if t.is_alive()]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "nginx"
    sys_version = ""
    timeout = 60
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path.startswith(LABEL_PATH) and url.path.endswith(".png"):
            self._send(self.server.api._label(url.path[len(LABEL_PATH) : -len(".png")]))
        elif url.path == API_PATH:
            self._send(self.server.api._process(dict(parse_qsl(url.query, keep_blank_values=True))))
        else:
            self._send(_Reply("html", 404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html"))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        url = urlsplit(self.path)
        if url.path == QUERY_PATH:
            try:
                self._send(self.server.api._query(dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))))
            except UnicodeDecodeError:
                self._send(_Reply("html", 400, b"<html><body><h1>400 Bad Request</h1></body></html>", "text/html"))
            return
        if url.path != API_PATH:
            self._send(_Reply("html", 404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html"))
            return
        fields = dict(parse_qsl(url.query, keep_blank_values=True))  # `?method=` in the address is accepted too
        try:
            fields.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        except UnicodeDecodeError:
            pass
        self._send(self.server.api._process(fields))

    def _send(self, reply: _Reply) -> None:
        if reply.kind == "drop":
            self.close_connection = True  # no status line at all: the client sees the connection end
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.ctype)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)


class Kuaidi100Server:
    """Kuaidi100's label/order API on 127.0.0.1 (see the module docstring); a context manager.

    Attributes: `url`, `key`, `secret`, `branches` ((kuaidicom, partnerId) -> Branch), `ledger` (kuaidinum ->
    Issue), `faults`, `calls` (API calls per method, faulted ones included), `codes` (answers per returnCode),
    `params` (every param received, decoded, in order), `image_requests` (label downloads, failed ones included),
    `label_mm` and `label_dpi` (the label images rendered from now on).
    """

    def __init__(
        self,
        key: str = "kd-key",
        secret: str = "kd-secret",
        *,
        seed: int = 1,
        label_mm: tuple[int, int] = (100, 150),
        customer: str = "KD-CUSTOMER-1",
    ) -> None:
        self.key, self.secret, self.customer = key, secret, customer
        self.routes: dict[str, Route] = {}
        self.queries: list[dict[str, Any]] = []  # every route query's param that passed the signature check
        self.branches: dict[tuple[str, str], Branch] = {}
        self.ledger: dict[str, Issue] = {}
        self.faults = Faults()
        self.calls: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.params: list[dict[str, Any]] = []
        self.image_requests = 0
        self.label_mm = label_mm
        self.label_dpi = 203
        self.offset_s = 0.0
        self._first_answers: dict[tuple[str, str], tuple[float, bytes]] = {}  # (key, orderId) -> (when, answer)
        self._serials = {code: itertools.count(seed * 10_000 + 1) for code in COMPANIES}
        self._tasks: dict[str, Issue] = {}
        self._lock = threading.RLock()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # ---- lifecycle

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PATH}"

    def __enter__(self) -> Kuaidi100Server:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> None:
        self._httpd = _HTTPServer(self)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True, name="kd100-server"
        )
        self._thread.start()

    def stop(self) -> None:
        if self._httpd is None:
            return
        httpd, self._httpd = self._httpd, None
        httpd.shutdown()
        left = httpd.close_connections(timeout=5.0)
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(5.0)
            if self._thread.is_alive():
                left.append(self._thread.name)
            self._thread = None
        assert not left, f"Kuaidi100Server threads still running: {left}"

    # ---- state (thread-safe)

    def add_branch(self, kuaidicom: str, partner_id: str, partner_key: str, balance: int = 1000) -> Branch:
        with self._lock:
            branch = self.branches[(kuaidicom, partner_id)] = Branch(kuaidicom, partner_id, partner_key, balance)
            return branch

    def live_numbers(self) -> set[str]:
        with self._lock:
            return {n for n, issue in self.ledger.items() if issue.state != "cancelled"}

    def numbers_for(self, order_id: str) -> list[str]:
        """Every number issued for `order_id`, in order (more than one means a repeat was not recognised)."""
        with self._lock:
            return [n for n, issue in self.ledger.items() if issue.order_id == order_id]

    def ship(self, kuaidinum: str) -> None:
        with self._lock:
            self.ledger[kuaidinum].state = "picked_up"

    def advance(self, **delta: float) -> None:
        """Moves the server's clock on (hours=, minutes=, seconds=)."""
        with self._lock:
            self.offset_s += delta.get("hours", 0) * 3600 + delta.get("minutes", 0) * 60 + delta.get("seconds", 0)

    def now(self) -> float:
        return time.time() + self.offset_s

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{QUERY_PATH}"

    def set_route(
        self, num: str, *, com: str, state: str, steps: list[tuple[float, str, str]], phone: str = ""
    ) -> None:
        """Number `num`'s route from now on: its company code, state and steps (UNIX time, context, state code)."""
        with self._lock:
            self.routes[num] = Route(com, state, list(steps), phone)

    def label_url(self, task_id: str) -> str:
        return f"http://127.0.0.1:{self.port}{LABEL_PATH}{task_id}.png"

    # ---- the API

    def _process(self, fields: dict[str, str]) -> _Reply:
        method = fields.get("method", "order")
        with self._lock:
            self.calls[method] += 1
            if self._fire("drop"):
                return _Reply("drop")
            if self._fire("server_error"):
                return _Reply("html", 502, SERVER_ERROR_HTML, "text/html")
            reply = self._answer(method, fields)
            if reply.kind == "json" and json.loads(reply.body).get("applied"):
                reply = _Reply("json", 200, _strip_applied(reply.body))
                if self._fire("drop_after_apply"):
                    return _Reply("drop")
                if self._fire("error_after_apply"):
                    return _Reply("html", 500, b"<html><body><h1>500 Internal Server Error</h1></body></html>")
            return reply

    def _query(self, fields: dict[str, str]) -> _Reply:
        """One real-time route query."""
        with self._lock:
            self.calls["query"] += 1
            if self._fire("drop"):
                return _Reply("drop")
            if self._fire("server_error"):
                return _Reply("html", 502, SERVER_ERROR_HTML, "text/html")
            customer, param_text, sign = (fields.get(k, "") for k in ("customer", "param", "sign"))
            if customer != self.customer:
                return self._refuse("601", "POLL:KEY已过期或customer不存在")
            if sign != hashlib.md5((param_text + self.key + customer).encode("utf-8")).hexdigest().upper():
                return self._refuse("503", "验证签名失败")
            try:
                param = json.loads(param_text)
            except ValueError:
                return self._refuse("400", "param不是合法的JSON")
            if not isinstance(param, dict) or not param.get("num") or not param.get("com"):
                return self._refuse("400", "提交的数据不完整（com和num不能为空）")
            self.queries.append(param)
            com, num = str(param["com"]), str(param["num"])
            if com not in COMPANIES:
                return self._refuse("400", f"找不到对应的快递公司：{com}")
            if self._fire("query_busy"):
                return self._refuse("502", "服务器繁忙，请稍后再试")
            route = self.routes.get(num)
            if route is None or route.com != com:
                return self._refuse("500", "查询无结果，请隔段时间再查")
            if com == "shunfeng" and str(param.get("phone") or "")[-4:] != route.phone[-4:]:
                return self._refuse("408", "请输入正确的收/寄件人电话号码（顺丰需要）")
            data = [
                {"time": _china(at), "ftime": _china(at), "context": context, "status": STATE_WORDS.get(code, "在途"),
                 "statusCode": code, "areaName": ""}
                for at, context, code in sorted(route.steps, key=lambda s: s[0], reverse=True)
            ]  # fmt: skip
            answer = {"message": "ok", "nu": num, "ischeck": "1" if route.state == "3" else "0", "condition": "00",
                      "com": com, "status": "200", "state": route.state, "data": data}  # fmt: skip
            self.codes[OK] += 1
            return _Reply("json", 200, _json(answer))

    def _refuse(self, code: str, message: str) -> _Reply:
        self.codes[code] += 1
        return _Reply("json", 200, _json({"result": False, "returnCode": code, "message": message}))

    def _fire(self, name: str) -> bool:
        left = getattr(self.faults, name)
        if left > 0:
            setattr(self.faults, name, left - 1)
            return True
        return False

    def _answer(self, method: str, fields: dict[str, str]) -> _Reply:
        key, t, param_text, sign = (fields.get(k, "") for k in ("key", "t", "param", "sign"))
        if not key or key != self.key:
            return self._fail(E_KEY, "授权key不存在或已过期")
        if not t.isdigit():
            return self._fail(E_PARAM, "参数t不能为空，应为毫秒时间戳")
        if sign != kd100_sign(param_text, t, key, self.secret):
            return self._fail(E_SIGN, "签名错误")
        try:
            param = json.loads(param_text)
        except ValueError:
            return self._fail(E_PARAM, "param不是合法的JSON")
        if not isinstance(param, dict):
            return self._fail(E_PARAM, "param不是合法的JSON")
        self.params.append(param)
        kuaidicom = str(param.get("kuaidicom") or "")
        if not kuaidicom:
            return self._fail(E_PARAM, "kuaidicom不能为空")
        if kuaidicom not in COMPANIES:
            return self._fail(E_COMPANY, f"不支持的快递公司编码：{kuaidicom}")
        partner_id = str(param.get("partnerId") or "")
        branch = self.branches.get((kuaidicom, partner_id))
        if branch is None or branch.partner_key != str(param.get("partnerKey") or ""):
            return self._fail(E_BRANCH, "电子面单账号或密码错误，请联系快递网点核实")
        if method == "order":
            return self._order(param, branch)
        if method == "cancel":
            return self._cancel(param, branch)
        return self._fail(E_PARAM, f"不支持的method：{method}")

    def _order(self, param: dict[str, Any], branch: Branch) -> _Reply:
        order_id = str(param.get("orderId") or "")
        repeat = order_id and param.get("reorder") in (False, "false")
        if repeat:
            first = self._first_answers.get((self.key, order_id))
            if first is not None and self.now() - first[0] <= REPEAT_WINDOW_S:
                self.codes[OK] += 1
                return _Reply("json", 200, first[1])
        print_type = str(param.get("printType") or "NON")
        if print_type not in ("NON", "IMAGE"):
            return self._fail(E_PARAM, f"printType {print_type} 不支持，请使用NON或IMAGE")
        receiver, why = _person(param.get("recMan"))
        if receiver is None:
            return self._fail(E_PARAM, f"收件人信息不完整：{why}")
        sender, why = _person(param.get("sendMan"))
        if sender is None:
            return self._fail(E_PARAM, f"寄件人信息不完整：{why}")
        valins, why = _valins(param.get("valinsPay"))
        if why:
            return self._fail(E_PARAM, why)
        if branch.balance <= 0:
            return self._fail(E_EXHAUSTED, "电子面单余额不足，请联系快递网点充值")
        branch.balance -= 1
        name, prefix, digits, sorted_ = COMPANIES[branch.kuaidicom]
        kuaidinum = f"{prefix}{next(self._serials[branch.kuaidicom]):0{digits}d}"
        task_id = hashlib.md5(f"{self.key}:{kuaidinum}".encode()).hexdigest().upper()
        data: dict[str, Any] = {"kuaidinum": kuaidinum, "taskId": task_id, "kdComOrderNum": order_id or task_id[:16]}
        data.update(_routing(receiver, sorted_))
        issue = Issue(kuaidinum, branch.kuaidicom, branch.partner_id, order_id, task_id, self.now(), valins=valins)
        if print_type == "IMAGE":
            data["label"] = self.label_url(task_id)
            issue.label_png = render_label(
                kuaidinum=kuaidinum,
                company=name,
                bulkpen=data.get("bulkpen", ""),
                sorting_code=data.get("destSortingCode", ""),
                pkg_name=data.get("pkgName", ""),
                receiver=receiver,
                sender=sender,
                cargo=str(param.get("cargo") or ""),
                valins=valins,
                size_mm=self.label_mm,
                dpi=self.label_dpi,
            )
        self.ledger[kuaidinum] = issue
        self._tasks[task_id] = issue
        answer = _json({"result": True, "returnCode": OK, "message": "提交成功", "data": data})
        if repeat:
            self._first_answers[(self.key, order_id)] = (self.now(), answer)
        self.codes[OK] += 1
        return _Reply("json", 200, _mark_applied(answer))

    def _cancel(self, param: dict[str, Any], branch: Branch) -> _Reply:
        kuaidinum = str(param.get("kuaidinum") or "")
        if not kuaidinum:
            return self._fail(E_PARAM, "kuaidinum不能为空")
        issue = self.ledger.get(kuaidinum)
        if issue is None or (issue.kuaidicom, issue.partner_id) != (branch.kuaidicom, branch.partner_id):
            return self._fail(E_NO_SUCH_NUMBER, f"运单号{kuaidinum}不存在")
        if issue.state == "cancelled":
            return self._fail(E_CANCELLED, f"运单号{kuaidinum}已取消")
        if issue.state == "picked_up":
            return self._fail(E_PICKED_UP, f"运单号{kuaidinum}已揽收，无法取消")
        issue.state = "cancelled"
        branch.balance += 1  # a cancelled number goes back to the branch
        self.codes[OK] += 1
        return _Reply("json", 200, _mark_applied(_json({"result": True, "returnCode": OK, "message": "取消成功"})))

    def _fail(self, code: str, message: str) -> _Reply:
        self.codes[code] += 1
        return _Reply("json", 200, _json({"result": False, "returnCode": code, "message": message, "data": None}))

    def _label(self, task_id: str) -> _Reply:
        with self._lock:
            self.image_requests += 1
            if self._fire("label_failures"):
                return _Reply("html", 500, b"<html><body><h1>500 Internal Server Error</h1></body></html>", "text/html")
            issue = self._tasks.get(task_id)
            if issue is None or not issue.label_png:
                return _Reply("html", 404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")
            return _Reply("png", 200, issue.label_png, "image/png")


def _china(at: float) -> str:
    """UNIX time `at` as Kuaidi100 writes times: China time, yyyy-MM-dd HH:mm:ss."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(at + 8 * 3600))


def _valins(raw: Any) -> tuple[str, str]:
    """`valinsPay` (保价额度, yuan): left out, null or "" is none; else a number above 0 with at most two decimals.
    The amount as "1288.00" (or "") and why it is refused ("" when it is not)."""
    if raw is None or raw == "":
        return "", ""
    try:
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise ValueError
        amount = Decimal(str(raw))
    except (ValueError, ArithmeticError):
        return "", f"保价额度valinsPay格式错误：{raw!r}"
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        return "", f"保价额度valinsPay格式错误：{raw!r}"
    return f"{amount:.2f}", ""


def _json(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _mark_applied(body: bytes) -> bytes:
    """An answer to a call that changed something: the after-apply faults may fire on it (the mark never leaves)."""
    return body[:-1] + b',"applied":true}'


def _strip_applied(body: bytes) -> bytes:
    return body.removesuffix(b',"applied":true}') + b"}"


@dataclass(frozen=True)
class _Person:
    name: str
    phone: str
    address: str
    province: str


def _person(raw: Any) -> tuple[_Person | None, str]:
    """A recMan / sendMan: name, mobile or tel, and printAddr or province + city + district + addr."""
    if not isinstance(raw, dict):
        return None, "缺少对象"
    name = str(raw.get("name") or "").strip()
    phone = str(raw.get("mobile") or raw.get("tel") or "").strip()
    parts = [str(raw.get(k) or "").strip() for k in ("province", "city", "district", "addr")]
    address = str(raw.get("printAddr") or "").strip() or ("".join(parts) if all(parts) else "")
    if not name:
        return None, "name不能为空"
    if not phone:
        return None, "mobile和tel不能同时为空"
    if not address:
        return None, "printAddr不能为空"
    province = parts[0] or address[:3]
    return _Person(name, phone, address, province), ""


def _routing(receiver: _Person, sorted_: bool) -> dict[str, str]:
    """The sorting data a carrier derives from the receiver's address (deterministic per address)."""
    digest = hashlib.md5(receiver.address.encode("utf-8")).digest()
    seg1, seg2, seg3, seg4 = 300 + digest[0] * 3 % 600, digest[1] * 4 % 1000, digest[2] % 100, digest[3] * 4 % 1000
    area = receiver.province[:2]
    if not sorted_:
        return {"bulkpen": f"{seg1:03d}{'ABCDEFGHJK'[digest[4] % 10]}{area}"}
    return {
        "bulkpen": f"{seg1:03d} {area}",
        "destSortingCode": f"{seg1:03d}-{seg2:03d}-{seg3:02d} {seg4:03d}",
        "pkgCode": f"{seg1:03d}{seg2:03d}",
        "pkgName": f"{area}中转包",
    }


# ---- the label image the server renders on its own


def _font(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_path(*FONT_FILE)), px, index=0)


def _wrap(text: str, face: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str]:
    out: list[str] = []
    current = ""
    for ch in text:
        if face.getlength(current + ch) > width:
            out.append(current)
            current = ch
            if len(out) == lines:
                return out
        else:
            current += ch
    if current:
        out.append(current)
    return out[:lines]


def render_label(
    *,
    kuaidinum: str,
    company: str,
    bulkpen: str,
    sorting_code: str,
    pkg_name: str,
    receiver: _Person | tuple[str, str, str],
    sender: _Person | tuple[str, str, str],
    cargo: str = "",
    valins: str = "",
    size_mm: tuple[int, int] = (100, 150),
    dpi: int = 203,
) -> bytes:
    """A waybill label as a PNG in 8-bit grey, as a provider serves one: antialiased text, frames, the tracking number
    as a Code 128 (0.375 mm modules or the nearest whole pixel) in the main part and again in the stub.

    `receiver` and `sender` are (name, phone, address) or what the API parsed; `valins` the insured amount (保价) the
    carrier marks; the image is size_mm at `dpi`.
    """
    per_mm = dpi / 25.4
    width, height = round(size_mm[0] * per_mm), round(size_mm[1] * per_mm)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    s = size_mm[0] / 100  # everything shrinks with narrower stock

    def mm(v: float) -> int:
        return round(v * per_mm)

    def hline(y: float) -> None:
        draw.rectangle((0, mm(y), width - 1, mm(y) + max(1, mm(0.3)) - 1), fill=0)

    def person(p: _Person | tuple[str, str, str]) -> tuple[str, str, str]:
        return (p.name, p.phone, p.address) if isinstance(p, _Person) else p

    draw.rectangle((0, 0, width - 1, height - 1), outline=0, width=max(1, mm(0.3)))
    y = 2.0
    draw.text((mm(3), mm(y)), company, font=_font(mm(6 * s)), fill=0)
    draw.text((width - mm(3), mm(y + 1)), "标准快递", font=_font(mm(4 * s)), fill=0, anchor="ra")
    if valins:  # the carrier's own insurance mark, under the product name
        draw.text((width - mm(3), mm(y + 5.2 * s)), f"保价{valins}元", font=_font(mm(3 * s)), fill=0, anchor="ra")
    y += 9 * s
    hline(y)
    draw.text((width // 2, mm(y + 1.5)), bulkpen or " ", font=_font(mm(12 * s)), fill=0, anchor="ma")
    y += 16 * s
    hline(y)
    if sorting_code or pkg_name:
        draw.text((mm(3), mm(y + 1.5)), sorting_code, font=_font(mm(5 * s)), fill=0)
        draw.text((width - mm(3), mm(y + 1.5)), pkg_name, font=_font(mm(5 * s)), fill=0, anchor="ra")
        y += 8 * s
        hline(y)
    _barcode(image, kuaidinum, mm(y + 2), mm(15 * s), max(2, round(0.375 * per_mm)))
    y += 17 * s
    draw.text((width // 2, mm(y + 0.5)), kuaidinum, font=_font(mm(4.5 * s)), fill=0, anchor="ma")
    y += 6 * s
    hline(y)
    for mark, who, lines in (("收", person(receiver), 3), ("寄", person(sender), 2)):
        size = 4.2 * s if mark == "收" else 3.4 * s
        draw.text((mm(3), mm(y + 1.5)), mark, font=_font(mm(size * 1.4)), fill=0)
        x = mm(3 + size * 1.4 + 2)
        draw.text((x, mm(y + 1.5)), f"{who[0]}  {who[1]}", font=_font(mm(size)), fill=0)
        face = _font(mm(size * 0.9))
        yy = y + 1.5 + size * 1.4
        for line in _wrap(who[2], face, width - x - mm(3), lines):
            draw.text((x, mm(yy)), line, font=face, fill=0)
            yy += size * 1.15
        y = yy + 1.5
        hline(y)
    if cargo:
        draw.text((mm(3), mm(y + 1.5)), f"物品：{cargo}"[:40], font=_font(mm(3 * s)), fill=0)
    stub_top = size_mm[1] - 24 * s
    hline(stub_top)
    _barcode(image, kuaidinum, mm(stub_top + 3), mm(10 * s), max(2, round(0.3 * per_mm)))
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _barcode(image: Image.Image, data: str, top: int, height: int, module: int) -> None:
    """Draws a Code 128 of `data` centred across `image`, `module` pixels per module, `height` pixels tall."""
    code = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.Code128)
    bars = code.to_image(scale=module, add_quiet_zones=True)
    strip = Image.frombytes("L", (bars.shape[1], 1), memoryview(bars).tobytes()[: bars.shape[1]])
    image.paste(strip.resize((strip.width, height), Image.Resampling.NEAREST), ((image.width - strip.width) // 2, top))

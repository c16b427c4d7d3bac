"""An Alibaba Cloud SMS endpoint (API 2017-05-25, RPC style) on 127.0.0.1 for tests: real HTTP, real signatures.

    with SmsServer(access_key_id="LTAI-test", secret="sms-secret") as srv:
        srv.url                         # http://127.0.0.1:PORT/
        srv.templates["SMS_1001"] = "亲，您的订单${order_no}由于${reason}，我们预计在${date}发货。"
        srv.sent                        # every message accepted: phone, sign_name, template_code, params, out_id,
                                        # biz_id, day (yyyyMMdd, China), content
        srv.per_number_limit = 2        # a number gets at most 2 a day, then isv.BUSINESS_LIMIT_CONTROL
        srv.illegal.add("13800000000")  # refused with isv.MOBILE_NUMBER_ILLEGAL (so is anything not a mobile number)
        srv.faults.drop_after_apply = 1 # the message is accepted, then the connection closes without an answer
        hold = srv.hold_after_apply()   # the next send is accepted, then waits for hold.release() to answer

What it checks, as the provider does: the common parameters (Action, Version=2017-05-25, AccessKeyId,
SignatureMethod=HMAC-SHA1, SignatureVersion=1.0, SignatureNonce never used before, Timestamp ISO 8601 UTC within 15
minutes, Format=JSON) and the Signature: base64 HMAC-SHA1 keyed by secret + "&" over "POST&%2F&" + the percent-encoded
sorted query (SignatureDoesNotMatch, HTTP 400). SendSms: PhoneNumbers, SignName (srv.sign_names), TemplateCode
(srv.templates: isv.SMS_TEMPLATE_ILLEGAL), TemplateParam JSON holding every ${variable} of the template
(isv.TEMPLATE_MISSING_PARAMETERS), OutId. QuerySendDetails: PhoneNumber, SendDate, PageSize 1-50, CurrentPage; answers
TotalCount and SmsSendDetailDTOs.SmsSendDetailDTO[] (PhoneNum, SendStatus 3, ErrCode DELIVERED, TemplateCode,
Content, SendDate, OutId). The error codes and HTTP statuses of the common checks are [I] (Alibaba Cloud's common
error codes as its SDKs report them), the business codes are those the reference names.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import socket
import threading
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote

from pdtest.top_server import Hold

CHINA = timezone(timedelta(hours=8))
MAX_SKEW = timedelta(minutes=15)
_VARIABLE = re.compile(r"\$\{([a-zA-Z_]+)\}")
_MOBILE = re.compile(r"1[3-9]\d{9}")


def _percent(text: str) -> str:
    return quote(text, safe="-_.~")


def rpc_signature(params: dict[str, str], secret: str) -> str:
    query = "&".join(f"{_percent(k)}={_percent(params[k])}" for k in sorted(params) if k != "Signature")
    to_sign = "POST&%2F&" + _percent(query)
    return base64.b64encode(hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()).decode()


@dataclass
class Faults:
    drop: float = 0.0  # close the connection before doing anything (1.0: every request)
    server_error: float = 0.0  # HTTP 503 before doing anything
    drop_after_apply: float = 0.0  # SendSms: accept the message, then close without an answer
    server_error_after_apply: float = 0.0  # SendSms: accept the message, then answer HTTP 500
    query_refused: bool = False  # QuerySendDetails answers isv.PERMISSION_DENIED (the key may not query)

    def reset(self) -> None:
        for f in self.__dataclass_fields__.values():
            setattr(self, f.name, f.default)


class _Refusal(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


class SmsServer:
    def __init__(
        self, access_key_id: str = "LTAI-test", secret: str = "sms-secret", sign_names: tuple[str, ...] = ("好店",)
    ) -> None:
        self.access_key_id, self.secret = access_key_id, secret
        self.sign_names = set(sign_names)
        self.templates: dict[str, str] = {}
        self.sent: list[dict[str, Any]] = []
        self.per_number_limit = 10
        self.illegal: set[str] = set()
        self.faults = Faults()
        self.calls: Counter[str] = Counter()
        self.refusals: Counter[str] = Counter()
        self.clock = lambda: datetime.now(UTC)
        self._nonces: set[str] = set()
        self._hold: Hold | None = None
        self._fired: Counter[str] = Counter()
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # ---- lifecycle

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> SmsServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, port: int = 0) -> None:
        self._stop.clear()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                params = dict(parse_qsl(body, keep_blank_values=True))
                reply = server._process(params)
                if reply is None:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                status, payload = reply
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._httpd = None
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def go_offline(self) -> None:
        self.stop()

    def go_online(self) -> None:
        self.start(self.port)

    def hold_after_apply(self) -> Hold:
        """The next SendSms is accepted, then waits for `release()` before answering."""
        with self._lock:
            self._hold = Hold("SendSms")
            return self._hold

    def sent_to(self, phone: str) -> list[dict[str, Any]]:
        with self._lock:
            return [m for m in self.sent if m["phone"] == phone]

    # ---- protocol

    def _fires(self, name: str, p: float) -> bool:
        if p <= 0:
            return False
        with self._lock:
            self._fired[name] += 1
            return p >= 1 or (self._fired[name] * p) % 1 < p  # deterministic: p of the calls, evenly

    def _process(self, params: dict[str, str]) -> tuple[int, dict[str, Any]] | None:
        action = params.get("Action", "")
        with self._lock:
            self.calls[action] += 1
        if self._fires("drop", self.faults.drop):
            return None
        if self._fires("server_error", self.faults.server_error):
            return 503, {"Code": "ServiceUnavailable", "Message": "The request has failed due to a temporary failure."}
        request_id = str(uuid.uuid4()).upper()
        try:
            self._check_common(params)
            if action == "SendSms":
                answer = self._send(params)
                with self._lock:
                    hold, self._hold = self._hold, None
                if hold is not None:
                    hold.park(self._stop)
                if self._fires("drop_after_apply", self.faults.drop_after_apply):
                    return None
                if self._fires("server_error_after_apply", self.faults.server_error_after_apply):
                    return 500, {"Code": "InternalError", "Message": "The request processing has failed."}
                return 200, {**answer, "RequestId": request_id}
            if action == "QuerySendDetails":
                return 200, {**self._query(params), "RequestId": request_id}
            raise _Refusal(
                404, "InvalidAction.NotFound", f"Specified api is not found, please check your url and method: {action}"
            )
        except _Refusal as refusal:
            with self._lock:
                self.refusals[refusal.code] += 1
            return refusal.status, {"Code": refusal.code, "Message": refusal.message, "RequestId": request_id}

    def _check_common(self, p: dict[str, str]) -> None:
        for name in ("AccessKeyId", "Signature", "SignatureNonce", "Timestamp", "SignatureMethod", "Version"):
            if not p.get(name):
                raise _Refusal(
                    400, "MissingParameter", f"The input parameter {name} that is mandatory is not supplied."
                )
        if p["Version"] != "2017-05-25":
            raise _Refusal(400, "InvalidVersion", "Specified parameter Version is not valid.")
        if p["SignatureMethod"] != "HMAC-SHA1" or p.get("SignatureVersion") != "1.0":
            raise _Refusal(400, "InvalidSignatureMethod", "Specified signature method is not valid.")
        if p.get("Format", "JSON") != "JSON":
            raise _Refusal(400, "InvalidParameter", "Format must be JSON here.")
        if p["AccessKeyId"] != self.access_key_id:
            raise _Refusal(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
        try:
            when = datetime.strptime(p["Timestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        except ValueError:
            raise _Refusal(400, "InvalidTimeStamp.Format", "Specified time stamp is not valid.") from None
        if abs(when - self.clock()) > MAX_SKEW:
            raise _Refusal(400, "InvalidTimeStamp.Expired", "Specified time stamp or date header is expired.")
        if not hmac.compare_digest(p["Signature"], rpc_signature(p, self.secret)):
            raise _Refusal(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")
        with self._lock:
            if p["SignatureNonce"] in self._nonces:
                raise _Refusal(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
            self._nonces.add(p["SignatureNonce"])

    def _send(self, p: dict[str, str]) -> dict[str, Any]:
        phone = p.get("PhoneNumbers", "")
        if not phone:
            raise _Refusal(400, "MissingPhoneNumbers", "PhoneNumbers is mandatory for this action.")
        if p.get("SignName", "") not in self.sign_names:
            return {"Code": "isv.SMS_SIGNATURE_ILLEGAL", "Message": "该账号下找不到对应签名"}
        body = self.templates.get(p.get("TemplateCode", ""))
        if body is None:
            return {"Code": "isv.SMS_TEMPLATE_ILLEGAL", "Message": "该账号下找不到对应模板"}
        try:
            values = json.loads(p.get("TemplateParam") or "{}")
        except ValueError:
            return {"Code": "isv.INVALID_JSON_PARAM", "Message": "JSON参数不合法，只接受字符串值"}
        if not isinstance(values, dict) or not all(isinstance(v, str) for v in values.values()):
            return {"Code": "isv.INVALID_JSON_PARAM", "Message": "JSON参数不合法，只接受字符串值"}
        missing = [v for v in _VARIABLE.findall(body) if not values.get(v)]
        if missing:
            return {"Code": "isv.TEMPLATE_MISSING_PARAMETERS", "Message": f"模板缺少变量 {','.join(missing)}"}
        if not _MOBILE.fullmatch(phone) or phone in self.illegal:
            return {"Code": "isv.MOBILE_NUMBER_ILLEGAL", "Message": "非法手机号"}
        day = self.clock().astimezone(CHINA).strftime("%Y%m%d")
        with self._lock:
            today = [m for m in self.sent if m["phone"] == phone and m["day"] == day]
            if len(today) >= self.per_number_limit:
                return {"Code": "isv.BUSINESS_LIMIT_CONTROL", "Message": f"触发天级流控Permits:{self.per_number_limit}"}
            biz_id = f"{len(self.sent) + 1:06d}^{uuid.uuid4().int % 10**10:010d}"
            self.sent.append({
                "phone": phone, "sign_name": p["SignName"], "template_code": p["TemplateCode"], "params": values,
                "out_id": p.get("OutId", ""), "biz_id": biz_id, "day": day,
                "content": f"【{p['SignName']}】" + _VARIABLE.sub(lambda m: values[m.group(1)], body),
                "at": self.clock().astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S"),
            })  # fmt: skip
        return {"Code": "OK", "Message": "OK", "BizId": biz_id}

    def _query(self, p: dict[str, str]) -> dict[str, Any]:
        if self.faults.query_refused:
            raise _Refusal(403, "isv.PERMISSION_DENIED", "没有访问权限")
        phone, day = p.get("PhoneNumber", ""), p.get("SendDate", "")
        if not phone or not re.fullmatch(r"\d{8}", day):
            raise _Refusal(400, "isv.INVALID_PARAMETERS", "PhoneNumber and SendDate (yyyyMMdd) are required")
        size, page = int(p.get("PageSize") or 0), int(p.get("CurrentPage") or 1)
        if not 1 <= size <= 50:
            raise _Refusal(400, "isv.INVALID_PARAMETERS", "PageSize must be 1-50")
        with self._lock:
            found = [m for m in self.sent if m["phone"] == phone and m["day"] == day]
            if p.get("BizId"):
                found = [m for m in found if m["biz_id"] == p["BizId"]]
        page_rows = found[(page - 1) * size : page * size]
        details = [
            {"PhoneNum": m["phone"], "SendStatus": 3, "ErrCode": "DELIVERED", "TemplateCode": m["template_code"],
             "Content": m["content"], "SendDate": m["at"], "ReceiveDate": m["at"], "OutId": m["out_id"]}
            for m in page_rows
        ]  # fmt: skip
        return {
            "Code": "OK",
            "Message": "OK",
            "TotalCount": len(found),
            "SmsSendDetailDTOs": {"SmsSendDetailDTO": details},
        }

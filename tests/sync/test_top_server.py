"""The in-process Taobao TOP gateway (tests/pdtest/top_server.py), exercised over real HTTP with only the stdlib.

The client here is deliberately independent of app.sync: it signs with its own code (hashlib/hmac) and talks
http.client, so these tests fail if the server drifts from platforms.md section 1.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import re
import socket
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlencode

import pytest
from pdtest.top_server import (
    LOGISTICS_COMPANIES,
    ManualClock,
    TopServer,
    TradeGenerator,
    make_trades,
    top_sign,
)

CN = timezone(timedelta(hours=8))
APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
MONEY = re.compile(r"^\d+\.\d{2}$")
TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
LIST_FIELDS = "tid,tid_str,status,type,created,modified,pay_time,seller_memo,seller_flag,orders"


# ---- a tiny independent client -------------------------------------------------------------------------------------


def sign(params: dict[str, str], secret: str, method: str) -> str:
    """platforms.md 1.8, written out again so the test does not trust top_sign."""
    concat = "".join(k + params[k] for k in sorted(params) if k != "sign").encode()
    key = secret.encode()
    if method == "md5":
        return hashlib.md5(key + concat + key).hexdigest().upper()
    digest = hashlib.md5 if method == "hmac" else hashlib.sha256
    return hmac.new(key, concat, digest).hexdigest().upper()


class Answer:
    def __init__(self, status: int, ctype: str, body: bytes) -> None:
        self.status, self.ctype, self.body = status, ctype, body

    @property
    def json(self) -> dict[str, Any]:
        assert self.ctype.startswith("application/json"), (self.status, self.ctype, self.body[:200])
        return json.loads(self.body)

    @property
    def error(self) -> dict[str, Any]:
        data = self.json
        assert "error_response" in data, data
        return data["error_response"]


def build(
    method: str,
    *,
    now: datetime | None = None,
    sign_method: str = "md5",
    secret: str = SECRET,
    session: str | None = SESSION,
    app_key: str = APP_KEY,
    **api: Any,
) -> dict[str, str]:
    params = {
        "method": method,
        "app_key": app_key,
        "timestamp": (now or datetime.now(CN)).astimezone(CN).strftime("%Y-%m-%d %H:%M:%S"),
        "v": "2.0",
        "sign_method": sign_method,
        "format": "json",
        **{k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in api.items()},
    }
    if session is not None:
        params["session"] = session
    params["sign"] = sign(params, secret, sign_method)
    return params


def send(
    srv: TopServer, params: dict[str, str], *, get: bool = False, conn: http.client.HTTPConnection | None = None
) -> Answer:
    own = conn is None
    c = conn or http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
    try:
        if get:
            c.request("GET", "/router/rest?" + urlencode(params))
        else:
            headers = {"Content-Type": "application/x-www-form-urlencoded;charset=utf-8"}
            c.request("POST", "/router/rest", body=urlencode(params).encode(), headers=headers)
        resp = c.getresponse()
        return Answer(resp.status, resp.getheader("Content-Type", ""), resp.read())
    finally:
        if own:
            c.close()


def call(srv: TopServer, method: str, **kw: Any) -> Answer:
    return send(srv, build(method, **kw))


# ---- fixtures ------------------------------------------------------------------------------------------------------


@pytest.fixture
def srv() -> Iterator[TopServer]:
    before = set(threading.enumerate())
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=1, n_trades=300) as server:
        yield server
    leaked = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not leaked, leaked


def clean_pending(srv: TopServer, min_orders: int = 1) -> str:
    """A WAIT_SELLER_SEND_GOODS trade whose sub-orders can all be shipped."""
    for tid, t in srv.trades_snapshot().items():
        orders = t["orders"]["order"]
        if (
            t["status"] == "WAIT_SELLER_SEND_GOODS"
            and not t["is_sh_ship"]
            and len(orders) >= min_orders
            and all(o["refund_status"] == "NO_REFUND" and o["status"] == "WAIT_SELLER_SEND_GOODS" for o in orders)
        ):
            return tid
    raise AssertionError("no clean pending trade generated")


# ---- signing -------------------------------------------------------------------------------------------------------


def test_sign_reproduces_the_worked_example() -> None:
    params = {
        "app_key": "12345678",
        "fields": "tid,status,orders",
        "format": "json",
        "method": "taobao.trade.fullinfo.get",
        "session": "test-session",
        "sign_method": "md5",
        "tid": "2231958349",
        "timestamp": "2024-01-01 12:00:00",
        "v": "2.0",
    }
    assert top_sign(params, "helloworld", "md5") == "F36B63E7DE7D5F11F1B5438BDFA29900"
    assert top_sign({**params, "sign": "ignored"}, "helloworld", "md5") == "F36B63E7DE7D5F11F1B5438BDFA29900"
    hmac_params = {**params, "sign_method": "hmac"}
    assert top_sign(hmac_params, "helloworld", "hmac") == "A4CFA9ABD77EBA5262896F869238AB2C"
    sha = {**params, "sign_method": "hmac-sha256"}
    assert top_sign(sha, "helloworld", "hmac-sha256") == sign(sha, "helloworld", "hmac-sha256")
    with pytest.raises(ValueError):
        top_sign(params, "helloworld", "sha1")


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
def test_every_sign_method_is_accepted_over_post_and_get(srv: TopServer, sign_method: str) -> None:
    tid = next(iter(srv.trades))
    for get in (False, True):
        params = build("taobao.trade.fullinfo.get", sign_method=sign_method, tid=tid, fields="tid_str,status")
        answer = send(srv, params, get=get)
        assert answer.status == 200
        assert answer.json["trade_fullinfo_get_response"]["trade"]["tid_str"] == tid


# ---- gateway errors ------------------------------------------------------------------------------------------------


def test_bad_signature_is_code_25(srv: TopServer) -> None:
    err = call(srv, "taobao.trade.fullinfo.get", secret="wrong", tid=next(iter(srv.trades)), fields="tid").error
    assert err["code"] == 25 and err["msg"] == "Invalid signature" and err["request_id"]
    params = build("taobao.trade.fullinfo.get", tid=next(iter(srv.trades)), fields="tid")
    params["fields"] = "tid,status"  # tampered after signing
    assert send(srv, params).error["code"] == 25


def test_session_errors_are_code_27(srv: TopServer) -> None:
    tid = next(iter(srv.trades))
    err = call(srv, "taobao.trade.fullinfo.get", session="other", tid=tid, fields="tid").error
    assert (err["code"], err["msg"], err["sub_code"]) == (27, "Invalid session", "invalid-sessionkey")
    srv.faults.expired_session = True
    for method in ("taobao.trade.fullinfo.get", "taobao.logistics.companies.get", "taobao.trades.sold.get"):
        err = call(srv, method, tid=tid, fields="tid").error
        assert (err["code"], err["sub_code"]) == (27, "invalid-sessionkey")
    srv.faults.expired_session = False
    assert call(srv, "taobao.trade.fullinfo.get", tid=tid, fields="tid").status == 200


def test_common_parameter_checks(srv: TopServer) -> None:
    tid = next(iter(srv.trades))
    assert call(srv, "taobao.trade.fullinfo.get", app_key="999", tid=tid, fields="tid").error["code"] == 29
    late = datetime.now(CN) - timedelta(minutes=11)
    assert call(srv, "taobao.trade.fullinfo.get", now=late, tid=tid, fields="tid").error["code"] == 31
    fine = datetime.now(CN) - timedelta(minutes=9)
    assert call(srv, "taobao.trade.fullinfo.get", now=fine, tid=tid, fields="tid").status == 200
    assert call(srv, "taobao.trade.fullinfo.get", session=None, tid=tid, fields="tid").error["code"] == 26
    err = call(srv, "taobao.trade.fullinfo.get", fields="tid").error
    assert (err["code"], err["msg"]) == (40, "Missing required arguments:tid")
    assert call(srv, "taobao.no.such.method").error["code"] == 22
    params = build("taobao.trade.fullinfo.get", tid=tid, fields="tid")
    del params["sign"]
    assert send(srv, params).error["code"] == 24
    params = build("taobao.trade.fullinfo.get", tid=tid, fields="tid")
    params["v"] = "1.0"
    params["sign"] = sign(params, SECRET, "md5")
    assert send(srv, params).error["code"] == 33
    params = build("taobao.trade.fullinfo.get", tid=tid, fields="tid")
    params["format"] = "xml"
    params["sign"] = sign(params, SECRET, "md5")
    assert send(srv, params).error["code"] == 23
    assert srv.errors[29] == 1 and srv.errors[31] == 1 and srv.calls["taobao.trade.fullinfo.get"] >= 8


def test_timestamp_follows_the_server_clock(srv: TopServer) -> None:
    clock = ManualClock(datetime.now(CN) + timedelta(hours=3))
    srv.clock = clock
    tid = next(iter(srv.trades))
    assert call(srv, "taobao.trade.fullinfo.get", tid=tid, fields="tid").error["code"] == 31
    assert call(srv, "taobao.trade.fullinfo.get", now=clock(), tid=tid, fields="tid").status == 200
    stamped = clock()
    clock.advance(minutes=11)
    assert call(srv, "taobao.trade.fullinfo.get", now=stamped, tid=tid, fields="tid").error["code"] == 31


# ---- listing -------------------------------------------------------------------------------------------------------


def test_sold_get_pages_newest_first(srv: TopServer) -> None:
    snapshot = srv.trades_snapshot()
    expected = sorted(
        (t for t in snapshot.values() if t["status"] == "WAIT_SELLER_SEND_GOODS"),
        key=lambda t: (t["created"], t["tid_str"]),
        reverse=True,
    )
    assert len(expected) > 150
    seen: list[dict[str, Any]] = []
    page_no = 1
    while True:
        body = call(
            srv, "taobao.trades.sold.get", fields=LIST_FIELDS, status="WAIT_SELLER_SEND_GOODS",
            page_no=page_no, page_size=100, type="fixed,step,auction",
        ).json["trades_sold_get_response"]  # fmt: skip
        assert body["total_results"] == len(expected)
        page = body["trades"]["trade"]
        seen += page
        assert body["has_next"] == (len(seen) < len(expected))
        if not body["has_next"]:
            break
        assert len(page) == 100
        page_no += 1
    assert [t["tid_str"] for t in seen] == [t["tid_str"] for t in expected]
    for t in seen:
        assert isinstance(t["tid"], int) and t["tid"] > 2**53 and str(t["tid"]) == t["tid_str"]
        assert set(t) <= set(LIST_FIELDS.split(",")) and "receiver_name" not in t
        assert t["orders"]["order"] and all(o["oid_str"] == str(o["oid"]) for o in t["orders"]["order"])
    # Past the end: no "trades" key at all, as on TOP.
    body = call(
        srv, "taobao.trades.sold.get", fields="tid_str", status="WAIT_SELLER_SEND_GOODS", page_no=page_no + 1,
        page_size=100,
    ).json["trades_sold_get_response"]  # fmt: skip
    assert "trades" not in body and body["has_next"] is False


def test_sold_get_parameters(srv: TopServer) -> None:
    body = call(srv, "taobao.trades.sold.get", fields="tid_str,created", use_has_next=True).json
    body = body["trades_sold_get_response"]
    assert "total_results" not in body and body["has_next"] is True and len(body["trades"]["trade"]) == 40
    err = call(srv, "taobao.trades.sold.get", fields="tid_str", page_size=101).error
    assert err["code"] == 41 and err["msg"] == "Invalid arguments:page_size"
    assert call(srv, "taobao.trades.sold.get", fields="tid_str", status="NOPE").error["code"] == 41
    # A page that ends exactly at the last trade has no next page.
    shipped = sum(t["status"] == "WAIT_BUYER_CONFIRM_GOODS" for t in srv.trades.values())
    body = call(
        srv, "taobao.trades.sold.get", fields="tid_str", status="WAIT_BUYER_CONFIRM_GOODS", page_size=shipped
    ).json["trades_sold_get_response"]
    assert 0 < shipped <= 100 and len(body["trades"]["trade"]) == body["total_results"] == shipped
    assert body["has_next"] is False
    assert call(srv, "taobao.trades.sold.get").error["code"] == 40  # fields is required
    # start/end_created bound the window (inclusive); ALL_CLOSED covers both closed statuses.
    snapshot = srv.trades_snapshot()
    created = sorted(t["created"] for t in snapshot.values())
    lo, hi = created[50], created[120]
    body = call(
        srv, "taobao.trades.sold.get", fields="tid_str,created", start_created=lo, end_created=hi, page_size=100
    ).json["trades_sold_get_response"]
    assert body["total_results"] == sum(lo <= c <= hi for c in created)
    closed = call(srv, "taobao.trades.sold.get", fields="tid_str,status", status="ALL_CLOSED", page_size=100).json
    statuses = {t["status"] for t in closed["trades_sold_get_response"]["trades"]["trade"]}
    assert statuses == {"TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO"}
    # Only the last 3 months: an old trade is invisible to sold.get (but fullinfo.get still finds it).
    template = next(iter(snapshot.values()))
    srv.add_trade({**template, "tid": 42, "tid_str": "42", "created": "2020-01-01 00:00:00"})
    body = call(srv, "taobao.trades.sold.get", fields="tid_str", start_created="2019-01-01 00:00:00", page_size=100)
    assert body.json["trades_sold_get_response"]["total_results"] == len(snapshot)
    assert (
        call(srv, "taobao.trade.fullinfo.get", tid="42", fields="tid").json["trade_fullinfo_get_response"]["trade"][
            "tid"
        ]
        == 42
    )


def test_fields_are_honoured_and_oaid_needs_its_companions(srv: TopServer) -> None:
    tid = next(iter(srv.trades))
    t = call(srv, "taobao.trade.fullinfo.get", tid=tid, fields="tid_str,status,orders.oid_str,orders.outer_sku_id,oaid")
    trade = t.json["trade_fullinfo_get_response"]["trade"]
    assert set(trade) == {"tid_str", "status", "orders"}
    assert all(set(o) <= {"oid_str", "outer_sku_id"} for o in trade["orders"]["order"])
    fields = "tid_str,oaid,receiver_name,receiver_address,receiver_mobile,receiver_phone,created"
    trade = call(srv, "taobao.trade.fullinfo.get", tid=tid, fields=fields).json["trade_fullinfo_get_response"]["trade"]
    assert trade["oaid"] == srv.trades[tid]["oaid"]
    assert re.fullmatch(r".\*", trade["receiver_name"]) and re.fullmatch(r"1\d\d\*{4}\d{4}", trade["receiver_mobile"])


def test_increment_get_window_and_order(srv: TopServer) -> None:
    now = datetime.now(CN)
    fmt = "%Y-%m-%d %H:%M:%S"
    err = call(
        srv, "taobao.trades.sold.increment.get", fields="tid_str",
        start_modified=(now - timedelta(days=1, seconds=1)).strftime(fmt), end_modified=now.strftime(fmt),
    ).error  # fmt: skip
    assert err["code"] == 41 and "1 day" in err["sub_msg"]
    assert call(srv, "taobao.trades.sold.increment.get", fields="tid_str").error["code"] == 40
    start, end = (now - timedelta(days=1)).strftime(fmt), now.strftime(fmt)
    body = call(
        srv, "taobao.trades.sold.increment.get", fields="tid_str,modified", start_modified=start, end_modified=end,
        page_size=100,
    ).json["trades_sold_increment_get_response"]  # fmt: skip
    expected = sorted(
        ((t["modified"], tid) for tid, t in srv.trades_snapshot().items() if start <= t["modified"] <= end),
        reverse=True,
    )
    assert body["total_results"] == len(expected) > 0
    assert [(t["modified"], t["tid_str"]) for t in body["trades"]["trade"]] == expected[:100]
    # A change bumps modified, so the trade shows up in a window ending now.
    tid = clean_pending(srv)
    srv.modify(tid, seller_memo="改地址了")
    recent = call(
        srv, "taobao.trades.sold.increment.get", fields="tid_str,seller_memo,modified",
        start_modified=(datetime.now(CN) - timedelta(minutes=1)).strftime(fmt),
        end_modified=(datetime.now(CN) + timedelta(seconds=1)).strftime(fmt),
    ).json["trades_sold_increment_get_response"]  # fmt: skip
    assert {"tid_str": tid, "seller_memo": "改地址了", "modified": srv.trades[tid]["modified"]} in recent["trades"][
        "trade"
    ]


def test_fullinfo_get(srv: TopServer) -> None:
    tid = clean_pending(srv)
    fields = ",".join([*srv.trades[tid], "receiver_phone"])  # oaid comes back only with all receiver fields
    raw = call(srv, "taobao.trade.fullinfo.get", tid=tid, fields=fields)
    trade = raw.json["trade_fullinfo_get_response"]["trade"]
    assert trade == srv.trade(tid)
    assert f'"tid":{tid},' in raw.body.decode()  # a bare JSON number over 2^53, like the real API
    for key in ("payment", "post_fee", "total_fee"):
        assert MONEY.match(trade[key])
    for key in ("created", "pay_time", "modified", "delivery_time"):
        assert TIME.match(trade[key])
    err = call(srv, "taobao.trade.fullinfo.get", tid="1234567890123456789", fields="tid").error
    assert (err["code"], err["sub_code"]) == (15, "isv.trade-not-exist")


def test_companies_get() -> None:
    with TopServer(seed=3, n_trades=5) as srv:
        answer = call(srv, "taobao.logistics.companies.get", session=None, fields="id,code,name,reg_mail_no")
    rows = answer.json["logistics_companies_get_response"]["logistics_companies"]["logistics_company"]
    by_code = {r["code"]: r for r in rows}
    assert {"SF", "ZTO", "YTO", "STO", "YUNDA", "EMS", "JD", "POSTB"} <= set(by_code)
    assert re.fullmatch(by_code["SF"]["reg_mail_no"], "SF1023574470215")
    assert re.fullmatch(by_code["EMS"]["reg_mail_no"], "EA123456799CN")
    assert not re.fullmatch(by_code["YTO"]["reg_mail_no"], "SF1023574470215")
    assert all(set(r) == {"id", "code", "name", "reg_mail_no"} for r in rows)


# ---- shipping ------------------------------------------------------------------------------------------------------


def test_offline_send_ships_once(srv: TopServer) -> None:
    tid = clean_pending(srv)
    before = srv.trade(tid)
    srv.clock = ManualClock(datetime.now(CN) + timedelta(seconds=5))  # so `modified` visibly moves
    ship = {"tid": tid, "out_sid": "SF1023574470215", "company_code": "SF"}
    answer = call(srv, "taobao.logistics.offline.send", now=srv.clock(), **ship)
    assert answer.json["logistics_offline_send_response"]["shipping"] == {"is_success": True}
    after = srv.trade(tid)
    assert after["status"] == "WAIT_BUYER_CONFIRM_GOODS" and after["modified"] > before["modified"]
    for o in after["orders"]["order"]:
        assert (o["status"], o["invoice_no"], o["logistics_company"]) == (
            "WAIT_BUYER_CONFIRM_GOODS",
            ship["out_sid"],
            "SF",
        )
    assert tid not in srv.pending_tids() and srv.ship_calls[tid] == 1
    again = call(srv, "taobao.logistics.offline.send", now=srv.clock(), **ship).error
    assert again["sub_code"] == "isv.logistics-offline-service-error"
    assert "not WAIT_SELLER_SEND_GOODS" in again["sub_msg"]
    assert srv.ship_calls[tid] == 1 and srv.ship_attempts[tid] == 2
    assert srv.shipments == [{"tid": tid, "out_sid": "SF1023574470215", "company_code": "SF",
                              "oids": [o["oid_str"] for o in before["orders"]["order"]]}]  # fmt: skip


def test_offline_send_validates_carrier_and_number(srv: TopServer) -> None:
    tid = clean_pending(srv)
    err = call(srv, "taobao.logistics.offline.send", tid=tid, out_sid="SF123", company_code="SF").error
    assert err["sub_code"] == "isv.logistics-offline-service-error" and "reg_mail_no" in err["sub_msg"]
    err = call(srv, "taobao.logistics.offline.send", tid=tid, out_sid="SF1023574470215", company_code="XX").error
    assert err["sub_code"] == "isv.logistics-offline-service-error"
    assert call(srv, "taobao.logistics.offline.send", tid=tid, company_code="SF").error["code"] == 40
    assert srv.trades[tid]["status"] == "WAIT_SELLER_SEND_GOODS" and srv.ship_calls[tid] == 0
    assert srv.ship_attempts[tid] == 3


def test_offline_send_split_and_refusals(srv: TopServer) -> None:
    tid = clean_pending(srv, min_orders=3)
    oids = [o["oid_str"] for o in srv.trades[tid]["orders"]["order"]]
    number = "73600316247086"
    assert (
        call(srv, "taobao.logistics.offline.send", tid=tid, out_sid=number, company_code="ZTO", sub_tid=oids[0]).error[
            "code"
        ]
        == 41
    )  # sub_tid without is_split=1
    ok = call(
        srv, "taobao.logistics.offline.send", tid=tid, out_sid=number, company_code="ZTO",
        sub_tid=f"{oids[0]},{oids[1]}", is_split=1,
    )  # fmt: skip
    assert ok.json["logistics_offline_send_response"]["shipping"]["is_success"] is True
    trade = srv.trade(tid)
    assert trade["status"] == "SELLER_CONSIGNED_PART" and trade["is_part_consign"] is True
    assert [o["status"] for o in trade["orders"]["order"]][:2] == ["WAIT_BUYER_CONFIRM_GOODS"] * 2
    assert tid in srv.pending_tids() and srv.shippable_oids()[tid] == set(oids[2:])
    err = call(
        srv, "taobao.logistics.offline.send", tid=tid, out_sid=number, company_code="ZTO", sub_tid=oids[0], is_split=1
    ).error
    assert "cannot be shipped" in err["sub_msg"]
    rest = call(srv, "taobao.logistics.offline.send", tid=tid, out_sid="SF1023574470215", company_code="SF")
    assert rest.status == 200 and srv.trades[tid]["status"] == "WAIT_BUYER_CONFIRM_GOODS"
    assert srv.ship_calls[tid] == 2
    for status in ("PAID_FORBID_CONSIGN", "TRADE_CLOSED", "WAIT_BUYER_PAY"):
        other = next(t for t, v in srv.trades.items() if v["status"] == status)
        err = call(srv, "taobao.logistics.offline.send", tid=other, out_sid=number, company_code="ZTO").error
        assert err["sub_code"] == "isv.logistics-offline-service-error" and status in err["sub_msg"]
        assert srv.ship_calls[other] == 0


def test_offline_send_skips_refunding_sub_orders(srv: TopServer) -> None:
    tid = clean_pending(srv, min_orders=2)
    first, second = (o["oid_str"] for o in srv.trades[tid]["orders"]["order"][:2])
    srv.modify_order(tid, second, refund_status="WAIT_SELLER_AGREE")
    assert call(srv, "taobao.logistics.offline.send", tid=tid, out_sid="SF1023574470215", company_code="SF").status
    orders = {o["oid_str"]: o for o in srv.trades[tid]["orders"]["order"]}
    assert orders[first]["status"] == "WAIT_BUYER_CONFIRM_GOODS"
    assert orders[second]["status"] == "WAIT_SELLER_SEND_GOODS" and "invoice_no" not in orders[second]
    assert srv.trades[tid]["status"] == "SELLER_CONSIGNED_PART"
    assert tid not in srv.shippable_oids()  # the only unshipped sub-order has a refund in progress


# ---- faults --------------------------------------------------------------------------------------------------------


def test_rate_limit_envelope(srv: TopServer) -> None:
    srv.faults.rate_limit = 1.0
    srv.faults.ban_seconds = 3
    err = call(srv, "taobao.trades.sold.get", fields="tid").error
    assert err["code"] == 7 and err["msg"] == "App Call Limited"
    assert err["sub_code"] == "accesscontrol.limited-by-app-access-count"
    assert err["sub_msg"] == "This ban will last for 3 more seconds"
    assert srv.errors[7] == 1 and srv.injected["rate_limit"] == 1


def test_faults_are_deterministic_for_a_seed() -> None:
    def outcomes(seed: int) -> list[int]:
        with TopServer(seed=seed, n_trades=3) as srv:
            srv.faults.rate_limit = 0.5
            return [call(srv, "taobao.logistics.companies.get", fields="code").json.get("error_response", {}).get(
                "code", 0) for _ in range(24)]  # fmt: skip

    first = outcomes(5)
    assert first == outcomes(5) and 0 < first.count(7) < 24


def test_server_error_is_an_html_500(srv: TopServer) -> None:
    srv.faults.server_error = 1.0
    answer = call(srv, "taobao.trades.sold.get", fields="tid")
    assert answer.status == 500 and answer.ctype.startswith("text/html") and b"500" in answer.body
    srv.faults.server_error = 0.0
    assert call(srv, "taobao.trades.sold.get", fields="tid").status == 200


def test_drop_closes_the_connection_without_a_response(srv: TopServer) -> None:
    srv.faults.drop = 1.0
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        call(srv, "taobao.trades.sold.get", fields="tid")
    # Raw socket: the peer closes and not a single byte comes back.
    body = urlencode(build("taobao.trades.sold.get", fields="tid")).encode()
    with socket.create_connection(("127.0.0.1", srv.port), timeout=5) as s:
        s.sendall(
            b"POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        )
        assert s.recv(4096) == b""
    assert srv.injected["drop"] == 2 and srv.calls["taobao.trades.sold.get"] == 2


def test_drop_after_apply_ships_then_hangs_up(srv: TopServer) -> None:
    tid = clean_pending(srv)
    srv.faults.drop_after_apply = 1.0
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        call(srv, "taobao.logistics.offline.send", tid=tid, out_sid="YT6491907189408", company_code="YTO")
    assert srv.ship_calls[tid] == 1 and srv.trades[tid]["status"] == "WAIT_BUYER_CONFIRM_GOODS"
    srv.faults.drop_after_apply = 0.0
    # The client's recovery: read the trade back.
    trade = call(srv, "taobao.trade.fullinfo.get", tid=tid, fields="status,orders.invoice_no").json
    trade = trade["trade_fullinfo_get_response"]["trade"]
    assert trade["status"] == "WAIT_BUYER_CONFIRM_GOODS"
    assert {o["invoice_no"] for o in trade["orders"]["order"]} == {"YT6491907189408"}


def test_slow_delays_the_answer(srv: TopServer) -> None:
    srv.faults.slow = 1.0
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=0.2)
    try:
        with pytest.raises(TimeoutError):
            send(srv, build("taobao.logistics.companies.get", fields="code"), conn=conn)
    finally:
        conn.close()
    srv.faults.slow = 0.0
    assert call(srv, "taobao.logistics.companies.get", fields="code").status == 200


def test_only_methods_limits_faults(srv: TopServer) -> None:
    srv.faults.drop = 1.0
    srv.faults.only_methods = frozenset({"taobao.logistics.offline.send"})
    assert call(srv, "taobao.logistics.companies.get", fields="code").status == 200
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        call(srv, "taobao.logistics.offline.send", tid=clean_pending(srv), out_sid="SF1023574470215", company_code="SF")
    srv.faults.reset()
    assert srv.faults.drop == 0.0 and srv.faults.only_methods is None


def test_pages_shift_while_a_client_reads(srv: TopServer) -> None:
    srv.faults.mutate_between_pages = 1.0
    before = srv.trades_snapshot()
    for page_no in (1, 2, 3, 4, 5, 6):
        assert call(srv, "taobao.trades.sold.get", fields="tid_str", page_no=page_no, page_size=20).status == 200
    after = srv.trades_snapshot()
    changed = [tid for tid in before if before[tid] != after[tid]]
    added = set(after) - set(before)
    assert srv.injected["mutate"] == 6 and len(changed) + len(added) >= 3
    assert all(after[tid]["modified"] >= before[tid]["modified"] for tid in changed)
    for tid in added:
        assert after[tid]["status"] == "WAIT_SELLER_SEND_GOODS" and tid in srv.pending_tids()
    # The listing sees the new state (indexes kept current).
    srv.faults.mutate_between_pages = 0.0
    body = call(srv, "taobao.trades.sold.get", fields="tid_str", page_size=100, use_has_next=False).json
    assert body["trades_sold_get_response"]["total_results"] == len(srv.trades)


def test_keep_alive_and_clean_shutdown_with_an_open_connection() -> None:
    before = set(threading.enumerate())
    with TopServer(seed=2, n_trades=10) as srv:
        conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=5)
        for _ in range(3):
            assert send(srv, build("taobao.logistics.companies.get", fields="code"), conn=conn).status == 200
        assert srv.calls["taobao.logistics.companies.get"] == 3
    conn.close()
    assert not [t for t in threading.enumerate() if t not in before and t.is_alive()]


# ---- generator -----------------------------------------------------------------------------------------------------


def test_generator_is_realistic_unique_and_deterministic() -> None:
    now = datetime(2024, 6, 1, 12, 0, tzinfo=CN)
    trades = make_trades(20_000, seed=9, now=now)
    assert len(trades) == 20_000
    assert make_trades(50, seed=9, now=now) == dict(list(trades.items())[:50])
    assert make_trades(50, seed=10, now=now) != make_trades(50, seed=9, now=now)
    tids = [t["tid"] for t in trades.values()]
    oids = [o["oid"] for t in trades.values() for o in t["orders"]["order"]]
    assert len(set(tids)) == len(tids) and len(set(oids)) == len(oids)
    assert all(len(str(tid)) == 19 and tid > 2**53 for tid in tids)
    statuses: dict[str, int] = {}
    refunds: set[str] = set()
    now_s, ten_days = now.strftime("%Y-%m-%d %H:%M:%S"), (now - timedelta(days=10)).strftime("%Y-%m-%d %H:%M:%S")
    for tid, t in trades.items():
        statuses[t["status"]] = statuses.get(t["status"], 0) + 1
        assert t["tid_str"] == tid == str(t["tid"])
        assert ten_days <= t["created"] <= t["modified"] <= now_s
        if "pay_time" in t:
            assert t["created"] <= t["pay_time"] <= t["modified"] and t["delivery_time"] > t["pay_time"]
        assert 0 <= t["seller_flag"] <= 5 and all(MONEY.match(t[k]) for k in ("payment", "post_fee", "total_fee"))
        orders = t["orders"]["order"]
        assert 1 <= len(orders) <= 6
        if len(orders) == 1:
            assert orders[0]["oid"] == t["tid"]  # as on Taobao
        else:
            assert t["tid"] not in {o["oid"] for o in orders}
        for o in orders:
            refunds.add(o["refund_status"])
            assert MONEY.match(o["price"]) and o["num"] >= 1 and o["title"] and o["outer_iid"]
        if t["status"] == "SELLER_CONSIGNED_PART":
            kinds = {o["status"] for o in orders}
            assert "WAIT_BUYER_CONFIRM_GOODS" in kinds and "WAIT_SELLER_SEND_GOODS" in kinds
        if t["status"] == "WAIT_BUYER_CONFIRM_GOODS":
            assert all(o.get("invoice_no") for o in orders)
    assert max(statuses, key=lambda s: statuses[s]) == "WAIT_SELLER_SEND_GOODS"
    for status in (
        "SELLER_CONSIGNED_PART", "PAID_FORBID_CONSIGN", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_CLOSED", "WAIT_BUYER_PAY",
    ):  # fmt: skip
        assert statuses.get(status, 0) > 100, status
    assert {"NO_REFUND", "WAIT_SELLER_AGREE", "SUCCESS"} <= refunds
    assert 0 < sum(t["is_sh_ship"] for t in trades.values()) < 1000
    assert sum("buyer_message" in t for t in trades.values()) > 1000
    assert sum("seller_memo" in t for t in trades.values()) > 500
    assert sum(1 for t in trades.values() for o in t["orders"]["order"] if "outer_sku_id" in o) > 10_000


def test_generated_tracking_numbers_match_the_companies() -> None:
    gen = TradeGenerator(4)
    for company in LOGISTICS_COMPANIES:
        for _ in range(20):
            assert re.fullmatch(company["reg_mail_no"], gen.tracking_number(company["code"])), company["code"]

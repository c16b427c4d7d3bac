"""Malformed gateway answers, over real HTTP from the loopback TOP gateway (tests/pdtest/top_server.py).

Each is refused for its call as "the platform answered something PackDesk does not understand": nothing of it is
stored, the sync stops before its watermark moves, a ship-back never stays `sending` and keeps the reason, and once
the platform answers properly again the same sync or flush finishes the work.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdtest.top_server import TopServer
from sqlalchemy import func, select, update

from app.domain.enums import OutboxState, Platform
from app.domain.errors import PackDeskError
from app.domain.messages import english
from app.persistence.rows import OrderRow, OutboxRow, PlatformCarrierRow, ShopRow, SyncStateRow
from app.services.audit import Actor
from app.services.shipping import ship_order
from app.services.workspace import Workspace, open_workspace
from app.sync.outbox import Backoff, OutboxWorker
from app.sync.shops import Credentials, add_api_shop
from app.sync.taobao import TaobaoSync
from app.sync.top import MalformedAnswer, RetryPolicy, TopClient

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
FAST = RetryPolicy(attempts=2, backoff_s=0.0, max_backoff_s=0.0)
SOLD, INCREMENT, FULLINFO = "taobao.trades.sold.get", "taobao.trades.sold.increment.get", "taobao.trade.fullinfo.get"
COMPANIES, SEND = "taobao.logistics.companies.get", "taobao.logistics.offline.send"
ROOTS = {
    SOLD: "trades_sold_get_response",
    INCREMENT: "trades_sold_increment_get_response",
    FULLINFO: "trade_fullinfo_get_response",
    COMPANIES: "logistics_companies_get_response",
    SEND: "logistics_offline_send_response",
}
UNDERSTOOD = "does not understand"


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=4, n_trades=40) as srv:
        yield srv


def add_shop(ws: Workspace, srv: TopServer) -> int:
    with ws.session_factory.begin() as session:
        shop, _ = add_api_shop(
            session, ws.data_dir, name="淘宝店", platform=Platform.TAOBAO, gateway=srv.url, app_key=APP_KEY,
            credentials=Credentials(SECRET, SESSION), now=datetime.now(UTC),
        )  # fmt: skip
        return shop.id


def client(srv: TopServer) -> TopClient:
    return TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST, sleep=lambda _s: None)


def later() -> datetime:
    """A sync clock past the settle margin, so a change just made on the server falls in a window."""
    return datetime.now(UTC) + timedelta(seconds=30)


def sync(ws: Workspace, srv: TopServer, shop_id: int, clock: Callable[[], datetime] = later) -> None:
    with client(srv) as c:
        TaobaoSync(ws.session_factory, shop_id, c, clock=clock).run()


def cache(ws: Workspace) -> dict[str, tuple[str, str]]:
    """The cached orders: number -> (status, content hash)."""
    with ws.session_factory() as session:
        rows = session.execute(select(OrderRow.order_no, OrderRow.status, OrderRow.content_hash)).all()
    return {no: (status, digest) for no, status, digest in rows}


def watermark(ws: Workspace, shop_id: int) -> datetime | None:
    with ws.session_factory() as session:
        state = session.get(SyncStateRow, shop_id)
        return state.watermark if state else None


def waiting_trade(srv: TopServer) -> dict[str, Any]:
    """A waiting trade with nothing refunded, as the gateway holds it (TOP's JSON: non-simplified sub-orders, tid as
    a number)."""
    for tid, oids in sorted(srv.shippable_oids().items()):
        trade = srv.trade(tid)
        if trade["status"] == "WAIT_SELLER_SEND_GOODS" and {o["oid_str"] for o in trade["orders"]["order"]} == oids:
            return trade
    raise AssertionError("the gateway has no plain waiting trade")


def changed(trade: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**trade, **fields}


def changed_line(trade: dict[str, Any], **fields: Any) -> dict[str, Any]:
    first, *rest = trade["orders"]["order"]
    return {**trade, "orders": {"order": [{**first, **fields}, *rest]}}


def without(trade: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in trade.items() if k not in names}


def page(method: str, trades: list[Any], total: Any = None) -> dict[str, Any]:
    body = {"total_results": len(trades) if total is None else total, "trades": {"trade": trades}}
    return {ROOTS[method]: body}


def deep(method: str) -> str:
    """Valid JSON nested deeper than any parser's stack (json.loads raised RecursionError)."""
    return '{"%s":{"trades":%s%s}}' % (ROOTS[method], "[" * 100_000, "]" * 100_000)  # noqa: UP031


Body = Callable[[dict[str, Any]], Any]
# What sold.get answers during the first fill; `t` is a real waiting trade.
FIRST_FILL: dict[str, Body] = {
    "nested too deeply": lambda t: deep(SOLD),
    "total_results a text": lambda t: page(SOLD, [t], total="many"),
    "total_results negative": lambda t: page(SOLD, [t], total=-1),
    "trades a string": lambda t: {ROOTS[SOLD]: {"total_results": 1, "trades": "trade"}},
    "trade list a string": lambda t: {ROOTS[SOLD]: {"total_results": 1, "trades": {"trade": "x"}}},
    "a trade that is a number": lambda t: page(SOLD, [7]),
    "orders a string": lambda t: page(SOLD, [changed(t, orders="order")]),
    "order list a string": lambda t: page(SOLD, [changed(t, orders={"order": "x"})]),
    "num a text": lambda t: page(SOLD, [changed_line(t, num="two")]),
    "num past any quantity": lambda t: page(SOLD, [changed_line(t, num=10**30)]),
    "num zero": lambda t: page(SOLD, [changed_line(t, num=0)]),
    "seller_flag a text": lambda t: page(SOLD, [changed(t, seller_flag="red")]),
    "seller_flag past any colour": lambda t: page(SOLD, [changed(t, seller_flag=10**12)]),
    "created impossible": lambda t: page(SOLD, [changed(t, created="2026-02-30 25:61:00")]),
    "pay_time a number": lambda t: page(SOLD, [changed(t, pay_time=20260101)]),
    "modified a word": lambda t: page(SOLD, [changed(t, modified="yesterday")]),
    "pay_time in year 9999": lambda t: page(SOLD, [changed(t, pay_time="9999-12-31 23:59:59")]),
    "29 trades without a tid": lambda t: page(SOLD, [without(t, "tid", "tid_str")] * 29),
    "tid not a number": lambda t: page(SOLD, [changed(without(t, "tid"), tid_str="abc")]),
    "payment 1E+30": lambda t: page(SOLD, [changed(t, payment="1E+30")]),
    "price NaN": lambda t: page(SOLD, [changed_line(t, price="NaN")]),
    "no times at all": lambda t: page(SOLD, [without(t, "created", "pay_time", "modified")]),
    "a sub-order without oid": lambda t: page(SOLD, [changed_line(t, oid=None, oid_str=None)]),
    "no root": lambda t: {},
    "a JSON list": lambda t: "[]",
    "null": lambda t: "null",
    "root a string": lambda t: {ROOTS[SOLD]: "trades"},
    "error code a text": lambda t: {"error_response": {"code": "abc", "msg": "Remote service error"}},
    "error code an object": lambda t: {"error_response": {"code": {}, "msg": "Remote service error"}},
    "error_response a string": lambda t: {"error_response": "boom"},
    "error sub_msg a list": lambda t: {"error_response": {"code": 15, "sub_msg": ["x"]}},
}
CARRIERS: dict[str, Any] = {
    "a carrier without a code": {ROOTS[COMPANIES]: {"logistics_companies": {"logistics_company": [{"name": "顺丰"}]}}},
    "carriers a string": {ROOTS[COMPANIES]: {"logistics_companies": "SF,ZTO"}},
    "a code that is a number": {ROOTS[COMPANIES]: {"logistics_companies": {"logistics_company": [{"code": 5}]}}},
}


@pytest.mark.parametrize("case", list(FIRST_FILL))
def test_first_fill_refuses_a_malformed_page(workspace: Workspace, server: TopServer, case: str) -> None:
    shop_id = add_shop(workspace, server)
    server.answer_raw(SOLD, FIRST_FILL[case](waiting_trade(server)))

    with pytest.raises(MalformedAnswer, match=UNDERSTOOD):
        sync(workspace, server, shop_id)

    assert cache(workspace) == {}  # nothing of it stored: no order named "None", no half a page
    assert watermark(workspace, shop_id) is None
    server.answer_raw(SOLD, None)
    sync(workspace, server, shop_id)  # the platform answers properly again: the same sync fills the cache
    assert set(server.shippable_oids()) <= set(cache(workspace))


@pytest.mark.parametrize("case", list(CARRIERS))
def test_a_malformed_carrier_list_is_refused(workspace: Workspace, server: TopServer, case: str) -> None:
    shop_id = add_shop(workspace, server)
    server.answer_raw(COMPANIES, CARRIERS[case])

    with pytest.raises(MalformedAnswer, match=UNDERSTOOD):
        sync(workspace, server, shop_id)

    with workspace.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(PlatformCarrierRow)) == 0
    assert cache(workspace) == {}


def light(trade: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"tid": trade["tid"], "tid_str": trade["tid_str"], "modified": trade["modified"], "status": trade["status"],
            **fields}  # fmt: skip


# What increment.get / fullinfo.get answer once the cache is filled; `t` is the trade that just changed.
INCREMENTAL: dict[str, tuple[str, Body]] = {
    "listing nested too deeply": (INCREMENT, lambda t: deep(INCREMENT)),
    "listed modified a number": (INCREMENT, lambda t: page(INCREMENT, [light(t, modified=123)])),
    "listed trades a string": (INCREMENT, lambda t: {ROOTS[INCREMENT]: {"total_results": 1, "trades": "x"}}),
    "listed trade without a tid": (INCREMENT, lambda t: page(INCREMENT, [without(light(t), "tid", "tid_str")])),
    "listed total_results a float": (INCREMENT, lambda t: page(INCREMENT, [light(t)], total=1.5)),
    "trade a string": (FULLINFO, lambda t: {ROOTS[FULLINFO]: {"trade": "x"}}),
    "trade's orders a string": (FULLINFO, lambda t: {ROOTS[FULLINFO]: {"trade": changed(t, orders="x")}}),
    "trade's seller_flag a text": (FULLINFO, lambda t: {ROOTS[FULLINFO]: {"trade": changed(t, seller_flag="红")}}),
    "trade's num a list": (FULLINFO, lambda t: {ROOTS[FULLINFO]: {"trade": changed_line(t, num=[1])}}),
    "trade without a tid": (FULLINFO, lambda t: {ROOTS[FULLINFO]: {"trade": without(t, "tid", "tid_str")}}),
}


@pytest.mark.parametrize("case", list(INCREMENTAL))
def test_incremental_sync_refuses_a_malformed_answer(workspace: Workspace, server: TopServer, case: str) -> None:
    shop_id = add_shop(workspace, server)
    sync(workspace, server, shop_id)
    trade = server.modify(waiting_trade(server)["tid_str"], seller_memo="改地址了")
    before, mark = cache(workspace), watermark(workspace, shop_id)
    method, body = INCREMENTAL[case]
    server.answer_raw(method, body(trade))

    with pytest.raises(MalformedAnswer, match=UNDERSTOOD):
        sync(workspace, server, shop_id)

    assert cache(workspace) == before
    assert watermark(workspace, shop_id) == mark  # the window is read again next time
    server.answer_raw(method, None)
    sync(workspace, server, shop_id)
    with workspace.session_factory() as session:
        memo = session.scalar(select(OrderRow.seller_memo).where(OrderRow.order_no == trade["tid_str"]))
    assert memo == "改地址了"


def test_a_listing_of_a_trillion_trades_stops_with_a_reason(workspace: Workspace, server: TopServer) -> None:
    """total_results 10^12 meant 10^10 pages read one by one "for ever"; PackDesk reads at most 1000 pages."""
    shop_id = add_shop(workspace, server)
    sync(workspace, server, shop_id)
    trade = server.modify(waiting_trade(server)["tid_str"], seller_memo="x")
    mark = watermark(workspace, shop_id)
    server.answer_raw(INCREMENT, page(INCREMENT, [light(trade)], total=10**12))
    calls = server.calls[INCREMENT]

    with pytest.raises(MalformedAnswer, match="1000000000000 trades .* more than the 100000 PackDesk reads"):
        sync(workspace, server, shop_id)

    assert server.calls[INCREMENT] == calls + 1  # the first page only: no paging through the claim
    assert watermark(workspace, shop_id) == mark


def test_a_first_fill_claiming_a_trillion_trades_stops_too(workspace: Workspace, server: TopServer) -> None:
    shop_id = add_shop(workspace, server)
    server.answer_raw(SOLD, page(SOLD, [waiting_trade(server)], total=10**12))

    with pytest.raises(MalformedAnswer, match="more than the 100000"):
        sync(workspace, server, shop_id)

    assert server.calls[SOLD] == 2  # the whole three months, then the first day's first page
    assert cache(workspace) == {}


# -- the outbox meets malformed answers ---------------------------------------------------------------------------


def ship_one(ws: Workspace, srv: TopServer) -> str:
    """A synced waiting order of `srv`, shipped at the bench: its ship-back waits in the outbox."""
    shop_id = add_shop(ws, srv)
    sync(ws, srv, shop_id, clock=lambda: datetime.now(UTC))
    tid = waiting_trade(srv)["tid_str"]
    ship_order(ws.session_factory, tid, "ZTO", "71234567890123", Actor("packer", "bench-1"), datetime.now(UTC))
    return tid


def flush(ws: Workspace, srv: TopServer) -> None:
    worker = OutboxWorker(ws.session_factory, lambda shop: client(srv), backoff=Backoff(base_s=0, max_s=0))
    try:
        worker.flush()
    finally:
        worker.close()


def entry(ws: Workspace) -> OutboxRow:
    """The one outbox row, detached; its last error (stored as a message) read as its English."""
    with ws.session_factory() as session:
        row = session.scalars(select(OutboxRow)).one()
        session.expunge(row)
    row.last_error = english(row.last_error)
    return row


SENDS: dict[str, tuple[Any, bool]] = {
    "shipping a string, after the shipment was applied": ({ROOTS[SEND]: {"shipping": "yes"}}, True),
    "is_success a list, after the shipment was applied": ({ROOTS[SEND]: {"shipping": {"is_success": [1]}}}, True),
    "nested too deeply, nothing applied": ('{"x":' * 50_000 + "1" + "}" * 50_000, False),
    "error code a text, nothing applied": ({"error_response": {"code": "isv", "msg": "x"}}, False),
    "error_response a list, nothing applied": ({"error_response": [15]}, False),
}


@pytest.mark.parametrize("case", list(SENDS))
def test_a_malformed_answer_to_a_ship_back_keeps_it_queued_with_the_reason(
    workspace: Workspace, server: TopServer, case: str
) -> None:
    tid = ship_one(workspace, server)
    body, applied = SENDS[case]
    server.answer_raw(SEND, body, apply=applied)

    flush(workspace, server)

    queued = entry(workspace)
    assert queued.state == OutboxState.PENDING  # not left `sending`, not given up
    assert UNDERSTOOD in (queued.last_error or "") and queued.payload["reason_code"] == "malformed_answer"
    assert queued.payload["unclear"] is True  # it may have shipped: the next try looks before sending
    server.answer_raw(SEND, None)
    flush(workspace, server)
    assert entry(workspace).state == OutboxState.DONE
    assert server.ship_calls[tid] == 1  # shipped once, whichever way the first answer went


def test_a_malformed_trade_while_checking_an_interrupted_ship_back(workspace: Workspace, server: TopServer) -> None:
    """A flush killed after claiming its entry leaves it `sending`; the next one reads the trade first. When that
    answer is malformed the entry goes back to waiting with the reason, and is neither sent blindly nor dropped."""
    tid = ship_one(workspace, server)
    with workspace.session_factory.begin() as session:
        session.execute(update(OutboxRow).values(state=OutboxState.SENDING, attempts=1))
    server.answer_raw(FULLINFO, {ROOTS[FULLINFO]: {"trade": {"tid": int(tid), "orders": "x"}}})

    flush(workspace, server)

    queued = entry(workspace)
    assert queued.state == OutboxState.PENDING and UNDERSTOOD in (queued.last_error or "")
    assert server.ship_attempts[tid] == 0
    server.answer_raw(FULLINFO, None)
    flush(workspace, server)
    assert entry(workspace).state == OutboxState.DONE and server.ship_calls[tid] == 1


# -- fuzzed answers -----------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30) | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["2026-02-30 25:61:00", "9999-12-31 23:59:59", "1E+30", "NaN", "", "2024-01-01", "-1"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip
TRADE_FIELDS = ("tid", "tid_str", "status", "seller_flag", "created", "pay_time", "modified", "payment", "post_fee",
                "orders", "receiver_name", "receiver_mobile", "is_sh_ship", "delivery_time", "buyer_nick")  # fmt: skip
LINE_FIELDS = ("oid", "oid_str", "num", "price", "outer_sku_id", "outer_iid", "sku_id", "num_iid", "title", "status",
               "refund_status", "pic_path", "sku_properties_name")  # fmt: skip
MISSING = object()
edits = st.lists(
    st.tuples(st.booleans(), st.sampled_from(TRADE_FIELDS + LINE_FIELDS), st.one_of(st.just(MISSING), json_values)),
    min_size=1,
    max_size=4,
)


def fuzzed(trade: dict[str, Any], changes: list[tuple[bool, str, Any]]) -> dict[str, Any]:
    out = json.loads(json.dumps(trade))
    for on_line, name, value in changes:
        lines = out.get("orders", {}).get("order") if isinstance(out.get("orders"), dict) else None
        first = lines[0] if isinstance(lines, list) and lines else None
        target = first if on_line and isinstance(first, dict) else out  # an earlier change may have broken the lines
        if value is MISSING:
            target.pop(name, None)
        else:
            target[name] = value
    return out


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=edits, wrap=st.sampled_from(["trade", "error", "root", "body"]), junk=json_values)
def test_fuzzed_trades_are_stored_or_refused_never_a_crash(
    workspace: Workspace, server: TopServer, changes: list[tuple[bool, str, Any]], wrap: str, junk: Any
) -> None:
    """A trade with random fields changed or removed (or a random error envelope, root or body), read with
    fullinfo.get as the bench's last look does: the order is stored, or the call is refused with the reason."""
    with workspace.session_factory() as session:
        shop_id = session.scalar(select(ShopRow.id).where(ShopRow.name == "淘宝店")) or add_shop(workspace, server)
    trade = waiting_trade(server)
    body = {
        "trade": {ROOTS[FULLINFO]: {"trade": fuzzed(trade, changes)}},
        "error": {"error_response": junk},
        "root": {ROOTS[FULLINFO]: junk},
        "body": json.dumps(junk, ensure_ascii=False),  # any JSON text at all (None would mean "answer normally")
    }[wrap]
    server.answer_raw(FULLINFO, body)
    with client(server) as c:
        try:
            TaobaoSync(workspace.session_factory, shop_id, c).refresh([trade["tid_str"]])
        except PackDeskError as exc:  # refused with a reason (a malformed answer, or an error the platform meant)
            assert exc.message
    assert all(no.isdigit() for no in cache(workspace))


# -- the command line ----------------------------------------------------------------------------------------------


def run_cli(cmd: list[str], data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PACKDESK_KEYRING": "file", "PACKDESK_APP_SECRET": SECRET, "PACKDESK_SESSION_KEY": SESSION}
    return subprocess.run(
        [*cmd, "--data-dir", str(data_dir), *args], capture_output=True, text=True, timeout=300, env=env
    )


def test_sync_and_flush_commands_report_a_malformed_answer(
    tmp_path: Path, server: TopServer, packdesk_cmd: list[str]
) -> None:
    """`packdesk sync` on 29 trades without a tid: exit 1 with the reason, no traceback, no order "None"; `packdesk
    outbox flush` on a malformed answer: the reason, no traceback, the entry waiting."""
    data_dir = tmp_path / "data"
    added = run_cli(packdesk_cmd, data_dir, "shop", "add", "淘宝店", "--gateway", server.url, "--app-key", APP_KEY)
    assert added.returncode == 0, added.stderr
    server.answer_raw(SOLD, page(SOLD, [without(waiting_trade(server), "tid", "tid_str")] * 29))

    synced = run_cli(packdesk_cmd, data_dir, "sync", "--json")

    assert synced.returncode == 1 and "Traceback" not in synced.stderr, synced.stderr
    (report,) = json.loads(synced.stdout)["shops"]
    assert UNDERSTOOD in report["error"] and "tid" in report["error"]
    server.answer_raw(SOLD, None)
    assert run_cli(packdesk_cmd, data_dir, "sync", "--json").returncode == 0
    ws = open_workspace(data_dir)
    try:
        assert "None" not in cache(ws)
        tid = waiting_trade(server)["tid_str"]
        ship_order(ws.session_factory, tid, "ZTO", "71234567890123", Actor("packer", "bench-1"), datetime.now(UTC))
    finally:
        ws.close()
    server.answer_raw(SEND, {ROOTS[SEND]: {"shipping": "yes"}}, apply=True)

    flushed = run_cli(packdesk_cmd, data_dir, "outbox", "flush", "--json")

    assert "Traceback" not in flushed.stderr, flushed.stderr
    ws = open_workspace(data_dir)
    try:
        queued = entry(ws)
    finally:
        ws.close()
    assert queued.state == OutboxState.PENDING and UNDERSTOOD in (queued.last_error or "")

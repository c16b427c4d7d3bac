"""Pinduoduo ship-backs through the durable outbox against the loopback PDD gateway: exactly once through lost
answers, a refund refused with PDD's reason, "already shipped" as success, the carrier's logistics id cached."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.domain.enums import OutboxState
from app.persistence.carriers import PlatformCarriers
from app.persistence.rows import OutboxRow
from app.services.shipping import ship_order
from app.services.workspace import Workspace
from app.sync.gateway import RetryPolicy
from app.sync.outbox import Backoff, OutboxWorker
from app.sync.pdd import PddClient
from app.sync.service import client_factory, outbox_items
from tests.pdtest.pdd_server import PddServer
from tests.pdtest.pdd_shop import ACTOR, CLIENT_ID, SECRET, TOKEN, PddShop, order_sn, tracking

FAST = RetryPolicy(attempts=5, backoff_s=0, max_backoff_s=0)


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")  # no desktop keyring in CI: the 0600 file stands in


@pytest.fixture
def srv() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=5) as server:
        yield server


def worker(ws: Workspace) -> OutboxWorker:
    make = client_factory(ws.data_dir, FAST)
    return OutboxWorker(ws.session_factory, make, backoff=Backoff(base_s=0, max_s=0))


def states(ws: Workspace) -> dict[str, str]:
    return {i["order_no"]: i["state"] for i in outbox_items(ws.session_factory) if i["kind"] == "ship"}


def test_twenty_ship_backs_with_lost_answers_each_applied_exactly_once(workspace: Workspace, srv: PddServer) -> None:
    shop = PddShop(workspace, srv)
    desk, sns = shop.desk, shop.shipped(20)
    srv.faults.drop_after_apply = 1.0  # every send is applied, and its answer lost
    srv.faults.only_methods = frozenset({"pdd.logistics.online.send"})
    w = worker(workspace)
    try:
        first = w.flush()
        assert first.sent == 0 and first.retry_later == 20, first.to_json()
        assert set(states(workspace).values()) == {"pending"}  # unclear: kept, to be checked before any resend
        second = w.flush()
    finally:
        w.close()
    assert second.verified == 20 and second.failed == 0, second.to_json()
    assert set(states(workspace).values()) == {"done"}
    assert dict(desk.sends) == dict.fromkeys(sns, 1)  # each applied exactly once
    assert srv.calls["pdd.logistics.online.send"] == 20  # never sent again blindly: the order was read instead
    assert srv.injected["drop_after_apply"] == 20
    with srv.lock:
        assert {sn: shop.pdd.orders[sn]["tracking_number"] for sn in sns} == {
            sn: tracking(n) for n, sn in enumerate(sns, 1)
        }
        assert {shop.pdd.orders[sn]["logistics_id"] for sn in sns} == {85}  # YTO's logistics id at PDD


def test_ship_backs_through_every_fault_each_applied_once(workspace: Workspace, srv: PddServer) -> None:
    shop = PddShop(workspace, srv)
    desk, sns = shop.desk, shop.shipped(30)
    faults = srv.faults
    faults.drop, faults.server_error, faults.rate_limit, faults.unavailable = 0.15, 0.15, 0.15, 0.1
    faults.drop_after_apply, faults.error_after_apply = 0.25, 0.25
    waits: list[float] = []
    w = OutboxWorker(
        workspace.session_factory,
        lambda shop: PddClient(srv.url, CLIENT_ID, SECRET, TOKEN, retry=FAST, sleep=waits.append),
        backoff=Backoff(base_s=0, max_s=0),
    )
    try:
        for _ in range(40):
            w.flush()
            if set(states(workspace).values()) == {"done"}:
                break
    finally:
        w.close()
    assert set(states(workspace).values()) == {"done"}
    assert dict(desk.sends) == dict.fromkeys(sns, 1)  # every fault on, still each applied exactly once
    assert {"drop", "server_error", "rate_limit", "drop_after_apply", "error_after_apply"} <= set(srv.injected)
    assert waits  # the rate limits were waited out as told


def test_the_carrier_list_is_cached_and_read_again_for_an_unknown_carrier(workspace: Workspace, srv: PddServer) -> None:
    shop = PddShop(workspace, srv)
    shop.orders(2)
    ship_order(workspace.session_factory, order_sn(1), "YTO", tracking(1), ACTOR, datetime.now(UTC))
    w = worker(workspace)
    try:
        assert w.flush().sent == 1
        assert srv.calls["pdd.logistics.companies.get"] == 1
        with workspace.session_factory() as session:
            assert PlatformCarriers(session).get("pdd", "JTSD").platform_id == "384"  # type: ignore[union-attr]
        ship_order(workspace.session_factory, order_sn(2), "JT", "JT1234567890123", ACTOR, datetime.now(UTC))
        assert w.flush().sent == 1
        assert srv.calls["pdd.logistics.companies.get"] == 1  # cached: JT is PDD's JTSD
    finally:
        w.close()
    with srv.lock:
        assert shop.pdd.orders[order_sn(2)]["logistics_id"] == 384


def test_a_refund_is_a_refusal_the_seller_sees_with_pdds_reason(workspace: Workspace, srv: PddServer) -> None:
    shop = PddShop(workspace, srv)
    desk, _ = shop.desk, shop.shipped(1)
    shop.pdd.refund(order_sn(1), done=True)  # refunded at PDD after the parcel was recorded here
    w = worker(workspace)
    try:
        report = w.flush()
        again = w.flush()
    finally:
        w.close()
    assert report.failed == 1 and report.sent == 0
    [error] = report.to_json()["errors"]
    assert (
        error["order_no"] == order_sn(1)
        and "已退款，不可发货" in error["reason"]
        and "ORDER_REFUNDED" in error["reason"]
    )
    assert again.failed == 0 and srv.calls["pdd.logistics.online.send"] == 1  # never retried blindly
    [item] = [i for i in outbox_items(workspace.session_factory) if i["kind"] == "ship"]
    assert item["state"] == OutboxState.FAILED
    assert "已退款" in item["last_error"].render()
    assert desk.sends[order_sn(1)] == 0


def test_already_shipped_with_the_same_number_is_success_and_another_number_a_refusal(
    workspace: Workspace, srv: PddServer
) -> None:
    shop = PddShop(workspace, srv)
    desk, _ = shop.desk, shop.orders(2)
    shop.pdd.ship(order_sn(1), 85, tracking(1))  # the seller shipped it in the seller centre, with the same number
    shop.pdd.ship(order_sn(2), 85, tracking(99))  # ...and this one with another number
    for n in (1, 2):
        ship_order(workspace.session_factory, order_sn(n), "YTO", tracking(n), ACTOR, datetime.now(UTC))
    w = worker(workspace)
    try:
        report = w.flush()
    finally:
        w.close()
    assert report.sent == 1 and report.failed == 1, report.to_json()  # PDD answers the same shipment with success
    assert states(workspace) == {order_sn(1): "done", order_sn(2): "failed"}
    [error] = report.to_json()["errors"]
    assert error["order_no"] == order_sn(2) and "ORDER_SHIPPED" in error["reason"] and tracking(99) in error["reason"]
    assert desk.sends.total() == 0


def test_an_expired_token_keeps_the_ship_backs_queued(workspace: Workspace, srv: PddServer) -> None:
    shop = PddShop(workspace, srv)
    desk, _ = shop.desk, shop.shipped(1)
    srv.faults.token_expired = True
    w = worker(workspace)
    try:
        report = w.flush()
        assert report.retry_later == 1 and "access token" in report.to_json()["errors"][0]["reason"]
        srv.faults.token_expired = False  # authorised again
        assert w.flush().sent == 1
    finally:
        w.close()
    assert desk.sends[order_sn(1)] == 1


def test_a_refused_client_secret_keeps_the_ship_backs_queued(workspace: Workspace, srv: PddServer) -> None:
    shop = PddShop(workspace, srv)
    desk, _ = shop.desk, shop.shipped(2)
    srv.client_secret = "rotated"  # the seller changed the app's secret at PDD: every signature is refused
    w = worker(workspace)
    try:
        report = w.flush()
        assert report.failed == 0 and report.retry_later == 2, report.to_json()
        assert sum(srv.calls.values()) == 1 and srv.errors[10004] == 1  # refused once; the other entry not tried
        srv.client_secret = SECRET
        assert w.flush().sent == 2
    finally:
        w.close()
    assert desk.sends.total() == 2


def test_a_crash_after_the_claim_checks_the_order_before_sending(workspace: Workspace, srv: PddServer) -> None:
    """An entry left `sending` by a crash (the send may have left) is read first: shipped => done, no second send."""
    shop = PddShop(workspace, srv)
    desk, _ = shop.desk, shop.shipped(1)
    with PddClient(srv.url, CLIENT_ID, SECRET, TOKEN) as c:  # the crashed run's send, applied
        c.call("pdd.logistics.online.send", {"order_sn": order_sn(1), "logistics_id": 85,
                                             "tracking_number": tracking(1)}, write=True)  # fmt: skip
    with workspace.session_factory.begin() as session:
        row = session.execute(select(OutboxRow)).scalar_one()
        row.state = OutboxState.SENDING  # as the crashed run left it
    w = worker(workspace)
    try:
        report = w.flush()
    finally:
        w.close()
    assert report.verified == 1 and report.sent == 0
    assert desk.sends[order_sn(1)] == 1 and srv.calls["pdd.logistics.online.send"] == 1


def test_the_payload_of_a_pdd_ship_back_names_no_receiver(workspace: Workspace, srv: PddServer) -> None:
    PddShop(workspace, srv).shipped(1, name="王小明", phone="13912345678", address="紫金港路21号")
    with workspace.session_factory() as session:
        payload = session.execute(select(OutboxRow.payload)).scalar_one()
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    assert "王小明" not in text and "13912345678" not in text


def test_data_files_hold_no_plaintext(
    workspace: Workspace,
    srv: PddServer,
) -> None:
    """The cache keeps PDD's masks and ciphertexts: the database file holds no plaintext receiver."""
    PddShop(workspace, srv).orders(1, name="王小明", phone="13912345678", address="紫金港路21号")
    workspace.engine.dispose()
    blob = b"".join(p.read_bytes() for p in workspace.data_dir.rglob("*") if p.is_file())
    for plain in ("王小明", "13912345678", "紫金港路21号"):
        assert plain.encode() not in blob and json.dumps(plain)[1:-1].encode() not in blob
    assert b"139****5678" in blob  # the mask is what the cache holds

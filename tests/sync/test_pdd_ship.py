"""Pinduoduo ship-backs through the durable outbox against the loopback PDD gateway: exactly once through lost
answers, a refund refused with PDD's reason, "already shipped" as success, the carrier's logistics id cached."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.enums import OutboxState, Platform
from app.persistence.carriers import PlatformCarriers
from app.persistence.rows import OutboxRow
from app.services.audit import Actor
from app.services.shipping import ship_order
from app.services.workspace import Workspace
from app.sync.gateway import RetryPolicy
from app.sync.outbox import Backoff, OutboxWorker
from app.sync.pdd import PddClient
from app.sync.pdd_orders import map_order, parse_order
from app.sync.service import client_factory, outbox_items
from app.sync.shops import Credentials, add_api_shop
from app.sync.store import upsert_orders
from tests.pdtest.pdd_logistics import LogisticsDesk
from tests.pdtest.pdd_server import PddServer

CLIENT_ID, SECRET, TOKEN = "pdd-client", "pdd-secret", "pdd-token"
FAST = RetryPolicy(attempts=5, backoff_s=0, max_backoff_s=0)
ACTOR = Actor("test", "")


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")  # no desktop keyring in CI: the 0600 file stands in


@pytest.fixture
def srv() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=5) as server:
        yield server


def add_pdd_shop(ws: Workspace, srv: PddServer, name: str = "拼多多店", group: str | None = None) -> int:
    """A PDD shop with its client id as the app key, its client secret and access token stored as the shop's
    secrets (app.sync.shops)."""
    with ws.session_factory.begin() as session:
        shop, _ = add_api_shop(
            session,
            ws.data_dir,
            name=name,
            platform=Platform.PDD,
            gateway=srv.url,
            app_key=CLIENT_ID,
            credentials=Credentials(SECRET, TOKEN),
            now=datetime.now(UTC),
            group=group,
        )
        return shop.id


def cache_orders(ws: Workspace, shop_id: int, desk: LogisticsDesk, order_sns: list[str]) -> None:
    """The orders as PDD has them, put into the cache as a sync would."""
    with desk.server.lock:
        raw = [dict(desk.orders[sn]) for sn in order_sns]
    with ws.session_factory.begin() as session:
        upsert_orders(session, shop_id, Platform.PDD.value, [map_order(parse_order(o)) for o in raw])


def order_sn(n: int) -> str:
    return f"261203-{n:09d}"


def tracking(n: int) -> str:
    return f"YT{7_000_000_000_000 + n}"


def worker(ws: Workspace) -> OutboxWorker:
    make = client_factory(ws.data_dir, FAST)
    return OutboxWorker(ws.session_factory, make, backoff=Backoff(base_s=0, max_s=0))


def states(ws: Workspace) -> dict[str, str]:
    return {i["order_no"]: i["state"] for i in outbox_items(ws.session_factory) if i["kind"] == "ship"}


def test_twenty_ship_backs_with_lost_answers_each_applied_exactly_once(workspace: Workspace, srv: PddServer) -> None:
    desk = LogisticsDesk(srv)
    sns = [order_sn(n) for n in range(1, 21)]
    for sn in sns:
        desk.add_order(sn)
    shop_id = add_pdd_shop(workspace, srv)
    cache_orders(workspace, shop_id, desk, sns)
    for n, sn in enumerate(sns, 1):
        ship_order(workspace.session_factory, sn, "YTO", tracking(n), ACTOR, datetime.now(UTC))
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
    with desk.server.lock:
        assert {sn: desk.orders[sn]["tracking_number"] for sn in sns} == {
            sn: tracking(n) for n, sn in enumerate(sns, 1)
        }
        assert {desk.orders[sn]["logistics_id"] for sn in sns} == {85}  # YTO's logistics id at PDD


def test_the_carrier_list_is_cached_and_read_again_for_an_unknown_carrier(workspace: Workspace, srv: PddServer) -> None:
    desk = LogisticsDesk(srv)
    for n in (1, 2):
        desk.add_order(order_sn(n))
    shop_id = add_pdd_shop(workspace, srv)
    cache_orders(workspace, shop_id, desk, [order_sn(1), order_sn(2)])
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
    with desk.server.lock:
        assert desk.orders[order_sn(2)]["logistics_id"] == 384


def test_a_refund_is_a_refusal_the_seller_sees_with_pdds_reason(workspace: Workspace, srv: PddServer) -> None:
    desk = LogisticsDesk(srv)
    desk.add_order(order_sn(1))
    shop_id = add_pdd_shop(workspace, srv)
    cache_orders(workspace, shop_id, desk, [order_sn(1)])
    ship_order(workspace.session_factory, order_sn(1), "YTO", tracking(1), ACTOR, datetime.now(UTC))
    desk.refund(order_sn(1))  # refunded at PDD after the parcel was recorded here
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
    desk = LogisticsDesk(srv)
    for n in (1, 2):
        desk.add_order(order_sn(n))
    shop_id = add_pdd_shop(workspace, srv)
    cache_orders(workspace, shop_id, desk, [order_sn(1), order_sn(2)])
    desk.ship(order_sn(1), 85, tracking(1))  # the seller shipped it in the seller centre, with the same number
    desk.ship(order_sn(2), 85, tracking(99))  # ...and this one with another number
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
    desk = LogisticsDesk(srv)
    desk.add_order(order_sn(1))
    shop_id = add_pdd_shop(workspace, srv)
    cache_orders(workspace, shop_id, desk, [order_sn(1)])
    ship_order(workspace.session_factory, order_sn(1), "YTO", tracking(1), ACTOR, datetime.now(UTC))
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


def test_a_crash_after_the_claim_checks_the_order_before_sending(workspace: Workspace, srv: PddServer) -> None:
    """An entry left `sending` by a crash (the send may have left) is read first: shipped => done, no second send."""
    desk = LogisticsDesk(srv)
    desk.add_order(order_sn(1))
    shop_id = add_pdd_shop(workspace, srv)
    cache_orders(workspace, shop_id, desk, [order_sn(1)])
    ship_order(workspace.session_factory, order_sn(1), "YTO", tracking(1), ACTOR, datetime.now(UTC))
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
    desk = LogisticsDesk(srv)
    desk.add_order(order_sn(1), name="王小明", phone="13912345678", address="紫金港路21号")
    shop_id = add_pdd_shop(workspace, srv)
    cache_orders(workspace, shop_id, desk, [order_sn(1)])
    ship_order(workspace.session_factory, order_sn(1), "YTO", tracking(1), ACTOR, datetime.now(UTC))
    with workspace.session_factory() as session:
        payload = session.execute(select(OutboxRow.payload)).scalar_one()
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    assert "王小明" not in text and "13912345678" not in text


def test_data_files_hold_no_plaintext(workspace: Workspace, srv: PddServer, tmp_path: Path) -> None:
    """The cache keeps PDD's masks and ciphertexts: the database file holds no plaintext receiver."""
    desk = LogisticsDesk(srv)
    desk.add_order(order_sn(1), name="王小明", phone="13912345678", address="紫金港路21号")
    shop_id = add_pdd_shop(workspace, srv)
    cache_orders(workspace, shop_id, desk, [order_sn(1)])
    workspace.engine.dispose()
    blob = b"".join(p.read_bytes() for p in workspace.data_dir.rglob("*") if p.is_file())
    for plain in ("王小明", "13912345678", "紫金港路21号"):
        assert plain.encode() not in blob and json.dumps(plain)[1:-1].encode() not in blob
    assert b"139****5678" in blob  # the mask is what the cache holds

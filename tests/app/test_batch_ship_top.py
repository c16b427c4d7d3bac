"""Batch-shipped orders of a Taobao shop reach the loopback TOP gateway (real HTTP, its own reg_mail_no checks in
taobao.logistics.offline.send): one ship-back per order, delivered once, with the auto-filled number of each of the
six carriers, and a second flush sends nothing again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pdtest.top_server import TopServer
from pdtest.top_shop import synced_shop
from sqlalchemy import select

from app.domain.enums import OrderStatus, OutboxState
from app.persistence.rows import OutboxRow
from app.services.audit import Actor
from app.services.batch_ship import plan_batch_ship, ship_plan
from app.services.orders import list_orders
from app.services.workspace import Workspace
from app.sync.service import flush_outbox
from app.sync.top import RetryPolicy

FAST = RetryPolicy(attempts=2, backoff_s=0.01, max_backoff_s=0.01)
FIRST = {
    "ZTO": "73600316247086",
    "YTO": "YT6491907189408",
    "STO": "773367326370601",
    "YUNDA": "431234567890123",
    "SF": "SF1023574470215",
    "EMS": "EA123456785CN",
}


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(seed=8, n_trades=60) as srv:
        yield srv


def test_each_carriers_batch_is_delivered_once(workspace: Workspace, server: TopServer) -> None:
    synced_shop(workspace, server)
    waiting = [
        o.order_no
        for o in list_orders(workspace.session_factory, limit=1000)
        if o.block_reason() is None and o.status is OrderStatus.AWAITING_SHIPMENT
    ]
    assert len(waiting) >= 2 * len(FIRST)
    expected: dict[str, tuple[str, str]] = {}
    for i, (carrier, first) in enumerate(FIRST.items()):
        batch = waiting[2 * i : 2 * i + 2]
        report = ship_plan(
            workspace.session_factory,
            plan_batch_ship(workspace.session_factory, batch, carrier, first),
            Actor("packer", "bench-1"),
            datetime.now(UTC),
        )
        assert report.skipped == () and [s.order_no for s in report.shipped] == batch
        expected.update({s.order_no: (carrier, s.tracking_no) for s in report.shipped})

    flushed = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert flushed.sent == len(expected) and flushed.retry_later == 0
    again = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST, now_too=True)
    assert again.sent == again.verified == 0

    assert {tid: server.ship_calls[tid] for tid in expected} == dict.fromkeys(expected, 1)
    trades = server.trades_snapshot()
    for tid, (carrier, number) in expected.items():
        subs = trades[tid]["orders"]["order"]
        assert {(s.get("logistics_company"), s.get("invoice_no")) for s in subs if s.get("invoice_no")} == {
            (carrier, number)
        }
    with workspace.session_factory() as s:
        states = set(s.scalars(select(OutboxRow.state).where(OutboxRow.kind == "ship")))
    assert states == {OutboxState.DONE.value}


def test_numbers_the_platforms_pattern_refuses_are_skipped_before_anything_is_recorded(
    workspace: Workspace, server: TopServer
) -> None:
    synced_shop(workspace, server)
    waiting = [
        o.order_no
        for o in list_orders(workspace.session_factory, limit=1000)
        if o.block_reason() is None and o.status is OrderStatus.AWAITING_SHIPMENT
    ][:2]
    plan = plan_batch_ship(workspace.session_factory, waiting, "STO", "STO0000000001")  # an older STO roll
    assert plan.rows == ()
    assert [s.reason.id for s in plan.skipped] == ["shipping.platform_pattern"] * 2
    assert "STO0000000002" in plan.skipped[1].reason.render()

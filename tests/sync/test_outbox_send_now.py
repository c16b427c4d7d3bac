"""Delivering ship-backs now: an explicit flush (`packdesk outbox flush`) tries every waiting entry at once, even
those waiting out their backoff after a failure; the background round keeps the backoff."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pdtest.top_server import TopServer
from pdtest.top_shop import synced_shop
from sqlalchemy import select

from app.cli import main
from app.domain.enums import OrderStatus, OutboxState
from app.domain.messages import english
from app.persistence.rows import OrderLineRow, OrderRow, OutboxRow
from app.services.audit import Actor
from app.services.shipping import ship_order
from app.services.workspace import Workspace
from app.sync.service import flush_outbox
from app.sync.top import RetryPolicy

FAST = RetryPolicy(attempts=2, backoff_s=0.01, max_backoff_s=0.01)
SEND = "taobao.logistics.offline.send"


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(seed=5, n_trades=60) as srv:
        yield srv


def ship_three(ws: Workspace) -> list[str]:
    with ws.session_factory() as session:
        nos = list(
            session.scalars(
                select(OrderRow.order_no)
                .where(
                    OrderRow.status == OrderStatus.AWAITING_SHIPMENT.value,
                    ~OrderRow.lines.any(OrderLineRow.refund_status != "none"),
                )
                .order_by(OrderRow.order_no)
                .limit(3)
            )
        )
    for n, no in enumerate(nos):
        ship_order(ws.session_factory, no, "ZTO", f"7{n:013d}", Actor("packer", "bench-1"), datetime.now(UTC))
    return nos


def entries(ws: Workspace) -> list[OutboxRow]:
    """The outbox rows, detached; each last error (stored as a message) read as its English."""
    with ws.session_factory() as session:
        rows = list(session.scalars(select(OutboxRow).order_by(OutboxRow.id)))
        session.expunge_all()
    for row in rows:
        row.last_error = english(row.last_error)
    return rows


def flush_cli(ws: Workspace) -> dict:
    out = io.StringIO()
    assert main(["--data-dir", str(ws.data_dir), "outbox", "flush", "--json"], out=out) == 0
    return json.loads(out.getvalue())


def fail_sends(ws: Workspace, server: TopServer) -> list[str]:
    """Three ship-backs whose first try failed (the gateway answered HTTP 500): each waits out its backoff."""
    synced_shop(ws, server)
    shipped = ship_three(ws)
    server.faults.server_error = 1.0
    server.faults.only_methods = frozenset({SEND})
    report = flush_outbox(ws.session_factory, ws.data_dir, retry=FAST)
    assert report.retry_later == 3 and report.sent == 0
    now = datetime.now(UTC)
    assert all(e.state == OutboxState.PENDING and e.next_attempt_at > now and e.last_error for e in entries(ws))
    server.faults.reset()  # the network is back
    return shipped


def test_flush_right_after_a_failure_sends_everything_waiting(workspace: Workspace, server: TopServer) -> None:
    shipped = fail_sends(workspace, server)
    report = flush_cli(workspace)
    assert report["sent"] + report["verified"] == 3 and report["retry_later"] == 0
    assert {e.state for e in entries(workspace)} == {OutboxState.DONE}
    assert {tid: server.ship_calls[tid] for tid in shipped} == dict.fromkeys(shipped, 1)


def test_the_background_round_keeps_the_backoff(workspace: Workspace, server: TopServer) -> None:
    fail_sends(workspace, server)
    before = [(e.attempts, e.next_attempt_at) for e in entries(workspace)]
    report = flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert report.sent == report.verified == report.retry_later == 0
    assert [(e.attempts, e.next_attempt_at) for e in entries(workspace)] == before
    assert server.ship_calls.total() == 0


def test_entries_it_cannot_send_keep_their_reason(workspace: Workspace, server: TopServer) -> None:
    fail_sends(workspace, server)
    reasons = [e.last_error for e in entries(workspace)]
    server.faults.expired_session = True  # still cannot go: the first says why, the others keep their reason
    report = flush_cli(workspace)
    assert report["sent"] == 0 and report["retry_later"] == 3
    after = entries(workspace)
    assert all(e.state == OutboxState.PENDING for e in after)
    assert "session" in (after[0].last_error or "").lower()
    assert [e.last_error for e in after[1:]] == reasons[1:]
    assert server.ship_calls.total() == 0

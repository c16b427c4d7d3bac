"""The outbox repository on a real SQLite file: a ship-back queued, claimed, retried, delivered, and its typed payload
encoded and decoded (rows from before the version included)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pdtest.stored import ORDER_NO, add_order
from sqlalchemy import select

from app.domain.enums import OutboxState
from app.domain.messages import msg
from app.domain.outbox import SHIPMENT_VERSION, ShipmentPayload
from app.persistence.outbox import OutboxRepository, decode_shipment, encode_shipment, listed_fields
from app.persistence.rows import OutboxRow, ShopRow
from app.services.workspace import Workspace

NOW = datetime(2025, 3, 2, 8, 0, tzinfo=UTC)
PAYLOAD = ShipmentPayload(ORDER_NO, "taobao", "YTO", "YT1234567890123", ("49175697149760001",), partial=True)


def _queue(workspace: Workspace, *, api: bool = True) -> int:
    with workspace.session_factory.begin() as session:
        order = add_order(session)
        order.shop.gateway_url = "https://gw.example/router/rest" if api else None
        return OutboxRepository(session).enqueue_shipment(
            shop_id=order.shop_id, order_id=order.id, payload=PAYLOAD, now=NOW
        )


def test_payload_round_trips_with_its_version() -> None:
    marked = PAYLOAD.retried(unclear=True, code="isp.timeout").exported(NOW, "ship.csv").entered()
    for payload in (PAYLOAD, marked):
        stored = encode_shipment(payload)
        assert stored["version"] == SHIPMENT_VERSION
        assert decode_shipment(stored) == payload


def test_a_row_from_before_the_version_still_decodes() -> None:
    old = {
        "order_no": ORDER_NO,
        "platform": "taobao",
        "carrier": "ZTO",
        "tracking_no": "78123456789012",
        "line_nos": ["a", "b"],
        "partial": False,
        "unclear": True,
        "reason_code": "isp.remote-connection-error",
    }
    payload = decode_shipment(old)
    assert payload == ShipmentPayload(
        ORDER_NO, "taobao", "ZTO", "78123456789012", ("a", "b"), unclear=True, reason_code="isp.remote-connection-error"
    )
    assert payload.version == 1
    # written back, it keeps every key it had and gains the version
    assert encode_shipment(payload) == {**old, "version": 1}


def test_listing_shows_neither_the_version_nor_the_unclear_mark() -> None:
    fields = listed_fields(PAYLOAD.retried(unclear=True, code="x"))
    assert "version" not in fields and "unclear" not in fields
    assert fields["reason_code"] == "x" and fields["line_nos"] == ["49175697149760001"]


def test_enqueue_stores_the_payload_under_its_dedupe_key(workspace: Workspace) -> None:
    entry_id = _queue(workspace)
    with workspace.session_factory() as session:
        row = session.get(OutboxRow, entry_id)
        assert row is not None and row.state == OutboxState.PENDING and row.kind == "ship"
        assert row.dedupe_key == f"ship:{row.shop_id}:{ORDER_NO}:YT1234567890123"
        assert decode_shipment(row.payload) == PAYLOAD


def test_claim_retry_and_deliver(workspace: Workspace) -> None:
    entry_id = _queue(workspace)
    with workspace.session_factory.begin() as session:
        repo = OutboxRepository(session)
        assert repo.due_shipments(NOW) == [entry_id]
        claimed = repo.claim_shipment(entry_id)
        assert claimed is not None and claimed.payload == PAYLOAD and not claimed.verify_first
    with workspace.session_factory.begin() as session:
        repo = OutboxRepository(session)
        # a claim found `sending` (a crash mid-call) must be verified first
        again = repo.claim_shipment(entry_id)
        assert again is not None and again.verify_first
        repo.retry_later(entry_id, NOW, msg("outbox.not_confirmed"), unclear=True, code="c", wait=timedelta)
    with workspace.session_factory.begin() as session:
        repo = OutboxRepository(session)
        row = session.get(OutboxRow, entry_id)
        assert row is not None and row.attempts == 2 and row.next_attempt_at == NOW + timedelta(2)
        assert repo.due_shipments(NOW) == [] and repo.due_shipments(None) == [entry_id]
        claimed = repo.claim_shipment(entry_id)
        assert claimed is not None and claimed.verify_first  # unclear: it may have shipped
        repo.mark_delivered(entry_id, NOW, msg("outbox.verified"))
    with workspace.session_factory() as session:
        (item,) = OutboxRepository(session).items(10)
        assert item.state == OutboxState.DONE and item.done_at == NOW and item.last_error == msg("outbox.verified")
        assert item.payload == PAYLOAD  # the marks of the failed attempts are gone
        assert OutboxRepository(session).claim_shipment(entry_id) is None


def test_a_refused_entry_keeps_its_unclear_mark_and_stops(workspace: Workspace) -> None:
    entry_id = _queue(workspace)
    with workspace.session_factory.begin() as session:
        repo = OutboxRepository(session)
        repo.retry_later(entry_id, NOW, msg("outbox.not_confirmed"), unclear=True, code="a", wait=timedelta)
        repo.mark_failed(entry_id, msg("outbox.not_confirmed"), code="b")
    with workspace.session_factory() as session:
        (item,) = OutboxRepository(session).items(10)
        assert item.state == OutboxState.FAILED and item.next_attempt_at is None
        assert item.payload.unclear and item.payload.reason_code == "b"
        assert OutboxRepository(session).state_counts() == {OutboxState.FAILED: 1}


def test_shipments_of_a_shop_without_api_wait_for_the_seller(workspace: Workspace) -> None:
    entry_id = _queue(workspace, api=False)
    with workspace.session_factory.begin() as session:
        repo = OutboxRepository(session)
        assert repo.due_shipments(None) == []
        assert repo.waiting_for_seller_count() == 1 and repo.shops_waiting_for_seller() == ["店铺A"]
        shop_id = session.execute(select(ShopRow.id)).scalar_one()
        assert repo.waiting_for_seller(shop_id + 1) == {}
        repo.mark_exported([entry_id], NOW, "ship.csv")
        (exported,) = repo.waiting_for_seller(shop_id).values()
        assert exported.exported_at == NOW.isoformat() and exported.export_file == "ship.csv"
        repo.mark_entered_by_hand([entry_id], NOW)
    with workspace.session_factory() as session:
        repo = OutboxRepository(session)
        assert repo.waiting_for_seller_count() == 0 and repo.waiting_for_seller() == {}
        (item,) = repo.items(10)
        assert item.state == OutboxState.DONE and item.payload.entered_by_hand and item.last_error is None

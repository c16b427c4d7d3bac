"""Migration 0027_unpaid_history: orders not paid yet stay out of the history until they are paid, as stored by the
cache (app.sync.store): nothing for an unpaid order or one closed unpaid, the `paid` event and its lines joining the
backlog dated by the payment, events of paid orders as before; a downgrade puts 0021's triggers back. And stock is
never allotted to an unpaid order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from alembic import command
from sqlalchemy import select, text

from app.domain.enums import OrderStatus, Platform
from app.persistence.db import _alembic_config, current_revision, head_revision, upgrade
from app.persistence.rows import HistoryEventRow, OrderRow, ProductRow
from app.persistence.shops import ShopRepository
from app.services.workspace import Workspace
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.store import upsert_orders

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


def _order(no: str, status: OrderStatus, at: datetime, modified: datetime) -> PlatformOrder:
    line = PlatformLine(line_no=no + "1", sku="MUG-01", title="马克杯", qty=2, price=Decimal("29.90"))
    return PlatformOrder(order_no=no, status=status, platform_status=status.value, paid_at=at,
                         deadline=at + timedelta(hours=48), modified_at=modified, lines=(line,))  # fmt: skip


def _store(ws: Workspace, *orders: PlatformOrder) -> None:
    with ws.session_factory.begin() as session:
        shop = ShopRepository(session).by_name("店") or ShopRepository(session).add("店", Platform.TAOBAO, T0)
        upsert_orders(session, shop.id, "taobao", orders)


def _events(ws: Workspace, no: str) -> list[tuple[str, datetime, int]]:
    with ws.session_factory() as session:
        query = (
            select(HistoryEventRow.kind, HistoryEventRow.at, HistoryEventRow.qty)
            .join(OrderRow, OrderRow.id == HistoryEventRow.order_id)
            .where(OrderRow.order_no == no)
            .order_by(HistoryEventRow.id)
        )
        return [tuple(r) for r in session.execute(query)]  # type: ignore[misc]


def test_unpaid_orders_join_the_history_when_paid(workspace: Workspace) -> None:
    paid_at = T0 + timedelta(hours=3)
    unpaid = OrderStatus.AWAITING_PAYMENT
    _store(workspace, _order("1", unpaid, T0, T0), _order("2", unpaid, T0, T0),
           _order("3", OrderStatus.AWAITING_SHIPMENT, T0, T0))  # fmt: skip
    assert _events(workspace, "1") == _events(workspace, "2") == []
    assert _events(workspace, "3") == [("paid", T0, 0), ("line_in", T0, 2)]  # a paid order, as before
    later = T0 + timedelta(hours=4)
    _store(workspace, _order("1", OrderStatus.AWAITING_SHIPMENT, paid_at, later),
           _order("2", OrderStatus.CLOSED, T0, later), _order("3", OrderStatus.CLOSED, T0, later))  # fmt: skip
    assert _events(workspace, "1") == [("paid", paid_at, 0), ("line_in", paid_at, 2)]
    assert _events(workspace, "2") == []  # closed unpaid: never in the backlog
    assert [k for k, _, _ in _events(workspace, "3")] == ["paid", "line_in", "closed", "line_out"]


def test_a_downgrade_puts_the_earlier_triggers_back(workspace: Workspace) -> None:
    def triggers() -> dict[str, str]:
        with workspace.engine.connect() as conn:
            rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
            return {name: sql for name, sql in rows if name.startswith("history_order")}

    assert "history_order_paid" in triggers() and "awaiting_payment" in triggers()["history_order_insert"]
    cfg = _alembic_config()
    with workspace.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0024_note_paid_indexes")
    assert "history_order_paid" not in triggers()
    assert all("awaiting_payment" not in sql for sql in triggers().values())
    upgrade(workspace.engine)
    assert current_revision(workspace.engine) == head_revision()
    assert "history_order_paid" in triggers()


def test_stock_is_never_allotted_to_an_unpaid_order(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        session.add(ProductRow(sku="MUG-01", title="马克杯", price=2990, stock=2, stock_tracked=True))
    unpaid = OrderStatus.AWAITING_PAYMENT
    _store(
        workspace, _order("1", unpaid, T0, T0), _order("2", OrderStatus.AWAITING_SHIPMENT, T0 + timedelta(hours=1), T0)
    )
    with workspace.session_factory() as session:
        statuses = dict(session.execute(select(OrderRow.order_no, OrderRow.status)).all())
        reserved = session.scalar(select(ProductRow.reserved).where(ProductRow.sku == "MUG-01"))
    assert statuses == {"1": "awaiting_payment", "2": "awaiting_shipment"}  # the two units went to the paid one
    assert reserved == 2
    _store(workspace, _order("3", OrderStatus.AWAITING_SHIPMENT, T0 + timedelta(hours=2), T0))
    with workspace.session_factory() as session:
        assert session.scalar(select(OrderRow.status).where(OrderRow.order_no == "3")) == "out_of_stock"
        assert session.scalar(select(OrderRow.status).where(OrderRow.order_no == "1")) == "awaiting_payment"

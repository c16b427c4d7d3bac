"""Models on a real SQLite file: money, times, string ids, constraints, pragmas, and models == migrations."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from pdtest.stored import CST, ORDER_NO, add_order
from sqlalchemy import exc as sa_exc
from sqlalchemy import select, text

from app.domain.enums import PackageState
from app.persistence.base import Base
from app.persistence.db import current_revision, head_revision
from app.persistence.order_query import modelled
from app.persistence.repositories import OrderRepository
from app.persistence.rows import OrderLineRow, OrderRow, PackageRow, ProductRow
from app.services.workspace import Workspace


def test_money_round_trips_exactly(workspace: Workspace) -> None:
    total = Decimal("0.10") + Decimal("0.20")
    assert 0.1 + 0.2 != 0.3  # the float trap this avoids
    with workspace.session_factory.begin() as s:
        add_order(s, total=total, post_fee=Decimal("12345678.99"))
        s.add(ProductRow(sku="BIG", title="t", price=Decimal("99999999999.99")))
    with workspace.session_factory() as s:
        row = s.execute(select(OrderRow)).scalar_one()
        assert row.total == Decimal("0.30") and isinstance(row.total, Decimal)
        assert str(row.total) == "0.30"
        assert row.post_fee == Decimal("12345678.99")
        assert sum((ln.price for ln in row.lines), Decimal(0)) == Decimal("0.30")
        assert s.execute(select(ProductRow.price)).scalar_one() == Decimal("99999999999.99")
        # stored as integer fen, not as a float
        raw = s.execute(text("SELECT total, typeof(total) FROM orders")).one()
        assert tuple(raw) == (30, "integer")


def test_repository_money_keeps_two_places(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as s:
        add_order(s, total=Decimal("59"))
    with workspace.session_factory() as s:
        order = OrderRepository(s).get(ORDER_NO)
        assert order is not None
        assert order.to_json()["total"] == "59.00"
        assert [ln["price"] for ln in order.to_json()["lines"]] == ["0.10", "0.20"]


def test_datetimes_come_back_aware_utc(workspace: Workspace) -> None:
    paid = datetime(2025, 3, 1, 10, 30, 15, 123456, tzinfo=CST)
    with workspace.session_factory.begin() as s:
        add_order(s, paid_at=paid)
    with workspace.session_factory() as s:
        row = s.execute(select(OrderRow)).scalar_one()
        assert row.paid_at.tzinfo is not None and row.paid_at.utcoffset() == timedelta(0)
        assert row.paid_at == paid  # the same instant
        assert row.paid_at.hour == 2  # 10:30 CST is 02:30 UTC
        assert row.paid_at.microsecond == 123456
        assert row.deadline - row.paid_at == timedelta(hours=48)
        order = OrderRepository(s).get(ORDER_NO)
        assert order is not None
        assert order.to_json()["paid_at"] == "2025-03-01T10:30:15.123456+08:00"


def test_naive_datetimes_are_refused(workspace: Workspace) -> None:
    with pytest.raises(sa_exc.StatementError, match="naive"):
        with workspace.session_factory.begin() as s:
            add_order(s, paid_at=datetime(2025, 3, 1, 10, 30))
    with workspace.session_factory() as s:
        assert s.execute(select(OrderRow)).first() is None


def test_platform_ids_are_strings(workspace: Workspace) -> None:
    leading_zero = "0012345678901234567"
    with workspace.session_factory.begin() as s:
        add_order(s)
        add_order(s, order_no=leading_zero)
    with workspace.session_factory() as s:
        nos = s.execute(select(OrderRow.order_no).order_by(OrderRow.id)).scalars().all()
        assert nos == [ORDER_NO, leading_zero]
        assert all(isinstance(n, str) for n in nos)
        lines = s.execute(select(OrderLineRow.line_no).order_by(OrderLineRow.id)).scalars().all()
        assert lines[0] == "4917569714976310001" and isinstance(lines[0], str)
        assert s.execute(text("SELECT typeof(order_no) FROM orders")).scalars().all() == ["text", "text"]
        order = OrderRepository(s).get(leading_zero)
        assert order is not None and order.order_no == leading_zero


def test_same_order_number_may_exist_in_two_shops_but_not_twice_in_one(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as s:
        add_order(s)
        add_order(s, shop_name="店铺B")
    with pytest.raises(sa_exc.IntegrityError):
        with workspace.session_factory.begin() as s:
            add_order(s)


def test_foreign_keys_are_enforced(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(sa_exc.IntegrityError, match="FOREIGN KEY"):
        with workspace.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO order_lines (order_id, line_no, sku, title, spec, qty, price, refund_status) "
                    "VALUES (9999, '1', 'X', 'x', '', 1, 100, 'none')"
                )
            )
    with pytest.raises(sa_exc.IntegrityError):
        with workspace.session_factory.begin() as s:
            s.add(OrderLineRow(order_id=424242, line_no="1", sku="X", title="x", qty=1, price=Decimal("1")))
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM order_lines").scalar() == 0


def test_deleting_an_order_cascades_to_its_lines(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as s:
        order_id = add_order(s).id
    with workspace.engine.begin() as conn:
        conn.execute(text("DELETE FROM orders WHERE id = :id"), {"id": order_id})
        assert conn.exec_driver_sql("SELECT count(*) FROM order_lines").scalar() == 0


def test_wal_journal_mode_and_busy_timeout(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 500  # PACKDESK_BUSY_TIMEOUT=0.5
    # persistent in the file: a plain sqlite3 connection sees WAL too
    plain = sqlite3.connect(workspace.data_dir / "packdesk.db")
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        plain.close()


def test_tracking_number_is_unique_across_orders(workspace: Workspace) -> None:
    now = datetime.now(UTC)
    with workspace.session_factory.begin() as s:
        a = add_order(s)
        b = add_order(s, order_no="4917569714976318075")
        s.add(
            PackageRow(order=a, carrier="ZTO", tracking_no="73600316247086", state=PackageState.PRINTED, created_at=now)
        )
        a_id, b_id = a.id, b.id
    with pytest.raises(sa_exc.IntegrityError, match="UNIQUE"):
        with workspace.session_factory.begin() as s:
            s.add(
                PackageRow(
                    order_id=b_id, carrier="ZTO", tracking_no="73600316247086", state="allocated", created_at=now
                )
            )
    # even a voided parcel keeps its number: a number is never used twice
    with pytest.raises(sa_exc.IntegrityError):
        with workspace.session_factory.begin() as s:
            s.add(PackageRow(order_id=a_id, carrier="ZTO", tracking_no="73600316247086", state="void", created_at=now))
    with workspace.session_factory() as s:
        assert s.execute(select(PackageRow.order_id)).scalars().all() == [a_id]


def test_package_routing_json_round_trips(workspace: Workspace) -> None:
    routing = {"sort_headline": "021 上海", "route_code": "021-110-07 407", "consolidation": "上海转运中心"}
    with workspace.session_factory.begin() as s:
        s.add(
            PackageRow(
                order=add_order(s),
                carrier="ZTO",
                tracking_no="73600316247086",
                state="printed",
                routing=routing,
                created_at=datetime.now(UTC),
            )
        )
    with workspace.session_factory() as s:
        assert s.execute(select(PackageRow.routing)).scalar_one() == routing


def test_search_treats_like_wildcards_literally(workspace: Workspace) -> None:
    """Buyer nicks are full of underscores (tb12345678_2019); searching one must not match every order."""
    with workspace.session_factory.begin() as s:
        add_order(s, buyer_nick="tb_1")
        add_order(s, order_no="4917569714976318075", buyer_nick="tbx1")
    with workspace.session_factory() as s:
        repo = OrderRepository(s)
        assert [o.buyer_nick for o in repo.list(search="tb_1")] == ["tb_1"]
        assert repo.list(search="100%") == []
        assert [o.order_no for o in repo.list(search="18075")] == ["4917569714976318075"]


def test_workspace_is_at_head(workspace: Workspace) -> None:
    assert current_revision(workspace.engine) == head_revision()


def test_models_and_migrations_agree(workspace: Workspace) -> None:
    """What `alembic revision --autogenerate` would find on a migrated database: nothing."""
    with workspace.engine.connect() as conn:
        opts = {"compare_type": True, "compare_server_default": True, "include_name": modelled}  # FTS5: SQL only
        ctx = MigrationContext.configure(conn, opts=opts)
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_every_commit_survives_a_power_cut(workspace) -> None:  # noqa: ANN001
    """WAL with synchronous=NORMAL may lose the last commits when the power goes; FULL (2) does not."""
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2

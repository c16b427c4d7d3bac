"""Schema upgrades in place: a database from the first release opens in this one with every row intact; databases
PackDesk did not write (newer schema, another program's tables) are refused before anything is changed."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.domain.enums import OrderStatus, Platform, RefundStatus
from app.domain.errors import DatabaseError
from app.persistence.base import Base
from app.persistence.db import current_revision, head_revision, make_engine, sqlite_url, upgrade
from app.persistence.order_query import modelled
from app.persistence.repositories import CatalogueRepository, OrderRepository
from app.services.workspace import open_workspace

ORDER_NO = "4917569714976318074"


def make_v1_database(data_dir: Path) -> Path:
    """A packdesk.db as the first release (schema 0001_orders) left it, filled with plain SQL."""
    data_dir.mkdir(parents=True)
    db = data_dir / "packdesk.db"
    engine = make_engine(sqlite_url(db))
    try:
        upgrade(engine, "0001_orders")
        assert current_revision(engine) == "0001_orders"
        assert "packages" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(
                "INSERT INTO shop_groups (id, name, sender_name, sender_phone, sender_province, sender_city, "
                "sender_district, sender_detail) "
                "VALUES (1, '老店组', '老店', '0571-1', '浙江省', '杭州市', '余杭区', '1号')"
            )
            conn.execute(
                "INSERT INTO shops (id, name, platform, group_id, gateway_url, app_key, credentials_ref, created_at) "
                "VALUES (1, '老店', 'taobao', 1, NULL, NULL, NULL, '2024-06-01 00:00:00.000000')"
            )
            conn.execute(
                "INSERT INTO products (id, sku, title, spec, price, weight_g, stock) "
                "VALUES (1, 'MUG-01', '陶瓷马克杯', '颜色:米白', 2990, 380, 12)"
            )
            conn.execute("INSERT INTO barcodes (code, product_id, units) VALUES ('6901234567892', 1, 1)")
            conn.execute("INSERT INTO barcodes (code, product_id, units) VALUES ('16901234567899', 1, 6)")
            conn.execute(
                "INSERT INTO orders (id, shop_id, order_no, platform, status, platform_status, buyer_nick, "
                "receiver_name, receiver_phone, receiver_province, receiver_city, receiver_district, receiver_town, "
                "receiver_address, buyer_message, seller_memo, flag, total, post_fee, paid_at, deadline, modified_at) "
                "VALUES (1, 1, ?, 'taobao', 'awaiting_shipment', 'WAIT_SELLER_SEND_GOODS', 'tb123_2020', '张*', "
                "'138****5678', '浙江省', '杭州市', '西湖区', '', '文三路1号', '请尽快发货😊', '加急', 1, 8970, 0, "
                "'2024-06-01 02:30:00.000000', '2024-06-03 02:30:00.000000', '2024-06-01 02:31:00.000000')",
                (ORDER_NO,),
            )
            for i, (sku, qty, price, refund) in enumerate(
                [("MUG-01", 2, 2990, "none"), ("MUG-01", 1, 2990, "requested")], start=1
            ):
                conn.execute(
                    "INSERT INTO order_lines (order_id, line_no, sku, title, spec, qty, price, refund_status) "
                    "VALUES (1, ?, ?, '陶瓷马克杯', '颜色:米白', ?, ?, ?)",
                    (ORDER_NO[:-4] + f"{i:04d}", sku, qty, price, refund),
                )
    finally:
        conn.close()
    return db


def test_first_release_database_is_upgraded_in_place(data_dir: Path) -> None:
    db = make_v1_database(data_dir)

    ws = open_workspace(data_dir)
    try:
        assert ws.data_dir == data_dir
        assert (data_dir / "packdesk.db") == db
        assert current_revision(ws.engine) == head_revision()
        tables = set(inspect(ws.engine).get_table_names())
        assert {"packages", "print_jobs", "scan_events", "audit_log", "outbox"} <= tables

        with ws.session_factory() as s:
            order = OrderRepository(s).get(ORDER_NO)
            assert order is not None
            assert order.order_no == ORDER_NO
            assert order.shop == "老店" and order.platform is Platform.TAOBAO
            assert order.status is OrderStatus.AWAITING_SHIPMENT
            assert order.total == Decimal("89.70")
            assert order.paid_at == datetime(2024, 6, 1, 2, 30, tzinfo=UTC)
            assert order.deadline == datetime(2024, 6, 3, 2, 30, tzinfo=UTC)
            assert order.buyer_message == "请尽快发货😊" and order.memo == "加急"
            assert order.receiver.name == "张*" and order.receiver.phone == "138****5678"
            assert [(ln.qty, ln.price, ln.refund) for ln in order.lines] == [
                (2, Decimal("29.90"), RefundStatus.NONE),
                (1, Decimal("29.90"), RefundStatus.REQUESTED),
            ]
            assert order.lines[0].barcodes == ("6901234567892", "16901234567899")
            assert order.tracking_no is None and order.print_count == 0
            hit = CatalogueRepository(s).lookup("16901234567899")
            assert hit is not None and (hit.sku, hit.units) == ("MUG-01", 6)
            assert [o.order_no for o in OrderRepository(s).list()] == [ORDER_NO]
    finally:
        ws.close()

    # the upgraded file matches the models exactly, like a fresh one
    engine = make_engine(sqlite_url(db))
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_name": modelled})  # FTS5 tables: SQL only
            assert compare_metadata(ctx, Base.metadata) == []
    finally:
        engine.dispose()

    # opening again is a no-op
    ws = open_workspace(data_dir)
    try:
        assert current_revision(ws.engine) == head_revision()
        with ws.session_factory() as s:
            assert OrderRepository(s).get(ORDER_NO) is not None
    finally:
        ws.close()


def test_a_first_release_database_differs_from_the_models(data_dir: Path) -> None:
    """The check above is not vacuous: before the upgrade autogenerate sees the missing tables."""
    db = make_v1_database(data_dir)
    engine = make_engine(sqlite_url(db))
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    added = {d[1].name for d in diff if d[0] == "add_table"}
    assert {"packages", "print_jobs", "scan_events", "audit_log", "outbox"} <= added


def _digest(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def test_database_from_a_newer_packdesk_is_refused(data_dir: Path) -> None:
    open_workspace(data_dir).close()
    db = data_dir / "packdesk.db"
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()
    before = _digest(db)

    with pytest.raises(DatabaseError, match="newer PackDesk"):
        open_workspace(data_dir)
    assert _digest(db) == before

    engine = make_engine(sqlite_url(db))
    try:
        with pytest.raises(DatabaseError, match="newer PackDesk"):
            upgrade(engine)
    finally:
        engine.dispose()
    assert _digest(db) == before


def test_sqlite_file_with_foreign_tables_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "packdesk.db"
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Alice')")
    conn.close()
    before = _digest(db)

    with pytest.raises(DatabaseError, match="not a PackDesk one"):
        open_workspace(data_dir)

    assert _digest(db) == before  # no alembic_version, no PackDesk tables added
    conn = sqlite3.connect(db)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    assert names == {"customers"}


def test_refused_foreign_file_is_left_byte_for_byte(data_dir: Path) -> None:
    """Refusing another program's database must not touch it; switching it to WAL (file header bytes 18-19 go from
    1 to 2, and -wal/-shm files appear next to it) changes how that program, or a network share, can open it."""
    data_dir.mkdir(parents=True)
    db = data_dir / "packdesk.db"
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    before = db.read_bytes()
    assert before[18:20] == b"\x01\x01"  # rollback-journal file format

    with pytest.raises(DatabaseError, match="not a PackDesk one"):
        open_workspace(data_dir)

    assert db.read_bytes()[18:20] == b"\x01\x01", "the refused file was switched to WAL"
    assert db.read_bytes() == before


def test_empty_file_is_a_new_database(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "packdesk.db").write_bytes(b"")
    ws = open_workspace(data_dir)
    try:
        assert current_revision(ws.engine) == head_revision()
    finally:
        ws.close()


def test_upgrade_to_head_is_idempotent(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    engine = make_engine(sqlite_url(data_dir / "packdesk.db"))
    try:
        upgrade(engine)
        upgrade(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()

"""The unshipped-order workspace finds any order in a million: indexes for each filter and sort (ship-by, paid,
amount, items, province, shop, platform, flag, buyer message, seller memo, carrier, print count), each order's units
kept on its row (the items sort), and a full-text index (FTS5, trigram tokenizer: Chinese substrings) over buyer nick,
receiver, phone, line titles and notes, kept in step by triggers whatever writes the rows (ORM, bulk SQL, sync).

Revision ID: 0014_order_search
Revises: 0013_stock
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_order_search"
down_revision = "0013_stock"
branch_labels = None
depends_on = None

# What the text index holds for an order (rowid = orders.id); the same expressions in the backfill and the triggers.
_TITLES = "(SELECT group_concat(title || ' ' || spec, ' ') FROM order_lines WHERE order_id = {id})"
_NOTES = "{row}.buyer_message || ' ' || {row}.seller_memo"

_FTS = [
    "CREATE VIRTUAL TABLE orders_fts USING fts5(buyer_nick, receiver_name, receiver_phone, titles, notes, "
    "tokenize = 'trigram')",
    "INSERT INTO orders_fts (rowid, buyer_nick, receiver_name, receiver_phone, titles, notes) "
    f"SELECT o.id, o.buyer_nick, o.receiver_name, o.receiver_phone, {_TITLES.format(id='o.id')}, "
    f"{_NOTES.format(row='o')} FROM orders o",
    "CREATE TRIGGER orders_fts_insert AFTER INSERT ON orders BEGIN "
    "INSERT INTO orders_fts (rowid, buyer_nick, receiver_name, receiver_phone, titles, notes) "
    f"VALUES (new.id, new.buyer_nick, new.receiver_name, new.receiver_phone, {_TITLES.format(id='new.id')}, "
    f"{_NOTES.format(row='new')}); END",
    "CREATE TRIGGER orders_fts_update AFTER UPDATE OF buyer_nick, receiver_name, receiver_phone, buyer_message, "
    "seller_memo ON orders BEGIN "
    "UPDATE orders_fts SET buyer_nick = new.buyer_nick, receiver_name = new.receiver_name, "
    f"receiver_phone = new.receiver_phone, notes = {_NOTES.format(row='new')} WHERE rowid = new.id; END",
    "CREATE TRIGGER orders_fts_delete AFTER DELETE ON orders BEGIN DELETE FROM orders_fts WHERE rowid = old.id; END",
    # A line's title and quantity reach its order: the text index and the units the items sort reads.
    "CREATE TRIGGER order_lines_insert AFTER INSERT ON order_lines BEGIN "
    "UPDATE orders SET units = units + new.qty WHERE id = new.order_id; "
    f"UPDATE orders_fts SET titles = {_TITLES.format(id='new.order_id')} WHERE rowid = new.order_id; END",
    "CREATE TRIGGER order_lines_update AFTER UPDATE OF qty, title, spec, order_id ON order_lines BEGIN "
    "UPDATE orders SET units = units - old.qty WHERE id = old.order_id; "
    "UPDATE orders SET units = units + new.qty WHERE id = new.order_id; "
    f"UPDATE orders_fts SET titles = {_TITLES.format(id='old.order_id')} WHERE rowid = old.order_id; "
    f"UPDATE orders_fts SET titles = {_TITLES.format(id='new.order_id')} WHERE rowid = new.order_id; END",
    "CREATE TRIGGER order_lines_delete AFTER DELETE ON order_lines BEGIN "
    "UPDATE orders SET units = units - old.qty WHERE id = old.order_id; "
    f"UPDATE orders_fts SET titles = {_TITLES.format(id='old.order_id')} WHERE rowid = old.order_id; END",
]

_INDEXES: list[tuple[str, str, list[str], str | None]] = [
    ("ix_orders_deadline", "orders", ["deadline"], None),
    ("ix_orders_paid_at", "orders", ["paid_at"], None),
    ("ix_orders_total", "orders", ["total"], None),
    ("ix_orders_units", "orders", ["units"], None),
    ("ix_orders_province", "orders", ["receiver_province"], None),
    ("ix_orders_shop_deadline", "orders", ["shop_id", "deadline"], None),
    ("ix_orders_platform_deadline", "orders", ["platform", "deadline"], None),
    ("ix_orders_flag_deadline", "orders", ["flag", "deadline"], None),
    ("ix_orders_message_deadline", "orders", ["deadline"], "buyer_message <> ''"),
    ("ix_orders_memo_deadline", "orders", ["deadline"], "seller_memo <> ''"),
    ("ix_packages_carrier_order", "packages", ["carrier", "order_id"], None),
    ("ix_packages_print_count_order", "packages", ["print_count", "order_id"], None),
]


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("units", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE orders SET units = (SELECT coalesce(sum(qty), 0) FROM order_lines WHERE order_id = orders.id)")
    for name, table, columns, where in _INDEXES:
        op.create_index(name, table, columns, sqlite_where=sa.text(where) if where else None)
    if op.get_bind().dialect.name == "sqlite":
        for statement in _FTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in (
            "orders_fts_insert",
            "orders_fts_update",
            "orders_fts_delete",
            "order_lines_insert",
            "order_lines_update",
            "order_lines_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS orders_fts")
    for name, table, _columns, _where in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("units")

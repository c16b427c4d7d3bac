"""The workspace's "printed" and "reprinted" filters walk an index: each order keeps its print state on its row
(`orders.print_state`: 0 not printed, 1 printed once, 2 printed again), the most any of its live parcels reached,
kept in step by triggers on `packages` whatever writes them (ORM, bulk SQL, sync), and indexed with the ship-by
time. Before, "reprinted" (a few orders in a hundred) walked the ship-by index probing each order's parcels: 25 ms
for its first page at a million orders, by the best hand-written SQL too.

Revision ID: 0029_print_state
Revises: 0028_insured_numbers
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029_print_state"
down_revision = "0028_insured_numbers"
branch_labels = None
depends_on = None

# An order's print state from its live parcels; {id} is the order's id (the same expression in backfill and triggers).
_STATE = (
    "(SELECT coalesce(min(2, max(p.print_count)), 0) FROM packages p "
    "WHERE p.order_id = {id} AND p.state <> 'void' AND p.print_count > 0)"
)
_SET = "UPDATE orders SET print_state = " + _STATE + " WHERE id = {id};"

TRIGGERS = {
    "packages_print_state_insert": "AFTER INSERT ON packages WHEN new.print_count > 0 BEGIN "
    + _SET.format(id="new.order_id")
    + " END",
    "packages_print_state_update": "AFTER UPDATE OF print_count, state, order_id ON packages BEGIN "
    + _SET.format(id="old.order_id")
    + " "
    + _SET.format(id="new.order_id")
    + " END",
    "packages_print_state_delete": "AFTER DELETE ON packages WHEN old.print_count > 0 BEGIN "
    + _SET.format(id="old.order_id")
    + " END",
}


def upgrade() -> None:
    op.add_column("orders", sa.Column("print_state", sa.Integer(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE orders SET print_state = " + _STATE.format(id="orders.id") + " WHERE id IN "
        "(SELECT order_id FROM packages WHERE print_count > 0 AND state <> 'void')"
    )
    op.create_index("ix_orders_print_state_deadline", "orders", ["print_state", "deadline"])
    if op.get_bind().dialect.name == "sqlite":
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in reversed(list(TRIGGERS)):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_orders_print_state_deadline", table_name="orders")
    # Not a batch (table copy): that would drop the other triggers on orders (0014's text index, 0021's rollups).
    op.execute("ALTER TABLE orders DROP COLUMN print_state")

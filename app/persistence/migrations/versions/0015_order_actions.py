"""Acting on the backlog: an order's priority (expedite), the seller's hold with its reason, and a manual out-of-stock
mark with its reason and expected date (app.services.order_actions). Flag and memo write-backs travel in the outbox
(kind `memo`) and need no column.

Revision ID: 0015_order_actions
Revises: 0014_order_search
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_order_actions"
down_revision = "0014_order_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("hold_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("stock_mark", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("stock_expected", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_orders_priority_deadline", ["priority", "deadline"], unique=False)
        batch_op.create_index(
            "ix_orders_stock_mark", ["stock_mark"], unique=False, sqlite_where=sa.text("stock_mark IS NOT NULL")
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_stock_mark")
        batch_op.drop_index("ix_orders_priority_deadline")
        batch_op.drop_column("stock_expected")
        batch_op.drop_column("stock_mark")
        batch_op.drop_column("hold_reason")
        batch_op.drop_column("priority")

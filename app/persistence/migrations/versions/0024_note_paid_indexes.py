"""The workspace's "has seller memo" and "has buyer message" filters sorted by paid time: partial indexes on
`paid_at` over the orders with a memo or a message (about a tenth of them each), walked in paid order instead of
the whole paid index. At a million orders, "awaiting, Taobao, not printed, with a memo, by paid" went from 22.6 ms
to 2.2 ms for its first page (sqlite3 on the workspace bench file).

Revision ID: 0024_note_paid_indexes
Revises: 0023_notices
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024_note_paid_indexes"
down_revision = "0023_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_orders_memo_paid", "orders", ["paid_at"], sqlite_where=sa.text("seller_memo <> ''"))
    op.create_index("ix_orders_message_paid", "orders", ["paid_at"], sqlite_where=sa.text("buyer_message <> ''"))


def downgrade() -> None:
    op.drop_index("ix_orders_message_paid", table_name="orders")
    op.drop_index("ix_orders_memo_paid", table_name="orders")

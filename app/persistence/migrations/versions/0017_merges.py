"""Merged parcels (合并发货, app.services.merges): an order merged into another's parcel names that order, its lead
(`merged_into_id`); the group's parcel is the lead's. Indexed both ways: a lead finds its members (every station
open of a lead), and the workspace finds the orders a page's orders could merge with by buyer, shop and receiver
phone (app.persistence.merges.MergeRepository.marks) instead of scanning the table.

Revision ID: 0017_merges
Revises: 0016_history_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_merges"
down_revision = "0016_history_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite allows REFERENCES with a NULL default; Alembic will not emit it): a batch copy of
    # the table would drop the triggers and the search index 0014_order_search hung on it.
    op.execute("ALTER TABLE orders ADD COLUMN merged_into_id INTEGER REFERENCES orders (id)")
    op.create_index(
        "ix_orders_merged_into", "orders", ["merged_into_id"], sqlite_where=sa.text("merged_into_id IS NOT NULL")
    )
    op.create_index("ix_orders_merge_key", "orders", ["buyer_nick", "shop_id", "receiver_phone"])


def downgrade() -> None:
    op.drop_index("ix_orders_merge_key", table_name="orders")
    op.drop_index("ix_orders_merged_into", table_name="orders")
    op.execute("UPDATE orders SET merged_into_id = NULL")
    with op.batch_alter_table("orders", schema=None) as batch_op:  # SQLite drops no column a foreign key names
        batch_op.drop_column("merged_into_id")

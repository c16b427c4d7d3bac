"""Sync: order content hashes (no-op re-imports), shipped lines, per-shop sync watermarks, platform carriers.

Revision ID: 0004_sync
Revises: 0003_spooler
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_sync"
down_revision = "0003_spooler"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (with a default) works on every database without rebuilding the table.
    op.add_column(
        "orders", sa.Column("content_hash", sa.String(length=40), nullable=False, server_default=sa.text("''"))
    )
    op.add_column("order_lines", sa.Column("shipped", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "sync_state",
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("watermark", sa.DateTime(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["shop_id"], ["shops.id"], name=op.f("fk_sync_state_shop_id_shops")),
        sa.PrimaryKeyConstraint("shop_id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "platform_carriers",
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("pattern", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("platform", "code", name=op.f("pk_platform_carriers")),
    )


def downgrade() -> None:
    op.drop_table("platform_carriers")
    op.drop_table("sync_state")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("shipped")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("content_hash")

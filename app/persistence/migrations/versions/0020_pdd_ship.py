"""Pinduoduo ship-backs: a platform's own id of a carrier (PDD's `logistics_id`, from `pdd.logistics.companies.get`,
which `pdd.logistics.online.send` takes instead of a code). The receiver's ciphertexts a label's provider gets come
from 0019_pdd_sync's `orders.receiver_cipher`.

Revision ID: 0020_pdd_ship
Revises: 0019_pdd_sync
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_pdd_ship"
down_revision = "0019_pdd_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN: a batch copy would rebuild the table
    op.add_column(
        "platform_carriers", sa.Column("platform_id", sa.String(30), nullable=False, server_default=sa.text("''"))
    )


def downgrade() -> None:
    op.drop_column("platform_carriers", "platform_id")  # SQLite 3.35+ drops a column in place

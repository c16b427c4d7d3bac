"""Pinduoduo ship-backs and receiver privacy: a platform's own id of a carrier (PDD's `logistics_id`, from
`pdd.logistics.companies.get`, which `pdd.logistics.online.send` takes instead of a code), and the receiver's
ciphertexts of a PDD order (name, phone and address as PDD sends them, JSON text; "" for other platforms): the cache
and the window keep the masked values, a label's provider gets the ciphertexts, never plaintext.

Revision ID: 0020_pdd_ship
Revises: 0016_history_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_pdd_ship"
down_revision = "0016_history_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN: a batch copy of `orders` would break the triggers on order_lines (0014)
    op.add_column(
        "platform_carriers", sa.Column("platform_id", sa.String(30), nullable=False, server_default=sa.text("''"))
    )
    op.add_column("orders", sa.Column("receiver_cipher", sa.Text(), nullable=False, server_default=sa.text("''")))


def downgrade() -> None:
    op.drop_column("orders", "receiver_cipher")  # SQLite 3.35+ drops a column in place
    op.drop_column("platform_carriers", "platform_id")

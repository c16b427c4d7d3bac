"""Pinduoduo ship-backs and receiver privacy: a platform's own id of a carrier (PDD's `logistics_id`, from
`pdd.logistics.companies.get`, which `pdd.logistics.online.send` takes instead of a code), and the receiver's
ciphertexts of a PDD order (name, phone and address as PDD sends them, JSON text; "" for other platforms): the cache
and the window keep the masked values, a label's provider gets the ciphertexts, never plaintext.

The ciphertexts' column is the one 0019_pdd_sync (the PDD order sync) adds too: where that revision ran first, it is
there already and is left as it is.

Revision ID: 0020_pdd_ship
Revises: 0016_history_index
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0020_pdd_ship"
down_revision = "0016_history_index"
branch_labels = None
depends_on = None


def _has_cipher_column() -> bool:
    return "receiver_cipher" in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("orders")}


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN: a batch copy of `orders` would break the triggers on order_lines (0014)
    op.add_column(
        "platform_carriers", sa.Column("platform_id", sa.String(30), nullable=False, server_default=sa.text("''"))
    )
    if not _has_cipher_column():
        op.add_column("orders", sa.Column("receiver_cipher", sa.Text(), nullable=False, server_default=sa.text("''")))


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place; the ciphertexts' column stays when 0019_pdd_sync owns it
    op.drop_column("platform_carriers", "platform_id")
    if _has_cipher_column() and not list(Path(__file__).parent.glob("0019_*.py")):
        op.drop_column("orders", "receiver_cipher")

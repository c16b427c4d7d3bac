"""Pinduoduo order sync: the receiver's ciphertexts beside PDD's masks (decrypted only when a label needs them), and
the cursor of an unfinished first fill, so a sync killed mid-way resumes at the page it was on.

Revision ID: 0019_pdd_sync
Revises: 0018_splits
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_pdd_sync"
down_revision = "0018_splits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("orders", sa.Column("receiver_cipher", sa.Text(), nullable=False, server_default=sa.text("''")))
    op.add_column("sync_state", sa.Column("cursor", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.drop_column("cursor")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("receiver_cipher")

"""Tracking accounts: a route-query provider (Kuaidi100's real-time query, 实时查询) the after-dispatch round asks for
the routes no platform gives (parcels of imported shops, numbers from a Kuaidi100 waybill account). What is not
secret is stored here; the key is in the keyring under `credentials_ref`.

Revision ID: 0025_tracking_accounts
Revises: 0024_note_paid_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.persistence.types import UtcDateTime

revision = "0025_tracking_accounts"
down_revision = "0024_note_paid_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tracking_accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False, unique=True),
        sa.Column("provider", sa.String(20), nullable=False),
        sa.Column("gateway_url", sa.String(300), nullable=False),
        sa.Column("customer", sa.String(100), nullable=False),
        sa.Column("credentials_ref", sa.String(120), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("tracking_accounts")

"""Packers who sign in at a bench: name, PIN hash, badge code.

Revision ID: 0005_packers
Revises: 0004_sync
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_packers"
down_revision = "0004_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "packers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("badge", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packers")),
        sa.UniqueConstraint("name", name=op.f("uq_packers_name")),
        sa.UniqueConstraint("badge", name=op.f("uq_packers_badge")),
    )


def downgrade() -> None:
    op.drop_table("packers")

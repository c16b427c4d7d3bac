"""Wrong PINs counted per packer and for the supervisor: backoff, lock-out until a supervisor resets it.

Revision ID: 0009_pin_guards
Revises: 0008_mask_receivers
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_pin_guards"
down_revision = "0008_mask_receivers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pin_guards",
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_failure_at", sa.DateTime(), nullable=True),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_pin_guards")),
    )


def downgrade() -> None:
    op.drop_table("pin_guards")

"""Print spooler: who claimed a job for sending and when, and how often it was tried.

Revision ID: 0003_spooler
Revises: 0002_packing
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_spooler"
down_revision = "0002_packing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.create_index(batch_op.f("ix_print_jobs_printer_uri"), ["printer_uri"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_jobs_printer_uri"))
        batch_op.drop_column("attempts")
        batch_op.drop_column("claimed_at")
        batch_op.drop_column("claimed_by")

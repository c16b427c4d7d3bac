"""The receiver a waybill number was issued for, as a digest on its ledger row: a receiver changed after printing is
told from an unchanged one without keeping a second copy of the address.

Revision ID: 0011_issue_receiver
Revises: 0010_waybill_ledger
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_issue_receiver"
down_revision = "0010_waybill_ledger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("waybill_issues", schema=None) as batch_op:
        batch_op.add_column(sa.Column("receiver_digest", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("waybill_issues", schema=None) as batch_op:
        batch_op.drop_column("receiver_digest")

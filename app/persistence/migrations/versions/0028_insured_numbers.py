"""Insurance (保价) kept with the number it was asked for: `waybill_issues.insured` is the value an online provider's
request carried (recorded before the request leaves, so a request asked again or looked up carries the same), and
`packages.insured` the value the parcel's label shows (copied from its request, or from the request a local number
roll was given). Both in fen, NULL when not insured. A label's 保价 mark comes from the parcel, never from the seller's
threshold at print time. Rows from before this revision hold NULL: their labels show no mark.

Revision ID: 0028_insured_numbers
Revises: 0025_tracking_accounts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_insured_numbers"
down_revision = "0025_tracking_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("waybill_issues", schema=None) as batch_op:
        batch_op.add_column(sa.Column("insured", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("insured", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.drop_column("insured")
    with op.batch_alter_table("waybill_issues", schema=None) as batch_op:
        batch_op.drop_column("insured")

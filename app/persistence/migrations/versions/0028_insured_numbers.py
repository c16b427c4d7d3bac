"""Insurance (保价) kept with the number it was asked for: `waybill_issues.insured` is the value an online provider's
request carried (recorded before the request leaves, so a request asked again or looked up carries the same), and
`packages.insured` the value the parcel's label shows (copied from its request, or from the request a local number
roll was given). Both in fen, NULL when not insured. A label's 保价 mark comes from the parcel, never from the seller's
threshold at print time. Rows from before this revision hold NULL: their labels show no mark.

Revision ID: 0028_insured_numbers
Revises: 0027_unpaid_history
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_insured_numbers"
down_revision = "0027_unpaid_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("waybill_issues", schema=None) as batch_op:
        batch_op.add_column(sa.Column("insured", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("insured", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    # Not a batch (table copy): copying packages would drop its triggers and break those of orders naming it
    # (0021's history, 0027's), which SQLite checks when a table is dropped or renamed.
    op.execute("ALTER TABLE packages DROP COLUMN insured")
    op.execute("ALTER TABLE waybill_issues DROP COLUMN insured")

"""Split parcels (拆单): the units of each order line the order's next parcel carries when the seller split it
(`parcel_qty`; NULL: no split, all that is left), the units of each line that left in earlier parcels (`sent_qty`),
and what each shipped parcel carried (`package_lines`). Plain ADD COLUMN: recreating order_lines would drop the
triggers that keep orders.units (0014_order_search).

Revision ID: 0018_splits
Revises: 0017_merges
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_splits"
down_revision = "0017_merges"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("order_lines", sa.Column("parcel_qty", sa.Integer(), nullable=True))
    op.add_column("order_lines", sa.Column("sent_qty", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "package_lines",
        sa.Column("package_id", sa.Integer(), sa.ForeignKey("packages.id"), primary_key=True),
        sa.Column("line_id", sa.Integer(), sa.ForeignKey("order_lines.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("qty", sa.Integer(), nullable=False),
    )
    op.create_index("ix_package_lines_line_id", "package_lines", ["line_id"])


def downgrade() -> None:
    op.drop_index("ix_package_lines_line_id", table_name="package_lines")
    op.drop_table("package_lines")
    # ALTER TABLE DROP COLUMN (SQLite 3.35+), not a batch copy: the copy would lose order_lines' triggers
    op.execute("ALTER TABLE order_lines DROP COLUMN sent_qty")
    op.execute("ALTER TABLE order_lines DROP COLUMN parcel_qty")

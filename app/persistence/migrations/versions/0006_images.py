"""Product pictures: the platform's picture of each sub-order, and a product's own picture.

Revision ID: 0006_images
Revises: 0005_packers
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_images"
down_revision = "0005_packers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "order_lines", sa.Column("image_url", sa.String(length=500), nullable=False, server_default=sa.text("''"))
    )
    op.add_column(
        "products", sa.Column("image_url", sa.String(length=500), nullable=False, server_default=sa.text("''"))
    )


def downgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_column("image_url")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("image_url")

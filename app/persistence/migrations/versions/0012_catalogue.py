"""The shop's catalogue: a product's safety stock, the item's merchant code and the platform's ids that order lines
may name it by, and the shop whose sheet or sync brought it.

Revision ID: 0012_catalogue
Revises: 0011_issue_receiver
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_catalogue"
down_revision = "0011_issue_receiver"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("safety_stock", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("outer_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("sku_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("item_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("shop_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_products_shop_id_shops"), "shops", ["shop_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_products_outer_id"), ["outer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_sku_id"), ["sku_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_item_id"))
        batch_op.drop_index(batch_op.f("ix_products_sku_id"))
        batch_op.drop_index(batch_op.f("ix_products_outer_id"))
        batch_op.drop_constraint(batch_op.f("fk_products_shop_id_shops"), type_="foreignkey")
        batch_op.drop_column("shop_id")
        batch_op.drop_column("item_id")
        batch_op.drop_column("sku_id")
        batch_op.drop_column("outer_id")
        batch_op.drop_column("safety_stock")

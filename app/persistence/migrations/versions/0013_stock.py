"""Stock and the catalogue sync: which SKUs PackDesk keeps stock for and what waiting orders reserve, the shortages
that keep an order out of stock, every on-hand move with its reason, a supervisor's override, where a shop's
catalogue sync stands, and the stock pushed back to the platform.

Revision ID: 0013_stock
Revises: 0012_catalogue
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_stock"
down_revision = "0012_catalogue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shops", schema=None) as batch_op:
        batch_op.add_column(sa.Column("push_stock", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stock_tracked", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("reserved", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("platform_modified_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("pushed_quantity", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("pushed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stock_override", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "order_shortages",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("missing", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_shortages_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_order_shortages_product_id_products"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("order_id", "product_id", name=op.f("pk_order_shortages")),
    )
    with op.batch_alter_table("order_shortages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_shortages_product_id"), ["product_id"], unique=False)
    op.create_table(
        "stock_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=sa.text("''")),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("package_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=60), nullable=False, server_default=sa.text("''")),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_stock_moves_order_id_orders")),
        sa.ForeignKeyConstraint(["package_id"], ["packages.id"], name=op.f("fk_stock_moves_package_id_packages")),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_moves_product_id_products"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_moves")),
    )
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_moves_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_moves_at"), ["at"], unique=False)
        batch_op.create_index(
            "ux_stock_moves_ship_package",
            ["package_id", "product_id"],
            unique=True,
            sqlite_where=sa.text("kind = 'ship'"),
        )
    op.create_table(
        "catalogue_sync",
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("watermark", sa.DateTime(), nullable=True),
        sa.Column("cursor", sa.JSON(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["shop_id"], ["shops.id"], name=op.f("fk_catalogue_sync_shop_id_shops")),
        sa.PrimaryKeyConstraint("shop_id", name=op.f("pk_catalogue_sync")),
    )


def downgrade() -> None:
    op.drop_table("catalogue_sync")
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.drop_index("ux_stock_moves_ship_package", sqlite_where=sa.text("kind = 'ship'"))
        batch_op.drop_index(batch_op.f("ix_stock_moves_at"))
        batch_op.drop_index(batch_op.f("ix_stock_moves_product_id"))
    op.drop_table("stock_moves")
    with op.batch_alter_table("order_shortages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_shortages_product_id"))
    op.drop_table("order_shortages")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("stock_override")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_column("pushed_at")
        batch_op.drop_column("pushed_quantity")
        batch_op.drop_column("platform_modified_at")
        batch_op.drop_column("reserved")
        batch_op.drop_column("stock_tracked")
    with op.batch_alter_table("shops", schema=None) as batch_op:
        batch_op.drop_column("push_stock")

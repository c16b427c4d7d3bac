"""Online e-waybill accounts (Cainiao, Pinduoduo, Kuaidi100): how an account is reached, the carriers it is
subscribed to with their balance and sender addresses, the ledger of number requests, and the open address id (oaid)
of Taobao privacy orders.

Revision ID: 0010_waybill_ledger
Revises: 0009_pin_guards
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_waybill_ledger"
down_revision = "0009_pin_guards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("orders", sa.Column("oaid", sa.String(length=64), nullable=False, server_default=sa.text("''")))
    with op.batch_alter_table("waybill_accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gateway_url", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("app_key", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("credentials_ref", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("source_shop_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("settings", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("address_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("warn_below", sa.Integer(), nullable=False, server_default="200"))
        batch_op.create_foreign_key(
            batch_op.f("fk_waybill_accounts_source_shop_id_shops"), "shops", ["source_shop_id"], ["id"]
        )
    op.create_table(
        "waybill_account_carriers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(length=20), nullable=False),
        sa.Column("balance", sa.Integer(), nullable=True),
        sa.Column("branch_code", sa.String(length=64), nullable=False),
        sa.Column("branch_name", sa.String(length=100), nullable=False),
        sa.Column("addresses", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["waybill_accounts.id"],
            name=op.f("fk_waybill_account_carriers_account_id_waybill_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waybill_account_carriers")),
        sa.UniqueConstraint("account_id", "carrier", name=op.f("uq_waybill_account_carriers_account_id")),
    )
    op.create_index(
        op.f("ix_waybill_account_carriers_account_id"), "waybill_account_carriers", ["account_id"], unique=False
    )
    op.create_table(
        "waybill_issues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("unclear", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("tracking_no", sa.String(length=40), nullable=True),
        sa.Column("package_id", sa.Integer(), nullable=True),
        sa.Column("print_data", sa.JSON(), nullable=True),
        sa.Column("encrypted", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("label_image", sa.LargeBinary(), nullable=True),
        sa.Column("error", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_waybill_issues_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["waybill_accounts.id"], name=op.f("fk_waybill_issues_account_id_waybill_accounts")
        ),
        sa.ForeignKeyConstraint(["package_id"], ["packages.id"], name=op.f("fk_waybill_issues_package_id_packages")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waybill_issues")),
        sa.UniqueConstraint("tracking_no", name=op.f("uq_waybill_issues_tracking_no")),
        sa.UniqueConstraint("package_id", name=op.f("uq_waybill_issues_package_id")),
    )
    op.create_index(op.f("ix_waybill_issues_order_id"), "waybill_issues", ["order_id"], unique=False)
    op.create_index(op.f("ix_waybill_issues_account_id"), "waybill_issues", ["account_id"], unique=False)
    op.create_index(op.f("ix_waybill_issues_state"), "waybill_issues", ["state"], unique=False)
    op.create_index(
        "ux_waybill_issues_requested_order",
        "waybill_issues",
        ["order_id"],
        unique=True,
        sqlite_where=sa.text("state = 'requested'"),
    )


def downgrade() -> None:
    op.drop_index("ux_waybill_issues_requested_order", table_name="waybill_issues")
    op.drop_table("waybill_issues")
    op.drop_table("waybill_account_carriers")
    with op.batch_alter_table("waybill_accounts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_waybill_accounts_source_shop_id_shops"), type_="foreignkey")
        for column in ("warn_below", "address_id", "settings", "source_shop_id", "credentials_ref", "app_key"):
            batch_op.drop_column(column)
        batch_op.drop_column("gateway_url")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("oaid")

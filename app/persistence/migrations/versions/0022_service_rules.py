"""Service rules as data: carrier stops and spring-festival running entries, carrier-choice rules, the cost table,
deadline rules, holidays and the seller's service settings; and an order's platform-given ship-by time, kept apart
from the deadline the rules compute (app.domain.carrier_rules, app.domain.deadlines).

Revision ID: 0022_service_rules
Revises: 0021_history_rollups
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_service_rules"
down_revision = "0021_history_rollups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("promised_at", sa.DateTime(), nullable=True))
    op.create_table(
        "carrier_stops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), server_default="stop", nullable=False),
        sa.Column("carrier", sa.String(length=20), nullable=False),
        sa.Column("regions", sa.Text(), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "carrier_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), server_default=sa.text("''"), nullable=False),
        sa.Column("conditions", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "carrier_costs",
        sa.Column("carrier", sa.String(length=20), nullable=False),
        sa.Column("province", sa.String(length=20), nullable=False),
        sa.Column("first_kg", sa.BigInteger(), nullable=False),
        sa.Column("extra_kg", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("carrier", "province"),
    )
    op.create_table(
        "deadline_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("shop", sa.String(length=100), server_default=sa.text("''"), nullable=False),
        sa.Column("sku", sa.String(length=100), server_default=sa.text("''"), nullable=False),
        sa.Column("starts", sa.DateTime(), nullable=True),
        sa.Column("ends", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "holidays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "service_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    for table in ("service_settings", "holidays", "deadline_rules", "carrier_costs", "carrier_rules", "carrier_stops"):
        op.drop_table(table)
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("promised_at")

"""Notices to the buyer and after-dispatch watching: the notice templates (with the starter set), SMS accounts,
notice settings, bad-review alerts and parcel traces with their risk. Notices themselves are outbox entries of kind
`notice` (app.sync.notice_push).

Revision ID: 0023_notices
Revises: 0022_service_rules
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.notices import STARTERS
from app.persistence.types import UtcDateTime

revision = "0023_notices"
down_revision = "0022_service_rules"
branch_labels = None
depends_on = None


def upgrade() -> None:
    templates = op.create_table(
        "notice_templates",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("provider_code", sa.String(40), nullable=False, server_default=sa.text("''")),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=True),
    )
    op.bulk_insert(templates, [{"key": s.key, "provider_code": "", "body": s.body} for s in STARTERS])
    op.create_table(
        "sms_accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False, unique=True),
        sa.Column("provider", sa.String(20), nullable=False),
        sa.Column("gateway_url", sa.String(300), nullable=False),
        sa.Column("access_key_id", sa.String(100), nullable=False),
        sa.Column("sign_name", sa.String(60), nullable=False),
        sa.Column("credentials_ref", sa.String(120), nullable=False),
        sa.Column("seller_phone", sa.String(30), nullable=False, server_default=sa.text("''")),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "notice_settings",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "review_alerts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("shop_id", sa.Integer(), sa.ForeignKey("shops.id"), nullable=False),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("oid", sa.String(64), nullable=False),
        sa.Column("result", sa.String(10), nullable=False),
        sa.Column("nick", sa.String(100), nullable=False),
        sa.Column("item_title", sa.String(200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("rated_at", UtcDateTime(), nullable=False),
        sa.Column("raised_at", UtcDateTime(), nullable=False),
        sa.Column("seen", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ux_review_alerts_rating", "review_alerts", ["shop_id", "order_no", "oid"], unique=True)
    op.create_table(
        "parcel_traces",
        sa.Column("package_id", sa.Integer(), sa.ForeignKey("packages.id"), primary_key=True),
        sa.Column("status", sa.String(60), nullable=False),
        sa.Column("company", sa.String(60), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("checked_at", UtcDateTime(), nullable=False),
        sa.Column("risk", sa.String(30), nullable=True),
        sa.Column("risk_detail", sa.Text(), nullable=False, server_default=sa.text("''")),
    )
    op.create_index("ix_parcel_traces_risk", "parcel_traces", ["risk"])


def downgrade() -> None:
    op.drop_index("ix_parcel_traces_risk", table_name="parcel_traces")
    op.drop_table("parcel_traces")
    op.drop_index("ux_review_alerts_rating", table_name="review_alerts")
    op.drop_table("review_alerts")
    op.drop_table("notice_settings")
    op.drop_table("sms_accounts")
    op.drop_table("notice_templates")

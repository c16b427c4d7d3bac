"""Scan events by packer and time: the bench's pace reads today's scans of one packer.

Revision ID: 0007_scan_index
Revises: 0006_images
"""

from __future__ import annotations

from alembic import op

revision = "0007_scan_index"
down_revision = "0006_images"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_scan_events_packer_at", "scan_events", ["packer", "at"])


def downgrade() -> None:
    op.drop_index("ix_scan_events_packer_at", table_name="scan_events")

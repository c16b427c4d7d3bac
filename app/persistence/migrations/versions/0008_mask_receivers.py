"""Receivers stored in plaintext are masked (欧阳明华 -> 欧**, 13912345678 -> 139****5678): the cache keeps only masked
names and phone numbers (app.domain.masking). Addresses stay whole: the carrier needs them.

Earlier releases stored what a sync or an import delivered, plaintext included. Masked values are left as they are
(masking is idempotent), so the upgrade touches only plaintext rows. SQLite's secure_delete is on while the rows are
rewritten, so the old text does not linger in the file's free space. The content hash of a masked row no longer
matches its order: the next sync or import of that order rewrites it once with the same masked values.

Revision ID: 0008_mask_receivers
Revises: 0007_scan_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.masking import mask_name, mask_phone

revision = "0008_mask_receivers"
down_revision = "0007_scan_index"
branch_labels = None
depends_on = None

_CHUNK = 1000


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        secure = conn.exec_driver_sql("PRAGMA secure_delete").scalar()
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
    rows = conn.execute(sa.text("SELECT id, receiver_name, receiver_phone FROM orders ORDER BY id")).all()
    changed = [
        {"b_id": row.id, "name": mask_name(row.receiver_name), "phone": mask_phone(row.receiver_phone)}
        for row in rows
        if (mask_name(row.receiver_name), mask_phone(row.receiver_phone)) != (row.receiver_name, row.receiver_phone)
    ]
    update = sa.text("UPDATE orders SET receiver_name = :name, receiver_phone = :phone WHERE id = :b_id")
    for start in range(0, len(changed), _CHUNK):
        conn.execute(update, changed[start : start + _CHUNK])
    if sqlite:
        conn.exec_driver_sql(f"PRAGMA secure_delete = {int(secure)}")


def downgrade() -> None:
    """Nothing to undo: the plaintext is gone, and masked receivers are valid in every schema."""

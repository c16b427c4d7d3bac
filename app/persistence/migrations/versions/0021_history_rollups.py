"""History that is kept and its daily roll-ups (the reports and the dashboard; app.persistence.history).

`history_events` records what the figures need as it happens, written by triggers in the same transaction as the
change whatever writes it (ORM, bulk SQL, sync, the station): an order paid (its arrival in the cache, dated by its
payment), its lines joining and leaving the backlog, shipped, closed or reopened, its first waybill print, every
waybill number taken, and the bench's scan outcomes. The orders, parcels and scans tables stay what they are; the
events survive pruning of nothing but themselves. The roll-up tables are sums per China-time day (Asia/Shanghai,
UTC+8 all year): filled incrementally from the events after `rollup_state.last_event_id`, so a report reads only
them, and pruning old events changes none of them.

Revision ID: 0021_history_rollups
Revises: 0020_pdd_ship
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_history_rollups"
down_revision = "0020_pdd_ship"
branch_labels = None
depends_on = None

LEFT = "('shipped', 'closed')"  # statuses that take an order off the waiting list
# When an order shipped: its last parcel's ship time (the station's clock), else the platform's change time.
_SHIP_AT = "COALESCE((SELECT MAX(shipped_at) FROM packages WHERE order_id = new.id), new.modified_at)"
_LEFT_AT = f"(CASE new.status WHEN 'shipped' THEN {_SHIP_AT} ELSE new.modified_at END)"
# Who packed it: the packer whose scan completed the parcel at a bench ('' for orders shipped without one).
_PACKER = (
    "COALESCE((SELECT packer FROM scan_events WHERE order_id = {id} AND outcome IN ('order_complete', "
    "'order_opened') ORDER BY id DESC LIMIT 1), '')"
)
_FIRST_PRINT = "(SELECT MIN(at) FROM history_events WHERE order_id = new.id AND kind = 'printed')"
# A copy counted without a print time (a cut-off job counts its copy too) is dated by the parcel's creation.
_PRINTED_AT = "COALESCE(new.printed_at, new.created_at)"
_COLUMNS = "(at, kind, shop_id, order_id, packer, sku, qty, carrier, tracking_no, paid_at, printed_at, on_time)"

TRIGGERS = {
    "history_order_insert": "AFTER INSERT ON orders BEGIN "
    f"INSERT INTO history_events {_COLUMNS} VALUES "
    "(new.paid_at, 'paid', new.shop_id, new.id, '', NULL, 0, NULL, NULL, new.paid_at, NULL, NULL); "
    f"INSERT INTO history_events {_COLUMNS} SELECT new.modified_at, new.status, new.shop_id, new.id, '', NULL, 0, "
    f"NULL, NULL, new.paid_at, NULL, new.modified_at <= new.deadline WHERE new.status IN {LEFT}; END",
    "history_line_insert": "AFTER INSERT ON order_lines BEGIN "
    f"INSERT INTO history_events {_COLUMNS} SELECT o.paid_at, 'line_in', o.shop_id, o.id, '', new.sku, new.qty, "
    f"NULL, NULL, o.paid_at, NULL, NULL FROM orders o WHERE o.id = new.order_id AND o.status NOT IN {LEFT}; END",
    "history_order_left": f"AFTER UPDATE OF status ON orders WHEN old.status NOT IN {LEFT} AND new.status IN {LEFT} "
    "BEGIN "
    f"INSERT INTO history_events {_COLUMNS} VALUES ({_LEFT_AT}, new.status, new.shop_id, new.id, "
    f"{_PACKER.format(id='new.id')}, NULL, 0, NULL, NULL, new.paid_at, {_FIRST_PRINT}, {_LEFT_AT} <= new.deadline); "
    f"INSERT INTO history_events {_COLUMNS} SELECT {_LEFT_AT}, 'line_out', new.shop_id, new.id, '', sku, qty, NULL, "
    "NULL, new.paid_at, NULL, NULL FROM order_lines WHERE order_id = new.id; END",
    "history_order_reopened": f"AFTER UPDATE OF status ON orders WHEN old.status IN {LEFT} "
    f"AND new.status NOT IN {LEFT} BEGIN "
    f"INSERT INTO history_events {_COLUMNS} VALUES (new.modified_at, 'reopened', new.shop_id, new.id, '', NULL, 0, "
    "NULL, NULL, new.paid_at, NULL, NULL); "
    f"INSERT INTO history_events {_COLUMNS} SELECT new.modified_at, 'line_in', new.shop_id, new.id, '', sku, qty, "
    "NULL, NULL, new.paid_at, NULL, NULL FROM order_lines WHERE order_id = new.id; END",
    "history_package_insert": "AFTER INSERT ON packages BEGIN "
    f"INSERT INTO history_events {_COLUMNS} SELECT new.created_at, 'waybill', o.shop_id, o.id, '', NULL, 0, "
    "new.carrier, new.tracking_no, o.paid_at, NULL, NULL FROM orders o WHERE o.id = new.order_id; END",
    "history_package_printed": "AFTER UPDATE OF print_count ON packages WHEN old.print_count = 0 "
    "AND new.print_count > 0 AND NOT EXISTS (SELECT 1 FROM history_events WHERE order_id = new.order_id "
    "AND kind = 'printed') BEGIN "
    f"INSERT INTO history_events {_COLUMNS} SELECT {_PRINTED_AT}, 'printed', o.shop_id, o.id, "
    f"{_PACKER.format(id='o.id')}, NULL, 0, new.carrier, new.tracking_no, o.paid_at, {_PRINTED_AT}, NULL "
    "FROM orders o WHERE o.id = new.order_id; END",
    "history_scan": "AFTER INSERT ON scan_events WHEN new.outcome IN ('wrong_item', 'over_scan', 'intercepted', "
    "'unknown_code', 'order_complete') BEGIN "
    f"INSERT INTO history_events {_COLUMNS} VALUES (new.at, 'scan_' || new.outcome, "
    "COALESCE((SELECT shop_id FROM orders WHERE id = new.order_id), 0), new.order_id, new.packer, new.sku, "
    "new.units, NULL, NULL, NULL, NULL, NULL); END",
}

# The history of a database that had none: what its orders, parcels and scans still tell (first prints are dated
# by their parcel's last print, left orders by their last change).
_BACKFILL = [
    f"INSERT INTO history_events {_COLUMNS} SELECT paid_at, 'paid', shop_id, id, '', NULL, 0, NULL, NULL, paid_at, "
    "NULL, NULL FROM orders ORDER BY id",
    f"INSERT INTO history_events {_COLUMNS} SELECT o.paid_at, 'line_in', o.shop_id, o.id, '', l.sku, l.qty, NULL, "
    "NULL, o.paid_at, NULL, NULL FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY l.id",
    f"INSERT INTO history_events {_COLUMNS} SELECT p.created_at, 'waybill', o.shop_id, o.id, '', NULL, 0, "
    "p.carrier, p.tracking_no, o.paid_at, NULL, NULL FROM packages p JOIN orders o ON o.id = p.order_id ORDER BY p.id",
    f"INSERT INTO history_events {_COLUMNS} SELECT MIN(p.printed_at), 'printed', o.shop_id, o.id, '', NULL, 0, NULL, "
    "NULL, o.paid_at, MIN(p.printed_at), NULL FROM packages p JOIN orders o ON o.id = p.order_id "
    "WHERE p.printed_at IS NOT NULL GROUP BY o.id",
    f"INSERT INTO history_events {_COLUMNS} SELECT at, 'scan_' || outcome, COALESCE((SELECT shop_id FROM orders "
    "WHERE id = s.order_id), 0), order_id, packer, sku, units, NULL, NULL, NULL, NULL, NULL FROM scan_events s "
    "WHERE outcome IN ('wrong_item', 'over_scan', 'intercepted', 'unknown_code', 'order_complete') ORDER BY id",
    f"INSERT INTO history_events {_COLUMNS} SELECT l.at, o.status, o.shop_id, o.id, '', NULL, 0, NULL, NULL, "
    "o.paid_at, (SELECT MIN(at) FROM history_events WHERE order_id = o.id AND kind = 'printed'), l.at <= o.deadline "
    "FROM (SELECT id, COALESCE((SELECT MAX(shipped_at) FROM packages WHERE order_id = orders.id), "
    "modified_at) AS at FROM orders WHERE status IN " + LEFT + ") l "
    "JOIN orders o ON o.id = l.id",
    f"INSERT INTO history_events {_COLUMNS} SELECT e.at, 'line_out', e.shop_id, e.order_id, '', l.sku, l.qty, NULL, "
    "NULL, e.paid_at, NULL, NULL FROM history_events e JOIN order_lines l ON l.order_id = e.order_id "
    f"WHERE e.kind IN {LEFT}",
]


def upgrade() -> None:
    op.create_table(
        "history_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("packer", sa.String(length=60), nullable=False, server_default=""),
        sa.Column("sku", sa.String(length=64), nullable=True),
        sa.Column("qty", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("carrier", sa.String(length=20), nullable=True),
        sa.Column("tracking_no", sa.String(length=40), nullable=True),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
        sa.Column("printed_at", sa.DateTime(), nullable=True),
        sa.Column("on_time", sa.Boolean(), nullable=True),
    )
    op.create_index("ix_history_events_at", "history_events", ["at"])
    op.create_index("ix_history_events_order_kind", "history_events", ["order_id", "kind"])
    op.create_table(
        "rollup_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("last_event_id", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("pruned_before", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "rollup_trend",
        sa.Column("day", sa.String(length=10), primary_key=True),
        sa.Column("shop_id", sa.Integer(), primary_key=True),
        sa.Column("new", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("shipped", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("cancelled", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("reopened", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("printed", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "rollup_counts",
        sa.Column("day", sa.String(length=10), primary_key=True),
        sa.Column("shop_id", sa.Integer(), primary_key=True),
        sa.Column("metric", sa.String(length=30), primary_key=True),
        sa.Column("key", sa.String(length=100), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "rollup_sku",
        sa.Column("day", sa.String(length=10), primary_key=True),
        sa.Column("shop_id", sa.Integer(), primary_key=True),
        sa.Column("sku", sa.String(length=64), primary_key=True),
        sa.Column("paid_day", sa.String(length=10), primary_key=True),
        sa.Column("units_in", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("units_out", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("first_paid_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_rollup_counts_metric_day", "rollup_counts", ["metric", "day"])
    op.create_table(
        "rollup_months",
        sa.Column("month", sa.String(length=7), primary_key=True),
        sa.Column("shop_id", sa.Integer(), primary_key=True),
        sa.Column("metric", sa.String(length=30), primary_key=True),
        sa.Column("key", sa.String(length=100), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "rollup_sku_cohorts",
        sa.Column("sku", sa.String(length=64), primary_key=True),
        sa.Column("paid_day", sa.String(length=10), primary_key=True),
        sa.Column("shop_id", sa.Integer(), primary_key=True),
        sa.Column("units_in", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("units_out", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("first_paid_at", sa.DateTime(), nullable=True),
    )
    op.create_index(
        "ix_rollup_sku_cohorts_open",
        "rollup_sku_cohorts",
        ["paid_day"],
        sqlite_where=sa.text("units_in <> units_out"),
    )
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for statement in _BACKFILL:
        op.execute(statement)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in reversed(list(TRIGGERS)):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_rollup_sku_cohorts_open", table_name="rollup_sku_cohorts")
    op.drop_table("rollup_sku_cohorts")
    op.drop_table("rollup_months")
    op.drop_index("ix_rollup_counts_metric_day", table_name="rollup_counts")
    op.drop_table("rollup_sku")
    op.drop_table("rollup_counts")
    op.drop_table("rollup_trend")
    op.drop_table("rollup_state")
    op.drop_index("ix_history_events_order_kind", table_name="history_events")
    op.drop_index("ix_history_events_at", table_name="history_events")
    op.drop_table("history_events")

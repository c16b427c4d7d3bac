"""Orders not paid yet (awaiting_payment, kept for the payment reminder) stay out of the history until they are paid.

The triggers of 0021_history_rollups took an order's arrival in the cache for its payment and its lines for backlog;
an unpaid order is neither. Now an order inserted unpaid records nothing; its payment (awaiting_payment to any status
but closed) records the `paid` event and its lines joining the backlog, dated by the payment, as an insert of a paid
order does, and its leaving at once (paid and shipped between two syncs) as well; an order that closes unpaid was
never in the backlog and records nothing. Events of paid orders are written exactly as before.

Revision ID: 0027_unpaid_history
Revises: 0025_tracking_accounts
"""

from __future__ import annotations

import importlib

from alembic import op

revision = "0027_unpaid_history"
down_revision = "0025_tracking_accounts"
branch_labels = None
depends_on = None

UNPAID = "'awaiting_payment'"
LEFT = "('shipped', 'closed')"  # statuses that take an order off the waiting list
# As 0021_history_rollups (a migration keeps the SQL it ran, whatever later code says).
_SHIP_AT = "COALESCE((SELECT MAX(shipped_at) FROM packages WHERE order_id = new.id), new.modified_at)"
_LEFT_AT = f"(CASE new.status WHEN 'shipped' THEN {_SHIP_AT} ELSE new.modified_at END)"
_PACKER = (
    "COALESCE((SELECT packer FROM scan_events WHERE order_id = new.id AND outcome IN ('order_complete', "
    "'order_opened') ORDER BY id DESC LIMIT 1), '')"
)
_FIRST_PRINT = "(SELECT MIN(at) FROM history_events WHERE order_id = new.id AND kind = 'printed')"
_COLUMNS = "(at, kind, shop_id, order_id, packer, sku, qty, carrier, tracking_no, paid_at, printed_at, on_time)"

_PAID = (
    f"INSERT INTO history_events {_COLUMNS} VALUES "
    "(new.paid_at, 'paid', new.shop_id, new.id, '', NULL, 0, NULL, NULL, new.paid_at, NULL, NULL); "
)
_LEAVES = (
    f"INSERT INTO history_events {_COLUMNS} SELECT {_LEFT_AT}, new.status, new.shop_id, new.id, {_PACKER}, NULL, 0, "
    f"NULL, NULL, new.paid_at, {_FIRST_PRINT}, {_LEFT_AT} <= new.deadline WHERE new.status IN {LEFT}; "
    f"INSERT INTO history_events {_COLUMNS} SELECT {_LEFT_AT}, 'line_out', new.shop_id, new.id, '', sku, qty, NULL, "
    f"NULL, new.paid_at, NULL, NULL FROM order_lines WHERE order_id = new.id AND new.status IN {LEFT}; "
)

TRIGGERS = {
    "history_order_insert": f"AFTER INSERT ON orders WHEN new.status <> {UNPAID} BEGIN {_PAID}"
    f"INSERT INTO history_events {_COLUMNS} SELECT new.modified_at, new.status, new.shop_id, new.id, '', NULL, 0, "
    f"NULL, NULL, new.paid_at, NULL, new.modified_at <= new.deadline WHERE new.status IN {LEFT}; END",
    "history_line_insert": "AFTER INSERT ON order_lines BEGIN "
    f"INSERT INTO history_events {_COLUMNS} SELECT o.paid_at, 'line_in', o.shop_id, o.id, '', new.sku, new.qty, "
    f"NULL, NULL, o.paid_at, NULL, NULL FROM orders o WHERE o.id = new.order_id AND o.status NOT IN {LEFT} "
    f"AND o.status <> {UNPAID}; END",
    "history_order_left": f"AFTER UPDATE OF status ON orders WHEN old.status NOT IN {LEFT} "
    f"AND old.status <> {UNPAID} AND new.status IN {LEFT} BEGIN {_LEAVES}END",
    "history_order_reopened": f"AFTER UPDATE OF status ON orders WHEN old.status IN {LEFT} "
    f"AND new.status NOT IN {LEFT} AND new.status <> {UNPAID} BEGIN "
    f"INSERT INTO history_events {_COLUMNS} VALUES (new.modified_at, 'reopened', new.shop_id, new.id, '', NULL, 0, "
    "NULL, NULL, new.paid_at, NULL, NULL); "
    f"INSERT INTO history_events {_COLUMNS} SELECT new.modified_at, 'line_in', new.shop_id, new.id, '', sku, qty, "
    "NULL, NULL, new.paid_at, NULL, NULL FROM order_lines WHERE order_id = new.id; END",
    # paid: it arrives in the backlog now (and leaves it at once if it shipped before PackDesk saw it paid)
    "history_order_paid": f"AFTER UPDATE OF status ON orders WHEN old.status = {UNPAID} "
    f"AND new.status NOT IN ({UNPAID}, 'closed') BEGIN {_PAID}"
    f"INSERT INTO history_events {_COLUMNS} SELECT new.paid_at, 'line_in', new.shop_id, new.id, '', sku, qty, NULL, "
    f"NULL, new.paid_at, NULL, NULL FROM order_lines WHERE order_id = new.id; {_LEAVES}END",
}
_REPLACED = ("history_order_insert", "history_line_insert", "history_order_left", "history_order_reopened")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # as 0021: the history triggers are SQLite's
    for name, body in TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    before = importlib.import_module("app.persistence.migrations.versions.0021_history_rollups").TRIGGERS
    op.execute("DROP TRIGGER IF EXISTS history_order_paid")
    for name in _REPLACED:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {before[name]}")

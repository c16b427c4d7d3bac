"""A parcel's update recomputes its order's print state once: 0029's update trigger recomputed it for the old and the
new order id on every print, the same order twice. Now one trigger recomputes the parcel's order when a print count
is involved, and another the order it left when a printed parcel moves to another order.

Revision ID: 0030_print_state_once
Revises: 0029_print_state
"""

from __future__ import annotations

from alembic import op

revision = "0030_print_state_once"
down_revision = "0029_print_state"
branch_labels = None
depends_on = None

# As 0029: an order's print state from its live parcels; {id} is the order's id.
_SET = (
    "UPDATE orders SET print_state = (SELECT coalesce(min(2, max(p.print_count)), 0) FROM packages p "
    "WHERE p.order_id = {id} AND p.state <> 'void' AND p.print_count > 0) WHERE id = {id};"
)

TRIGGERS = {
    # A parcel never printed before nor after the update changes no order's print state.
    "packages_print_state_update": "AFTER UPDATE OF print_count, state, order_id ON packages "
    "WHEN old.print_count > 0 OR new.print_count > 0 BEGIN " + _SET.format(id="new.order_id") + " END",
    "packages_print_state_move": "AFTER UPDATE OF order_id ON packages "
    "WHEN old.order_id <> new.order_id AND old.print_count > 0 BEGIN " + _SET.format(id="old.order_id") + " END",
}
_BEFORE = (  # 0029's
    "AFTER UPDATE OF print_count, state, order_id ON packages BEGIN "
    + _SET.format(id="old.order_id")
    + " "
    + _SET.format(id="new.order_id")
    + " END"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS packages_print_state_update")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in reversed(list(TRIGGERS)):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"CREATE TRIGGER packages_print_state_update {_BEFORE}")

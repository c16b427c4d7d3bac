"""Alembic environment. PackDesk runs migrations itself at start (app.persistence.db.upgrade), on the connection it
passes in `config.attributes["connection"]`; there is no alembic.ini."""

from __future__ import annotations

from alembic import context

from app.persistence import rows  # noqa: F401  (registers the tables on Base.metadata)
from app.persistence.base import Base
from app.persistence.order_query import modelled

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table instead
    compare_type=True,
    include_name=modelled,  # the FTS5 text index is made by SQL in its migration, not by the models
)
with context.begin_transaction():
    context.run_migrations()

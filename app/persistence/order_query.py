"""The workspace's order query layer: filters that combine, sorts, search routed by its shape, counts, plain rows
(persistence layer)."""

from __future__ import annotations

FTS_TABLE = "orders_fts"  # FTS5 (trigram) over nick, receiver, phone, line titles and notes; rowid = orders.id


def modelled(name: str | None, type_: str, _parent_names: object = None) -> bool:
    """True for what the models describe; False for the text index's tables (the FTS5 table and its shadow
    tables): migration 0014 makes them with SQL the models cannot say, so a comparison of models and database
    leaves them out (alembic `include_name`)."""
    return not (type_ == "table" and name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_")))

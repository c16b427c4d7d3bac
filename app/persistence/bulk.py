"""A bulk INSERT through the driver's executemany, at close to raw sqlite3 speed (persistence layer).

SQLAlchemy's own executemany spends more time building each row's parameters than SQLite spends storing it. Here
each column's bind processor (Money to fen, aware time to the stored form) is looked up once and mapped over the
column, and the statement is compiled once per table, column list and dialect. The order cache's writer
(app.persistence.order_cache) uses it for a first fill of 100,000 orders (bench/sync.py measures it).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Table, bindparam, insert
from sqlalchemy.orm import Session

from app.persistence.types import Money, UtcDateTime

_NAMED = {"named": True, "pyformat": True}
_ONE = Decimal(1)
_PLANS: dict[tuple[str, tuple[str, ...], str], tuple[str, tuple[str, ...], list[Any]]] = {}


def bulk_insert(session: Session, table: Table, names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """INSERT of many rows (tuples of the columns `names`) straight through the driver's executemany.

    Column defaults are not applied: every row carries every column it needs. The caller owns the transaction.
    """
    if not rows:
        return
    conn = session.connection()
    sql, order, procs = _insert_plan(table, names, conn.dialect)
    by_name = dict(zip(names, zip(*rows, strict=True), strict=True))
    columns = [
        list(map(proc, by_name[name])) if proc else by_name[name] for name, proc in zip(order, procs, strict=True)
    ]
    params = list(zip(*columns, strict=True))
    if _NAMED.get(conn.dialect.paramstyle, False):  # e.g. psycopg's pyformat: mappings instead of tuples
        conn.exec_driver_sql(sql, [dict(zip(order, values, strict=True)) for values in params])
    else:
        conn.exec_driver_sql(sql, params)


def sqlite_utc(value: datetime | None) -> str | None:
    """An aware time as SQLite stores a UtcDateTime: naive UTC, "YYYY-MM-DD HH:MM:SS.ffffff" (what SQLAlchemy's
    UtcDateTime + SQLite DATETIME processors produce, in one step; tests/app/test_bulk.py checks they agree)."""
    if value is None:
        return None
    v = value.astimezone(UTC)
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (  # noqa: UP031 - the exact format SQLAlchemy's SQLite DATETIME uses
        v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond,
    )  # fmt: skip


def fen(value: Decimal | None) -> int | None:
    """Money as stored: integer fen, rounded half up (Money.process_bind_param without the wrapper layers)."""
    if value is None:
        return None
    return int((value * 100).quantize(_ONE, rounding=ROUND_HALF_UP))


def _fast_processor(kind: Any, dialect: Any) -> Any:
    if isinstance(kind, UtcDateTime) and dialect.name == "sqlite":
        return sqlite_utc
    if isinstance(kind, Money):
        impl = kind.impl_instance._cached_bind_processor(dialect)
        return fen if impl is None else (lambda v: impl(fen(v)))
    return kind._cached_bind_processor(dialect)


def _insert_plan(table: Table, names: tuple[str, ...], dialect: Any) -> tuple[str, tuple[str, ...], list[Any]]:
    """The INSERT text for `names` in this dialect, its parameter order and each parameter's bind processor."""
    key = (table.name, names, dialect.name)
    if key not in _PLANS:
        compiled = insert(table).values({name: bindparam(name) for name in names}).compile(dialect=dialect)
        order = tuple(compiled.positiontup or names)
        procs = [_fast_processor(table.c[name].type, dialect) for name in order]
        _PLANS[key] = (str(compiled), order, procs)
    return _PLANS[key]

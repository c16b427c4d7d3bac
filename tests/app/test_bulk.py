"""The driver-level bulk INSERT: its own conversions equal SQLAlchemy's, and what it writes reads back as written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, select
from sqlalchemy.orm import Session

from app.persistence.bulk import bulk_insert, fen, sqlite_utc
from app.persistence.types import Money, UtcDateTime
from app.services.workspace import Workspace

NOW = datetime(2026, 11, 20, 8, 30, 15, 123456, tzinfo=UTC)
CHINA = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    "moment",
    [NOW, NOW.replace(microsecond=0), NOW.astimezone(CHINA), datetime(2000, 1, 2, tzinfo=UTC)],
)
def test_fast_time_conversion_equals_sqlalchemys(workspace: Workspace, moment: datetime) -> None:
    dialect = workspace.engine.dialect
    assert sqlite_utc(moment) == UtcDateTime()._cached_bind_processor(dialect)(moment)


@pytest.mark.parametrize("amount", ["0.00", "19.90", "0.005", "1234567.89", "-3.455"])
def test_fast_money_conversion_equals_sqlalchemys(workspace: Workspace, amount: str) -> None:
    dialect = workspace.engine.dialect
    processor = Money()._cached_bind_processor(dialect)
    assert fen(Decimal(amount)) == processor(Decimal(amount))


def test_rows_written_in_bulk_read_back_as_written(workspace: Workspace) -> None:
    table = Table(
        "bulk_probe",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("name", String(20)),
        Column("price", Money()),
        Column("at", UtcDateTime()),
    )
    table.create(workspace.engine)
    rows = [(i, f"第{i}件", Decimal(i) / 4, NOW.astimezone(CHINA) + timedelta(minutes=i)) for i in range(1, 301)]
    rows.append((999, "none", None, None))
    with Session(workspace.engine) as session, session.begin():
        bulk_insert(session, table, ("id", "name", "price", "at"), rows)
        # the same table with its columns named in another order: another plan, the same result
        bulk_insert(session, table, ("at", "price", "name", "id"), [(NOW, Decimal("0.01"), "last", 1000)])
        bulk_insert(session, table, ("id", "name", "price", "at"), [])  # nothing to write is no statement
    with workspace.engine.connect() as conn:
        stored = [tuple(r) for r in conn.execute(select(table).order_by(table.c.id))]
    expected = [
        (i, name, None if price is None else price.quantize(Decimal("0.01")), at) for i, name, price, at in rows
    ]
    assert stored == [*expected, (1000, "last", Decimal("0.01"), NOW)]

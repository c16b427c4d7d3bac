"""The packer's pace today, computed from the scan record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import event, insert

from app.domain.enums import ScanOutcome
from app.persistence.rows import ScanEventRow
from app.services.pace import PaceCounter, pace_today
from app.services.workspace import Workspace

NOW = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)  # 14:00 China time


def record(ws: Workspace, packer: str, events: list[tuple[timedelta, ScanOutcome, int]]) -> None:
    with ws.session_factory.begin() as s:
        for ago, outcome, units in events:
            s.execute(
                insert(ScanEventRow).values(
                    at=NOW - ago,
                    station="b1",
                    packer=packer,
                    order_id=None,
                    code="x",
                    outcome=outcome.value,
                    sku=None,
                    units=units,
                )  # fmt: skip
            )


def test_pace_counts_parcels_units_and_caught_mistakes_over_active_time(workspace: Workspace) -> None:
    m = timedelta(minutes=1)
    record(
        workspace,
        "王",
        [
            (20 * 60 * m, ScanOutcome.ITEM_OK, 1),  # yesterday (China time): not today
            (60 * m, ScanOutcome.ORDER_OPENED, 0),
            (59 * m, ScanOutcome.ITEM_OK, 2),
            (58 * m, ScanOutcome.WRONG_ITEM, 0),
            (57 * m, ScanOutcome.ITEM_OK, 1),
            (57 * m, ScanOutcome.UNDONE, -1),
            (56 * m, ScanOutcome.ITEM_OK, 1),
            (55 * m, ScanOutcome.SHIPPED, 0),
            # a 25-minute break
            (30 * m, ScanOutcome.ORDER_OPENED, 0),
            (29 * m, ScanOutcome.OVER_SCAN, 0),
            (28 * m, ScanOutcome.ITEM_OK, 6),  # a case pack
            (25 * m, ScanOutcome.SHIPPED, 0),
        ],
    )
    record(workspace, "李", [(10 * m, ScanOutcome.SHIPPED, 0)])
    pace = pace_today(workspace.session_factory, "王", NOW)
    assert (pace.parcels, pace.units, pace.caught) == (2, 9, 2)
    assert pace.active == timedelta(minutes=10)  # 5 + 5 minutes of packing; the break is left out
    assert pace.parcels_per_hour == 12.0 and pace.units_per_hour == 54.0


def test_no_scans_is_zero_not_an_error(workspace: Workspace) -> None:
    pace = pace_today(workspace.session_factory, "nobody", NOW)
    assert pace.to_json() == {
        "parcels": 0, "units": 0, "caught": 0, "active_minutes": 0.0, "parcels_per_hour": 0.0, "units_per_hour": 0.0,
    }  # fmt: skip


def test_the_running_count_reads_only_new_scans_and_equals_a_full_recount(workspace: Workspace) -> None:
    m = timedelta(minutes=1)
    counter = PaceCounter()
    record(workspace, "王", [(60 * m, ScanOutcome.ORDER_OPENED, 0), (59 * m, ScanOutcome.ITEM_OK, 2)])
    first = counter.update(workspace.session_factory, "王", NOW)
    assert (first.units, first.active) == (2, m)
    seen_up_to = counter.last_id
    record(
        workspace,
        "王",
        [(59 * m, ScanOutcome.OVER_SCAN, 0), (58 * m, ScanOutcome.SHIPPED, 0), (30 * m, ScanOutcome.ITEM_OK, 1)],
    )
    statements: list[str] = []
    listen = lambda conn, cur, stmt, params, ctx, many: statements.append(str(params))  # noqa: E731
    event.listen(workspace.engine, "before_cursor_execute", listen)
    later = counter.update(workspace.session_factory, "王", NOW)
    event.remove(workspace.engine, "before_cursor_execute", listen)
    assert any(str(seen_up_to) in p for p in statements)  # asked only for scans after the last one counted
    assert (later.parcels, later.units, later.caught, later.active) == (1, 3, 1, 2 * m)

    # a shared database: another bench's clock runs a minute behind; its scan comes later but reads earlier
    record(workspace, "王", [(31 * m, ScanOutcome.SHIPPED, 0)])
    assert counter.update(workspace.session_factory, "王", NOW).parcels == 2

    tomorrow = counter.update(workspace.session_factory, "王", NOW + timedelta(days=1))  # a new day starts at zero
    assert (tomorrow.parcels, tomorrow.units) == (0, 0)
    other = counter.update(workspace.session_factory, "李", NOW)  # another packer signs in
    assert other == pace_today(workspace.session_factory, "李", NOW)

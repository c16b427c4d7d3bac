"""The packer's pace today, computed from the scan record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
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
    assert pace.parcels_per_hour is None and pace.units_per_hour is None  # two parcels say nothing about a rate


def test_no_scans_is_zero_not_an_error(workspace: Workspace) -> None:
    pace = pace_today(workspace.session_factory, "nobody", NOW)
    assert pace.to_json() == {
        "parcels": 0, "units": 0, "caught": 0, "active_minutes": 0.0, "parcels_per_hour": None, "units_per_hour": None,
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


def parcels(
    every: timedelta, count: int, *, last: timedelta, units: int = 1
) -> list[tuple[timedelta, ScanOutcome, int]]:
    """`count` parcels of `units` pieces packed one after another, `every` apart, the last shipped `last` ago."""
    events = []
    for k in range(count - 1, -1, -1):
        shipped = last + k * every
        events += [
            (shipped + every - timedelta(seconds=5), ScanOutcome.ORDER_OPENED, 0),
            (shipped + timedelta(seconds=5), ScanOutcome.ITEM_OK, units),
            (shipped, ScanOutcome.SHIPPED, 0),
        ]
    return events


def test_one_parcel_just_after_sign_in_shows_no_rate(workspace: Workspace) -> None:
    s = timedelta(seconds=1)
    record(workspace, "王", [(70 * s, ScanOutcome.ORDER_OPENED, 0), (65 * s, ScanOutcome.ITEM_OK, 1),
                            (60 * s, ScanOutcome.SHIPPED, 0)])  # fmt: skip
    pace = pace_today(workspace.session_factory, "王", NOW)
    assert (pace.parcels, pace.units) == (1, 1)
    assert pace.parcels_per_hour is None and pace.units_per_hour is None  # not "360 parcels/h"
    assert pace.to_json()["parcels_per_hour"] is None


def test_a_rate_needs_five_parcels(workspace: Workspace) -> None:
    m = timedelta(minutes=1)
    record(workspace, "王", parcels(2 * m, 4, last=10 * m))
    assert pace_today(workspace.session_factory, "王", NOW).parcels_per_hour is None
    record(workspace, "王", parcels(2 * m, 1, last=8 * m))  # the fifth, two minutes after the fourth
    pace = pace_today(workspace.session_factory, "王", NOW)
    assert pace.parcels == 5 and pace.active == 10 * m - timedelta(seconds=5)  # from the first scan to the last
    assert pace.parcels_per_hour == pytest.approx(5 / pace.active.total_seconds() * 3600)
    assert pace.units_per_hour == pace.parcels_per_hour  # one piece each


def test_the_rate_is_over_the_last_half_hour_of_packing_not_the_day(workspace: Workspace) -> None:
    m = timedelta(minutes=1)
    record(workspace, "王", parcels(6 * m, 20, last=3 * 60 * m, units=2))  # the morning: 10 parcels an hour
    record(workspace, "王", parcels(2 * m, 30, last=0 * m))  # the last hour: 30 an hour, one piece each
    pace = pace_today(workspace.session_factory, "王", NOW)
    assert pace.parcels == 50 and pace.units == 70
    assert pace.parcels_per_hour == pytest.approx(30.0)
    assert pace.units_per_hour == pytest.approx(30.0)
    assert pace.to_json()["parcels_per_hour"] == 30.0


def test_breaks_are_left_out_of_the_window(workspace: Workspace) -> None:
    m = timedelta(minutes=1)
    record(workspace, "王", parcels(3 * m, 10, last=70 * m))  # half an hour of packing, 20 an hour
    record(workspace, "王", parcels(3 * m, 3, last=0 * m))  # after an hour's lunch, 9 minutes more
    pace = pace_today(workspace.session_factory, "王", NOW)
    # the last 30 minutes of packing: the 9 after lunch and the last 21 before it, 3 + 8 parcels; not the 3 of the
    # last half hour on the clock, nor the day's average over the lunch
    assert pace.parcels_per_hour == pytest.approx(22.0)


def test_the_running_window_equals_a_full_recount(workspace: Workspace) -> None:
    m = timedelta(minutes=1)
    counter = PaceCounter()
    events = parcels(3 * m, 8, last=60 * m) + parcels(m, 40, last=0 * m, units=3)
    for start in range(0, len(events), 7):  # a bench refreshing its pace as the scans come in
        record(workspace, "王", events[start : start + 7])
        running = counter.update(workspace.session_factory, "王", NOW)
        assert running == pace_today(workspace.session_factory, "王", NOW)
    assert running.parcels_per_hour == pytest.approx(60.0) and running.units_per_hour == pytest.approx(180.0)

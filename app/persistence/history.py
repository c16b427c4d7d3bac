"""The kept history's roll-ups: filling them from the events, pruning old events, and the sums the reports read
(persistence layer).

The events (`history_events`) are written by triggers (migration 0021_history_rollups). `roll_up_slice` adds the
events after `rollup_state.last_event_id` to the roll-up tables, a slice of ids per transaction that also moves the
watermark: a roll-up cut off resumes where its last slice ended, one run twice adds nothing, and only the days the
new events fall on change. Every roll-up figure is a sum, so adding slices equals computing all at once (a test
checks it), and pruning events never changes them. Days are China time (Asia/Shanghai, UTC+8 all year): SQLite's
`date(at, '+8 hours')`.

The tables: `rollup_trend` (per day and shop: new, shipped, cancelled, reopened, printed), `rollup_counts` (per day
and shop, a count by metric and key: hours of the day, packer and scan outcome, carrier, duration histograms by packer
and bucket, and by bucket alone for each day's figure), `rollup_months` (the same per month, hours keyed by weekday),
`rollup_sku` (per day, shop, SKU and day of payment: units in and out of the backlog) and `rollup_sku_cohorts` (the
same summed over all days: the open cohorts are the backlog now). A range reads whole months from `rollup_months` and
at most two runs of days from `rollup_counts`, so a year costs about as much as two months.

Durations go into histograms of whole minutes bucketed as app.domain.reports.bucket_of says (30 minutes under 48 h,
6 hours under 7 days, a day under 30 days, one bucket beyond). The same SQL fills temporary tables straight from the
events (`fill_raw`, `RAW`): the figures computed without roll-ups, for the bench and the tests.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.persistence.rows import RollupStateRow

SLICE = 250_000  # events per roll-up transaction

_DAY = "date(at, '+8 hours')"
_HOUR = "strftime('%H', at, '+8 hours')"
_SECONDS = "(CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER))"
# Minutes (never negative) -> the lower edge of their bucket; app.domain.reports.bucket_of is the same rule.
_BUCKET = (
    "(CASE WHEN {m} < 2880 THEN {m} / 30 * 30 WHEN {m} < 10080 THEN {m} / 360 * 360 "
    "WHEN {m} < 43200 THEN {m} / 1440 * 1440 ELSE 43200 END)"
)


def _bucket(end: str, start: str) -> str:
    return _BUCKET.format(m=f"MAX(0, {_SECONDS.format(end=end, start=start)} / 60)")


def _histogram(end: str, start: str) -> str:
    return "packer || char(9) || " + _bucket(end, start)


@dataclass(frozen=True)
class Tables:
    """Where the sums live: the roll-up tables, or temporary ones filled straight from the events."""

    trend: str = "rollup_trend"
    counts: str = "rollup_counts"
    sku: str = "rollup_sku"
    months: str = "rollup_months"
    cohorts: str = "rollup_sku_cohorts"


ROLLUPS = Tables()
RAW = Tables("temp.raw_trend", "temp.raw_counts", "temp.raw_sku", "temp.raw_months", "temp.raw_cohorts")
_HOUR_METRICS = "('paid_hour', 'left_hour', 'packed_hour')"

_SLICE = "id > :after AND id <= :upto AND at < :before"


def _statements(t: Tables) -> list[str]:
    counts = [
        f"SELECT {_DAY} AS d, shop_id, 'paid_hour' AS metric, {_HOUR} AS key FROM ev WHERE kind = 'paid'",
        f"SELECT {_DAY}, shop_id, 'left_hour', {_HOUR} FROM ev WHERE kind IN ('shipped', 'closed')",
        f"SELECT {_DAY}, shop_id, 'packed_hour', {_HOUR} FROM ev WHERE kind = 'scan_order_complete'",
        f"SELECT {_DAY}, shop_id, 'scan', packer || char(9) || substr(kind, 6) FROM ev WHERE kind LIKE 'scan\\_%' "
        "ESCAPE '\\'",
        f"SELECT {_DAY}, shop_id, 'waybill', carrier FROM ev WHERE kind = 'waybill'",
        f"SELECT {_DAY}, shop_id, 'h_paid_shipped', {_histogram('at', 'paid_at')} FROM ev WHERE kind = 'shipped'",
        f"SELECT {_DAY}, shop_id, 'h_printed_shipped', {_histogram('at', 'printed_at')} FROM ev "
        "WHERE kind = 'shipped' AND printed_at IS NOT NULL",
        f"SELECT {_DAY}, shop_id, 'h_paid_printed', {_histogram('at', 'paid_at')} FROM ev WHERE kind = 'printed'",
        f"SELECT {_DAY}, shop_id, 'on_time', packer FROM ev WHERE kind = 'shipped' AND on_time",
        # by day alone (no packer): each day's processing over a long range reads only these
        f"SELECT {_DAY}, shop_id, 'd_paid_shipped', '' || {_bucket('at', 'paid_at')} FROM ev WHERE kind = 'shipped'",
        f"SELECT {_DAY}, shop_id, 'd_on_time', '' FROM ev WHERE kind = 'shipped' AND on_time",
    ]
    union = " UNION ALL ".join(counts)
    sku_sums = (
        "SUM(CASE WHEN kind = 'line_in' THEN qty ELSE 0 END), SUM(CASE WHEN kind = 'line_out' THEN qty ELSE 0 END), "
        "MIN(CASE WHEN kind = 'line_in' THEN paid_at END) FROM ev WHERE kind IN ('line_in', 'line_out')"
    )
    sku_update = (
        "units_in = units_in + excluded.units_in, units_out = units_out + excluded.units_out, first_paid_at = "
        "CASE WHEN first_paid_at IS NULL THEN excluded.first_paid_at WHEN excluded.first_paid_at IS NULL "
        "THEN first_paid_at ELSE MIN(first_paid_at, excluded.first_paid_at) END"
    )
    ev = f"WITH ev AS (SELECT * FROM history_events WHERE {_SLICE}) "
    return [
        ev + f"INSERT INTO {t.trend} (day, shop_id, new, shipped, cancelled, reopened, printed) "
        f"SELECT {_DAY} AS d, shop_id, SUM(kind = 'paid'), SUM(kind = 'shipped'), SUM(kind = 'closed'), "
        "SUM(kind = 'reopened'), SUM(kind = 'printed') FROM ev "
        "WHERE kind IN ('paid', 'shipped', 'closed', 'reopened', 'printed') GROUP BY d, shop_id "
        'ON CONFLICT (day, shop_id) DO UPDATE SET "new" = "new" + excluded."new", shipped = shipped + '
        "excluded.shipped, cancelled = cancelled + excluded.cancelled, reopened = reopened + excluded.reopened, "
        "printed = printed + excluded.printed",
        ev + f"INSERT INTO {t.counts} (day, shop_id, metric, key, n) SELECT d, shop_id, metric, key, COUNT(*) "
        f"FROM ({union}) WHERE key IS NOT NULL GROUP BY d, shop_id, metric, key "
        "ON CONFLICT (day, shop_id, metric, key) DO UPDATE SET n = n + excluded.n",
        ev + f"INSERT INTO {t.months} (month, shop_id, metric, key, n) SELECT substr(d, 1, 7) AS m, shop_id, metric, "
        f"CASE WHEN metric IN {_HOUR_METRICS} THEN strftime('%w', d) || char(9) || key ELSE key END AS k, COUNT(*) "
        f"FROM ({union}) WHERE key IS NOT NULL AND metric NOT LIKE 'd\\_%' ESCAPE '\\' "
        "GROUP BY m, shop_id, metric, k ON CONFLICT (month, shop_id, metric, key) DO UPDATE SET n = n + excluded.n",
        ev + f"INSERT INTO {t.sku} (day, shop_id, sku, paid_day, units_in, units_out, first_paid_at) "
        f"SELECT {_DAY} AS d, shop_id, sku, date(paid_at, '+8 hours') AS pd, {sku_sums} GROUP BY d, shop_id, sku, pd "
        f"ON CONFLICT (day, shop_id, sku, paid_day) DO UPDATE SET {sku_update}",
        ev + f"INSERT INTO {t.cohorts} (sku, paid_day, shop_id, units_in, units_out, first_paid_at) "
        f"SELECT sku, date(paid_at, '+8 hours') AS pd, shop_id, {sku_sums} GROUP BY sku, pd, shop_id "
        f"ON CONFLICT (sku, paid_day, shop_id) DO UPDATE SET {sku_update}",
    ]


_ROLLUP = _statements(ROLLUPS)
_FAR = "9999-12-31 00:00:00.000000"


@dataclass(frozen=True)
class RolledUp:
    """What one roll-up did: the events it added and the watermark it left."""

    events: int
    last_event_id: int


def state(session: Session) -> RollupStateRow:
    row = session.get(RollupStateRow, 1)
    if row is None:
        row = RollupStateRow(id=1, last_event_id=0)
        session.add(row)
        session.flush()
    return row


def last_event_id(session: Session) -> int:
    return int(session.execute(text("SELECT COALESCE(MAX(id), 0) FROM history_events")).scalar_one())


def roll_up_slice(session: Session, upto: int, slice_size: int = SLICE) -> int:
    """Adds the next slice of events (at most `slice_size`, none after id `upto`) to the roll-ups and moves the
    watermark, in the caller's transaction; returns how many ids it covered (0: nothing left)."""
    after = state(session).last_event_id
    end = min(upto, after + slice_size)
    if end <= after:
        return 0
    # The watermark moves first and only from where this transaction read it: a second roll-up that read the same
    # watermark finds it moved and adds nothing (SQLite lets one writer in at a time).
    moved = session.execute(
        text("UPDATE rollup_state SET last_event_id = :end WHERE id = 1 AND last_event_id = :after"),
        {"end": end, "after": after},
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        return 0
    params = {"after": after, "upto": end, "before": _FAR}
    for statement in _ROLLUP:
        session.execute(text(statement), params)
    return end - after


def reset_rollups(session: Session) -> None:
    """Empties the roll-ups and their watermark (a full recompute follows). Refused after pruning: the pruned
    events' sums live only in the roll-ups."""
    if state(session).pruned_before is not None:
        raise ValueError("history was pruned: the roll-ups cannot be recomputed from it")
    for table in (ROLLUPS.trend, ROLLUPS.counts, ROLLUPS.sku, ROLLUPS.months, ROLLUPS.cohorts):
        session.execute(text(f"DELETE FROM {table}"))
    session.execute(text("UPDATE rollup_state SET last_event_id = 0 WHERE id = 1"))


def prune(session: Session, before: datetime) -> int:
    """Deletes the events older than `before` that the roll-ups already hold; returns how many."""
    upto = state(session).last_event_id
    gone = session.execute(
        text("DELETE FROM history_events WHERE at < :before AND id <= :upto"),
        {"before": _stamp(before), "upto": upto},
    )
    row = state(session)
    if row.pruned_before is None or row.pruned_before < before:
        row.pruned_before = before
    return int(gone.rowcount)  # type: ignore[attr-defined]


def _stamp(value: datetime) -> str:
    from datetime import UTC

    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def fill_raw(session: Session, before: datetime) -> None:
    """Fills temporary tables like the roll-ups straight from every event before `before` (no roll-up read)."""
    for table in (RAW.trend, RAW.counts, RAW.sku, RAW.months, RAW.cohorts):
        session.execute(text(f"DROP TABLE IF EXISTS {table}"))
    session.execute(
        text(
            'CREATE TEMP TABLE raw_trend (day TEXT, shop_id INTEGER, "new" INTEGER, shipped INTEGER, '
            "cancelled INTEGER, reopened INTEGER, printed INTEGER, PRIMARY KEY (day, shop_id))"
        )
    )
    session.execute(
        text(
            "CREATE TEMP TABLE raw_counts (day TEXT, shop_id INTEGER, metric TEXT, key TEXT, n INTEGER, "
            "PRIMARY KEY (day, shop_id, metric, key))"
        )
    )
    session.execute(
        text(
            "CREATE TEMP TABLE raw_sku (day TEXT, shop_id INTEGER, sku TEXT, paid_day TEXT, units_in INTEGER, "
            "units_out INTEGER, first_paid_at TEXT, PRIMARY KEY (day, shop_id, sku, paid_day))"
        )
    )
    session.execute(
        text(
            "CREATE TEMP TABLE raw_months (month TEXT, shop_id INTEGER, metric TEXT, key TEXT, n INTEGER, "
            "PRIMARY KEY (month, shop_id, metric, key))"
        )
    )
    session.execute(
        text(
            "CREATE TEMP TABLE raw_cohorts (sku TEXT, paid_day TEXT, shop_id INTEGER, units_in INTEGER, "
            "units_out INTEGER, first_paid_at TEXT, PRIMARY KEY (sku, paid_day, shop_id))"
        )
    )
    params = {"after": 0, "upto": last_event_id(session), "before": _stamp(before)}
    for statement in _statements(RAW):
        session.execute(text(statement), params)


def shop_names(session: Session) -> dict[int, str]:
    return {int(i): str(n) for i, n in session.execute(text("SELECT id, name FROM shops")).all()}


# Reading the sums (`shops`: the shop ids to sum over, None for all).


def _shop_clause(shops: Sequence[int] | None, params: dict[str, Any]) -> str:
    if shops is None:
        return ""
    params["shops"] = ",".join(str(int(s)) for s in shops)
    return " AND shop_id IN (SELECT value FROM json_each('[' || :shops || ']'))"


def trend_before(session: Session, day: str, shops: Sequence[int] | None, t: Tables = ROLLUPS) -> int:
    """Orders waiting at the end of the day before `day`: every day's new - shipped - cancelled + reopened."""
    params: dict[str, Any] = {"day": day}
    where = _shop_clause(shops, params)
    return int(
        session.execute(
            text(
                f'SELECT COALESCE(SUM("new" - shipped - cancelled + reopened), 0) FROM {t.trend} '
                f"WHERE day < :day{where}"
            ),
            params,
        ).scalar_one()
    )


def trend_days(
    session: Session, first: str, last: str, shops: Sequence[int] | None, t: Tables = ROLLUPS
) -> list[tuple[str, int, int, int, int, int]]:
    """(day, new, shipped, cancelled, reopened, printed) of each day from `first` to `last` that has any."""
    params: dict[str, Any] = {"first": first, "last": last}
    where = _shop_clause(shops, params)
    rows = session.execute(
        text(
            f'SELECT day, SUM("new"), SUM(shipped), SUM(cancelled), SUM(reopened), SUM(printed) FROM {t.trend} '
            f"WHERE day >= :first AND day <= :last{where} GROUP BY day ORDER BY day"
        ),
        params,
    ).all()
    return [(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5])) for r in rows]


def _months_within(first: str, last: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The whole months between days `first` and `last` (inclusive), and the day ranges left at either end."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    months: list[str] = []
    month = start if start.day == 1 else (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    while True:
        following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
        if following - timedelta(days=1) > end:
            break
        months.append(month.isoformat()[:7])
        month = following
    if not months:
        return [], [(first, last)]
    edges = []
    if first < months[0] + "-01":
        edges.append((first, (date.fromisoformat(months[0] + "-01") - timedelta(days=1)).isoformat()))
    if month <= end:
        edges.append((month.isoformat(), last))
    return months, edges


def range_counts(
    session: Session, first: str, last: str, shops: Sequence[int] | None, t: Tables = ROLLUPS
) -> list[tuple[int, str, str, int]]:
    """(shop id, metric, key, n) summed over days `first`..`last`: whole months from the monthly sums, the days
    around them from the daily ones. Hours of the day are keyed "W<tab>HH" (W: SQLite's %w, 0 Sunday)."""
    months, edges = _months_within(first, last)
    params: dict[str, Any] = {}
    where = _shop_clause(shops, params)
    parts = []
    if months:
        params["months"] = json.dumps(months)
        parts.append(
            f"SELECT shop_id, metric, key, n FROM {t.months} WHERE month IN (SELECT value FROM json_each(:months))"
            + where
        )
    for i, (a, b) in enumerate(edges):
        params[f"a{i}"], params[f"b{i}"] = a, b
        parts.append(
            f"SELECT shop_id, metric, CASE WHEN metric IN {_HOUR_METRICS} THEN strftime('%w', day) || char(9) || key "
            f"ELSE key END AS key, n FROM {t.counts} WHERE day >= :a{i} AND day <= :b{i} AND metric NOT LIKE 'd\\_%' "
            f"ESCAPE '\\'{where}"
        )
    rows = session.execute(
        text(f"SELECT shop_id, metric, key, SUM(n) FROM ({' UNION ALL '.join(parts)}) GROUP BY shop_id, metric, key"),
        params,
    ).all()
    return [(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]


def day_counts(
    session: Session, first: str, last: str, shops: Sequence[int] | None, t: Tables = ROLLUPS
) -> list[tuple[str, str, str, int]]:
    """(day, metric, key, n) of the by-day metrics (d_paid_shipped histograms, d_on_time), summed over shops."""
    params: dict[str, Any] = {"first": first, "last": last}
    where = _shop_clause(shops, params)
    rows = session.execute(
        text(
            f"SELECT day, metric, key, SUM(n) FROM {t.counts} WHERE metric IN ('d_paid_shipped', 'd_on_time') "
            f"AND day >= :first AND day <= :last{where} GROUP BY day, metric, key"
        ),
        params,
    ).all()
    return [(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]


def sku_waiting(
    session: Session, last: str, shops: Sequence[int] | None, t: Tables = ROLLUPS
) -> list[tuple[str, str, int, str | None]]:
    """(SKU, day of payment, units still waiting at the end of `last`, first payment of those that day) of every
    SKU and day of payment with units waiting: the cohorts open now, corrected by what happened after `last`."""
    params: dict[str, Any] = {"last": last}
    where = _shop_clause(shops, params)
    rows = session.execute(
        text(
            "WITH w AS (SELECT sku, paid_day, SUM(units) AS waiting FROM ("
            f"SELECT sku, paid_day, units_in - units_out AS units FROM {t.cohorts} "
            f"WHERE units_in <> units_out AND paid_day <= :last{where} UNION ALL "
            f"SELECT sku, paid_day, units_out - units_in FROM {t.sku} WHERE day > :last AND paid_day <= :last{where}"
            ") GROUP BY sku, paid_day HAVING waiting > 0) "
            f"SELECT sku, paid_day, waiting, (SELECT MIN(first_paid_at) FROM {t.cohorts} c WHERE c.sku = w.sku "
            f"AND c.paid_day = w.paid_day{where}) FROM w"
        ),
        params,
    ).all()
    return [(str(r[0]), str(r[1]), int(r[2]), None if r[3] is None else str(r[3])) for r in rows]

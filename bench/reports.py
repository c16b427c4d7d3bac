"""The reports and the dashboard on a year of history: the figures read from the roll-ups beside the same figures
computed from the raw events in the same run, and the incremental roll-up of one new day.

A migrated SQLite file with PACKDESK_BENCH_REPORT_EVENTS history events (default 2,000,000: about 250,000 orders
over the 365 days before the file's clock, three shops, 300 SKUs, four packers and a bench-less batch print; each
order paid with its lines, most given a waybill, printed, packed and shipped, some closed, a few scan errors) is
built once with raw sqlite3 `executemany`, rolled up through `app.services.reports.roll_up` (that time is a figure
of the first run only), and kept under PACKDESK_BENCH_DIR like bench.workspace's file.

Each run times `report(update=False)` (what the dashboard does on opening: every figure of the range, roll-ups
only) over the last 30 days and over the whole year, PACKDESK_BENCH_REPEAT_REPORTS times each (median), beside
`report_from_events` (the same figures aggregated from the raw events, no roll-up read) once each; both must agree
or the bench fails. Then one new day of events is inserted and rolled up inside a transaction that is rolled back
(the file stays as cached). Last, the Dashboard tab itself in a child process (bench.dashboard_window): from choosing
30 days or the year to the figures drawn, and the longest the window's event loop stalled meanwhile. Goal: the
dashboard's load under 1 s on a year.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import Figure
from bench.workspace import _t, bench_dir, fresh_database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

EVENTS = int(os.environ.get("PACKDESK_BENCH_REPORT_EVENTS", "2000000"))
REPEAT = int(os.environ.get("PACKDESK_BENCH_REPEAT_REPORTS", "5"))
NOW = datetime(2026, 6, 18, 4, 0, tzinfo=UTC)  # 12:00 China time; the history covers the 365 days before
SHOPS = ["小鹿生活馆", "鹿家天猫店", "拼多多百货"]
PACKERS = ["王芳", "李强", "张伟", "陈静"]
CARRIERS = ["ZTO", "YTO", "STO", "YUNDA", "SF"]
SKUS = 300
EVENTS_PER_ORDER = 7.9  # paid, ~1.5 lines in and out, waybill, printed, packed, shipped (fewer when closed)
LAYOUT = "v2"  # the roll-up tables' layout: a new one builds a new file
_COLS = "(at, kind, shop_id, order_id, packer, sku, qty, carrier, tracking_no, paid_at, printed_at, on_time)"


def _order_events(rnd: random.Random, oid: int, paid: datetime) -> list[tuple[object, ...]]:
    """One order's life as the history triggers record it."""
    shop = rnd.randrange(len(SHOPS)) + 1
    lines = [(f"SKU-{rnd.randrange(SKUS):04d}", rnd.choice((1, 1, 2, 3))) for _ in range(rnd.choice((1, 1, 2, 2, 3)))]
    out: list[tuple[object, ...]] = [(_t(paid), "paid", shop, oid, "", None, 0, None, None, _t(paid), None, None)]
    out += [(_t(paid), "line_in", shop, oid, "", sku, qty, None, None, _t(paid), None, None) for sku, qty in lines]
    deadline = paid + timedelta(hours=48)
    if rnd.random() < 0.08:  # closed before it was packed
        left = paid + timedelta(minutes=rnd.randrange(10, 3000))
        out.append((_t(left), "closed", shop, oid, "", None, 0, None, None, _t(paid), None, left <= deadline))
    else:
        # a backlog that builds up in the day and is worked off in the morning and afternoon
        printed = paid + timedelta(minutes=int(rnd.expovariate(1 / 600)) + 5)
        shipped = printed + timedelta(minutes=int(rnd.expovariate(1 / 240)) + 2)
        packer = "" if rnd.random() < 0.15 else rnd.choice(PACKERS)
        carrier = rnd.choice(CARRIERS)
        number = f"{carrier}{oid:012d}"
        out.append((_t(printed), "waybill", shop, oid, "", None, 0, carrier, number, _t(paid), None, None))
        out.append((_t(printed), "printed", shop, oid, packer, None, 0, carrier, number, _t(paid), _t(printed), None))
        if packer:
            for kind in ("scan_wrong_item", "scan_over_scan"):
                if rnd.random() < 0.02:
                    out.append((_t(printed), kind, shop, oid, packer, lines[0][0], 1, None, None, None, None, None))
            done = printed + timedelta(minutes=1)
            out.append((_t(done), "scan_order_complete", shop, oid, packer, None, 0, None, None, None, None, None))
        out.append(
            (_t(shipped), "shipped", shop, oid, packer, None, 0, None, None, _t(paid), _t(printed), shipped <= deadline)
        )
        left = shipped
    out += [(_t(left), "line_out", shop, oid, "", sku, qty, None, None, _t(paid), None, None) for sku, qty in lines]
    return out


def _orders_of_day(rnd: random.Random, day_start: datetime, first_oid: int, count: int) -> list[tuple[object, ...]]:
    events: list[tuple[object, ...]] = []
    for k in range(count):
        hour = rnd.choices(
            range(24), weights=[2, 1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 7, 6, 6, 7, 7, 6, 6, 8, 10, 11, 9, 5]
        )
        paid = day_start + timedelta(hours=hour[0], seconds=rnd.randrange(3600))
        events += _order_events(rnd, first_oid + k, paid)
    return events


def build_history_file(path: Path, events: int, seed: int = 17) -> float:
    """A migrated PackDesk database at `path` with about `events` history events, rolled up; returns the roll-up's
    seconds."""
    from app.persistence.db import make_engine, make_session_factory, sqlite_url
    from app.services.reports import roll_up

    fresh_database(path)
    rnd = random.Random(seed)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        created = _t(NOW - timedelta(days=400))
        conn.executemany(
            "INSERT INTO shops (id, name, platform, created_at) VALUES (?, ?, 'taobao', ?)",
            [(i + 1, name, created) for i, name in enumerate(SHOPS)],
        )
        conn.executemany(
            "INSERT INTO products (sku, title, spec, price, weight_g, stock, safety_stock, stock_tracked, reserved, "
            "image_url) VALUES (?, ?, '', 1990, 300, ?, 0, ?, 0, '')",
            [(f"SKU-{i:04d}", f"商品{i}", i % 40, i % 3 == 0) for i in range(SKUS)],
        )
        per_day = max(1, round(events / EVENTS_PER_ORDER / 365))
        today = _china_midnight(NOW)
        oid = 0
        for back in range(365, 0, -1):
            batch = _orders_of_day(rnd, today - timedelta(days=back), oid + 1, per_day)
            oid += per_day
            conn.executemany(f"INSERT INTO history_events {_COLS} VALUES ({', '.join('?' * 12)})", batch)
        conn.commit()
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()
    engine = make_engine(sqlite_url(path))
    try:
        start = time.perf_counter()
        roll_up(make_session_factory(engine))
        return time.perf_counter() - start
    finally:
        engine.dispose()


def _china_midnight(at: datetime) -> datetime:
    from app.domain.orders import CHINA_TZ

    local = at.astimezone(CHINA_TZ)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def _china_day(at: datetime) -> date:
    from app.domain.orders import CHINA_TZ

    return at.astimezone(CHINA_TZ).date()


def history_file(events: int = EVENTS) -> tuple[Path, float | None]:
    """The cached bench file, built when missing (then also the seconds its full roll-up took)."""
    from app.persistence.db import head_revision

    path = bench_dir() / f"reports-{events}-{head_revision()}-{LAYOUT}.db"
    took = None
    if not path.exists():
        partial = path.with_name(path.name + ".building")
        took = build_history_file(partial, events)
        partial.replace(path)
        path.with_name(path.name + ".rollup.json").write_text(json.dumps({"rollup_s": took}))
    return path, took


def _median_s(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run(events: int = EVENTS, repeat: int = REPEAT) -> list[Figure]:
    from sqlalchemy import text

    from app.persistence.db import make_engine, make_session_factory, sqlite_url
    from app.services.reports import report, report_from_events

    path, built = history_file(events)
    engine = make_engine(sqlite_url(path))
    factory = make_session_factory(engine)
    figures: list[Figure] = []
    try:
        with factory() as s:
            n_events = int(s.execute(text("SELECT COUNT(*) FROM history_events")).scalar_one())
            n_rollup = sum(
                int(s.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one())
                for t in ("rollup_trend", "rollup_counts", "rollup_sku")
            )
        to_day: date = _china_day(NOW) - timedelta(days=1)  # the last whole day of the history
        for days in (30, 365):
            first = to_day - timedelta(days=days - 1)
            ours = _median_s(lambda: report(factory, first, to_day, now=NOW, update=False), repeat)  # noqa: B023
            start = time.perf_counter()
            raw = report_from_events(factory, first, to_day, now=NOW)
            from_events = time.perf_counter() - start
            if raw != report(factory, first, to_day, now=NOW, update=False):
                raise AssertionError(f"the roll-ups and the raw events disagree over {days} days")
            figures.append(
                Figure(
                    f"dashboard load: {days} days of {n_events:,} events",
                    ours,
                    "s",
                    "same figures from raw events",
                    from_events,
                    "< 1 s",
                )  # fmt: skip
            )
        figures.append(Figure("roll-up rows for a year (all tables)", n_rollup, "rows", "history events", n_events))
        if built is not None:
            figures.append(Figure(f"full roll-up of {n_events:,} events (first run)", built, "s"))
        figures.append(_new_day(factory, events))
    finally:
        engine.dispose()
    return figures + _window_figures(path, n_events)


def _window_figures(path: Path, n_events: int) -> list[Figure]:
    """The Dashboard tab itself on the file (bench.dashboard_window, its own process, so Qt stays out of here)."""
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run(
        [sys.executable, "-m", "bench.dashboard_window", str(path)], capture_output=True, text=True, check=True, env=env
    )
    m = json.loads(out.stdout.strip().splitlines()[-1])
    return [
        Figure(f"dashboard tab: 30 days of {n_events:,} events, chosen to drawn", m["days30_s"], "s", goal="< 1 s"),
        Figure(f"dashboard tab: 365 days of {n_events:,} events, chosen to drawn", m["days365_s"], "s", goal="< 1 s"),
        Figure("dashboard tab: first opening (shops and 30 days), to drawn", m["first_s"], "s", goal="< 1 s"),
        Figure("dashboard tab: importing its charts (pyqtgraph, numpy), once a session", m["import_s"], "s"),
        Figure("dashboard tab: longest the window did not respond while loading", m["longest_stall_ms"], "ms"),
    ]


def _new_day(factory: sessionmaker[Session], events: int) -> Figure:
    """One more day of events rolled up incrementally, in a transaction rolled back afterwards."""
    from sqlalchemy import text

    from app.persistence import history

    rnd = random.Random(99)
    per_day = max(1, round(events / EVENTS_PER_ORDER / 365))
    batch = _orders_of_day(rnd, _china_midnight(NOW), 10**9, per_day)
    with factory() as s:
        conn = s.connection().connection.driver_connection
        conn.executemany(f"INSERT INTO history_events {_COLS} VALUES ({', '.join('?' * 12)})", batch)
        upto = history.last_event_id(s)
        start = time.perf_counter()
        history.roll_up_slice(s, upto)
        took = time.perf_counter() - start
        changed = s.execute(text("SELECT COUNT(DISTINCT day) FROM rollup_trend WHERE day >= :d"),
                            {"d": _china_day(NOW).isoformat()}).scalar_one()  # fmt: skip
        s.rollback()
    return Figure(f"incremental roll-up of one new day ({len(batch):,} events, {changed} days)", took * 1000, "ms")

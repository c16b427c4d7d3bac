"""The numbers that show where the backlog is: history roll-ups, the report's figures and what they suggest
(services layer). The dashboard and `packdesk report` call these; the figures read only the roll-up tables
(app.persistence.history), never the raw history, and come back as frozen dataclasses (app.domain.reports).

- `roll_up(session_factory)`: adds the history recorded since the last roll-up to the roll-ups (incremental,
  resumable, idempotent; safe beside other writers); `report` runs it first unless told not to.
- `report(session_factory, date_from, date_to, shop=None, now=None, *, update=True) -> Report`: every figure of
  China-time days `date_from`..`date_to` inclusive, for one shop (by name) or all.
- `report_from_events(...)`: the same figures aggregated straight from the kept events (the bench's baseline).
- `prune_history(session_factory, keep_days, now)`: deletes the rolled-up events older than `keep_days` days; the
  roll-ups keep their sums. `keep_days_of(setting)` reads the `history_keep_days` setting.
- `recompute(session_factory)`: empties the roll-ups and fills them again (refused once history was pruned).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.orders import CHINA_TZ
from app.domain.reports import (
    CarrierUse,
    DayProcessing,
    Durations,
    PackerFigures,
    Peak,
    Processing,
    ProcessingBy,
    ProductBacklog,
    Report,
    Suggestion,
    TrendDay,
    share,
)
from app.persistence import history
from app.persistence.stock import sheet_levels

MAX_DAYS = 1100  # three years: a report longer than that is a typo
MIN_KEEP_DAYS = 7
ERRORS = ("wrong_item", "over_scan", "intercepted", "unknown_code")
Hist = dict[int, int]
ALL = ("", "")


def china_day(at: datetime) -> date:
    return at.astimezone(CHINA_TZ).date()


def day_start(day: date) -> datetime:
    """The UTC instant a China-time day begins."""
    return datetime.combine(day, time(0), CHINA_TZ).astimezone(UTC)


def roll_up(session_factory: sessionmaker[Session], slice_size: int = history.SLICE) -> history.RolledUp:
    """Adds the events recorded since the last roll-up to the roll-ups, one slice per transaction.

    Returns:
        how many events were added and the watermark left.
    """
    with session_factory() as session:
        upto = history.last_event_id(session)
    added = 0
    while True:
        with session_factory.begin() as session:
            done = history.roll_up_slice(session, upto, slice_size)
            mark = history.state(session).last_event_id
        if not done:
            return history.RolledUp(added, mark)
        added += done


def recompute(session_factory: sessionmaker[Session]) -> history.RolledUp:
    """Empties the roll-ups and fills them again from all the history (refused once history was pruned)."""
    with session_factory.begin() as session:
        history.reset_rollups(session)
    return roll_up(session_factory)


def keep_days_of(text_value: str) -> int | None:
    """The history-keeping setting (`history_keep_days`): None (empty) keeps every event.

    Raises:
        InvalidInput: not a whole number of at least MIN_KEEP_DAYS.
    """
    if not text_value.strip():
        return None
    try:
        days = int(text_value)
    except ValueError:
        days = -1
    if days < MIN_KEEP_DAYS:
        raise InvalidInput(msg("report.keep_days_invalid", least=MIN_KEEP_DAYS, text=text_value))
    return days


def prune_history(session_factory: sessionmaker[Session], keep_days: int, now: datetime) -> int:
    """Rolls up, then deletes the events older than `keep_days` days (whole China-time days); returns how many."""
    if keep_days < MIN_KEEP_DAYS:
        raise InvalidInput(msg("report.keep_days_invalid", least=MIN_KEEP_DAYS, text=str(keep_days)))
    roll_up(session_factory)
    before = day_start(china_day(now) - timedelta(days=keep_days))
    with session_factory.begin() as session:
        return history.prune(session, before)


def check_range(date_from: date, date_to: date) -> None:
    if date_from > date_to:
        raise InvalidInput(msg("report.dates_reversed", date_from=date_from.isoformat(), date_to=date_to.isoformat()))
    days = (date_to - date_from).days + 1
    if days > MAX_DAYS:
        raise InvalidInput(msg("report.range_too_long", most=MAX_DAYS, days=days))


def _shop_ids(session: Session, shop: str | None) -> tuple[dict[int, str], list[int] | None]:
    names = history.shop_names(session)
    if shop is None:
        return names, None
    found = [i for i, n in names.items() if n == shop.strip()]
    if not found:
        if not names:
            raise InvalidInput(msg("shop.none_yet", name=shop))
        raise InvalidInput(msg("shop.not_found", name=shop, names=", ".join(sorted(names.values()))))
    return names, found


def report(
    session_factory: sessionmaker[Session],
    date_from: date,
    date_to: date,
    shop: str | None = None,
    now: datetime | None = None,
    *,
    update: bool = True,
) -> Report:
    """Every figure for China-time days `date_from`..`date_to` (inclusive), of shop `shop` or all.

    Args:
        now: the clock (ages of waiting units are measured to the range's end, or to now when that is later).
        update: roll up what was recorded since the last roll-up first (the dashboard may do it on its own lane).

    Raises:
        InvalidInput: dates reversed, a range too long, or an unknown shop.
    """
    check_range(date_from, date_to)
    now = now or datetime.now(UTC)
    if update:
        roll_up(session_factory)
    with session_factory() as session:
        names, shops = _shop_ids(session, shop)
        return build_report(session, date_from, date_to, shop, shops, names, now, history.ROLLUPS)


def report_from_events(
    session_factory: sessionmaker[Session], date_from: date, date_to: date, shop: str | None = None,
    now: datetime | None = None,
) -> Report:  # fmt: skip
    """The same figures computed straight from the kept events (no roll-up read): the bench's baseline, and a check
    of the roll-ups while no history was pruned."""
    check_range(date_from, date_to)
    now = now or datetime.now(UTC)
    with session_factory() as session:
        names, shops = _shop_ids(session, shop)
        history.fill_raw(session, day_start(date_to + timedelta(days=1)))
        try:
            return build_report(session, date_from, date_to, shop, shops, names, now, history.RAW)
        finally:
            session.rollback()


def build_report(
    session: Session, date_from: date, date_to: date, shop: str | None, shops: list[int] | None,
    names: dict[int, str], now: datetime, tables: history.Tables,
) -> Report:  # fmt: skip
    first, last = date_from.isoformat(), date_to.isoformat()
    as_of = min(now, day_start(date_to + timedelta(days=1)))
    trend = _trend(session, date_from, date_to, shops, tables)
    by_product = _by_product(session, last, shops, as_of, tables)
    # Histograms and on-time counts summed by dimension in one pass: ALL, ("shop", id), ("packer", name)
    hist: dict[tuple[str, object], dict[str, Hist]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    on_time: dict[tuple[str, object], int] = defaultdict(int)
    scans: dict[tuple[str, str], int] = defaultdict(int)
    hours: dict[str, dict[tuple[int, int], int]] = defaultdict(lambda: defaultdict(int))
    carriers: dict[tuple[str, str], int] = defaultdict(int)
    for shop_id, metric, key, n in history.range_counts(session, first, last, shops, tables):
        if metric.startswith("h_"):
            packer, _, lower = key.rpartition("\t")
            for dim in (ALL, ("shop", shop_id), ("packer", packer)):
                hist[dim][metric][int(lower)] += n
        elif metric == "on_time":
            for dim in (ALL, ("shop", shop_id), ("packer", key)):
                on_time[dim] += n
        elif metric == "scan":
            packer, _, outcome = key.rpartition("\t")
            scans[(packer, outcome)] += n
        elif metric.endswith("_hour"):
            weekday, _, hour = key.partition("\t")
            hours[metric][((int(weekday) + 6) % 7, int(hour))] += n  # SQLite's %w counts from Sunday
        elif metric == "waybill":
            carriers[(names.get(shop_id, str(shop_id)), key)] += n
    processing = _processing(hist[ALL], on_time[ALL])
    shop_ids = sorted({int(str(dim[1])) for dim in hist if dim[0] == "shop"}, key=lambda i: names.get(i, str(i)))
    by_shop = tuple(
        ProcessingBy(names.get(i, str(i)), _processing(hist[("shop", i)], on_time[("shop", i)])) for i in shop_ids
    )
    packers = {p for p, _ in scans} | {str(dim[1]) for dim in hist if dim[0] == "packer"}
    by_packer = tuple(
        PackerFigures(
            p,
            scans.get((p, "order_complete"), 0),
            *(scans.get((p, e), 0) for e in ERRORS),
            processing=_processing(hist[("packer", p)], on_time[("packer", p)]),
        )
        for p in sorted(packers)
    )
    peaks = tuple(
        Peak(wd, h, hours["paid_hour"].get((wd, h), 0), hours["packed_hour"].get((wd, h), 0))
        for wd in range(7)
        for h in range(24)
    )
    carrier_rows = tuple(CarrierUse(s, c, n) for (s, c), n in sorted(carriers.items()))
    suggestions = _suggestions(by_product, hours, len(trend), processing)
    by_day = _by_day(session, trend, first, last, shops, tables)
    return Report(
        date_from, date_to, shop, as_of, trend, by_product, processing, by_day, by_shop, by_packer, peaks,
        carrier_rows, suggestions,
    )  # fmt: skip


def _by_day(
    session: Session, trend: tuple[TrendDay, ...], first: str, last: str, shops: list[int] | None,
    tables: history.Tables,
) -> tuple[DayProcessing, ...]:  # fmt: skip
    hists: dict[str, Hist] = defaultdict(lambda: defaultdict(int))
    in_time: dict[str, int] = defaultdict(int)
    for day, metric, key, n in history.day_counts(session, first, last, shops, tables):
        if metric == "d_paid_shipped":
            hists[day][int(key)] += n
        else:
            in_time[day] += n
    days = []
    for d in trend:
        shipped = Durations.of(hists.get(d.date.isoformat(), {}))
        days.append(
            DayProcessing(d.date, shipped.count, shipped.p50_h, shipped.p90_h, shipped.within_24h_share,
                          share(in_time.get(d.date.isoformat(), 0), shipped.count))
        )  # fmt: skip
    return tuple(days)


def _trend(
    session: Session, date_from: date, date_to: date, shops: list[int] | None, tables: history.Tables
) -> tuple[TrendDay, ...]:
    waiting = history.trend_before(session, date_from.isoformat(), shops, tables)
    rows = {r[0]: r for r in history.trend_days(session, date_from.isoformat(), date_to.isoformat(), shops, tables)}
    days: list[TrendDay] = []
    day = date_from
    while day <= date_to:
        _, new, shipped, cancelled, reopened, printed = rows.get(day.isoformat(), ("", 0, 0, 0, 0, 0))
        waiting += new - shipped - cancelled + reopened
        days.append(TrendDay(day, new, shipped, cancelled, waiting, reopened, printed))
        day += timedelta(days=1)
    return tuple(days)


def _by_product(
    session: Session, last: str, shops: list[int] | None, as_of: datetime, tables: history.Tables
) -> tuple[ProductBacklog, ...]:
    waiting: dict[str, int] = defaultdict(int)
    oldest: dict[str, tuple[str, str | None]] = {}
    for sku, paid_day, units, first_paid in history.sku_waiting(session, last, shops, tables):
        waiting[sku] += units
        if sku not in oldest or paid_day < oldest[sku][0]:
            oldest[sku] = (paid_day, first_paid)
    stock = sheet_levels(session, waiting)
    rows = []
    for sku, units in waiting.items():
        paid_day, first_paid = oldest[sku]
        since = _parse(first_paid) if first_paid else day_start(date.fromisoformat(paid_day))
        age = max(0.0, (as_of - since).total_seconds() / 3600)
        level = stock.get(sku)
        on_hand = level[1] if level is not None and level[2] else None
        rows.append(ProductBacklog(sku, units, round(age, 1), date.fromisoformat(paid_day), on_hand))
    rows.sort(key=lambda p: (-p.waiting_units, -p.oldest_hours, p.sku))
    return tuple(rows)


def _parse(stored: str) -> datetime:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def _processing(hist: dict[str, Hist], in_time: int) -> Processing:
    shipped = Durations.of(hist.get("h_paid_shipped", {}))
    return Processing(
        Durations.of(hist.get("h_paid_printed", {})),
        Durations.of(hist.get("h_printed_shipped", {})),
        shipped,
        shipped.count,
        share(in_time, shipped.count),
    )


def _suggestions(
    by_product: Iterable[ProductBacklog], hours: dict[str, dict[tuple[int, int], int]], days: int,
    processing: Processing,
) -> tuple[Suggestion, ...]:  # fmt: skip
    found = [
        Suggestion(
            "stock_short",
            msg(
                "report.suggest_stock_short",
                sku=p.sku,
                waiting=p.waiting_units,
                on_hand=p.on_hand,
                short=p.waiting_units - p.on_hand,
            ),
        )  # fmt: skip
        for p in by_product
        if p.on_hand is not None and p.waiting_units > p.on_hand
    ]
    growth = [0] * 24
    for (_, hour), n in hours["paid_hour"].items():
        growth[hour] += n
    for (_, hour), n in hours["left_hour"].items():
        growth[hour] -= n
    fastest = max(range(24), key=lambda h: (growth[h], -h))
    if growth[fastest] > 0 and days > 0:
        rate = round(growth[fastest] / days, 1)
        found.append(
            Suggestion(
                "backlog_hour",
                msg(
                    "report.suggest_backlog_hour",
                    hour=f"{fastest:02d}",
                    next_hour=f"{(fastest + 1) % 24:02d}",
                    rate=rate,
                ),
            )  # fmt: skip
        )
    steps = [
        ("report.step_paid_printed", processing.paid_to_printed.p50_h),
        ("report.step_printed_shipped", processing.printed_to_shipped.p50_h),
    ]
    timed = [(hours_, step) for step, hours_ in steps if hours_ is not None]
    if timed:
        hours_, step = max(timed)
        found.append(Suggestion("slowest_step", msg("report.suggest_slowest_step", step=msg(step), hours=hours_)))
    return tuple(found)

"""Ship-by deadlines as data: the platform's promise, else the seller's rules, shifted by holidays (domain layer).

Which rule sets an order's ship-by time, first match wins:
1. the time the platform gives (承诺发货时间 / presale ship time / `last_ship_time`): it is the platform's, and stands;
2. an activity rule (双11, a presale campaign) whose pay-time window holds the order's pay time (and whose shop is
   the order's, when it names one): its hours;
3. a product rule for one of the order's SKUs: the longest of their hours (the parcel leaves with its slowest item);
4. a shop rule for the order's shop: its hours;
5. the default: 48 hours after payment ("付款后48小时内发货"), or what the seller set instead.
The hours of a rule count only outside holidays: the platform announces holidays as dates (China time), and the clock
stops from the start of such a day to its end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from app.domain.orders import CHINA_TZ, DEFAULT_SHIP_WITHIN

DEFAULT_HOURS = int(DEFAULT_SHIP_WITHIN.total_seconds() // 3600)
DEFAULT_DUE_SOON_HOURS = 6
MAX_HOURS = 24 * 90  # a rule beyond three months is a typing mistake, not a rule
KINDS = ("shop", "product", "activity")


@dataclass(frozen=True)
class DeadlineRule:
    """Ship within `hours` of payment: for a shop, a product (SKU), or orders paid in an activity's window."""

    id: int
    kind: str  # shop | product | activity
    hours: int
    shop: str = ""
    sku: str = ""
    starts: datetime | None = None  # activity: paid from (included)
    ends: datetime | None = None  # activity: paid until (excluded)
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        def stamp(t: datetime | None) -> str | None:
            return t.astimezone(CHINA_TZ).isoformat() if t else None

        return {"id": self.id, "kind": self.kind, "hours": self.hours, "shop": self.shop, "sku": self.sku,
                "from": stamp(self.starts), "to": stamp(self.ends), "note": self.note}  # fmt: skip


@dataclass(frozen=True)
class Holiday:
    """Days (China dates, both included) the ship-by clock stands still."""

    id: int
    starts: date
    ends: date
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "from": self.starts.isoformat(), "to": self.ends.isoformat(), "note": self.note}


@dataclass(frozen=True)
class DeadlinePolicy:
    default_hours: int = DEFAULT_HOURS
    rules: tuple[DeadlineRule, ...] = ()
    holidays: tuple[Holiday, ...] = ()

    def hours_for(self, paid_at: datetime, shop: str, skus: Iterable[str]) -> int:
        """The hours the seller's rules give an order paid at `paid_at` in `shop` with these SKUs."""
        activity = [
            r.hours for r in self.rules
            if r.kind == "activity" and (not r.shop or r.shop == shop)
            and (r.starts is None or r.starts <= paid_at) and (r.ends is None or paid_at < r.ends)
        ]  # fmt: skip
        if activity:
            return max(activity)
        wanted = set(skus)
        product = [r.hours for r in self.rules if r.kind == "product" and r.sku in wanted]
        if product:
            return max(product)
        return next((r.hours for r in self.rules if r.kind == "shop" and r.shop == shop), self.default_hours)

    def ship_by(self, paid_at: datetime, promised: datetime | None, shop: str, skus: Iterable[str]) -> datetime:
        """The order's ship-by time (aware UTC)."""
        if promised is not None:
            return promised
        return self.shift(paid_at, timedelta(hours=self.hours_for(paid_at, shop, skus)))

    def on_holiday(self, day: date) -> bool:
        return any(h.starts <= day <= h.ends for h in self.holidays)

    def shift(self, start: datetime, span: timedelta) -> datetime:
        """`start` plus `span` counted outside holidays."""
        if not self.holidays:
            return start + span
        t = start.astimezone(CHINA_TZ)
        left = span
        for _ in range(MAX_HOURS + 400):  # one step per day: bounded by the longest rule and a year of holidays
            midnight = datetime.combine(t.date() + timedelta(days=1), time(), CHINA_TZ)
            if self.on_holiday(t.date()):
                t = midnight
                continue
            step = min(left, midnight - t)
            t, left = t + step, left - step
            if left <= timedelta(0):
                break
        return t.astimezone(start.tzinfo)


@dataclass(frozen=True)
class Breach:
    """Where an open order stands against its ship-by time."""

    overdue: bool
    due_soon: bool
    by: timedelta  # how long overdue, or how long left


def breach(deadline: datetime, now: datetime, due_soon_hours: int) -> Breach:
    left = deadline - now
    if left < timedelta(0):
        return Breach(True, False, -left)
    return Breach(False, left < timedelta(hours=due_soon_hours), left)


def span_text(span: timedelta) -> str:
    """1d 4h, 3h 05m, 12m: how a span reads in a list."""
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {mins:02d}m" if hours else f"{mins}m"


DEFAULT_ALERT_TIMES = "10:00,15:00"  # China time: before the morning pick-up and the afternoon one


def parse_alert_times(text: str) -> tuple[time, ...] | None:
    """The China-time moments of the day a breach notice shows, from "10:00,15:30" ("" or "off": none); None when
    `text` is not such a list (the caller says so)."""
    raw = text.strip()
    if raw.lower() in ("", "off"):
        return ()
    found: set[time] = set()
    for part in raw.replace("，", ",").split(","):
        try:
            hh, mm = part.strip().split(":")
            found.add(time(int(hh), int(mm)))
        except ValueError:
            return None
    return tuple(sorted(found))


def alert_due(times: Iterable[time], since: datetime, now: datetime) -> bool:
    """True when one of `times` (China time, any day) falls in (since, now]: the breach notice shows once for it."""
    if now <= since:
        return False
    start, end = since.astimezone(CHINA_TZ), now.astimezone(CHINA_TZ)
    day = start.date()
    while day <= end.date():
        for t in times:
            at = datetime.combine(day, t, CHINA_TZ)
            if start < at <= end:
                return True
        day += timedelta(days=1)
    return False

"""The report's figures as plain values, and the arithmetic behind them (domain layer, pure).

Durations are kept as histograms of whole minutes (app.persistence.history fills them per day): a percentile over
any range is the nearest-rank percentile of the summed histogram, reported as the upper edge of the bucket it falls
in, so it can be checked by hand: sort the durations, take the ceil(p x n)-th, and round it up to its bucket's end
(30 minutes under 48 h, 6 hours under 7 days, a day under 30 days; 720 h for anything longer). Shares within 24 h
are exact: 24 h is a bucket edge.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.domain.messages import Message

CHINA_OFFSET_H = 8  # Asia/Shanghai: UTC+8 all year, no daylight saving
OVERFLOW_MIN = 43200  # 30 days: the last bucket holds everything longer


def bucket_of(minutes: int) -> int:
    """The lower edge (minutes) of the histogram bucket of a duration of `minutes` whole minutes."""
    m = max(0, minutes)
    if m < 2880:
        return m // 30 * 30
    if m < 10080:
        return m // 360 * 360
    if m < OVERFLOW_MIN:
        return m // 1440 * 1440
    return OVERFLOW_MIN


def bucket_end(lower: int) -> int:
    """The upper edge (minutes) of the bucket starting at `lower` (the overflow bucket ends where it starts)."""
    if lower < 2880:
        return lower + 30
    if lower < 10080:
        return lower + 360
    if lower < OVERFLOW_MIN:
        return lower + 1440
    return OVERFLOW_MIN


def percentile_hours(histogram: Mapping[int, int], pct: int) -> float | None:
    """The nearest-rank `pct`th percentile of a histogram {lower edge minutes: count}, as its bucket's upper edge
    in hours; None when it is empty."""
    total = sum(histogram.values())
    if total <= 0:
        return None
    rank = (pct * total + 99) // 100  # ceil(pct/100 x n), in integers
    seen = 0
    for lower in sorted(histogram):
        seen += histogram[lower]
        if seen >= rank:
            return round(bucket_end(lower) / 60, 2)
    return None  # pragma: no cover - rank <= total


def share(part: int, whole: int) -> float | None:
    return None if whole <= 0 else round(part / whole, 4)


@dataclass(frozen=True)
class Durations:
    """One step's durations over the range: how many, median and 90th percentile (hours), share within 24 h."""

    count: int
    p50_h: float | None
    p90_h: float | None
    within_24h_share: float | None

    @classmethod
    def of(cls, histogram: Mapping[int, int]) -> Durations:
        total = sum(histogram.values())
        within = sum(n for lower, n in histogram.items() if lower < 1440)
        return cls(total, percentile_hours(histogram, 50), percentile_hours(histogram, 90), share(within, total))

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "p50_h": self.p50_h,
            "p90_h": self.p90_h,
            "within_24h_share": self.within_24h_share,
        }


@dataclass(frozen=True)
class Processing:
    """Processing time: paid to printed (dated by the print), printed to shipped and paid to shipped (dated by the
    shipment), and the share of shipments made by the order's deadline."""

    paid_to_printed: Durations
    printed_to_shipped: Durations
    paid_to_shipped: Durations
    shipped: int
    within_deadline_share: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "shipped": self.shipped,
            "paid_to_shipped_p50_h": self.paid_to_shipped.p50_h,
            "paid_to_shipped_p90_h": self.paid_to_shipped.p90_h,
            "within_24h_share": self.paid_to_shipped.within_24h_share,
            "within_deadline_share": self.within_deadline_share,
            "paid_to_printed_p50_h": self.paid_to_printed.p50_h,
            "paid_to_printed_p90_h": self.paid_to_printed.p90_h,
            "printed_to_shipped_p50_h": self.printed_to_shipped.p50_h,
            "printed_to_shipped_p90_h": self.printed_to_shipped.p90_h,
        }


@dataclass(frozen=True)
class TrendDay:
    """One China-time day: orders paid (new), shipped, cancelled (closed) and still waiting at its end."""

    date: date
    new: int
    shipped: int
    cancelled: int
    waiting_end: int
    reopened: int = 0
    printed: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "new": self.new,
            "shipped": self.shipped,
            "cancelled": self.cancelled,
            "waiting_end": self.waiting_end,
            "reopened": self.reopened,
            "printed": self.printed,
        }


@dataclass(frozen=True)
class ProductBacklog:
    """A SKU's units waiting at the end of the range, and how long the oldest of them has waited (hours from the
    first payment of the oldest day that still has units waiting); `on_hand` for SKUs whose stock PackDesk keeps."""

    sku: str
    waiting_units: int
    oldest_hours: float
    oldest_paid_day: date
    on_hand: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "waiting_units": self.waiting_units,
            "oldest_hours": self.oldest_hours,
            "oldest_paid_day": self.oldest_paid_day.isoformat(),
            "on_hand": self.on_hand,
        }


@dataclass(frozen=True)
class ProcessingBy:
    """Processing time of one day, shop or packer (`key`: ISO date, shop name, packer name; '' packed off-bench)."""

    key: str
    processing: Processing

    def to_json(self, name: str) -> dict[str, Any]:
        return {name: self.key, **self.processing.to_json()}


@dataclass(frozen=True)
class DayProcessing:
    """One China-time day's shipments: how many, paid to shipped median and 90th percentile (hours), the shares
    within 24 h and by the deadline."""

    date: date
    shipped: int
    paid_to_shipped_p50_h: float | None
    paid_to_shipped_p90_h: float | None
    within_24h_share: float | None
    within_deadline_share: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "shipped": self.shipped,
            "paid_to_shipped_p50_h": self.paid_to_shipped_p50_h,
            "paid_to_shipped_p90_h": self.paid_to_shipped_p90_h,
            "within_24h_share": self.within_24h_share,
            "within_deadline_share": self.within_deadline_share,
        }


@dataclass(frozen=True)
class PackerFigures:
    """A packer's bench over the range: parcels completed, the errors caught, and their processing time."""

    packer: str
    packed: int
    wrong_item: int
    over_scan: int
    intercepted: int
    unknown_code: int
    processing: Processing

    def to_json(self) -> dict[str, Any]:
        return {
            "packer": self.packer,
            "packed": self.packed,
            "wrong_item": self.wrong_item,
            "over_scan": self.over_scan,
            "intercepted": self.intercepted,
            "unknown_code": self.unknown_code,
            **self.processing.to_json(),
        }


@dataclass(frozen=True)
class Peak:
    """Orders paid and parcels packed in one hour of one weekday (0 Monday), summed over the range."""

    weekday: int
    hour: int
    paid: int
    packed: int

    def to_json(self) -> dict[str, Any]:
        return {"weekday": self.weekday, "hour": self.hour, "paid": self.paid, "packed": self.packed}


@dataclass(frozen=True)
class CarrierUse:
    """Waybill numbers taken for one shop's parcels from one carrier over the range."""

    shop: str
    carrier: str
    waybills: int

    def to_json(self) -> dict[str, Any]:
        return {"shop": self.shop, "carrier": self.carrier, "waybills": self.waybills}


@dataclass(frozen=True)
class Suggestion:
    """Something the figures suggest doing, stated plainly (`code`: stock_short, backlog_hour, slowest_step)."""

    code: str
    message: Message

    def to_json(self) -> dict[str, Any]:
        params = {k: v.render() if isinstance(v, Message) else v for k, v in self.message.params.items()}
        return {"code": self.code, "text": self.message.render(), "params": params}


@dataclass(frozen=True)
class Report:
    """Every figure for China-time days `date_from`..`date_to` (inclusive) of one shop or all, as of `as_of`."""

    date_from: date
    date_to: date
    shop: str | None
    as_of: datetime
    trend: tuple[TrendDay, ...]
    by_product: tuple[ProductBacklog, ...]
    processing: Processing
    processing_by_day: tuple[DayProcessing, ...]
    processing_by_shop: tuple[ProcessingBy, ...]
    by_packer: tuple[PackerFigures, ...]
    peaks: tuple[Peak, ...]
    carriers: tuple[CarrierUse, ...]
    suggestions: tuple[Suggestion, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "shop": self.shop,
            "as_of": self.as_of.isoformat(),
            "trend": [d.to_json() for d in self.trend],
            "by_product": [p.to_json() for p in self.by_product],
            "processing": self.processing.to_json(),
            "processing_by_day": [p.to_json() for p in self.processing_by_day],
            "processing_by_shop": [p.to_json("shop") for p in self.processing_by_shop],
            "by_packer": [p.to_json() for p in self.by_packer],
            "peaks": [p.to_json() for p in self.peaks if p.paid or p.packed],
            "carriers": [c.to_json() for c in self.carriers],
            "suggestions": [s.to_json() for s in self.suggestions],
        }

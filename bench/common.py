"""Timing helpers and the result row every benchmark returns."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure and, when there is one, the baseline it is compared with."""

    name: str
    value: float
    unit: str
    baseline_name: str = ""
    baseline: float | None = None
    goal: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.value or self.unit not in ("ms", "s"):
            return None
        return self.baseline / self.value

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "ratio": self.ratio}


def per_call_ms(fn: Callable[[], object], *, repeat: int = 30, warmup: int = 3) -> float:
    """Median wall time of one call, in milliseconds."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]

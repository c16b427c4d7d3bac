"""Carrier service rules as data: holiday and regional stops, carrier-choice rules, a cost table (domain layer).

A stop is one carrier not collecting for some regions (provinces or cities) over a date range (春节停运, a regional
lockdown, a flood). Spring-festival mode turns the list around: over its dates only carriers and regions entered as
"still running" are offered. A carrier-choice rule picks a carrier for the orders that meet all of its conditions
(province, weight, value, SKU, shop, words in the buyer's message or the seller's memo); rules are tried in priority
order and a rule whose carrier is stopped for the order is passed over. The cost table gives each carrier's price
for the first kilogram and each kilogram after it, per province (with "*" for every other province).

Everything here is pure: the persistence layer stores these values, the services layer decides with them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

EVERYWHERE = "全国"  # a stop or running entry for every region
ANY_PROVINCE = "*"  # a cost-table row for every province without its own row
# Longest first: 新疆维吾尔自治区 loses 维吾尔自治区, not 自治区.
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "省", "市", "地区", "盟")


def region_key(name: str) -> str:
    """A province or city as the rules compare it: 新疆维吾尔自治区, 新疆 and 新疆省 are all 新疆."""
    text = "".join(name.split())
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return text


def split_list(text: str) -> tuple[str, ...]:
    """A list as a seller types it: commas (either width), 、, semicolons or spaces between the items."""
    for sep in "，、;；|":
        text = text.replace(sep, ",")
    return tuple(dict.fromkeys(p.strip() for part in text.split(",") for p in part.split() if p.strip()))


@dataclass(frozen=True)
class Stop:
    """A carrier that does not collect for `regions` from `starts` to `ends` (both included, China dates).

    `kind` is "stop" for a stop, "runs" for a carrier still running in spring-festival mode, and "festival" for the
    spring-festival period itself (made by StopBook, never stored as a stop)."""

    id: int
    carrier: str
    regions: tuple[str, ...]
    starts: date
    ends: date
    note: str = ""
    kind: str = "stop"

    def covers(self, carrier: str, province: str, city: str, day: date) -> bool:
        if self.carrier != carrier.upper() or not self.starts <= day <= self.ends:
            return False
        keys = {region_key(r) for r in self.regions}
        return EVERYWHERE in keys or bool({region_key(province), region_key(city)} & keys - {""})

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "carrier": self.carrier,
            "regions": list(self.regions),
            "from": self.starts.isoformat(),
            "to": self.ends.isoformat(),
            "note": self.note,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class StopBook:
    """Every stop and running entry, and the spring-festival period (None: not set)."""

    stops: tuple[Stop, ...] = ()
    festival: tuple[date, date] | None = None

    def stop_for(self, carrier: str, province: str, city: str, day: date) -> Stop | None:
        """The stop that keeps `carrier` from the region on `day`, None when it runs there."""
        for stop in self.stops:
            if stop.kind == "stop" and stop.covers(carrier, province, city, day):
                return stop
        if self.festival is not None and self.festival[0] <= day <= self.festival[1]:
            runs = any(s.kind == "runs" and s.covers(carrier, province, city, day) for s in self.stops)
            if not runs:
                return Stop(0, carrier.upper(), (EVERYWHERE,), *self.festival, kind="festival")
        return None


@dataclass(frozen=True)
class OrderFacts:
    """What the rules look at in an order."""

    order_no: str
    shop: str
    province: str
    city: str
    weight_g: int
    value: Decimal
    skus: tuple[str, ...]
    words: str  # the buyer's message and the seller's memo


@dataclass(frozen=True)
class CarrierRule:
    """Choose `carrier` for orders meeting every condition given (an empty condition is no condition).

    Weights are grams and values yuan, lower bounds included and upper bounds excluded."""

    id: int
    priority: int
    carrier: str
    name: str = ""
    provinces: tuple[str, ...] = ()
    min_weight_g: int | None = None
    max_weight_g: int | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    skus: tuple[str, ...] = ()
    shops: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    def matches(self, o: OrderFacts) -> bool:
        if self.provinces and not {region_key(o.province), region_key(o.city)} & {
            region_key(p) for p in self.provinces
        }:
            return False
        if self.min_weight_g is not None and o.weight_g < self.min_weight_g:
            return False
        if self.max_weight_g is not None and o.weight_g >= self.max_weight_g:
            return False
        if self.min_value is not None and o.value < self.min_value:
            return False
        if self.max_value is not None and o.value >= self.max_value:
            return False
        if self.skus and not set(self.skus) & set(o.skus):
            return False
        if self.shops and o.shop not in self.shops:
            return False
        words = o.words.casefold()
        return not self.keywords or any(k.casefold() in words for k in self.keywords)

    def conditions(self) -> dict[str, Any]:
        """The conditions as stored and shown (only those given)."""
        found: dict[str, Any] = {
            "provinces": list(self.provinces),
            "min_weight_g": self.min_weight_g,
            "max_weight_g": self.max_weight_g,
            "min_value": None if self.min_value is None else str(self.min_value),
            "max_value": None if self.max_value is None else str(self.max_value),
            "skus": list(self.skus),
            "shops": list(self.shops),
            "keywords": list(self.keywords),
        }
        return {k: v for k, v in found.items() if v not in (None, [])}

    @classmethod
    def of(cls, id_: int, priority: int, carrier: str, name: str, conditions: dict[str, Any]) -> CarrierRule:
        """A rule from its stored conditions (`conditions()`'s shape)."""

        def money(key: str) -> Decimal | None:
            return None if conditions.get(key) is None else Decimal(str(conditions[key]))

        def grams(key: str) -> int | None:
            return None if conditions.get(key) is None else int(conditions[key])

        return cls(
            id_, priority, carrier, name,
            provinces=tuple(conditions.get("provinces", ())), min_weight_g=grams("min_weight_g"),
            max_weight_g=grams("max_weight_g"), min_value=money("min_value"), max_value=money("max_value"),
            skus=tuple(conditions.get("skus", ())), shops=tuple(conditions.get("shops", ())),
            keywords=tuple(conditions.get("keywords", ())),
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "priority": self.priority, "carrier": self.carrier, "name": self.name,
                "conditions": self.conditions()}  # fmt: skip


@dataclass(frozen=True)
class Cost:
    """One row of the cost table: `carrier` to `province` ("*": any other), yuan for the first kg and each next."""

    carrier: str
    province: str
    first_kg: Decimal
    extra_kg: Decimal

    def to_json(self) -> dict[str, Any]:
        return {"carrier": self.carrier, "province": self.province, "first_kg": str(self.first_kg),
                "extra_kg": str(self.extra_kg)}  # fmt: skip


@dataclass(frozen=True)
class CostTable:
    rows: tuple[Cost, ...] = ()

    @property
    def carriers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.carrier for r in self.rows))

    def cost(self, carrier: str, province: str, weight_g: int) -> Decimal | None:
        """What `carrier` charges for a parcel of `weight_g` to `province`; None when the table has no price."""
        key = region_key(province)
        row = next((r for r in self.rows if r.carrier == carrier and region_key(r.province) == key), None)
        row = row or next((r for r in self.rows if r.carrier == carrier and r.province == ANY_PROVINCE), None)
        if row is None:
            return None
        extra_kg = max(0, math.ceil((weight_g - 1000) / 1000)) if weight_g > 1000 else 0
        return row.first_kg + row.extra_kg * extra_kg


@dataclass(frozen=True)
class Suggestion:
    """The carrier chosen for an order, why, its cost, and the cheapest carrier allowed there."""

    order_no: str
    carrier: str | None  # None: every carrier PackDesk knows of is stopped there
    rule: CarrierRule | None  # None: no rule matched (the default carrier, or the cheapest when it is stopped)
    cost: Decimal | None
    cheapest: str | None
    cheapest_cost: Decimal | None
    stopped: tuple[Stop, ...] = ()  # the stops that kept a matching rule's or the default carrier out

    def to_json(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "carrier": self.carrier,
            "rule": self.rule.to_json() if self.rule else None,
            "cost": None if self.cost is None else str(self.cost),
            "cheapest": None if self.cheapest is None else {
                "carrier": self.cheapest, "cost": None if self.cheapest_cost is None else str(self.cheapest_cost)},
            "stopped": [s.to_json() for s in self.stopped],
        }  # fmt: skip


def suggest(
    facts: OrderFacts,
    rules: Sequence[CarrierRule],
    costs: CostTable,
    stops: StopBook,
    day: date,
    carriers: Iterable[str],
    default: str | None = None,
) -> Suggestion:
    """Chooses the carrier for one order.

    Args:
        facts: the order.
        rules: the carrier-choice rules (tried by priority, then id).
        costs: the cost table.
        stops: stops and spring-festival mode.
        day: the China date the parcel would leave.
        carriers: the carriers that may be offered (the waybill accounts' and the cost table's).
        default: the carrier used when no rule matches (the shop's default waybill account).

    Returns:
        The rule that chose (None: the default, or the cheapest allowed one when the default is stopped).
    """
    offered = list(dict.fromkeys([*(c.upper() for c in carriers), *costs.carriers]))
    stopped: list[Stop] = []

    def blocked(code: str) -> bool:
        stop = stops.stop_for(code, facts.province, facts.city, day)
        if stop is not None and stop not in stopped:
            stopped.append(stop)
        return stop is not None

    allowed = [c for c in offered if stops.stop_for(c, facts.province, facts.city, day) is None]
    priced = [(cost, c) for c in allowed if (cost := costs.cost(c, facts.province, facts.weight_g)) is not None]
    cheapest = min(priced, key=lambda p: (p[0], offered.index(p[1])), default=None)
    chosen: str | None = None
    rule: CarrierRule | None = None
    for candidate in sorted(rules, key=lambda r: (r.priority, r.id)):
        if candidate.matches(facts) and not blocked(candidate.carrier):
            chosen, rule = candidate.carrier, candidate
            break
    if chosen is None and default and not blocked(default.upper()):
        chosen = default.upper()
    if chosen is None:
        chosen = cheapest[1] if cheapest else (allowed[0] if allowed else None)
    cost = costs.cost(chosen, facts.province, facts.weight_g) if chosen else None
    return Suggestion(
        facts.order_no, chosen, rule, cost,
        cheapest[1] if cheapest else None, cheapest[0] if cheapest else None, tuple(stopped),
    )  # fmt: skip


def insured_value(threshold: Decimal | None, total: Decimal) -> Decimal | None:
    """The value to insure (保价) an order of `total` for: its total, when the seller set a threshold and the total
    reaches it; None otherwise."""
    return total if threshold is not None and total > 0 and total >= threshold else None

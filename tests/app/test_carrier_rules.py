"""Carrier choice as data (app.domain.carrier_rules): rule priority, conditions, the cost table, stops and
spring-festival mode on a table of cases; no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.domain.carrier_rules import (
    CarrierRule,
    Cost,
    CostTable,
    OrderFacts,
    Stop,
    StopBook,
    insured_value,
    region_key,
    split_list,
    suggest,
)

DAY = date(2027, 1, 20)
ORDER = OrderFacts("T1", "小鹿生活馆", "浙江省", "杭州市", 800, Decimal("99.00"), ("MUG-01",), "")
RULES = (
    CarrierRule(1, 10, "SF", "buyer asks for SF", keywords=("顺丰", "SF")),
    CarrierRule(2, 20, "EMS", "remote west", provinces=("新疆", "西藏", "青海")),
    CarrierRule(3, 30, "SF", "dear parcels", min_value=Decimal("1000")),
    CarrierRule(4, 40, "YUNDA", "heavy", min_weight_g=3000),
    CarrierRule(5, 50, "YTO", "tea by YTO", skus=("TEA-04",), shops=("小鹿家居旗舰店",)),
    CarrierRule(6, 5, "JT", "light and cheap", max_weight_g=300, max_value=Decimal("30")),
)
COSTS = CostTable((
    Cost("ZTO", "*", Decimal("5"), Decimal("2")),
    Cost("ZTO", "新疆", Decimal("18"), Decimal("12")),
    Cost("YTO", "*", Decimal("4.5"), Decimal("2.5")),
    Cost("SF", "*", Decimal("12"), Decimal("6")),
    Cost("EMS", "*", Decimal("15"), Decimal("5")),
    Cost("EMS", "新疆维吾尔自治区", Decimal("16"), Decimal("6")),
    Cost("YUNDA", "*", Decimal("4.8"), Decimal("1.8")),
    Cost("JT", "*", Decimal("3.9"), Decimal("2")),
))  # fmt: skip
CARRIERS = ("ZTO", "YTO", "SF", "EMS", "YUNDA", "JT")


@pytest.mark.parametrize(
    ("changes", "carrier", "rule", "cost"),
    [
        ({}, "ZTO", None, "5"),  # nothing matches: the default account's carrier
        ({"words": "请发顺丰谢谢\n"}, "SF", 1, "12"),  # the buyer's message names SF
        ({"words": "\nplease use sf express"}, "SF", 1, "12"),  # the memo, any case
        ({"province": "新疆维吾尔自治区", "city": "乌鲁木齐市"}, "EMS", 2, "16"),  # the province's own price
        ({"province": "新疆维吾尔自治区", "words": "顺丰"}, "SF", 1, "12"),  # priority: 10 before 20
        ({"value": Decimal("1000.00")}, "SF", 3, "12"),  # lower bound included
        ({"value": Decimal("999.99")}, "ZTO", None, "5"),
        ({"weight_g": 3000}, "YUNDA", 4, "8.4"),  # 4.8 + 2 more kg at 1.8
        ({"weight_g": 3001, "value": Decimal("1500")}, "SF", 3, "30"),  # 12 + 3 more kg at 6
        ({"skus": ("TEA-04",), "shop": "小鹿家居旗舰店"}, "YTO", 5, "4.5"),
        ({"skus": ("TEA-04",)}, "ZTO", None, "5"),  # the right SKU in another shop
        ({"weight_g": 200, "value": Decimal("29.9")}, "JT", 6, "3.9"),  # priority 5 comes first
        ({"weight_g": 300, "value": Decimal("29.9")}, "ZTO", None, "5"),  # upper bound excluded
        ({"weight_g": 0}, "ZTO", None, "5"),  # weight unknown: the first kilogram
    ],
)
def test_rule_priority_and_the_cost_table(changes: dict, carrier: str, rule: int | None, cost: str) -> None:
    found = suggest(replace(ORDER, **changes), RULES, COSTS, StopBook(), DAY, CARRIERS, default="ZTO")
    assert (found.carrier, found.rule.id if found.rule else None, found.cost) == (carrier, rule, Decimal(cost))
    weight = changes.get("weight_g", ORDER.weight_g)
    extra_kg = max(0, -(-(weight - 1000) // 1000))
    assert (found.cheapest, found.cheapest_cost) == ("JT", Decimal("3.9") + 2 * extra_kg)  # JT: 3.9 + 2 per kg


def test_the_cheapest_allowed_carrier_skips_stopped_ones() -> None:
    stops = StopBook((Stop(1, "JT", ("浙江",), date(2027, 1, 1), date(2027, 1, 31), "疫情"),))
    found = suggest(ORDER, RULES, COSTS, stops, DAY, CARRIERS, default="ZTO")
    assert (found.carrier, found.cheapest, found.cheapest_cost) == ("ZTO", "YTO", Decimal("4.5"))
    outside = suggest(ORDER, RULES, COSTS, stops, date(2027, 2, 1), CARRIERS, default="ZTO")
    assert outside.cheapest == "JT"  # the stop ended


def test_a_stopped_rule_carrier_passes_to_the_next_rule_and_a_stopped_default_to_the_cheapest() -> None:
    stops = StopBook((
        Stop(1, "SF", ("杭州",), date(2027, 1, 15), date(2027, 1, 25)),
        Stop(2, "ZTO", ("全国",), date(2027, 1, 15), date(2027, 1, 25), "春节"),
    ))  # fmt: skip
    asks_sf = replace(ORDER, words="顺丰", weight_g=3500)
    found = suggest(asks_sf, RULES, COSTS, stops, DAY, CARRIERS, default="ZTO")
    assert (found.carrier, found.rule and found.rule.id) == ("YUNDA", 4)  # SF stopped in 杭州: the heavy rule
    assert [s.id for s in found.stopped] == [1]
    plain = suggest(ORDER, RULES, COSTS, stops, DAY, CARRIERS, default="ZTO")
    assert (plain.carrier, plain.rule, plain.cost) == ("JT", None, Decimal("3.9"))  # ZTO stopped: the cheapest
    assert [s.id for s in plain.stopped] == [2]


def test_spring_festival_mode_offers_only_what_still_runs() -> None:
    book = StopBook(
        (Stop(1, "SF", ("全国",), date(2027, 2, 1), date(2027, 2, 15), kind="runs"),
         Stop(2, "EMS", ("新疆", "西藏"), date(2027, 2, 1), date(2027, 2, 15), kind="runs")),
        festival=(date(2027, 2, 3), date(2027, 2, 12)),
    )  # fmt: skip
    day = date(2027, 2, 5)
    assert book.stop_for("SF", "浙江省", "杭州市", day) is None
    assert book.stop_for("EMS", "西藏自治区", "拉萨市", day) is None
    stopped = book.stop_for("EMS", "浙江省", "杭州市", day)
    assert stopped is not None and stopped.kind == "festival"
    assert book.stop_for("ZTO", "浙江省", "杭州市", day) is not None
    assert book.stop_for("ZTO", "浙江省", "杭州市", date(2027, 2, 13)) is None  # after the festival
    found = suggest(ORDER, (), COSTS, book, day, CARRIERS, default="ZTO")
    assert (found.carrier, found.cheapest) == ("SF", "SF")


def test_every_carrier_stopped_leaves_no_carrier() -> None:
    book = StopBook((), festival=(date(2027, 2, 3), date(2027, 2, 12)))
    found = suggest(ORDER, RULES, COSTS, book, date(2027, 2, 4), CARRIERS, default="ZTO")
    assert (found.carrier, found.cost, found.cheapest) == (None, None, None)
    assert found.to_json()["carrier"] is None


def test_regions_compare_without_their_suffixes() -> None:
    names = ("新疆维吾尔自治区", "广西壮族自治区", "内蒙古自治区", "上海市", "浙江省", "乌鲁木齐市")
    assert [region_key(n) for n in names] == ["新疆", "广西", "内蒙古", "上海", "浙江", "乌鲁木齐"]
    assert split_list("新疆, 西藏，青海、宁夏;甘肃 内蒙古") == ("新疆", "西藏", "青海", "宁夏", "甘肃", "内蒙古")
    stop = Stop(1, "ZTO", ("乌鲁木齐",), date(2027, 1, 1), date(2027, 1, 2))
    assert stop.covers("zto", "新疆维吾尔自治区", "乌鲁木齐市", date(2027, 1, 2))
    assert not stop.covers("ZTO", "新疆维吾尔自治区", "喀什地区", date(2027, 1, 2))  # a city stop, another city
    assert not stop.covers("ZTO", "新疆维吾尔自治区", "乌鲁木齐市", date(2027, 1, 3))


def test_insurance_from_the_threshold() -> None:
    assert insured_value(Decimal("1000"), Decimal("1288.00")) == Decimal("1288.00")
    assert insured_value(Decimal("1000"), Decimal("1000.00")) == Decimal("1000.00")
    assert insured_value(Decimal("1000"), Decimal("999.99")) is None
    assert insured_value(None, Decimal("5000")) is None


def test_a_rule_round_trips_through_its_stored_conditions() -> None:
    for rule in RULES:
        assert CarrierRule.of(rule.id, rule.priority, rule.carrier, rule.name, rule.conditions()) == rule

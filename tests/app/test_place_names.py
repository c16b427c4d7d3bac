"""Address levels written as one (app.domain.orders.place_names), the rule the order list and the label share."""

from __future__ import annotations

from app.domain.orders import place_names


def test_a_municipality_is_named_once() -> None:
    assert place_names("上海市", "上海市", "浦东新区", "", "世纪大道100号") == "上海市浦东新区世纪大道100号"


def test_a_province_keeps_its_city_and_empty_levels_are_left_out() -> None:
    assert place_names("江苏省", "南京市", "建邺区", "", "沙洲街道****") == "江苏省南京市建邺区沙洲街道****"
    assert place_names("四川省", "") == "四川省"

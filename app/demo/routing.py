"""The demo waybill account's stand-in for Cainiao's routingInfo: 大头笔, 三段码, 集包地 from the address."""

from __future__ import annotations

import zlib
from typing import Any

from app.demo.geo import find_city
from app.persistence.rows import OrderRow


def demo_routing(order: OrderRow) -> dict[str, Any]:
    entry = find_city(order.receiver_province, order.receiver_city, order.receiver_district)
    if entry is None:
        return {"sort_headline": order.receiver_city or order.receiver_province, "route_code": "", "consolidation": ""}
    city, prefix, districts, centre = entry
    place = order.receiver_district if order.receiver_district.endswith("市") else (city or order.receiver_district)
    short = place.removesuffix("市") if len(place) > 2 else place
    district_no = districts.index(order.receiver_district) + 1 if order.receiver_district in districts else 0
    stable = zlib.crc32(order.receiver_address.encode("utf-8"))
    return {
        "sort_headline": f"{prefix} {short}",
        "route_code": f"{prefix}-{100 + district_no * 10:03d}-{stable % 100:02d} {stable % 1000:03d}",
        "consolidation": centre,
    }

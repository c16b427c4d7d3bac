"""The demo waybill account's stand-in for a carrier's routing (demo data): 大头笔, 三段码 and 集包地 made up from
the receiver's address and the demo geography, and the provider that hands them out with the demo's number rolls."""

from __future__ import annotations

import zlib

from app.demo.geo import find_city
from app.services.waybills import NumberRoll, WaybillRequest
from printers.waybill import Routing


def demo_route(request: WaybillRequest) -> Routing:
    """The made-up routing of `request`: the city's area code and name, a three-segment code stable per address."""
    entry = find_city(request.province, request.city, request.district)
    if entry is None:
        return Routing(request.city or request.province, "", "")
    city, prefix, districts, centre = entry
    place = request.district if request.district.endswith("市") else (city or request.district)
    short = place.removesuffix("市") if len(place) > 2 else place
    district_no = districts.index(request.district) + 1 if request.district in districts else 0
    stable = zlib.crc32(request.address.encode("utf-8"))
    return Routing(
        f"{prefix} {short}", f"{prefix}-{100 + district_no * 10:03d}-{stable % 100:02d} {stable % 1000:03d}", centre
    )


def demo_provider() -> NumberRoll:
    """The demo accounts' provider: number rolls in the carriers' real formats, routing made up by `demo_route`."""
    return NumberRoll(demo_route)

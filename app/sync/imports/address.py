"""The structure of a Chinese address in an export: province, city, district and the rest (sync layer).

Exports separate the levels with spaces; JD writes an address in one piece, so the levels are found by their usual
suffixes. A postcode in brackets at the end is dropped.
"""

from __future__ import annotations

import re

_POSTCODE = re.compile(r"\s*[(（][0-9]{6}[)）]$")
_PROVINCE = re.compile(
    r"(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
    r"云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?"
)
_CITY = re.compile(r"[^省市区县]{1,12}?(?:市|自治州|地区|盟)")
_DISTRICT = re.compile(r"[^省市区县旗]{1,10}?(?:区|县|旗|市)")


def split_address(text: str) -> tuple[str, str, str, str]:
    """'江苏省 南京市 建邺区 沙洲街道****' -> (province, city, district, detail).

    Exports separate the levels with spaces; an address without spaces (JD) is split on the usual suffixes
    (省/市/自治区, 市/州/盟, 区/县/旗/市) and stays whole in `detail` when its province is not recognised.
    """
    text = _POSTCODE.sub("", text.strip())
    parts = text.split(maxsplit=3)
    if len(parts) == 4:
        return parts[0], parts[1], parts[2], parts[3]
    if len(parts) == 3:
        return parts[0], parts[1], "", parts[2]
    if len(parts) == 2:
        return parts[0], "", "", parts[1]
    province = _PROVINCE.match(text)
    if not province:
        return "", "", "", text
    rest = text[province.end() :]
    city = _CITY.match(rest)
    rest = rest[city.end() :] if city else rest
    district = _DISTRICT.match(rest)
    rest = rest[district.end() :] if district else rest
    return province.group(0), city.group(0) if city else "", district.group(0) if district else "", rest

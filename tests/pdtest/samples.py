"""Sample waybills for the printing tests (plain data, no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from printers.waybill import Item, Party, Routing, Waybill

# One number in the shape of each carrier family: all digits, letter prefix, S10 (letters at both ends).
TRACKING_NUMBERS = (
    "78123456789012",
    "YT1234567890123",
    "773456789012345",
    "431234567890123",
    "SF1234567890123",
    "EA123456785CN",
)

SIZES = ((76, 130), (100, 150), (100, 180))
DPIS = (203, 300)
# The dot counts a 203 dpi (8 dots/mm) and a 300 dpi (12 dots/mm) thermal head prints for each label size.
EXPECTED_DOTS = {
    (76, 130, 203): (608, 1040),
    (100, 150, 203): (800, 1200),
    (100, 180, 203): (800, 1440),
    (76, 130, 300): (912, 1560),
    (100, 150, 300): (1200, 1800),
    (100, 180, 300): (1200, 2160),
}


def sample_waybill(**changes: Any) -> Waybill:
    base = Waybill(
        tracking_no="78123456789012",
        carrier_name="中通快递",
        receiver=Party("张*", "138****5678", "四川省成都市都江堰市幸福街道灌口镇建设路88号阳光小区3栋2单元1203室"),
        sender=Party("小鹿家居", "0571-88881234", "浙江省杭州市余杭区仓前街道文一西路1500号 小鹿电商仓"),
        order_no="2002330775067496577",
        printed_at=datetime(2024, 5, 1, 10, 30),
        routing=Routing("830 都江堰", "830-120-00 012", "成都中转包"),
        items=(Item("TW-01", "纯棉毛巾 蓝色", 2), Item("CB-03", "竹纤维菜板 大号", 1)),
        buyer_message="请尽快发货，谢谢",
        seller_memo="送小礼物",
    )
    return replace(base, **changes)


def many_items(count: int, title: str = "北欧风纯棉毛巾 加厚吸水") -> tuple[Item, ...]:
    return tuple(Item(f"SKU-{i:02d}", f"{title} 第{i}款", 1 + i % 3) for i in range(count))

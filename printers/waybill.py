"""What goes on a waybill (面单): plain data, filled by the application, read by the renderers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Party:
    name: str  # masked for the receiver on a privacy waybill (张*)
    phone: str  # masked likewise (138****5678)
    address: str  # one line: province city district town detail


@dataclass(frozen=True)
class Routing:
    """Sorting data from the waybill service (Cainiao routingInfo)."""

    sort_headline: str = ""  # 大头笔, e.g. "830 都江堰"
    route_code: str = ""  # 三段码, e.g. "830-120-00 012"
    consolidation: str = ""  # 集包地, e.g. "成都中转包"


@dataclass(frozen=True)
class Item:
    sku: str
    title: str
    qty: int


@dataclass(frozen=True)
class Waybill:
    tracking_no: str
    carrier_name: str
    receiver: Party
    sender: Party
    order_no: str
    printed_at: datetime
    routing: Routing = field(default_factory=Routing)
    items: tuple[Item, ...] = ()
    buyer_message: str = ""
    seller_memo: str = ""
    copy_no: int = 1  # 2 and up print the reprint marker 重打 N-1
    qr_payload: str = ""  # defaults to the tracking number
    carrier_code: str = ""  # picks resources/labels/carriers/CODE.toml when there is one
    insured: str = ""  # the insured value (保价) as printed, e.g. "1288.00" yuan; "" when not insured
    # The e-waybill provider's print document as it answered (Cainiao/PDD `print_data`, maybe encrypted): what a
    # print component (printers.components) prints; our own renderers draw from the fields above.
    document: Mapping[str, Any] | None = field(default=None, hash=False, compare=False)
    # A label image the provider rendered (Kuaidi100 printType IMAGE, PNG bytes): printed as it is, scaled to the
    # printer's dots, instead of drawing the label.
    image: bytes | None = field(default=None, hash=False, compare=False, repr=False)

    @property
    def qr_text(self) -> str:
        return self.qr_payload or self.tracking_no

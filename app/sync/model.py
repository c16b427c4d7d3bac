"""An order as a platform gives it, already mapped to PackDesk's statuses, before it reaches the cache.

Connectors (the Taobao API) and importers (seller-centre files) produce these; `app.sync.store.upsert_orders` writes
them. Ids stay strings, money stays Decimal, times are aware UTC.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from app.domain.enums import OrderStatus, RefundStatus

# What an order from a platform or a file may hold; beyond these a value is damaged, not big (and would not fit the
# cache: money is stored as integer fen, quantities as 64-bit integers, and deadlines are computed from the times).
MAX_AMOUNT = Decimal("100000000")  # yuan, exclusive
MAX_QTY = 1_000_000  # units of one line
YEARS = (2000, 2200)  # the years an order's times may fall in


@dataclass(frozen=True)
class PlatformLine:
    line_no: str  # oid_str / 子订单编号; importers without one use ORDER_NO-N
    sku: str  # outer_sku_id, else outer_iid (商家编码)
    title: str
    qty: int
    price: Decimal
    spec: str = ""  # sku_properties_name, "颜色:白色;尺码:XL"
    refund_status: RefundStatus = RefundStatus.NONE
    shipped: bool = False  # this sub-order already left (SELLER_CONSIGNED_PART)
    image_url: str = ""  # pic_path: the item's main picture on the platform


@dataclass(frozen=True)
class PlatformOrder:
    order_no: str
    status: OrderStatus
    platform_status: str
    paid_at: datetime
    deadline: datetime
    modified_at: datetime
    lines: tuple[PlatformLine, ...]
    buyer_nick: str = ""
    receiver_name: str = ""
    receiver_phone: str = ""
    receiver_province: str = ""
    receiver_city: str = ""
    receiver_district: str = ""
    receiver_town: str = ""
    receiver_address: str = ""
    buyer_message: str = ""
    seller_memo: str = ""
    flag: int = 0
    total: Decimal = Decimal("0.00")
    post_fee: Decimal = Decimal("0.00")
    oaid: str = ""  # Taobao's open address id of a privacy order ("" when the platform or file has none)
    # Pinduoduo's receiver ciphertexts (JSON: name, phone, address) for decrypting when a label needs them; never
    # plaintext (app.sync.pdd_order_answers); "" when the platform or file has none
    receiver_cipher: str = ""
    # The ship-by time the platform gave (承诺发货时间, presale, last_ship_time), None when it gave none: `deadline`
    # is then the seller's rules' (app.domain.deadlines), applied when the order is stored (app.sync.store).
    promised_at: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def content_hash(self) -> str:
        """A stable digest of everything stored from this order except `modified_at`."""
        parts = [
            self.order_no, self.status, self.platform_status, _stamp(self.paid_at),
            _stamp(self.deadline), self.buyer_nick, self.receiver_name, self.receiver_phone,
            self.receiver_province, self.receiver_city, self.receiver_district, self.receiver_town,
            self.receiver_address, self.buyer_message, self.seller_memo, str(self.flag), str(self.total),
            str(self.post_fee),
        ]  # fmt: skip
        for ln in self.lines:
            parts += [ln.line_no, ln.sku, ln.title, str(ln.qty), str(ln.price), ln.spec, ln.refund_status]
            parts.append("shipped" if ln.shipped else "")
            if ln.image_url:  # only when present, so orders stored before pictures keep their hash
                parts.append(ln.image_url)
        if self.oaid:  # likewise; an order cached before oaids were kept changes once, and gets its oaid stored
            parts.append("oaid:" + self.oaid)
        if self.receiver_cipher:  # likewise: only present for Pinduoduo orders
            parts.append("cipher:" + self.receiver_cipher)
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def _stamp(moment: datetime) -> str:
    """A time for the content hash: microseconds since the epoch (cheaper than isoformat, same meaning)."""
    return str(round(moment.timestamp() * 1_000_000))


def money(value: Decimal | None) -> Decimal:
    """An amount as stored (two decimals); the answer's types already bounded it (MAX_AMOUNT)."""
    return (value or Decimal(0)).quantize(Decimal("0.01"))


def picture_url(value: str | None) -> str:
    """A product picture's address as an absolute http(s) URL ("//img..." is protocol-relative, as Taobao and
    Pinduoduo send them), "" when unusable."""
    url = str(value or "").strip()
    if url.startswith("//"):
        url = "https:" + url
    if not url.startswith(("https://", "http://")) or len(url) > 500:
        return ""
    return url

"""What PackDesk reads from Pinduoduo's order and after-sale answers, and how a PDD order becomes a PackDesk order
(sync layer).

`app.sync.pdd.PddClient.read` converts each answer into these structs with msgspec (not strict: PDD documents its
counts and ids as "string | number"). Field names are PDD's (lywzx/pdd-node-sdk, generated from PDD's documentation:
packages/pdd-origin-api/src/dingDan/PddOrderNumberListIncrementGet.ts, PddOrderListGet.ts, PddOrderInformationGet.ts,
shouHou/PddRefundListIncrementGet.ts, gongJu/PddTimeGet.ts); only the fields PackDesk uses are declared. Times are
"yyyy-MM-dd HH:mm:ss" in China time and come out aware UTC.

The receiver. PDD sends `receiver_name`, `receiver_phone`, `receiver_address` (the street part) and `address` (the
whole address) as ciphertext, each with a masked variant for display (`receiver_name_mask`, `receiver_phone_mask`,
`receiver_address_mask`, `address_mask`); province, city and district (`province`, `city`, `town`) are plain. The
cache keeps the masked values only, and the ciphertexts in `receiver_cipher` (JSON: `name`, `phone`, `address`) for
`pdd.open.decrypt.batch` when a label needs the real receiver. A receiver field that is not ciphertext (PDD's
ciphertexts are written between tildes, "~AgAAAA...~...~" [S]) is never kept as it is: it is masked like any
plaintext (app.domain.masking), so a gateway that answers plaintext cannot put it into the database.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Annotated

from msgspec import Meta, Struct
from msgspec.structs import force_setattr

from app.domain.enums import OrderStatus, RefundStatus
from app.domain.masking import mask_name, mask_phone
from app.domain.messages import msg
from app.sync.model import PlatformLine, PlatformOrder, money, picture_url
from app.sync.pdd import MalformedAnswer
from app.sync.top_answers import Count, Flag, Id, Quantity, Text, check_amount, id_text, utc_time

OrderSn = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[0-9][0-9-]*$")]
SHIP_WITHIN = timedelta(hours=48)  # when an order carries no last_ship_time

# order_status [V]: 1 awaiting shipment, 2 shipped awaiting receipt, 3 received
_SHIPPED = {2, 3}
_ORDER_WORDS = {1: "待发货", 2: "已发货待签收", 3: "已签收"}
# refund_status [V]: 1 none or closed, 2 after-sale in progress, 3 refunding, 4 refunded
_REFUND = {1: RefundStatus.NONE, 2: RefundStatus.REQUESTED, 3: RefundStatus.REQUESTED, 4: RefundStatus.REFUNDED}
_REFUND_WORDS = {2: "售后处理中", 3: "退款中", 4: "退款成功"}
# after_sales_status [V]: 0 none, 9 refused (closed), 11 withdrawn by the buyer, 12/13 lapsed, 16/17 exchange or
# resend done or failed, 24/25 repair closed or done: nothing stops the parcel; 10 refunded; every other code is an
# after-sale in progress. An unknown code counts as in progress: a parcel must never leave after a refund.
_AFTER_SALE_OVER = {0, 9, 11, 12, 13, 16, 17, 24, 25}
_AFTER_SALE_REFUNDED = 10
_CONFIRMED, _CANCELLED = 1, 2  # confirm_status [V]: 0 not yet (a group still forming), 1 confirmed, 2 cancelled


class Item(Struct, frozen=True):
    """One line of `item_list`."""

    goods_id: Id = None
    sku_id: Id = None
    goods_name: Text = None
    goods_spec: Text = None
    goods_count: Quantity = 1
    outer_id: Text = None  # the SKU's merchant code
    outer_goods_id: Text = None  # the goods' merchant code
    goods_img: Text = None
    goods_price: Decimal | None = None

    def __post_init__(self) -> None:
        check_amount(self.goods_price, "goods_price")

    @property
    def sku(self) -> str:
        """As a Taobao line's (top_answers.SubOrder.sku): the merchant's SKU code, else the goods' code, else the
        platform's ids, so a line meets the catalogue entry synced or imported for the same SKU."""
        return id_text(self.outer_id, self.outer_goods_id, self.sku_id, self.goods_id)


class PddOrder(Struct, frozen=True):
    """An order as the order APIs give it (the increment, the list and the information answers share the fields)."""

    order_sn: OrderSn
    order_status: int | None = None
    refund_status: int | None = None
    after_sales_status: int | None = None
    confirm_status: int | None = None
    risk_control_status: int | None = None
    updated_at: datetime | None = None
    confirm_time: datetime | None = None
    pay_time: datetime | None = None
    created_time: datetime | None = None
    last_ship_time: datetime | None = None
    province: Text = None
    city: Text = None
    town: Text = None  # PDD's town is the district (区县) [V: "收件地区县"]
    receiver_name: Text = None  # ciphertext
    receiver_phone: Text = None  # ciphertext
    receiver_address: Text = None  # ciphertext of the street part
    address: Text = None  # ciphertext of the whole address
    receiver_name_mask: Text = None
    receiver_phone_mask: Text = None
    receiver_address_mask: Text = None
    address_mask: Text = None
    item_list: list[Item] = []
    buyer_memo: Text = None
    remark: Text = None
    remark_tag: Flag | None = None
    pay_amount: Decimal | None = None
    postage: Decimal | None = None
    tracking_number: Text = None  # the shipment's number once shipped (pdd.order.information.get)
    logistics_id: Id = None  # ...and its carrier, PDD's id (pdd.logistics.companies.get)

    def __post_init__(self) -> None:
        for name in ("updated_at", "confirm_time", "pay_time", "created_time", "last_ship_time"):
            force_setattr(self, name, utc_time(getattr(self, name)))
        check_amount(self.pay_amount, "pay_amount")
        check_amount(self.postage, "postage")


class OrderPage(Struct, frozen=True):
    """A page of `pdd.order.number.list.increment.get` (`order_sn_list`) or `pdd.order.list.get` (`order_list`)."""

    total_count: Count | None = None
    has_next: bool | None = None
    order_sn_list: list[PddOrder] = []
    order_list: list[PddOrder] = []

    @property
    def items(self) -> list[PddOrder]:
        return self.order_sn_list or self.order_list


class OrderInfo(Struct, frozen=True):
    """`pdd.order.information.get`."""

    order_info: PddOrder | None = None


class Refund(Struct, frozen=True):
    """One after-sale of `pdd.refund.list.increment.get`."""

    order_sn: OrderSn
    id: Id = None
    after_sales_status: int | None = None
    updated_time: datetime | None = None

    def __post_init__(self) -> None:
        force_setattr(self, "updated_time", utc_time(self.updated_time))


class RefundPage(Struct, frozen=True):
    total_count: Count | None = None
    refund_list: list[Refund] = []

    @property
    def items(self) -> list[Refund]:
        return self.refund_list


class ServerTime(Struct, frozen=True):
    """`pdd.time.get`: PDD's clock."""

    time: datetime

    def __post_init__(self) -> None:
        force_setattr(self, "time", utc_time(self.time))


def shipped_with(order: PddOrder, tracking_no: str) -> bool:
    """Whether PDD has the order shipped with the number `tracking_no` (a ship-back found applied)."""
    return order.order_status in _SHIPPED and (order.tracking_number or "").strip() == tracking_no


def refund_of(refund_status: int | None, after_sales_status: int | None) -> RefundStatus:
    """The stronger of what `refund_status` and `after_sales_status` say (a parcel must never leave after a refund)."""
    by_refund = _REFUND.get(refund_status or 1, RefundStatus.REQUESTED)
    after = after_sales_status or 0
    if after == _AFTER_SALE_REFUNDED:
        by_after = RefundStatus.REFUNDED
    else:
        by_after = RefundStatus.NONE if after in _AFTER_SALE_OVER else RefundStatus.REQUESTED
    order = (RefundStatus.NONE, RefundStatus.REQUESTED, RefundStatus.REFUNDED)
    return max(by_refund, by_after, key=order.index)


def _status(order: PddOrder, refund: RefundStatus) -> OrderStatus | None:
    if order.confirm_status == _CANCELLED:
        return OrderStatus.CLOSED
    if order.confirm_status not in (None, _CONFIRMED):
        return None  # a group still forming: nothing to ship yet
    if order.order_status in _SHIPPED:
        return OrderStatus.SHIPPED
    if order.order_status != 1:
        return None  # [I] no other order_status is documented
    if refund is RefundStatus.REFUNDED:
        return OrderStatus.CLOSED  # refunded before it shipped: nothing left to send
    if order.risk_control_status == 1:
        return OrderStatus.ON_HOLD  # 审核中: PDD does not let it ship yet [V: risk_control_status 1 审核中]
    return OrderStatus.AWAITING_SHIPMENT


def is_cipher(text: str) -> bool:
    """Whether `text` looks like PDD ciphertext (written between tildes [S])."""
    return len(text) > 2 and text.startswith("~")


def _masked(cipher: str | None, mask: str | None, masker: object) -> str:
    """The masked value to keep: PDD's mask, else (no mask, and a value that is not ciphertext) that value masked."""
    if mask:
        return mask
    value = (cipher or "").strip()
    if not value or is_cipher(value):
        return ""
    return masker(value) if callable(masker) else ""


def receiver_cipher(order: PddOrder) -> str:
    """The receiver's ciphertexts as kept for decryption (JSON), "" when PDD sent none (a shipped or risk-controlled
    order: PDD answers "" then)."""
    fields = (("name", order.receiver_name), ("phone", order.receiver_phone), ("address", order.receiver_address))
    found = {key: value for key, value in fields if value and is_cipher(value)}
    return json.dumps(found, sort_keys=True, separators=(",", ":")) if found else ""


def _words(order: PddOrder) -> str:
    words = _ORDER_WORDS.get(order.order_status or 0, str(order.order_status))
    refund = _REFUND_WORDS.get(order.refund_status or 1)
    return f"{words} {refund}" if refund else words


def map_order(order: PddOrder) -> PlatformOrder | None:
    """A PDD order as a PackDesk order; None for one with nothing to ship yet (a group still forming).

    Raises:
        MalformedAnswer: the order lacks what an order needs (a time, an item PackDesk can name).
    """
    refund = refund_of(order.refund_status, order.after_sales_status)
    status = _status(order, refund)
    if status is None:
        return None
    paid = order.pay_time or order.confirm_time or order.created_time
    if paid is None:
        raise MalformedAnswer("order", msg("pdd.why.no_time", order_sn=order.order_sn))
    lines = []
    for position, item in enumerate(order.item_list, start=1):
        if not item.sku:
            raise MalformedAnswer("order", msg("pdd.why.no_sku", order_sn=order.order_sn))
        lines.append(
            PlatformLine(
                # PDD's lines have no ids: numbered as the seller-centre import numbers them
                line_no=f"{order.order_sn}-{position}",
                sku=item.sku,
                title=item.goods_name or "",
                qty=item.goods_count,
                price=money(item.goods_price),
                spec=item.goods_spec or "",
                refund_status=refund,
                shipped=status is OrderStatus.SHIPPED,
                image_url=picture_url(item.goods_img),
            )
        )
    street = _masked(order.receiver_address, order.receiver_address_mask or order.address_mask, None)
    return PlatformOrder(
        order_no=order.order_sn,
        status=status,
        platform_status=_words(order),
        paid_at=paid,
        deadline=order.last_ship_time or paid + SHIP_WITHIN,  # the default until the cache applies the rules
        promised_at=order.last_ship_time,  # PDD's promise stands whatever the seller's deadline rules say
        modified_at=order.updated_at or paid,
        lines=tuple(lines),
        receiver_name=_masked(order.receiver_name, order.receiver_name_mask, mask_name),
        receiver_phone=_masked(order.receiver_phone, order.receiver_phone_mask, mask_phone),
        receiver_province=order.province or "",
        receiver_city=order.city or order.town or "",
        receiver_district=order.town or "",
        receiver_address=street,
        buyer_message=order.buyer_memo or "",
        seller_memo=order.remark or "",
        flag=order.remark_tag or 0,
        total=money(order.pay_amount),
        post_fee=money(order.postage),
        receiver_cipher=receiver_cipher(order),
    )

"""A Pinduoduo order as `pdd.order.information.get` gives it, mapped to a PackDesk order, and the read of single
orders into the cache (sync layer): what the outbox checks after an unclear ship-back, and the bench's live look.

(Written beside the PDD order sync of the branch pdd-sync, which has its own answers and mapping,
app.sync.pdd_order_answers, and `PddSync.refresh`: once both are merged, `refresh_orders` and `map_order` here give
way to those, and only `read_order` / `shipped_with`, which read the shipment's tracking number, stay.)

PDD's statuses: `order_status` 1 awaiting shipment, 2 shipped, 3 received; `refund_status` 1 none (or closed),
2 after-sale in progress, 3 refunding, 4 refunded. A refund concerns the whole order: each line carries it (so the
bench stops the parcel as for a Taobao refund), and a refunded order that never shipped is closed. `last_ship_time`
is the ship-by deadline; `buyer_memo`, `remark` and `remark_tag` are the message, memo and flag (PDD numbers its tags
as Taobao its flags). Lines have no id of their own: a line is `ORDER_SN-N` like an imported file's, its SKU the
`outer_id` (商家编码) else the `sku_id`.

The receiver arrives as ciphertexts with masked variants: the cache keeps the masks, and the ciphertexts as JSON text
(`receiver_cipher`) for the waybill path (app.sync.pdd_receiver); nothing here ever sees plaintext.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

import msgspec
from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus, RefundStatus
from app.domain.messages import msg
from app.persistence.order_cache import OrderCache
from app.persistence.shops import ShopRepository
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.pdd import MalformedAnswer, PddClient, PddError, parse_answer
from app.sync.store import Change, upsert_orders
from app.sync.top import parse_china_time

INFORMATION = "pdd.order.information.get"
INFORMATION_ROOT = "order_info_get_response"
SHIP_WITHIN = timedelta(hours=48)
_SHIPPED = {2, 3}
_REFUND = {1: RefundStatus.NONE, 2: RefundStatus.REQUESTED, 3: RefundStatus.REQUESTED, 4: RefundStatus.REFUNDED}
_NOT_EXIST = ("not_exist", "not-exist", "不存在")


class PddItem(msgspec.Struct, frozen=True):
    goods_count: int
    sku_id: str | int | None = None
    outer_id: str | None = None
    goods_name: str | None = None
    goods_spec: str | None = None
    goods_price: Decimal | None = None
    goods_img: str | None = None


class PddOrder(msgspec.Struct, frozen=True):
    order_sn: str
    order_status: int
    refund_status: int = 1
    after_sales_status: int | None = None
    updated_at: str | None = None
    confirm_time: str | None = None
    created_time: str | None = None
    last_ship_time: str | None = None
    province: str | None = None
    city: str | None = None
    town: str | None = None
    receiver_name: str | None = None
    receiver_name_mask: str | None = None
    receiver_phone: str | None = None
    receiver_phone_mask: str | None = None
    receiver_address: str | None = None
    receiver_address_mask: str | None = None
    item_list: list[PddItem] = []
    buyer_memo: str | None = None
    remark: str | None = None
    remark_tag: int | None = None
    pay_amount: Decimal | None = None
    postage: Decimal | None = None
    tracking_number: str | None = None
    logistics_id: int | None = None


class OrderInfo(msgspec.Struct, frozen=True):
    order_info: PddOrder | None = None


def read_order(client: PddClient, order_sn: str) -> PddOrder | None:
    """The order as PDD has it now; None when PDD does not know it.

    Raises:
        PddError: any other refusal; and whatever PddClient.read raises.
    """
    try:
        answer = client.read(INFORMATION, {"order_sn": order_sn}, OrderInfo, root=INFORMATION_ROOT)
    except PddError as exc:
        if not exc.caller and any(m in f"{exc.sub_code} {exc.words}".lower() for m in _NOT_EXIST):
            return None
        raise
    if answer.order_info is None:
        raise MalformedAnswer(INFORMATION, msg("pdd.ship.no_order", order_no=order_sn))
    return answer.order_info


def parse_order(raw: object) -> PddOrder:
    """An order's JSON object (as PDD sends it) validated.

    Raises:
        MalformedAnswer: it does not fit what PDD sends.
    """
    return parse_answer(INFORMATION, raw, PddOrder)


def shipped_with(order: PddOrder, tracking_no: str) -> bool:
    """Whether PDD has the order shipped with the number `tracking_no`."""
    return order.order_status in _SHIPPED and (order.tracking_number or "").strip() == tracking_no


def _time(order: PddOrder, field: str) -> datetime | None:
    text = getattr(order, field)
    if not text:
        return None
    try:
        return parse_china_time(text)
    except ValueError:
        raise MalformedAnswer(INFORMATION, msg("pdd.why.bad_time", order_sn=order.order_sn, field=field)) from None


def _money(value: Decimal | None) -> Decimal:
    return (value or Decimal(0)).quantize(Decimal("0.01"))


def _detail(mask: str, *parts: str) -> str:
    """The street part of PDD's masked address (it repeats the province, city and district first)."""
    for part in parts:
        if part and mask.startswith(part):
            mask = mask[len(part) :]
    return mask


def map_order(order: PddOrder) -> PlatformOrder:
    """A PDD order as a PackDesk order (see the module docstring).

    Raises:
        MalformedAnswer: an order without a payment or creation time, or with an unreadable time.
    """
    paid = _time(order, "confirm_time") or _time(order, "created_time")
    if paid is None:
        raise MalformedAnswer(INFORMATION, msg("pdd.why.bad_time", order_sn=order.order_sn, field="confirm_time"))
    refund = _REFUND.get(order.refund_status, RefundStatus.REQUESTED)
    shipped = order.order_status in _SHIPPED
    if shipped:
        status = OrderStatus.SHIPPED
    elif refund is RefundStatus.REFUNDED:
        status = OrderStatus.CLOSED
    else:
        status = OrderStatus.AWAITING_SHIPMENT
    lines = tuple(
        PlatformLine(
            line_no=f"{order.order_sn}-{n}",
            sku=(item.outer_id or "").strip() or str(item.sku_id or ""),
            title=item.goods_name or "",
            qty=item.goods_count,
            price=_money(item.goods_price),
            spec=item.goods_spec or "",
            refund_status=refund,
            shipped=shipped,
            image_url=item.goods_img if (item.goods_img or "").startswith("https://") else "",
        )
        for n, item in enumerate(order.item_list, 1)
    )
    province, city, district = order.province or "", order.city or "", order.town or ""
    cipher = {"name": order.receiver_name, "phone": order.receiver_phone, "address": order.receiver_address}
    return PlatformOrder(
        order_no=order.order_sn,
        status=status,
        platform_status=f"{order.order_status}/{order.refund_status}",
        paid_at=paid,
        deadline=_time(order, "last_ship_time") or paid + SHIP_WITHIN,
        modified_at=_time(order, "updated_at") or paid,
        lines=lines,
        receiver_name=order.receiver_name_mask or "",
        receiver_phone=order.receiver_phone_mask or "",
        receiver_province=province,
        receiver_city=city,
        receiver_district=district,
        receiver_address=_detail(order.receiver_address_mask or "", province, city, district),
        buyer_message=order.buyer_memo or "",
        seller_memo=order.remark or "",
        flag=order.remark_tag or 0,
        total=_money(order.pay_amount),
        post_fee=_money(order.postage),
        receiver_cipher=json.dumps(cipher, ensure_ascii=False, sort_keys=True) if all(cipher.values()) else "",
    )


def refresh_orders(
    session_factory: sessionmaker[Session],
    shop_id: int,
    client: PddClient,
    order_sns: list[str],
    *,
    progress: Callable[[int], None] | None = None,
) -> list[Change]:
    """Reads these orders now (`pdd.order.information.get`) and stores what changed in the cache (a refund, a
    shipment elsewhere, a new address); returns the changes. An order PDD no longer knows is left as cached; an
    order not cached is stored only while it waits to ship."""
    mapped = []
    for n, order_sn in enumerate(order_sns, 1):
        found = read_order(client, order_sn)
        if found is not None:
            mapped.append(map_order(found))
        if progress is not None:
            progress(n)
    if not mapped:
        return []
    with session_factory.begin() as session:
        shop = ShopRepository(session).get(shop_id)
        assert shop is not None
        known = OrderCache(session, shop_id).known(o.order_no for o in mapped)
        wanted = [o for o in mapped if o.order_no in known or o.status.is_open]
        return upsert_orders(session, shop_id, shop.platform, wanted).changes

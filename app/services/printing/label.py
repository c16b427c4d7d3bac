"""What goes on the waybill of an order: the label's content, built from the cache (services layer).

The receiver is privacy-masked, the sender is the shop group's, and only the lines still to ship are listed. A
preview shows the label an order would print now without allocating or recording anything.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import RefundStatus
from app.domain.errors import NotFound
from app.domain.masking import mask_name, mask_phone
from app.domain.messages import msg
from app.domain.orders import CHINA_TZ, is_packable
from app.domain.tracking import carrier
from app.persistence.repositories import OrderRepository, current_package
from app.persistence.rows import OrderRow, PackageRow
from app.services.waybills import installed, preview_routing
from printers.waybill import Item, Party, Routing, Waybill


def build_waybill(order: OrderRow, package: PackageRow, copy_no: int, printed_at: datetime) -> Waybill:
    """The label content of `package`: privacy-masked receiver, the group's sender, packable items only."""
    group = order.shop.group
    sender = (
        Party(
            group.sender_name,
            group.sender_phone,
            "".join((group.sender_province, group.sender_city, group.sender_district, group.sender_detail)),
        )
        if group
        else Party(order.shop.name, "", "")
    )
    city = "" if order.receiver_city == order.receiver_province else order.receiver_city
    routing = package.routing or {}
    return Waybill(
        tracking_no=package.tracking_no,
        carrier_name=carrier(package.carrier).name,
        carrier_code=package.carrier,
        receiver=Party(
            mask_name(order.receiver_name),  # the cache holds them masked; a label never shows more, whatever wrote it
            mask_phone(order.receiver_phone),
            "".join(
                (order.receiver_province, city, order.receiver_district, order.receiver_town, order.receiver_address)
            ),
        ),
        sender=sender,
        order_no=order.order_no,
        printed_at=printed_at.astimezone(CHINA_TZ),
        routing=Routing(
            routing.get("sort_headline", ""), routing.get("route_code", ""), routing.get("consolidation", "")
        ),
        items=tuple(
            Item(ln.sku, f"{ln.title} {ln.spec.partition(':')[2]}".strip(), ln.qty)
            for ln in order.lines
            if is_packable(RefundStatus(ln.refund_status), shipped=ln.shipped)
        ),
        buyer_message=order.buyer_message,
        seller_memo=order.seller_memo,
        copy_no=copy_no,
    )


PREVIEW_NUMBER = "000000000000"  # shown until the order's tracking number is allocated at print time


def preview_waybill(session_factory: sessionmaker[Session], order_no: str, now: datetime) -> Waybill:
    """The label `order_no` would print now; nothing is allocated or recorded.

    Raises:
        NotFound: no such order.
    """
    with session_factory() as session:
        order = OrderRepository(session).row(order_no)
        if order is None:
            raise NotFound(msg("order.not_found", order_no=order_no))
        package = current_package(order)
        if package is None:
            carrier_code, routing = preview_routing(session, order, installed())
            package = PackageRow(
                tracking_no=PREVIEW_NUMBER,
                carrier=carrier_code,
                routing=routing,
                print_count=0,
            )
        return build_waybill(order, package, package.print_count + 1, now)

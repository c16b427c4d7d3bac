"""What goes on the waybill of an order: the label's content, built from domain values (services layer).

The receiver is privacy-masked, the sender is the shop group's, and only the lines still to ship are listed. A number
from an online provider carries the provider's print data and label image from the ledger, so a reprint prints the
same document again and never takes a new number. A preview shows the label an order would print now without
allocating or recording anything.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from app.domain.carrier_rules import insured_value
from app.domain.enums import PackageState
from app.domain.errors import NotFound
from app.domain.masking import mask_name, mask_phone
from app.domain.messages import msg
from app.domain.orders import CHINA_TZ, Order, place_names
from app.domain.packages import Package, StoredOrder
from app.domain.shops import Sender
from app.domain.tracking import carrier
from app.persistence.repositories import OrderRepository
from app.persistence.service_rules import ServiceRules
from app.persistence.shops import ShopRepository
from app.persistence.waybill_issues import WaybillIssues
from app.services.waybills import installed, preview_routing
from printers.waybill import Item, Party, Routing, Waybill


def build_waybill(order: Order, package: Package, sender: Sender | None, copy_no: int, printed_at: datetime) -> Waybill:
    """The label content of `package`: privacy-masked receiver, the group's sender (the shop's name when its shop
    has no group), packable items only."""
    address = order.receiver.address
    routing = package.routing
    return Waybill(
        tracking_no=package.tracking_no,
        carrier_name=carrier(package.carrier).name,
        carrier_code=package.carrier,
        receiver=Party(
            mask_name(order.receiver.name),  # the cache holds them masked; a label never shows more, whatever wrote it
            mask_phone(order.receiver.phone),
            place_names(address.province, address.city, address.district, address.town, address.detail),
        ),
        sender=(
            Party(sender.name, sender.phone, f"{sender.province}{sender.city}{sender.district}{sender.detail}")
            if sender
            else Party(order.shop, "", "")
        ),
        order_no=order.order_no,
        printed_at=printed_at.astimezone(CHINA_TZ),
        routing=Routing(
            routing.get("sort_headline", ""), routing.get("route_code", ""), routing.get("consolidation", "")
        ),
        items=tuple(
            Item(ln.sku, f"{ln.title} {ln.spec.partition(':')[2]}".strip(), ln.units)
            for ln in order.lines
            if ln.packable
        ),
        buyer_message=order.buyer_message,
        seller_memo=order.memo,
        copy_no=copy_no,
    )


def parcel_order(session: Session, package: Package) -> StoredOrder:
    """The order `package` is for, as cached (without barcodes: a label does not show them)."""
    stored = OrderRepository(session).stored_by_id(package.order_id, barcodes=False)
    if stored is None:
        raise LookupError(f"no order {package.order_id}")
    return stored


def waybill_of(session: Session, stored: StoredOrder, package: Package, copy_no: int, printed_at: datetime) -> Waybill:
    """The label of `package` of `stored`, with the sender its number was issued for (else its shop group's), and
    the print data and label image its online provider gave for its number (kept in the ledger)."""
    ledger = WaybillIssues(session)
    sender = _issued_for(ledger, package, ShopRepository(session).sender_of(stored.shop_id))
    waybill = build_waybill(stored.order, package, sender, copy_no, printed_at)
    # 保价 ¥X as the parcel's number was asked for (kept with it when issued), on the first print and every reprint;
    # only a preview, with no number yet, shows what the seller's threshold would ask now.
    insured = package.insured if package.id else insured_value(ServiceRules(session).insure_above(), stored.order.total)
    if insured is not None:
        waybill = replace(waybill, insured=f"{insured:.2f}")
    document = ledger.document_of(package.id) if package.id else None
    if document is None:
        return waybill
    return replace(waybill, document=document.print_data or None, image=document.image)


def _issued_for(ledger: WaybillIssues, package: Package, group: Sender | None) -> Sender | None:
    """The sender to print: the address the package's number was issued for (the provider checks the label against
    it) with the group's name and phone; the group's sender when the number is not an online provider's."""
    number = ledger.of_package(package.id) if package.id else None
    account = ledger.account(number.account_id) if number is not None else None
    address = account.sender if account is not None else None
    if address is None:
        return group
    return Sender(
        (group.name if group else "") or address.name,
        (group.phone if group else "") or address.phone,
        address.province,
        address.city,
        address.district,
        f"{address.town}{address.detail}",
    )


PREVIEW_NUMBER = "000000000000"  # shown until the order's tracking number is allocated at print time


def preview_waybill(session_factory: sessionmaker[Session], order_no: str, now: datetime) -> Waybill:
    """The label `order_no` would print now; nothing is allocated or recorded.

    Raises:
        NotFound: no such order.
    """
    with session_factory() as session:
        stored = OrderRepository(session).stored(order_no)
        if stored is None:
            raise NotFound(msg("order.not_found", order_no=order_no))
        package = stored.package
        if package is None:
            carrier_code, routing = preview_routing(session, stored, installed())
            package = Package(0, stored.id, carrier_code, PREVIEW_NUMBER, PackageState.ALLOCATED, 0, routing)
        return waybill_of(session, stored, package, package.print_count + 1, now)

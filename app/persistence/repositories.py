"""Repositories: queries over a Session that return domain objects, never rows (persistence layer)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from types import SimpleNamespace

from sqlalchemy import ColumnElement, and_, bindparam, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.domain.enums import Flag, OrderStatus, PackageState, Platform, RefundStatus
from app.domain.merges import merged_view
from app.domain.orders import Address, Order, OrderLine, Receiver
from app.domain.packages import WAITING_FOR_PARCEL, MergedPart, StoredOrder
from app.domain.packing import BarcodeHit
from app.persistence.packages import to_package
from app.persistence.products import ProductRepository
from app.persistence.rows import BarcodeRow, OrderLineRow, OrderRow, PackageLineRow, PackageRow, ProductRow, ShopRow


def packable_line() -> ColumnElement[bool]:
    """The domain's rule of which lines must be in the box (app.domain.orders.is_packable), as SQL."""
    blocking = [r.value for r in RefundStatus if r.blocks_shipping]
    return and_(OrderLineRow.refund_status.not_in(blocking), OrderLineRow.shipped.is_(False))


def _flag(value: int) -> Flag:
    try:
        return Flag(value)
    except ValueError:  # newer platform UIs have more colours than we know
        return Flag.NONE


def _current_package(row: OrderRow) -> PackageRow | None:
    """The order's live parcel (not voided), if it has one. An order still waiting whose last parcel shipped is
    partly shipped (a split): its next parcel has no waybill yet."""
    live = [p for p in row.packages if p.state != PackageState.VOID]
    if not live or (live[-1].state == PackageState.SHIPPED and row.status in WAITING_FOR_PARCEL):
        return None
    return live[-1]


def _to_order(row: OrderRow, barcodes: dict[str, list[str]], images: dict[str, str] | None = None) -> Order:
    """The domain order of `row`; `barcodes` and `images` (the products' own pictures) are per SKU."""
    package = _current_package(row)
    return Order(
        order_no=row.order_no,
        shop=row.shop.name,
        platform=Platform(row.platform),
        status=OrderStatus(row.status),
        buyer_nick=row.buyer_nick,
        receiver=Receiver(
            row.receiver_name,
            row.receiver_phone,
            Address(
                row.receiver_province, row.receiver_city, row.receiver_district, row.receiver_town, row.receiver_address
            ),
        ),
        lines=tuple(
            OrderLine(
                line_no=ln.line_no,
                sku=ln.sku,
                title=ln.title,
                spec=ln.spec,
                qty=ln.qty,
                price=ln.price,
                refund=RefundStatus(ln.refund_status),
                shipped=ln.shipped,
                barcodes=tuple(barcodes.get(ln.sku, ())),
                image=ln.image_url or (images or {}).get(ln.sku, ""),
                sent=ln.sent_qty or 0,
                planned=ln.parcel_qty,
            )
            for ln in row.lines
        ),
        paid_at=row.paid_at,
        deadline=row.deadline,
        flag=_flag(row.flag),
        memo=row.seller_memo,
        buyer_message=row.buyer_message,
        total=row.total,
        tracking_no=package.tracking_no if package else None,
        carrier=package.carrier if package else None,
        print_count=package.print_count if package else 0,
        extra=_extra(row),
        priority=row.priority or 0,
        hold_reason=row.hold_reason or "",  # the seller's hold (app.services.order_actions): said when refused
        platform_status=row.platform_status or "",  # a platform hold's reason (app.domain.order_actions.platform_stop)
    )


def _extra(row: OrderRow) -> dict[str, str]:
    """What a waybill request of the order passes instead of an address: Taobao's oaid of a privacy order, PDD's
    receiver ciphertexts (JSON text)."""
    extra = {"oaid": row.oaid} if row.oaid else {}
    if row.receiver_cipher:
        extra["receiver_cipher"] = row.receiver_cipher
    return extra


def _stored(row: OrderRow, order: Order) -> StoredOrder:
    package = _current_package(row)
    voided = any(p.state == PackageState.VOID for p in row.packages)
    return StoredOrder(row.id, row.shop_id, order, to_package(package) if package else None, voided)


@cache
def _statements() -> SimpleNamespace:
    """The station's look-ups, built once: building a statement costs SQLAlchemy more than SQLite takes to run it,
    and every scan runs several."""
    # One order with its few lines and parcels: one joined query beats three (each costs more to run than to answer).
    load = select(OrderRow).options(
        joinedload(OrderRow.lines), joinedload(OrderRow.packages), joinedload(OrderRow.shop)
    )
    return SimpleNamespace(
        by_no=load.where(OrderRow.order_no == bindparam("no")).order_by(OrderRow.id),
        by_no_and_shop=load.join(OrderRow.shop)
        .where(OrderRow.order_no == bindparam("no"), ShopRow.name == bindparam("shop"))
        .order_by(OrderRow.id),
        by_id=load.where(OrderRow.id == bindparam("id")),
        members=load.where(OrderRow.merged_into_id == bindparam("id")).order_by(OrderRow.id),
        by_tracking=select(PackageRow.order_id).where(PackageRow.tracking_no == bindparam("code")),
    )


class CatalogueRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def lookup(self, code: str) -> BarcodeHit | None:
        """The product `code` stands for, with the other keys order lines may name it by (its item code when a
        line's SKU has no code of its own: app.domain.products.link_skus)."""
        hit = ProductRepository(self.session).by_code(code)
        return BarcodeHit(hit.sku, hit.units, hit.aliases) if hit else None

    def for_skus(self, skus: Iterable[str]) -> tuple[dict[str, list[str]], dict[str, str]]:
        """In one query: barcodes per order line SKU (single units first, what a packer scans, then case packs) and
        the products' own pictures per SKU (for those that have one), the product found by its SKU, else by the key
        that names it alone (app.domain.products.link_skus)."""
        barcodes: dict[str, list[str]] = {}
        images: dict[str, str] = {}
        for sku, product in ProductRepository(self.session).for_lines(skus).items():
            if product.barcodes:
                barcodes[sku] = list(product.barcodes)
            if product.image:
                images[sku] = product.image
        return barcodes, images

    def bind(self, code: str, line: OrderLine, units: int) -> None:
        """Binds the (normalized, unknown) `code` to `units` of the product `line` names (by its SKU, else its item
        code); a SKU the catalogue never had (an order line from a platform) becomes a product with the line's title,
        spec and price."""
        product_id = ProductRepository(self.session).link([line.sku]).get(line.sku)
        if product_id is None:
            product = ProductRow(sku=line.sku, title=line.title, spec=line.spec, price=line.price)
            self.session.add(product)
            self.session.flush()
            product_id = product.id
        self.session.add(BarcodeRow(code=code, product_id=product_id, units=units))

    def weights(self, skus: Iterable[str]) -> dict[str, int]:
        """The products' weights in grams per order line SKU, for those that name a product (0 when unknown)."""
        return {sku: product.weight_g for sku, product in ProductRepository(self.session).for_lines(skus).items()}


class OrderRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _load(self):  # type: ignore[no-untyped-def]
        return select(OrderRow).options(
            selectinload(OrderRow.lines), selectinload(OrderRow.packages), joinedload(OrderRow.shop)
        )

    def _to_domain(self, rows: Sequence[OrderRow]) -> list[Order]:
        barcodes, images = CatalogueRepository(self.session).for_skus(ln.sku for r in rows for ln in r.lines)
        return [_to_order(r, barcodes, images) for r in rows]

    def list(self, *, status: str | None = None, search: str | None = None, limit: int = 200) -> list[Order]:
        """Orders by ship-by deadline, most urgent first.

        Args:
            status: one OrderStatus value, or None for all.
            search: matches order number, buyer nick, receiver name, tracking number, SKU or title.
            limit: at most this many.
        """
        query = self._load()
        if status:
            query = query.where(OrderRow.status == status)
        if search:
            # % and _ typed by a seller are characters, not wildcards
            term = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            like = f"%{term}%"

            def has(column):  # type: ignore[no-untyped-def]
                return column.like(like, escape="\\")

            query = query.where(
                or_(
                    has(OrderRow.order_no),
                    has(OrderRow.buyer_nick),
                    has(OrderRow.receiver_name),
                    OrderRow.id.in_(select(PackageRow.order_id).where(has(PackageRow.tracking_no))),
                    OrderRow.id.in_(
                        select(OrderLineRow.order_id).where(or_(has(OrderLineRow.sku), has(OrderLineRow.title)))
                    ),
                )
            )
        rows = self.session.execute(query.order_by(OrderRow.deadline, OrderRow.id).limit(limit)).scalars().all()
        return self._to_domain(rows)

    def _row(self, order_no: str, shop: str | None = None) -> OrderRow | None:
        if shop:
            found = self.session.execute(_statements().by_no_and_shop, {"no": order_no.strip(), "shop": shop})
        else:
            found = self.session.execute(_statements().by_no, {"no": order_no.strip()})
        return found.unique().scalars().first()

    def order_and_shop(self, code: str) -> tuple[str, str] | None:
        """(order number, shop name) of the order a scanned order or tracking number opens; a light look-up."""
        code = code.strip()
        by_tracking = select(PackageRow.order_id).where(PackageRow.tracking_no == code)
        row = self.session.execute(
            select(OrderRow.order_no, ShopRow.name)
            .join(OrderRow.shop)
            .where(or_(OrderRow.order_no == code, OrderRow.id.in_(by_tracking)))
            .order_by(OrderRow.id)
            .limit(1)
        ).first()
        return (row[0], row[1]) if row else None

    def _row_by_code(self, code: str) -> OrderRow | None:
        """The order a scanned code opens: its order number, or the tracking number of its parcel."""
        row = self._row(code)
        if row is not None:
            return row
        order_id = self.session.execute(_statements().by_tracking, {"code": code.strip()}).scalar_one_or_none()
        if order_id is None:
            return None
        return self.session.execute(_statements().by_id, {"id": order_id}).unique().scalars().first()

    def awaiting_with_sku(self, sku: str, units: int, limit: int = 20, aliases: Sequence[str] = ()) -> list[str]:
        """Order numbers, most urgent first, of the waiting orders with no printed parcel yet whose packable lines
        take `units` of `sku` (or of a line naming it by one of its `aliases`) in one line: the orders a SKU-first
        scan may open."""
        query = (
            select(OrderRow.order_no)
            .join(OrderLineRow, OrderLineRow.order_id == OrderRow.id)
            .where(
                OrderRow.status.in_((OrderStatus.AWAITING_SHIPMENT.value, OrderStatus.PARTLY_SHIPPED.value)),
                OrderLineRow.sku.in_((sku, *aliases)),
                packable_line(),
                OrderLineRow.qty - OrderLineRow.sent_qty >= units,
                or_(OrderLineRow.parcel_qty.is_(None), OrderLineRow.parcel_qty >= units),  # a split keeps it back
                # a parcel printed and not yet shipped (a partly shipped order's earlier parcel does not count)
                ~OrderRow.packages.any(and_(PackageRow.print_count > 0, PackageRow.state != PackageState.SHIPPED)),
            )
            .order_by(OrderRow.deadline, OrderRow.id)
            .limit(limit)
        )
        return list(self.session.execute(query).scalars())

    def _stored_of(self, row: OrderRow | None, barcodes: bool) -> StoredOrder | None:
        """The stored order of `row`; an order merged into another's parcel reads as that parcel: its lead with
        every order's lines (app.domain.merges.merged_view), so the station, the label, the waybill request and
        the ship-back all see the whole parcel."""
        if row is None:
            return None
        if row.merged_into_id is not None:
            row = self.session.execute(_statements().by_id, {"id": row.merged_into_id}).unique().scalars().one()
        members = list(self.session.execute(_statements().members, {"id": row.id}).unique().scalars())
        rows = [row, *members]
        orders = self._to_domain(rows) if barcodes else [_to_order(r, {}) for r in rows]
        if not members:
            return _stored(row, orders[0])
        parts = tuple(MergedPart(r.id, r.shop_id, r.order_no, tuple(ln.line_no for ln in r.lines)) for r in rows)
        return replace(_stored(row, merged_view(orders[0], orders[1:])), parts=parts)

    def find(self, code: str, *, barcodes: bool = True) -> StoredOrder | None:
        """The order a scanned code opens (its order number, or its parcel's tracking number), with its lines'
        barcodes unless told not to."""
        return self._stored_of(self._row_by_code(code), barcodes)

    def stored(self, order_no: str, shop: str | None = None, *, barcodes: bool = False) -> StoredOrder | None:
        """The order `order_no` (of `shop`, when given) as cached; its lines' barcodes only when asked for (they
        cost a catalogue query the stop checks do not need)."""
        return self._stored_of(self._row(order_no, shop), barcodes)

    def stored_by_id(self, order_id: int, *, barcodes: bool = True) -> StoredOrder | None:
        """The order with id `order_id`, with its barcodes unless told not to."""
        row = self.session.execute(_statements().by_id, {"id": order_id}).unique().scalars().first()
        return self._stored_of(row, barcodes)

    def _row_by_id(self, order_id: int) -> OrderRow:
        row = self.session.get(OrderRow, order_id)
        if row is None:
            raise LookupError(f"no order {order_id}")
        return row

    def lift_hold(self, order_id: int) -> None:
        """The order's hold is lifted (a supervisor's decision): it waits for shipment again."""
        self._row_by_id(order_id).status = OrderStatus.AWAITING_SHIPMENT.value

    def mark_shipped(
        self, order_id: int, line_nos: Iterable[str], *, units: Mapping[str, int] | None = None,
        package_id: int | None = None,
    ) -> None:  # fmt: skip
        """A parcel of the order left the bench with its lines `line_nos` (those that were in the box), all their
        units or, for a split parcel, `units` per line; with `package_id`, what it carried is recorded
        (package_lines). A line is shipped once all its units left; the order is shipped when no line is left to ship
        (lines with a refund do not wait), else partly shipped. A split is used up: the next parcel takes what is left.
        """
        row = self._row_by_id(order_id)
        boxed = {no: None for no in line_nos} if units is None else dict(units)
        for line in row.lines:
            line.parcel_qty = None
            if line.line_no not in boxed:
                continue
            sent = line.sent_qty or 0
            qty = boxed[line.line_no]
            qty = line.qty - sent if qty is None else qty
            line.sent_qty = sent + qty
            line.shipped = line.shipped or line.sent_qty >= line.qty
            if package_id is not None and qty > 0:
                self.session.add(PackageLineRow(package_id=package_id, line_id=line.id, qty=qty))
        blocking = {r.value for r in RefundStatus if r.blocks_shipping}
        waiting = any(not ln.shipped and ln.refund_status not in blocking for ln in row.lines)
        row.status = (OrderStatus.PARTLY_SHIPPED if waiting else OrderStatus.SHIPPED).value

    def order_no_of(self, order_id: int) -> str | None:
        return self.session.execute(select(OrderRow.order_no).where(OrderRow.id == order_id)).scalar_one_or_none()

    def get(self, order_no: str) -> Order | None:
        row = self._row(order_no)
        return self._to_domain([row])[0] if row else None

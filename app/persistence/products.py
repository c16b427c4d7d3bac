"""The catalogue's products and barcodes: read as app.domain.products values, written in bulk (persistence layer).

An import of a 20,000-row product sheet reads what the catalogue holds of its SKUs and codes in a few chunked
queries and writes through the driver's executemany (app.persistence.bulk), never one ORM object per row. Which
product an order line names is app.domain.products.link_skus's rule; this module fetches the candidates it needs.
The caller owns the transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from types import SimpleNamespace
from typing import Any, TypeVar

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from app.domain.enums import OrderStatus
from app.domain.products import CasePack, Product, ProductKeys, Stock, aliases_of, link_skus
from app.persistence.bulk import bulk_insert
from app.persistence.rows import BarcodeRow, OrderLineRow, OrderRow, ProductRow, ShopRow

PRODUCTS, BARCODES = ProductRow.__table__, BarcodeRow.__table__
CHUNK = 500  # keys per IN list (a look-up by every key repeats it four times: well under SQLite's 32,766 variables)
LINE_CHUNK = 5000  # order line SKUs per look-up of their products (4 x 5,000 variables)
_OPEN = tuple(s.value for s in OrderStatus if s.is_open)  # orders whose packable lines hold stock
# A change as app.domain.products.CatalogueEntry.changes names it -> the column it writes
_COLUMNS = {
    "title": "title",
    "spec": "spec",
    "outer_id": "outer_id",
    "sku_id": "sku_id",
    "item_id": "item_id",
    "weight_g": "weight_g",
    "on_hand": "stock",
    "safety": "safety_stock",
    "price": "price",
    "shop_id": "shop_id",
}
_T = TypeVar("_T")


def _chunks(values: Iterable[_T], size: int = CHUNK) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for value in values:
        batch.append(value)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _packable() -> Any:
    from app.persistence.repositories import packable_line  # one rule for which lines go in the box

    return packable_line()


@cache
def _statements() -> SimpleNamespace:
    """Statements the bench runs on every order it opens, built once (building costs more than running them)."""
    keys = bindparam("keys", expanding=True)
    any_key = or_(
        ProductRow.sku.in_(keys),
        ProductRow.sku_id.in_(keys),
        ProductRow.outer_id.in_(keys),
        ProductRow.item_id.in_(keys),
    )
    return SimpleNamespace(
        keys=select(ProductRow.id, ProductRow.sku, ProductRow.sku_id, ProductRow.outer_id, ProductRow.item_id).where(
            any_key
        ),
        lines=select(
            ProductRow.id,
            ProductRow.sku,
            ProductRow.sku_id,
            ProductRow.outer_id,
            ProductRow.item_id,
            ProductRow.image_url,
            ProductRow.weight_g,
            BarcodeRow.code,
        )
        .outerjoin(BarcodeRow, BarcodeRow.product_id == ProductRow.id)
        .where(any_key)
        .order_by(ProductRow.id, BarcodeRow.units, BarcodeRow.code),
        code=select(
            ProductRow.id, ProductRow.sku, ProductRow.sku_id, ProductRow.outer_id, ProductRow.item_id, BarcodeRow.units
        )
        .join(BarcodeRow.product)
        .where(BarcodeRow.code == bindparam("code")),
    )


def _keys(row: Any) -> ProductKeys:
    return ProductKeys(row.id, row.sku, row.sku_id or "", row.outer_id or "", row.item_id or "")


@dataclass(frozen=True)
class LineProduct:
    """What the bench needs of the product an order line names: its codes (single pieces first), picture, weight."""

    barcodes: tuple[str, ...]
    image: str
    weight_g: int


@dataclass(frozen=True)
class CodeHit:
    """The product a code belongs to: its SKU, the pieces one scan counts, and the other keys order lines name it
    by (app.domain.products.aliases_of)."""

    sku: str
    units: int
    aliases: tuple[str, ...]


class ProductRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- which product an order line names ---------------------------------------------------------------------

    def candidates(self, texts: Iterable[str]) -> list[ProductKeys]:
        """Every product any of `texts` is a key of (what `link_skus` needs to decide)."""
        found: list[ProductKeys] = []
        for chunk in _chunks(sorted(set(texts))):
            found += map(_keys, self.session.execute(_statements().keys, {"keys": chunk}))
        return found

    def link(self, texts: Iterable[str]) -> dict[str, int]:
        """Order lines' SKU texts -> the id of the product each names (those that name one)."""
        wanted = set(texts)
        return link_skus(wanted, self.candidates(wanted)) if wanted else {}

    def for_lines(self, skus: Iterable[str]) -> dict[str, LineProduct]:
        """The product each of order lines' SKUs names, with its codes, picture and weight: one query for an
        order's lines (a list of thousands of orders takes one per `LINE_CHUNK` SKUs)."""
        wanted = sorted(set(skus))
        found: dict[str, LineProduct] = {}
        for chunk in _chunks(wanted, LINE_CHUNK):
            keys: dict[int, ProductKeys] = {}
            codes: dict[int, list[str]] = defaultdict(list)
            extra: dict[int, tuple[str, int]] = {}
            for row in self.session.execute(_statements().lines, {"keys": chunk}):
                keys.setdefault(row.id, _keys(row))
                extra[row.id] = (row.image_url or "", row.weight_g or 0)
                if row.code is not None:
                    codes[row.id].append(row.code)
            for sku, pid in link_skus(chunk, keys.values()).items():
                found[sku] = LineProduct(tuple(codes[pid]), *extra[pid])
        return found

    def by_code(self, code: str) -> CodeHit | None:
        """The product `code` (as normalised for a scan) belongs to; None when no product has it."""
        row = self.session.execute(_statements().code, {"code": code}).first()
        if row is None:
            return None
        keys = _keys(row)
        others = {k for k in (keys.sku_id, keys.outer_id, keys.item_id) if k and k != keys.sku}
        return CodeHit(row.sku, row.units, aliases_of(keys, self.link(others)) if others else ())

    # -- the catalogue as a seller sees it -----------------------------------------------------------------------

    def current(self, skus: Iterable[str]) -> dict[str, tuple[int, Product]]:
        """SKU -> (id, product) of those of `skus` in the catalogue; stock as stored (nothing reserved counted)."""
        rows: list[Any] = []
        for chunk in _chunks(sorted(set(skus))):
            rows += self.session.execute(_product_query().where(ProductRow.sku.in_(chunk))).all()
        codes = self._codes([r.id for r in rows])
        return {r.sku: (r.id, _product(r, codes.get(r.id, []), 0)) for r in rows}

    def owners(self, codes: Iterable[str]) -> dict[str, tuple[str, int]]:
        """Code -> (SKU, pieces per scan) of those of `codes` some product holds."""
        found: dict[str, tuple[str, int]] = {}
        for chunk in _chunks(sorted(set(codes))):
            query = select(BarcodeRow.code, ProductRow.sku, BarcodeRow.units).join(BarcodeRow.product)
            for code, sku, units in self.session.execute(query.where(BarcodeRow.code.in_(chunk))):
                found[code] = (sku, units)
        return found

    def search(self, *, search: str | None = None, missing_barcode: bool = False, limit: int = 200) -> list[Product]:
        """Products by SKU, with their stock (reserved: the waiting orders' units the last stock allotment covered,
        app.services.stock.recompute; 0 for a SKU whose stock PackDesk does not keep).

        Args:
            search: a piece of the SKU, title, spec, item code or one of the barcodes (case-insensitive).
            missing_barcode: only SKUs no single piece's barcode names (the ones that stop a packer), and after
                them the SKUs waiting orders sell that the catalogue lacks.
            limit: at most this many.
        """
        query = _product_query()
        pattern = _like(search) if search else None
        if pattern is not None:
            coded = select(BarcodeRow.product_id).where(BarcodeRow.code.ilike(pattern, escape="\\"))
            query = query.where(
                or_(
                    ProductRow.sku.ilike(pattern, escape="\\"),
                    ProductRow.title.ilike(pattern, escape="\\"),
                    ProductRow.spec.ilike(pattern, escape="\\"),
                    ProductRow.outer_id.ilike(pattern, escape="\\"),
                    ProductRow.id.in_(coded),
                )
            )
        if missing_barcode:
            query = query.where(~ProductRow.barcodes.any(BarcodeRow.units == 1))
        rows = self.session.execute(query.order_by(ProductRow.sku).limit(limit)).all()
        codes = self._codes([r.id for r in rows])
        products = [_product(r, codes.get(r.id, []), r.reserved) for r in rows]
        if missing_barcode and len(products) < limit:
            products += self._unknown(pattern, limit - len(products))
        return products

    def _codes(self, ids: Sequence[int]) -> dict[int, list[tuple[str, int]]]:
        found: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for chunk in _chunks(ids):
            query = (
                select(BarcodeRow.product_id, BarcodeRow.code, BarcodeRow.units)
                .where(BarcodeRow.product_id.in_(chunk))
                .order_by(BarcodeRow.units, BarcodeRow.code)
            )
            for pid, code, units in self.session.execute(query):
                found[pid].append((code, units))
        return found

    def _waiting_units(self, texts: Iterable[str] | None = None) -> dict[str, tuple[int, str, str]]:
        """Line SKU text -> (units, a title, a spec) of the packable lines of open orders (of `texts` only, when
        given)."""
        query = (
            select(
                OrderLineRow.sku,
                func.sum(OrderLineRow.qty - OrderLineRow.sent_qty),  # a quantity split's first parcel took some
                func.max(OrderLineRow.title),
                func.max(OrderLineRow.spec),
            )
            .join(OrderRow, OrderRow.id == OrderLineRow.order_id)
            .where(OrderRow.status.in_(_OPEN), _packable())
            .group_by(OrderLineRow.sku)
        )
        if texts is None:
            return {sku: (int(units), title, spec) for sku, units, title, spec in self.session.execute(query)}
        found: dict[str, tuple[int, str, str]] = {}
        for chunk in _chunks(sorted(set(texts))):
            for sku, units, title, spec in self.session.execute(query.where(OrderLineRow.sku.in_(chunk))):
                found[sku] = (int(units), title, spec)
        return found

    def _unknown(self, pattern: str | None, limit: int) -> list[Product]:
        """The SKUs waiting orders sell that name no product, as products the catalogue lacks."""
        waiting = self._waiting_units()
        links = self.link(waiting)
        found = []
        for text in sorted(t for t in waiting if t not in links):
            units, title, spec = waiting[text]
            if pattern is not None and not any(_matches(pattern, s) for s in (text, title, spec)):
                continue
            found.append(Product(text, title, spec, stock=Stock(0, units, 0), known=False))
            if len(found) >= limit:
                break
        return found

    # -- writes --------------------------------------------------------------------------------------------------

    def add(self, products: Sequence[tuple[str, Mapping[str, Any]]], shop_id: int | None) -> dict[str, int]:
        """Inserts new products (SKU, fields as CatalogueEntry.changes names them); returns SKU -> id."""
        if not products:
            return {}
        names = ("sku", "title", "spec", "price", "weight_g", "stock", "safety_stock", "outer_id", "sku_id", "item_id",
                 "shop_id", "image_url")  # fmt: skip
        rows = [
            (
                sku,
                fields.get("title") or "",
                fields.get("spec") or "",
                fields.get("price") or Decimal("0.00"),
                fields.get("weight_g") or 0,
                fields.get("on_hand") or 0,
                fields.get("safety") or 0,
                fields.get("outer_id") or None,
                fields.get("sku_id") or None,
                fields.get("item_id") or None,
                shop_id,
                "",
            )
            for sku, fields in products
        ]
        bulk_insert(self.session, PRODUCTS, names, rows)
        return self.ids(sku for sku, _ in products)

    def ids(self, skus: Iterable[str]) -> dict[str, int]:
        """SKU -> id of those of `skus` in the catalogue (by SKU only, not by the other keys)."""
        ids: dict[str, int] = {}
        for chunk in _chunks(sorted(set(skus))):
            query = select(ProductRow.sku, ProductRow.id).where(ProductRow.sku.in_(chunk))
            ids.update((sku, pid) for sku, pid in self.session.execute(query))
        return ids

    def change(self, changes: Sequence[tuple[int, Mapping[str, Any]]]) -> None:
        """Writes changed fields (as CatalogueEntry.changes names them, plus shop_id) of existing products."""
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for pid, fields in changes:
            values = {_COLUMNS[name]: (value or None) if name in ("outer_id", "sku_id", "item_id") else value
                      for name, value in fields.items()}  # fmt: skip
            by_columns[tuple(sorted(values))].append({"pid": pid, **{f"v_{k}": v for k, v in values.items()}})
        for columns, params in by_columns.items():
            statement = (
                update(PRODUCTS)
                .where(PRODUCTS.c.id == bindparam("pid"))
                .values({column: bindparam(f"v_{column}") for column in columns})
            )
            self.session.execute(statement, params)

    def bind(self, codes: Sequence[tuple[int, str, int]]) -> None:
        """Binds codes (product id, code, pieces per scan): new ones inserted, known ones given their new count.
        A code another product holds must have been refused before (app.domain.barcodes.BarcodeBook)."""
        if not codes:
            return
        held = set(self.owners(code for _, code, _ in codes))
        fresh = [(code, pid, units) for pid, code, units in codes if code not in held]
        bulk_insert(self.session, BARCODES, ("code", "product_id", "units"), fresh)
        moved = [{"c": code, "p": pid, "u": units} for pid, code, units in codes if code in held]
        if moved:
            statement = (
                update(BARCODES)
                .where(BARCODES.c.code == bindparam("c"))
                .values(product_id=bindparam("p"), units=bindparam("u"))
            )
            self.session.execute(statement, moved)

    def unbind(self, product_id: int, code: str) -> None:
        """Takes `code` off the product `product_id` (nothing when it does not hold it)."""
        self.session.execute(BARCODES.delete().where(BARCODES.c.product_id == product_id, BARCODES.c.code == code))

    def line_product(self, sku: str) -> tuple[str, str, Decimal] | None:
        """Title, spec and price of the latest order line selling `sku`, for a product the catalogue lacks."""
        row = self.session.execute(
            select(OrderLineRow.title, OrderLineRow.spec, OrderLineRow.price)
            .where(OrderLineRow.sku == sku)
            .order_by(OrderLineRow.id.desc())
            .limit(1)
        ).first()
        return (row.title, row.spec, row.price) if row else None

    def product(self, product_id: int) -> Product:
        row = self.session.execute(_product_query().where(ProductRow.id == product_id)).one()
        return _product(row, self._codes([row.id]).get(row.id, []), row.reserved)


def _product_query() -> Any:
    return select(
        ProductRow.id,
        ProductRow.sku,
        ProductRow.title,
        ProductRow.spec,
        ProductRow.outer_id,
        ProductRow.sku_id,
        ProductRow.item_id,
        ProductRow.weight_g,
        ProductRow.price,
        ProductRow.stock,
        ProductRow.reserved,
        ProductRow.safety_stock,
        ShopRow.name.label("shop"),
    ).outerjoin(ShopRow, ShopRow.id == ProductRow.shop_id)


def _product(row: Any, codes: Sequence[tuple[str, int]], reserved: int) -> Product:
    return Product(
        sku=row.sku,
        title=row.title,
        spec=row.spec,
        outer_id=row.outer_id or "",
        sku_id=row.sku_id or "",
        item_id=row.item_id or "",
        barcodes=tuple(code for code, units in codes if units == 1),
        case_packs=tuple(CasePack(code, units) for code, units in codes if units != 1),
        weight_g=row.weight_g,
        price=row.price,
        stock=Stock(row.stock, reserved, row.safety_stock),
        shop=row.shop or "",
    )


def _like(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _matches(pattern: str, text: str) -> bool:
    """`text` LIKE `pattern` (a `_like` pattern), in Python."""
    needle = pattern[1:-1].replace("\\%", "%").replace("\\_", "_").replace("\\\\", "\\")
    return needle.casefold() in text.casefold()

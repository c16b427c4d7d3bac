"""The shop's catalogue as values (domain layer): a product with its barcodes, case packs, weight and stock; what a
product sheet or a platform says of one SKU; and which product an order line names.

An order line carries one text for what it sold (app.sync.model.PlatformLine.sku): the SKU's merchant code, else the
item's (outer_iid), else the platform's ids. `link_skus` finds the product that text names, so a line whose SKU has no
code of its own still gets its barcodes and weight at the bench.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

MAX_SKU = 64  # products.sku, like an order line's sku
MAX_TEXT = 200  # products.title and .spec


@dataclass(frozen=True)
class CasePack:
    """A code printed on a case: one scan of it counts `units` pieces."""

    barcode: str
    units: int

    def to_json(self) -> dict[str, Any]:
        return {"barcode": self.barcode, "units": self.units}


@dataclass(frozen=True)
class Stock:
    """Pieces on hand, reserved by waiting orders (their packable lines), and the safety stock the seller keeps."""

    on_hand: int = 0
    reserved: int = 0
    safety: int = 0

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def low(self) -> bool:
        """Available stock has fallen under the safety stock."""
        return self.available < self.safety

    def to_json(self) -> dict[str, int]:
        return {"on_hand": self.on_hand, "reserved": self.reserved, "available": self.available, "safety": self.safety}


@dataclass(frozen=True)
class Product:
    """A SKU of the catalogue. `known` is False for a SKU that waiting orders sell but the catalogue lacks (listed
    so the seller sees what will stop a packer); its title and spec are then the order line's."""

    sku: str
    title: str
    spec: str = ""
    outer_id: str = ""
    sku_id: str = ""
    item_id: str = ""
    barcodes: tuple[str, ...] = ()  # codes of one piece
    case_packs: tuple[CasePack, ...] = ()
    weight_g: int = 0
    price: Decimal = Decimal("0.00")
    stock: Stock = Stock()
    shop: str = ""
    known: bool = True

    @property
    def codes(self) -> dict[str, int]:
        """Every code of the product -> the pieces one scan of it counts."""
        return {**dict.fromkeys(self.barcodes, 1), **{c.barcode: c.units for c in self.case_packs}}

    def to_json(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "outer_id": self.outer_id or None,
            "title": self.title,
            "spec": self.spec,
            "barcodes": list(self.barcodes),
            "case_packs": [c.to_json() for c in self.case_packs],
            "weight_g": self.weight_g,
            "stock": self.stock.to_json(),
            "sku_id": self.sku_id or None,
            "item_id": self.item_id or None,
            "price": str(self.price),
            "shop": self.shop or None,
            "in_catalogue": self.known,
        }


@dataclass(frozen=True)
class CatalogueEntry:
    """What a product sheet row (or a platform) says of one SKU. A field left None says nothing: the catalogue keeps
    what it has (an empty cell never erases a weight or a title typed in earlier)."""

    sku: str
    title: str | None = None
    spec: str | None = None
    outer_id: str | None = None
    sku_id: str | None = None
    item_id: str | None = None
    codes: Mapping[str, int] = field(default_factory=dict)  # code -> pieces per scan
    weight_g: int | None = None
    on_hand: int | None = None
    safety: int | None = None
    price: Decimal | None = None

    def changes(self, current: Product | None) -> dict[str, Any]:
        """The fields (title, spec, outer_id, sku_id, item_id, weight_g, on_hand, safety, price) this entry sets that
        `current` holds otherwise; every field it gives when the product is new."""
        given = {
            "title": self.title,
            "spec": self.spec,
            "outer_id": self.outer_id,
            "sku_id": self.sku_id,
            "item_id": self.item_id,
            "weight_g": self.weight_g,
            "on_hand": self.on_hand,
            "safety": self.safety,
            "price": self.price,
        }
        if current is None:
            return {name: value for name, value in given.items() if value is not None}
        now = {
            "title": current.title,
            "spec": current.spec,
            "outer_id": current.outer_id,
            "sku_id": current.sku_id,
            "item_id": current.item_id,
            "weight_g": current.weight_g,
            "on_hand": current.stock.on_hand,
            "safety": current.stock.safety,
            "price": current.price,
        }
        return {name: value for name, value in given.items() if value is not None and value != now[name]}

    def new_codes(self, current: Product | None) -> dict[str, int]:
        """Codes to bind (or whose piece count changes); a code the product holds and the entry does not mention
        stays bound (it may have been bound at the bench)."""
        held = current.codes if current else {}
        return {code: units for code, units in self.codes.items() if held.get(code) != units}


@dataclass(frozen=True)
class ProductKeys:
    """The texts an order line may name a product by."""

    id: int
    sku: str
    sku_id: str = ""
    outer_id: str = ""
    item_id: str = ""


_LINK_ORDER = ("sku", "sku_id", "outer_id", "item_id")


def link_skus(wanted: Iterable[str], products: Iterable[ProductKeys]) -> dict[str, int]:
    """Which product (id) each order line's SKU text names.

    The product whose SKU it is; else the one product with that platform SKU id; else the one product with that item
    code (outer_id); else the one product of that platform item id. A key several products share names none of them:
    a line that carries only a multi-SKU item's code cannot tell which SKU was sold, and guessing would let the wrong
    colour into the box.

    Args:
        wanted: the order lines' SKU texts.
        products: at least every product any of `wanted` could name (any of its keys is among them).

    Returns:
        text -> product id, for the texts that name one.
    """
    index: dict[str, dict[str, set[int]]] = {name: {} for name in _LINK_ORDER}
    for p in products:
        for name in _LINK_ORDER:
            key = getattr(p, name)
            if key:
                index[name].setdefault(key, set()).add(p.id)
    found: dict[str, int] = {}
    for text in wanted:
        for name in _LINK_ORDER:
            ids = index[name].get(text)
            if ids is not None and len(ids) == 1:
                found[text] = next(iter(ids))
                break
    return found


def aliases_of(product: ProductKeys, links: Mapping[str, int]) -> tuple[str, ...]:
    """The keys other than its SKU by which order lines name `product` (`links` from `link_skus` over its keys)."""
    keys = (product.sku_id, product.outer_id, product.item_id)
    return tuple(dict.fromkeys(k for k in keys if k and k != product.sku and links.get(k) == product.id))

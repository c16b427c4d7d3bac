"""The window's door to the catalogue (the Products tab): products with their barcodes and stock, binding codes,
stock counts, and the status bar's low-stock figure (facade layer, beside app.facade.Desk, which
hands it out as `desk.catalogue`). Each method opens its own sessions and returns plain values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from app.services.audit import Actor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from app.domain.products import Product
    from app.services.catalogue import Bound, Scanned
    from app.services.stock import StockChange


MISSING_COUNTED = 100_000  # the missing-barcode count of the Products tab stops here


@dataclass(frozen=True)
class ProductsPage:
    """A page of the catalogue and how many SKUs lack a single piece's barcode (each stops a packer)."""

    products: list[Product]
    missing: int
    waiting: dict[str, tuple[str, ...]] = field(default_factory=dict)  # SKU -> waiting orders that need it
    tracked: frozenset[str] = frozenset()  # SKUs whose stock PackDesk keeps (the others are never short)


class CatalogueDesk:
    def __init__(self, session_factory: sessionmaker[Session], actor: Actor, clock: Callable[[], datetime]) -> None:
        self.session_factory, self.actor, self.clock = session_factory, actor, clock

    def products(
        self, *, search: str | None = None, missing_barcode: bool = False, low: bool = False, limit: int = 2000
    ) -> ProductsPage:
        """Products by SKU with barcodes, weight and stock, the waiting orders that need each, and how many SKUs will
        stop a packer (no barcode).

        Args:
            low: only the SKUs whose available stock is under their safety stock.
        """
        from app.persistence.products import ProductRepository
        from app.persistence.stock import StockRepository
        from app.services.catalogue import list_products
        from app.services.stock import stock_levels

        if low:
            wanted = {level.sku for level in stock_levels(self.session_factory, low=True, limit=MISSING_COUNTED)}
            everything = list_products(self.session_factory, search=search, limit=MISSING_COUNTED)
            found = [p for p in everything if p.sku in wanted][:limit]
        else:
            found = list_products(self.session_factory, search=search, missing_barcode=missing_barcode, limit=limit)
        missing = found if missing_barcode and not search else None
        if missing is None:
            missing = list_products(self.session_factory, missing_barcode=True, limit=MISSING_COUNTED)
        shown = {p.sku for p in found if p.known}
        with self.session_factory() as session:
            ids = {pid: sku for sku, pid in ProductRepository(session).ids(shown).items()}
            stock = StockRepository(session)
            orders = stock.waiting_orders(ids)
            tracked = frozenset(ids[pid] for pid in stock.tracked() if pid in ids)
        waiting = {ids[pid]: tuple(numbers) for pid, numbers in orders.items()}
        return ProductsPage(found, len(missing), waiting, tracked)

    def bind_barcode(self, sku: str, code: str, units: int = 1) -> Bound:
        """Binds `code` to `sku` (a case pack when `units` > 1), audited; raises what the barcode rules refuse."""
        from app.services.catalogue import bind_barcode

        return bind_barcode(self.session_factory, sku, code, units, self.actor)

    def unbind_barcode(self, sku: str, code: str) -> Product:
        """Takes `code` off `sku`, audited (raises InvalidInput when `sku` does not hold it)."""
        from app.services.catalogue import unbind_barcode

        return unbind_barcode(self.session_factory, sku, code, self.actor)

    def change_product(self, sku: str, *, weight_g: int | None = None, safety: int | None = None) -> Product:
        """Sets the weight (g) or the safety stock of `sku`, audited."""
        from app.services.catalogue import change_product

        return change_product(self.session_factory, sku, self.actor, weight_g=weight_g, safety=safety)

    def set_stock(self, sku: str, on_hand: int, reason: str = "") -> StockChange:
        """Sets the on-hand stock of `sku` (tracked from now on), audited; waiting orders are allotted again."""
        from app.services.stock import set_stock

        return set_stock(self.session_factory, sku, on_hand, self.actor, self.clock(), reason)

    def adjust_stock(self, sku: str, delta: int, reason: str) -> StockChange:
        """Adds `delta` pieces to the on-hand stock of `sku` (negative: takes them off), with a reason, audited."""
        from app.services.stock import adjust_stock

        return adjust_stock(self.session_factory, sku, delta, self.actor, self.clock(), reason)

    def commit_count(self, counts: dict[str, int]) -> list[StockChange]:
        """A stock count: the counted SKUs' on-hand stock becomes what was counted, all or nothing."""
        from app.services.stock import commit_count

        return commit_count(self.session_factory, counts, self.actor, self.clock())

    def low_stock_count(self) -> int:
        """How many SKUs have less available than their safety stock (the status bar's figure)."""
        from app.services.stock import low_stock_count

        return low_stock_count(self.session_factory)

    def product_by_code(self, code: str) -> Scanned | None:
        """The product a scanned code belongs to and the pieces it counts (a stock count's scan)."""
        from app.services.catalogue import product_by_code

        return product_by_code(self.session_factory, code)

"""The shop's catalogue as use cases: write what a product sheet (or, later, a platform) says of its SKUs, bind one
barcode by hand, list products with their stock (services layer).

The rules are the domain's (app.domain.barcodes, app.domain.products): one barcode names one SKU, codes carry the
right check digit, a case code counts its pieces. What the catalogue already holds is read once per batch, every
row is judged against it and against the rows before it, and the good ones are written together in the caller's
transaction, so a batch is all written or not at all and a second run of the same batch changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.barcodes import BarcodeBook, case_code, normalize_scan, unit_code
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Message, msg
from app.domain.products import MAX_SKU, CatalogueEntry, Product
from app.persistence.products import ProductRepository
from app.persistence.stock import StockRepository
from app.services.audit import Actor, audit

MAX_UNITS = 9999
MAX_WEIGHT_G = 1_000_000  # as a product sheet's weight column (app.sync.imports.products)
MAX_COUNT = 10_000_000  # as a product sheet's stock columns


@dataclass
class CatalogueChanges:
    """What a batch did: products inserted, updated (a field or a code changed), unchanged, and rows refused."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, Message]] = field(default_factory=list)  # (row, why)


def apply_entries(
    session: Session, entries: Iterable[tuple[int, CatalogueEntry]], *, shop_id: int | None = None
) -> CatalogueChanges:
    """Writes what a batch says of its SKUs into the catalogue, in the caller's transaction.

    A row is refused whole (nothing of it written) when its SKU came on an earlier row, or one of its codes belongs
    to another SKU, in the catalogue or on an earlier row. Codes the catalogue holds and the row does not mention stay
    bound; empty fields keep what the catalogue has.

    Args:
        entries: (row number, what the row says), in the batch's order; codes already checked by the domain's rules
            (app.domain.barcodes.unit_code / case_code).
        shop_id: the shop the batch comes from, recorded on new products and on those it changes.

    Returns:
        The counts, and the refused rows with their reasons.
    """
    rows = list(entries)
    repo = ProductRepository(session)
    current = repo.current(e.sku for _, e in rows)
    book = BarcodeBook(repo.owners(code for _, e in rows for code in e.codes))
    result = CatalogueChanges()
    seen: dict[str, int] = {}
    new: list[tuple[str, dict[str, Any]]] = []
    changed: list[tuple[int, dict[str, Any]]] = []
    codes: list[tuple[str, str, int]] = []  # (sku, code, units)
    for row, entry in rows:
        if entry.sku in seen:
            result.rejected.append((row, msg("products.sku_twice", sku=entry.sku, row=seen[entry.sku])))
            continue
        clash = book.clash(entry.sku, entry.codes)
        if clash is not None:
            result.rejected.append((row, clash))
            continue
        seen[entry.sku] = row
        book.claim(entry.sku, entry.codes, row)
        pid, product = current.get(entry.sku, (None, None))
        fields = entry.changes(product)
        bound = entry.new_codes(product)
        codes += [(entry.sku, code, units) for code, units in bound.items()]
        if pid is None:
            new.append((entry.sku, fields))
            result.inserted += 1
        elif fields or bound:
            if shop_id is not None:
                fields["shop_id"] = shop_id
            changed.append((pid, fields))
            result.updated += 1
        else:
            result.unchanged += 1
    ids = {sku: pid for sku, (pid, _product) in current.items()}
    ids.update(repo.add(new, shop_id))
    repo.change([(pid, fields) for pid, fields in changed if fields])
    repo.bind([(ids[sku], code, units) for sku, code, units in codes])
    return result


@dataclass(frozen=True)
class Bound:
    """A code bound by hand: the product as it is now, and whether anything changed."""

    product: Product
    code: str
    units: int
    changed: bool

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "units": self.units, "changed": self.changed, "product": self.product.to_json()}


def bind_barcode(session_factory: sessionmaker[Session], sku: str, text: str, units: int, actor: Actor) -> Bound:
    """Binds the code `text` to `sku` by hand (audited), with the rules an import follows.

    `sku` may also be the text an order line names a product by (its item code), and a SKU waiting orders sell that
    the catalogue lacks becomes a product with the line's title, spec and price.

    Raises:
        InvalidInput: units outside 1-9999, a code the rules refuse (BarcodeError), or one another SKU holds.
        NotFound: no product and no order line has that SKU.
    """
    if not 1 <= units <= MAX_UNITS:
        raise InvalidInput(msg("products.units_range", most=MAX_UNITS, units=units))
    code = unit_code(text) if units == 1 else case_code(text, units)
    sku = sku.strip()
    if len(sku) > MAX_SKU:
        raise InvalidInput(msg("products.sku_too_long", sku=sku[:20] + "…", most=MAX_SKU))
    with session_factory.begin() as session:
        repo = ProductRepository(session)
        pid = repo.link([sku]).get(sku)
        if pid is None:
            line = repo.line_product(sku)
            if line is None:
                raise NotFound(msg("products.not_found", sku=sku))
            title, spec, price = line
            pid = repo.add([(sku, {"title": title, "spec": spec, "price": price})], None)[sku]
        owner = repo.product(pid).sku
        clash = BarcodeBook(repo.owners([code])).clash(owner, {code: units})
        if clash is not None:
            raise InvalidInput(clash)
        held = repo.owners([code]).get(code)
        changed = held != (owner, units)
        if changed:
            repo.bind([(pid, code, units)])
            audit(session, actor, "bind_barcode", "barcode", code, sku=owner, units=units)
        return Bound(repo.product(pid), code, units, changed)


def list_products(
    session_factory: sessionmaker[Session],
    *,
    search: str | None = None,
    missing_barcode: bool = False,
    limit: int = 200,
) -> list[Product]:
    """Products by SKU with their barcodes, case packs, weight and stock.

    Args:
        search: a piece of a SKU, title, spec, item code or barcode.
        missing_barcode: only SKUs without a single piece's barcode, then the SKUs waiting orders sell that the
            catalogue lacks (both stop a packer: every scan of them is an unknown code).
        limit: at most this many.

    Raises:
        InvalidInput: a limit below 1.
    """
    if limit < 1:
        raise InvalidInput(msg("products.limit_too_small"))
    with session_factory() as session:
        return ProductRepository(session).search(search=search, missing_barcode=missing_barcode, limit=limit)


def unbind_barcode(session_factory: sessionmaker[Session], sku: str, text: str, actor: Actor) -> Product:
    """Takes the code `text` off `sku` (audited): a scan of it is an unknown code again.

    Returns:
        The product as it is now.

    Raises:
        NotFound: no product has that SKU.
        InvalidInput: `sku` does not hold that code (another SKU may: the message names it).
    """
    code, sku = normalize_scan(text), sku.strip()
    with session_factory.begin() as session:
        repo = ProductRepository(session)
        pid, _product = _current(repo, sku)
        owner = repo.owners([code]).get(code)
        if owner is None:
            raise InvalidInput(msg("products.code_unbound", code=code, sku=sku))
        if owner[0] != sku:
            raise InvalidInput(msg("products.code_elsewhere", code=code, sku=sku, owner=owner[0]))
        repo.unbind(pid, code)
        audit(session, actor, "unbind_barcode", "barcode", code, sku=sku, units=owner[1])
        return repo.product(pid)


def change_product(
    session_factory: sessionmaker[Session],
    sku: str,
    actor: Actor,
    *,
    weight_g: int | None = None,
    safety: int | None = None,
) -> Product:
    """Sets the weight (grams) or the safety stock of `sku` by hand (audited, only what changes).

    Args:
        weight_g: grams, 0 to 1,000,000 (0: not known, the bench skips the scale check); None keeps it.
        safety: the pieces to keep in stock before the SKU counts as low, 0 to 10,000,000; None keeps it.

    Returns:
        The product as it is now.

    Raises:
        InvalidInput: a value out of range.
        NotFound: no product has that SKU.
    """
    if weight_g is not None and not 0 <= weight_g <= MAX_WEIGHT_G:
        raise InvalidInput(msg("products.row.weight_range", value=weight_g, most=f"{MAX_WEIGHT_G:,}"))
    if safety is not None and not 0 <= safety <= MAX_COUNT:
        raise InvalidInput(msg("products.row.count_range", value=safety, most=f"{MAX_COUNT:,}"))
    sku = sku.strip()
    with session_factory.begin() as session:
        repo = ProductRepository(session)
        pid, before = _current(repo, sku)
        entry = CatalogueEntry(sku, weight_g=weight_g, safety=safety)
        fields = entry.changes(before)
        if fields:
            repo.change([(pid, fields)])
            was = {"weight_g": before.weight_g, "safety": before.stock.safety}
            audit(session, actor, "change_product", "product", sku, **{k: [was[k], v] for k, v in fields.items()})
        return repo.product(pid)


@dataclass(frozen=True)
class Scanned:
    """A scanned code's product (its on-hand stock as stored), the pieces one scan of the code counts, and whether
    PackDesk keeps the product's stock (else its on-hand figure means nothing yet)."""

    product: Product
    units: int
    tracked: bool = True


def product_by_code(session_factory: sessionmaker[Session], text: str) -> Scanned | None:
    """The product a scanned code belongs to (as the bench reduces a scan), or None for a code no product holds."""
    code = normalize_scan(text)
    if not code:
        return None
    with session_factory() as session:
        repo = ProductRepository(session)
        hit = repo.by_code(code)
        if hit is None:
            return None
        pid, product = repo.current([hit.sku])[hit.sku]
        _on_hand, tracked = StockRepository(session).on_hand(pid)
        return Scanned(product, hit.units, tracked)


def _current(repo: ProductRepository, sku: str) -> tuple[int, Product]:
    found = repo.current([sku]).get(sku)
    if found is None:
        raise NotFound(msg("products.not_found", sku=sku))
    return found

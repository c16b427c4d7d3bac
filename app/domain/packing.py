"""Counting a parcel's items against its order (domain layer, in memory, no I/O).

`required_units` is the one rule for which lines must be in the box; `judge` answers one product scan against the
counts so far. `PackSession` is a mutable counter over them; the station's parcel (`app.domain.parcel`) uses the same
two functions in its immutable steps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.enums import ScanOutcome
from app.domain.orders import Order


@dataclass(frozen=True)
class BarcodeHit:
    """What a scanned product barcode stands for: a SKU and how many units one scan counts (case packs > 1).
    `aliases` are the other texts order lines name the product by (an item code a line carries when its SKU has
    none: app.domain.products.link_skus)."""

    sku: str
    units: int = 1
    aliases: tuple[str, ...] = ()

    def within(self, required: Mapping[str, int]) -> BarcodeHit:
        """The hit as the parcel's lines name the product: by an alias when a line carries that instead of the SKU."""
        if self.sku in required:
            return self
        alias = next((a for a in self.aliases if a in required), None)
        return BarcodeHit(alias, self.units) if alias is not None else self


@dataclass(frozen=True)
class Verdict:
    outcome: ScanOutcome
    code: str
    sku: str | None = None
    units: int = 0
    scanned: int = 0  # units of this SKU verified so far
    required: int = 0  # units of this SKU the order needs
    done: int = 0  # units verified in the whole parcel
    total: int = 0  # units the whole parcel needs


def required_units(order: Order) -> dict[str, int]:
    """Units of each SKU the parcel must hold: every line still to ship whose refund does not stop it."""
    required: dict[str, int] = {}
    for line in order.lines:
        if line.packable:
            required[line.sku] = required.get(line.sku, 0) + line.units
    return required


def boxed_but_not_wanted(order: Order, accepted: Iterable[tuple[str, int]]) -> str | None:
    """ "refund" when items put in the box (SKU, units) hold more of a SKU than the order, as it is now, still wants:
    a refund arrived meanwhile and that item must come out."""
    wanted = required_units(order)
    boxed: dict[str, int] = {}
    for sku, units in accepted:
        boxed[sku] = boxed.get(sku, 0) + units
    return "refund" if any(units > wanted.get(sku, 0) for sku, units in boxed.items()) else None


def judge(required: Mapping[str, int], scanned: Mapping[str, int], code: str, hit: BarcodeHit | None) -> Verdict:
    """Answers one product scan against the counts so far (which it does not change).

    Args:
        required: units of each SKU the parcel needs (`required_units`).
        scanned: units of each SKU verified so far.
        code: the scanned text, as recorded.
        hit: what the catalogue says the code is, or None when nobody knows it.

    Returns:
        The verdict; only an `item_ok` verdict counts its units in.
    """
    done, total = sum(scanned.values()), sum(required.values())
    if hit is None:
        return Verdict(ScanOutcome.UNKNOWN_CODE, code, done=done, total=total)
    need = required.get(hit.sku)
    if need is None:
        return Verdict(ScanOutcome.WRONG_ITEM, code, hit.sku, hit.units, done=done, total=total)
    have = scanned.get(hit.sku, 0)
    if have + hit.units > need:
        return Verdict(ScanOutcome.OVER_SCAN, code, hit.sku, hit.units, have, need, done, total)
    return Verdict(ScanOutcome.ITEM_OK, code, hit.sku, hit.units, have + hit.units, need, done + hit.units, total)


class Counts:
    """Progress read from `required` and `scanned` (units by SKU), for anything that counts a parcel's items."""

    __slots__ = ()
    required: Mapping[str, int]
    scanned: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.required.values())

    @property
    def done(self) -> int:
        return sum(self.scanned.values())

    @property
    def complete(self) -> bool:
        return all(self.scanned.get(s, 0) >= q for s, q in self.required.items())


class PackSession(Counts):
    """Counts the items of one order against what it needs.

    Args:
        order: the order being packed; lines with a refund requested are not expected in the parcel.
    """

    def __init__(self, order: Order) -> None:
        self.order = order
        self.required: dict[str, int] = required_units(order)
        self.scanned: dict[str, int] = dict.fromkeys(self.required, 0)
        self._history: list[tuple[str, int]] = []

    def apply(self, code: str, hit: BarcodeHit | None) -> Verdict:
        """Answers one product scan.

        Args:
            code: the scanned text, as recorded.
            hit: what the catalogue says the code is, or None when nobody knows it.

        Returns:
            The verdict; the counts change only for `item_ok`.
        """
        hit = hit.within(self.required) if hit is not None else None
        verdict = judge(self.required, self.scanned, code, hit)
        if verdict.outcome is ScanOutcome.ITEM_OK and hit is not None:
            self.scanned[hit.sku] = verdict.scanned
            self._history.append((hit.sku, hit.units))
        return verdict

    def undo(self) -> Verdict | None:
        """Takes back the last accepted scan; None when there is nothing to undo."""
        if not self._history:
            return None
        sku, units = self._history.pop()
        self.scanned[sku] -= units
        return Verdict(ScanOutcome.UNDONE, "", sku, units, self.scanned[sku], self.required[sku], self.done, self.total)

    def replay(self, accepted: list[tuple[str, int]]) -> None:
        """Restores the counts of scans recorded earlier (crash recovery)."""
        for sku, units in accepted:
            if sku in self.scanned:
                self.scanned[sku] += units
                self._history.append((sku, units))

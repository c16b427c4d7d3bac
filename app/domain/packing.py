"""The scan-to-verify state machine for one parcel (domain layer, in memory, no I/O).

A `PackSession` knows which SKUs and quantities an order needs and counts what was scanned. Each scan is answered
from memory; the service around it records the verdict and decides what happens next (print, ship).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import ScanOutcome
from app.domain.orders import Order


@dataclass(frozen=True)
class BarcodeHit:
    """What a scanned product barcode stands for: a SKU and how many units one scan counts (case packs > 1)."""

    sku: str
    units: int = 1


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


class PackSession:
    """Counts the items of one order against what it needs.

    Args:
        order: the order being packed; lines with a refund requested are not expected in the parcel.
    """

    def __init__(self, order: Order) -> None:
        self.order = order
        self.required: dict[str, int] = {}
        for line in order.lines:
            if line.packable:
                self.required[line.sku] = self.required.get(line.sku, 0) + line.qty
        self.scanned: dict[str, int] = dict.fromkeys(self.required, 0)
        self._history: list[tuple[str, int]] = []

    @property
    def total(self) -> int:
        return sum(self.required.values())

    @property
    def done(self) -> int:
        return sum(self.scanned.values())

    @property
    def complete(self) -> bool:
        return all(self.scanned[s] >= q for s, q in self.required.items())

    def apply(self, code: str, hit: BarcodeHit | None) -> Verdict:
        """Answers one product scan.

        Args:
            code: the scanned text, as recorded.
            hit: what the catalogue says the code is, or None when nobody knows it.

        Returns:
            The verdict; the counts change only for `item_ok`.
        """
        if hit is None:
            return Verdict(ScanOutcome.UNKNOWN_CODE, code, done=self.done, total=self.total)
        need = self.required.get(hit.sku)
        if need is None:
            return Verdict(ScanOutcome.WRONG_ITEM, code, hit.sku, hit.units, done=self.done, total=self.total)
        have = self.scanned[hit.sku]
        if have + hit.units > need:
            return Verdict(ScanOutcome.OVER_SCAN, code, hit.sku, hit.units, have, need, self.done, self.total)
        self.scanned[hit.sku] = have + hit.units
        self._history.append((hit.sku, hit.units))
        return Verdict(ScanOutcome.ITEM_OK, code, hit.sku, hit.units, have + hit.units, need, self.done, self.total)

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

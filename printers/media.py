"""Label stock and print resolution: millimetres to printer dots."""

from __future__ import annotations

import re
from dataclasses import dataclass

from printers.errors import PrinterError

# Thermal heads are specified in dots per millimetre; "203 dpi" heads are 8 dots/mm and "300 dpi" ones 12 dots/mm.
_DOTS_PER_MM = {203: 8.0, 300: 12.0}

STANDARD_SIZES = ((76, 130), (100, 150), (100, 180))


@dataclass(frozen=True)
class Media:
    """A label size at a resolution.

    Attributes:
        width_mm: label width across the head.
        height_mm: label length along the feed.
        dpi: printer resolution (203 or 300 for thermal label printers).
    """

    width_mm: float = 100
    height_mm: float = 150
    dpi: int = 203

    @property
    def dots_per_mm(self) -> float:
        return _DOTS_PER_MM.get(self.dpi, self.dpi / 25.4)

    def dots(self, mm: float) -> int:
        return round(mm * self.dots_per_mm)

    @property
    def width_dots(self) -> int:
        return self.dots(self.width_mm)

    @property
    def height_dots(self) -> int:
        return self.dots(self.height_mm)

    @property
    def size_text(self) -> str:
        return f"{self.width_mm:g}x{self.height_mm:g}"


class LabelSizeError(PrinterError, ValueError):
    """A label size that is not WIDTHxHEIGHT in millimetres, or not one a label printer takes (a ValueError too, as
    `parse_size` has always raised)."""


def parse_size(text: str) -> tuple[float, float]:
    """Parses "100x150" (millimetres) into (width, height).

    Raises:
        LabelSizeError: with a message that says what a size looks like.
    """
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[xX×*]\s*(\d+(?:\.\d+)?)\s*(?:mm)?\s*", text)
    if not m:
        raise LabelSizeError("printer.size_malformed", size=repr(text))
    w, h = float(m.group(1)), float(m.group(2))
    if not (20 <= w <= 120 and 20 <= h <= 300):
        raise LabelSizeError("printer.size_out_of_range", size=repr(text))
    return w, h

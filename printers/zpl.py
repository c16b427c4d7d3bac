"""ZPL II raster encoding (^GFA with Zebra's ASCII compression) for Zebra and ZPL-emulating printers.

The compression is the documented one for ASCII hex graphics: a run of one hex digit is written as a count letter
(G-Y = 1-19, g-z = 20-400 in steps of 20) before the digit, "," ends a row that is white from there on, "!" one that
is black from there on, and ":" repeats the previous row. Mostly-white labels shrink by an order of magnitude.
"""

from __future__ import annotations

from PIL import Image

from printers.media import Media
from printers.raster import padded_to_bytes

_HEX = "0123456789ABCDEF"
_INVERT = bytes(255 - b for b in range(256))


def _count(n: int) -> str:
    """Zebra repeat-count letters for n (1..): 'g'-'z' hold multiples of 20 up to 400, 'G'-'Y' 1..19."""
    out = []
    while n > 400:
        out.append("z")
        n -= 400
    if n >= 20:
        out.append(chr(ord("f") + n // 20))
        n %= 20
    if n:
        out.append(chr(ord("F") + n))
    return "".join(out)


def compress_row(hex_row: str) -> str:
    """Compresses one row of hex digits."""
    stripped = hex_row.rstrip("0")
    if not stripped:
        return ","
    tail = "," if len(stripped) < len(hex_row) else ""
    if not tail:
        black = hex_row.rstrip("F")
        if len(black) < len(hex_row) and len(hex_row) - len(black) > 2:
            stripped, tail = black, "!"
    out = []
    i = 0
    while i < len(stripped):
        j = i
        while j < len(stripped) and stripped[j] == stripped[i]:
            j += 1
        run = j - i
        out.append((_count(run) if run > 1 else "") + stripped[i])
        i = j
    return "".join(out) + tail


def graphic_field(image: Image.Image) -> tuple[int, int, str]:
    """(total bytes, bytes per row, compressed data) of a mode "1" image for ^GFA (ZPL: 1 = black)."""
    image = padded_to_bytes(image)
    width_bytes = image.width // 8
    raw = image.tobytes().translate(_INVERT)
    rows = []
    previous = None
    for top in range(0, len(raw), width_bytes):
        hex_row = raw[top : top + width_bytes].hex().upper()
        rows.append(":" if hex_row == previous else compress_row(hex_row))
        previous = hex_row
    return len(raw), width_bytes, "".join(rows)


def encode_label(image: Image.Image, media: Media, *, density: int | None = None, speed: int | None = None) -> bytes:
    """The complete ZPL job for one label.

    Args:
        image: mode "1" raster (0 = black) at the printer's resolution.
        media: label size (print width ^PW and label length ^LL in dots).
        density: darkness 0-30 (~SD), or None to keep the printer's setting.
        speed: print rate in inches per second (^PR), or None.
    """
    if image.mode != "1":
        raise ValueError("the label raster must be a mode '1' image")
    total, per_row, data = graphic_field(image)
    parts = []
    if density is not None:
        parts.append(f"~SD{max(0, min(30, density)):02d}")
    parts += ["^XA", f"^PW{image.width}", f"^LL{image.height}", "^LH0,0"]
    if speed is not None:
        parts.append(f"^PR{speed}")
    parts += [f"^FO0,0^GFA,{total},{total},{per_row},{data}^FS", "^PQ1", "^XZ"]
    return "\n".join(parts).encode("ascii")

"""TSPL/TSPL2 raster encoding: the language most 4-inch Chinese label printers speak natively.

One label is SIZE/GAP/DIRECTION/REFERENCE/[DENSITY]/[SPEED]/CLS/BITMAP/PRINT. TSPL's bitmap polarity is the inverse
of ESC/POS: a 0 bit burns a dot. Pillow's mode "1" packs 1 = white, which is exactly that, so rows go out as Pillow
packs them (whole bytes per row, the padding bits white).
"""

from __future__ import annotations

from PIL import Image

from printers.media import Media
from printers.raster import padded_to_bytes


def encode_label(
    image: Image.Image,
    media: Media,
    *,
    gap_mm: float = 3.0,
    density: int | None = None,
    speed: int | None = None,
) -> bytes:
    """The complete TSPL job for one label.

    Args:
        image: mode "1" raster (0 = black) at the printer's resolution.
        media: label size, for SIZE.
        gap_mm: the gap between labels; 0 for continuous stock.
        density: print darkness 0-15, or None to keep the printer's setting.
        speed: print speed in inches per second, or None to keep the printer's setting.
    """
    image = padded_to_bytes(image)
    width_bytes = image.width // 8
    head = [
        f"SIZE {media.width_mm:g} mm,{media.height_mm:g} mm",
        f"GAP {gap_mm:g} mm,0 mm",
        "DIRECTION 0,0",
        "REFERENCE 0,0",
    ]
    if density is not None:
        head.append(f"DENSITY {max(0, min(15, density))}")
    if speed is not None:
        head.append(f"SPEED {speed}")
    head += ["CLS", f"BITMAP 0,0,{width_bytes},{image.height},0,"]
    return ("\r\n".join(head)).encode("ascii") + image.tobytes() + b"\r\nPRINT 1,1\r\n"

"""Raster helpers shared by the printer languages."""

from __future__ import annotations

from PIL import Image


def padded_to_bytes(image: Image.Image) -> Image.Image:
    """The mode "1" image widened to a whole number of bytes with WHITE dots.

    Pillow pads each packed row with 0 bits, which are black in mode "1": sent as they are, a label whose width is
    not a multiple of 8 would print a black stripe down its right edge.
    """
    if image.mode != "1":
        raise ValueError("the label raster must be a mode '1' image")
    if image.width % 8 == 0:
        return image
    wide = Image.new("1", ((image.width + 7) // 8 * 8, image.height), 255)
    wide.paste(image, (0, 0))
    return wide

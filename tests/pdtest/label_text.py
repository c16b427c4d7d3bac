"""What a label says, read back from its layout: a surface that draws the raster and remembers every text with its
box (tests only). Used to find the words on a label (the 保价 mark, the reprint marker) and where they sit."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from printers.layouts import layout_for
from printers.media import Media
from printers.render import RasterSurface, font, layout_waybill
from printers.waybill import Waybill


@dataclass
class Reading:
    """A surface that draws (a raster) and remembers each text with its box."""

    image: Image.Image
    texts: list[tuple[str, tuple[int, int, int, int]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.raster = RasterSurface(self.image)
        self.width, self.height = self.image.size

    def fill(self, x0: int, y0: int, x1: int, y1: int, *, white: bool = False) -> None:
        self.raster.fill(x0, y0, x1, y1, white=white)

    def text(self, x: int, y: int, text: str, px: int, anchor: str, *, white: bool = False) -> None:
        left, top, right, bottom = font(px).getbbox(text, anchor=anchor)
        self.texts.append((text, (x + left, y + top, x + right, y + bottom)))
        self.raster.text(x, y, text, px, anchor, white=white)


def read(waybill: Waybill, media: Media) -> Reading:
    """`waybill` laid out on `media` as the renderer lays it out, with its texts."""
    surface = Reading(Image.new("1", (media.width_dots, media.height_dots), 1))
    layout_waybill(waybill, media, surface, layout_for(waybill.carrier_code, media))
    return surface

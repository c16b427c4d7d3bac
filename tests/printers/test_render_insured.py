"""The 保价 mark on the label: drawn in the header with its amount, beside a reprint marker without covering it, and
nothing else on the label moves. The label is read back from what the layout drew (every text call with its place)
and from the raster."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest
from pdtest.escpos_decode import code128_texts
from pdtest.samples import DPIS, SIZES, sample_waybill
from PIL import Image, ImageChops

from printers.layouts import layout_for
from printers.media import Media
from printers.render import RasterSurface, font, layout_waybill, render_waybill

MEDIA = [pytest.param(Media(w, h, dpi), id=f"{w}x{h}@{dpi}") for w, h in SIZES for dpi in DPIS]
HEADER_MM = 9.5


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


def read(waybill, media: Media) -> Reading:  # noqa: ANN001 - a Waybill
    surface = Reading(Image.new("1", (media.width_dots, media.height_dots), 1))
    layout_waybill(waybill, media, surface, layout_for(waybill.carrier_code, media))
    return surface


@pytest.mark.parametrize("media", MEDIA)
def test_the_insured_mark_says_its_amount_in_the_header(media: Media) -> None:
    plain, insured = sample_waybill(), sample_waybill(insured="1288.00")
    seen = read(insured, media)
    [(_, box)] = [(t, b) for t, b in seen.texts if t.startswith("保价")]
    assert [t for t, _ in seen.texts if t.startswith("保价")] == ["保价 ¥1288.00"]
    assert box[3] <= media.dots(HEADER_MM) and box[2] <= media.width_dots
    assert not any(t.startswith("保价") for t, _ in read(plain, media).texts)
    diff = ImageChops.difference(render_waybill(plain, media).convert("L"), render_waybill(insured, media).convert("L"))
    changed = diff.getbbox()
    assert changed is not None and changed[3] <= media.dots(HEADER_MM)  # only the header changed
    assert code128_texts(render_waybill(insured, media)) == [insured.tracking_no]


@pytest.mark.parametrize("media", MEDIA)
def test_the_insured_mark_sits_beside_the_reprint_marker(media: Media) -> None:
    seen = read(replace(sample_waybill(insured="99999.00"), copy_no=2), media)
    boxes = {t.split()[0]: b for t, b in seen.texts if t.startswith(("保价", "重打"))}
    assert set(boxes) == {"保价", "重打"}
    assert boxes["保价"][2] < boxes["重打"][0]  # left of it, not over it
    date_box = next(b for t, b in seen.texts if t[:2] == "20")  # the print date, top right
    carrier_box = seen.texts[0][1]
    assert boxes["保价"][0] > carrier_box[2]  # clear of the carrier name
    assert date_box[3] <= boxes["重打"][1] + media.dots(1.5)

"""The 保价 mark on the label: drawn in the header with its amount, beside a reprint marker without covering it, and
nothing else on the label moves. The label is read back from what the layout drew (every text call with its place)
and from the raster."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pdtest.escpos_decode import code128_texts
from pdtest.label_text import read
from pdtest.samples import DPIS, SIZES, sample_waybill
from PIL import ImageChops

from printers.media import Media
from printers.render import render_waybill

MEDIA = [pytest.param(Media(w, h, dpi), id=f"{w}x{h}@{dpi}") for w, h in SIZES for dpi in DPIS]
HEADER_MM = 9.5


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

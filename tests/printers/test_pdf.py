"""Acceptance (issue 3.2): a 1000-label PDF embeds its font and its pages, rasterized, read back the same barcodes."""

from __future__ import annotations

import re
from dataclasses import replace

import pypdfium2 as pdfium
from pdtest.escpos_decode import code128_texts, qr_texts
from pdtest.samples import sample_waybill
from PIL import Image

from printers.media import Media
from printers.pdf import render_pdf


def _raster(page: pdfium.PdfPage, media: Media) -> Image.Image:
    width_pt, _ = page.get_size()
    image = page.render(scale=media.width_dots / width_pt).to_pil().convert("L")
    return image.point(lambda v: 255 if v > 128 else 0).convert("1")


def test_thousand_label_pdf() -> None:
    media = Media(100, 150)
    base = sample_waybill()
    waybills = [replace(base, tracking_no=f"7360031624{i:04d}", order_no=f"51186090249910{i:05d}") for i in range(1000)]
    data = render_pdf(waybills, media)
    # the font is embedded as a TrueType subset, and no unembedded standard font sneaks in
    assert b"/FontFile2" in data
    assert not re.search(rb"/BaseFont\s*/(Helvetica|Times|Courier)", data)
    doc = pdfium.PdfDocument(data)
    try:
        assert len(doc) == 1000
        for i in (0, 1, 499, 998, 999):
            page = doc[i]
            width_pt, height_pt = page.get_size()
            assert abs(width_pt * 25.4 / 72 - 100) < 0.5 and abs(height_pt * 25.4 / 72 - 150) < 0.5
            image = _raster(page, media)
            assert code128_texts(image) == [waybills[i].tracking_no]
            assert qr_texts(image) == [waybills[i].qr_text]
            page.close()
    finally:
        doc.close()


def test_pdf_is_byte_stable() -> None:
    media = Media(76, 130)
    waybill = sample_waybill()
    assert render_pdf([waybill], media) == render_pdf([waybill], media)

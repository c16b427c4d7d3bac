"""Waybills as PDF (reportlab): the same layout as the printed raster, for preview, laser printers and archives.

The layout is computed with the same font metrics as the raster (printers.render) and drawn in points, every
coordinate on the printer's dot grid, so the PDF rasterized at the printer's resolution matches the label. The
vendored TrueType font is embedded as a subset, and it is the canvas's initial font, so no unembedded Helvetica
sneaks in. Output is byte-stable (reportlab's invariant mode).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from printers.media import Media
from printers.render import font, layout_waybill
from printers.waybill import Waybill
from resources import FONT_FILE, resource_path

FONT_NAME = "PackDeskCJK"


@lru_cache(maxsize=1)
def register_font() -> str:
    """Registers the vendored font with reportlab once per process (it costs ~0.2 s)."""
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(resource_path(*FONT_FILE)), subfontIndex=0))
    return FONT_NAME


class PdfSurface:
    """Draws in points on a reportlab canvas, taking coordinates in printer dots from the top-left."""

    def __init__(self, pdf: canvas.Canvas, media: Media) -> None:
        self.pdf = pdf
        self.width, self.height = media.width_dots, media.height_dots
        self.scale = 72.0 / 25.4 / media.dots_per_mm  # points per dot

    def fill(self, x0: int, y0: int, x1: int, y1: int, *, white: bool = False) -> None:
        s = self.scale
        self.pdf.setFillGray(1 if white else 0)
        self.pdf.rect(x0 * s, (self.height - y1 - 1) * s, (x1 - x0 + 1) * s, (y1 - y0 + 1) * s, stroke=0, fill=1)

    def text(self, x: int, y: int, text: str, px: int, anchor: str, *, white: bool = False) -> None:
        face = font(px)
        ascent = face.getmetrics()[0]
        width = face.getlength(text)
        left = {"l": x, "m": x - width / 2, "r": x - width}[anchor[0]]
        s = self.scale
        self.pdf.setFillGray(1 if white else 0)
        self.pdf.setFont(FONT_NAME, px * s)
        self.pdf.drawString(left * s, (self.height - y - ascent) * s, text)


def render_pdf(waybills: Iterable[Waybill], media: Media) -> bytes:
    """One page per waybill, the page the size of the label.

    Args:
        waybills: the labels, in order.
        media: label size and the printer resolution the layout is aligned to.

    Returns:
        The PDF file's bytes.
    """
    register_font()
    out = io.BytesIO()
    size = (media.width_mm * 72 / 25.4, media.height_mm * 72 / 25.4)
    pdf = canvas.Canvas(
        out, pagesize=size, invariant=1, initialFontName=FONT_NAME, initialFontSize=10, pageCompression=1
    )
    pdf.setTitle("PackDesk waybills")
    pdf.setCreator("PackDesk")
    for waybill in waybills:
        layout_waybill(waybill, media, PdfSurface(pdf, media))
        pdf.showPage()
    pdf.save()
    return out.getvalue()

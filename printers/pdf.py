"""Waybills as PDF (reportlab): the same layout as the printed raster, for preview, laser printers and archives.

The layout is computed with the same font metrics as the raster (printers.render) and drawn in points, every
coordinate on the printer's dot grid, so the PDF rasterized at the printer's resolution matches the label. The
vendored TrueType font is embedded as a subset, and it is the canvas's initial font, so no unembedded Helvetica
sneaks in. Output is byte-stable (reportlab's invariant mode).

A waybill with the provider's own label image gets a page holding that image as the label printer would print it
(printers.render.provider_label at the media's resolution), not a drawn layout.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from printers.media import Media
from printers.render import font, layout_waybill, provider_label
from printers.waybill import Waybill
from resources import FONT_FILE, resource_path

FONT_NAME = "PackDeskCJK"

# Compressed streams stay binary: reportlab's ASCII85 armour is pure Python and costs a third of a 1000-page batch.
rl_config.useA85 = 0


@lru_cache(maxsize=1)
def register_font() -> str:
    """Registers the vendored font with reportlab once per process (it costs ~0.2 s)."""
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(resource_path(*FONT_FILE)), subfontIndex=0))
    return FONT_NAME


class PdfSurface:
    """Draws on a reportlab canvas in printer dots: the page is scaled once, so every box is whole numbers.

    Boxes go out as literal `re f` operators (reportlab would format each float in Python), and the fill colour is
    set only when it changes: a label has hundreds of QR and barcode modules.
    """

    def __init__(self, pdf: canvas.Canvas, media: Media) -> None:
        self.pdf = pdf
        self.width, self.height = media.width_dots, media.height_dots
        scale = 72.0 / 25.4 / media.dots_per_mm  # points per dot
        pdf.scale(scale, scale)
        self._gray: int | None = None

    def _fill_gray(self, gray: int) -> None:
        if gray != self._gray:
            self.pdf.addLiteral(f"{gray} g")
            self._gray = gray

    def fill(self, x0: int, y0: int, x1: int, y1: int, *, white: bool = False) -> None:
        self._fill_gray(1 if white else 0)
        self.pdf.addLiteral(f"{x0} {self.height - y1 - 1} {x1 - x0 + 1} {y1 - y0 + 1} re f")

    def text(self, x: int, y: int, text: str, px: int, anchor: str, *, white: bool = False) -> None:
        face = font(px)
        ascent = face.getmetrics()[0]
        left = {"l": x, "m": x - face.getlength(text) / 2, "r": x - face.getlength(text)}[anchor[0]]
        self.pdf.setFillGray(1 if white else 0)  # reportlab's text objects set their own colour
        self._gray = 1 if white else 0
        self.pdf.setFont(FONT_NAME, px)
        self.pdf.drawString(left, self.height - y - ascent, text)


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
        label = provider_label(waybill.image, media) if waybill.image is not None else None
        if label is not None:
            # reportlab embeds grey ("L") as DeviceGray and would widen a mode "1" image to RGB
            pdf.drawImage(ImageReader(label.convert("L")), 0, 0, width=size[0], height=size[1])
        else:
            layout_waybill(waybill, media, PdfSurface(pdf, media))
        pdf.showPage()
    pdf.save()
    return out.getvalue()

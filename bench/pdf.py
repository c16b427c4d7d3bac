"""1000 waybills as one PDF, against a straightforward reportlab page that uses reportlab's own QR widget."""

from __future__ import annotations

import io
import time
from dataclasses import replace

from bench.common import Figure
from bench.labels import SAMPLE
from printers import escpos, tspl, zpl
from printers.media import Media
from printers.pdf import FONT_NAME, register_font, render_pdf
from printers.render import render_waybill

PAGES = 1000
BASELINE_PAGES = 50  # reportlab's QR widget costs ~0.1 s a page: measured on 50 pages, scaled to 1000


def _naive_pdf(count: int) -> bytes:
    """What one would write first: text, reportlab's Code128 and QrCodeWidget on each page."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode import code128
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    register_font()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(100 * mm, 150 * mm))
    for i in range(count):
        w = replace(SAMPLE, tracking_no=f"7360031624{i:04d}")
        pdf.setFont(FONT_NAME, 28)
        pdf.drawString(8 * mm, 130 * mm, w.routing.sort_headline)
        pdf.setFont(FONT_NAME, 12)
        pdf.drawString(8 * mm, 70 * mm, f"{w.receiver.name} {w.receiver.phone}")
        pdf.drawString(8 * mm, 64 * mm, w.receiver.address)
        pdf.drawString(8 * mm, 50 * mm, f"{w.sender.name} {w.sender.phone}")
        code128.Code128(w.tracking_no, barHeight=15 * mm, barWidth=0.375 * mm).drawOn(pdf, 10 * mm, 90 * mm)
        qr = QrCodeWidget(w.qr_text)
        drawing = Drawing(28 * mm, 28 * mm)
        drawing.add(qr)
        renderPDF.draw(drawing, pdf, 65 * mm, 10 * mm)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def run() -> list[Figure]:
    media = Media(100, 150)
    register_font()
    waybills = [replace(SAMPLE, tracking_no=f"7360031624{i:04d}") for i in range(PAGES)]
    start = time.perf_counter()
    ours = render_pdf(waybills, media)
    ours_s = time.perf_counter() - start
    start = time.perf_counter()
    _naive_pdf(BASELINE_PAGES)
    naive_s = (time.perf_counter() - start) * PAGES / BASELINE_PAGES
    image = render_waybill(SAMPLE, media)
    raw = len(image.tobytes())
    return [
        Figure(
            f"PDF of {PAGES} waybills 100x150",
            ours_s,
            "s",
            f"reportlab + QrCodeWidget ({BASELINE_PAGES} pp scaled)",
            naive_s,
            goal="<= 5 s",
        ),
        Figure(f"PDF of {PAGES} waybills, size", len(ours) / 1024, "KiB"),
        Figure("label 100x150 bytes, ESC/POS raster", len(escpos.encode_label(image)), "B", "raw 1-bit raster", raw),
        Figure("label 100x150 bytes, TSPL bitmap", len(tspl.encode_label(image, media)), "B", "raw 1-bit raster", raw),
        Figure(
            "label 100x150 bytes, ZPL ^GFA compressed",
            len(zpl.encode_label(image, media)),
            "B",
            "raw 1-bit raster",
            raw,
        ),
    ]

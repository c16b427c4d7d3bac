"""Waybill -> 1-bit raster at the printer's resolution (Pillow), in the Cainiao standard arrangement.

Everything is laid out in millimetres and converted to whole dots, so one layout serves 76x130, 100x150 and 100x180
stock at 203 or 300 dpi. Chinese text is drawn with the vendored font (never the printer's text mode), and barcodes
are drawn module by module on the dot grid: a Code128 module is a whole number of dots, so no bar is ever rounded.

The raster is a Pillow image in mode "1" where 0 is black (a burnt dot) and 255 is white.

A waybill that carries the provider's own label image (Kuaidi100 printType IMAGE) is not drawn: the image is fitted
to the same raster (`provider_label`), so every printer language and the PNG and PDF printers print it alike.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from printers.layouts import Layout, layout_for
from printers.media import Media
from printers.waybill import Party, Waybill
from resources import FONT_FILE, resource_path

log = logging.getLogger(__name__)
BLACK, WHITE = 0, 255
QUIET_MODULES = 10  # Code128 quiet zone, ISO/IEC 15417 minimum
# A grey at or above this is white: the middle, so an edge that covers half a dot after scaling burns it, and a bar
# keeps its width within one dot.
IMAGE_THRESHOLD = 128
MIN_MODULE_DOTS = 3  # below this a barcode module's width is worth keeping whole (a dot more or less is a third)
MIN_BARCODE_RUNS = 40  # bars and spaces in a row that make it a barcode's (Code 128 of 10 digits has over 60)
BARCODE_ROW_REPEAT = 3  # pixels further down where a barcode row repeats itself exactly


@lru_cache(maxsize=64)
def font(size_px: int) -> ImageFont.FreeTypeFont:
    """The vendored CJK font at `size_px` pixels (cached: loading a TrueType face costs milliseconds)."""
    # BASIC layout: CJK needs no shaping, and raqm costs several times more per call.
    return ImageFont.truetype(str(resource_path(*FONT_FILE)), size_px, index=0, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=65536)
def _advance(size_px: int, ch: str) -> float:
    return font(size_px).getlength(ch)


def text_width(text: str, size_px: int) -> float:
    """Width of `text` in pixels, summed from cached per-character advances (CJK has no kerning to lose)."""
    return sum(_advance(size_px, ch) for ch in text)


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    """The code points the vendored font has glyphs for (read once from its cmap)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(str(resource_path(*FONT_FILE)), subfontIndex=0).charToGlyph)


def printable(text: str) -> str:
    """`text` without the characters the label font cannot draw (emoji and the like): dropped, not printed as tofu.

    Line breaks and tabs become spaces; everything else the font lacks is left out.
    """
    glyphs = _glyphs()
    return "".join(ch for ch in text.replace("\n", " ").replace("\t", " ") if ord(ch) in glyphs)


@lru_cache(maxsize=256)
def code128_modules(data: str) -> bytes:
    """The Code128 module pattern of `data`, one byte per module, 0 = bar (zxing-cpp picks the shortest code set)."""
    barcode = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.Code128)
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    return memoryview(image).tobytes()[: image.shape[1]]


@lru_cache(maxsize=256)
def qr_modules(data: str) -> tuple[int, bytes]:
    """(side, modules) of a QR code for `data` at error correction level M, one byte per module, 0 = dark."""
    barcode = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    return image.shape[0], memoryview(image).tobytes()


class Surface(Protocol):
    """What a layout draws on, in whole printer dots from the top-left corner."""

    width: int
    height: int

    def fill(self, x0: int, y0: int, x1: int, y1: int, *, white: bool = False) -> None:
        """Fills the box from (x0, y0) to (x1, y1), both inclusive."""
        ...

    def text(self, x: int, y: int, text: str, px: int, anchor: str, *, white: bool = False) -> None:
        """Draws `text` at `px` pixels per em; anchor as Pillow's ("la", "ma", "ra": left/middle/right, top)."""
        ...


class RasterSurface:
    """A mode "1" Pillow image (0 = black): what printers get."""

    def __init__(self, image: Image.Image) -> None:
        self.image = image
        self.width, self.height = image.size
        self.draw = ImageDraw.Draw(image)

    def fill(self, x0: int, y0: int, x1: int, y1: int, *, white: bool = False) -> None:
        self.draw.rectangle((x0, y0, x1, y1), fill=WHITE if white else BLACK)

    def text(self, x: int, y: int, text: str, px: int, anchor: str, *, white: bool = False) -> None:
        self.draw.text((x, y), text, font=font(px), fill=WHITE if white else BLACK, anchor=anchor)


@dataclass
class _Pen:
    """Layout helpers in millimetres over one label surface."""

    media: Media
    surface: Surface

    def d(self, mm: float) -> int:
        return self.media.dots(mm)

    def hline(self, y_mm: float, x0_mm: float = 0, x1_mm: float | None = None, width: int = 2) -> None:
        x1 = self.surface.width - 1 if x1_mm is None else self.d(x1_mm)
        self.surface.fill(self.d(x0_mm), self.d(y_mm), x1, self.d(y_mm) + width - 1)

    def vline(self, x_mm: float, y0_mm: float, y1_mm: float, width: int = 2) -> None:
        self.surface.fill(self.d(x_mm), self.d(y0_mm), self.d(x_mm) + width - 1, self.d(y1_mm))

    def text(
        self, x_mm: float, y_mm: float, text: str, size_mm: float, *, anchor: str = "la", invert: bool = False
    ) -> None:
        px = max(8, self.d(size_mm))
        text = printable(text)
        x, y = self.d(x_mm), self.d(y_mm)
        if invert:
            left, top, right, bottom = font(px).getbbox(text, anchor=anchor)
            pad = self.d(0.6)
            self.surface.fill(x + left - pad, y + top - pad, x + right + pad, y + bottom + pad)
        self.surface.text(x, y, text, px, anchor, white=invert)

    def fit_size(self, text: str, size_mm: float, width_mm: float, min_mm: float) -> float:
        """The largest size <= size_mm (down to min_mm) at which `text` fits in width_mm."""
        size = size_mm
        while size > min_mm and text_width(text, max(8, self.d(size))) > self.d(width_mm):
            size -= 0.25
        return size

    def wrap(self, text: str, size_mm: float, width_mm: float, max_lines: int) -> list[str]:
        """Breaks `text` into at most `max_lines` lines of width_mm, ending with … when it had to cut."""
        px = max(8, self.d(size_mm))
        limit = self.d(width_mm)
        lines: list[str] = []
        current, used = "", 0.0
        for ch in printable(text.replace("\n", " ")):
            advance = _advance(px, ch)
            if used + advance <= limit:
                current += ch
                used += advance
                continue
            lines.append(current)
            current = ch.lstrip()
            used = _advance(px, current) if current else 0.0
            if len(lines) == max_lines:
                break
        else:
            if current:
                lines.append(current)
            return lines
        last = lines[-1]
        while last and text_width(last + "…", px) > limit:
            last = last[:-1]
        lines[-1] = last + "…"
        return lines

    def paragraph(self, x_mm: float, y_mm: float, text: str, size_mm: float, width_mm: float, max_lines: int) -> float:
        """Draws wrapped text; returns the y (mm) below it."""
        step = size_mm * 1.25
        lines = self.wrap(text, size_mm, width_mm, max_lines)
        for i, line in enumerate(lines):
            self.text(x_mm, y_mm + i * step, line, size_mm)
        return y_mm + step * max(1, len(lines))

    def code128(self, data: str, x_mm: float, y_mm: float, width_mm: float, height_mm: float) -> int:
        """Draws a Code128 centred in the box with whole-dot modules; returns the module width in dots."""
        modules = code128_modules(data)
        box = self.d(width_mm)
        module = max(1, min(4, box // (len(modules) + 2 * QUIET_MODULES)))
        left = self.d(x_mm) + (box - module * len(modules)) // 2
        top, bottom = self.d(y_mm), self.d(y_mm + height_mm) - 1
        self.surface.fill(
            left - QUIET_MODULES * module, top, left + (len(modules) + QUIET_MODULES) * module, bottom, white=True
        )
        run_start = None
        for i, value in enumerate(modules + b"\xff"):
            if value == 0 and run_start is None:
                run_start = i
            elif value != 0 and run_start is not None:
                self.surface.fill(left + run_start * module, top, left + i * module - 1, bottom)
                run_start = None
        return module

    def qr(self, data: str, x_mm: float, y_mm: float, side_mm: float) -> None:
        side, modules = qr_modules(data)
        module = max(2, self.d(side_mm) // (side + 2))  # keep a 1-module margin inside the box, 4 with the frame
        left = self.d(x_mm) + (self.d(side_mm) - module * side) // 2
        top = self.d(y_mm) + (self.d(side_mm) - module * side) // 2
        for row in range(side):
            base = row * side
            col = 0
            while col < side:
                if modules[base + col] == 0:
                    end = col
                    while end < side and modules[base + end] == 0:
                        end += 1
                    self.surface.fill(
                        left + col * module, top + row * module, left + end * module - 1, top + (row + 1) * module - 1
                    )
                    col = end
                else:
                    col += 1


def render_waybill(waybill: Waybill, media: Media) -> Image.Image:
    """Renders `waybill` on `media`.

    Args:
        waybill: what to print.
        media: label size and resolution; the image is exactly media.width_dots x media.height_dots.

    Returns:
        A mode "1" Pillow image (0 = black).
    """
    if waybill.image is not None:
        label = provider_label(waybill.image, media)
        if label is not None:
            return label
    image = Image.new("1", (media.width_dots, media.height_dots), WHITE)
    layout_waybill(waybill, media, RasterSurface(image))
    return image


def provider_label(data: bytes, media: Media) -> Image.Image | None:
    """A label image the provider rendered (PNG, JPEG...), fitted to `media` as a mode "1" raster.

    The image keeps its aspect and is scaled to fill as much of the label as it can, centred; one drawn across
    (landscape on portrait stock, or the reverse) is turned a quarter to the left first, so it prints larger.
    Greys are cut at one threshold instead of dithered: dithering would fray the barcode's bars, a cut leaves
    each edge where the image had it, within a dot. Transparency counts as white paper.

    Args:
        data: the image file's bytes, as the provider served it.
        media: label size and resolution; the raster is exactly media.width_dots x media.height_dots.

    Returns:
        The raster (0 = black), or None when `data` is not an image Pillow can read (the caller draws the label
        itself from the waybill's fields instead: the number and routing are there too).
    """
    try:
        with Image.open(io.BytesIO(data)) as source:
            source.load()
            gray = _on_white(source)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        log.warning("the provider's label image cannot be read (%s): drawing the label instead", exc)
        return None
    width, height = media.width_dots, media.height_dots
    module = barcode_module(gray)
    if (gray.width > gray.height) != (width > height) and gray.width != gray.height:
        gray = gray.transpose(Image.Transpose.ROTATE_90)
    scale = min(width / gray.width, height / gray.height)
    if module is not None and scale * module < MIN_MODULE_DOTS:
        # Narrow modules: a scale that makes a module a whole number of dots moves every bar edge by the same
        # fraction of a dot, so the threshold keeps every bar and space its width; worth up to a fifth of the size.
        snapped = math.floor(scale * module) / module
        if snapped >= 0.8 * scale and snapped != scale:
            gray = _padded(gray, module)
            scale = snapped
    size = (round(gray.width * scale), round(gray.height * scale))
    if size != gray.size:
        # BOX averages every source pixel a dot covers when shrinking; BILINEAR places edges between pixels when
        # growing. Either way the threshold then decides each dot once.
        gray = gray.resize(size, Image.Resampling.BOX if scale < 1 else Image.Resampling.BILINEAR)
    if gray.width > width or gray.height > height:  # only the white padding of a snapped scale can stick out
        gray = gray.crop((0, 0, min(width, gray.width), min(height, gray.height)))
    bits = gray.point([BLACK if v < IMAGE_THRESHOLD else WHITE for v in range(256)], mode="1")
    label = Image.new("1", (width, height), WHITE)
    label.paste(bits, ((width - bits.width) // 2, (height - bits.height) // 2))
    return label


def barcode_module(gray: Image.Image) -> int | None:
    """The module width in pixels of the main (tallest) horizontal barcode in `gray`, or None when it has none.

    A barcode row is a row of many bars that repeats a few pixels further down; each such row votes for its
    narrowest bar or space, and the most voted width wins (the tallest barcode has the most rows).
    """
    data = gray.point([BLACK if v < IMAGE_THRESHOLD else WHITE for v in range(256)]).tobytes()
    w, h = gray.size
    votes: Counter[int] = Counter()
    for y in range(0, h - BARCODE_ROW_REPEAT, 2):
        row = data[y * w : (y + 1) * w]
        if (
            row.count(BLACK) < MIN_BARCODE_RUNS
            or row != data[(y + BARCODE_ROW_REPEAT) * w : (y + 1 + BARCODE_ROW_REPEAT) * w]
        ):
            continue
        runs = [sum(1 for _ in group) for _, group in itertools.groupby(row)]
        if len(runs) >= MIN_BARCODE_RUNS:
            votes[min(runs[1:-1])] += 1
    return votes.most_common(1)[0][0] if votes else None


def _padded(gray: Image.Image, module: int) -> Image.Image:
    """`gray` with white added right and below up to whole modules, so a scale of k/module lands on whole dots."""
    size = (-(-gray.width // module) * module, -(-gray.height // module) * module)
    if size == gray.size:
        return gray
    padded = Image.new("L", size, WHITE)
    padded.paste(gray, (0, 0))
    return padded


def _on_white(image: Image.Image) -> Image.Image:
    """`image` as 8-bit grey, transparent parts laid on white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        paper = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, image.convert("RGBA")).convert("L")
    return image.convert("L")


def layout_waybill(waybill: Waybill, media: Media, surface: Surface, layout: Layout | None = None) -> None:
    """Lays `waybill` out on `surface`: the one layout behind both the raster and the PDF.

    Args:
        waybill: what to print.
        media: label size and resolution.
        surface: where to draw (raster or PDF).
        layout: the arrangement; by default the carrier's layout for `media` from resources/labels.
    """
    lay = layout or layout_for(waybill.carrier_code, media)
    pen = _Pen(media, surface)
    y = 0.0
    for block in lay.blocks:
        y = _BLOCKS[block](pen, lay, waybill, y)
        if block != lay.blocks[-1]:
            pen.hline(y)
    right, bottom = surface.width - 1, surface.height - 1
    for box in ((0, 0, right, 1), (0, bottom - 1, right, bottom), (0, 0, 1, bottom), (right - 1, 0, right, bottom)):
        surface.fill(*box)


# Each block draws from y (mm) down and returns the y of its bottom edge.


def _header(pen: _Pen, lay: Layout, waybill: Waybill, y: float) -> float:
    w, m, s = pen.media.width_mm, lay.margin, lay.scale
    pen.text(m, y + 2.0, lay.header_text or waybill.carrier_name, lay.carrier_size * s)
    pen.text(w - m, y + 1.6, waybill.printed_at.strftime("%Y-%m-%d %H:%M"), lay.date_size * s, anchor="ra")
    right = w - m - 0.6
    if waybill.copy_no > 1:
        mark = f"重打 {waybill.copy_no - 1}"
        pen.text(right, y + 5.2, mark, lay.reprint_size * s, anchor="ra", invert=True)
        right -= text_width(mark, max(8, pen.d(lay.reprint_size * s))) / pen.d(1) + 2.0
    if waybill.insured:  # 保价: the carrier's staff must see that this parcel is insured, and for how much
        pen.text(right, y + 5.2, f"保价 ¥{waybill.insured}", lay.reprint_size * s, anchor="ra", invert=True)
    return y + lay.header_band


# What a label says where the number's provider gave no routing (a number roll, a provider that answered none): the
# sorting centre sees that it is missing instead of a made-up code. Labels are read by Chinese carriers: Chinese.
NO_HEADLINE = "无大头笔"
NO_ROUTE_CODE = "无三段码"
NO_CONSOLIDATION = "无集包地"


def _sorting(pen: _Pen, lay: Layout, waybill: Waybill, y: float) -> float:
    w, m, s = pen.media.width_mm, lay.margin, lay.scale
    headline = waybill.routing.sort_headline or NO_HEADLINE  # said plainly, never made up
    wanted = lay.headline_size if waybill.routing.sort_headline else lay.headline_size / 2  # not to be read as a code
    size = pen.fit_size(headline, wanted * s, w - 2 * m, lay.headline_min)
    pen.text(w / 2, y + 1.0, headline, size, anchor="ma")
    return y + lay.sorting_band * s


def _route(pen: _Pen, lay: Layout, waybill: Waybill, y: float) -> float:
    w, m, s = pen.media.width_mm, lay.margin, lay.scale
    pen.text(m, y + 1.2, waybill.routing.route_code or NO_ROUTE_CODE, lay.route_size * s)
    pen.text(w - m, y + 1.6, waybill.routing.consolidation or NO_CONSOLIDATION, lay.consolidation_size * s, anchor="ra")
    return y + lay.route_band * s


def _barcode(pen: _Pen, lay: Layout, waybill: Waybill, y: float) -> float:
    w = pen.media.width_mm
    pen.code128(waybill.tracking_no, 0, y + 2.0, w, lay.barcode_height)
    y += 2.0 + lay.barcode_height + 0.8
    pen.text(w / 2, y, " ".join(_groups(waybill.tracking_no)), lay.number_size * lay.scale, anchor="ma")
    return y + lay.number_size * lay.scale + 1.6


def _receiver(pen: _Pen, lay: Layout, waybill: Waybill, y: float) -> float:
    return _party(pen, "收", waybill.receiver, y, lay.receiver_size * lay.scale, lay.receiver_lines)


def _sender(pen: _Pen, lay: Layout, waybill: Waybill, y: float) -> float:
    return _party(pen, "寄", waybill.sender, y, lay.sender_size * lay.scale, lay.sender_lines)


def _details(pen: _Pen, lay: Layout, waybill: Waybill, y: float) -> float:
    """Order number, items, buyer message and seller memo on the left; the QR code on the right. Fills the rest."""
    w, h, m = pen.media.width_mm, pen.media.height_mm, lay.margin
    qr_side = min(lay.qr_side * lay.scale, h - y - 4.0)
    text_w = w - 2 * m - qr_side - 2.0
    pen.vline(w - qr_side - 2.0 - m / 2, y, h - 0.5)
    pen.qr(waybill.qr_text, w - m - qr_side, y + 1.5, qr_side)
    ty = y + 1.5
    small = lay.detail_size * lay.scale
    pen.text(m, ty, f"订单 {waybill.order_no}", small)
    ty += small * 1.35
    notes = small * 2.7 if waybill.buyer_message or waybill.seller_memo else 0
    lines_left = max(1, int((h - ty - 2.0 - notes) // (small * 1.25)))
    for line in _item_lines(waybill, lines_left):
        pen.text(m, ty, pen.wrap(line, small, text_w, 1)[0], small)
        ty += small * 1.25
    if waybill.buyer_message:
        pen.text(m, ty, pen.wrap(f"留言: {waybill.buyer_message}", small, text_w, 1)[0], small)
        ty += small * 1.25
    if waybill.seller_memo:
        pen.text(m, ty, pen.wrap(f"备注: {waybill.seller_memo}", small, text_w, 1)[0], small)
    return h


_BLOCKS = {
    "header": _header,
    "sorting": _sorting,
    "route": _route,
    "barcode": _barcode,
    "receiver": _receiver,
    "sender": _sender,
    "details": _details,
}


def _party(pen: _Pen, mark: str, party: Party, y: float, size: float, lines: int) -> float:
    """Draws a 收/寄 block; returns the y (mm) of its bottom edge."""
    w = pen.media.width_mm
    mark_size = size * 1.3
    pen.text(2.0, y + 1.6, mark, mark_size, invert=True)
    x = 2.0 + mark_size + 2.2
    pen.text(x, y + 1.4, f"{party.name}  {party.phone}", size)
    bottom = pen.paragraph(x, y + 1.6 + size * 1.35, party.address, size * 0.9, w - x - 2.0, lines)
    return bottom + 1.0


def _item_lines(waybill: Waybill, max_lines: int) -> list[str]:
    items = [f"{it.sku} x{it.qty} {it.title}" for it in waybill.items]
    total = sum(it.qty for it in waybill.items)
    if len(items) > max_lines:
        shown = items[: max_lines - 1]
        shown.append(f"…另 {len(items) - len(shown)} 种商品, 共 {total} 件")
        return shown
    return items


def _groups(number: str) -> list[str]:
    """Splits a tracking number for the human-readable line: S10 as EA 123 456 785 CN, others in fours."""
    if len(number) == 13 and number[:2].isalpha() and number[-2:].isalpha() and number[2:11].isdigit():
        return [number[:2], number[2:5], number[5:8], number[8:11], number[11:]]
    return [number[i : i + 4] for i in range(0, len(number), 4)]

"""The waybill raster: size per media, barcodes that scan, bars on the dot grid, reprint marker, long content."""

from __future__ import annotations

from dataclasses import replace

import pytest
import zxingcpp
from pdtest.escpos_decode import code128_texts, qr_texts
from pdtest.samples import DPIS, EXPECTED_DOTS, SIZES, TRACKING_NUMBERS, many_items, sample_waybill
from PIL import Image, ImageChops
from reportlab.pdfbase.ttfonts import TTFontFile

from printers.media import Media
from printers.render import printable, render_waybill
from printers.waybill import Routing
from resources import FONT_FILE, resource_path

MEDIA = [pytest.param(Media(w, h, dpi), id=f"{w}x{h}@{dpi}") for w, h in SIZES for dpi in DPIS]
HEADER_MM = 9.5  # the carrier / date / reprint band above the first rule


def _code128_box(image: Image.Image) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the Code128 as zxing-cpp locates it."""
    hits = [r for r in zxingcpp.read_barcodes(image.convert("L")) if r.format.name == "Code128"]
    assert len(hits) == 1, f"expected one Code128, found {[r.text for r in hits]}"
    p = hits[0].position
    xs = [q.x for q in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)]
    ys = [q.y for q in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)]
    return min(xs), min(ys), max(xs), max(ys)


def _runs(row: list[int]) -> list[tuple[int, int]]:
    """(value, length) runs of a row of pixels."""
    runs: list[tuple[int, int]] = []
    for value in row:
        if runs and runs[-1][0] == value:
            runs[-1] = (value, runs[-1][1] + 1)
        else:
            runs.append((value, 1))
    return runs


def _row(image: Image.Image, y: int, x0: int, x1: int) -> list[int]:
    return [image.getpixel((x, y)) for x in range(x0, x1)]


@pytest.mark.parametrize("media", MEDIA)
@pytest.mark.parametrize("tracking_no", ["78123456789012", "EA123456785CN"])
def test_image_matches_media_and_both_barcodes_decode(media: Media, tracking_no: str) -> None:
    image = render_waybill(sample_waybill(tracking_no=tracking_no), media)

    assert image.mode == "1"
    assert image.size == EXPECTED_DOTS[(int(media.width_mm), int(media.height_mm), media.dpi)]
    assert code128_texts(image) == [tracking_no]
    assert qr_texts(image) == [tracking_no]


def test_qr_carries_a_custom_utf8_payload() -> None:
    payload = "https://example.com/t?no=78123456789012&收件人=张*"
    image = render_waybill(sample_waybill(qr_payload=payload), Media(100, 150, 203))
    assert qr_texts(image) == [payload]
    assert code128_texts(image) == ["78123456789012"]


@pytest.mark.parametrize("media", MEDIA)
@pytest.mark.parametrize("tracking_no", TRACKING_NUMBERS)
def test_code128_bars_sit_on_whole_dot_modules(media: Media, tracking_no: str) -> None:
    image = render_waybill(sample_waybill(tracking_no=tracking_no), media)
    left, top, right, bottom = _code128_box(image)
    y = (top + bottom) // 2
    row = _row(image, y, 0, image.width)
    # Trim to the symbol: from the first to the last black dot around zxing's box.
    first = next(x for x in range(max(0, left - 4), image.width) if row[x] == 0)
    last = max(x for x in range(0, min(image.width, right + 5)) if row[x] == 0)
    runs = _runs(row[first : last + 1])
    module = min(length for _, length in runs)

    assert module >= 2, f"{module}-dot modules are too thin for a thermal head"
    assert all(length % module == 0 for _, length in runs), f"bar widths off the {module}-dot grid: {runs}"
    widths = [length // module for _, length in runs]
    assert all(1 <= w <= 4 for w in widths), widths  # Code128 elements are 1 to 4 modules wide
    assert sum(widths) % 11 == 2  # 11 modules per symbol character, 13 for the stop
    # Quiet zones of 10 modules are white, and the whole symbol is on the label.
    assert first - 10 * module >= 0 and last + 10 * module < image.width
    assert set(row[first - 10 * module : first]) == {255}
    assert set(row[last + 1 : last + 1 + 10 * module]) == {255}
    # Bars are straight: every row through the bar area is the same as the middle one.
    for yy in range(top, bottom + 1, 7):
        assert _row(image, yy, first, last + 1) == row[first : last + 1], f"row {yy} differs from row {y}"


@pytest.mark.parametrize("media", MEDIA)
def test_reprint_marker_changes_only_the_header(media: Media) -> None:
    first = render_waybill(sample_waybill(copy_no=1), media)
    second = render_waybill(sample_waybill(copy_no=2), media)
    third = render_waybill(sample_waybill(copy_no=3), media)

    box = ImageChops.difference(first.convert("L"), second.convert("L")).getbbox()
    assert box is not None, "a reprint looks exactly like the first print"
    assert box[3] <= media.dots(HEADER_MM), f"the reprint changed pixels below the header: {box}"
    assert box[0] >= media.width_dots // 2, "the reprint marker is expected at the top right"
    # 重打 1 and 重打 2 are different marks.
    assert ImageChops.difference(second.convert("L"), third.convert("L")).getbbox() is not None
    assert code128_texts(second) == ["78123456789012"]


def test_rendering_is_deterministic() -> None:
    media = Media(100, 150, 203)
    assert render_waybill(sample_waybill(), media).tobytes() == render_waybill(sample_waybill(), media).tobytes()


@pytest.mark.parametrize("media", MEDIA)
def test_long_buyer_message_with_emoji_renders(media: Media) -> None:
    message = ("亲，请尽快发货😀👍🏻❤️‍🔥 包装好一点哦~ 🎁✨☺ 谢谢！" * 40) + "\n第二行\t制表"
    waybill = sample_waybill(
        buyer_message=message,
        seller_memo="🚚 加急 " * 50,
        receiver=replace(sample_waybill().receiver, name="🌸小*", address="北京市朝阳区" + "望京SOHO塔3 A座 🏢 " * 20),
    )
    image = render_waybill(waybill, media)
    assert image.size == (media.width_dots, media.height_dots)
    assert code128_texts(image) == ["78123456789012"]
    assert qr_texts(image) == ["78123456789012"]


def test_printable_leaves_only_characters_the_label_font_can_draw() -> None:
    # Buyers type these all the time; a character missing from the font prints as an empty box (tofu).
    message = "好评⭐⭐⭐ 到了吗⏰⌚ 加急⬆ 谢谢☺✅❤️ 😀👍🏻 〰"
    cmap = TTFontFile(str(resource_path(*FONT_FILE)), subfontIndex=0).charToGlyph
    missing = sorted({f"{ch} U+{ord(ch):04X}" for ch in printable(message) if ord(ch) not in cmap})
    assert not missing, f"printable() keeps characters the font has no glyph for: {missing}"
    assert printable("请尽快发货，谢谢！") == "请尽快发货，谢谢！"


@pytest.mark.parametrize("media", MEDIA)
def test_more_items_than_fit_are_truncated_with_a_count_line(media: Media) -> None:
    thirty = many_items(30)
    image = render_waybill(sample_waybill(items=thirty), media)
    assert image.size == (media.width_dots, media.height_dots)
    assert code128_texts(image) == ["78123456789012"]
    assert qr_texts(image) == ["78123456789012"]

    # Black-box proof of truncation: changing the last item (not shown) leaves the label unchanged ...
    changed_tail = thirty[:-1] + (replace(thirty[-1], title="完全不同的商品名称", sku="ZZ-99"),)
    assert render_waybill(sample_waybill(items=changed_tail), media).tobytes() == image.tobytes()
    # ... while one more item or one more unit changes the count line.
    assert render_waybill(sample_waybill(items=many_items(31)), media).tobytes() != image.tobytes()
    more_units = thirty[:-1] + (replace(thirty[-1], qty=thirty[-1].qty + 1),)
    assert render_waybill(sample_waybill(items=more_units), media).tobytes() != image.tobytes()
    # Nothing runs into the bottom rule: the last 1 mm above the frame is empty left of the QR column.
    strip = image.crop((4, image.height - media.dots(1.0) - 2, media.width_dots // 2, image.height - 2))
    assert strip.getextrema() == (255, 255)


def test_missing_routing_is_said_plainly_not_left_blank_or_made_up() -> None:
    """A number with no routing (a roll's, a provider that answered none) prints 无大头笔 / 无三段码 / 无集包地 where
    the sorting centre looks, so nobody takes a blank or a dash for a code."""
    media = Media(76, 130, 203)
    bare = render_waybill(sample_waybill(routing=Routing()), media)
    said = render_waybill(sample_waybill(routing=Routing("", "无三段码", "无集包地")), media)
    dash = render_waybill(sample_waybill(routing=Routing("—")), media)
    assert bare.tobytes() == said.tobytes()
    assert bare.tobytes() != dash.tobytes()

"""The provider's own label image (Kuaidi100 printType IMAGE) printed through our raster path (issue 12).

The image is one the Kuaidi100 test server renders on its own (tests/pdtest/kuaidi100_server.render_label), at the
provider's resolution and stock, printed on a printer of another resolution or stock through the TCP printer
simulator in ESC/POS, TSPL and ZPL, decoded back from the bytes the printer received, and its barcode read.
"""

from __future__ import annotations

import io
import itertools

import pypdfium2 as pdfium
import pytest
from pdtest.escpos_decode import code128_texts, decode_image
from pdtest.kuaidi100_server import render_label
from pdtest.label_decode import decode_tspl, decode_zpl
from pdtest.samples import sample_waybill
from pdtest.simulator import PrinterSimulator
from PIL import Image, ImageChops

from printers.media import Media
from printers.pdf import render_pdf
from printers.registry import RawPrinter, open_printer
from printers.render import barcode_module, provider_label, render_waybill

NUMBER = "73000000010001"
RECEIVER = ("张*", "138****5678", "四川省成都市都江堰市幸福街道灌口镇建设路88号阳光小区3栋2单元1203室")
SENDER = ("小鹿家居", "0571-88881234", "浙江省杭州市余杭区仓前街道文一西路1500号")


def server_label(size_mm: tuple[int, int] = (100, 150), dpi: int = 203, number: str = NUMBER) -> bytes:
    return render_label(
        kuaidinum=number,
        company="中通快递",
        bulkpen="830 四川",
        sorting_code="830-120-00 012",
        pkg_name="四川中转包",
        receiver=RECEIVER,
        sender=SENDER,
        cargo="纯棉毛巾 x2",
        size_mm=size_mm,
        dpi=dpi,
    )


def _decode(lang: str, data: bytes) -> Image.Image:
    if lang == "escpos":
        return decode_image(data)
    image = decode_tspl(data).image if lang == "tspl" else decode_zpl(data).image
    assert image is not None
    return image


def _ink_box(image: Image.Image) -> tuple[int, int, int, int]:
    box = ImageChops.invert(image.convert("L")).getbbox()
    assert box is not None, "nothing was printed"
    return box


# (provider's stock, provider's dpi) -> (printer's stock, printer's dpi): the same, a finer head, a coarser head, a
# narrower stock (the image shrinks to half: modules of about two dots), a longer stock.
CASES = [
    ((100, 150), 203, (100, 150), 203),
    ((100, 150), 203, (100, 150), 300),
    ((100, 150), 300, (100, 150), 203),
    ((100, 150), 300, (76, 130), 203),
    ((76, 130), 203, (100, 180), 300),
]


@pytest.mark.parametrize("lang", ["escpos", "tspl", "zpl"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0][0]}x{c[0][1]}@{c[1]}-on-{c[2][0]}x{c[2][1]}@{c[3]}")
def test_the_server_label_prints_over_tcp_and_its_barcode_reads_back(
    lang: str, case: tuple[tuple[int, int], int, tuple[int, int], int]
) -> None:
    label_mm, label_dpi, stock, dpi = case
    png = server_label(label_mm, label_dpi)
    waybill = sample_waybill(tracking_no=NUMBER, image=png)
    media = Media(*stock, dpi=dpi)
    with PrinterSimulator(lang) as sim:
        printer = open_printer(f"{sim.uri}&size={stock[0]}x{stock[1]}&dpi={dpi}")
        assert isinstance(printer, RawPrinter)
        printer.print_waybill(waybill, "job")
        (job,) = sim.wait_jobs(1)
    printed = _decode(lang, job).crop((0, 0, media.width_dots, media.height_dots))
    # the printer got the provider's image, not our drawn layout, at its own dots
    assert ImageChops.logical_xor(printed, provider_label(png, media)).getbbox() is None
    assert ImageChops.logical_xor(printed, render_waybill(sample_waybill(tracking_no=NUMBER), media)).getbbox()
    texts = code128_texts(printed)
    assert NUMBER in texts and set(texts) == {NUMBER}
    # the image kept its aspect and fills the label one way (all but a few percent where narrow modules were kept
    # whole, see below)
    left, top, right, bottom = _ink_box(printed)
    width, height = right - left, bottom - top
    assert max(width / media.width_dots, height / media.height_dots) > 0.95
    assert abs(width / height - label_mm[0] / label_mm[1]) < 0.02


def test_narrow_modules_land_on_whole_dots_so_no_bar_changes_width() -> None:
    """A 300 dpi 100x150 image on 76x130 stock at 203 dpi: a 4-pixel module becomes two dots exactly, so every bar and
    space of the printed barcode is a whole number of modules (a plain fit would make some 2 and some 3 dots)."""
    png = server_label((100, 150), 300)
    source = Image.open(io.BytesIO(png)).convert("L")
    assert barcode_module(source) == 4
    printed = provider_label(png, Media(76, 130, dpi=203))
    assert printed is not None
    rows = _barcode_rows(printed)
    assert len(rows) > 60  # the main barcode, 15 mm of it at least half
    for row in rows[2:-2]:
        runs = [sum(1 for _ in g) for _, g in itertools.groupby(row)]
        quiet = sorted(sorted(range(len(runs)), key=lambda i: runs[i])[-2:])  # the quiet zones either side
        bars = runs[quiet[0] + 1 : quiet[1]]
        assert len(bars) > 60 and all(run % 2 == 0 for run in bars), bars
    assert NUMBER in code128_texts(printed)


def test_the_barcode_is_cut_at_a_threshold_never_dithered() -> None:
    """Grey edges from scaling become whole dots: every row through the barcode is the same row (dithering would
    scatter dots along the bars' edges, differently on each row)."""
    printed = provider_label(server_label((100, 150), 203), Media(100, 150, dpi=300))
    assert printed is not None
    rows = _barcode_rows(printed)
    assert len(rows) > 100
    assert len(set(rows[2:-2])) == 1  # the same row all the way down (the top and bottom edges aside)


def _barcode_rows(image: Image.Image) -> list[bytes]:
    """The rows that cross the main (tallest) barcode, as bytes 0/255: the longest run of rows with over 50 bars
    and spaces each."""
    data = image.convert("L").tobytes()
    w = image.width
    rows = [data[y * w : (y + 1) * w] for y in range(image.height)]
    best: list[bytes] = []
    current: list[bytes] = []
    for row in rows:
        if sum(1 for _ in itertools.groupby(row)) > 50:
            current.append(row)
            best = max(best, current, key=len)
        else:
            current = []
    return best


def test_png_and_pdf_printers_print_the_image(tmp_path) -> None:  # noqa: ANN001 - pytest's path
    png = server_label((100, 150), 203)
    waybill = sample_waybill(tracking_no=NUMBER, image=png)
    open_printer(f"png://{tmp_path / 'png'}?size=100x150&dpi=300").print_waybill(waybill, "a")
    with Image.open(tmp_path / "png" / "a.png") as written:
        assert written.size == (1200, 1800)
        assert set(code128_texts(written.convert("1"))) == {NUMBER}
    open_printer(f"pdf://{tmp_path / 'pdf'}?size=100x150").print_waybill(waybill, "b")
    doc = pdfium.PdfDocument((tmp_path / "pdf" / "b.pdf").read_bytes())
    try:
        page = doc[0]
        width_pt, height_pt = page.get_size()
        assert abs(width_pt * 25.4 / 72 - 100) < 0.5 and abs(height_pt * 25.4 / 72 - 150) < 0.5
        raster = page.render(scale=800 / width_pt).to_pil().convert("L")
        page.close()
    finally:
        doc.close()
    assert set(code128_texts(raster.point(lambda v: 255 if v > 128 else 0).convert("1"))) == {NUMBER}
    # the page is the image, not our layout: no embedded font was needed to draw it
    assert b"/FontFile2" not in (tmp_path / "pdf" / "b.pdf").read_bytes()
    # beside drawn labels in one document, byte-stable as every PDF we write
    mixed = render_pdf([waybill, sample_waybill()], Media(100, 150))
    assert mixed == render_pdf([waybill, sample_waybill()], Media(100, 150)) and b"/FontFile2" in mixed
    both = pdfium.PdfDocument(mixed)
    try:
        assert len(both) == 2
    finally:
        both.close()


def test_a_landscape_image_is_turned_to_fill_portrait_stock() -> None:
    png = server_label((100, 150), 203)
    turned = Image.open(io.BytesIO(png)).transpose(Image.Transpose.ROTATE_270)
    out = io.BytesIO()
    turned.save(out, format="PNG")
    printed = provider_label(out.getvalue(), Media(100, 150))
    assert printed is not None
    left, top, right, bottom = _ink_box(printed)
    assert bottom - top >= 1190 and right - left >= 790  # full size again, not shrunk to two thirds
    assert NUMBER in code128_texts(printed)


def test_transparency_prints_as_paper_and_colour_as_grey() -> None:
    base = Image.open(io.BytesIO(server_label((100, 150), 203))).convert("L")
    rgba = Image.new("RGBA", base.size, (0, 0, 0, 0))  # a transparent black background
    rgba.putalpha(ImageChops.invert(base))  # ink where the label is black
    out = io.BytesIO()
    rgba.save(out, format="PNG")
    printed = provider_label(out.getvalue(), Media(100, 150))
    assert printed is not None
    white = printed.convert("L").histogram()[255] / (printed.width * printed.height)
    assert white > 0.7  # paper stays white
    assert NUMBER in code128_texts(printed)


def test_bytes_that_are_not_an_image_print_our_own_label_of_the_number() -> None:
    waybill = sample_waybill(tracking_no=NUMBER, image=b"<html>502 Bad Gateway</html>")
    media = Media(100, 150)
    printed = render_waybill(waybill, media)
    assert ImageChops.logical_xor(printed, render_waybill(sample_waybill(tracking_no=NUMBER), media)).getbbox() is None
    assert code128_texts(printed) == [NUMBER]

"""Label layouts as data: bundled files resolve for every size, carriers override, malformed files are refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pdtest.escpos_decode import code128_texts, qr_texts
from pdtest.samples import DPIS, SIZES, sample_waybill
from PIL import Image

from printers.layouts import BLOCKS, LayoutError, LayoutFile, layout_for, resolve
from printers.media import Media
from printers.render import RasterSurface, layout_waybill, render_waybill
from resources import resource_path

CARRIER_FILES = sorted(p.stem for p in resource_path("labels", "carriers").glob("*.toml"))


def _bar_height_dots(image: Image.Image) -> int:
    """The height of the tallest black vertical run in the middle column band: the Code128's bars."""
    best = 0
    for x in range(image.width // 2 - 40, image.width // 2 + 40):
        run = 0
        for y in range(image.height):
            if image.getpixel((x, y)) == 0:
                run += 1
                best = max(best, run)
            else:
                run = 0
    return best


@pytest.mark.parametrize("carrier", ["", "ZTO", *CARRIER_FILES])
@pytest.mark.parametrize(("w", "h"), SIZES)
@pytest.mark.parametrize("dpi", DPIS)
def test_every_bundled_layout_renders_a_label_that_scans(carrier: str, w: int, h: int, dpi: int) -> None:
    media = Media(w, h, dpi)
    layout = layout_for(carrier, media)
    assert set(layout.blocks) <= set(BLOCKS)
    image = render_waybill(replace(sample_waybill(), carrier_code=carrier), media)
    assert code128_texts(image) == [sample_waybill().tracking_no]
    assert qr_texts(image) == [sample_waybill().tracking_no]


def test_sizes_take_their_own_table_and_unknown_sizes_the_nearest() -> None:
    assert layout_for("", Media(100, 150)).barcode_height == 15.0
    assert layout_for("", Media(100, 180)).barcode_height == 18.0
    assert layout_for("", Media(76, 130)).scale == 0.85
    assert layout_for("", Media(80, 120)).scale == 0.85  # nearest is 76x130
    assert layout_for("", Media(100, 170)).barcode_height == 18.0  # nearest is 100x180
    assert layout_for("", Media(100, 155)).barcode_height == 15.0  # nearest is the default, 100x150
    assert layout_for("SF", Media(100, 155)).barcode_height == 17.0


def test_a_carrier_file_changes_only_what_it_names() -> None:
    standard, sf = layout_for("ZTO", Media(100, 150)), layout_for("SF", Media(100, 150))
    assert standard.header_text == "" and sf.header_text == "顺丰速运"
    assert sf.barcode_height == 17.0 and layout_for("SF", Media(100, 180)).barcode_height == 20.0
    assert sf.receiver_size == standard.receiver_size and sf.blocks == standard.blocks


def test_the_carrier_bar_height_reaches_the_printed_dots() -> None:
    media = Media(100, 150, 203)
    for carrier, mm in (("ZTO", 15.0), ("SF", 17.0)):
        image = render_waybill(replace(sample_waybill(), carrier_code=carrier), media)
        assert _bar_height_dots(image) == media.dots(mm)


def test_block_order_comes_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "custom.toml").write_text(
        'blocks = ["header", "barcode", "receiver", "sender", "details"]\n[default]\nbarcode_height = 10.0\n',
        encoding="utf-8",
    )
    standard = LayoutFile.load(resource_path("labels", "standard.toml"))
    media = Media(100, 150, 203)
    layout = resolve(standard, LayoutFile.load(tmp_path / "custom.toml"), media)
    image = Image.new("1", (media.width_dots, media.height_dots), 255)
    layout_waybill(sample_waybill(), media, RasterSurface(image), layout)
    assert layout.blocks == ("header", "barcode", "receiver", "sender", "details")
    assert code128_texts(image) == [sample_waybill().tracking_no]
    assert _bar_height_dots(image) == media.dots(10.0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[default]\nbarcod_height = 12\n", "'barcod_height' is not a layout setting"),
        ('[default]\nbarcode_height = "tall"\n', "'barcode_height' must be a float"),
        ("[default]\nreceiver_lines = 2.5\n", "'receiver_lines' must be a int"),
        ("[default]\nqr_side = -3\n", "'qr_side' cannot be negative"),
        ('blocks = ["header", "logo"]\n', "blocks must be distinct names"),
        ('[size."huge"]\nscale = 1.0\n', "is not WIDTHxHEIGHT"),
        ("[default\n", "is not valid TOML"),
        ("colour = 1\n", "unknown table or key colour"),
    ],
)
def test_a_malformed_layout_file_is_refused_with_its_name_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LayoutError, match="broken.toml") as caught:
        LayoutFile.load(path)
    assert message in str(caught.value)

"""ESC/POS raster encoding: exact bytes for a tiny image, and a bit-exact round trip of real labels."""

from __future__ import annotations

import pytest
from pdtest.escpos_decode import EscPosDecodeError, code128_texts, decode_escpos, qr_texts
from pdtest.samples import DPIS, SIZES, sample_waybill
from PIL import Image

from printers.escpos import encode_label
from printers.media import Media
from printers.render import render_waybill

INIT = bytes([0x1B, 0x40])
CUT = bytes([0x1D, 0x56, 66, 0])  # GS V 66 0: feed to the cutter and cut


def _image(rows: list[str]) -> Image.Image:
    """A mode "1" image from strings of '#' (black) and '.' (white)."""
    image = Image.new("1", (len(rows[0]), len(rows)), 255)
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            if ch == "#":
                image.putpixel((x, y), 0)
    return image


PATTERN = [
    "########........",
    "#.#.#.#.#.#.#.#.",
    "...............#",
]


def test_small_image_encodes_to_exact_bytes() -> None:
    expected = (
        INIT
        + bytes([0x1D, 0x76, 0x30, 0, 2, 0, 3, 0])  # GS v 0, m=0, 2 bytes per row, 3 rows
        + bytes([0xFF, 0x00, 0xAA, 0xAA, 0x00, 0x01])  # MSB = leftmost dot, 1 = black
        + CUT
    )
    assert encode_label(_image(PATTERN)) == expected


def test_cut_can_be_left_out() -> None:
    assert encode_label(_image(PATTERN), cut=False) == INIT + bytes(
        [0x1D, 0x76, 0x30, 0, 2, 0, 3, 0, 0xFF, 0x00, 0xAA, 0xAA, 0x00, 0x01]
    )


def test_only_mode_1_images_are_accepted() -> None:
    with pytest.raises(ValueError):
        encode_label(Image.new("L", (16, 3), 255))


def test_tall_images_are_sent_in_bands() -> None:
    image = Image.new("1", (16, 600), 255)
    image.putpixel((0, 0), 0)
    image.putpixel((15, 599), 0)
    job = decode_escpos(encode_label(image))

    assert job.commands == ["init", "raster", "raster", "raster", "cut"]
    assert [b.rows for b in job.bands] == [256, 256, 88]
    assert {b.width_bytes for b in job.bands} == {2}
    assert job.cut == (66, 0)
    assert job.image().tobytes() == image.tobytes()


def test_width_not_a_multiple_of_8_pads_with_white() -> None:
    # A 12-dot wide white image: each row is padded to 2 bytes. The 4 padding dots are outside the label and must not
    # burn: a 1 bit there prints a black stripe down the right edge of every label.
    job = decode_escpos(encode_label(Image.new("1", (12, 3), 255), cut=False))
    assert job.raster == bytes(6), f"padding bits are black: {job.raster.hex(' ')}"


def test_label_at_a_width_not_a_multiple_of_8_has_no_stripe() -> None:
    # 75 mm at 300 dpi (12 dots/mm) is 900 dots: 112.5 bytes per row.
    media = Media(75, 150, 300)
    image = render_waybill(sample_waybill(), media)
    assert image.width % 8
    decoded = decode_escpos(encode_label(image)).image()
    padding = decoded.crop((image.width, 0, decoded.width, decoded.height))
    assert padding.getextrema() == (255, 255), "the padding dots right of the label print black"
    assert decoded.crop((0, 0, image.width, image.height)).tobytes() == image.tobytes()


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_round_trip_is_bit_exact_and_barcodes_scan(size: tuple[int, int], dpi: int) -> None:
    media = Media(*size, dpi)
    image = render_waybill(sample_waybill(tracking_no="YT1234567890123", copy_no=2), media)
    data = encode_label(image)
    job = decode_escpos(data)

    assert job.commands[0] == "init" and job.commands[-1] == "cut"
    assert set(job.commands[1:-1]) == {"raster"}
    assert all(b.rows <= 256 and b.rows % 96 for b in job.bands)  # bands of 96*k rows upset some firmware
    assert len(data) == 2 + 8 * len(job.bands) + image.height * image.width // 8 + 4
    decoded = job.image()
    assert decoded.size == image.size
    assert decoded.tobytes() == image.tobytes()
    assert code128_texts(decoded) == ["YT1234567890123"]
    assert qr_texts(decoded) == ["YT1234567890123"]


# -- the decoder itself refuses what we never send ------------------------------------------------------------------


def test_decoder_rejects_a_stray_byte() -> None:
    data = encode_label(_image(PATTERN), cut=False) + b"\n"
    with pytest.raises(EscPosDecodeError, match=r"offset 16: unexpected byte 0x0A"):
        decode_escpos(data)


def test_decoder_rejects_a_band_shorter_than_declared() -> None:
    data = encode_label(_image(PATTERN), cut=False)[:-1]
    with pytest.raises(EscPosDecodeError, match="declared length does not match"):
        decode_escpos(data)


def test_decoder_rejects_a_band_longer_than_declared() -> None:
    data = INIT + bytes([0x1D, 0x76, 0x30, 0, 2, 0, 1, 0, 0xFF, 0x00, 0x1D])  # one byte too many, then nothing
    with pytest.raises(EscPosDecodeError):
        decode_escpos(data)


@pytest.mark.parametrize(
    "command", [b"\x1b\x61\x01", b"\x1d\x28\x4c", b"\x1dv0\x01\x02\x00\x01\x00\xff\x00", b"\x1dV\x07"]
)
def test_decoder_rejects_commands_we_never_send(command: bytes) -> None:
    with pytest.raises(EscPosDecodeError):
        decode_escpos(INIT + command)

"""Acceptance (issue 3.1): every size in every printer language, sent to a raw TCP listener, decodes back into the
renderer's raster bit for bit, with a Code128 and a QR that read, on an area the size of the label."""

from __future__ import annotations

import pytest
from pdtest.capture import TcpCapture
from pdtest.escpos_decode import code128_texts, decode_image, qr_texts
from pdtest.label_decode import decode_tspl, decode_zpl
from pdtest.samples import sample_waybill
from PIL import Image, ImageChops

from printers.media import Media
from printers.registry import open_printer
from printers.render import render_waybill

SIZES = ((76, 130), (100, 150), (100, 180))


def _decode(lang: str, data: bytes) -> Image.Image:
    if lang == "escpos":
        return decode_image(data)
    if lang == "tspl":
        job = decode_tspl(data)
        assert job.printed == 1
        assert job.commands["SIZE"].replace(" ", "") in {"76mm,130mm", "100mm,150mm", "100mm,180mm"}
        assert job.image is not None
        return job.image
    job = decode_zpl(data)
    assert job.image is not None
    return job.image


@pytest.mark.parametrize("lang", ["escpos", "tspl", "zpl"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_language_round_trip_over_tcp(lang: str, size: tuple[int, int]) -> None:
    media = Media(*size)
    waybill = sample_waybill()
    expected = render_waybill(waybill, media)
    with TcpCapture() as cap:
        printer = open_printer(f"tcp://127.0.0.1:{cap.port}?lang={lang}&size={size[0]}x{size[1]}")
        printer.print_waybill(waybill, "job")
        (conn,) = cap.wait_for(1)
    image = _decode(lang, bytes(conn.data))
    # rows are whole bytes: the padding right of the label must be white, the rest equal to the raster
    assert image.height == expected.height and image.width - expected.width in range(8)
    if image.width > expected.width:
        pad = image.crop((expected.width, 0, image.width, image.height))
        assert ImageChops.invert(pad.convert("L")).getbbox() is None
    cropped = image.crop((0, 0, expected.width, expected.height))
    assert ImageChops.logical_xor(cropped, expected).getbbox() is None, "the decoded label differs from the raster"
    # the printed area is the media size within 1 mm
    assert abs(cropped.width / media.dots_per_mm - media.width_mm) <= 1
    assert abs(cropped.height / media.dots_per_mm - media.height_mm) <= 1
    assert code128_texts(cropped) == [waybill.tracking_no]
    assert qr_texts(cropped) == [waybill.qr_text]


def test_zpl_is_compressed() -> None:
    image = render_waybill(sample_waybill(), Media(100, 150))
    from printers import zpl

    data = zpl.encode_label(image, Media(100, 150))
    assert len(data) < len(image.tobytes())  # far below raw hex, which would be twice the raster
    assert decode_zpl(data).image is not None

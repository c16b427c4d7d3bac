"""The calibration page: rulers on the dot grid, a readable test barcode, and offsets applied on the wire."""

from __future__ import annotations

from pdtest.capture import TcpCapture
from pdtest.escpos_decode import code128_texts, decode_image

from printers.calibration import render_test_page
from printers.registry import open_printer
from printers.uri import parse_printer_uri


def test_rulers_sit_on_whole_millimetres() -> None:
    spec = parse_printer_uri("png:///tmp/x?size=100x150")
    page = render_test_page(spec)
    assert page.size == (800, 1200)
    # every 10 mm tick is a black column at 8 dots/mm along the top edge, and white between ticks
    for mm in range(10, 100, 10):
        assert page.getpixel((mm * 8, 10)) == 0
        assert page.getpixel((mm * 8 + 4, 10)) == 255
    assert code128_texts(page) == ["PACKDESK-TEST"]


def test_offsets_move_the_printed_page() -> None:
    with TcpCapture() as cap:
        printer = open_printer(f"tcp://127.0.0.1:{cap.port}?x=1.5&y=-1")
        page = render_test_page(printer.spec)
        printer.print_label(page, "calibration")
        (conn,) = cap.wait_for(1)
    sent = decode_image(bytes(conn.data))
    # 1.5 mm right and 1 mm up at 8 dots/mm: the 10 mm tick lands at dot 92, 8 rows higher
    assert sent.getpixel((10 * 8 + 12, 10 - 8)) == 0
    assert sent.getpixel((10 * 8, 10)) == 255

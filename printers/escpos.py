"""ESC/POS raster encoding of a label image (our own encoder, not python-escpos's).

python-escpos's `image()` is right for receipts but wrong for labels: its `GS ( L` length overflows above 64 KB and
it takes ~70 ms per 100x150 label (bench/labels.py measures both). A label is sent as `GS v 0` raster in
bands, which every ESC/POS printer we know accepts, in one write.
"""

from __future__ import annotations

from PIL import Image

from printers.raster import padded_to_bytes

ESC_INIT = b"\x1b@"
BAND_ROWS = 256  # rows per GS v 0 band; some firmware corrupts bands of 96*k rows, so not a multiple of 96
FEED_AND_CUT = b"\x1dV\x42\x00"  # GS V 66 0: feed to the cutter and cut (ignored by models without one)


def raster_rows(image: Image.Image) -> tuple[int, bytes]:
    """(bytes per row, data) of a mode "1" image, MSB = leftmost dot, 1 = black (ESC/POS polarity).

    Pillow packs mode "1" with 1 = white, so the bytes are inverted once, in C, by `bytes.translate`.
    """
    image = padded_to_bytes(image)
    return image.width // 8, image.tobytes().translate(_INVERT)


_INVERT = bytes(255 - b for b in range(256))


def encode_label(image: Image.Image, *, cut: bool = True) -> bytes:
    """The complete ESC/POS job for one label.

    Args:
        image: mode "1" label raster (0 = black), at most the head width.
        cut: append feed-and-cut.

    Returns:
        Bytes to send in one write: ESC @, GS v 0 bands, optional GS V.
    """
    width_bytes, data = raster_rows(image)
    out = bytearray(ESC_INIT)
    for top in range(0, image.height, BAND_ROWS):
        rows = min(BAND_ROWS, image.height - top)
        out += b"\x1dv0\x00" + width_bytes.to_bytes(2, "little") + rows.to_bytes(2, "little")
        out += data[top * width_bytes : (top + rows) * width_bytes]
    if cut:
        out += FEED_AND_CUT
    return bytes(out)

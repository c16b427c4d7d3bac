"""An independent decoder of the ESC/POS that PackDesk sends, back into a bitmap (tests only).

It knows exactly the commands our label jobs may contain and refuses everything else, so a stray byte, a band whose
declared size does not match its data, or a command we never meant to send fails the test with the offset where it
happened. Written from the ESC/POS command reference (shared/reference/printing-and-qt.md 2.1, 2.5), not from
printers/escpos.py.

    ESC @                       1B 40                   initialise
    GS v 0 m xL xH yL yH d...   1D 76 30 m ...          raster band: (xL + 256 xH) bytes per row, (yL + 256 yH) rows,
                                                        MSB = leftmost dot, 1 = black; m = 0/48 (normal size only)
    GS V m                      1D 56 m                 cut, m in 0, 1, 48, 49
    GS V m n                    1D 56 m n               feed n and cut, m in 65, 66
"""

from __future__ import annotations

from dataclasses import dataclass, field

import zxingcpp
from PIL import Image

# The real-time status query a printer is asked before and after jobs: DLE EOT 1 (printer), DLE EOT 4 (paper sensor),
# and the two answer bytes of a ready printer (fixed bits 1 and 4 set, nothing else).
STATUS_QUERY = bytes([0x10, 0x04, 0x01, 0x10, 0x04, 0x04])
STATUS_READY = bytes([0x12, 0x12])


class EscPosDecodeError(ValueError):
    """The byte stream is not a label job as we send it; the message gives the offset and what was found."""


@dataclass(frozen=True)
class Band:
    offset: int  # where the GS v 0 command starts
    width_bytes: int
    rows: int
    mode: int


@dataclass
class EscPosJob:
    """What a job contained, in order."""

    commands: list[str] = field(default_factory=list)  # "init", "raster", "cut"
    bands: list[Band] = field(default_factory=list)
    cut: tuple[int, ...] | None = None  # (m,) or (m, n) of the last GS V
    raster: bytes = b""  # all band data, stacked, ESC/POS polarity (1 = black)

    @property
    def width_bytes(self) -> int:
        return self.bands[0].width_bytes if self.bands else 0

    @property
    def height(self) -> int:
        return sum(b.rows for b in self.bands)

    def image(self) -> Image.Image:
        """The stacked raster as a Pillow mode "1" image (0 = black), width = bytes per row x 8."""
        if not self.bands:
            raise EscPosDecodeError("the job contains no raster band")
        # Pillow's packed mode "1" has 1 = white: invert every byte.
        pillow_bits = bytes(255 - b for b in self.raster)
        return Image.frombytes("1", (self.width_bytes * 8, self.height), pillow_bits)


def decode_escpos(data: bytes) -> EscPosJob:
    """Parses `data` command by command.

    Raises:
        EscPosDecodeError: on an unknown byte or command, a truncated command, a band whose data is shorter than its
            declared size, bands of different widths, or an unsupported raster mode.
    """
    job = EscPosJob()
    raster = bytearray()
    i, n = 0, len(data)

    def need(count: int, what: str) -> None:
        if i + count > n:
            raise EscPosDecodeError(
                f"offset {i}: {what} needs {count} bytes but only {n - i} remain (declared length does not match data)"
            )

    while i < n:
        b = data[i]
        if b == 0x1B:  # ESC
            need(2, "ESC command")
            if data[i + 1] != 0x40:
                raise EscPosDecodeError(f"offset {i}: unknown command ESC 0x{data[i + 1]:02X}")
            job.commands.append("init")
            i += 2
        elif b == 0x1D:  # GS
            need(2, "GS command")
            op = data[i + 1]
            if op == 0x76:  # GS v
                need(8, "GS v 0 header")
                if data[i + 2] != 0x30:
                    raise EscPosDecodeError(f"offset {i}: unknown command GS v 0x{data[i + 2]:02X}")
                mode = data[i + 3]
                if mode not in (0, 48):
                    raise EscPosDecodeError(f"offset {i}: GS v 0 mode {mode} (scaled raster) is not what we send")
                width = data[i + 4] | data[i + 5] << 8
                rows = data[i + 6] | data[i + 7] << 8
                if width == 0 or rows == 0:
                    raise EscPosDecodeError(f"offset {i}: GS v 0 band of {width} bytes x {rows} rows is empty")
                if job.bands and width != job.bands[0].width_bytes:
                    raise EscPosDecodeError(
                        f"offset {i}: band is {width} bytes wide, the first band was {job.bands[0].width_bytes}"
                    )
                start = i
                i += 8
                need(width * rows, f"GS v 0 band of {width}x{rows} declared at offset {start}")
                raster += data[i : i + width * rows]
                i += width * rows
                job.bands.append(Band(start, width, rows, mode))
                job.commands.append("raster")
            elif op == 0x56:  # GS V
                need(3, "GS V")
                m = data[i + 2]
                if m in (0, 1, 48, 49):
                    job.cut = (m,)
                    i += 3
                elif m in (65, 66):
                    need(4, "GS V m n")
                    job.cut = (m, data[i + 3])
                    i += 4
                else:
                    raise EscPosDecodeError(f"offset {i}: GS V with unknown cut mode {m}")
                job.commands.append("cut")
            else:
                raise EscPosDecodeError(f"offset {i}: unknown command GS 0x{op:02X}")
        else:
            raise EscPosDecodeError(f"offset {i}: unexpected byte 0x{b:02X} outside any command")
    job.raster = bytes(raster)
    return job


def decode_image(data: bytes) -> Image.Image:
    """The label bitmap of an ESC/POS job (mode "1", 0 = black)."""
    return decode_escpos(data).image()


def read_barcodes(image: Image.Image) -> list[tuple[str, str]]:
    """(format name, text) of every barcode zxing-cpp finds in `image`, e.g. ("Code128", "7812...")."""
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image.convert("L"))]


def code128_texts(image: Image.Image) -> list[str]:
    return [text for fmt, text in read_barcodes(image) if fmt == "Code128"]


def qr_texts(image: Image.Image) -> list[str]:
    return [text for fmt, text in read_barcodes(image) if fmt == "QRCode"]

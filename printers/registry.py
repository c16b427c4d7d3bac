"""Opens a printer from its URI: picks the encoder for its language and the transport for its scheme.

Transports are imported lazily so that a missing optional driver (pyusb, pywin32, pycups) never breaks start-up.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol

from PIL import Image

from printers import escpos, tspl, zpl
from printers.errors import PrinterError, PrinterUriError
from printers.transports import FileTransport, SerialTransport, TcpTransport, Transport
from printers.uri import PrinterSpec, parse_printer_uri


class LabelPrinter(Protocol):
    spec: PrinterSpec

    def print_label(self, image: Image.Image, name: str) -> int:
        """Prints one label raster; returns the bytes delivered. Raises PrinterError."""
        ...


class PngPrinter:
    """The virtual printer: one PNG per label in a folder, written atomically (a crash leaves no half file)."""

    def __init__(self, spec: PrinterSpec) -> None:
        self.spec = spec
        self.folder = Path(spec.target)

    def print_label(self, image: Image.Image, name: str) -> int:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".png.part")
            with os.fdopen(fd, "wb") as out:
                image.save(out, format="PNG", dpi=(self.spec.media.dpi, self.spec.media.dpi))
            final = self.folder / f"{name}.png"
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; labels are for anyone at the bench to open
            os.replace(tmp, final)
            return final.stat().st_size
        except OSError as exc:
            raise PrinterError(f"Cannot write labels to {self.folder}: {exc.strerror}.") from exc


class RawPrinter:
    """A real printer: label raster -> printer language -> bytes -> transport."""

    def __init__(self, spec: PrinterSpec, transport: Transport) -> None:
        self.spec = spec
        self.transport = transport

    def encode(self, image: Image.Image) -> bytes:
        image = shift(image, self.spec)
        spec = self.spec
        if spec.lang == "tspl":
            gap = float(spec.options.get("gap", "3"))
            return tspl.encode_label(image, spec.media, gap_mm=gap, density=spec.density, speed=spec.speed)
        if spec.lang == "zpl":
            return zpl.encode_label(image, spec.media, density=spec.density, speed=spec.speed)
        return escpos.encode_label(image)

    def print_label(self, image: Image.Image, name: str) -> int:
        return self.transport.send(self.encode(image))


def shift(image: Image.Image, spec: PrinterSpec) -> Image.Image:
    """Applies the calibration offsets (mm) of `spec`, keeping the image size; what moves off the edge is lost."""
    dx, dy = spec.media.dots(spec.x_mm), spec.media.dots(spec.y_mm)
    if not dx and not dy:
        return image
    moved = Image.new("1", image.size, 255)
    moved.paste(image, (dx, dy))
    return moved


def open_printer(uri: str | PrinterSpec, *, default_size: str | None = None) -> LabelPrinter:
    """Opens the printer at `uri`.

    Raises:
        PrinterUriError: for an unknown or malformed address, or a kind this build cannot drive.
    """
    spec = uri if isinstance(uri, PrinterSpec) else parse_printer_uri(uri, default_size=default_size)
    if spec.scheme == "png":
        return PngPrinter(spec)
    if spec.scheme == "tcp":
        return RawPrinter(spec, TcpTransport(*spec.host_port))
    if spec.scheme == "file":
        return RawPrinter(spec, FileTransport(spec.target))
    if spec.scheme == "serial":
        baud = int(spec.options.get("baud", "115200"))
        flow = spec.options.get("flow", "rtscts")
        return RawPrinter(spec, SerialTransport(spec.target, baud, rtscts=flow == "rtscts", xonxoff=flow == "xonxoff"))
    raise PrinterUriError(
        f"{spec.scheme}:// printers are not supported by this version of PackDesk yet. "
        "Use tcp://, file://, serial:// or png:// (the virtual printer)."
    )

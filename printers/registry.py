"""Opens a printer from its URI: picks the encoder for its language and the transport for its scheme.

Transports are imported lazily so that a missing optional driver (pyusb, pywin32, pycups) never breaks start-up.
Every printer takes a Waybill (it renders what it needs: raster for PNG and real printers, vector for PDF) and
answers `status()`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol

from PIL import Image

from printers import escpos, tspl, zpl
from printers.errors import PrinterError, PrinterOffline, PrinterUriError, PrinterWriteError
from printers.render import render_waybill
from printers.status import QUERIES, PrinterStatus, State, parse_answer, zpl_answer_complete
from printers.tcp import TcpTransport
from printers.transports import (
    CupsTransport,
    FileTransport,
    SerialTransport,
    Transport,
    UsbTransport,
    Win32Transport,
    parse_usb_id,
)
from printers.uri import PrinterSpec, parse_printer_uri
from printers.waybill import Waybill


class LabelPrinter(Protocol):
    spec: PrinterSpec

    def print_waybill(self, waybill: Waybill, name: str) -> int:
        """Prints one waybill; returns the bytes delivered. Raises PrinterError."""
        ...

    def status(self) -> PrinterStatus:
        """Asks the printer whether it can print now."""
        ...


def _write_atomically(folder: Path, name: str, data: bytes) -> int:
    """Writes folder/name via a temporary file and a rename, so a crash never leaves half a file."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; labels are for anyone at the bench to open
        os.replace(tmp, folder / name)
        return len(data)
    except OSError as exc:
        raise PrinterError("printer.folder_unwritable", folder=str(folder), error=exc.strerror or str(exc)) from exc


def _folder_status(folder: Path) -> PrinterStatus:
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if os.access(probe, os.W_OK):
        return PrinterStatus.of(State.READY, "printer.folder_ready", folder=str(folder))
    return PrinterStatus.of(State.ERROR, "printer.folder_not_writable", folder=str(folder))


class PngPrinter:
    """The virtual printer: one PNG per label in a folder, at the printer resolution."""

    def __init__(self, spec: PrinterSpec) -> None:
        self.spec = spec
        self.folder = Path(spec.target)

    def print_label(self, image: Image.Image, name: str) -> int:
        import io

        buf = io.BytesIO()
        image.save(buf, format="PNG", dpi=(self.spec.media.dpi, self.spec.media.dpi))
        return _write_atomically(self.folder, f"{name}.png", buf.getvalue())

    def print_waybill(self, waybill: Waybill, name: str) -> int:
        return self.print_label(render_waybill(waybill, self.spec.media), name)

    def status(self) -> PrinterStatus:
        return _folder_status(self.folder)


class PdfPrinter:
    """Vector labels. pdf:///DIR writes one PDF per label; pdf:///DIR/NAME.pdf writes each batch (one spooler run)
    into that one file, a page per label, replacing it."""

    def __init__(self, spec: PrinterSpec) -> None:
        self.spec = spec
        target = Path(spec.target)
        self.combined = target.suffix.lower() == ".pdf"
        self.folder, self.filename = (target.parent, target.name) if self.combined else (target, "")

    def print_waybill(self, waybill: Waybill, name: str) -> int:
        from printers.pdf import render_pdf

        return _write_atomically(self.folder, self.filename or f"{name}.pdf", render_pdf([waybill], self.spec.media))

    def print_batch(self, waybills: list[Waybill]) -> list[int]:
        """Writes all `waybills` as one PDF; returns each label's share of the bytes."""
        from printers.pdf import render_pdf

        size = _write_atomically(self.folder, self.filename or "labels.pdf", render_pdf(waybills, self.spec.media))
        return [size // max(1, len(waybills))] * len(waybills)

    def status(self) -> PrinterStatus:
        return _folder_status(self.folder)


class RawPrinter:
    """A real printer: label raster -> printer language -> bytes -> transport."""

    def __init__(self, spec: PrinterSpec, transport: Transport) -> None:
        self.spec = spec
        self.transport = transport

    @property
    def answers_status(self) -> bool:
        """Whether to ask this printer for its status: its link can answer, and status=off was not set (for the
        models that never answer DLE EOT, <ESC>!? or ~HS)."""
        return getattr(self.transport, "can_answer", False) and self.spec.options.get("status", "on") != "off"

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
        """Sends one label and returns its size once the printer has taken all of it.

        Raises:
            PrinterOffline: nothing left the station.
            PrinterWriteError: the label may have been cut off (did it print?).
        """
        sent = self.transport.send(self.encode(image))
        if not getattr(self.transport, "confirms_delivery", True) and self.answers_status:
            # A serial line cannot tell us the printer took every byte: an answer queued behind them can.
            if self.status().state in (State.UNKNOWN, State.OFFLINE):
                raise PrinterWriteError("printer.serial_unconfirmed", target=self.spec.target)
        return sent

    def print_waybill(self, waybill: Waybill, name: str) -> int:
        return self.print_label(render_waybill(waybill, self.spec.media), name)

    def status(self) -> PrinterStatus:
        query = QUERIES[self.spec.lang]
        try:
            answer = self.transport.query(
                query.request, query.answer_length, zpl_answer_complete if self.spec.lang == "zpl" else None
            )
        except PrinterOffline as exc:
            return PrinterStatus.of(State.OFFLINE, exc.message_id, **exc.params)
        return parse_answer(self.spec.lang, answer)


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
    if spec.scheme == "pdf":
        return PdfPrinter(spec)
    if spec.scheme == "tcp":
        return RawPrinter(spec, TcpTransport(*spec.host_port))
    if spec.scheme == "file":
        return RawPrinter(spec, FileTransport(spec.target))
    if spec.scheme == "serial":
        baud = int(spec.options.get("baud", "115200"))
        flow = spec.options.get("flow", "rtscts")
        return RawPrinter(spec, SerialTransport(spec.target, baud, rtscts=flow == "rtscts", xonxoff=flow == "xonxoff"))
    if spec.scheme == "usb":
        return RawPrinter(spec, UsbTransport(*parse_usb_id(spec.target)))
    if spec.scheme == "cups":
        return RawPrinter(spec, CupsTransport(spec.target))
    if spec.scheme == "win32":
        return RawPrinter(spec, Win32Transport(spec.target))
    raise PrinterUriError("printer.scheme_unsupported", scheme=spec.scheme)

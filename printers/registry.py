"""Opens a printer from its URI: picks the encoder for its language and the transport for its scheme.

Transports are imported lazily so that a missing optional driver (pyusb, pywin32, pycups) never breaks start-up.
What a printer promises is in printers.ports; the virtual printers are in printers.transports.virtual, the print
components (cainiao://, pddprint://) in printers.components. Every printer takes a Waybill (it renders what it
needs: raster for PNG and real printers, vector for PDF; a print component takes the provider's print document) and
answers `status()`.
"""

from __future__ import annotations

from typing import cast

from PIL import Image

from printers import escpos, tspl, zpl
from printers.errors import PrinterOffline, PrinterUriError, PrinterWriteError
from printers.ports import Batch, BatchingTransport, LabelPrinter, Transport, Written
from printers.render import render_waybill
from printers.status import QUERIES, PrinterStatus, State, parse_answer, zpl_answer_complete
from printers.uri import COMPONENT_PORTS, PrinterSpec, parse_printer_uri
from printers.waybill import Waybill


class RawPrinter:
    """A real printer: label raster -> printer language -> bytes -> transport."""

    combined = False

    def __init__(self, spec: PrinterSpec, transport: Transport) -> None:
        self.spec = spec
        self.transport = transport

    @property
    def answers_status(self) -> bool:
        """Whether to ask this printer for its status: its link can answer, and status=off was not set (for the
        models that never answer DLE EOT, <ESC>!? or ~HS)."""
        return self.transport.answers_status and self.spec.options.get("status", "on") != "off"

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
        if not self.transport.confirms_delivery and self.answers_status:
            # A serial line cannot tell us the printer took every byte: an answer queued behind them can.
            if self.status().state in (State.UNKNOWN, State.OFFLINE):
                raise PrinterWriteError("printer.serial_unconfirmed", target=self.spec.target)
        return sent

    def print_waybill(self, waybill: Waybill, name: str) -> int:
        return self.print_label(render_waybill(waybill, self.spec.media), name)

    def render(self, waybill: Waybill) -> bytes:
        """The bytes of `waybill`'s label in this printer's language (no I/O: a render thread may call it)."""
        return self.encode(render_waybill(waybill, self.spec.media))

    def print_batch(self, waybills: list[Waybill]) -> list[int]:
        raise NotImplementedError("a raw printer sends labels one by one (open_batch for one connection)")

    @property
    def batches(self) -> bool:
        """Whether the labels of a batch can share one connection: the link keeps it open and the printer answers
        the status question that confirms each label."""
        return self.transport.batches and self.answers_status

    def open_batch(self) -> LabelBatch:
        """One connection for several labels (only where `batches`). Raises PrinterOffline."""
        return LabelBatch(self.spec.lang, cast(BatchingTransport, self.transport).open_batch())

    def status(self) -> PrinterStatus:
        query = QUERIES[self.spec.lang]
        try:
            answer = self.transport.query(
                query.request, query.answer_length, zpl_answer_complete if self.spec.lang == "zpl" else None
            )
        except PrinterOffline as exc:
            return PrinterStatus.of(State.OFFLINE, exc.message_id, **exc.params)
        return parse_answer(self.spec.lang, answer)


class LabelBatch:
    """Labels of one batch on one connection of a RawPrinter: each is sent with the status question behind it."""

    def __init__(self, lang: str, link: Batch) -> None:
        self.lang, self.link = lang, link

    def send(self, data: bytes, written: Written | None = None) -> PrinterStatus:
        """Sends one encoded label (see PrinterBatch.send). Raises PrinterOffline, PrinterWriteError."""
        query = QUERIES[self.lang]
        complete = zpl_answer_complete if self.lang == "zpl" else None
        return parse_answer(self.lang, self.link.send(data, query.request, query.answer_length, complete, written))

    def close(self) -> None:
        self.link.close()


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
    if spec.scheme in ("png", "pdf"):
        from printers.transports.virtual import PdfPrinter, PngPrinter

        return PngPrinter(spec) if spec.scheme == "png" else PdfPrinter(spec)
    if spec.scheme in COMPONENT_PORTS:
        from printers.components import ComponentPrinter

        return ComponentPrinter(spec)
    return RawPrinter(spec, _transport(spec))


def _transport(spec: PrinterSpec) -> Transport:
    """The link of a raw printer, its module imported only now."""
    if spec.scheme == "tcp":
        from printers.transports.tcp import TcpTransport

        return TcpTransport(*spec.host_port)
    if spec.scheme == "file":
        from printers.transports.file import FileTransport

        return FileTransport(spec.target)
    if spec.scheme == "serial":
        from printers.transports.serial import SerialTransport

        baud = int(spec.options.get("baud", "115200"))
        flow = spec.options.get("flow", "rtscts")
        return SerialTransport(spec.target, baud, rtscts=flow == "rtscts", xonxoff=flow == "xonxoff")
    if spec.scheme == "usb":
        from printers.transports.usb import UsbTransport, parse_usb_id

        return UsbTransport(*parse_usb_id(spec.target))
    if spec.scheme == "cups":
        from printers.transports.cups import CupsTransport

        return CupsTransport(spec.target)
    if spec.scheme == "win32":
        from printers.transports.win32 import Win32Transport

        return Win32Transport(spec.target)
    raise PrinterUriError("printer.scheme_unsupported", scheme=spec.scheme)


def printer_status(uri: str) -> PrinterStatus:
    """Asks the printer at `uri` for its status (raises PrinterUriError for a bad address)."""
    return open_printer(uri).status()

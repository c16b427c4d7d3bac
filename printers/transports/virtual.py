"""The virtual printers (printers layer, transports): PNG files, one per label, and PDF documents.

They write files instead of talking to a device: written via a temporary file and a rename, so a crash never leaves
half a label, and "ready" means the folder can be written.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from PIL import Image

from printers.errors import PrinterError
from printers.render import render_waybill
from printers.status import PrinterStatus, State
from printers.uri import PrinterSpec
from printers.waybill import Waybill


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

    answers_status = True
    combined = False
    batches = False

    def __init__(self, spec: PrinterSpec) -> None:
        self.spec = spec
        self.folder = Path(spec.target)

    def print_label(self, image: Image.Image, name: str) -> int:
        buf = io.BytesIO()
        image.save(buf, format="PNG", dpi=(self.spec.media.dpi, self.spec.media.dpi))
        return _write_atomically(self.folder, f"{name}.png", buf.getvalue())

    def print_waybill(self, waybill: Waybill, name: str) -> int:
        return self.print_label(render_waybill(waybill, self.spec.media), name)

    def print_batch(self, waybills: list[Waybill]) -> list[int]:
        raise NotImplementedError("one PNG per label: print_waybill")

    def status(self) -> PrinterStatus:
        return _folder_status(self.folder)


class PdfPrinter:
    """Vector labels. pdf:///DIR writes one PDF per label; pdf:///DIR/NAME.pdf writes each batch (one spooler run)
    into that one file, a page per label, replacing it."""

    answers_status = True
    batches = False

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

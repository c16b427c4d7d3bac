"""A device node (/dev/usb/lp0) or a plain file as a printer link (printers layer, transports)."""

from __future__ import annotations

import os

from printers.errors import PrinterOffline, PrinterWriteError
from printers.ports import AnswerComplete


class FileTransport:
    """A device node (/dev/usb/lp0) or a plain file: written in one go and flushed."""

    answers_status = False
    confirms_delivery = True
    batches = False

    def __init__(self, path: str) -> None:
        self.path = path

    def query(
        self, request: bytes, answer_length: int, complete: AnswerComplete | None = None, timeout: float = 1.5
    ) -> bytes | None:
        if not os.access(self.path, os.W_OK) and not os.access(os.path.dirname(self.path) or ".", os.W_OK):
            raise PrinterOffline("printer.file_cannot_open", path=self.path)
        return None  # usblp and plain files cannot be read back reliably

    def send(self, data: bytes) -> int:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as exc:
            raise PrinterOffline("printer.file_cannot_open_because", path=self.path, error=exc.strerror) from exc
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        except OSError as exc:
            raise PrinterWriteError("printer.file_write_failed", path=self.path, error=exc.strerror) from exc
        finally:
            os.close(fd)
        return len(data)

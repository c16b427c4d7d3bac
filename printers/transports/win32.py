"""A Windows printer through the spooler as a raw printer link (printers layer, transports)."""

from __future__ import annotations

from printers.errors import PrinterOffline, PrinterWriteError
from printers.ports import AnswerComplete


class Win32Transport:
    """A Windows printer through the spooler, as a RAW document (the driver does not touch the bytes)."""

    answers_status = False
    confirms_delivery = True
    batches = False

    def __init__(self, name: str) -> None:
        self.name = name

    @staticmethod
    def _win32print():  # type: ignore[no-untyped-def]
        try:
            import win32print  # type: ignore[import-not-found]
        except ImportError as exc:
            import sys

            if sys.platform != "win32":
                raise PrinterOffline("printer.win32_not_windows") from exc
            raise PrinterOffline("printer.win32_no_pywin32") from exc
        return win32print

    def query(
        self, request: bytes, answer_length: int, complete: AnswerComplete | None = None, timeout: float = 1.5
    ) -> bytes | None:
        win32print = self._win32print()
        try:
            win32print.ClosePrinter(win32print.OpenPrinter(self.name))
        except Exception as exc:  # pywintypes.error
            raise PrinterOffline("printer.win32_no_printer", name=self.name) from exc
        return None  # the spooler does not pass answers back

    def send(self, data: bytes) -> int:
        win32print = self._win32print()
        try:
            handle = win32print.OpenPrinter(self.name)
        except Exception as exc:  # pywintypes.error
            raise PrinterOffline("printer.win32_no_printer", name=self.name) from exc
        try:
            win32print.StartDocPrinter(handle, 1, ("PackDesk label", None, "RAW"))
            try:
                win32print.StartPagePrinter(handle)
                written = win32print.WritePrinter(handle, data)
                win32print.EndPagePrinter(handle)
            finally:
                win32print.EndDocPrinter(handle)
        except Exception as exc:  # pywintypes.error
            raise PrinterWriteError("printer.win32_failed", name=self.name, error=str(exc)) from exc
        finally:
            win32print.ClosePrinter(handle)
        if written != len(data):
            raise PrinterWriteError("printer.win32_short", written=written, total=len(data), name=self.name)
        return len(data)

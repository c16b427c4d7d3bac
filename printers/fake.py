"""An in-memory printer for tests and demos (printers layer): it records what it got and says what it is told to.

    printer = MemoryPrinter()
    printer.print_waybill(waybill, "78123456789012-1")
    printer.received        # [(name, waybill)], in order
    printer.state = State.PAPER_OUT   # status() says so, and the next label raises PrinterOffline
    printer.fail_with = PrinterWriteError("printer.tcp_broke", address="memory")  # the next label is cut off

It renders nothing: where the bytes on the wire are the point, use a real transport against a simulator.
"""

from __future__ import annotations

from printers.errors import PrinterError, PrinterOffline
from printers.status import PrinterStatus, State
from printers.uri import PrinterSpec, parse_printer_uri
from printers.waybill import Waybill


class MemoryPrinter:
    """A LabelPrinter that keeps every waybill it took; `label_size` is the byte count it reports per label."""

    combined = False
    batches = False  # one label at a time: print_waybill

    def __init__(self, spec: PrinterSpec | None = None, *, answers_status: bool = True, label_size: int = 1000) -> None:
        self.spec = spec or parse_printer_uri("png:///memory")
        self.answers_status = answers_status
        self.label_size = label_size
        self.state = State.READY
        self.fail_with: PrinterError | None = None
        self.received: list[tuple[str, Waybill]] = []
        self.status_queries = 0

    def print_waybill(self, waybill: Waybill, name: str) -> int:
        if self.fail_with is not None:
            error, self.fail_with = self.fail_with, None
            raise error
        if self.state is not State.READY:
            raise PrinterOffline("printer.text", text=f"memory printer: {self.state.value}")
        self.received.append((name, waybill))
        return self.label_size

    def print_batch(self, waybills: list[Waybill]) -> list[int]:
        return [self.print_waybill(w, f"{w.tracking_no}-{w.copy_no}") for w in waybills]

    def status(self) -> PrinterStatus:
        self.status_queries += 1
        if self.state is State.READY:
            return PrinterStatus.of(State.READY, "printer.status_ready")
        return PrinterStatus(self.state, f"memory printer: {self.state.value}")

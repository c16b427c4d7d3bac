"""The printer's ports (printers layer): what a transport and a label printer promise, capabilities included.

A transport only moves bytes. What it can do beyond sending is declared here, read as plain attributes, never
guessed with getattr: whether its link carries a status answer back (`answers_status`), whether sending alone tells
that the printer took every byte (`confirms_delivery`), and whether several labels may go on one connection
(`batches`, see `Transport.open_batch`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from printers.status import PrinterStatus
    from printers.uri import PrinterSpec
    from printers.waybill import Waybill

WRITE_TIMEOUT_S = 30.0  # a printer that takes nothing for 30 s has stalled
AnswerComplete = Callable[[bytes], bool]
Written = Callable[[], None]  # told once a label's last byte is handed to the link, before its answer is awaited


class Batch(Protocol):
    """One connection that carries several labels, each confirmed by a status answer asked behind it."""

    def send(
        self,
        data: bytes,
        request: bytes,
        answer_length: int,
        complete: AnswerComplete | None,
        written: Written | None = None,
    ) -> bytes | None:
        """Sends `data` then `request` on the open connection, calls `written`, and returns the answer (None: no
        answer came, the label is not confirmed). Raises PrinterOffline (nothing left) or PrinterWriteError (cut
        off)."""
        ...

    def close(self) -> None: ...


class Transport(Protocol):
    answers_status: bool  # the link carries a status answer back
    confirms_delivery: bool  # send() returning means the printer took every byte
    batches: bool  # a BatchingTransport: open_batch() keeps one connection across the labels of a batch

    def send(self, data: bytes) -> int:
        """Delivers `data` completely or raises PrinterError; returns the byte count. A transport whose
        `confirms_delivery` is False cannot tell from sending alone that the printer took it all."""
        ...

    def query(
        self, request: bytes, answer_length: int, complete: AnswerComplete | None = None, timeout: float = 1.5
    ) -> bytes | None:
        """Sends `request` and reads the answer; None when the link cannot answer (raises PrinterOffline)."""
        ...


class BatchingTransport(Transport, Protocol):
    """A transport whose `batches` is True."""

    def open_batch(self) -> Batch:
        """Opens the connection a batch goes on; raises PrinterOffline."""
        ...


class LabelPrinter(Protocol):
    """A printer as the spooler sees it: it takes waybills, and says what it can do."""

    spec: PrinterSpec
    answers_status: bool  # worth asking status() before and after a job
    combined: bool  # print_batch() writes a whole batch as one document: all of it is sent, or none
    batches: bool  # a BatchingPrinter: a batch's labels go on one connection, each confirmed by an answer

    def print_waybill(self, waybill: Waybill, name: str) -> int:
        """Prints one waybill; returns the bytes delivered. Raises PrinterError."""
        ...

    def print_batch(self, waybills: list[Waybill]) -> list[int]:
        """Prints `waybills` as one document (where `combined`); returns each label's share of the bytes."""
        ...

    def status(self) -> PrinterStatus:
        """Asks the printer whether it can print now."""
        ...


class PrinterBatch(Protocol):
    """The labels of one batch on one connection of a printer, each sent with the status question behind it."""

    def send(self, data: bytes, written: Written | None = None) -> PrinterStatus:
        """Sends one encoded label, calls `written` once it is handed to the link (while the printer prints, a
        caller may work without slowing the sending), and returns the printer's status, answered once it took all
        of it (`unknown`: no answer, the label is not confirmed). Raises PrinterOffline, PrinterWriteError."""
        ...

    def close(self) -> None: ...


class BatchingPrinter(LabelPrinter, Protocol):
    """A printer whose `batches` is True: labels are rendered apart from sending, and share one connection."""

    def render(self, waybill: Waybill) -> bytes:
        """The bytes of `waybill`'s label (no I/O: a render thread may call it)."""
        ...

    def open_batch(self) -> PrinterBatch:
        """Opens the connection a batch goes on; raises PrinterOffline."""
        ...

"""Printer status: what each language asks and how its answer reads. "No answer" is `unknown`, never `ready`.

ESC/POS: DLE EOT 1 (printer) and DLE EOT 4 (paper sensor), one byte each. TSPL: <ESC>!? answers one byte (bit 0 head
open, 1 paper jam, 2 out of paper, 3 out of ribbon, 4 pause, 5 printing, 6 cover open). ZPL: ~HS answers three
<STX>...<ETX> strings; the first one's second and third fields are the paper-out and pause flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    READY = "ready"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    PAUSED = "paused"
    OFFLINE = "offline"  # nothing answers at the address
    ERROR = "error"  # the printer reports an error (jam, head open...)
    UNKNOWN = "unknown"  # reachable, but it did not say


@dataclass(frozen=True)
class PrinterStatus:
    state: State
    detail: str

    @property
    def ready(self) -> bool:
        return self.state is State.READY

    def to_json(self) -> dict[str, object]:
        return {"state": self.state.value, "ready": self.ready, "detail": self.detail}


@dataclass(frozen=True)
class StatusQuery:
    request: bytes
    answer_length: int  # bytes to read; 0 = read until the ZPL answer is complete


QUERIES = {
    "escpos": StatusQuery(b"\x10\x04\x01\x10\x04\x04", 2),
    "tspl": StatusQuery(b"\x1b!?", 1),
    "zpl": StatusQuery(b"~HS", 0),
}


def _valid_escpos(byte: int) -> bool:
    # Fixed bits of every DLE EOT answer: bit 1 = 1, bit 4 = 1, bits 0 and 7 = 0 (pattern 0xx1xx10).
    return byte & 0b1001_0011 == 0b0001_0010


def zpl_answer_complete(data: bytes) -> bool:
    return data.count(b"\x03") >= 3


def parse_answer(lang: str, answer: bytes | None) -> PrinterStatus:
    """Reads a status answer of printer language `lang`; None or garbage means `unknown`."""
    if not answer:
        return PrinterStatus(State.UNKNOWN, "the printer does not report its status")
    if lang == "escpos":
        if len(answer) < 2 or not all(_valid_escpos(b) for b in answer[:2]):
            return PrinterStatus(State.UNKNOWN, "the printer's status answer is not ESC/POS")
        if answer[0] & 0x08:
            return PrinterStatus(State.OFFLINE, "the printer reports it is offline (cover open or error)")
        if answer[1] & 0x60:
            return PrinterStatus(State.PAPER_OUT, "the printer is out of labels")
        return PrinterStatus(State.READY, "ready")
    if lang == "tspl":
        bits = answer[0]
        for mask, state, text in (
            (0x04, State.PAPER_OUT, "the printer is out of labels"),
            (0x01, State.COVER_OPEN, "the print head is open"),
            (0x40, State.COVER_OPEN, "the cover is open"),
            (0x02, State.ERROR, "labels are jammed"),
            (0x08, State.ERROR, "the ribbon is out"),
            (0x10, State.PAUSED, "the printer is paused"),
        ):
            if bits & mask:
                return PrinterStatus(state, text)
        return PrinterStatus(State.READY, "printing" if bits & 0x20 else "ready")
    if lang == "zpl":
        first = answer.split(b"\x03", 1)[0].lstrip(b"\x02\r\n").decode("ascii", "replace").split(",")
        if len(first) < 3:
            return PrinterStatus(State.UNKNOWN, "the printer's ~HS answer is not ZPL")
        if first[1].strip() == "1":
            return PrinterStatus(State.PAPER_OUT, "the printer is out of labels")
        if first[2].strip() == "1":
            return PrinterStatus(State.PAUSED, "the printer is paused")
        return PrinterStatus(State.READY, "ready")
    return PrinterStatus(State.UNKNOWN, f"no status query for {lang}")


def printer_status(uri: str) -> PrinterStatus:
    """Asks the printer at `uri` for its status (raises PrinterUriError for a bad address)."""
    from printers.registry import open_printer

    return open_printer(uri).status()

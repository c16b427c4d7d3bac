"""Printer status: what each language asks and how its answer reads. "No answer" is `unknown`, never `ready`.

ESC/POS: DLE EOT 1 (printer) and DLE EOT 4 (paper sensor), one byte each. TSPL: <ESC>!? answers one byte (bit 0 head
open, 1 paper jam, 2 out of paper, 3 out of ribbon, 4 pause, 5 printing, 6 cover open). ZPL: ~HS answers three
<STX>...<ETX> strings; the first one's second and third fields are the paper-out and pause flags.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from printers.errors import PRINTER_MESSAGES


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
    """A printer's state and what it means, in English (`detail`) and as a message id of PRINTER_MESSAGES with its
    parameters, so the window and the command line can say it in the packer's language."""

    state: State
    detail: str
    message_id: str = "printer.text"
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.message_id == "printer.text" and "text" not in self.params:  # a detail given as text only
            object.__setattr__(self, "params", {"text": self.detail})

    @classmethod
    def of(cls, state: State, message_id: str, /, **params: Any) -> PrinterStatus:
        """The status `state`, said by the message `message_id` with `params`."""
        return cls(state, PRINTER_MESSAGES[message_id].format_map(params), message_id, params)

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
        return PrinterStatus.of(State.UNKNOWN, "printer.status_silent")
    if lang == "escpos":
        if len(answer) < 2 or not all(_valid_escpos(b) for b in answer[:2]):
            return PrinterStatus.of(State.UNKNOWN, "printer.status_not_escpos")
        if answer[0] & 0x08:
            return PrinterStatus.of(State.OFFLINE, "printer.status_offline")
        if answer[1] & 0x60:
            return PrinterStatus.of(State.PAPER_OUT, "printer.status_paper_out")
        return PrinterStatus.of(State.READY, "printer.status_ready")
    if lang == "tspl":
        bits = answer[0]
        for mask, state, message_id in (
            (0x04, State.PAPER_OUT, "printer.status_paper_out"),
            (0x01, State.COVER_OPEN, "printer.status_head_open"),
            (0x40, State.COVER_OPEN, "printer.status_cover_open"),
            (0x02, State.ERROR, "printer.status_jammed"),
            (0x08, State.ERROR, "printer.status_ribbon_out"),
            (0x10, State.PAUSED, "printer.status_paused"),
        ):
            if bits & mask:
                return PrinterStatus.of(state, message_id)
        return PrinterStatus.of(State.READY, "printer.status_printing" if bits & 0x20 else "printer.status_ready")
    if lang == "zpl":
        first = answer.split(b"\x03", 1)[0].lstrip(b"\x02\r\n").decode("ascii", "replace").split(",")
        if len(first) < 3:
            return PrinterStatus.of(State.UNKNOWN, "printer.status_not_zpl")
        if first[1].strip() == "1":
            return PrinterStatus.of(State.PAPER_OUT, "printer.status_paper_out")
        if first[2].strip() == "1":
            return PrinterStatus.of(State.PAUSED, "printer.status_paused")
        return PrinterStatus.of(State.READY, "printer.status_ready")
    return PrinterStatus.of(State.UNKNOWN, "printer.status_no_query", lang=lang)

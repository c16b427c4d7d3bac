"""The scans `packdesk pack --scans FILE|-` reads (command-line layer): one scan per line, as bytes.

A scan is what a scanner typed or a file holds, in whatever encoding that device or editor used. Each line is read as
UTF-8 (a byte-order mark at the start is dropped) and, failing that, as GB18030, the encoding of Chinese Windows and
of scanners set up for Chinese; a file that starts with a UTF-16 byte-order mark (Windows "Unicode" text) is read as
UTF-16. A line that is none of these is not a scan: it is reported and skipped, and nothing is recorded for it.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from app.domain.enums import ScanOutcome
from app.domain.messages import Message, msg
from app.station import Reason, StationEvent

FALLBACK = "gb18030"


@dataclass(frozen=True)
class ScanLine:
    """One line of the scans: its number (from 1), its text (None when it is not text) and how it can be shown."""

    number: int
    text: str | None
    shown: str  # the text, or the bytes that are not text as escapes (bytes b6 a9 ff: \xb6\xa9\xff)


def decode_scan(data: bytes) -> str | None:
    """The text of one scanned line: UTF-8, else GB18030; None when it is neither."""
    for encoding in ("utf-8", FALLBACK):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read_scans(source: BinaryIO) -> Iterator[ScanLine]:
    """The lines of `source` as they arrive (a scanner on stdin is read scan by scan, never to its end first)."""
    head = source.peek(2)[:2] if isinstance(source, io.BufferedReader) else b""
    if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        wide = io.TextIOWrapper(source, encoding="utf-16", errors="replace", newline=None)
        for number, line in enumerate(wide, start=1):
            shown = line.rstrip("\n")
            yield ScanLine(number, None if "\ufffd" in shown else shown, shown)  # U+FFFD: bytes that were not UTF-16
        return
    for number, raw in enumerate(source, start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        data = raw.rstrip(b"\r\n")
        text = decode_scan(data)
        yield ScanLine(number, text, text if text is not None else data.decode("ascii", "backslashreplace"))


def not_text(line: ScanLine) -> Message:
    """What the seller is told about a line that is not text."""
    return msg("cli.scan_not_text", line=line.number, shown=line.shown)


def unreadable(line: ScanLine) -> StationEvent:
    """The `pack` event of a line that is not text: `unknown_code`, reason "unreadable", with its line number."""
    return StationEvent(ScanOutcome.UNKNOWN_CODE, line.shown, why=Reason.UNREADABLE, line=line.number)

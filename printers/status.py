"""Asking a printer whether it can print. "No answer" is `unknown`, never `ready`."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

from printers.errors import PrinterUriError
from printers.uri import parse_printer_uri

QUERY_TIMEOUT_S = 1.5
DLE_EOT_PRINTER = b"\x10\x04\x01"  # ESC/POS real-time status, n=1: printer status (bit 3 = offline)
DLE_EOT_PAPER = b"\x10\x04\x04"  # n=4: roll paper sensor (bits 5,6 = paper end)


@dataclass(frozen=True)
class PrinterStatus:
    state: str  # ready | offline | paper_out | unknown | error
    detail: str

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def to_json(self) -> dict[str, object]:
        return {"state": self.state, "ready": self.ready, "detail": self.detail}


def _valid_escpos_status(byte: int) -> bool:
    # Fixed bits of every DLE EOT answer: bit 1 = 1, bit 4 = 1, bits 0 and 7 = 0 (pattern 0xx1xx10).
    return byte & 0b1001_0011 == 0b0001_0010


def _escpos_tcp(host: str, port: int) -> PrinterStatus:
    try:
        sock = socket.create_connection((host, port), timeout=QUERY_TIMEOUT_S)
    except OSError:
        return PrinterStatus("offline", f"nothing answers at {host}:{port}")
    try:
        sock.settimeout(QUERY_TIMEOUT_S)
        sock.sendall(DLE_EOT_PRINTER + DLE_EOT_PAPER)
        answer = b""
        while len(answer) < 2:
            chunk = sock.recv(2 - len(answer))
            if not chunk:
                break
            answer += chunk
    except OSError:
        answer = b""
    finally:
        sock.close()
    if len(answer) < 2 or not all(_valid_escpos_status(b) for b in answer):
        return PrinterStatus("unknown", f"{host}:{port} accepts connections but does not report its status")
    if answer[0] & 0x08:
        return PrinterStatus("offline", "the printer reports it is offline (cover open or error)")
    if answer[1] & 0x60:
        return PrinterStatus("paper_out", "the printer is out of labels")
    return PrinterStatus("ready", "the printer reports ready")


def printer_status(uri: str) -> PrinterStatus:
    """Asks the printer at `uri` for its status.

    Raises:
        PrinterUriError: the address is not a printer address.
    """
    spec = parse_printer_uri(uri)
    if spec.scheme == "png" or spec.scheme == "pdf":
        folder = Path(spec.target) if spec.scheme == "png" else Path(spec.target).parent
        probe = folder if folder.exists() else folder.parent
        if os.access(probe, os.W_OK):
            return PrinterStatus("ready", f"virtual printer writing to {folder}")
        return PrinterStatus("error", f"cannot write to {folder}")
    if spec.scheme == "tcp" and spec.lang == "escpos":
        return _escpos_tcp(*spec.host_port)
    if spec.scheme == "file":
        return PrinterStatus("ready" if os.access(spec.target, os.W_OK) else "offline",
                             f"{spec.target} {'is writable' if os.access(spec.target, os.W_OK) else 'cannot be opened'}")
    if spec.scheme in ("usb", "win32", "cups", "serial", "tcp"):
        return PrinterStatus("unknown", f"status queries for {spec.scheme}:// ({spec.lang}) are not supported yet")
    raise PrinterUriError(f"'{uri}' is not a printer address")

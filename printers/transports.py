"""Transports: they only move bytes to a printer (no encoding here)."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from printers.errors import PrinterOffline, PrinterWriteError

CONNECT_TIMEOUT_S = 5.0
WRITE_TIMEOUT_S = 30.0
SEND_BUFFER = 32 * 1024


def _raise_if_reset(sock: socket.socket) -> None:
    """Raises if the printer already reset the connection (without waiting for anything)."""
    sock.setblocking(False)
    try:
        sock.recv(1, socket.MSG_PEEK)
    except (BlockingIOError, InterruptedError):
        pass  # nothing to read: the normal case
    finally:
        sock.setblocking(True)


class Transport(Protocol):
    def send(self, data: bytes) -> int:
        """Delivers `data` completely or raises PrinterError; returns the byte count."""
        ...

    def query(
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
    ) -> bytes | None:
        """Sends `request` and reads the answer; None when the link cannot answer (raises PrinterOffline)."""
        ...


class TcpTransport:
    """Raw port-9100 printing: one connection per job, the whole job in one sendall."""

    can_answer = True

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    def query(
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
    ) -> bytes | None:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=min(timeout, CONNECT_TIMEOUT_S))
        except OSError as exc:
            raise PrinterOffline(f"No printer answers at {self.host}:{self.port}.") from exc
        answer = b""
        try:
            sock.settimeout(timeout)
            sock.sendall(request)
            while not (answer_length and len(answer) >= answer_length) and not (complete and complete(answer)):
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except OSError:
            pass  # a timeout is "no answer", which the caller reads as unknown
        finally:
            sock.close()
        return answer or None

    def send(self, data: bytes) -> int:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=CONNECT_TIMEOUT_S)
            # A small send buffer makes sendall() return only once the printer has taken most of the job, so a
            # printer that drops the connection mid-label is noticed here instead of being reported as printed.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        except OSError as exc:
            raise PrinterOffline(
                f"No printer answers at {self.host}:{self.port}. Check that it is on and on the network."
            ) from exc
        try:
            sock.settimeout(WRITE_TIMEOUT_S)
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            _raise_if_reset(sock)
        except OSError as exc:
            raise PrinterWriteError(
                f"The connection to {self.host}:{self.port} broke while sending; the label may be incomplete."
            ) from exc
        finally:
            sock.close()
        return len(data)


class FileTransport:
    """A device node (/dev/usb/lp0) or a plain file: written in one go and flushed."""

    can_answer = False

    def __init__(self, path: str) -> None:
        self.path = path

    def query(
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
    ) -> bytes | None:
        if not os.access(self.path, os.W_OK) and not os.access(os.path.dirname(self.path) or ".", os.W_OK):
            raise PrinterOffline(f"Cannot open {self.path}.")
        return None  # usblp and plain files cannot be read back reliably

    def send(self, data: bytes) -> int:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as exc:
            raise PrinterOffline(f"Cannot open {self.path}: {exc.strerror}.") from exc
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        except OSError as exc:
            raise PrinterWriteError(f"Writing to {self.path} failed: {exc.strerror}.") from exc
        finally:
            os.close(fd)
        return len(data)


class SerialTransport:
    """A serial or USB-CDC printer via pyserial, with explicit flow control (raster needs it)."""

    can_answer = True

    def __init__(self, url: str, baud: int = 115200, rtscts: bool = True, xonxoff: bool = False) -> None:
        self.url, self.baud, self.rtscts, self.xonxoff = url, baud, rtscts, xonxoff

    def query(
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
    ) -> bytes | None:
        import serial

        try:
            port = serial.serial_for_url(
                self.url,
                baudrate=self.baud,
                rtscts=self.rtscts,
                xonxoff=self.xonxoff,
                timeout=timeout,
                write_timeout=timeout,
            )
        except (serial.SerialException, ValueError) as exc:
            raise PrinterOffline(f"Cannot open serial port {self.url}: {exc}") from exc
        try:
            port.write(request)
            answer = port.read(answer_length or 64)
        except serial.SerialException:
            answer = b""
        finally:
            port.close()
        return answer or None

    def send(self, data: bytes) -> int:
        import serial  # lazy: pyserial is only needed when a serial printer is used

        try:
            port = serial.serial_for_url(
                self.url, baudrate=self.baud, rtscts=self.rtscts, xonxoff=self.xonxoff, write_timeout=WRITE_TIMEOUT_S
            )
        except (serial.SerialException, ValueError) as exc:
            raise PrinterOffline(f"Cannot open serial port {self.url}: {exc}") from exc
        try:
            port.write(data)
            port.flush()
        except serial.SerialException as exc:
            raise PrinterWriteError(f"Writing to serial port {self.url} failed: {exc}") from exc
        finally:
            port.close()
        return len(data)


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path

"""Transports: they only move bytes to a printer (no encoding here).

A job counts as printed only when the printer has taken all of it, and each link says so its own way: TCP by the
printer's clean close after ours (printers/tcp.py), USB by the device acknowledging every bulk packet, serial by the
printer answering a status query it can only reach after the job's last byte (RawPrinter asks; a slow line is waited
for at its speed). Files, CUPS and the Windows spooler take jobs whole and cannot be asked.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from printers.errors import PrinterError, PrinterOffline, PrinterWriteError

WRITE_TIMEOUT_S = 30.0


class Transport(Protocol):
    def send(self, data: bytes) -> int:
        """Delivers `data` completely or raises PrinterError; returns the byte count. A transport whose
        `confirms_delivery` is False cannot tell from sending alone that the printer took it all."""
        ...

    def query(
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
    ) -> bytes | None:
        """Sends `request` and reads the answer; None when the link cannot answer (raises PrinterOffline)."""
        ...


class FileTransport:
    """A device node (/dev/usb/lp0) or a plain file: written in one go and flushed."""

    can_answer = False

    def __init__(self, path: str) -> None:
        self.path = path

    def query(
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
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


class SerialTransport:
    """A serial or USB-CDC printer via pyserial, with explicit flow control (raster needs it).

    A write returns once the bytes are in the operating system's buffers, and a line at 115200 baud carries about
    11.5 kB a second: the end of a 120 KB label may reach the printer seconds later. The transport keeps the time
    by which the last job has crossed the line at its speed, and a status question asked before then waits that much
    longer, so a slow printer is slow, not silent.
    """

    can_answer = True
    confirms_delivery = False  # only the printer's answer after the last byte says it took them all
    MARGIN = 1.25  # start bits, flow-control pauses and the printer's own pace on top of baud / 10

    def __init__(self, url: str, baud: int = 115200, rtscts: bool = True, xonxoff: bool = False) -> None:
        self.url, self.baud, self.rtscts, self.xonxoff = url, baud, rtscts, xonxoff
        self.line_clear_at = 0.0  # time.monotonic() by which the last job has crossed the line

    @property
    def bytes_per_second(self) -> float:
        return self.baud / 10  # 8N1: a start bit, eight data bits, a stop bit

    def in_flight_s(self) -> float:
        """Seconds the bytes of the last job may still need to reach the printer."""
        return max(0.0, self.line_clear_at - time.monotonic())

    def _open(self, timeout: float | None, write_timeout: float):  # type: ignore[no-untyped-def]
        import serial  # lazy: pyserial is only needed when a serial printer is used

        try:
            return serial.serial_for_url(
                self.url,
                baudrate=self.baud,
                rtscts=self.rtscts,
                xonxoff=self.xonxoff,
                timeout=timeout,
                write_timeout=write_timeout,
            )
        except (serial.SerialException, ValueError) as exc:
            raise PrinterOffline("printer.serial_cannot_open", port=self.url, error=str(exc)) from exc

    def query(
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
    ) -> bytes | None:
        import serial

        # The question queues behind what is still on the line; the answer cannot come before it is through.
        port = self._open(self.in_flight_s() + timeout, WRITE_TIMEOUT_S)
        answer = b""
        try:
            port.write(request)
            while not (answer_length and len(answer) >= answer_length) and not (complete and complete(answer)):
                chunk = port.read(max(1, port.in_waiting))  # returns at the first byte; empty after the wait
                if not chunk:
                    break
                answer += chunk
        except serial.SerialException:
            pass  # a timeout is "no answer", which the caller reads as unknown
        finally:
            port.close()
        return answer or None

    def send(self, data: bytes) -> int:
        import serial

        port = self._open(None, WRITE_TIMEOUT_S)
        try:
            started = time.monotonic()
            port.write(data)
            port.flush()
            done = time.monotonic()
        except serial.SerialException as exc:
            raise PrinterWriteError("printer.serial_write_failed", port=self.url, error=str(exc)) from exc
        finally:
            port.close()
        # What the line cannot have carried yet while the write ran is still in buffers on its way.
        left = max(0.0, len(data) - (done - started) * self.bytes_per_second)
        self.line_clear_at = done + left / self.bytes_per_second * self.MARGIN
        return len(data)


def parse_usb_id(target: str) -> tuple[int, int]:
    """Parses "0fe6:811e" (hex, optional 0x) into (vendor id, product id).

    Raises:
        PrinterUriError: when it is not two hexadecimal ids.
    """
    from printers.errors import PrinterUriError

    vid, sep, pid = target.partition(":")
    try:
        if not sep:
            raise ValueError
        ids = int(vid, 16), int(pid, 16)
    except ValueError:
        raise PrinterUriError("printer.usb_not_ids", target=target) from None
    if not all(0 <= i <= 0xFFFF for i in ids):
        raise PrinterUriError("printer.usb_ids_range", target=target)
    return ids


class UsbTransport:
    """A USB printer-class device through pyusb (libusb): bulk OUT for jobs, bulk IN for status answers.

    python-escpos's Usb printer is not used: it prints to stdout, keeps the device claimed between jobs and hides the
    endpoints. pyusb takes every timeout in milliseconds (python-escpos passes its `timeout` straight through, so a
    "0" there means wait forever); the constants below are milliseconds for that reason. `backend` is a pyusb backend,
    None for the system's libusb.
    """

    can_answer = True
    WRITE_TIMEOUT_MS = 30_000  # per chunk: a printer that takes nothing for 30 s has stalled
    CHUNK = 16 * 1024
    PRINTER_CLASS = 7

    def __init__(self, vid: int, pid: int, backend: object | None = None) -> None:
        self.vid, self.pid, self.backend = vid, pid, backend

    @property
    def device(self) -> str:
        """VENDOR:PRODUCT, as messages name the printer."""
        return f"{self.vid:04x}:{self.pid:04x}"

    @property
    def name(self) -> str:
        return f"USB printer {self.device}"

    def _open(self):  # type: ignore[no-untyped-def]
        try:
            import usb.core
            import usb.util
        except ImportError as exc:
            raise PrinterOffline("printer.usb_no_pyusb") from exc
        try:
            dev = usb.core.find(idVendor=self.vid, idProduct=self.pid, backend=self.backend)
        except usb.core.NoBackendError as exc:
            raise PrinterOffline("printer.usb_no_libusb") from exc
        if dev is None:
            raise PrinterOffline("printer.usb_not_connected", device=self.device)
        try:
            try:
                cfg = dev.get_active_configuration()
            except usb.core.USBError:
                dev.set_configuration()
                cfg = dev.get_active_configuration()
            interfaces = list(cfg)
            intf = next((i for i in interfaces if i.bInterfaceClass == self.PRINTER_CLASS), interfaces[0])
            try:
                if dev.is_kernel_driver_active(intf.bInterfaceNumber):
                    dev.detach_kernel_driver(intf.bInterfaceNumber)  # Linux usblp holds printer-class devices
            except (NotImplementedError, usb.core.USBError):
                pass  # Windows and macOS have no kernel driver to detach

            def direction(d: int):  # type: ignore[no-untyped-def]
                return lambda e: usb.util.endpoint_direction(e.bEndpointAddress) == d

            out = usb.util.find_descriptor(intf, custom_match=direction(usb.util.ENDPOINT_OUT))
            inn = usb.util.find_descriptor(intf, custom_match=direction(usb.util.ENDPOINT_IN))
        except usb.core.USBError as exc:
            usb.util.dispose_resources(dev)
            if exc.errno == 13:
                raise PrinterOffline("printer.usb_no_permission", device=self.device) from exc
            raise PrinterOffline("printer.usb_cannot_open", device=self.device, error=str(exc)) from exc
        if out is None:
            usb.util.dispose_resources(dev)
            raise PrinterOffline("printer.usb_no_endpoint", device=self.device)
        return dev, out, inn

    def send(self, data: bytes) -> int:
        import usb.core
        import usb.util

        dev, out, _ = self._open()
        sent = 0
        try:
            while sent < len(data):
                sent += out.write(data[sent : sent + self.CHUNK], timeout=self.WRITE_TIMEOUT_MS)
        except usb.core.USBTimeoutError as exc:
            raise PrinterWriteError("printer.usb_stalled", device=self.device, sent=sent, total=len(data)) from exc
        except usb.core.USBError as exc:
            raise PrinterWriteError("printer.usb_gone", device=self.device, error=exc.strerror or str(exc)) from exc
        finally:
            usb.util.dispose_resources(dev)
        return sent

    def query(
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
    ) -> bytes | None:
        import usb.core
        import usb.util

        dev, out, inn = self._open()
        answer = b""
        try:
            if inn is None:
                return None
            out.write(request, timeout=round(timeout * 1000))
            while not (answer_length and len(answer) >= answer_length) and not (complete and complete(answer)):
                chunk = bytes(inn.read(inn.wMaxPacketSize or 64, timeout=round(timeout * 1000)))
                if not chunk:
                    break
                answer += chunk
        except usb.core.USBError:
            pass  # a timeout is "no answer", which the caller reads as unknown
        finally:
            usb.util.dispose_resources(dev)
        return answer or None


class CupsTransport:
    """A CUPS queue, raw: the job goes through `lp -d QUEUE -o raw` so the driver never touches the bytes."""

    can_answer = False

    def __init__(self, queue: str, lp: str | None = None) -> None:
        self.queue, self.lp = queue, lp

    def _lp(self) -> str:
        import shutil

        lp = self.lp or shutil.which("lp")
        if not lp:
            raise PrinterOffline("printer.cups_no_lp")
        return lp

    def query(
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
    ) -> bytes | None:
        self._lp()
        return None  # CUPS takes jobs; it cannot pass a status question through to the printer

    def send(self, data: bytes) -> int:
        import subprocess

        lp = self._lp()
        try:
            done = subprocess.run(
                [lp, "-d", self.queue, "-o", "raw", "-t", "PackDesk label", "-"],
                input=data,
                capture_output=True,
                timeout=WRITE_TIMEOUT_S,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrinterOffline("printer.cups_not_taken", queue=self.queue, error=str(exc)) from exc
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip()
            why = said or PrinterError("printer.cups_lp_exit", code=done.returncode)
            raise PrinterOffline("printer.cups_refused", queue=self.queue, error=why)
        return len(data)


class Win32Transport:
    """A Windows printer through the spooler, as a RAW document (the driver does not touch the bytes)."""

    can_answer = False

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
        self, request: bytes, answer_length: int, complete: Callable[[bytes], bool] | None = None, timeout: float = 1.5
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


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path

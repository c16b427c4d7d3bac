"""Finding printers attached to this machine: USB printer devices, serial ports, CUPS queues, Windows printers.

Each finder is best effort and quick: a missing tool or driver means "none found there", never an error.
"""

from __future__ import annotations

import glob
import shutil
import subprocess
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    kind: str  # usb | usb-file | serial | cups | win32
    label: str
    uri: str


def usb_device_files() -> list[Found]:
    return [Found("usb-file", path, f"file://{path}") for path in sorted(glob.glob("/dev/usb/lp*"))]


def usb_printers(backend: object | None = None) -> list[Found]:
    """Printer-class USB devices (interface class 7) that libusb can see, as usb://VID:PID."""
    try:
        import usb.core

        devices = list(usb.core.find(find_all=True, backend=backend))
    except Exception:  # no pyusb, no libusb, no permission: nothing found here
        return []
    found = []
    for dev in devices:
        try:
            is_printer = any(intf.bInterfaceClass == 7 for cfg in dev for intf in cfg)
        except Exception:
            continue
        if is_printer:
            ids = f"{dev.idVendor:04x}:{dev.idProduct:04x}"
            found.append(Found("usb", f"USB {ids}", f"usb://{ids}"))
    return found


def serial_ports() -> list[Found]:
    try:
        from serial.tools import list_ports
    except ImportError:
        return []
    found = []
    for port in sorted(list_ports.comports(), key=lambda p: p.device):
        label = f"{port.device}  {port.description}" if port.description and port.description != "n/a" else port.device
        path = port.device if port.device.startswith("/") else f"/{port.device}"
        found.append(Found("serial", label, f"serial://{path}?baud=115200"))
    return found


def cups_queues() -> list[Found]:
    lpstat = shutil.which("lpstat")
    if not lpstat:
        return []
    try:
        out = subprocess.run([lpstat, "-e"], capture_output=True, text=True, timeout=3).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [Found("cups", name, f"cups://{name}") for name in out.split() if name]


def windows_printers() -> list[Found]:
    if sys.platform != "win32":
        return []
    try:
        import win32print  # type: ignore[import-not-found]
    except ImportError:
        return []
    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    return [Found("win32", p[2], f"win32://{p[2]}") for p in win32print.EnumPrinters(flags)]


def discover() -> list[Found]:
    """Everything found, USB printers first (the usual label printer), then serial, CUPS and Windows queues."""
    return usb_printers() + usb_device_files() + windows_printers() + cups_queues() + serial_ports()

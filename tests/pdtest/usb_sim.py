"""A simulated USB label printer behind a pyusb backend: pyusb's real device, configuration, interface, endpoint and
transfer code runs against it; only libusb and the wire are replaced.

The device is what a 4-inch label printer enumerates as: one configuration, one printer-class interface (class 7,
subclass 1, protocol 2: bidirectional) with a bulk OUT endpoint 0x01 and a bulk IN endpoint 0x82 of 64 bytes, claimed
on Linux by the usblp kernel driver until detached. Its firmware takes bytes into `received`, answers a status
question with `answer`, can stall after `stall_after` bytes (a USB timeout, as a printer out of paper with a full
buffer does) or vanish after `unplug_after` bytes (a pulled cable).
"""

from __future__ import annotations

import array
import errno
from dataclasses import dataclass, field
from types import SimpleNamespace

import usb.backend
import usb.core


def _device_descriptor(vid: int, pid: int) -> SimpleNamespace:
    return SimpleNamespace(
        bLength=18, bDescriptorType=1, bcdUSB=0x0200, bDeviceClass=0, bDeviceSubClass=0, bDeviceProtocol=0,
        bMaxPacketSize0=64, idVendor=vid, idProduct=pid, bcdDevice=0x0100, iManufacturer=1, iProduct=2,
        iSerialNumber=3, bNumConfigurations=1, address=5, bus=1, port_number=2, port_numbers=(2,), speed=3,
    )  # fmt: skip


CONFIG = SimpleNamespace(
    bLength=9, bDescriptorType=2, wTotalLength=32, bNumInterfaces=1, bConfigurationValue=1, iConfiguration=0,
    bmAttributes=0xC0, bMaxPower=50, extra_descriptors=[],
)  # fmt: skip
INTERFACE = SimpleNamespace(
    bLength=9, bDescriptorType=4, bInterfaceNumber=0, bAlternateSetting=0, bNumEndpoints=2, bInterfaceClass=7,
    bInterfaceSubClass=1, bInterfaceProtocol=2, iInterface=0, extra_descriptors=[],
)  # fmt: skip
ENDPOINTS = (
    SimpleNamespace(bLength=7, bDescriptorType=5, bEndpointAddress=0x01, bmAttributes=2, wMaxPacketSize=64,
                    bInterval=0, bRefresh=0, bSynchAddress=0, extra_descriptors=[]),
    SimpleNamespace(bLength=7, bDescriptorType=5, bEndpointAddress=0x82, bmAttributes=2, wMaxPacketSize=64,
                    bInterval=0, bRefresh=0, bSynchAddress=0, extra_descriptors=[]),
)  # fmt: skip


@dataclass
class SimulatedUsbPrinter(usb.backend.IBackend):
    vid: int = 0x0FE6
    pid: int = 0x811E
    answer: bytes = b"\x12\x12"  # answers to DLE EOT 1 and DLE EOT 4: online, paper present
    stall_after: int | None = None
    unplug_after: int | None = None
    kernel_driver: bool = True
    plugged: bool = True
    received: bytearray = field(default_factory=bytearray)
    timeouts_ms: list[int] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)
    opened: int = 0
    closed: int = 0
    _pending: bytes = b""

    # enumeration and descriptors
    def enumerate_devices(self):  # type: ignore[no-untyped-def]
        return ["sim-printer"] if self.plugged else []

    def get_device_descriptor(self, dev):  # type: ignore[no-untyped-def]
        return _device_descriptor(self.vid, self.pid)

    def get_configuration_descriptor(self, dev, config):  # type: ignore[no-untyped-def]
        if config != 0:
            raise IndexError(config)
        return CONFIG

    def get_interface_descriptor(self, dev, intf, alt, config):  # type: ignore[no-untyped-def]
        if intf != 0 or alt != 0:
            raise IndexError((intf, alt))
        return INTERFACE

    def get_endpoint_descriptor(self, dev, ep, intf, alt, config):  # type: ignore[no-untyped-def]
        return ENDPOINTS[ep]

    # handles and interfaces
    def open_device(self, dev):  # type: ignore[no-untyped-def]
        if not self.plugged:
            raise usb.core.USBError("No such device", errno.ENODEV)
        self.opened += 1
        return "handle"

    def close_device(self, dev_handle):  # type: ignore[no-untyped-def]
        self.closed += 1

    def get_configuration(self, dev_handle):  # type: ignore[no-untyped-def]
        return 1

    def set_configuration(self, dev_handle, config_value):  # type: ignore[no-untyped-def]
        pass

    def is_kernel_driver_active(self, dev_handle, intf):  # type: ignore[no-untyped-def]
        return self.kernel_driver

    def detach_kernel_driver(self, dev_handle, intf):  # type: ignore[no-untyped-def]
        self.kernel_driver = False

    def claim_interface(self, dev_handle, intf):  # type: ignore[no-untyped-def]
        if self.kernel_driver:
            raise usb.core.USBError("Resource busy", errno.EBUSY)
        self.claimed.add(intf)

    def release_interface(self, dev_handle, intf):  # type: ignore[no-untyped-def]
        self.claimed.discard(intf)

    # transfers
    def bulk_write(self, dev_handle, ep, intf, data, timeout):  # type: ignore[no-untyped-def]
        assert ep == 0x01 and intf in self.claimed
        self.timeouts_ms.append(timeout)
        chunk = bytes(data)
        if self.unplug_after is not None and len(self.received) + len(chunk) > self.unplug_after:
            self.received += chunk[: self.unplug_after - len(self.received)]
            self.plugged = False
            raise usb.core.USBError("No such device (it may have been disconnected)", errno.ENODEV)
        if self.stall_after is not None and len(self.received) + len(chunk) > self.stall_after:
            self.received += chunk[: self.stall_after - len(self.received)]
            raise usb.core.USBTimeoutError("Operation timed out", errno.ETIMEDOUT)
        self.received += chunk
        if chunk in (b"\x10\x04\x01\x10\x04\x04", b"\x1b!?", b"~HS"):
            self._pending = self.answer
        return len(chunk)

    def bulk_read(self, dev_handle, ep, intf, buff, timeout):  # type: ignore[no-untyped-def]
        assert ep == 0x82
        self.timeouts_ms.append(timeout)
        if not self._pending:
            raise usb.core.USBTimeoutError("Operation timed out", errno.ETIMEDOUT)
        n = min(len(buff), len(self._pending))
        buff[:n] = array.array("B", self._pending[:n])
        self._pending = self._pending[n:]
        return n

"""A USB printer-class device through pyusb (printers layer, transports)."""

from __future__ import annotations

from printers.errors import PrinterOffline, PrinterUriError, PrinterWriteError
from printers.ports import AnswerComplete


def parse_usb_id(target: str) -> tuple[int, int]:
    """Parses "0fe6:811e" (hex, optional 0x) into (vendor id, product id).

    Raises:
        PrinterUriError: when it is not two hexadecimal ids.
    """

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

    answers_status = True
    confirms_delivery = True
    batches = False
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
        self, request: bytes, answer_length: int, complete: AnswerComplete | None = None, timeout: float = 1.5
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

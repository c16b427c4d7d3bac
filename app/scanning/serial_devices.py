"""Serial devices at the bench (scanning layer, Qt-free): a serial barcode scanner and a weighing scale.

Both are read by pyserial from a worker thread, by URL: a port (/dev/ttyUSB0, COM3), or any pyserial URL
(socket://, loop:// and rfc2217:// for tests and networked adapters). `serial:///dev/ttyUSB0?baud=9600` is the
address form the settings use, like the printers'.

The scanner sends one code per line (CR, LF or CRLF); optional prefix and suffix are stripped. The scale speaks the
continuous-output format most bench scales share (A&D, Mettler-compatible and the common Chinese ones):
`ST,GS,+0001.234kg` with ST (stable) or US (unstable), OL (overload), GS (gross) or NT (net), and the unit.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

from app.domain.errors import InvalidInput
from app.domain.messages import msg

_WEIGHT = re.compile(r"^(ST|US|OL)\s*,\s*(GS|NT|TR)\s*,\s*([+-]?)\s*(\d+(?:\.\d+)?)\s*(kg|g|lb)\s*$", re.IGNORECASE)
_TO_GRAMS = {"kg": 1000.0, "g": 1.0, "lb": 453.59237}


def parse_serial_uri(uri: str) -> tuple[str, int]:
    """`serial:///dev/ttyUSB0?baud=9600` (or a pyserial URL such as loop:// or socket://h:p) -> (url, baud).

    Raises:
        InvalidInput: not a serial address, or a baud rate that is not a number.
    """
    text = uri.strip()
    if text.startswith("serial://"):
        rest = text[len("serial://") :]
        path, _, query = rest.partition("?")
        path = unquote(path)
        if re.fullmatch(r"/*COM\d+", path, re.IGNORECASE):
            path = path.lstrip("/").upper()
    elif re.match(r"^(loop|socket|rfc2217|spy|alt|hwgrep)://", text):
        path, _, query = text.partition("?")
    else:
        raise InvalidInput(msg("serial.not_serial", uri=uri))
    opts = dict(parse_qsl(query))
    try:
        baud = int(opts.get("baud", "9600"))
    except ValueError:
        raise InvalidInput(msg("serial.baud", baud=opts["baud"])) from None
    if not path:
        raise InvalidInput(msg("serial.no_port", uri=uri))
    return path, baud


@dataclass(frozen=True)
class Reading:
    grams: float
    stable: bool
    overload: bool = False


def parse_weight(line: str) -> Reading | None:
    """One line of continuous output; None for anything else (scales also send blank and status lines)."""
    m = _WEIGHT.match(line.strip())
    if not m:
        return None
    state, _kind, sign, number, unit = m.groups()
    grams = float(number) * _TO_GRAMS[unit.lower()] * (-1 if sign == "-" else 1)
    return Reading(round(grams, 1), state.upper() == "ST", state.upper() == "OL")


class _LineReader:
    """Reads lines from a serial URL in a daemon thread and hands each one to `on_line`."""

    def __init__(self, url: str, baud: int, on_line: Callable[[str], None], name: str) -> None:
        self.url, self.baud, self.on_line = url, baud, on_line
        self.error: str | None = None
        self._stop = threading.Event()
        self._port = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        import serial

        try:
            self._port = serial.serial_for_url(self.url, baudrate=self.baud, timeout=0.1)
        except (serial.SerialException, ValueError) as exc:
            raise InvalidInput(msg("serial.cannot_open", port=self.url, error=str(exc))) from exc
        self._thread.start()

    def _run(self) -> None:
        import serial

        buffer = b""
        port = self._port
        assert port is not None
        while not self._stop.is_set():
            try:
                chunk = port.read(256)
            except serial.SerialException as exc:  # unplugged
                self.error = f"The serial device on {self.url} stopped answering: {exc}"
                time.sleep(0.5)
                continue
            if not chunk:
                continue
            buffer += chunk
            *lines, buffer = re.split(rb"\r\n|\r|\n", buffer)
            for raw in lines:
                text = raw.decode("ascii", "replace").strip()
                if text:
                    self.on_line(text)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(2)
        if self._port is not None:
            self._port.close()


class SerialScanner:
    """A serial barcode scanner: each code read reaches `on_scan` (from the reader thread)."""

    def __init__(self, uri: str, on_scan: Callable[[str], None], prefix: str = "", suffix: str = "") -> None:
        url, baud = parse_serial_uri(uri)
        self.prefix, self.suffix, self.on_scan = prefix, suffix, on_scan
        self._reader = _LineReader(url, baud, self._line, "serial-scanner")

    def _line(self, text: str) -> None:
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix) :]
        if self.suffix and text.endswith(self.suffix):
            text = text[: -len(self.suffix)]
        if text:
            self.on_scan(text)

    def start(self) -> None:
        self._reader.start()

    def stop(self) -> None:
        self._reader.stop()


class Scale:
    """A scale on a serial port in continuous output: `latest` is the last reading, `stable_grams()` waits for a
    stable one."""

    def __init__(self, uri: str) -> None:
        url, baud = parse_serial_uri(uri)
        self.latest: Reading | None = None
        self.readings = 0  # how many readings arrived so far
        self._changed = threading.Condition()
        self._reader = _LineReader(url, baud, self._line, "scale")

    def _line(self, text: str) -> None:
        reading = parse_weight(text)
        if reading is not None:
            with self._changed:
                self.latest = reading
                self.readings += 1
                self._changed.notify_all()

    def start(self) -> None:
        self._reader.start()

    def stop(self) -> None:
        self._reader.stop()

    def stable_grams(self, timeout_s: float = 2.0) -> float | None:
        """The weight once the scale says it is stable, from a reading sent after this call (never one from before
        the last item went in); None if it does not settle, or says nothing, in time."""
        deadline = time.monotonic() + timeout_s
        with self._changed:
            seen = self.readings
            while True:
                reading = self.latest
                if self.readings > seen and reading is not None and reading.stable and not reading.overload:
                    return reading.grams
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._changed.wait(left)


def weight_matches(expected_g: float, measured_g: float, *, tolerance_g: float = 30.0, share: float = 0.05) -> bool:
    """Whether a parcel weighing `measured_g` holds items of `expected_g` (packaging and scale noise allowed:
    the larger of `tolerance_g` and `share` of the expected weight, above or below). A unit scanned twice but packed
    once, or a missing item, is outside it for anything but the lightest items."""
    allowance = max(tolerance_g, expected_g * share)
    return abs(measured_g - expected_g) <= allowance

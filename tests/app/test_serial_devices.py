"""A serial scanner and a bench scale on real pseudo-terminals, and the station's weight check with the scale."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from pdtest.packing import ACTOR, names, pick, simple, units_scans
from sqlalchemy import select

from app.domain.errors import InvalidInput
from app.persistence.rows import ProductRow
from app.scanning.serial_devices import Scale, SerialScanner, parse_serial_uri, parse_weight, weight_matches
from app.services.printing import PrintService
from app.services.workspace import Workspace
from app.station import Station
from printers.registry import open_printer

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


class Device:
    """The device end of a pty: what a scanner or a scale writes; the station opens the other end by name."""

    def __init__(self) -> None:
        import tty

        self.master, slave = os.openpty()
        tty.setraw(slave)
        self.path = os.ttyname(slave)
        self.slave = slave
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def stream(self, line: bytes, every_s: float = 0.02) -> None:
        """Continuous output, as a scale sends it, until the next stream() or close()."""
        self.stop_stream()
        self._stop = threading.Event()
        stop = self._stop

        def run() -> None:
            while not stop.is_set():
                os.write(self.master, line)
                time.sleep(every_s)

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()

    def stop_stream(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(1)

    def close(self) -> None:
        self.stop_stream()
        os.close(self.master)
        os.close(self.slave)


@pytest.fixture
def device() -> Iterator[Device]:
    d = Device()
    yield d
    d.close()


@pytest.mark.parametrize(
    ("line", "grams", "stable"),
    [
        ("ST,GS,+0001.234kg", 1234.0, True),
        ("US,GS,+0000.980kg", 980.0, False),
        ("ST,NT,+  512.5 g", 512.5, True),
        ("ST,GS,-0000.010kg", -10.0, True),
        ("ST,GS,+0002.000lb", 907.2, True),
    ],
)
def test_continuous_output_lines(line: str, grams: float, stable: bool) -> None:
    reading = parse_weight(line)
    assert reading is not None and (reading.grams, reading.stable) == (grams, stable)


def test_other_lines_are_not_weights() -> None:
    assert parse_weight("") is None and parse_weight("HELLO") is None
    overload = parse_weight("OL,GS,+9999.999kg")
    assert overload is not None and overload.overload


def test_serial_addresses() -> None:
    assert parse_serial_uri("serial:///dev/ttyUSB0?baud=115200") == ("/dev/ttyUSB0", 115200)
    assert parse_serial_uri("serial://COM3") == ("COM3", 9600)
    assert parse_serial_uri("loop://") == ("loop://", 9600)
    with pytest.raises(InvalidInput, match="not a serial address"):
        parse_serial_uri("usb://0fe6:811e")
    with pytest.raises(InvalidInput, match="not a number"):
        parse_serial_uri("serial:///dev/ttyS0?baud=fast")


def test_serial_scanner_delivers_each_code(device: Device) -> None:
    got: list[str] = []
    scanner = SerialScanner(f"serial://{device.path}?baud=9600", got.append, prefix="]E0")
    scanner.start()
    try:
        device.write(b"]E06901234567892\r\n51186090249")
        device.write(b"91031607\r" + b"EA123456785CN\n")
        deadline = time.monotonic() + 5
        while len(got) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        scanner.stop()
    assert got == ["6901234567892", "5118609024991031607", "EA123456785CN"]


def test_scale_waits_for_a_stable_reading(device: Device) -> None:
    scale = Scale(f"serial://{device.path}")
    scale.start()
    try:
        device.stream(b"US,GS,+0000.700kg\r\n")
        assert scale.stable_grams(0.3) is None  # still moving
        device.stream(b"ST,GS,+0000.752kg\r\n")
        assert scale.stable_grams(3.0) == 752.0
    finally:
        scale.stop()


def test_weight_allowance() -> None:
    assert weight_matches(1000, 1040) and not weight_matches(1000, 1100)
    assert weight_matches(100, 125) and not weight_matches(100, 135)  # the 30 g floor for light parcels


def test_the_station_weighs_the_parcel_before_printing(demo: Workspace, device: Device, tmp_path) -> None:  # noqa: ANN001
    order = pick(demo, lambda o: simple()(o) and sum(ln.qty for ln in o.lines) >= 2)
    with demo.session_factory() as s:
        weights = dict(s.execute(select(ProductRow.sku, ProductRow.weight_g)).all())
    expected = sum(weights[ln.sku] * ln.qty for ln in order.lines)
    scale = Scale(f"serial://{device.path}")
    scale.start()
    printer = PrintService(demo.session_factory, open_printer(f"png://{tmp_path / 'labels'}"), ACTOR)
    station = Station(demo.session_factory, ACTOR, printer, scale=scale)
    try:
        one_short = expected - weights[order.lines[0].sku]  # a unit scanned twice but packed once
        device.stream(f"ST,GS,+{one_short / 1000:09.3f}kg\r\n".encode())
        events = station.scan(order.order_no)
        for code in units_scans(order):
            events += station.scan(code)
        assert names(events)[-2:] == ["order_complete", "weight_mismatch"]
        assert events[-1].extra == {"expected_g": round(expected), "measured_g": round(one_short)}
        assert not (tmp_path / "labels").exists()  # no label for a parcel that weighs wrong
        (again,) = station.scan(order.lines[0].barcodes[0])
        assert (again.event.value, again.reason) == ("wrong_item", "weigh_again")
        device.stream(f"ST,GS,+{expected / 1000:09.3f}kg\r\n".encode())  # the missing unit goes in
        deadline = time.monotonic() + 5
        while (scale.latest is None or scale.latest.grams != round(expected, 1)) and time.monotonic() < deadline:
            time.sleep(0.01)  # the packer waits for the display to show the new weight
        done = station.scan(order.order_no)
        assert names(done) == ["label_printed", "shipped"]
    finally:
        scale.stop()

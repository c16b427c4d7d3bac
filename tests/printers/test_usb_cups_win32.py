"""USB (pyusb against a simulated printer-class device), CUPS (a real `lp` process) and the Windows spooler."""

from __future__ import annotations

import os
import stat
import sys
import types
from pathlib import Path

import pytest
from pdtest.escpos_decode import code128_texts, decode_escpos
from pdtest.label_decode import decode_tspl
from pdtest.samples import sample_waybill
from pdtest.usb_sim import SimulatedUsbPrinter
from PIL import Image

from printers.errors import PrinterOffline, PrinterUriError, PrinterWriteError
from printers.media import Media
from printers.registry import RawPrinter, open_printer
from printers.render import render_waybill
from printers.status import State
from printers.transports.cups import CupsTransport
from printers.transports.usb import UsbTransport, parse_usb_id
from printers.transports.win32 import Win32Transport
from printers.uri import parse_printer_uri

MEDIA = Media(100, 150, 203)


@pytest.fixture(scope="module")
def label() -> Image.Image:
    return render_waybill(sample_waybill(), MEDIA)


def usb_printer(sim: SimulatedUsbPrinter, query: str = "") -> RawPrinter:
    spec = parse_printer_uri(f"usb://{sim.vid:04x}:{sim.pid:04x}{query}")
    return RawPrinter(spec, UsbTransport(*parse_usb_id(spec.target), backend=sim))


# -- USB ------------------------------------------------------------------------------------------------------------


def test_usb_label_arrives_whole_and_scans(label: Image.Image) -> None:
    sim = SimulatedUsbPrinter()
    printer = usb_printer(sim)
    sent = printer.print_label(label, "a")
    assert sent == len(sim.received)
    assert not sim.kernel_driver  # usblp was detached so the interface could be claimed
    assert sim.opened == sim.closed == 1  # released after the job: the next job (or another app) can open it
    decoded = decode_escpos(bytes(sim.received)).image()
    assert decoded.tobytes() == label.tobytes()
    assert code128_texts(decoded) == [sample_waybill().tracking_no]
    # pyusb takes milliseconds: 30 s per chunk, not 30 ms (and never 0, which is "forever")
    assert set(sim.timeouts_ms) == {UsbTransport.WRITE_TIMEOUT_MS} and UsbTransport.WRITE_TIMEOUT_MS == 30_000


def test_usb_tspl_job(label: Image.Image) -> None:
    sim = SimulatedUsbPrinter()
    usb_printer(sim, "?lang=tspl").print_label(label, "a")
    assert decode_tspl(bytes(sim.received)).image.tobytes() == label.tobytes()


@pytest.mark.parametrize(
    ("answer", "state"), [(b"\x12\x12", State.READY), (b"\x12\x72", State.PAPER_OUT), (b"", State.UNKNOWN)]
)
def test_usb_status_is_asked_over_the_in_endpoint(answer: bytes, state: State) -> None:
    sim = SimulatedUsbPrinter(answer=answer)
    assert usb_printer(sim).status().state is state
    assert sim.received == b"\x10\x04\x01\x10\x04\x04"
    assert all(t == 1500 for t in sim.timeouts_ms)  # the status timeout, in milliseconds


def test_usb_stall_is_a_write_error_naming_the_bytes(label: Image.Image) -> None:
    sim = SimulatedUsbPrinter(stall_after=40_000)
    with pytest.raises(PrinterWriteError, match=r"stopped taking data after 32768 of \d+ bytes"):
        usb_printer(sim).print_label(label, "a")
    assert sim.opened == sim.closed == 1


def test_usb_cable_pulled_mid_job(label: Image.Image) -> None:
    sim = SimulatedUsbPrinter(unplug_after=20_000)
    with pytest.raises(PrinterWriteError, match="went away while sending"):
        usb_printer(sim).print_label(label, "a")
    with pytest.raises(PrinterOffline, match="is not connected"):
        usb_printer(sim).print_label(label, "a")
    assert usb_printer(sim).status().state is State.OFFLINE


def test_usb_other_device_is_not_taken_for_the_printer(label: Image.Image) -> None:
    sim = SimulatedUsbPrinter(vid=0x046D, pid=0xC52B)
    spec = parse_printer_uri("usb://0fe6:811e")
    with pytest.raises(PrinterOffline, match="USB printer 0fe6:811e is not connected"):
        RawPrinter(spec, UsbTransport(0x0FE6, 0x811E, backend=sim)).print_label(label, "a")
    assert not sim.received


@pytest.mark.parametrize("uri", ["usb://printer", "usb://0fe6", "usb://0fe6:zz", "usb://10000:1"])
def test_malformed_usb_address(uri: str) -> None:
    with pytest.raises(PrinterUriError, match="hexadecimal"):
        parse_printer_uri(uri)


def test_usb_ids_accept_0x_prefixes() -> None:
    assert parse_usb_id("0x0FE6:0x811e") == (0x0FE6, 0x811E)


# -- CUPS: a real lp process --------------------------------------------------------------------------------------

FAKE_LP = """#!/bin/sh
# lp as CUPS has it, enough for raw jobs: lp -d QUEUE -o raw -t TITLE - (the job on stdin)
queue=""; raw=""
while [ $# -gt 0 ]; do
  case "$1" in
    -d) queue="$2"; shift 2;;
    -o) [ "$2" = raw ] && raw=1; shift 2;;
    -t) shift 2;;
    -) shift;;
    *) echo "lp: unexpected argument $1" >&2; exit 1;;
  esac
done
if [ ! -d "$SPOOL/$queue" ]; then echo "lp: The printer or class does not exist." >&2; exit 1; fi
[ -n "$raw" ] || { echo "lp: job is not raw" >&2; exit 1; }
n=$(ls "$SPOOL/$queue" | wc -l)
cat > "$SPOOL/$queue/job$n"
echo "request id is $queue-$n (1 file(s))"
"""


@pytest.fixture
def cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir, spool = tmp_path / "bin", tmp_path / "spool"
    bin_dir.mkdir()
    (spool / "Xprinter").mkdir(parents=True)
    lp = bin_dir / "lp"
    lp.write_text(FAKE_LP, encoding="utf-8")
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("SPOOL", str(spool))
    return spool


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell stands in for lp")
def test_cups_raw_job_goes_through_lp(cups: Path, label: Image.Image) -> None:
    printer = open_printer("cups://Xprinter?lang=tspl")
    sent = printer.print_label(label, "a")
    job = (cups / "Xprinter" / "job0").read_bytes()
    assert sent == len(job)
    assert decode_tspl(job).image.tobytes() == label.tobytes()
    assert printer.status().state is State.UNKNOWN  # CUPS cannot pass the question on: unknown, never ready


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell stands in for lp")
def test_cups_unknown_queue_reports_lps_words(cups: Path, label: Image.Image) -> None:
    with pytest.raises(PrinterOffline, match="CUPS refused the job for queue Zebra: lp: The printer or class does not"):
        open_printer("cups://Zebra").print_label(label, "a")


def test_cups_without_lp_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrinterOffline, match="needs the lp command"):
        CupsTransport("Xprinter").send(b"x")


# -- Windows spooler ----------------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="checks the message off Windows")
def test_win32_off_windows_says_so(label: Image.Image) -> None:
    with pytest.raises(PrinterOffline, match="not running Windows"):
        open_printer("win32://Xprinter XP-420B").print_label(label, "a")


class _Spooler(types.ModuleType):
    """Stands in for pywin32's win32print (which cannot load off Windows): the spooler's RAW document protocol, with
    its rules (a page only inside a document, writes only inside a page) checked, and the document kept."""

    def __init__(self, printers: tuple[str, ...]) -> None:
        super().__init__("win32print")
        self.printers, self.docs, self.calls = printers, [], []
        self._doc: bytearray | None = None
        self._page = False

    def OpenPrinter(self, name: str) -> str:  # noqa: N802 (pywin32 names)
        self.calls.append("OpenPrinter")
        if name not in self.printers:
            raise OSError(1801, "OpenPrinter", "The printer name is invalid.")
        return name

    def StartDocPrinter(self, handle: str, level: int, info: tuple) -> int:  # noqa: N802
        assert level == 1 and info[2] == "RAW" and self._doc is None
        self.calls.append("StartDocPrinter")
        self._doc = bytearray()
        return 1

    def StartPagePrinter(self, handle: str) -> None:  # noqa: N802
        assert self._doc is not None
        self._page = True

    def WritePrinter(self, handle: str, data: bytes) -> int:  # noqa: N802
        assert self._page and self._doc is not None
        self._doc += data
        return len(data)

    def EndPagePrinter(self, handle: str) -> None:  # noqa: N802
        self._page = False

    def EndDocPrinter(self, handle: str) -> None:  # noqa: N802
        assert self._doc is not None
        self.docs.append(bytes(self._doc))
        self._doc = None

    def ClosePrinter(self, handle: str) -> None:  # noqa: N802
        self.calls.append("ClosePrinter")


def test_win32_raw_document(monkeypatch: pytest.MonkeyPatch, label: Image.Image) -> None:
    spooler = _Spooler(("Xprinter XP-420B",))
    monkeypatch.setitem(sys.modules, "win32print", spooler)
    printer = open_printer("win32://Xprinter XP-420B?lang=tspl")
    printer.print_label(label, "a")
    (doc,) = spooler.docs
    assert decode_tspl(doc).image.tobytes() == label.tobytes()
    assert spooler.calls == ["OpenPrinter", "StartDocPrinter", "ClosePrinter"]
    with pytest.raises(PrinterOffline, match="no printer named 'Zebra'"):
        Win32Transport("Zebra").send(b"x")


def test_discovery_lists_usb_printer_class_devices() -> None:
    from printers.discovery import usb_printers

    assert [f.uri for f in usb_printers(SimulatedUsbPrinter())] == ["usb://0fe6:811e"]
    assert usb_printers(SimulatedUsbPrinter(plugged=False)) == []

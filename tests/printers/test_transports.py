"""Moving label bytes to printers: TCP, file, serial, the PNG virtual printer, and asking a printer for its status."""

from __future__ import annotations

import os
import select
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdtest.capture import TcpCapture, refused_port
from pdtest.escpos_decode import STATUS_QUERY, code128_texts, decode_escpos
from pdtest.samples import sample_waybill
from pdtest.simulator import PrinterSimulator, SerialPrinterSimulator
from PIL import Image

from printers.errors import PrinterError, PrinterOffline, PrinterWriteError
from printers.escpos import encode_label
from printers.media import Media
from printers.registry import RawPrinter, open_printer, printer_status
from printers.render import render_waybill
from printers.transports.file import FileTransport
from printers.transports.serial import SerialTransport
from printers.transports.tcp import TcpTransport
from printers.uri import parse_printer_uri

MEDIA = Media(100, 150, 203)


@pytest.fixture(scope="module")
def label() -> Image.Image:
    return render_waybill(sample_waybill(), MEDIA)


@pytest.fixture
def no_leaked_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    leaked = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not leaked, f"threads left running: {leaked}"


# -- TCP ------------------------------------------------------------------------------------------------------------


def test_tcp_delivers_exactly_the_encoded_label(label: Image.Image, no_leaked_threads: None) -> None:
    with TcpCapture() as cap:
        sent = open_printer(f"{cap.uri}?size=100x150").print_label(label, "78123456789012-1")
        (conn,) = cap.wait_for(1)
    expected = encode_label(label)
    assert sent == len(expected)
    assert conn.closed_by_peer
    assert bytes(conn.data) == expected
    decoded = decode_escpos(bytes(conn.data)).image()
    assert decoded.tobytes() == label.tobytes()
    assert code128_texts(decoded) == ["78123456789012"]


def test_tcp_one_connection_per_label(label: Image.Image) -> None:
    with TcpCapture() as cap:
        printer = open_printer(cap.uri)
        printer.print_label(label, "a")
        printer.print_label(label, "b")
        conns = cap.wait_for(2)
    assert [bytes(c.data) for c in conns] == [encode_label(label)] * 2


def test_tcp_offsets_move_the_label(label: Image.Image) -> None:
    with TcpCapture() as cap:
        open_printer(f"{cap.uri}?x=2&y=1").print_label(label, "a")  # 2 mm right, 1 mm down: 16 and 8 dots
        (conn,) = cap.wait_for(1)
    decoded = decode_escpos(bytes(conn.data)).image()
    assert decoded.size == label.size
    expected = Image.new("1", label.size, 255)
    expected.paste(label, (16, 8))
    assert decoded.tobytes() == expected.tobytes()


def test_refused_connection_raises_printer_offline(label: Image.Image) -> None:
    sock, port = refused_port()
    try:
        with pytest.raises(PrinterOffline, match=f"127.0.0.1:{port}"):
            open_printer(f"tcp://127.0.0.1:{port}").print_label(label, "a")
    finally:
        sock.close()


def test_peer_closing_mid_job_raises_printer_write_error(no_leaked_threads: None) -> None:
    payload = bytes(32 * 1024 * 1024)  # far more than the socket buffers hold, so the write really fails
    with TcpCapture(close_after=64 * 1024) as cap:
        with pytest.raises(PrinterWriteError, match="broke while sending"):
            TcpTransport("127.0.0.1", cap.port).send(payload)
        (conn,) = cap.wait_for(1)
    assert conn.reset_by_us and len(conn.data) == 64 * 1024


@pytest.mark.parametrize("lang", ["escpos", "tspl", "zpl"])
def test_printer_resetting_before_the_end_of_the_label_is_never_printed(lang: str, no_leaked_threads: None) -> None:
    """The printer stops 16,000 bytes before the end and resets a moment later (a jam, a power blip): those bytes fit
    in the socket buffers, so sendall() returns; only the printer's close would say it took them all."""
    with PrinterSimulator(lang) as sim:
        printer = open_printer(f"{sim.uri}&size=100x150")
        assert isinstance(printer, RawPrinter)
        image = render_waybill(sample_waybill(), printer.spec.media)
        job = printer.encode(image)
        sim.close_after, sim.reset_delay_s = len(job) - 16_000, 0.3
        with pytest.raises(PrinterWriteError, match="may be incomplete"):
            printer.print_label(image, "a")
        assert [len(cut) for cut in sim.cut_jobs] == [len(job) - 16_000]
        assert sim.jobs == []


def test_printer_that_takes_the_label_but_never_closes_is_not_confirmed(no_leaked_threads: None) -> None:
    # Never accepted: the kernel takes the bytes into the backlog connection, and nothing ever reads or closes it.
    with TcpCapture(accept=False) as cap:
        with pytest.raises(PrinterWriteError, match="did it print"):
            TcpTransport("127.0.0.1", cap.port, stall_s=0.3).send(b"\x1b@" + bytes(1000))


def test_slow_printer_is_waited_for_while_it_takes_the_label(label: Image.Image, no_leaked_threads: None) -> None:
    """A printer reading slower than any fixed wait: the sender waits as long as bytes keep going out."""
    with PrinterSimulator("escpos") as sim:
        sim.delay_s = 0.05  # 4 KB per 50 ms: the label takes about 1.5 s, five times the stall allowance below
        printer = RawPrinter(parse_printer_uri(sim.uri), TcpTransport("127.0.0.1", sim.port, stall_s=0.3))
        assert printer.print_label(label, "a") == len(encode_label(label))
        assert sim.jobs == [encode_label(label)]


# -- file and serial ------------------------------------------------------------------------------------------------


def test_file_appends(tmp_path: Path, label: Image.Image) -> None:
    target = tmp_path / "lp0"
    target.write_bytes(b"EARLIER")
    printer = open_printer(f"file://{target.as_posix()}")
    printer.print_label(label, "a")
    printer.print_label(label, "b")
    job = encode_label(label)
    assert target.read_bytes() == b"EARLIER" + job + job


def test_file_that_cannot_be_opened_is_offline(tmp_path: Path) -> None:
    with pytest.raises(PrinterOffline):
        FileTransport(str(tmp_path / "no" / "such" / "dir" / "lp0")).send(b"x")


def test_serial_loop_url() -> None:
    # pyserial's loop:// holds 4096 bytes and nobody reads it back here, so send a small job through it; the pty test
    # below checks a whole label byte for byte.
    data = encode_label(Image.new("1", (64, 40), 255))
    assert len(data) < 4096
    assert SerialTransport(url="loop://", rtscts=False).send(data) == len(data)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_serial_printer_on_a_pty_receives_exactly_the_label(label: Image.Image) -> None:
    master, slave = os.openpty()
    got = bytearray()
    expected = encode_label(label)
    stop = threading.Event()

    def read() -> None:
        deadline = time.monotonic() + 20
        while len(got) < len(expected) and not stop.is_set() and time.monotonic() < deadline:
            if select.select([master], [], [], 0.05)[0]:
                got.extend(os.read(master, 65536))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        # status=off: this reader never answers a status query, so nothing is asked after the label either
        uri = f"serial://{os.ttyname(slave)}?baud=115200&flow=none&status=off"
        sent = open_printer(uri).print_label(label, "a")
        reader.join(20)
    finally:
        stop.set()
        reader.join(5)
        os.close(slave)
        os.close(master)
    assert sent == len(expected)
    assert bytes(got) == expected


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_serial_label_counts_only_once_the_printer_answered_behind_it(label: Image.Image) -> None:
    with SerialPrinterSimulator(baud=460800) as sim:
        printer = open_printer(sim.uri)
        job = printer.encode(label)  # type: ignore[attr-defined]
        assert printer.print_label(label, "a") == len(job)
        assert sim.wait_jobs(1) == [job.strip()] and sim.status_queries == 1
        sim.silent = True  # it stops answering: the next label may not have been taken whole
        with pytest.raises(PrinterWriteError, match="did it print"):
            printer.print_label(label, "b")


def test_serial_port_that_does_not_exist_is_offline(tmp_path: Path) -> None:
    with pytest.raises(PrinterOffline):
        SerialTransport(str(tmp_path / "ttyUSB9"), rtscts=False).send(b"x")


# -- the PNG virtual printer ----------------------------------------------------------------------------------------


def test_png_writes_one_file_that_reloads_equal(tmp_path: Path, label: Image.Image) -> None:
    folder = tmp_path / "labels" / "today"  # created on first use
    sent = open_printer(f"png://{folder.as_posix()}").print_label(label, "78123456789012-1")
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["78123456789012-1.png"], "a .part file or another leftover is in the folder"
    path = folder / files[0]
    assert sent == path.stat().st_size
    with Image.open(path) as reloaded:
        assert reloaded.size == label.size
        assert reloaded.convert("1").tobytes() == label.tobytes()
        assert tuple(round(v) for v in reloaded.info["dpi"]) == (203, 203)


def test_png_overwrites_the_same_name_in_place(tmp_path: Path, label: Image.Image) -> None:
    printer = open_printer(f"png://{tmp_path.as_posix()}")
    printer.print_label(Image.new("1", label.size, 255), "x")
    printer.print_label(label, "x")
    assert [p.name for p in tmp_path.iterdir()] == ["x.png"]
    with Image.open(tmp_path / "x.png") as reloaded:
        assert reloaded.convert("1").tobytes() == label.tobytes()


def test_png_into_a_folder_that_is_a_file_raises(tmp_path: Path, label: Image.Image) -> None:
    blocker = tmp_path / "labels"
    blocker.write_text("not a folder")
    with pytest.raises(PrinterError, match="Cannot write labels"):
        open_printer(f"png://{blocker.as_posix()}").print_label(label, "a")


# -- status ---------------------------------------------------------------------------------------------------------


def test_png_status_is_ready(tmp_path: Path) -> None:
    status = printer_status(f"png://{(tmp_path / 'new').as_posix()}")
    assert (status.state, status.ready) == ("ready", True)
    assert status.to_json() == {"state": "ready", "ready": True, "detail": status.detail}


@pytest.mark.parametrize(
    ("answer", "state"),
    [
        (b"\x12\x12", "ready"),
        (b"\x12\x1e", "ready"),  # paper near end (bits 2, 3) still prints
        (b"\x12\x72", "paper_out"),  # bits 5, 6: paper end
        (b"\x1a\x12", "offline"),  # bit 3 of the printer status
        (b"OK", "unknown"),  # not a DLE EOT answer
        (b"\x12", "unknown"),  # half an answer, then silence
    ],
)
def test_escpos_status_over_tcp(answer: bytes, state: str, no_leaked_threads: None) -> None:
    with TcpCapture(reply=answer, reply_after=len(STATUS_QUERY)) as cap:
        status = printer_status(cap.uri)
        (conn,) = cap.wait_for(1)
    assert bytes(conn.data) == STATUS_QUERY
    assert status.state == state
    assert status.ready is (state == "ready")
    assert status.detail


def test_silent_listener_is_unknown_never_ready(no_leaked_threads: None) -> None:
    with TcpCapture() as cap:
        status = printer_status(cap.uri)
        (conn,) = cap.wait_for(1)
    assert bytes(conn.data) == STATUS_QUERY
    assert status.state == "unknown"


def test_closed_port_is_offline() -> None:
    sock, port = refused_port()
    try:
        status = printer_status(f"tcp://127.0.0.1:{port}")
    finally:
        sock.close()
    assert status.state == "offline"

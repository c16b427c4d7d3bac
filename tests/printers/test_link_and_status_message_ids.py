"""What the links to a printer and its status answers say carries ids from PRINTER_MESSAGES, so the window and the
command line can say it in the packer's language; the English stays what it was. Real sockets, files and bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdtest.capture import refused_port

from printers.errors import PRINTER_MESSAGES, PrinterOffline, PrinterUriError
from printers.registry import open_printer
from printers.status import State, parse_answer
from printers.transports.file import FileTransport
from printers.transports.tcp import TcpTransport
from printers.transports.usb import parse_usb_id


def test_an_unreachable_network_printer_says_so_with_an_id() -> None:
    sock, port = refused_port()
    try:
        with pytest.raises(PrinterOffline) as caught:
            TcpTransport("127.0.0.1", port).send(b"label")
    finally:
        sock.close()
    assert caught.value.message_id == "printer.tcp_offline" and caught.value.params == {"address": f"127.0.0.1:{port}"}
    assert str(caught.value) == f"No printer answers at 127.0.0.1:{port}. Check that it is on and on the network."


def test_a_device_file_that_cannot_be_opened_says_so_with_an_id(tmp_path: Path) -> None:
    missing = str(tmp_path / "no" / "lp0")
    with pytest.raises(PrinterOffline) as caught:
        FileTransport(missing).send(b"label")
    assert caught.value.message_id == "printer.file_cannot_open_because"
    assert str(caught.value) == f"Cannot open {missing}: No such file or directory."


@pytest.mark.parametrize(
    ("target", "message_id"), [("fe6-811e", "printer.usb_not_ids"), ("10000:1", "printer.usb_ids_range")]
)
def test_a_malformed_usb_address_says_so_with_an_id(target: str, message_id: str) -> None:
    with pytest.raises(PrinterUriError) as caught:
        parse_usb_id(target)
    assert caught.value.message_id == message_id and caught.value.params == {"target": target}


@pytest.mark.parametrize(
    ("lang", "answer", "state", "message_id", "english"),
    [
        ("escpos", None, State.UNKNOWN, "printer.status_silent", "the printer does not report its status"),
        ("escpos", b"\x12\x72", State.PAPER_OUT, "printer.status_paper_out", "the printer is out of labels"),
        ("escpos", b"\x12\x12", State.READY, "printer.status_ready", "ready"),
        ("tspl", b"\x01", State.COVER_OPEN, "printer.status_head_open", "the print head is open"),
        ("tspl", b"\x20", State.READY, "printer.status_printing", "printing"),
        ("zpl", b"\x02030,0,1,\x03\x02x\x03\x02y\x03", State.PAUSED, "printer.status_paused", "the printer is paused"),
        ("zpl", b"\x02nonsense\x03", State.UNKNOWN, "printer.status_not_zpl", "the printer's ~HS answer is not ZPL"),
    ],
)
def test_a_status_answer_carries_its_message(
    lang: str, answer: bytes | None, state: State, message_id: str, english: str
) -> None:
    status = parse_answer(lang, answer)
    assert (status.state, status.message_id, status.detail) == (state, message_id, english)
    assert PRINTER_MESSAGES[status.message_id].format_map(status.params) == status.detail


def test_an_offline_printers_status_carries_the_links_message() -> None:
    sock, port = refused_port()
    try:
        status = open_printer(f"tcp://127.0.0.1:{port}").status()
    finally:
        sock.close()
    assert status.state is State.OFFLINE and status.message_id == "printer.tcp_no_answer"
    assert status.detail == f"No printer answers at 127.0.0.1:{port}."


def test_the_virtual_printers_folder_status_carries_its_message(tmp_path: Path) -> None:
    status = open_printer(f"png://{tmp_path.as_posix()}/labels").status()
    assert status.message_id == "printer.folder_ready" and status.params == {"folder": str(tmp_path / "labels")}
    assert status.detail == f"virtual printer writing to {tmp_path / 'labels'}"


def test_a_status_given_as_text_only_keeps_its_text() -> None:
    from printers.status import PrinterStatus

    status = PrinterStatus(State.ERROR, "a fake printer's own words")
    assert PRINTER_MESSAGES[status.message_id].format_map(status.params) == "a fake printer's own words"

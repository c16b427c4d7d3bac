"""Printer refusals carry ids from PRINTER_MESSAGES (a nested reason too), so the window and the command line can say
them in the packer's language; their English stays what it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from printers.errors import PRINTER_MESSAGES, PrinterError, PrinterUriError
from printers.layouts import LayoutError, LayoutFile
from printers.media import parse_size
from printers.registry import open_printer
from printers.uri import parse_printer_uri
from printers.waybill import Waybill


def ids_of(error: PrinterError) -> list[str]:
    """The ids of an error and of every error among its parameters."""
    found = [error.message_id]
    for value in error.params.values():
        if isinstance(value, PrinterError):
            found += ids_of(value)
    return found


def refusal(action: Callable[[], object], kind: type[Exception] = PrinterError) -> PrinterError:
    with pytest.raises(kind) as caught:
        action()
    error = caught.value
    assert isinstance(error, PrinterError)
    ids = ids_of(error)
    assert "printer.text" not in ids and all(i in PRINTER_MESSAGES for i in ids), ids
    return error


@pytest.mark.parametrize(
    ("uri", "ids", "english"),
    [
        ("lpt://1", ["printer.uri_unknown"], "'lpt://1' is not a printer address PackDesk knows. Use one of: tcp://"),
        ("png://", ["printer.uri_no_target"], "'png://' names no printer: put the address after png://"),
        ("tcp://h:9100?lang=epl", ["printer.uri_invalid", "printer.uri_lang"], "'tcp://h:9100?lang=epl': lang=epl"),
        ("tcp://h:9100?dpi=72", ["printer.uri_invalid", "printer.uri_dpi"], "dpi=72 is not a thermal printer"),
        ("tcp://h:9100?dpi=hi", ["printer.uri_invalid", "printer.uri_not_whole_number"], "dpi=hi is not a whole"),
        ("tcp://h:9100?x=left", ["printer.uri_invalid", "printer.uri_not_number"], "x=left is not a number"),
        ("tcp://h", ["printer.uri_invalid", "printer.uri_tcp_port"], "a network printer needs HOST:PORT"),
        ("png:///l?size=abc", ["printer.uri_invalid", "printer.size_malformed"], "label size 'abc' is not WIDTHx"),
        ("png:///l?size=9x9", ["printer.uri_invalid", "printer.size_out_of_range"], "label size '9x9' is outside"),
    ],
)
def test_address_refusals(uri: str, ids: list[str], english: str) -> None:
    error = refusal(lambda: parse_printer_uri(uri), PrinterUriError)
    assert ids_of(error) == ids
    assert english in str(error)


def test_a_size_is_still_a_value_error() -> None:
    """parse_size's callers catch ValueError; its refusals now carry an id as well."""
    error = refusal(lambda: parse_size("100"), ValueError)
    assert error.message_id == "printer.size_malformed"
    assert str(error) == "label size '100' is not WIDTHxHEIGHT in millimetres, e.g. 100x150"


def test_registry_refusals(tmp_path: Path) -> None:
    from printers.uri import PrinterSpec

    spec = PrinterSpec(uri="lpt://1", scheme="lpt", target="1")
    assert refusal(lambda: open_printer(spec), PrinterUriError).message_id == "printer.scheme_unsupported"
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"")
    printer = open_printer(f"png://{blocker / 'labels'}")
    waybill: Waybill = _sample()
    error = refusal(lambda: printer.print_waybill(waybill, "x.png"))
    assert error.message_id == "printer.folder_unwritable" and str(blocker / "labels") in str(error)


def _sample() -> Waybill:
    from pdtest.samples import sample_waybill

    return sample_waybill()


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("[default]\nbarcod_height = 12\n", ["printer.layout_unknown_setting"]),
        ('[default]\nbarcode_height = "tall"\n', ["printer.layout_wrong_type"]),
        ("[default]\nqr_side = -3\n", ["printer.layout_negative"]),
        ('blocks = ["header", "logo"]\n', ["printer.layout_blocks"]),
        ('[size."huge"]\nscale = 1.0\n', ["printer.layout_size", "printer.size_malformed"]),
        ('default_size = "1x1"\n', ["printer.layout_default_size", "printer.size_out_of_range"]),
        ("[default\n", ["printer.layout_not_toml"]),
        ("colour = 1\n", ["printer.layout_unknown_table"]),
    ],
)
def test_layout_refusals(tmp_path: Path, text: str, ids: list[str]) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    error = refusal(lambda: LayoutFile.load(path), LayoutError)
    assert ids_of(error) == ids and "broken.toml" in str(error)

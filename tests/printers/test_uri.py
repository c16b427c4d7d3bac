"""Printer addresses (design.md): every scheme, every option, Windows forms, and errors a seller can act on."""

from __future__ import annotations

import pytest

from printers.errors import PrinterUriError
from printers.media import Media
from printers.uri import PrinterSpec, parse_printer_uri


@pytest.mark.parametrize(
    ("uri", "scheme", "target"),
    [
        ("tcp://192.168.1.50:9100", "tcp", "192.168.1.50:9100"),
        ("tcp://printer.local:9100/", "tcp", "printer.local:9100"),
        ("usb://0483:5743", "usb", "0483:5743"),
        ("serial:///dev/ttyUSB0?baud=115200", "serial", "/dev/ttyUSB0"),
        ("file:///dev/usb/lp0", "file", "/dev/usb/lp0"),
        ("file:///tmp/my%20labels/out.bin", "file", "/tmp/my labels/out.bin"),
        ("win32://Xprinter XP-420B", "win32", "Xprinter XP-420B"),
        ("win32://Xprinter%20XP-420B", "win32", "Xprinter XP-420B"),
        ("win32://Deli%20DL-888D%20(%E9%9D%A2%E5%8D%95)", "win32", "Deli DL-888D (面单)"),
        ("win32://得力 面单打印机", "win32", "得力 面单打印机"),
        ("cups://Zebra_ZD420", "cups", "Zebra_ZD420"),
        ("pdf:///home/me/labels.pdf", "pdf", "/home/me/labels.pdf"),
        ("png:///tmp/labels", "png", "/tmp/labels"),
        ("png:///tmp/my%20labels", "png", "/tmp/my labels"),
        ("  png:///tmp/labels  ", "png", "/tmp/labels"),
        ("TCP://192.168.1.50:9100", "tcp", "192.168.1.50:9100"),
    ],
)
def test_every_scheme_parses(uri: str, scheme: str, target: str) -> None:
    spec = parse_printer_uri(uri)
    assert isinstance(spec, PrinterSpec)
    assert (spec.scheme, spec.target) == (scheme, target)
    # The defaults: ESC/POS on 100x150 mm at 203 dpi, no offsets, no tuning.
    assert spec.lang == "escpos"
    assert spec.media == Media(100, 150, 203)
    assert (spec.head_dots, spec.x_mm, spec.y_mm, spec.density, spec.speed) == (None, 0.0, 0.0, None, None)


@pytest.mark.parametrize(
    ("uri", "host", "port"),
    [
        ("tcp://192.168.1.50:9100", "192.168.1.50", 9100),
        ("tcp://[::1]:9101", "::1", 9101),
        ("tcp://printer.local:9100/?lang=tspl", "printer.local", 9100),
    ],
)
def test_tcp_host_and_port(uri: str, host: str, port: int) -> None:
    assert parse_printer_uri(uri).host_port == (host, port)


def test_every_option() -> None:
    spec = parse_printer_uri(
        "tcp://10.0.0.7:9100?lang=tspl&size=76x130&dpi=300&dots=832&x=1.5&y=-0.5&density=8&speed=4&baud=9600"
    )
    assert spec.lang == "tspl"
    assert spec.media == Media(76, 130, 300)
    assert spec.head_dots == 832
    assert (spec.x_mm, spec.y_mm) == (1.5, -0.5)
    assert (spec.density, spec.speed) == (8, 4)
    assert spec.options == {"baud": "9600"}  # options PackDesk does not interpret are kept for the transport


@pytest.mark.parametrize("lang", ["escpos", "tspl", "zpl", "ZPL"])
def test_languages(lang: str) -> None:
    assert parse_printer_uri(f"usb://0483:5743?lang={lang}").lang == lang.lower()


def test_option_names_are_case_insensitive() -> None:
    spec = parse_printer_uri("cups://Label?SIZE=100x180&DPI=300&Lang=ZPL")
    assert (spec.media, spec.lang) == (Media(100, 180, 300), "zpl")


def test_serial_options_reach_the_spec() -> None:
    spec = parse_printer_uri("serial:///dev/ttyUSB0?baud=9600&flow=xonxoff&size=76x130")
    assert spec.options == {"baud": "9600", "flow": "xonxoff"}
    assert spec.media == Media(76, 130, 203)


def test_default_size_applies_only_without_a_size_option() -> None:
    assert parse_printer_uri("png:///tmp/l", default_size="76x130").media == Media(76, 130, 203)
    assert parse_printer_uri("png:///tmp/l?size=100x180", default_size="76x130").media == Media(100, 180, 203)
    with pytest.raises(PrinterUriError):
        parse_printer_uri("png:///tmp/l", default_size="big")


@pytest.mark.parametrize(
    ("uri", "target"),
    [
        ("file:///C:/labels", "C:/labels"),
        ("file:///c:/Users/me/labels.bin", "c:/Users/me/labels.bin"),
        ("pdf:///C:/Users/me/labels.pdf", "C:/Users/me/labels.pdf"),
        ("png:///D:/labels", "D:/labels"),
        ("png:///C:/Users/me/My%20Labels", "C:/Users/me/My Labels"),
    ],
)
def test_windows_drive_paths(uri: str, target: str) -> None:
    assert parse_printer_uri(uri).target == target


def test_windows_drive_path_written_with_two_slashes() -> None:
    # `packdesk demo seed` configures f"png://{labels_dir.as_posix()}", which on Windows is png://C:/Users/...;
    # the drive must not be lost (the labels would go to \Users\... on whatever drive is current).
    assert parse_printer_uri("png://C:/Users/me/AppData/Local/PackDesk/labels").target == (
        "C:/Users/me/AppData/Local/PackDesk/labels"
    )


def test_windows_serial_port_can_be_addressed() -> None:
    targets = set()
    for uri in ("serial://COM3", "serial:///COM3"):
        try:
            targets.add(parse_printer_uri(uri).target)
        except PrinterUriError:
            pass
    assert "COM3" in targets, f"neither serial://COM3 nor serial:///COM3 names port COM3: {targets}"


def test_win32_name_with_hash_keeps_its_options() -> None:
    spec = parse_printer_uri("win32://Label Printer #2?size=76x130")
    assert spec.target == "Label Printer #2"
    assert spec.media == Media(76, 130, 203), "the options after a '#' in the printer name were dropped"


def _error(uri: str) -> str:
    with pytest.raises(PrinterUriError) as info:
        parse_printer_uri(uri)
    message = str(info.value)
    assert message.strip(), "the error has no message"
    return message


@pytest.mark.parametrize("uri", ["lpt://1", "http://192.168.1.50:9100", "192.168.1.50:9100", "", "tcp:/h:9100"])
def test_unknown_scheme(uri: str) -> None:
    message = _error(uri)
    assert "tcp://" in message and "png://" in message  # says which addresses would work


@pytest.mark.parametrize("uri", ["tcp://", "png://", "file://", "win32://", "cups://?size=76x130"])
def test_missing_target(uri: str) -> None:
    assert "names no printer" in _error(uri)


@pytest.mark.parametrize("uri", ["tcp://192.168.1.50", "tcp://printer.local?lang=escpos"])
def test_missing_port(uri: str) -> None:
    message = _error(uri)
    assert "port" in message.lower(), f"the message does not say the port is missing: {message}"
    assert "invalid literal" not in message


@pytest.mark.parametrize("uri", ["tcp://192.168.1.50:0", "tcp://192.168.1.50:65536", "tcp://:9100"])
def test_bad_port_or_host(uri: str) -> None:
    assert "HOST:PORT" in _error(uri)


@pytest.mark.parametrize("size", ["abc", "100", "100x", "0x150", "200x150", "100x400", "-100x150"])
def test_bad_size(size: str) -> None:
    message = _error(f"png:///tmp/l?size={size}")
    assert f"label size '{size}'" in message  # names the size it refuses, then says what a size looks like


@pytest.mark.parametrize("dpi", ["250", "0", "72"])
def test_bad_dpi(dpi: str) -> None:
    message = _error(f"tcp://h:9100?dpi={dpi}")
    assert f"dpi={dpi}" in message and "203" in message


@pytest.mark.parametrize("lang", ["epl", "pcl", ""])
def test_bad_lang(lang: str) -> None:
    message = _error(f"tcp://h:9100?lang={lang}")
    assert "escpos" in message and "tspl" in message


@pytest.mark.parametrize("option", ["dpi=high", "x=left", "density=dark"])
def test_non_numeric_option_values_get_a_message_naming_the_option(option: str) -> None:
    name = option.split("=")[0]
    message = _error(f"tcp://h:9100?{option}")
    # The message must speak about the option, not leak Python's int()/float() wording.
    assert "invalid literal" not in message and "could not convert" not in message, message
    assert name in message.replace(f"?{option}", ""), f"the message does not name {name}: {message}"

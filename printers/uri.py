"""Printer addresses (URIs), parsed into a `PrinterSpec`.

tcp://HOST:PORT  usb://VID:PID  serial:///dev/ttyUSB0?baud=115200  file:///dev/usb/lp0  win32://PRINTER NAME
cups://QUEUE  pdf:///path/labels.pdf  png:///dir
cainiao://HOST[:13528]?printer=NAME  pddprint://HOST[:5000]?printer=NAME  (the print components, printers.components)
options: lang=escpos|tspl|zpl  size=100x150  dpi=203  dots=832  x= y= (mm)  density=  speed=
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote

from printers.errors import PrinterError, PrinterUriError
from printers.media import Media, parse_size

SCHEMES = ("tcp", "usb", "serial", "file", "win32", "cups", "pdf", "png", "cainiao", "pddprint")
# The print components' schemes and the port each one listens on unless told otherwise.
COMPONENT_PORTS = {"cainiao": 13528, "pddprint": 5000}
MAX_TIMEOUT_S = 600  # a print result later than this is not coming
LANGS = ("escpos", "tspl", "zpl")


@dataclass(frozen=True)
class PrinterSpec:
    uri: str
    scheme: str
    target: str  # host:port, VID:PID, a path, a printer or queue name
    lang: str = "escpos"
    media: Media = field(default_factory=Media)
    head_dots: int | None = None
    x_mm: float = 0.0
    y_mm: float = 0.0
    density: int | None = None
    speed: int | None = None
    options: dict[str, str] = field(default_factory=dict)

    @property
    def host_port(self) -> tuple[str, int]:
        host, _, port = self.target.rpartition(":")
        return host.strip("[]"), int(port)


def _path_of(target: str) -> str:
    # png:///C:/labels and png://C:/labels both mean C:/labels: drop the slash before a Windows drive letter
    if re.match(r"^/[A-Za-z]:", target):
        return target[1:]
    return target


def _target(scheme: str, rest: str) -> str:
    """The part between scheme:// and ?, decoded. No fragments: '#' is a character of printer names."""
    raw = unquote(rest)
    if scheme in ("tcp", "usb", "win32", "cups", *COMPONENT_PORTS):
        return raw.rstrip("/")
    if scheme == "serial" and re.fullmatch(r"/*COM\d+", raw, re.IGNORECASE):
        return raw.lstrip("/").upper()  # serial://COM3 or serial:///COM3 on Windows
    return _path_of(raw)


def _component_target(scheme: str, target: str, opts: dict[str, str]) -> str:
    """HOST:PORT of a print component, its usual port when none is given; checks its timeout= option."""
    found = re.fullmatch(r"(\[[0-9A-Fa-f:.]+\]|[^:/\[\]\s]+)(?::(\d{1,5}))?", target)
    port = int(found.group(2) or COMPONENT_PORTS[scheme]) if found else 0
    if found is None or not 0 < port < 65536:
        raise PrinterUriError("printer.component.uri_address", scheme=scheme, port=COMPONENT_PORTS[scheme])
    if "timeout" in opts:
        seconds = _number(dict(opts), "timeout", float)
        if not 0 < seconds <= MAX_TIMEOUT_S:
            raise PrinterUriError("printer.component.uri_timeout", value=opts["timeout"], most=MAX_TIMEOUT_S)
    return f"{found.group(1)}:{port}"


def _number(opts: dict[str, str], key: str, kind: type, default: str | None = None):  # type: ignore[no-untyped-def]
    value = opts.pop(key, default)
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        message_id = "printer.uri_not_whole_number" if kind is int else "printer.uri_not_number"
        raise PrinterUriError(message_id, key=key, value=value) from None


def parse_printer_uri(uri: str, *, default_size: str | None = None) -> PrinterSpec:
    """Parses a printer URI.

    Args:
        uri: the address, e.g. "tcp://192.168.1.50:9100?lang=tspl".
        default_size: label size to use when the URI has no size= option, e.g. "100x150".

    Raises:
        PrinterUriError: with a message naming what is wrong and what would be right.
    """
    text = uri.strip()
    scheme, sep, rest = text.partition("://")
    scheme = scheme.lower()
    if not sep or scheme not in SCHEMES:
        raise PrinterUriError("printer.uri_unknown", uri=uri, schemes=", ".join(f"{s}://" for s in SCHEMES))
    location, _, query = rest.partition("?")
    target = _target(scheme, location)
    if not target:
        raise PrinterUriError("printer.uri_no_target", uri=uri, scheme=scheme)
    opts = {k.lower(): v for k, v in parse_qsl(query, keep_blank_values=True)}
    try:
        lang = opts.pop("lang", "escpos").lower()
        if lang not in LANGS:
            raise PrinterUriError("printer.uri_lang", lang=lang)
        if scheme in COMPONENT_PORTS:
            target = _component_target(scheme, target, opts)
        w, h = parse_size(opts.pop("size", default_size or "100x150"))
        dpi = _number(opts, "dpi", int, "203")
        if dpi not in (203, 300, 600):
            raise PrinterUriError("printer.uri_dpi", dpi=dpi)
        spec = PrinterSpec(
            uri=text,
            scheme=scheme,
            target=target,
            lang=lang,
            media=Media(w, h, dpi),
            head_dots=_number(opts, "dots", int),
            x_mm=_number(opts, "x", float, "0"),
            y_mm=_number(opts, "y", float, "0"),
            density=_number(opts, "density", int),
            speed=_number(opts, "speed", int),
            options=opts,
        )
        if scheme == "usb":
            from printers.transports.usb import parse_usb_id

            parse_usb_id(target)
        if scheme == "tcp":
            host, _, port = target.rpartition(":")
            if not host or not port.isdigit() or not 0 < int(port) < 65536:
                raise PrinterUriError("printer.uri_tcp_port")
    except PrinterError as exc:  # PrinterUriError, or LabelSizeError from parse_size: the address says where
        raise PrinterUriError("printer.uri_invalid", uri=uri, reason=exc) from None
    return spec

"""Printer addresses (URIs) as design.md defines them, parsed into a `PrinterSpec`.

    tcp://HOST:PORT  usb://VID:PID  serial:///dev/ttyUSB0?baud=115200  file:///dev/usb/lp0  win32://PRINTER NAME
    cups://QUEUE  pdf:///path/labels.pdf  png:///dir
    options: lang=escpos|tspl|zpl  size=100x150  dpi=203  dots=832  x= y= (mm)  density=  speed=
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from printers.errors import PrinterUriError
from printers.media import Media, parse_size

SCHEMES = ("tcp", "usb", "serial", "file", "win32", "cups", "pdf", "png")
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
    # file:///C:/labels -> "/C:/labels": drop the slash before a Windows drive letter
    if len(target) > 3 and target[0] == "/" and target[2] == ":" and target[1].isalpha():
        return target[1:]
    return target


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
        raise PrinterUriError(
            f"'{uri}' is not a printer address PackDesk knows. Use one of: "
            + ", ".join(f"{s}://" for s in SCHEMES)
            + " (for example tcp://192.168.1.50:9100 or png:///home/me/labels)."
        )
    parts = urlsplit(text)
    if scheme in ("tcp", "usb", "win32", "cups"):
        target = unquote(rest.split("?", 1)[0]).rstrip("/")
    else:
        target = _path_of(unquote(parts.path))
    if not target:
        raise PrinterUriError(f"'{uri}' names no printer: put the address after {scheme}://")
    opts = {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
    try:
        lang = opts.pop("lang", "escpos").lower()
        if lang not in LANGS:
            raise PrinterUriError(f"lang={lang} is unknown; a printer speaks escpos, tspl or zpl")
        w, h = parse_size(opts.pop("size", default_size or "100x150"))
        dpi = int(opts.pop("dpi", "203"))
        if dpi not in (203, 300, 600):
            raise PrinterUriError(f"dpi={dpi} is not a thermal printer resolution (203, 300 or 600)")
        spec = PrinterSpec(
            uri=text,
            scheme=scheme,
            target=target,
            lang=lang,
            media=Media(w, h, dpi),
            head_dots=int(opts.pop("dots")) if "dots" in opts else None,
            x_mm=float(opts.pop("x", "0")),
            y_mm=float(opts.pop("y", "0")),
            density=int(opts.pop("density")) if "density" in opts else None,
            speed=int(opts.pop("speed")) if "speed" in opts else None,
            options=opts,
        )
        if scheme == "tcp":
            host, port = spec.host_port
            if not host or not 0 < port < 65536:
                raise ValueError
    except ValueError as exc:
        detail = str(exc) or "tcp:// needs HOST:PORT, e.g. tcp://192.168.1.50:9100"
        raise PrinterUriError(f"'{uri}': {detail}") from exc
    return spec

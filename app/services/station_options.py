"""How this bench works: its flows, its scanner and scale, when it locks (services layer).

The values live in config.toml as strings (`Settings`); `StationOptions` is their checked, typed form. The window's
station settings dialog fills a form, `validate` turns it into options or says in the seller's words what is wrong
(changing nothing), and `store` writes them back.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.scanning.serial_devices import parse_serial_uri
from app.services.workspace import Settings

# (lowest, highest) a bench may use; outside these a value is a typo, not a choice.
MIN_LENGTH = (1, 64)
MAX_GAP_MS = (5, 200)  # scanners send a key every 1-30 ms; people type 80 ms apart and slower
LOCK_AFTER_MIN = (0, 480)
PACKAGING_G = (0, 5000)


@dataclass(frozen=True)
class StationOptions:
    sku_first: bool = False
    confirm_scan: bool = False
    lock_after_min: int = 10
    wedge_min_length: int = 4
    wedge_max_gap_ms: int = 35
    wedge_prefix: str = ""
    wedge_suffix: str = ""
    scanner_uri: str = ""
    scale_uri: str = ""
    packaging_g: int = 0


def _number(text: str, default: int) -> int:
    try:
        return round(float(text))
    except ValueError:
        return default


def current(settings: Settings) -> StationOptions:
    """The options in `settings`; a value that is not a number shows as its default."""
    d = StationOptions()
    return StationOptions(
        sku_first=settings.sku_first,
        confirm_scan=settings.confirm_scan,
        lock_after_min=_number(settings.lock_after_min, d.lock_after_min),
        wedge_min_length=_number(settings.wedge_min_length, d.wedge_min_length),
        wedge_max_gap_ms=_number(settings.wedge_max_gap_ms, d.wedge_max_gap_ms),
        wedge_prefix=settings.wedge_prefix,
        wedge_suffix=settings.wedge_suffix,
        scanner_uri=settings.scanner_uri,
        scale_uri=settings.scale_uri,
        packaging_g=_number(settings.packaging_g, d.packaging_g),
    )


def _in_range(value: int, bounds: tuple[int, int], field: str) -> int:
    """`value` when it is within `bounds`; `field` is the id of the setting's name (station.field.*)."""
    low, high = bounds
    if not low <= value <= high:
        raise InvalidInput(msg("station.out_of_range", field=msg(field), low=low, high=high, value=value))
    return value


def _serial(uri: str, field: str) -> str:
    uri = uri.strip()
    if uri:
        try:
            parse_serial_uri(uri)
        except InvalidInput as exc:
            raise InvalidInput(msg("station.serial_invalid", field=msg(field), reason=exc.msg)) from None
    return uri


def validate(options: StationOptions) -> StationOptions:
    """`options` with addresses trimmed, when every value is usable.

    Raises:
        InvalidInput: naming the first value that is not, and why.
    """
    _in_range(options.lock_after_min, LOCK_AFTER_MIN, "station.field.lock_after")
    _in_range(options.wedge_min_length, MIN_LENGTH, "station.field.shortest_scan")
    _in_range(options.wedge_max_gap_ms, MAX_GAP_MS, "station.field.longest_gap")
    _in_range(options.packaging_g, PACKAGING_G, "station.field.packaging")
    for text, field in ((options.wedge_prefix, "station.field.prefix"), (options.wedge_suffix, "station.field.suffix")):
        if len(text) > 8 or any(not ch.isprintable() for ch in text):
            raise InvalidInput(msg("station.affix_too_long", field=msg(field)))
    scanner = _serial(options.scanner_uri, "station.field.serial_scanner")
    scale = _serial(options.scale_uri, "station.field.scale")
    if scanner and scanner == scale:
        raise InvalidInput(msg("station.same_port"))
    return StationOptions(**{**options.__dict__, "scanner_uri": scanner, "scale_uri": scale})


def store(settings: Settings, options: StationOptions) -> None:
    """Writes checked `options` into `settings` (the caller saves config.toml)."""
    settings.sku_first = options.sku_first
    settings.confirm_scan = options.confirm_scan
    settings.lock_after_min = str(options.lock_after_min)
    settings.wedge_min_length = str(options.wedge_min_length)
    settings.wedge_max_gap_ms = str(options.wedge_max_gap_ms)
    settings.wedge_prefix = options.wedge_prefix
    settings.wedge_suffix = options.wedge_suffix
    settings.scanner_uri = options.scanner_uri
    settings.scale_uri = options.scale_uri
    settings.packaging_g = str(options.packaging_g)

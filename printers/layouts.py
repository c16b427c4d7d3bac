"""Label layouts as data: resources/labels/standard.toml and carrier overrides in resources/labels/carriers/.

A layout file has a [default] table and [size."WxH"] tables; a carrier file changes only the keys it names, on top of
the standard layout. `layout_for(carrier, media)` resolves the three levels (standard default, standard size, carrier
default, carrier size) into one `Layout` with every field set. A file with an unknown key, a wrong type or an
unknown block fails with a message naming the file and the key: a layout typo must not print a wrong label.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from printers.errors import PrinterError
from printers.media import LabelSizeError, Media, parse_size
from resources import resource_path

BLOCKS = ("header", "sorting", "route", "barcode", "receiver", "sender", "details")


class LayoutError(PrinterError):
    """A layout file is malformed."""


@dataclass(frozen=True)
class Layout:
    """One label arrangement at one size; lengths and text sizes in millimetres."""

    name: str
    blocks: tuple[str, ...]
    margin: float
    scale: float
    header_text: str
    carrier_size: float
    date_size: float
    reprint_size: float
    header_band: float
    headline_size: float
    headline_min: float
    sorting_band: float
    route_size: float
    consolidation_size: float
    route_band: float
    barcode_height: float
    number_size: float
    receiver_size: float
    receiver_lines: int
    sender_size: float
    sender_lines: int
    qr_side: float
    detail_size: float


_VALUES = {f.name: f.type for f in fields(Layout) if f.name not in ("name", "blocks")}
_TYPES = {"float": (int, float), "int": (int,), "str": (str,)}


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError("printer.layout_not_toml", file=path.name, error=str(exc)) from None


def _check_values(table: dict[str, Any], file: str, where: str) -> dict[str, Any]:
    """`table` when every key is a layout setting with a value of its type; `where` names the table (" [default]")."""
    for key, value in table.items():
        if key not in _VALUES:
            known = ", ".join(sorted(_VALUES))
            raise LayoutError("printer.layout_unknown_setting", file=file, table=where, key=key, known=known)
        kinds = _TYPES[str(_VALUES[key])]
        if isinstance(value, bool) or not isinstance(value, kinds):
            kind = str(_VALUES[key])
            raise LayoutError(
                "printer.layout_wrong_type", file=file, table=where, key=key, kind=kind, value=repr(value)
            )
        if kinds != _TYPES["str"] and value < 0:
            raise LayoutError("printer.layout_negative", file=file, table=where, key=key)
    return table


@dataclass(frozen=True)
class LayoutFile:
    """A parsed layout file: its name, block order (None: inherit) and values per size ("" = default)."""

    name: str
    blocks: tuple[str, ...] | None
    sizes: dict[str, dict[str, Any]]
    default_size: str = "100x150"

    @classmethod
    def load(cls, path: Path) -> LayoutFile:
        data = _read(path)
        file = path.name
        unknown = set(data) - {"name", "blocks", "default_size", "default", "size"}
        if unknown:
            raise LayoutError("printer.layout_unknown_table", file=file, keys=", ".join(sorted(unknown)))
        blocks = data.get("blocks")
        if blocks is not None:
            bad = [b for b in blocks if b not in BLOCKS]
            if bad or len(set(blocks)) != len(blocks):
                raise LayoutError("printer.layout_blocks", file=file, known=", ".join(BLOCKS), blocks=str(blocks))
            blocks = tuple(blocks)
        sizes = {"": _check_values(data.get("default", {}), file, " [default]")}
        for size, table in data.get("size", {}).items():
            try:
                w, h = parse_size(size)
            except LabelSizeError as exc:
                raise LayoutError("printer.layout_size", file=file, size=size, reason=exc) from None
            sizes[f"{w:g}x{h:g}"] = _check_values(table, file, f' [size."{size}"]')
        try:
            dw, dh = parse_size(str(data.get("default_size", "100x150")))
        except LabelSizeError as exc:
            raise LayoutError("printer.layout_default_size", file=file, reason=exc) from None
        return cls(str(data.get("name", path.stem)), blocks, sizes, f"{dw:g}x{dh:g}")

    def for_size(self, media: Media, default_size: str) -> dict[str, Any]:
        """The [size] table of this file that fits `media`: exact, else the nearest in millimetres, where [default]
        stands for `default_size` (the stock the defaults are drawn for), so nearest to it means no override."""
        if media.size_text in self.sizes:
            return self.sizes[media.size_text]
        candidates = [k for k in self.sizes if k] + [default_size]
        best = min(candidates, key=lambda k: _distance(k, media))
        return self.sizes.get(best, {}) if best != default_size else {}


def _distance(size: str, media: Media) -> float:
    w, h = parse_size(size)
    return abs(w - media.width_mm) + abs(h - media.height_mm)


@lru_cache(maxsize=32)
def _file(*parts: str) -> LayoutFile | None:
    path = resource_path("labels", *parts)
    return LayoutFile.load(path) if path.is_file() else None


def resolve(standard: LayoutFile, carrier: LayoutFile | None, media: Media) -> Layout:
    """Merges standard default < standard size < carrier default < carrier size into a Layout."""
    values: dict[str, Any] = {}
    values.update(standard.sizes.get("", {}))
    # The standard size table is chosen by the standard file's sizes; a carrier's by its own (nearest again).
    values.update(standard.for_size(media, standard.default_size))
    if carrier:
        values.update(carrier.sizes.get("", {}))
        values.update(carrier.for_size(media, standard.default_size))
    missing = sorted(set(_VALUES) - set(values))
    if missing:
        raise LayoutError("printer.layout_missing_values", name=standard.name, keys=", ".join(missing))
    blocks = (carrier.blocks if carrier and carrier.blocks else None) or standard.blocks or BLOCKS
    name = carrier.name if carrier else standard.name
    return Layout(name=name, blocks=blocks, **{k: _coerce(k, v) for k, v in values.items()})


def _coerce(key: str, value: Any) -> Any:
    kind = str(_VALUES[key])
    return float(value) if kind == "float" else value


@lru_cache(maxsize=64)
def layout_for(carrier_code: str, media: Media) -> Layout:
    """The layout for a carrier's label on `media`: the standard one, changed by carriers/CODE.toml when it exists.

    Raises:
        LayoutError: a bundled layout file is malformed.
    """
    standard = _file("standard.toml")
    if standard is None:
        raise LayoutError("printer.layout_standard_missing")
    carrier = _file("carriers", f"{carrier_code.upper()}.toml") if carrier_code.isalnum() else None
    return resolve(standard, carrier, media)

"""The columns of a seller's product sheet: which header carries which field, in Chinese or English, and the
mapping a seller gives to name the others (sync layer, app.sync.imports.products reads the sheet).

Headers are compared as `_key` reduces them (case, spaces, underscores, hyphens, asterisks and full-width
parentheses do not count). A seller's mapping wins over the names recognised; a column no field uses is listed, so
the window can show what was left out before the seller confirms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.product_sheet import ALIASES, FIELDS
from app.sync.imports.cells import normalize_header
from app.sync.imports.reading import FileError

HEADER_SEARCH = 10  # rows a header may sit under (a sheet's title, a note)
_KEY_NOISE = re.compile(r"[\s_\-*]+")


def _key(header: str) -> str:
    return _KEY_NOISE.sub("", normalize_header(header)).lower()


_FIELD_OF = {name: f for f, names in FIELDS.items() for name in names}


def parse_map(items: Sequence[str]) -> dict[str, str]:
    """`--map FIELD=HEADER` arguments as field -> header ("" to use no column for the field).

    Raises:
        InvalidInput: an item without "=", or an unknown field.
    """
    mapping: dict[str, str] = {}
    for item in items:
        name, sep, header = item.partition("=")
        if not sep:
            raise InvalidInput(msg("products.map.malformed", text=item))
        key = name.strip().lower().replace("-", "_")
        key = ALIASES.get(key, key)
        if key not in FIELDS:
            raise InvalidInput(msg("products.map.unknown_field", field=name.strip(), known=", ".join(FIELDS)))
        mapping[key] = header.strip()
    return mapping


@dataclass(frozen=True)
class SheetColumns:
    """Which column carries each field, as found (or as the seller said): what the window shows to confirm."""

    sheet: str  # the workbook's sheet ("" for a text file)
    header_row: int  # as Excel numbers it
    columns: dict[str, tuple[str, int]]  # field -> (the header as the file spells it, column index)
    ignored: tuple[str, ...]  # headers no field uses

    @property
    def mapping(self) -> dict[str, str]:
        return {name: header for name, (header, _index) in self.columns.items()}


def _columns(header: Sequence[str], given: Mapping[str, str]) -> dict[str, tuple[str, int]]:
    """Field -> (header, index) for one header row: the seller's mapping first, then the names recognised."""
    keys = [_key(h) for h in header]
    columns: dict[str, tuple[str, int]] = {}
    taken: dict[int, str] = {}
    for name, wanted in given.items():
        if not wanted:
            continue
        index = next((i for i, k in enumerate(keys) if k == _key(wanted)), None)
        if index is None:
            raise _Missing(name, wanted)
        if index in taken:
            raise FileError(msg("products.map.same_header", header=wanted, first=taken[index], second=name))
        columns[name], taken[index] = (header[index].strip(), index), name
    for index, key in enumerate(keys):
        name = _FIELD_OF.get(key)
        if name is None or name in given or name in columns or index in taken:
            continue
        columns[name], taken[index] = (header[index].strip(), index), name
    if "weight_g" in columns:  # grams are PackDesk's unit: a kilogram column beside a gram one is left out
        columns.pop("weight_kg", None)
    if "sku" not in columns and "outer_id" in columns and "sku" not in given:
        columns["sku"] = columns.pop("outer_id")  # a sheet of single-SKU items keyed by the item's code
    return columns


class _Missing(Exception):
    def __init__(self, name: str, header: str) -> None:
        super().__init__(header)
        self.name, self.header = name, header


def locate(records: Sequence[Sequence[str]], given: Mapping[str, str], sheet: str = "") -> SheetColumns:
    """Finds the header row (in the first `HEADER_SEARCH` rows: the first naming a SKU column) and its columns.

    Raises:
        FileError: no row names a SKU column, or a column the seller named is not in the header.
    """
    missing: _Missing | None = None
    for number, header in enumerate(records[:HEADER_SEARCH], start=1):
        try:
            columns = _columns(header, given)
        except _Missing as exc:
            missing = missing or exc
            continue
        if "sku" in columns:
            used = {index for _name, index in columns.values()}
            ignored = tuple(h.strip() for i, h in enumerate(header) if i not in used and h.strip())
            return SheetColumns(sheet, number, columns, ignored)
    first = next((row for row in records if any(c.strip() for c in row)), [])
    if missing is not None:
        headers = ", ".join(h.strip() for h in first if h.strip())
        field_name = msg(f"products.field.{missing.name}")
        raise FileError(msg("products.file.no_column", header=missing.header, field=field_name, headers=headers))
    seen = ", ".join(c.strip() for c in list(first)[:8] if c.strip())
    raise FileError(msg("products.file.no_sku_column", first=seen or msg("import.file.empty_header")))

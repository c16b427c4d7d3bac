"""Seller-centre file imports: Taobao's order report with its item report, Pinduoduo and JD order exports (sync layer).

A seller exports orders from the platform's back office and hands the files to `import_files`. The package is split
along the import's seams: `reading` (bytes, encodings, the sheet of rows), `formats` (each platform's export columns
and texts), `cells` (amounts, quantities, times, phone numbers, with their limits), `address` (a Chinese address's
levels) and `assembly` (rows to orders, the report of rejected rows, the import itself).
"""

from __future__ import annotations

from app.sync.imports.address import split_address
from app.sync.imports.assembly import import_files
from app.sync.imports.cells import (
    CellError,
    clean_cell,
    normalize_header,
    parse_amount,
    parse_order_no,
    parse_quantity,
    parse_time,
)
from app.sync.imports.formats import (
    FORMAT_NAMES,
    FORMAT_PLATFORM,
    FORMATS,
    JD,
    PDD,
    TAOBAO_ITEMS,
    TAOBAO_ORDERS,
    detect_format,
    map_refund,
    map_status,
)
from app.sync.imports.reading import decode
from app.sync.imports.report import FileReport, ImportReport

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "FORMAT_PLATFORM",
    "JD",
    "PDD",
    "TAOBAO_ITEMS",
    "TAOBAO_ORDERS",
    "CellError",
    "FileReport",
    "ImportReport",
    "clean_cell",
    "decode",
    "detect_format",
    "import_files",
    "map_refund",
    "map_status",
    "normalize_header",
    "parse_amount",
    "parse_order_no",
    "parse_quantity",
    "parse_time",
    "split_address",
]

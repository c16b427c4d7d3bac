"""The seller centre's bulk-ship file (批量发货): order number, carrier, tracking number, as each platform imports it
(sync layer).

A shop without an API connection (filled by imports, or the demo) cannot report its shipments from here; the seller
uploads this file in the seller centre instead. Each platform's importer wants its own column titles and its own
spelling of the carrier. The platforms' API documents do not cover these templates, so
the layouts below are PackDesk's choice from the platforms' downloadable templates as sellers describe them; they are
unverified against a live seller centre, and kept in this one table so a correction is one line:

- Taobao and Tmall (千牛 → 发货 → 批量发货 → 导入运单号): 订单编号, 物流公司, 运单号; carriers by Taobao's company name.
- Pinduoduo (发货管理 → 批量发货): 订单号, 快递公司, 快递单号.
- JD (订单管理 → 批量出库): 订单号, 物流公司, 运单号.
- Any other platform: 订单号, 物流公司, 运单号 with the carrier's usual name.

.xlsx is the safer file: order numbers (19 digits on Taobao) are stored as text, so Excel cannot turn them into
5.11861E+18. The .csv is UTF-8 with a byte-order mark, which Excel and the seller centres read as UTF-8.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import InvalidInput, PackDeskError
from app.domain.messages import msg
from app.domain.tracking import CARRIERS

SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class BulkShipFormat:
    """One platform's import layout: the three column titles and its names for PackDesk's carrier codes."""

    headers: tuple[str, str, str]  # order number, carrier, tracking number
    carrier_names: dict[str, str] = field(default_factory=dict)

    def carrier_name(self, code: str) -> str:
        """The platform's name for carrier `code` (the carrier's usual name, or the code, when it has none)."""
        known = CARRIERS.get(code)
        return self.carrier_names.get(code) or (known.name if known else code)


_TAOBAO = BulkShipFormat(("订单编号", "物流公司", "运单号"), {"EMS": "EMS", "POSTB": "邮政快递包裹"})
_PDD_JD_NAMES = {
    "ZTO": "中通快递",
    "YTO": "圆通快递",
    "STO": "申通快递",
    "YUNDA": "韵达快递",
    "SF": "顺丰快递",
    "JT": "极兔速递",
    "EMS": "邮政EMS",
    "POSTB": "邮政快递包裹",
}
FORMATS: dict[str, BulkShipFormat] = {
    "taobao": _TAOBAO,
    "tmall": _TAOBAO,
    "pdd": BulkShipFormat(("订单号", "快递公司", "快递单号"), _PDD_JD_NAMES),
    "jd": BulkShipFormat(("订单号", "物流公司", "运单号"), _PDD_JD_NAMES),
}
OTHER = BulkShipFormat(("订单号", "物流公司", "运单号"))


def format_for(platform: str) -> BulkShipFormat:
    return FORMATS.get(platform, OTHER)


def check_path(path: Path) -> None:
    """Refuses a file name PackDesk cannot write a bulk-ship file to, before anything is read or changed.

    Raises:
        InvalidInput: not .csv/.xlsx, or its folder does not exist.
    """
    if path.suffix.lower() not in SUFFIXES:
        raise InvalidInput(msg("bulk_ship.suffix", name=path.name))
    if not path.parent.is_dir():
        raise InvalidInput(msg("bulk_ship.no_folder", folder=str(path.parent)))


def write_bulk_ship(path: Path, fmt: BulkShipFormat, rows: Sequence[tuple[str, str, str]]) -> None:
    """Writes `rows` (order number, carrier code, tracking number) as the platform's bulk-ship file at `path`.

    The file is written beside `path` and moved over it at the end, so a crash never leaves half a file there.

    Raises:
        InvalidInput: see check_path.
        PackDeskError: the file cannot be written (no permission, disk full, open in Excel on Windows).
    """
    check_path(path)
    table = [list(fmt.headers)] + [[order_no, fmt.carrier_name(code), tracking] for order_no, code, tracking in rows]
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        if path.suffix.lower() == ".xlsx":
            os.close(fd)
            _write_xlsx(Path(tmp), table)
        else:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerows(table)
        os.replace(tmp, path)
    except OSError as exc:
        raise PackDeskError(msg("bulk_ship.cannot_write", path=str(path), error=exc.strerror or str(exc))) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write_xlsx(path: Path, table: list[list[str]]) -> None:
    from openpyxl import Workbook  # only this command needs it

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "批量发货"
    for row in table:
        sheet.append(row)
    for column, width in zip("ABC", (24, 16, 24), strict=True):
        sheet.column_dimensions[column].width = width
        for cell in sheet[column]:
            cell.number_format = "@"  # text: Excel keeps long order numbers as typed
    book.save(path)

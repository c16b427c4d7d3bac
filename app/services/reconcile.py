"""Courier reconciliation (快递对账): a carrier's bill matched against the waybill numbers PackDesk used (services
layer).

The bill is a CSV (UTF-8, else GB18030; comma or tab separated) or an .xlsx workbook whose header row names a
tracking-number column and, optionally, weight and fee columns (Chinese or English names; weights in kg unless the
header says grams). It is matched against the parcels of that carrier: numbers billed that PackDesk never used
(billed but not ours) or voided, parcels shipped in the bill's period that are not on it (ours but not billed), and
weights that differ from what PackDesk knows (the catalogue weights of the order's items plus the packaging setting,
only where every item has a weight; other parcels are listed as of unknown weight). The period is given, else the
China-time days from the first to the last shipment of the billed numbers PackDesk knows.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.services.reports import check_range, china_day, day_start

_TRACKING = (
    "运单号",
    "快递单号",
    "运单编号",
    "单号",
    "物流单号",
    "tracking_no",
    "tracking number",
    "tracking",
    "waybill",
)
_WEIGHT = ("计费重量", "结算重量", "重量", "weight")
_FEE = ("运费", "费用", "金额", "结算金额", "fee", "amount", "charge")
_GRAMS = re.compile(r"(\(|（|\b)(g|克)(\)|）|\b)", re.IGNORECASE)


@dataclass(frozen=True)
class BillLine:
    row: int  # the row number in the file (1: the header)
    tracking_no: str
    weight_g: int | None
    fee: Decimal | None

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "tracking_no": self.tracking_no,
            "weight_kg": None if self.weight_g is None else self.weight_g / 1000,
            "fee": None if self.fee is None else str(self.fee),
        }


@dataclass(frozen=True)
class OurParcel:
    tracking_no: str
    order_no: str
    shop: str
    state: str
    shipped_at: datetime | None
    known_g: int | None  # what PackDesk expects the parcel to weigh (None: an item has no weight)

    def to_json(self) -> dict[str, Any]:
        return {
            "tracking_no": self.tracking_no,
            "order_no": self.order_no,
            "shop": self.shop,
            "state": self.state,
            "shipped_at": None if self.shipped_at is None else self.shipped_at.isoformat(),
            "known_weight_kg": None if self.known_g is None else self.known_g / 1000,
        }


@dataclass(frozen=True)
class WeightDifference:
    tracking_no: str
    order_no: str
    billed_g: int
    known_g: int

    def to_json(self) -> dict[str, Any]:
        return {
            "tracking_no": self.tracking_no,
            "order_no": self.order_no,
            "billed_kg": self.billed_g / 1000,
            "known_kg": self.known_g / 1000,
            "difference_kg": (self.billed_g - self.known_g) / 1000,
        }


@dataclass(frozen=True)
class Reconciliation:
    carrier: str
    period: tuple[date, date] | None
    billed: int
    matched: int
    billed_fee: Decimal
    billed_not_ours: tuple[BillLine, ...]
    billed_voided: tuple[BillLine, ...]  # numbers PackDesk took and voided: their parcels should not exist
    ours_not_billed: tuple[OurParcel, ...]
    weight_differences: tuple[WeightDifference, ...]
    weight_unknown: tuple[str, ...]  # billed numbers of ours whose weight PackDesk does not know
    duplicates: tuple[BillLine, ...]  # a number billed twice (every line after its first)

    def to_json(self) -> dict[str, Any]:
        return {
            "carrier": self.carrier,
            "period": None if self.period is None else {"from": self.period[0].isoformat(),
                                                        "to": self.period[1].isoformat()},
            "billed": self.billed,
            "matched": self.matched,
            "billed_fee": str(self.billed_fee),
            "billed_not_ours": [b.to_json() for b in self.billed_not_ours],
            "billed_voided": [b.to_json() for b in self.billed_voided],
            "ours_not_billed": [p.to_json() for p in self.ours_not_billed],
            "weight_differences": [w.to_json() for w in self.weight_differences],
            "weight_unknown": list(self.weight_unknown),
            "duplicates": [b.to_json() for b in self.duplicates],
        }  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value).strip()
    if s.startswith('="') and s.endswith('"'):  # Excel's keep-as-text wrapper around long numbers
        s = s[2:-1]
    return s.strip().lstrip("'\t")


def _records(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(msg("reconcile.unreadable", path=str(path), error=exc.strerror or str(exc))) from None
    if data.startswith(b"PK\x03\x04"):
        import zipfile

        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise InvalidInput(msg("reconcile.unreadable", path=str(path), error=str(exc))) from None
        try:
            for sheet in book.worksheets:
                rows = [[_cell(c) for c in row] for row in sheet.iter_rows(values_only=True)]
                if _header(rows) is not None:
                    return rows
            return []
        finally:
            book.close()
    try:
        text_value = _decode(data)
    except UnicodeDecodeError:
        raise InvalidInput(msg("reconcile.unreadable", path=str(path), error="not text")) from None
    first = text_value.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        return [[_cell(c) for c in row] for row in csv.reader(io.StringIO(text_value, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise InvalidInput(msg("reconcile.unreadable", path=str(path), error=str(exc))) from None


def _decode(data: bytes) -> str:
    """UTF-8 (with or without its BOM), else GB18030 (GBK's superset, what older carrier systems write)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _find(names: list[str], wanted: tuple[str, ...]) -> int | None:
    for want in wanted:
        for i, name in enumerate(names):
            if name.lower().replace("_", " ").startswith(want.replace("_", " ")):
                return i
    return None


def _header(rows: list[list[str]]) -> tuple[int, int, int | None, int | None, bool] | None:
    """(header row index, tracking, weight, fee column, weights in grams) of the first row naming a tracking
    column among the first ten."""
    for at, row in enumerate(rows[:10]):
        names = [c.strip() for c in row]
        tracking = _find(names, _TRACKING)
        if tracking is not None:
            weight = _find(names, _WEIGHT)
            grams = weight is not None and bool(_GRAMS.search(names[weight])) and "kg" not in names[weight].lower()
            return at, tracking, weight, _find(names, _FEE), grams
    return None


def _number(value: str, row: int, what: str) -> Decimal | None:
    cleaned = value.replace(",", "").replace("¥", "").replace("￥", "").strip()
    cleaned = re.sub(r"(kg|千克|公斤|g|克|元)$", "", cleaned, flags=re.IGNORECASE).strip()
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput(msg("reconcile.bad_row", row=row, value=value, what=what)) from None
    if not number.is_finite() or number < 0:
        raise InvalidInput(msg("reconcile.bad_row", row=row, value=value, what=what))
    return number


def read_bill(path: Path) -> list[BillLine]:
    """The bill's lines (blank rows left out).

    Raises:
        InvalidInput: the file cannot be read, has no tracking-number column, lists nothing, or a weight or fee
            is not a number (the row is named).
    """
    path = Path(path)
    rows = _records(path)
    found = _header(rows)
    if found is None:
        raise InvalidInput(msg("reconcile.no_columns", path=str(path)))
    at, tracking, weight, fee, grams = found
    lines = []
    for number, row in enumerate(rows[at + 1 :], start=at + 2):
        cells = row + [""] * (max(tracking, weight or 0, fee or 0) + 1 - len(row))
        tracking_no = re.sub(r"\s+", "", cells[tracking]).upper()
        if not tracking_no:
            continue
        kg = _number(cells[weight], number, "weight") if weight is not None else None
        grams_value = None if kg is None else int((kg if grams else kg * 1000).to_integral_value())
        money = _number(cells[fee], number, "fee") if fee is not None else None
        lines.append(BillLine(number, tracking_no, grams_value, money))
    if not lines:
        raise InvalidInput(msg("reconcile.empty", path=str(path)))
    return lines


def _parse(value: Any) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


_PARCELS = (
    "SELECT p.tracking_no, o.order_no, s.name, p.state, p.shipped_at, p.order_id FROM packages p "
    "JOIN orders o ON o.id = p.order_id JOIN shops s ON s.id = o.shop_id WHERE p.carrier = :carrier AND "
)
# An order's weight as the catalogue knows it: NULL when any of its lines has no product or no weight.
_WEIGHTS = (
    "SELECT l.order_id, CASE WHEN COUNT(*) = COUNT(CASE WHEN p.weight_g > 0 THEN 1 END) "
    "THEN SUM(p.weight_g * l.qty) END FROM order_lines l LEFT JOIN products p ON p.sku = l.sku "
    "WHERE l.order_id IN (SELECT value FROM json_each(:ids)) GROUP BY l.order_id"
)


def _ours(session: Session, rows: list[Any], packaging_g: int) -> list[OurParcel]:
    ids = sorted({int(r[5]) for r in rows})
    weights = dict(session.execute(text(_WEIGHTS), {"ids": json.dumps(ids)}).all()) if ids else {}
    return [
        OurParcel(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            _parse(r[4]),
            None if weights.get(r[5]) is None else int(weights[r[5]]) + packaging_g,
        )  # fmt: skip
        for r in rows
    ]


def reconcile(
    session_factory: sessionmaker[Session], bill: list[BillLine], carrier: str, *,
    date_from: date | None = None, date_to: date | None = None, tolerance_g: int = 300, packaging_g: int = 0,
) -> Reconciliation:  # fmt: skip
    """Matches `bill` against the numbers of `carrier` PackDesk used.

    Args:
        date_from, date_to: the bill's period (China-time days of shipment); default: from the first to the last
            shipment of the billed numbers PackDesk knows.
        tolerance_g: a weight differing by no more than this is not listed.
        packaging_g: box and filler added to the items' weight.

    Raises:
        InvalidInput: an unknown carrier, or a period whose dates are reversed.
    """
    code = carrier.strip().upper()
    seen: dict[str, BillLine] = {}
    duplicates = []
    for line in bill:
        if line.tracking_no in seen:
            duplicates.append(line)
        else:
            seen[line.tracking_no] = line
    with session_factory() as session:
        used = [str(c) for (c,) in session.execute(text("SELECT DISTINCT carrier FROM packages")).all()]
        if code not in used:
            raise InvalidInput(msg("reconcile.unknown_carrier", carrier=carrier, known=", ".join(sorted(used)) or "-"))
        billed_rows = session.execute(
            text(_PARCELS + "p.tracking_no IN (SELECT value FROM json_each(:numbers))"),
            {"carrier": code, "numbers": json.dumps(list(seen))},
        ).all()
        matched = {p.tracking_no: p for p in _ours(session, list(billed_rows), packaging_g)}
        period = _period(matched.values(), date_from, date_to)
        unbilled: list[OurParcel] = []
        if period is not None:
            rows = session.execute(
                text(_PARCELS + "p.state = 'shipped' AND p.shipped_at >= :start AND p.shipped_at < :end "
                     "ORDER BY p.shipped_at, p.id"),
                {"carrier": code, "start": _stamp(day_start(period[0])),
                 "end": _stamp(day_start(period[1] + timedelta(days=1)))},
            ).all()  # fmt: skip
            unbilled = [p for p in _ours(session, [r for r in rows if r[0] not in seen], packaging_g)]
    not_ours = tuple(line for number, line in seen.items() if number not in matched)
    voided = tuple(seen[n] for n, p in matched.items() if p.state == "void")
    differences, unknown = [], []
    for number, parcel in matched.items():
        line = seen[number]
        if line.weight_g is None or parcel.state == "void":
            continue
        if parcel.known_g is None:
            unknown.append(number)
        elif abs(line.weight_g - parcel.known_g) > tolerance_g:
            differences.append(WeightDifference(number, parcel.order_no, line.weight_g, parcel.known_g))
    return Reconciliation(
        code, period, len(seen), len(matched) - len(voided), sum((b.fee or Decimal(0) for b in bill), Decimal(0)),
        not_ours, voided, tuple(unbilled), tuple(differences), tuple(unknown), tuple(duplicates),
    )  # fmt: skip


def _period(matched: Any, date_from: date | None, date_to: date | None) -> tuple[date, date] | None:
    days = [china_day(p.shipped_at) for p in matched if p.shipped_at is not None]
    start = date_from or (min(days) if days else None)
    end = date_to or (max(days) if days else None)
    if start is None or end is None:
        return None
    check_range(start, end)
    return start, end


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

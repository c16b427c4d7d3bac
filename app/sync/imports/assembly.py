"""From rows to orders, and the import itself: which rows make one order, and the report of every rejected row
(sync layer).

What makes one order:
- Taobao: one row of the order report (订单报表) plus its rows in the item report (宝贝报表), joined on 订单编号.
- Pinduoduo and JD: one row per line; the rows with the same order number are one order, whose order-level fields
  (status, receiver, times, amounts) come from its first good row.
An order imports from its good rows; an order left without a good line is not imported. Orders still waiting for
payment are skipped (counted, not rejected): there is nothing to pack yet. A row that cannot be trusted is rejected
with its row number as Excel shows it (the header is row 1) and a reason the seller can act on; the rest of the file
still imports. Orders go through `app.sync.store.upsert_orders`, so importing the same file again changes nothing.

Times in the files are China time; PlatformOrder holds aware UTC. Without a promised ship time (承诺发货时间) the
ship-by deadline is the pay time plus DEFAULT_SHIP_WITHIN (48 h). Lines without a sub-order number (子订单编号) are
numbered ORDER_NO-N, N being the line's position among its order's rows in file order, so a re-import finds them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.enums import OrderStatus, Platform, RefundStatus
from app.domain.errors import InvalidInput
from app.domain.masking import mask_name, mask_phone
from app.domain.messages import msg
from app.domain.orders import DEFAULT_SHIP_WITHIN
from app.persistence.shops import ShopRepository
from app.sync.imports.address import split_address
from app.sync.imports.cells import CENT, parse_amount, parse_phone, parse_quantity, parse_time, why
from app.sync.imports.formats import (
    FORMAT_PLATFORM,
    FORMATS,
    JD,
    PDD,
    SHOP_TAKES,
    TAOBAO_ITEMS,
    TAOBAO_ORDERS,
    map_refund,
    map_status,
)
from app.sync.imports.reading import FileError, Reject, Row, Table, read_export
from app.sync.imports.report import FileReport, ImportReport
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.shops import ensure_shop
from app.sync.store import upsert_orders


class _Skip(Exception):
    """The row's order is not paid yet: nothing to pack, nothing wrong."""


@dataclass
class _Head:
    """The order-level fields of one row."""

    row: int
    order: PlatformOrder  # without lines yet
    units: int | None = None  # Taobao 宝贝总数量


@dataclass
class _Line:
    """One line row, before it knows its line number."""

    file: FileReport
    row: int
    order_no: str
    line: PlatformLine
    qty_known: bool
    position: int  # among its order's rows, 1-based
    status: OrderStatus | None = None  # Taobao item report: the line's own status


def _head(row: Row, order_no: str, now: datetime) -> _Head:
    status_text = row.text("status")
    try:
        status = map_status(status_text)
    except ValueError as exc:
        raise Reject(why(exc)) from None
    if status is None:
        raise _Skip
    paid_text = row.text("paid") or row.text("created")  # JD cash-on-delivery orders have no payment time
    if not paid_text:
        if status is OrderStatus.CLOSED:
            raise _Skip  # closed before payment: never an order to pack
        raise Reject(msg("import.row.paid_empty", column=row.name("paid")))
    paid_at = row.parse("paid" if row.text("paid") else "created", parse_time)
    promised = row.parse("promise", parse_time) if row.text("promise") else None
    deadline = promised or paid_at + DEFAULT_SHIP_WITHIN  # the cache applies the seller's rules (app.sync.store)
    if row.has("province"):  # PDD: one column per level
        province, city, district, detail = (
            row.text("province"),
            row.text("city"),
            row.text("district"),
            row.text("street"),
        )
    else:
        province, city, district, detail = split_address(row.text("address_changed") or row.text("address"))
    phone = parse_phone(row.text("mobile") or row.text("phone"))
    if row.text("extension"):
        phone = f"{phone}-{row.text('extension')}"
    flag = row.text("flag")
    order = PlatformOrder(
        order_no=order_no,
        status=status,
        platform_status=status_text,
        paid_at=paid_at,
        deadline=deadline,
        promised_at=promised,
        modified_at=now,
        lines=(),
        buyer_nick=row.text("nick"),
        receiver_name=mask_name(row.text("name")),  # masked as the cache keeps it
        receiver_phone=mask_phone(phone),
        receiver_province=province,
        receiver_city=city,
        receiver_district=district,
        receiver_address=detail,
        buyer_message=row.text("message"),
        seller_memo=row.text("memo"),
        flag=int(flag) if flag in ("1", "2", "3", "4", "5") else 0,
        total=row.parse("total", parse_amount) if row.has("total") else Decimal("0.00"),
        post_fee=row.parse("post_fee", parse_amount) if row.has("post_fee") else Decimal("0.00"),
    )
    try:
        units: int | None = parse_quantity(row.text("units"))
    except ValueError:
        units = None  # only needed when the item report has no quantities; _finish says so then
    return _Head(row.number, order, units)


def _line(report: FileReport, row: Row, order_no: str, position: int) -> _Line:
    title = row.text("title")
    sku = row.text("sku") or row.text("sku_alt") or title
    if not sku:
        raise Reject(msg("import.row.no_title"))
    qty = row.parse("qty", parse_quantity) if row.has("qty") else 1
    if row.has("price"):
        price = row.parse("price", parse_amount)
    elif row.has("line_total"):  # PDD gives the line's goods total
        price = (row.parse("line_total", parse_amount) / qty).quantize(CENT)
    else:
        price = Decimal("0.00")
    line_no = row.order_no("line_no", "sub-order number") if row.text("line_no") else ""
    status: OrderStatus | None = None
    if row.text("line_status"):
        try:
            status = map_status(row.text("line_status"))
        except ValueError:
            status = None  # the order's own status decides; a line status only refines it
    line = PlatformLine(
        line_no=line_no,
        sku=sku,
        title=title or sku,
        qty=qty,
        price=price,
        spec=row.text("spec"),
        refund_status=map_refund(row.text("refund")),
    )
    return _Line(report, row.number, order_no, line, row.has("qty"), position, status)


def _finish(head: _Head, lines: list[_Line]) -> PlatformOrder | None:
    """The order with the lines that survive (bad ones rejected in their files); None when none does."""
    order, built, seen = head.order, [], {}
    for ln in lines:
        line = ln.line
        if not ln.qty_known:  # an item report without 购买数量: only a one-line order knows its quantity
            if len(lines) != 1 or head.units is None:
                ln.file.reject(ln.row, msg("import.row.no_quantity", order_no=order.order_no, lines=len(lines)))
                continue
            line = replace(line, qty=head.units)
        line_no = line.line_no or f"{order.order_no}-{ln.position}"
        if line_no in seen:
            ln.file.reject(ln.row, msg("import.row.line_twice", line_no=line_no, row=seen[line_no]))
            continue
        seen[line_no] = ln.row
        if order.status.is_open and ln.status is OrderStatus.CLOSED and line.refund_status is RefundStatus.NONE:
            line = replace(line, refund_status=RefundStatus.REFUNDED)  # a closed sub-order of a live order: refunded
        if order.status.is_open and ln.status is OrderStatus.SHIPPED:
            line = replace(line, shipped=True)
        built.append(replace(line, line_no=line_no))
    if not built:
        return None
    status = order.status
    if status is OrderStatus.AWAITING_SHIPMENT and any(ln.shipped for ln in built):
        status = OrderStatus.PARTLY_SHIPPED
    return replace(order, status=status, lines=tuple(built))


@dataclass
class _Loaded:
    report: FileReport
    table: Table | None = None
    orders: list[PlatformOrder] = field(default_factory=list)


def _line_rows(loaded: _Loaded, now: datetime) -> None:
    """Pinduoduo and JD: one row per line, rows of one order merged."""
    assert loaded.table is not None
    report = loaded.report
    heads: dict[str, _Head] = {}
    lines: dict[str, list[_Line]] = {}
    positions: dict[str, int] = {}
    skipped: set[str] = set()
    for number, cells in loaded.table.rows:
        row = Row(number, cells, loaded.table)
        try:
            order_no = row.order_no()
            positions[order_no] = position = positions.get(order_no, 0) + 1
            row.check_dates()
            head = _head(row, order_no, now)
            line = _line(report, row, order_no, position)
        except _Skip:
            skipped.add(order_no)
            continue
        except Reject as exc:
            report.reject(number, exc.msg)
            continue
        heads.setdefault(order_no, head)
        lines.setdefault(order_no, []).append(line)
    report.skipped = len(skipped - heads.keys())
    for order_no, head in heads.items():
        order = _finish(head, lines[order_no])
        if order is not None:
            loaded.orders.append(order)


def _taobao(order_files: list[_Loaded], item_files: list[_Loaded], now: datetime) -> None:
    """Taobao: order report rows joined with item report rows on the order number."""
    items: dict[str, list[_Line]] = {}
    item_rows: dict[str, int] = {}  # item rows per order with a readable order number, rejected ones included
    for loaded in item_files:
        assert loaded.table is not None
        for number, cells in loaded.table.rows:
            row = Row(number, cells, loaded.table)
            try:
                order_no = row.order_no()
                item_rows[order_no] = item_rows.get(order_no, 0) + 1
                row.check_dates()
                items.setdefault(order_no, []).append(_line(loaded.report, row, order_no, item_rows[order_no]))
            except Reject as exc:
                loaded.report.reject(number, exc.msg)
    accounted: set[str] = set()  # orders the order reports spoke of, imported or not
    for loaded in order_files:
        assert loaded.table is not None
        first_row: dict[str, int] = {}
        skipped = 0
        for number, cells in loaded.table.rows:
            row = Row(number, cells, loaded.table)
            try:
                order_no = row.order_no()
                accounted.add(order_no)
                if order_no in first_row:
                    raise Reject(msg("import.row.order_twice", order_no=order_no, row=first_row[order_no]))
                first_row[order_no] = number
                row.check_dates()
                head = _head(row, order_no, now)
            except _Skip:
                skipped += 1
                continue
            except Reject as exc:
                loaded.report.reject(number, exc.msg)
                continue
            order = _finish(head, items.get(order_no, []))
            if order is not None:
                loaded.orders.append(order)
            elif item_rows.get(order_no):
                loaded.report.reject(number, msg("import.row.lines_rejected", order_no=order_no))
            else:
                loaded.report.reject(number, msg("import.row.no_lines", order_no=order_no))
        loaded.report.skipped = skipped
    for order_no, lines in items.items():
        if order_no not in accounted:
            for ln in lines:
                ln.file.reject(ln.row, msg("import.row.not_in_order_report", order_no=order_no))


def import_files(
    session: Session, paths: Sequence[Path | str], shop_name: str, now: datetime, platform: Platform | None = None
) -> ImportReport:
    """Imports seller-centre exports into the shop called `shop_name` (created when new), in the caller's transaction.

    Args:
        paths: the files; a Taobao order report needs its item report among them (and the other way round).
        shop_name: the shop the orders belong to.
        now: the import time (stored as the orders' `modified_at`).
        platform: the shop's platform when it is created; by default the platform of the existing shop, else the
            one the first recognised file comes from.

    Returns:
        What became of each file. A file that cannot be read or recognised carries an `error` and imports nothing;
        the other files still import.

    Raises:
        InvalidInput: an empty shop name, or a shop that exists on another platform than `platform`.
    """
    if not shop_name.strip():
        raise InvalidInput(msg("import.shop_name_missing"))
    loaded: list[_Loaded] = []
    for path in paths:
        report = FileReport(str(path))
        try:
            report.format, table = read_export(Path(path))
            report.rows = len(table.rows)
            loaded.append(_Loaded(report, table))
        except FileError as exc:
            report.format, report.message = exc.format, msg("import.file", file=str(path), reason=exc.msg)
            loaded.append(_Loaded(report))
    shop = ShopRepository(session).by_name(shop_name.strip())
    chosen = platform or (Platform(shop.platform) if shop else None)
    if chosen is None:
        chosen = next((FORMAT_PLATFORM[f.report.format] for f in loaded if f.table), None)
    usable = [f for f in loaded if f.table]
    for f in usable:
        family = FORMAT_PLATFORM[f.report.format]
        if chosen is not Platform.OTHER and SHOP_TAKES.get(chosen) is not family:
            f.report.message = msg(
                "import.file.wrong_platform",
                file=f.report.file,
                format=FORMATS[f.report.format],
                shop=shop_name.strip(),
                platform=str(chosen),
                family=str(family),
            )
            f.table = None
    _pair_taobao(loaded)
    usable = [f for f in loaded if f.table]
    result = ImportReport(shop_name.strip(), "", [f.report for f in loaded])
    if not usable or chosen is None:
        return result
    for f in usable:
        if f.report.format in (PDD, JD):
            _line_rows(f, now)
    _taobao(
        [f for f in usable if f.report.format == TAOBAO_ORDERS],
        [f for f in usable if f.report.format == TAOBAO_ITEMS],
        now,
    )
    shop = ensure_shop(session, shop_name, chosen, now)
    result.platform = shop.platform
    for f in usable:
        stats = upsert_orders(session, shop.id, shop.platform, f.orders)
        f.report.inserted, f.report.updated, f.report.unchanged = stats.inserted, stats.updated, stats.unchanged
        result.changes += stats.changes
    return result


def _pair_taobao(loaded: list[_Loaded]) -> None:
    """Refuses a Taobao order report imported without an item report (it has no lines) and the other way round."""
    halves = {fmt: [f for f in loaded if f.table and f.report.format == fmt] for fmt in (TAOBAO_ORDERS, TAOBAO_ITEMS)}
    for fmt, other, holds in (
        (TAOBAO_ORDERS, TAOBAO_ITEMS, msg("import.holds.items")),
        (TAOBAO_ITEMS, TAOBAO_ORDERS, msg("import.holds.receivers")),
    ):
        if halves[fmt] and not halves[other]:
            for f in halves[fmt]:
                f.table = None
                f.report.message = msg(
                    "import.file.unpaired", file=f.report.file, format=FORMATS[fmt], other=FORMATS[other], holds=holds
                )

"""The report as files (services layer): an .xlsx workbook with one sheet per figure and the rows behind it
(openpyxl), and a one-page PDF daily report in the seller's language, drawn with the vendored CJK font the labels
use (reportlab, byte-stable invariant mode).

Both are written to a temporary file beside the target and moved over it, so a failure never leaves half a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.messages import Message, msg
from app.domain.reports import Report

Translate = Callable[[str], str]


def _sheets(report: Report) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(sheet title, column names, rows) of each figure: the JSON's field names as headers."""

    def table(
        title: str, rows: Sequence[dict[str, Any]], columns: list[str] | None = None
    ) -> tuple[str, list[str], list[list[Any]]]:
        names = columns or (list(rows[0]) if rows else [])
        return title, names, [[row.get(c) for c in names] for row in rows]

    data = report.to_json()
    processing = [{"scope": "all", **data["processing"]}]
    return [
        table("trend", data["trend"], ["date", "new", "shipped", "cancelled", "waiting_end", "reopened", "printed"]),
        table("by_product", data["by_product"], ["sku", "waiting_units", "oldest_hours", "oldest_paid_day", "on_hand"]),
        table("processing", processing),
        table("processing_by_day", data["processing_by_day"]),
        table("processing_by_shop", data["processing_by_shop"]),
        table("by_packer", data["by_packer"]),
        table("peaks", [p.to_json() for p in report.peaks], ["weekday", "hour", "paid", "packed"]),
        table("carriers", data["carriers"], ["shop", "carrier", "waybills"]),
        table("suggestions", data["suggestions"], ["code", "text"]),
    ]


def _replace(path: Path, write: Callable[[Path], None]) -> Path:
    path = Path(path)
    part = path.with_name(path.name + ".part")
    try:
        write(part)
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise InvalidInput(msg("report.cannot_write", path=str(path), error=exc.strerror or str(exc))) from exc
    return path


def write_xlsx(report: Report, path: Path) -> Path:
    """Writes the workbook: a sheet per figure (trend, by_product, processing, processing_by_day,
    processing_by_shop, by_packer, peaks, carriers, suggestions), headers in its first row."""
    from openpyxl import Workbook

    def write(target: Path) -> None:
        book = Workbook(write_only=True)
        for title, columns, rows in _sheets(report):
            sheet = book.create_sheet(title)
            sheet.append(columns)
            for row in rows:
                sheet.append(row)
        book.save(target)

    return _replace(path, write)


def _fmt(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value * 100:.0f}%" if percent else f"{value:g}"


def write_pdf(report: Report, path: Path, translate: Translate | None = None) -> Path:
    """Writes the one-page daily report of the range's last day, with the range's trend, backlog, packers,
    carriers and suggestions (as many rows of each as fit the page)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from printers.pdf import register_font

    def say(message: Message) -> str:
        return message.render(translate)

    font = register_font()
    width, height = A4
    left, bottom = 40.0, 40.0

    def write(target: Path) -> None:
        pdf = canvas.Canvas(str(target), pagesize=A4, invariant=1, initialFontName=font, initialFontSize=10)
        y = height - 50.0

        def text(line: str, size: float = 9.5, gap: float = 13.0) -> None:
            nonlocal y
            pdf.setFont(font, size)
            pdf.drawString(left, y, line)
            y -= gap

        def grid(title: str, header: str, rows: list[list[str]], widths: list[float], most: int) -> None:
            nonlocal y
            if y - 30 < bottom:
                return
            y -= 4
            text(title, 11.5, 15)
            pdf.setFont(font, 8.5)
            for cells in [header.split("|"), *rows[:most]]:
                if y < bottom:
                    return
                x = left
                for cell, w in zip(cells, widths, strict=False):
                    pdf.drawString(x, y, str(cell)[: int(w / 5)])
                    x += w
                y -= 11.5

        last = report.trend[-1] if report.trend else None
        text(say(msg("report.pdf_title", day=report.date_to.isoformat())), 16, 22)
        shop = report.shop or say(msg("report.pdf_all_shops"))
        text(say(msg("report.pdf_scope", shop=shop, date_from=report.date_from, date_to=report.date_to)), 9.5, 16)
        if last is not None:
            text(
                say(
                    msg(
                        "report.pdf_day",
                        new=last.new,
                        shipped=last.shipped,
                        cancelled=last.cancelled,
                        waiting=last.waiting_end,
                    )
                )  # fmt: skip
            )
        p = report.processing
        text(
            say(
                msg("report.pdf_processing", p50=_fmt(p.paid_to_shipped.p50_h), p90=_fmt(p.paid_to_shipped.p90_h),
                    within_24h=_fmt(p.paid_to_shipped.within_24h_share, True),
                    within_deadline=_fmt(p.within_deadline_share, True))
            ),
            9.5, 16,
        )  # fmt: skip
        trend = [[d.date.isoformat(), d.new, d.shipped, d.cancelled, d.waiting_end] for d in report.trend[-14:]]
        grid(say(msg("report.pdf_trend")), say(msg("report.pdf_trend_columns")), trend, [90, 70, 70, 70, 70], 14)
        products = [
            [b.sku, b.waiting_units, _fmt(b.oldest_hours), "-" if b.on_hand is None else b.on_hand]
            for b in report.by_product
        ]
        grid(say(msg("report.pdf_products")), say(msg("report.pdf_products_columns")), products, [150, 90, 90, 90], 10)
        packers = [
            [k.packer or say(msg("report.pdf_no_bench")), k.packed, k.wrong_item, k.over_scan, k.intercepted,
             _fmt(k.processing.paid_to_shipped.p50_h)]
            for k in report.by_packer
        ]  # fmt: skip
        grid(say(msg("report.pdf_packers")), say(msg("report.pdf_packers_columns")), packers,
             [120, 55, 65, 65, 70, 140], 8)  # fmt: skip
        carriers = [[c.shop, c.carrier, c.waybills] for c in report.carriers]
        grid(say(msg("report.pdf_carriers")), say(msg("report.pdf_carriers_columns")), carriers, [160, 90, 80], 8)
        if y - 30 > bottom:
            y -= 4
            text(say(msg("report.pdf_suggestions")), 11.5, 15)
            lines = [say(s.message) for s in report.suggestions] or [say(msg("report.pdf_nothing"))]
            for line in lines:
                for chunk in _wrap(line, 46):
                    if y < bottom:
                        break
                    text(chunk, 8.5, 11.5)
        pdf.showPage()
        pdf.save()

    return _replace(path, write)


def _wrap(line: str, width: int) -> list[str]:
    """Cuts a line every `width` double-width characters (a CJK character counts two, Latin one)."""
    out, current, used = [], "", 0
    for ch in line:
        w = 2 if ord(ch) > 0x2E7F else 1
        if used + w > width * 2:
            out.append(current)
            current, used = "", 0
        current += ch
        used += w
    return [*out, current] if current else out

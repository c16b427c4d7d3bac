"""`packdesk report`, `packdesk reconcile` and `packdesk history` (cli layer): the figures, their exports, courier
reconciliation, and the kept history's roll-up and pruning.

`report --from DATE --to DATE [--shop NAME] [--json] [--xlsx FILE] [--pdf FILE]` covers China-time days (default:
the last 7 days to today); `reconcile BILL_FILE --carrier CODE [--from --to] [--tolerance-g N] --json` matches a
carrier's bill; `history rollup` rolls up what was recorded (and prunes as the `history_keep_days` setting says, when
it is set), `history prune [--keep-days N]` deletes rolled-up detail older than N days (default: that setting).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.cli.common import emit
from app.cli.lang import cli_language, say, translator
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.domain.reports import Report


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(say(msg("report.bad_date", text=value))) from None


def add_parsers(
    cmd: Callable[[str, str], argparse.ArgumentParser], common: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = cmd("report", "the backlog's figures for a range of days (China time), as JSON, .xlsx or a PDF daily report")
    p.add_argument("--from", dest="date_from", type=_day, default=None, metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_day, default=None, metavar="DATE", help="last day (default: today)")
    p.add_argument("--shop", default=None, metavar="NAME", help="only this shop")
    p.add_argument("--xlsx", type=Path, default=None, metavar="FILE", help="write a workbook, one sheet per figure")
    p.add_argument("--pdf", type=Path, default=None, metavar="FILE", help="write a one-page daily report")

    r = cmd("reconcile", "match a carrier's bill (CSV or .xlsx: tracking number, weight, fee) with the numbers used")
    r.add_argument("bill", type=Path, metavar="BILL_FILE")
    r.add_argument("--carrier", required=True, metavar="CODE")
    r.add_argument("--from", dest="date_from", type=_day, default=None, metavar="DATE")
    r.add_argument("--to", dest="date_to", type=_day, default=None, metavar="DATE")
    r.add_argument("--tolerance-g", type=int, default=300, metavar="N", help="weight difference not listed (grams)")

    h = cmd("history", "the kept history: roll it up, or prune its old detail (the roll-ups keep their sums)")
    sub = h.add_subparsers(dest="history_command", metavar="ACTION", required=True)
    common(sub.add_parser("rollup", help="add what was recorded since the last roll-up to the daily roll-ups"))
    pr = sub.add_parser("prune", help="delete rolled-up detail older than N days")
    pr.add_argument("--keep-days", default=None, metavar="N", help="default: the history_keep_days setting")
    common(pr)


def cmd_report(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.reports import china_day, report  # loaded when the command runs: packdesk starts faster

    now = datetime.now(UTC)
    date_to = args.date_to or china_day(now)
    date_from = args.date_from or date_to - timedelta(days=6)
    figures = report(ws.session_factory, date_from, date_to, args.shop, now)
    written = _exports(figures, args)
    if args.json:
        emit(figures.to_json(), out)
        return 0
    for d in figures.trend:
        out.write(f"{d.date}  new {d.new:>5}  shipped {d.shipped:>5}  cancelled {d.cancelled:>4}  "
                  f"waiting {d.waiting_end:>6}\n")  # fmt: skip
    p = figures.processing.paid_to_shipped
    out.write(f"paid to shipped: median {p.p50_h} h, 90% {p.p90_h} h, within 24 h {p.within_24h_share}\n")
    for s in figures.suggestions:
        out.write(f"- {say(s.message)}\n")
    for path in written:
        out.write(f"Wrote {path}.\n")
    return 0


def _exports(figures: Report, args: argparse.Namespace) -> list[Path]:
    from app.services.report_export import write_pdf, write_xlsx

    written = []
    if args.xlsx is not None:
        written.append(write_xlsx(figures, args.xlsx))
    if args.pdf is not None:
        written.append(write_pdf(figures, args.pdf, translator(cli_language())))
    return written


def cmd_reconcile(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.reconcile import read_bill, reconcile

    bill = read_bill(args.bill)
    packaging = int(ws.settings.packaging_g) if ws.settings.packaging_g.strip().isdigit() else 0
    result = reconcile(
        ws.session_factory, bill, args.carrier, date_from=args.date_from, date_to=args.date_to,
        tolerance_g=args.tolerance_g, packaging_g=packaging,
    )  # fmt: skip
    if args.json:
        emit(result.to_json(), out)
        return 0
    out.write(f"{result.carrier}: {result.billed} billed, {result.matched} ours.\n")
    for line in result.billed_not_ours:
        out.write(f"billed but not ours: {line.tracking_no} (row {line.row})\n")
    for line in result.billed_voided:
        out.write(f"billed but voided here: {line.tracking_no} (row {line.row})\n")
    for parcel in result.ours_not_billed:
        out.write(f"ours but not billed: {parcel.tracking_no} {parcel.shop} {parcel.order_no}\n")
    for w in result.weight_differences:
        out.write(f"weight: {w.tracking_no} billed {w.billed_g / 1000} kg, expected {w.known_g / 1000} kg\n")
    if result.weight_unknown:
        out.write(f"{len(result.weight_unknown)} billed parcels of ours have items without a weight.\n")
    return 0


def cmd_history(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.reports import keep_days_of, prune_history, roll_up

    if args.history_command == "rollup":
        done = roll_up(ws.session_factory)
        result: dict[str, object] = {"events": done.events, "last_event_id": done.last_event_id}
        keep = keep_days_of(ws.settings.history_keep_days)  # the setting prunes as the history is rolled up
        if keep is not None:
            result["pruned"] = prune_history(ws.session_factory, keep, datetime.now(UTC))
    else:
        keep = keep_days_of(args.keep_days if args.keep_days is not None else ws.settings.history_keep_days)
        if keep is None:
            raise InvalidInput(msg("report.keep_days_invalid", least=7, text=""))
        result = {"pruned": prune_history(ws.session_factory, keep, datetime.now(UTC)), "keep_days": keep}
    if args.json:
        emit(result, out)
    else:
        out.write(" ".join(f"{k} {v}" for k, v in result.items()) + "\n")
    return 0

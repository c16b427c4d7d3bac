"""`packdesk split ORDER --lines LINE_NO[:QTY][,...]` and `packdesk split ORDER --undo`: split parcels (拆单) from
the command line (app.services.splits).

Prints the parcel's lines and what stays for a later parcel; `--json` prints {"order_no", "split", "parcel":
[{"line_no", "sku", "title", "qty"}], "staying": [...], "sub_orders": [the sub-orders its ship-back names]}. A refused
split (unknown line, quantity out of range, nothing left for a second parcel, a shipped, closed, held or refunded
order, a printed waybill) goes to stderr with the reason and a non-zero exit, and nothing changes.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from app.cli.common import actor_of, emit
from app.domain.splits import parse_lines
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.services.splits import SplitResult


def add_parsers(cmd: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = cmd("split", "split an order: its next parcel carries only the lines (and units) chosen; the rest waits")
    p.add_argument("order_no", metavar="ORDER")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--lines",
        metavar="LINE_NO[:QTY][,...]",
        help="the lines of the parcel by sub-order id (or SKU), each with the units it carries (default: all left)",
    )
    how.add_argument("--undo", action="store_true", help="undo the split while its waybill is not printed")


def cmd_split(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.splits import split_order, unsplit_order  # loaded when the command runs: packdesk starts faster

    now, actor = datetime.now(UTC), actor_of(ws)
    if args.undo:
        result = unsplit_order(ws.session_factory, args.order_no, actor, now)
    else:
        result = split_order(ws.session_factory, args.order_no, parse_lines(args.lines), actor, now)
    if args.json:
        emit(result.to_json(), out)
    else:
        _print(result, out)
    return 0


def _print(result: SplitResult, out: TextIO) -> None:
    if result.split:
        out.write(f"{result.order_no}: the next parcel carries\n")
    else:
        out.write(f"{result.order_no}: split undone; the next parcel carries all that is left\n")
    for line in result.parcel:
        out.write(f"  {line.line_no}  {line.sku}  ×{line.qty}  {line.title}\n")
    if result.staying:
        out.write("stays for a later parcel:\n")
        for line in result.staying:
            out.write(f"  {line.line_no}  {line.sku}  ×{line.qty}  {line.title}\n")
    if result.split:
        out.write(f"its ship-back names sub-order(s) {', '.join(result.reported)}\n")

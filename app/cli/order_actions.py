"""`packdesk flag|memo|hold|release|expedite|out-of-stock ORDER...`: acting on the backlog from the command line.

Each prints, per order, what was done or why it was skipped (an unknown, shipped or closed order, one already so);
`--json` prints {"action", "done": [order numbers], "skipped": [{"order_no", "reason"}], "before": {order number:
the value before}}. Flags and memos of Taobao API shops go back to the platform with the next outbox round
(`packdesk outbox flush`, or the window's).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TextIO

from app.cli.common import actor_of, emit
from app.cli.lang import say
from app.domain.order_actions import COLOURS, ActionReport
from app.services.workspace import Workspace

ACTIONS = ("flag", "memo", "hold", "release", "expedite", "out-of-stock")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("give a date as YYYY-MM-DD, e.g. 2026-12-24") from None


def add_parsers(cmd: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = cmd("flag", "set the flag colour of orders (written back to Taobao for API shops)")
    p.add_argument("order_nos", nargs="+", metavar="ORDER")
    p.add_argument("--colour", "--color", required=True, choices=tuple(COLOURS), metavar="|".join(COLOURS))

    p = cmd("memo", "write (or with --append add to) the seller memo of orders (written back to Taobao for API shops)")
    p.add_argument("order_nos", nargs="+", metavar="ORDER")
    p.add_argument("text", metavar="TEXT", help="the memo; an empty text clears it")
    p.add_argument("--append", action="store_true", help="add TEXT on a new line after the memo")

    p = cmd("hold", "hold orders with a reason: the print queue and the bench refuse them with it")
    p.add_argument("order_nos", nargs="+", metavar="ORDER")
    p.add_argument("--reason", required=True, metavar="TEXT")

    p = cmd("release", "release held orders (and orders marked out of stock by hand)")
    p.add_argument("order_nos", nargs="+", metavar="ORDER")

    p = cmd("expedite", "mark orders urgent (they sort first with --sort -priority) or take the mark off")
    p.add_argument("order_nos", nargs="+", metavar="ORDER")
    p.add_argument("switch", choices=("on", "off"), metavar="on|off")

    p = cmd("out-of-stock", "mark orders out of stock by hand until released or the expected date")
    p.add_argument("order_nos", nargs="+", metavar="ORDER")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.add_argument("--expected", type=_date, default=None, metavar="DATE", help="when stock is expected (YYYY-MM-DD)")


def cmd_order_action(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    # loaded when the command runs: packdesk starts faster
    from app.services.order_actions import expedite, hold, mark_out_of_stock, release, set_flag, write_memo

    now, actor, factory = datetime.now(UTC), actor_of(ws), ws.session_factory
    orders = args.order_nos
    command = args.command
    if command == "flag":
        report = set_flag(factory, orders, args.colour, actor, now)
    elif command == "memo":
        report = write_memo(factory, orders, args.text, append=args.append, actor=actor, now=now)
    elif command == "hold":
        report = hold(factory, orders, args.reason, actor, now)
    elif command == "release":
        report = release(factory, orders, actor, now)
    elif command == "expedite":
        report = expedite(factory, orders, args.switch == "on", actor, now)
    else:
        report = mark_out_of_stock(factory, orders, args.expected, args.reason, actor, now)
    _print(report, args.json, out)
    return 0


def _print(report: ActionReport, as_json: bool, out: TextIO) -> None:
    if as_json:
        emit(report.to_json(), out)
        return
    for order_no in report.done:
        out.write(f"{order_no}: {report.action} done\n")
    for skipped in report.skipped:
        out.write(f"{skipped.order_no}: skipped: {say(skipped.reason)}\n")

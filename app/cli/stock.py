"""`packdesk stock set|adjust|list|moves|override`: on-hand stock by hand, the stock list (low stock with the
waiting orders that need it), a SKU's stock moves, and a supervisor's override of an out-of-stock order.

`set SKU N` makes PackDesk keep the SKU's stock from then on; `adjust SKU +N|-N --reason TEXT` is refused, changing
nothing, when it would take the stock below zero. Every change is a stock move with who and why, and audited; waiting
orders are allotted stock again in the same transaction (an order whose SKU is short becomes out of stock, one
covered again goes back to awaiting shipment). `override ORDER_NO --reason TEXT` takes the supervisor PIN from
PACKDESK_SUPERVISOR_PIN (or asks in a terminal), as `packer unlock` does.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

from app.cli.common import actor_of, emit
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.stock import StockLevel, describe
from app.services.workspace import Workspace


def _delta(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("give +N or -N, e.g. +12 or -3") from None


def add_parsers(
    cmd: Callable[[str, str], argparse.ArgumentParser], common: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = cmd("stock", "on-hand stock of the catalogue's SKUs, what waiting orders reserve, and low stock")
    sub = p.add_subparsers(dest="stock_command", metavar="ACTION", required=True)

    st = sub.add_parser("set", help="set a SKU's on-hand stock (PackDesk keeps its stock from then on)")
    st.add_argument("sku", metavar="SKU")
    st.add_argument("on_hand", type=int, metavar="N")
    st.add_argument("--reason", default="", metavar="TEXT")
    common(st)

    adj = sub.add_parser("adjust", help="add or take off pieces (+N|-N); never below zero")
    adj.add_argument("sku", metavar="SKU")
    adj.add_argument("delta", type=_delta, metavar="+N|-N")
    adj.add_argument("--reason", required=True, metavar="TEXT")
    common(adj)

    ls = sub.add_parser("list", help="tracked SKUs: on hand, reserved, available, safety stock, waiting orders")
    ls.add_argument("--low", action="store_true", help="only SKUs whose available stock is under their safety stock")
    ls.add_argument("--search", default=None, metavar="Q", help="a piece of a SKU, title, spec or item code")
    ls.add_argument("--limit", type=int, default=1000, metavar="N")
    common(ls)

    mv = sub.add_parser("moves", help="a SKU's latest stock moves (set, adjust, count, import, ship), newest first")
    mv.add_argument("sku", metavar="SKU")
    mv.add_argument("--limit", type=int, default=50, metavar="N")
    common(mv)

    ov = sub.add_parser("override", help="a supervisor lets an out-of-stock order print and pack (audited)")
    ov.add_argument("order_no", metavar="ORDER_NO")
    ov.add_argument("--reason", required=True, metavar="TEXT")
    ov.add_argument("--supervisor", default="supervisor", metavar="NAME", help="who overrides (in the audit log)")
    common(ov)


def cmd_stock(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    # loaded when the command runs: packdesk starts faster
    from app.services.stock import adjust_stock, set_stock, stock_levels, stock_moves

    action = args.stock_command
    now = datetime.now(UTC)
    if action == "list":
        levels = stock_levels(ws.session_factory, search=args.search, low=args.low, limit=args.limit)
        if args.json:
            emit([level.to_json() for level in levels], out)
        else:
            for level in levels:
                out.write(_line(level) + "\n")
        return 0
    if action == "override":
        return _override(ws, args, out, now)
    if action == "moves":
        moves = stock_moves(ws.session_factory, args.sku, limit=args.limit)
        if args.json:
            emit([m.to_json() for m in moves], out)
        else:
            for m in moves:
                why = "  ".join(x for x in (m.order_no or "", m.reason) if x)
                out.write(
                    f"{m.at.astimezone():%m-%d %H:%M}  {m.kind:<7} {m.delta:+6d} -> {m.on_hand:<6} {m.actor}  {why}\n"
                )
        return 0
    if action == "set":
        change = set_stock(ws.session_factory, args.sku, args.on_hand, actor_of(ws), now, args.reason)
    else:
        change = adjust_stock(ws.session_factory, args.sku, args.delta, actor_of(ws), now, args.reason)
    if args.json:
        emit(change.to_json(), out)
    else:
        out.write(f"{change.sku}: on hand {change.on_hand} ({change.delta:+d}).\n")
    return 0


def _override(ws: Workspace, args: argparse.Namespace, out: TextIO, now: datetime) -> int:
    from app.cli import _secret
    from app.services.pin_guard import check_supervisor
    from app.services.stock import override_shortage

    if not args.reason.strip():
        raise InvalidInput(msg("stock.override_needs_reason"))
    supervisor = actor_of(ws, args.supervisor.strip() or "supervisor")
    pin = _secret("PACKDESK_SUPERVISOR_PIN", "Supervisor PIN: ")
    with ws.session_factory() as session:
        check_supervisor(session, ws.settings.supervisor_pin, pin, supervisor, now)
    short = override_shortage(ws.session_factory, args.order_no, supervisor, args.reason)
    if args.json:
        emit({"order_no": args.order_no.strip(), "overridden": [s.to_json() for s in short]}, out)
    else:
        out.write(f"{args.order_no.strip()} may print and pack although {describe(short)} is missing.\n")
    return 0


def _line(level: StockLevel) -> str:
    low = "  LOW" if level.low else ""
    waiting = f"  waiting: {' '.join(level.waiting_orders)}" if level.waiting_orders else ""
    return (
        f"{level.sku:<20} {level.title[:24]:<24} on hand {level.on_hand:>6}  reserved {level.reserved:>6}  "
        f"available {level.available:>6}  safety {level.safety:>5}{low}{waiting}"
    )

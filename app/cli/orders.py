"""`packdesk orders`: the workspace's filters, sorts and counts, headless.

`--json` streams: each order is written as it is read, so a hundred thousand orders take the memory of a few
hundred. The document is still one JSON list (the command-line contract).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any, TextIO

from app.cli.common import emit
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.orders import CHINA_TZ
from app.services.orders import count_orders, order_filter, parse_sort, stream_orders
from app.services.workspace import Workspace


def add_parsers(cmd: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = cmd("orders", "list cached orders, most urgent first, with the workspace's filters")
    p.add_argument("--status", action="append", metavar="S", help="awaiting_shipment, partly_shipped, ... (repeatable)")
    p.add_argument("--shop", action="append", metavar="NAME", help="only this shop's orders (repeatable)")
    p.add_argument("--platform", action="append", metavar="P", help="taobao, tmall, pdd, jd, ... (repeatable)")
    p.add_argument("--flag", action="append", metavar="COLOUR", help="red, yellow, green, blue, purple or none")
    p.add_argument("--printed", metavar="yes|no|reprinted", help="whether the waybill was printed (again)")
    p.add_argument("--has-message", action="store_true", help="only orders with a buyer message")
    p.add_argument("--has-memo", action="store_true", help="only orders with a seller memo")
    p.add_argument("--paid-from", metavar="DATE", help="paid on or after (China time; 2024-06-18 or ...T14:30)")
    p.add_argument("--paid-to", metavar="DATE", help="paid on or before this day (or before this time)")
    p.add_argument("--due-within", type=float, metavar="HOURS", help="open orders due to ship within HOURS")
    p.add_argument("--overdue", action="store_true", help="open orders past their ship-by time")
    p.add_argument("--due-soon", action="store_true", help="open orders due within the seller's due-soon hours")
    p.add_argument("--carrier", metavar="CODE", help="orders whose parcel goes with this carrier (SF, ZTO, ...)")
    p.add_argument("--search", default=None, metavar="Q", help="order/tracking no., SKU, phone tail or text")
    p.add_argument(
        "--sort",
        default=None,
        metavar="FIELD[,-FIELD]",
        help="ship_by, paid, amount, items, province; -FIELD from the highest (write --sort=-amount)",
    )
    p.add_argument("--limit", type=int, default=200, metavar="N")
    p.add_argument("--offset", type=int, default=0, metavar="N")
    p.add_argument("--count", action="store_true", help="print only how many orders match")


def _date(text: str | None, *, end: bool) -> datetime | None:
    """A day or a time in China time; the end of a range given as a day takes the whole day."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(msg("orders.bad_date", text=text)) from None
    day_only = len(text.strip()) <= 10
    value = value if value.tzinfo else value.replace(tzinfo=CHINA_TZ)
    return value + timedelta(days=1) if end and day_only else value


def cmd_orders(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    filters = order_filter(
        ws.session_factory,
        status=args.status,
        shop=args.shop,
        platform=args.platform,
        flag=args.flag,
        printed=args.printed,
        has_message=True if args.has_message else None,
        has_memo=True if args.has_memo else None,
        paid_from=_date(args.paid_from, end=False),
        paid_to=_date(args.paid_to, end=True),
        due_within_hours=args.due_within,
        overdue=args.overdue,
        due_soon=args.due_soon,
        carrier=args.carrier,
        search=args.search,
    )
    if args.count:
        n = count_orders(ws.session_factory, filters)
        if args.json:
            emit({"count": n}, out)
        else:
            out.write(f"{n}\n")
        return 0
    sort = parse_sort(args.sort)
    with stream_orders(ws.session_factory, filters, sort=sort, limit=args.limit, offset=args.offset) as orders:
        if args.json:
            _write_json_list((o.to_json() for o in orders), out)
            return 0
        for o in orders:
            units = sum(ln.qty for ln in o.lines)
            out.write(
                f"{o.order_no}  {o.status.value:<17} {o.deadline.astimezone().strftime('%m-%d %H:%M')}  "
                f"{o.receiver.name:<6} {len(o.lines)} lines/{units} units  {o.tracking_no or ''}\n"
            )
    return 0


def _write_json_list(items: Iterable[Any], out: TextIO) -> None:
    """One JSON list on one line (as every --json document: scripts read the last line), written item by item as
    they come, so nothing is collected first."""
    out.write("[")
    first = True
    for item in items:
        if not first:
            out.write(", ")
        out.write(json.dumps(item, ensure_ascii=False))  # dumps: the C encoder (dump to a file encodes in Python)
        first = False
    out.write("]\n")

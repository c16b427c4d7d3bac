"""`packdesk merge ORDER ORDER... [--json]` and `packdesk unmerge ORDER [--json]`: merged parcels (合并发货) from the
command line (app.services.merges).

`merge` prints the parcel and its orders ({"package", "lead", "orders"} with `--json`), or refuses with the reason on
stderr and a non-zero exit, changing nothing. Privacy orders of a Taobao API shop are asked of the platform's merge
check (taobao.top.oaid.merge) with the shop's stored secrets. `unmerge` takes an order out of its parcel (its lead:
the whole parcel comes apart) while the parcel has no waybill yet.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

from app.cli.common import actor_of, emit
from app.cli.lang import say
from app.domain.messages import msg
from app.services.workspace import Workspace

COMMANDS = ("merge", "unmerge")


def add_parsers(cmd: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = cmd("merge", "put orders of one buyer to one address into one parcel with one waybill (合并发货)")
    p.add_argument("order_nos", nargs="+", metavar="ORDER")
    p = cmd("unmerge", "take an order out of its merged parcel (before the parcel prints)")
    p.add_argument("order_no", metavar="ORDER")


def cmd_merge(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    # loaded when the command runs: packdesk starts faster
    from app.services.merges import merge_orders, unmerge_order
    from app.sync.oaid_merge import shop_merge_check

    now, actor = datetime.now(UTC), actor_of(ws)
    if args.command == "merge":
        check = shop_merge_check(ws.data_dir)
        parcel = merge_orders(ws.session_factory, args.order_nos, actor, now, platform_check=check)
        if args.json:
            emit(parcel.to_json(), out)
        else:
            out.write(say(msg("merge.done", orders=", ".join(parcel.orders), lead=parcel.lead)) + "\n")
            out.write(f"parcel {parcel.package}: {' + '.join(parcel.orders)}\n")
        return 0
    parcel = unmerge_order(ws.session_factory, args.order_no, actor, now)
    if args.json:
        emit({**parcel.to_json(), "unmerged": args.order_no.strip()}, out)
    else:
        out.write(say(msg("unmerge.done", order_no=args.order_no.strip())) + "\n")
    return 0

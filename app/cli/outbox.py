"""`packdesk outbox [list|flush|export|entered]`: the ship-backs waiting for the platforms, and those only the seller
can make (shops without an API connection) through the seller centre's bulk-ship file."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from app.cli.common import emit
from app.cli.lang import say
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.services.workspace import Workspace

# The sync modules each action needs are imported inside it, when the command runs: every `packdesk` command starts
# faster.

ACTIONS = ("list", "flush", "export", "entered")


def add_parsers(cmd: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = cmd(
        "outbox",
        "show or deliver the ship-backs waiting for the platforms; export the shipments of shops without an API "
        "connection for the seller centre's bulk ship (批量发货) and mark them entered",
    )
    p.add_argument(
        "action",
        nargs="?",
        choices=ACTIONS,
        default="list",
        help="list (default); flush: deliver now; export FILE (.csv/.xlsx): the bulk-ship file; "
        "entered [ID...]: the exported (or these) shipments were entered in the seller centre",
    )
    p.add_argument("targets", nargs="*", metavar="FILE|ID", help="export: the file; entered: entry numbers")
    p.add_argument("--shop", default=None, metavar="NAME", help="export/entered: only this shop's shipments")


def cmd_outbox(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    if args.action not in ("export", "entered") and args.targets:
        raise InvalidInput(msg("cli.outbox_takes_nothing", action=args.action))
    return {"list": _list, "flush": _flush, "export": _export, "entered": _entered}[args.action](ws, args, out)


def _list(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.seller_centre import MANUAL
    from app.sync.service import outbox_items, outbox_json

    items = list(reversed(outbox_items(ws.session_factory)))
    if args.json:
        emit([outbox_json(item) for item in items], out)
        return 0
    for item in items:
        why = f"  ({say(item['last_error'])})" if item["last_error"] and item["state"] != "done" else ""
        out.write(
            f"#{item['id']} {item['kind']} {item['state']} {item.get('order_no', '')} "
            f"{item.get('carrier', '')} {item.get('tracking_no', '')}{why}\n"
        )
    waiting = sum(i["state"] in ("pending", "sending") for i in items)
    manual = sum(i["state"] == MANUAL for i in items)
    by_hand = f", {manual} to enter in the seller centre" if manual else ""
    out.write(f"{waiting} waiting{by_hand}, {len(items)} in total.\n")
    return 0


def _flush(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.service import flush_outbox

    report = flush_outbox(ws.session_factory, ws.data_dir, now_too=True)  # "deliver them now": backoff or not
    if args.json:
        emit(report.to_json(), out)
        return 0
    out.write(
        f"{report.sent} sent, {report.verified} found already shipped, {report.retry_later} to retry later, "
        f"{report.failed} refused by the platform.\n"
    )
    if report.manual:
        out.write(
            f"{report.manual} to enter in the seller centre yourself (their shops have no API connection): "
            "packdesk outbox export FILE writes the bulk-ship file.\n"
        )
    for e in report.errors:
        out.write(f"  #{e['id']} {e.get('order_no', '')}: {say(e['message'])}\n")
    return 0


def _export(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.seller_centre import export_bulk_ship

    if len(args.targets) != 1:
        raise InvalidInput(msg("cli.outbox_one_file"))
    report = export_bulk_ship(ws.session_factory, Path(args.targets[0]), args.shop, datetime.now(UTC))
    if args.json:
        emit(report.to_json(), out)
        return 0
    if report.ids:
        out.write(
            f"{report.file}: {len(report.ids)} shipments of {report.shop}. Import it in the seller centre "
            f"(批量发货), then run `packdesk outbox entered --shop '{report.shop}'`.\n"
        )
    for e in report.by_hand:
        out.write(f"  #{e['id']} {e['order_no']}: {say(e['reason'])}\n")
    return 0


def _entered(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.seller_centre import mark_entered

    try:
        ids = [int(t.lstrip("#")) for t in args.targets]
    except ValueError:
        raise InvalidInput(msg("cli.outbox_entry_numbers", given=" ".join(args.targets))) from None
    done = mark_entered(ws.session_factory, datetime.now(UTC), ids, args.shop)
    if args.json:
        emit({"entered": done}, out)
    else:
        out.write(f"{len(done)} shipments marked as entered in the seller centre.\n")
    return 0

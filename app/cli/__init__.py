"""The headless `packdesk` command: the command-line contract scripts and acceptance checks rely on (README).

Every command takes --data-dir and --json; errors go to stderr as one line a seller can act on, with a non-zero exit.
The window (`packdesk gui`) is started through a runner that ui/ passes in, so this module never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from app.cli.common import EXIT_ERROR, actor_of, emit
from app.cli.imports import add_parsers as add_import_parsers
from app.cli.imports import cmd_import
from app.cli.lang import say
from app.cli.merges import COMMANDS as MERGE_COMMANDS
from app.cli.merges import add_parsers as add_merge_parsers
from app.cli.merges import cmd_merge
from app.cli.notices import add_parsers as add_notice_parsers
from app.cli.notices import cmd_alerts, cmd_notify, cmd_risks
from app.cli.order_actions import ACTIONS as ORDER_ACTIONS
from app.cli.order_actions import add_parsers as add_order_action_parsers
from app.cli.order_actions import cmd_order_action
from app.cli.orders import add_parsers as add_orders_parsers
from app.cli.orders import cmd_orders
from app.cli.outbox import add_parsers as add_outbox_parsers
from app.cli.outbox import cmd_outbox
from app.cli.printing import add_parsers as add_printing_parsers
from app.cli.printing import cmd_print, cmd_printer, cmd_queue
from app.cli.products import add_parsers as add_products_parsers
from app.cli.products import cmd_products
from app.cli.reports import add_parsers as add_report_parsers
from app.cli.reports import cmd_history, cmd_reconcile, cmd_report
from app.cli.service_rules import add_parsers as add_service_rule_parsers
from app.cli.service_rules import cmd_carrier, cmd_deadlines, cmd_stops
from app.cli.splits import add_parsers as add_split_parsers
from app.cli.splits import cmd_split
from app.cli.stock import add_parsers as add_stock_parsers
from app.cli.stock import cmd_stock
from app.cli.sync import add_parsers as add_sync_parsers
from app.cli.sync import cmd_shop, cmd_sync
from app.cli.tracking import add_parsers as add_tracking_parsers
from app.cli.tracking import cmd_tracking
from app.cli.waybills import add_parsers as add_waybill_parsers
from app.cli.waybills import cmd_waybill
from app.domain.errors import PackDeskError
from app.domain.messages import msg
from app.persistence.db import translate_db_errors
from app.services.workspace import Workspace, default_data_dir, open_workspace, resolve_data_dir
from app.wiring import install_waybill_providers
from printers.errors import PrinterError

if TYPE_CHECKING:
    from app.services.claim import StationClaim

Runner = Callable[[argparse.Namespace], int]

log = logging.getLogger("packdesk")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        metavar="DIR",
        help="data directory (default: $PACKDESK_HOME or the user data folder)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="print machine-readable JSON on stdout",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="packdesk", description="PackDesk packing station.")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _common(p, top=False)
        return p

    p = cmd("gui", "open the station window")
    p.add_argument("--demo", action="store_true", help="open on the demo shop with the virtual printer")

    p = cmd("demo", "demo data")
    demo_sub = p.add_subparsers(dest="demo_command", metavar="ACTION", required=True)
    seed = demo_sub.add_parser("seed", help="fill the cache with a demo shop, catalogue and orders")
    _common(seed, top=False)
    seed.add_argument("--orders", type=int, default=200, metavar="N")
    seed.add_argument("--seed", type=int, default=1, metavar="S")
    seed.add_argument(
        "--now",
        type=_aware_time,
        default=None,
        metavar="ISO",
        help="anchor for pay times and deadlines (default: start of the current 6-hour block, China time)",
    )

    add_orders_parsers(cmd)

    add_printing_parsers(cmd)
    add_import_parsers(cmd)

    p = cmd("pack", "run the station engine on scans, one per line")
    p.add_argument("--scans", required=True, metavar="FILE|-")
    p.add_argument("--printer", metavar="URI")
    p.add_argument("--packer", default=None, metavar="NAME")
    p.add_argument("--sku-first", action="store_true", help="an item scan with no parcel open opens an order")
    p.add_argument("--confirm-scan", action="store_true", help="scan the printed waybill to confirm each parcel")

    p = cmd("ship", "record a shipment and queue its ship-back; several orders with --auto-fill (batch ship)")
    p.add_argument("order_nos", nargs="+", metavar="ORDER")
    p.add_argument("--carrier", required=True, metavar="CODE")
    p.add_argument("--tracking", required=True, metavar="FIRST_NO")
    p.add_argument(
        "--auto-fill",
        action="store_true",
        help="number the orders from FIRST_NO as the carrier's roll runs; orders that cannot ship are skipped",
    )

    add_outbox_parsers(cmd)
    add_order_action_parsers(cmd)
    add_merge_parsers(cmd)
    add_split_parsers(cmd)

    add_sync_parsers(cmd, lambda parser: _common(parser, top=False))
    add_products_parsers(cmd, lambda parser: _common(parser, top=False))
    add_stock_parsers(cmd, lambda parser: _common(parser, top=False))
    add_waybill_parsers(cmd, lambda parser: _common(parser, top=False))
    add_report_parsers(cmd, lambda parser: _common(parser, top=False))
    add_service_rule_parsers(cmd, lambda parser: _common(parser, top=False))
    add_notice_parsers(cmd, lambda parser: _common(parser, top=False))
    add_tracking_parsers(cmd, lambda parser: _common(parser, top=False))

    p = cmd("supervisor", "the supervisor PIN that binding codes, confirming by hand and overrides need")
    p.add_argument("action", choices=("pin",), help="pin: set it (from PACKDESK_SUPERVISOR_PIN, or asked)")

    p = cmd("packer", "packers who sign in at a bench")
    p.add_argument(
        "action",
        choices=("add", "unlock"),
        help="add: a packer (PIN from PACKDESK_PACKER_PIN, or asked); unlock: let a packer locked out by wrong PINs "
        "sign in again (supervisor PIN from PACKDESK_SUPERVISOR_PIN, or asked)",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("--badge", default=None, metavar="CODE", help="the code on their badge, to sign in by scanning")

    p = cmd("bench", "run the benchmarks and print their figures beside baselines measured in the same run")
    p.add_argument("--only", action="append", metavar="SUITE", help="run only this suite (repeatable)")

    return parser


def _aware_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# -- commands ---------------------------------------------------------------------------------------------------


def cmd_demo_seed(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.demo.seed import seed_demo

    with ws.session_factory.begin() as session:
        report = seed_demo(session, orders=args.orders, seed=args.seed, anchor=args.now)
    if not ws.settings.printer_uri:
        ws.settings.printer_uri = f"png://{ws.labels_dir.as_posix()}"
        ws.settings.packer = ws.settings.packer or "演示打包员"
        ws.save_settings()
    from app.demo.station import add_demo_packer, demo_supervisor_hash

    demo_hash = demo_supervisor_hash(ws.settings.supervisor_pin)  # the demo's supervisor PIN, 000000
    if demo_hash != ws.settings.supervisor_pin:
        ws.settings.supervisor_pin = demo_hash
        ws.save_settings()

    with ws.session_factory.begin() as session:
        add_demo_packer(session, ws.settings.packer or "演示打包员")
    if args.json:
        emit(
            {
                "orders": report.orders,
                "products": report.products,
                "barcodes": report.barcodes,
                "shops": list(report.shops),
                "printer": ws.settings.printer_uri,
            },
            out,
        )
    else:
        out.write(
            f"Demo shop ready: {report.orders} orders, {report.products} products "
            f"({report.barcodes} barcodes) in {', '.join(report.shops)}.\n"
            f"Printer: {ws.settings.printer_uri}\n"
        )
    return 0


def cmd_pack(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.cli.scans import not_text, read_scans, unreadable
    from app.services.station_options import StationOptions
    from app.wiring import build_station, live_check, print_service

    actor = actor_of(ws, args.packer)
    printer = print_service(ws.session_factory, actor, args.printer or ws.settings.printer_uri, ws.settings.label_size)
    live = live_check(ws)  # orders of API shops: the platform's word before acting
    flows = StationOptions(
        sku_first=args.sku_first or ws.settings.sku_first, confirm_scan=args.confirm_scan or ws.settings.confirm_scan
    )
    station = build_station(ws.session_factory, actor, printer, options=flows, live=live)

    def show(event: Any) -> None:
        if args.json:
            emit(event.to_json(), out)
        else:
            out.write(_describe(event) + "\n")
        out.flush()

    for event in station.resume():  # a parcel this station had open when it stopped
        show(event)
    source: BinaryIO  # a scan is bytes from a scanner or a file: app.cli.scans says how they are read
    if args.scans == "-":
        source = sys.stdin.buffer
    else:
        try:
            source = open(args.scans, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise PackDeskError(msg("cli.scans_unreadable", path=args.scans, error=exc.strerror)) from exc
    try:
        for line in read_scans(source):
            if line.text is None:  # no text: reported and skipped, nothing recorded
                print(f"packdesk: warning: {say(not_text(line))}", file=sys.stderr)
                show(unreadable(line))
                continue
            for event in station.scan(line.text.strip()):
                show(event)
    finally:
        live.close()
        if source is not sys.stdin.buffer:
            source.close()
    return 0


def _describe(event: Any) -> str:
    parts = [event.event.value, event.order_no or "", event.sku or event.code]
    if event.total:
        parts.append(f"{event.done}/{event.total}")
    if event.tracking_no:
        parts.append(event.tracking_no)
    if event.message is not None:  # a reason in words (a print failure's): in the system's language
        parts.append(f"({say(event.message)})")
    elif event.reason:
        parts.append(f"({event.reason})")
    return "  ".join(p for p in parts if p)


def _secret(variable: str, prompt: str) -> str:
    """A PIN from the environment, or asked in a terminal (never an argument: those show in the process list)."""
    import getpass
    import os

    pin = os.environ.get(variable, "")
    if not pin:
        if not sys.stdin.isatty():
            raise PackDeskError(msg("cli.set_variable", variable=variable))
        pin = getpass.getpass(prompt)
    return pin


def cmd_supervisor(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.pin_guard import SUPERVISOR, reset
    from app.services.supervisor import hash_supervisor_pin

    pin = _secret("PACKDESK_SUPERVISOR_PIN", "New supervisor PIN (6-12 digits): ")
    ws.settings.supervisor_pin = hash_supervisor_pin(pin)
    ws.save_settings()
    with ws.session_factory.begin() as session:
        reset(session, SUPERVISOR, actor_of(ws))  # a PIN locked by wrong tries is usable again
    if args.json:
        emit({"supervisor_pin": "set"}, out)
    else:
        out.write("Supervisor PIN set for this station.\n")
    return 0


def cmd_packer(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.packers import add_packer, unlock_packer

    if args.action == "unlock":
        pin = _secret("PACKDESK_SUPERVISOR_PIN", "Supervisor PIN: ")
        with ws.session_factory.begin() as session:
            unlocked = unlock_packer(session, args.name, ws.settings.supervisor_pin, pin, actor_of(ws, "supervisor"))
        name = args.name.strip()
        if args.json:
            emit({"packer": name, "unlocked": unlocked}, out)
        else:
            out.write(f"{name} can sign in again.\n" if unlocked else f"{name} was not locked out.\n")
        return 0
    pin = _secret("PACKDESK_PACKER_PIN", f"PIN for {args.name} (4-12 digits): ")
    with ws.session_factory.begin() as session:
        row = add_packer(session, args.name, pin, args.badge)
        result = {"packer": row.name, "badge": row.badge}
    if args.json:
        emit(result, out)
    else:
        badge = f" with badge {result['badge']}" if result["badge"] else ""
        out.write(f"Packer {result['packer']} can sign in{badge}.\n")
    return 0


def cmd_ship(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.shipping import ship_order

    if len(args.order_nos) > 1 or args.auto_fill:
        return _ship_batch(ws, args, out)
    (order_no,) = args.order_nos
    result = ship_order(ws.session_factory, order_no, args.carrier, args.tracking, actor_of(ws), datetime.now(UTC))
    if result.warning:
        print(f"packdesk: warning: {say(result.warning)}", file=sys.stderr)
    if args.json:
        shipped = [{"order_no": result.order_no, "tracking_no": result.tracking_no}]
        emit({**result.to_json(), "shipped": shipped, "skipped": []}, out)
    else:
        out.write(f"{result.order_no}: shipped {result.carrier} {result.tracking_no}; ship-back queued.\n")
    return 0


def _ship_batch(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    """Several orders numbered from the first (app.services.batch_ship): the plan, then each order recorded."""
    from app.services.batch_ship import plan_batch_ship, ship_plan

    plan = plan_batch_ship(ws.session_factory, args.order_nos, args.carrier, args.tracking, auto_fill=args.auto_fill)
    report = ship_plan(ws.session_factory, plan, actor_of(ws), datetime.now(UTC))
    if args.json:
        emit(report.to_json(), out)
        return 0
    for done in report.shipped:
        again = " (already shipped with it)" if done.outbox_id is None else "; ship-back queued"
        out.write(f"{done.order_no}: shipped {done.carrier} {done.tracking_no}{again}.\n")
    for skip in report.skipped:
        out.write(f"{skip.order_no}: skipped: {say(skip.reason)}\n")
    out.write(f"{len(report.shipped)} shipped, {len(report.skipped)} skipped.\n")
    return 0


COMMANDS: dict[str, Callable[[Workspace, argparse.Namespace, TextIO], int]] = {
    "demo": cmd_demo_seed,
    "orders": cmd_orders,
    "print": cmd_print,
    "queue": cmd_queue,
    "pack": cmd_pack,
    "ship": cmd_ship,
    "outbox": cmd_outbox,
    "printer": cmd_printer,
    "shop": cmd_shop,
    "supervisor": cmd_supervisor,
    "packer": cmd_packer,
    "import": cmd_import,
    "sync": cmd_sync,
    "products": cmd_products,
    "stock": cmd_stock,
    "waybill": cmd_waybill,
    "report": cmd_report,
    "reconcile": cmd_reconcile,
    "history": cmd_history,
    "stops": cmd_stops,
    "carrier": cmd_carrier,
    "deadlines": cmd_deadlines,
    "notify": cmd_notify,
    "alerts": cmd_alerts,
    "risks": cmd_risks,
    "tracking": cmd_tracking,
    **dict.fromkeys(ORDER_ACTIONS, cmd_order_action),
    **dict.fromkeys(MERGE_COMMANDS, cmd_merge),
    "split": cmd_split,
}


def main(
    argv: Sequence[str] | None = None, *, runners: dict[str, Runner] | None = None, out: TextIO | None = None
) -> int:
    """Runs one `packdesk` command; returns the exit code.

    Args:
        argv: the arguments (default: sys.argv[1:]).
        runners: commands that live outside the core, by name: "gui" (the window) and "bench" (the benchmarks).
            ui/launcher.py passes them, so this module imports neither Qt nor bench/.
        out: where results go (default: stdout).
    """
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    # Before any command (`gui` and `bench` start here too), once the data directory is known: the online
    # providers find an account's secrets in its keyring entry, or in that directory's secrets file.
    demo = command == "gui" and getattr(args, "demo", False)
    install_waybill_providers(resolve_data_dir(args.data_dir or (default_data_dir() / "demo" if demo else None)))
    if command in ("gui", "bench"):
        runner = (runners or {}).get(command)
        if runner is None:
            print(
                f"packdesk: `{command}` is not available from `python -m app`; run `packdesk {command}`.",
                file=sys.stderr,
            )
            return EXIT_ERROR
        if not hasattr(args, "demo"):
            args.demo = False
        return runner(args)
    claim = _station_claim(args)
    try:
        if claim is not None:
            claim.acquire()
        ws = open_workspace(args.data_dir)
    except PackDeskError as exc:
        if claim is not None:
            claim.release()
        print(f"packdesk: {say(exc)}", file=sys.stderr)
        return EXIT_ERROR
    try:
        with translate_db_errors():
            return COMMANDS[command](ws, args, out)
    except (PackDeskError, PrinterError) as exc:
        print(f"packdesk: {say(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return 0
    finally:
        ws.close()
        if claim is not None:
            claim.release()


def _station_claim(args: argparse.Namespace) -> StationClaim | None:
    """The claim on the data directory (app.services.claim) for commands that pack, print or ship: they never run
    beside the window, whose open parcel they could pack, print or ship, nor beside each other. Every `queue` action
    first settles jobs a crash left sending, which beside a window would be the window's own. Reads run freely, and
    so does `outbox flush`: it claims each entry with a conditional write, so it and the window never both send one.
    A calibration page takes the printer the bench prints on (a port-9100 printer serves one connection at a time),
    the demo seed writes orders and the station's printer setting, and `waybill cancel` voids a parcel: all wait for
    the window too."""
    writes_the_bench = args.command == "printer" and args.action == "test" or args.command == "demo"
    # Cancelling a number voids its parcel, which the window may have open at the station.
    writes_the_bench = writes_the_bench or args.command == "waybill" and args.waybill_command == "cancel"
    # A merge changes what a parcel the window may have open holds: it waits for the window too.
    if args.command in ("pack", "print", "ship", "queue", "merge", "unmerge") or writes_the_bench:
        from app.services.claim import StationClaim

        return StationClaim(resolve_data_dir(args.data_dir), args.command)
    return None

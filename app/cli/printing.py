"""`packdesk print`, `packdesk queue` and `packdesk printer`: waybills through the spooler, from the shell."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

from app.cli.common import EXIT_ERROR, actor_of, emit
from app.cli.lang import say
from app.domain.enums import PrintJobState
from app.domain.errors import PackDeskError
from app.domain.messages import msg, of_error
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.services.printing import PrintResult


def add_parsers(cmd: Any) -> None:
    """Adds the printing subcommands through `cmd(name, help) -> ArgumentParser`."""
    p = cmd("print", "print the waybills of orders (one batch, in order)")
    p.add_argument("order_nos", nargs="+", metavar="ORDER_NO")
    p.add_argument("--printer", metavar="URI", help="printer address (default: the configured printer)")
    p.add_argument("--size", default=None, metavar="WxH", help="label size in mm, e.g. 100x150")
    p.add_argument("--carrier", default=None, metavar="CODE", help="waybill account carrier, e.g. ZTO, SF, EMS")
    p.add_argument("--reprint", default=None, metavar="REASON", help="print again an already printed waybill")

    p = cmd("queue", "the print queue: list jobs, resume a printer, answer 'did it print?'")
    p.add_argument("action", nargs="?", choices=("list", "run", "confirm", "requeue", "cancel"), default="list")
    p.add_argument("job", nargs="?", type=int, metavar="JOB", help="job id, for confirm, requeue and cancel")
    p.add_argument("--printer", metavar="URI", help="for run: the printer whose queue to work")
    p.add_argument("--state", action="append", metavar="STATE", help="for list: only jobs in this state")

    p = cmd("printer", "printer status and calibration")
    p.add_argument("action", choices=("status", "test"), help="status: ask it; test: print the calibration page")
    p.add_argument("uri", metavar="URI")


def open_configured_printer(ws: Workspace, uri: str | None, size: str | None = None) -> Any:
    from printers.registry import open_printer

    chosen = uri or ws.settings.printer_uri
    if not chosen:
        raise PackDeskError(msg("cli.no_printer"))
    return open_printer(chosen, default_size=size or ws.settings.label_size)


def _report(result: PrintResult, args: argparse.Namespace, out: TextIO) -> None:
    if result.state is not PrintJobState.SENT:
        kept = "kept for the retry" if result.state is PrintJobState.QUEUED else result.state.value
        why = say(result.message) if result.message else ""
        print(f"packdesk: {result.order_no} NOT printed ({result.tracking_no} {kept}): {why}", file=sys.stderr)
    if args.json:
        emit(result.to_json(), out)
    elif result.state is PrintJobState.SENT:
        out.write(f"{result.order_no}: printed {result.carrier} {result.tracking_no} (copy {result.copy_no})\n")


def cmd_print(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.printing import PrintService, recover  # loaded when the command runs: packdesk starts faster

    if args.size:
        from printers.media import parse_size

        try:
            parse_size(args.size)
        except ValueError as exc:
            raise PackDeskError(of_error(exc)) from exc
    actor = actor_of(ws)
    recover(ws.session_factory, actor, datetime.now(UTC))
    service = PrintService(ws.session_factory, open_configured_printer(ws, args.printer, args.size), actor)
    refused = 0
    jobs: list[int] = []
    # One transaction for the batch; the same batch run again (after a crash, or a printer that stopped) prints its
    # waiting jobs here, with the numbers they were given.
    queued = service.enqueue_batch(args.order_nos, carrier_code=args.carrier, reprint_reason=args.reprint)
    for notice in service.notices.values():  # an address changed after printing: which label now stands
        print(f"packdesk: {say(notice)}", file=sys.stderr)
    for order_no, job in zip(args.order_nos, queued, strict=True):
        if isinstance(job, PackDeskError):  # one order that cannot print does not stop the rest of the batch
            print(f"packdesk: {say(job)}", file=sys.stderr)
            if args.json:
                emit({"order_no": order_no, "state": "refused", "error": job.message, "reason": job.code}, out)
            refused += 1
        else:
            jobs.append(job)
    results = service.run(only=set(jobs), progress=lambda r: _report(r, args, out))
    done = {r.job_id for r in results}
    for job_id in jobs:
        if job_id not in done:  # the queue paused before reaching it: it waits, number and all
            why = service.pause.message if service.pause else msg("print.not_printed")
            _report(service.result(job_id, message=why), args, out)
    failed = refused + sum(r.state is not PrintJobState.SENT for r in results) + len(set(jobs) - done)
    if service.pause:
        print(
            f"packdesk: the printer needs attention ({service.pause.state.value}): {say(service.pause.message)}. "
            f"Waiting jobs print with `packdesk queue run --printer {service.uri}` (or this command again).",
            file=sys.stderr,
        )
    if failed and len(args.order_nos) > 1:
        print(f"packdesk: {failed} of {len(args.order_nos)} waybill(s) did not print; see above.", file=sys.stderr)
    return EXIT_ERROR if failed else 0


def cmd_queue(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.printing import PrintService, cancel, list_jobs, recover, resolve

    actor = actor_of(ws)
    now = datetime.now(UTC)
    recover(ws.session_factory, actor, now)
    if args.action in ("confirm", "requeue", "cancel"):
        if args.job is None:
            raise PackDeskError(msg("cli.queue_needs_job", action=args.action))
        if args.action == "cancel":
            job = cancel(ws.session_factory, args.job, actor=actor, now=now)
        else:
            job = resolve(ws.session_factory, args.job, printed=args.action == "confirm", actor=actor, now=now)
        if args.json:
            emit(job.to_json(), out)
        else:
            reprint = job.state is PrintJobState.QUEUED and job.copy_no > 1
            copy = f", copy {job.copy_no}: {say(job.message)}" if reprint and job.message else ""
            out.write(f"job {job.id} ({job.order_no} {job.tracking_no}): {job.state.value}{copy}\n")
        return 0
    if args.action == "run":
        service = PrintService(ws.session_factory, open_configured_printer(ws, args.printer), actor)
        results = service.run(progress=lambda r: _report(r, args, out))
        if service.pause:
            print(
                f"packdesk: the printer needs attention ({service.pause.state.value}): {say(service.pause.message)}",
                file=sys.stderr,
            )
            return EXIT_ERROR
        return EXIT_ERROR if any(r.state is not PrintJobState.SENT for r in results) else 0
    jobs = list_jobs(ws.session_factory, states=tuple(args.state) if args.state else None)
    if args.json:
        emit([j.to_json() for j in jobs], out)
        return 0
    for j in jobs:
        out.write(
            f"#{j.id:<5} {j.state.value:<8} {j.order_no} {j.carrier} {j.tracking_no} copy {j.copy_no} "
            f"{j.printer_uri} {say(j.message) if j.message else ''}\n"
        )
    waiting = sum(j.state in (PrintJobState.QUEUED, PrintJobState.UNKNOWN) for j in jobs)
    out.write(f"{waiting} job(s) waiting or to confirm, {len(jobs)} listed.\n")
    return 0


def cmd_printer(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from printers.registry import open_printer

    printer = open_printer(args.uri, default_size=ws.settings.label_size)
    if args.action == "test":
        from printers.calibration import render_test_page

        if not hasattr(printer, "print_label"):
            raise PackDeskError(msg("cli.test_page_needs_label_printer", scheme=printer.spec.scheme))
        sent = printer.print_label(render_test_page(printer.spec), "calibration")
        if args.json:
            emit({"printer": args.uri, "bytes_sent": sent}, out)
        else:
            out.write(f"Calibration page sent to {args.uri} ({sent} bytes).\n")
        return 0
    status = printer.status()
    if args.json:
        emit(status.to_json(), out)
    else:
        out.write(f"{args.uri}: {status.state.value} - {say(of_error(status))}\n")
    return 0 if status.ready else EXIT_ERROR

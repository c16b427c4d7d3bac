"""`packdesk import FILE... --shop NAME`: seller-centre exports (Taobao order + item reports, PDD, JD) into the cache.

Exit 0 when the import ran, rejected rows included: they are reported, one line each ("FILE row N: reason"), and the
good rows are in. A file that cannot be read or recognised makes the exit non-zero, with its reason on stderr; the
other files still import.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

from app.cli.common import EXIT_ERROR, emit
from app.cli.lang import say
from app.domain.enums import Platform
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.sync.imports import ImportReport

PLATFORM_CHOICES = (Platform.TAOBAO.value, Platform.TMALL.value, Platform.PDD.value, Platform.JD.value)


def add_parsers(cmd: Any) -> None:
    """Adds the import subcommand through `cmd(name, help) -> ArgumentParser`."""
    p = cmd("import", "import seller-centre exports: Taobao order + item reports, Pinduoduo, JD (CSV)")
    p.add_argument("files", nargs="+", metavar="FILE", help="the exported CSV files (Taobao: both reports together)")
    p.add_argument("--shop", required=True, metavar="NAME", help="the shop the orders belong to (created when new)")
    p.add_argument(
        "--platform",
        choices=PLATFORM_CHOICES,
        default=None,
        help="platform of a new shop (default: the one the files come from)",
    )


def cmd_import(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.imports import import_files  # loaded when the command runs: packdesk starts faster

    platform = Platform(args.platform) if args.platform else None
    with ws.session_factory.begin() as session:
        report = import_files(session, args.files, args.shop, datetime.now(UTC), platform=platform)
    for f in report.errors:
        assert f.message is not None
        print(f"packdesk: {say(f.message)}", file=sys.stderr)
    if args.json:
        emit(report.to_json(), out)
    else:
        _summary(report, out)
    return EXIT_ERROR if report.errors else 0


def _summary(report: ImportReport, out: TextIO) -> None:
    from app.sync.imports import FORMATS

    for f in report.files:
        if f.error:
            out.write(f"{f.file}: not imported (see the error above)\n")
            continue
        counts = f"{f.inserted} new, {f.updated} updated, {f.unchanged} unchanged"
        if f.format == "taobao_items":  # its orders are counted with the order report
            counts = "lines joined to the order report"
        skipped = f", {f.skipped} not paid yet (skipped)" if f.skipped else ""
        named = say(FORMATS[f.format])
        out.write(f"{f.file}: {named}, {f.rows} rows: {counts}{skipped}, {len(f.rejected)} rejected\n")
    for r in report.rejected:
        out.write(f"{r.file} row {r.row}: {say(r.message)}\n")
    if report.platform:
        out.write(
            f"Shop {report.shop} ({report.platform}): {report.total('inserted')} orders new, "
            f"{report.total('updated')} updated, {report.total('unchanged')} unchanged; "
            f"{len(report.rejected)} rows rejected.\n"
        )

"""Runs every benchmark and prints one table (or JSON)."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from bench import (
    catalogue,
    labels,
    order_actions,
    order_detail,
    pdd_sync,
    pdf,
    reports,
    spooler,
    station,
    stock,
    sync,
    waybills,
    workspace,
)
from bench.common import Figure

SUITES = {
    "labels": labels.run,
    "pdf": pdf.run,
    "station": station.run,
    "spooler": spooler.run,
    "sync": sync.run,
    "pdd_sync": pdd_sync.run,
    "waybills": waybills.run,
    "catalogue": catalogue.run,
    "stock": stock.run,
    "catalogue_sync": catalogue.run_sync,
    "workspace": workspace.run,
    "order_detail": order_detail.run,
    "order_actions": order_actions.run,
    "reports": reports.run,
}


def run(as_json: bool = False, out: TextIO | None = None, only: list[str] | None = None) -> int:
    out = out or sys.stdout
    figures: list[Figure] = []
    for name, suite in SUITES.items():
        if only and name not in only:
            continue
        figures += suite()
    if as_json:
        json.dump([f.to_json() for f in figures], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    out.write(f"{'benchmark':<44} {'PackDesk':>12}   {'baseline':<36} {'baseline':>12} {'x faster':>9}  goal\n")
    for f in figures:
        base = f"{f.baseline:12.2f}" if f.baseline is not None else " " * 12
        ratio = f"{f.ratio:9.1f}" if f.ratio is not None else " " * 9
        out.write(f"{f.name:<44} {f.value:9.2f} {f.unit:<3}  {f.baseline_name:<36} {base} {ratio}  {f.goal}\n")
    return 0

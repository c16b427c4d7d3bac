"""`packdesk products import|list|barcode|sync`: the shop's catalogue from its product sheet, listed, a barcode bound
by hand, and the catalogue of Taobao shops synced from the platform (app.sync.catalogue).

`import` exits 0 when the sheet was read, rejected rows included: they are reported one line each ("FILE row N:
reason", or in the JSON of `packdesk import`), and the good rows are in. A sheet that cannot be read, or has no SKU
column, makes the exit non-zero with its reason on stderr, and nothing changes. `--dry-run` reports what the import
would do and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from app.cli.common import EXIT_ERROR, actor_of, emit
from app.cli.lang import say
from app.domain.product_sheet import FIELDS
from app.domain.products import Product
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.sync.imports.products import ProductImportReport

# The catalogue services and the sheet import each action needs are imported inside it, when the command runs: every
# `packdesk` command starts faster.


def add_parsers(
    cmd: Callable[[str, str], argparse.ArgumentParser], common: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = cmd("products", "the catalogue: SKUs with their barcodes, case packs, weights and stock")
    sub = p.add_subparsers(dest="products_command", metavar="ACTION", required=True)

    imp = sub.add_parser("import", help="import the shop's own product sheet (.xlsx or .csv)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--shop", default=None, metavar="NAME", help="the shop the sheet belongs to (it must exist)")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help=f"the column that holds FIELD, as the sheet's header names it (fields: {', '.join(FIELDS)}); "
        "FIELD= uses no column for it",
    )
    imp.add_argument("--dry-run", action="store_true", help="report what the import would do; change nothing")
    common(imp)

    ls = sub.add_parser("list", help="list products with barcodes, case packs, weight and stock")
    ls.add_argument("--search", default=None, metavar="Q", help="a piece of a SKU, title, spec, item code or barcode")
    ls.add_argument(
        "--missing-barcode",
        action="store_true",
        help="only SKUs without a barcode for a single piece, and SKUs waiting orders sell that the catalogue lacks",
    )
    ls.add_argument("--limit", type=int, default=1000, metavar="N")
    common(ls)

    sync = sub.add_parser("sync", help="pull the catalogue (SKUs, barcodes) of Taobao shops from the platform")
    sync.add_argument("--shop", default=None, metavar="NAME", help="one shop (default: every Taobao API shop)")
    common(sync)

    bind = sub.add_parser("barcode", help="bind a barcode to a SKU by hand (the import's rules apply)")
    bind.add_argument("sku", metavar="SKU")
    bind.add_argument("code", metavar="CODE")
    bind.add_argument("--units", type=int, default=1, metavar="N", help="pieces one scan counts (a case pack: 2+)")
    common(bind)


def cmd_products(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    action = args.products_command
    if action == "import":
        return _import(ws, args, out)
    if action == "list":
        return _list(ws, args, out)
    if action == "sync":
        return _sync(ws, args, out)
    from app.services.catalogue import bind_barcode

    bound = bind_barcode(ws.session_factory, args.sku, args.code, args.units, actor_of(ws))
    if args.json:
        emit(bound.to_json(), out)
    else:
        what = "piece" if bound.units == 1 else f"case of {bound.units}"
        state = "bound" if bound.changed else "was already bound"
        out.write(f"{bound.code} ({what}) {state} to {bound.product.sku} {bound.product.title}.\n")
    return 0


def _import(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.imports.products import import_products, parse_map

    mapping = parse_map(args.map)
    with ws.session_factory() as session:
        report = import_products(session, args.file, shop=args.shop, mapping=mapping)
        if args.dry_run:
            session.rollback()
        else:
            session.commit()
    for f in report.errors:
        assert f.message is not None
        print(f"packdesk: {say(f.message)}", file=sys.stderr)
    if args.json:
        emit({**report.to_json(), "dry_run": args.dry_run}, out)
    else:
        _summary(report, args.dry_run, out)
    return EXIT_ERROR if report.errors else 0


def _summary(report: ProductImportReport, dry_run: bool, out: TextIO) -> None:
    (f,) = report.files
    if f.error:
        out.write(f"{f.file}: not imported (see the error above)\n")
        return
    if report.columns is not None:
        used = ", ".join(f"{name}={header}" for name, header in report.columns.mapping.items())
        out.write(f"{f.file}: header on row {report.columns.header_row}; columns {used}\n")
        if report.columns.ignored:
            out.write(f"  not used: {', '.join(report.columns.ignored)}\n")
    for r in report.rejected:
        out.write(f"{r.file} row {r.row}: {say(r.message)}\n")
    would = "would be " if dry_run else ""
    out.write(
        f"{f.rows} rows: {f.inserted} products {would}new, {f.updated} {would}updated, {f.unchanged} unchanged; "
        f"{len(f.rejected)} rows rejected.\n"
    )


def _sync(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.catalogue import sync_catalogues

    reports = sync_catalogues(ws.session_factory, ws.data_dir, args.shop)
    if args.json:
        emit({"shops": [r.to_json() for r in reports]}, out)
        return 1 if any(r.error for r in reports) else 0
    if not reports:
        out.write("No Taobao shop syncs through an API here; add one with `packdesk shop add`.\n")
    for r in reports:
        if r.message:
            out.write(f"{r.shop}: catalogue not synced: {say(r.message)}\n")
            continue
        for rejected in r.rejected:
            out.write(f"{r.shop} item {rejected.item_id} SKU {rejected.sku}: {say(rejected.message)}\n")
        out.write(
            f"{r.shop}: {r.items} items read, {r.added} SKUs new, {r.changed} changed, {r.unchanged} unchanged, "
            f"{r.barcodes_added} barcodes added; {len(r.rejected)} left out{' (resumed)' if r.resumed else ''}.\n"
        )
    return 1 if any(r.error for r in reports) else 0


def _list(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.catalogue import list_products

    products = list_products(
        ws.session_factory, search=args.search, missing_barcode=args.missing_barcode, limit=args.limit
    )
    if args.json:
        emit([p.to_json() for p in products], out)
        return 0
    for p in products:
        out.write(_line(p) + "\n")
    return 0


def _line(p: Product) -> str:
    codes = " ".join([*p.barcodes, *(f"{c.barcode}x{c.units}" for c in p.case_packs)]) or "(no barcode)"
    weight = f"{p.weight_g} g" if p.weight_g else "- g"
    stock = p.stock
    known = "" if p.known else "  (not in the catalogue)"
    return (
        f"{p.sku:<20} {p.title[:24]:<24} {codes:<32} {weight:>8}  "
        f"on hand {stock.on_hand}, reserved {stock.reserved}, available {stock.available}{known}"
    )

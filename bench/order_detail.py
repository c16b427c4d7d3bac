"""The workspace's detail pane at scale: Desk.order_detail (the order, its lines, parcels, print jobs, outbox entries,
audit trail and scan count) on the bench's million-order file given a history: an audit entry per order, and per
parcel a print job, its audit entry, one about the parcel and a ship-back; beside the same reads written by hand in
raw sqlite3 (index lookups, no objects built).

The bench file (bench.workspace.orders_file) is copied first, so its cache stays as the workspace bench expects it.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import Figure, percentile
from bench.workspace import ORDERS, orders_file

SAMPLES = 200
AUDIT = "INSERT INTO audit_log (at, actor, station, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"


def _add_history(path: Path) -> int:
    """An audit entry per order; per parcel a print job, an audit entry about each and a ship-back. Returns how
    many audit entries there are."""
    raw = sqlite3.connect(path)
    try:
        at = "2026-11-01 10:00:00.000000"
        parcels = raw.execute("SELECT p.id, p.tracking_no, o.order_no, o.id, o.shop_id FROM packages p "
                              "JOIN orders o ON o.id = p.order_id").fetchall()  # fmt: skip
        orders = raw.execute("SELECT order_no FROM orders").fetchall()
        raw.executemany(AUDIT, [(at, "bench", "vm", "flag", "order", no, '{"before": "none"}') for (no,) in orders])
        raw.executemany(AUDIT, [(at, "bench", "vm", "void", "package", p[1], "{}") for p in parcels])
        raw.executemany(
            "INSERT INTO print_jobs (package_id, printer_uri, state, copy_no, bytes_sent, created_at, attempts) "
            "VALUES (?, 'memory://', 'sent', 1, 100, ?, 0)",
            [(p[0], at) for p in parcels],
        )
        raw.execute(
            "INSERT INTO audit_log (at, actor, station, action, entity, entity_id, detail) "
            "SELECT ?, 'bench', 'vm', 'print', 'print_job', CAST(id AS TEXT), '{}' FROM print_jobs",
            (at,),
        )
        raw.executemany(
            "INSERT INTO outbox (kind, dedupe_key, shop_id, order_id, payload, state, attempts, created_at) "
            "VALUES ('ship', ?, ?, ?, ?, 'done', 1, ?)",
            [(f"ship:{p[0]}", p[4], p[3], f'{{"tracking_no": "{p[1]}"}}', at) for p in parcels],
        )
        raw.commit()
        return int(raw.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        raw.close()


def _by_hand(raw: sqlite3.Connection, order_no: str) -> int:
    """The same reads as a person would write them: one query each, index lookups only."""
    order = raw.execute("SELECT * FROM orders WHERE order_no = ?", (order_no,)).fetchone()
    oid = order[0]
    n = len(raw.execute("SELECT * FROM order_lines WHERE order_id = ?", (oid,)).fetchall())
    parcels = raw.execute("SELECT id, tracking_no FROM packages WHERE order_id = ?", (oid,)).fetchall()
    jobs = raw.execute(
        "SELECT j.* FROM print_jobs j JOIN packages p ON p.id = j.package_id WHERE p.order_id = ?", (oid,)
    ).fetchall()
    n += len(raw.execute("SELECT * FROM outbox WHERE order_id = ?", (oid,)).fetchall())
    marks = ",".join("?" * len(parcels)) or "''"
    job_marks = ",".join("?" * len(jobs)) or "''"
    n += len(
        raw.execute(
            "SELECT * FROM audit_log WHERE (entity = 'order' AND entity_id = ?) "
            f"OR (entity = 'package' AND entity_id IN ({marks})) "
            f"OR (entity = 'print_job' AND entity_id IN ({job_marks})) ORDER BY id DESC LIMIT 500",
            (order_no, *[p[1] for p in parcels], *[str(j[0]) for j in jobs]),
        ).fetchall()
    )
    n += raw.execute("SELECT count(*) FROM scan_events WHERE order_id = ?", (oid,)).fetchone()[0]
    return n


def run(orders: int = ORDERS, samples: int = SAMPLES) -> list[Figure]:
    from app.facade import Desk
    from app.services.audit import Actor
    from app.services.workspace import open_workspace

    with tempfile.TemporaryDirectory(prefix="packdesk-detail-") as tmp:
        root = Path(tmp)
        shutil.copyfile(orders_file(orders), root / "packdesk.db")
        entries = _add_history(root / "packdesk.db")
        ws = open_workspace(root)
        raw = sqlite3.connect(root / "packdesk.db")
        try:
            desk = Desk(ws.session_factory, root, Actor("bench", "vm"))
            ids = random.Random(5).sample(range(1, orders + 1), min(samples, orders))
            qs = ",".join("?" * len(ids))
            numbers = [r[0] for r in raw.execute(f"SELECT order_no FROM orders WHERE id IN ({qs})", ids)]
            ours, hand = [], []
            desk.order_detail(numbers[0])
            for no in numbers:
                start = time.perf_counter()
                desk.order_detail(no)
                ours.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                _by_hand(raw, no)
                hand.append((time.perf_counter() - start) * 1000)
        finally:
            raw.close()
            ws.close()
    name = f"detail pane read p95 ({orders:,} orders, {entries:,} audit entries)"
    return [Figure(name, percentile(ours, 95), "ms", "hand-written SQL p95", percentile(hand, 95), "<= 20 ms")]

"""A batch ship killed with SIGKILL midway (`packdesk ship ... --auto-fill` in a real subprocess, killed inside an
order's transaction after the orders before it committed) and run again as the seller would: every order ships
once, with the number of its place in the roll, and one ship-back each; the killed order's writes are gone."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func, select

from app.cli import main
from app.domain.enums import OrderStatus
from app.domain.number_sequence import sequence
from app.persistence.rows import OrderRow, OutboxRow, PackageRow
from app.services.orders import list_orders
from app.services.workspace import Workspace

FIRST = "EA123456785CN"
KILLED_AT = 4  # the 4th order's transaction: the first three committed

# Runs the command line in this process, killing it (SIGKILL: no clean-up, no rollback) once the order's shipment is
# written and before its transaction commits.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    import app.services.batch_ship as batch
    from app.cli import main

    calls = 0
    real = batch.record_shipment

    def record_then_die(*args, **kwargs):
        global calls
        calls += 1
        result = real(*args, **kwargs)
        if calls == int(os.environ["KILL_AT"]):
            args[0].flush()
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    batch.record_shipment = record_then_die
    sys.exit(main(sys.argv[1:]))
    """
)


def ship_state(ws: Workspace, orders: list[str]) -> tuple[dict[str, list[str]], dict[str, int]]:
    with ws.session_factory() as s:
        parcels: dict[str, list[str]] = {o: [] for o in orders}
        for no, tn in s.execute(select(OrderRow.order_no, PackageRow.tracking_no).join(PackageRow)):
            parcels.setdefault(no, []).append(tn)
        backs = dict(
            s.execute(
                select(OrderRow.order_no, func.count(OutboxRow.id))
                .join(OutboxRow, OutboxRow.order_id == OrderRow.id)
                .group_by(OrderRow.order_no)
            ).all()
        )
    return {o: parcels[o] for o in orders}, {o: backs.get(o, 0) for o in orders}


def test_a_batch_killed_midway_resumes_without_shipping_twice(demo: Workspace, tmp_path: Path) -> None:
    waiting = list_orders(demo.session_factory, limit=1000)
    orders = [o.order_no for o in waiting if o.block_reason() is None and o.status is OrderStatus.AWAITING_SHIPMENT][:8]
    numbers = sequence("EMS", FIRST, len(orders))
    argv = ["--data-dir", str(demo.data_dir), "ship", *orders, "--carrier", "EMS", "--tracking", FIRST, "--auto-fill"]
    child = tmp_path / "child.py"
    child.write_text(CHILD, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(child), *argv, "--json"],
        env={**_env(), "KILL_AT": str(KILLED_AT)},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()

    parcels, backs = ship_state(demo, orders)
    done = KILLED_AT - 1
    assert parcels == {o: ([n] if i < done else []) for i, (o, n) in enumerate(zip(orders, numbers, strict=True))}
    assert backs == {o: int(i < done) for i, o in enumerate(orders)}

    out = io.StringIO()
    assert main([*argv, "--json"], out=out) == 0  # the seller runs the same command again
    report = json.loads(out.getvalue())
    assert [(s["order_no"], s["tracking_no"], s["already"]) for s in report["shipped"]] == [
        (o, n, i < done) for i, (o, n) in enumerate(zip(orders, numbers, strict=True))
    ]
    assert report["skipped"] == []
    parcels, backs = ship_state(demo, orders)
    assert parcels == {o: [n] for o, n in zip(orders, numbers, strict=True)}
    assert backs == dict.fromkeys(orders, 1)


def _env() -> dict[str, str]:
    import os

    root = Path(__file__).resolve().parents[2]
    return {**os.environ, "PYTHONPATH": str(root), "PACKDESK_KEYRING": "file"}

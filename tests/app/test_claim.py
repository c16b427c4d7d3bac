"""One station per data directory: commands that pack, print or ship refuse a directory another process holds (a
window, or another packing run), reads run beside it, and a holder killed with SIGKILL blocks nothing."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdtest.packing import pick, simple, units_scans

from app.demo.seed import seed_demo
from app.domain.orders import Order
from app.services.claim import HOLDER_FILE, WINDOW, StationBusy, StationClaim, read_holder
from app.services.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]

# Takes the claim as the window does (or as the command named), says so, and keeps it until stdin closes or it is
# killed.
HOLD = (
    "import sys; from pathlib import Path; from app.services.claim import StationClaim; "
    "claim = StationClaim(Path(sys.argv[1]), sys.argv[2]); claim.acquire(); print('held', flush=True); "
    "sys.stdin.read()"
)


def env() -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k != "PACKDESK_HOME"}, "PACKDESK_BUSY_TIMEOUT": "0.5"}


def packdesk(packdesk_cmd: list[str], data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*packdesk_cmd, "--data-dir", str(data_dir), *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env(), timeout=120,
    )  # fmt: skip


def digest(db: Path) -> str:
    """Everything in the database, schema and rows."""
    conn = sqlite3.connect(db)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def hold(data_dir: Path, command: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data_dir), command],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env(),
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture
def seeded(data_dir: Path) -> Iterator[Order]:
    ws = open_workspace(data_dir)
    try:
        with ws.session_factory.begin() as s:
            seed_demo(s, orders=30, seed=11, anchor=datetime(2025, 3, 14, 4, tzinfo=UTC))
        yield pick(ws, simple())
    finally:
        ws.close()


def test_a_window_holding_the_directory_keeps_pack_print_and_ship_out_and_reads_in(
    data_dir: Path, seeded: Order, packdesk_cmd: list[str], tmp_path: Path
) -> None:
    order, labels = seeded, tmp_path / "labels"
    before = digest(data_dir / "packdesk.db")
    window = hold(data_dir, WINDOW)
    try:
        refused = [
            packdesk(packdesk_cmd, data_dir, "pack", "--scans", "-", "--json", stdin=f"{order.order_no}\n"),
            packdesk(packdesk_cmd, data_dir, "print", order.order_no, "--printer", f"png://{labels}"),
            packdesk(
                packdesk_cmd, data_dir, "ship", order.order_no, "--carrier", "ZTO", "--tracking", "73600316247999"
            ),
            packdesk(packdesk_cmd, data_dir, "queue", "list"),
            packdesk(packdesk_cmd, data_dir, "printer", "test", f"png://{labels}"),
            packdesk(packdesk_cmd, data_dir, "demo", "seed", "--orders", "5"),
            packdesk(packdesk_cmd, data_dir, "waybill", "cancel", "73600316247999"),
        ]
        for done in refused:
            assert done.returncode == 2 and done.stdout == ""
            assert f"A PackDesk window (process {window.pid}) is open on the data directory" in done.stderr
            assert "pack, print and ship from that window, or close it first" in done.stderr
        assert digest(data_dir / "packdesk.db") == before  # nothing changed
        assert not labels.exists()
        orders = packdesk(packdesk_cmd, data_dir, "orders", "--json", "--limit", "5")
        outbox = packdesk(packdesk_cmd, data_dir, "outbox", "list", "--json")
        assert orders.returncode == 0 and len(json.loads(orders.stdout)) == 5
        assert outbox.returncode == 0 and json.loads(outbox.stdout) == []
    finally:
        window.kill()  # SIGKILL: no clean-up of any kind
        window.wait()
        window.stdin.close()  # type: ignore[union-attr]
        window.stdout.close()  # type: ignore[union-attr]
    assert read_holder(data_dir) is not None  # the dead window's note is still there, and misleads nobody
    done = packdesk(packdesk_cmd, data_dir, "pack", "--scans", "-", "--json", stdin=f"{order.order_no}\n")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["event"] for line in done.stdout.splitlines()] == ["order_opened"]


def test_two_pack_runs_on_one_directory_the_second_refuses(
    data_dir: Path, seeded: Order, packdesk_cmd: list[str], tmp_path: Path
) -> None:
    order, printer = seeded, f"png://{tmp_path / 'labels'}"
    cmd = [*packdesk_cmd, "--data-dir", str(data_dir), "pack", "--scans", "-", "--printer", printer, "--json"]
    first = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env())
    assert first.stdin is not None and first.stdout is not None
    first.stdin.write(order.order_no + "\n")
    first.stdin.flush()
    assert json.loads(first.stdout.readline())["event"] == "order_opened"  # it holds the directory now
    second = packdesk(packdesk_cmd, data_dir, "pack", "--scans", "-", "--json", stdin=units_scans(order)[0] + "\n")
    assert second.returncode == 2 and second.stdout == ""
    assert f"`packdesk pack` (process {first.pid}) is using the data directory" in second.stderr
    rest = "".join(code + "\n" for code in units_scans(order))
    out, _ = first.communicate(rest, timeout=120)
    assert first.returncode == 0
    assert [json.loads(line)["event"] for line in out.splitlines()][-2:] == ["label_printed", "shipped"]


def test_the_claim_in_one_process(data_dir: Path) -> None:
    """Within one process too (a test that opens a second window): a second claim is refused until the first ends."""
    with StationClaim(data_dir, WINDOW) as first:
        assert first.held and read_holder(data_dir) is not None
        assert read_holder(data_dir).command == WINDOW  # type: ignore[union-attr]
        with pytest.raises(StationBusy, match="A PackDesk window") as refused:
            StationClaim(data_dir, "print").acquire()
        assert refused.value.code == "station_busy"
    with StationClaim(data_dir, "print") as second:
        assert second.held and json.loads((data_dir / HOLDER_FILE).read_text())["command"] == "print"
    assert not second.held

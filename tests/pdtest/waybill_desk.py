"""A PackDesk data directory driven through `packdesk` subprocesses, with a Taobao shop synced from the loopback TOP
gateway (tests/pdtest/top_server.py) and a Cainiao waybill account on its key and session: the set-up of the
e-waybill acceptance tests (tests/app/test_waybill_*.py).

    desk = cainiao_desk(packdesk_cmd, tmp_path / "data", srv)
    desk.ok("print", *orders, "--printer", uri)      # --json added; the last JSON line, exit code 0 asserted
    desk.start("print", ...)                         # a process to SIGKILL
    desk.query("SELECT ... FROM waybill_issues")     # the database as it is now, read-only
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pdtest.top_server import TopServer

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
ENV = {
    "PACKDESK_LANG": "en",
    "PACKDESK_KEYRING": "file",
    "PACKDESK_APP_SECRET": SECRET,
    "PACKDESK_SESSION_KEY": SESSION,
}
TIMEOUT_S = 120


class Desk:
    """A data directory driven through `packdesk` subprocesses."""

    def __init__(self, cmd: list[str], data_dir: Path) -> None:
        self.cmd, self.data_dir = cmd, data_dir

    def argv(self, *args: str) -> list[str]:
        return [*self.cmd, *args, "--data-dir", str(self.data_dir)]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.argv(*args), capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT_S, check=False,
            env={**os.environ, **ENV},
        )  # fmt: skip

    def ok(self, *args: str) -> Any:
        done = self.run(*args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.splitlines()[-1]) if done.stdout.strip() else None

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            self.argv(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, **ENV}, start_new_session=True,
        )  # fmt: skip

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        db = self.data_dir / "packdesk.db"
        if not db.exists():
            return []
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute(sql, params).fetchall()
        except sqlite3.OperationalError:  # the schema is not there yet
            return []
        finally:
            con.close()

    def packable(self) -> list[str]:
        """Orders waiting to ship, with nothing refunded and no number yet."""
        return [
            o["order_no"]
            for o in self.ok("orders", "--limit", "500")
            if o["status"] == "awaiting_shipment"
            and o["tracking_no"] is None
            and all(ln["refund_status"] == "none" for ln in o["lines"])
        ]


def cainiao_desk(cmd: list[str], data_dir: Path, srv: TopServer) -> Desk:
    """A Taobao shop synced from `srv`, with a Cainiao account (ZTO, the group's sender set) on its key and session."""
    d = Desk(cmd, data_dir)
    added = d.run("shop", "add", "淘宝店", "--platform", "taobao", "--gateway", srv.url, "--app-key", APP_KEY)
    assert added.returncode == 0, added.stderr
    d.ok("sync")
    d.ok(
        "waybill", "add", "菜鸟", "--provider", "cainiao", "--shop", "淘宝店", "--carrier", "ZTO",
        "--sender-name", "小鹿家居", "--sender-phone", "0571-88886666",
    )  # fmt: skip
    return d


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    """Waits until `condition` holds (bounded; a condition, never a measured time)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.005)

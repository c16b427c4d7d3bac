"""`packdesk outbox flush` killed with SIGKILL while PDD holds a ship-back it has applied: the next flush reads the
order instead of sending again, so every ship-back is applied exactly once; `outbox list` shows PDD's refusal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

from app.services.workspace import open_workspace
from tests.pdtest.pdd_server import PddServer
from tests.pdtest.pdd_shop import CLIENT_ID, SECRET, TOKEN, PddShop

SEND = "pdd.logistics.online.send"


def packdesk(cmd: list[str], data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PACKDESK_KEYRING": "file", "PACKDESK_LANG": "en"}
    return subprocess.run(
        [*cmd, "--data-dir", str(data_dir), *args], capture_output=True, text=True, timeout=300, env=env
    )


def test_kill_9_while_pdd_holds_an_applied_ship_back(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    data_dir = tmp_path / "data"
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=13) as srv:
        ws = open_workspace(data_dir)
        try:
            shop = PddShop(ws, srv)
            sns = shop.shipped(5)
        finally:
            ws.close()
        shop.pdd.refund(sns[-1], done=True)  # refunded at PDD after the parcel was recorded: PDD refuses its ship-back
        hold = srv.hold(SEND)  # the first send is applied at PDD, then its answer waits
        env = {**os.environ, "PACKDESK_KEYRING": "file"}
        proc = subprocess.Popen(
            [*packdesk_cmd, "--data-dir", str(data_dir), "outbox", "flush", "--json"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            assert hold.applied.wait(120), "the flush never reached PDD"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
        finally:
            hold.release(answer=False)
        assert shop.desk.sends.total() == 1
        done = packdesk(packdesk_cmd, data_dir, "outbox", "flush", "--json")
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout.splitlines()[-1])
        listed = packdesk(packdesk_cmd, data_dir, "outbox", "list", "--json")
        assert listed.returncode == 0, listed.stderr
    assert dict(shop.desk.sends) == dict.fromkeys(sns[:-1], 1)  # each applied once, the held one too
    assert report["verified"] == 1 and report["sent"] == 3 and report["failed"] == 1, report
    assert [e["order_no"] for e in report["errors"]] == [sns[-1]] and "ORDER_REFUNDED" in report["errors"][0]["reason"]
    items = {i["order_no"]: i for i in json.loads(listed.stdout) if i["kind"] == "ship"}
    assert {no: i["state"] for no, i in items.items()} == {**dict.fromkeys(sns[:-1], "done"), sns[-1]: "failed"}
    assert "已退款，不可发货" in items[sns[-1]]["last_error"]

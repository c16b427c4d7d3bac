"""A Pinduoduo shop from the command line: `shop add --platform pdd`, `sync` (killed mid-way and run again), the
receiver's plaintext nowhere on disk or in `orders --json`, an expired token said in `sync`'s output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.workspace import open_workspace
from app.sync.pdd_orders import LIST
from app.sync.service import sync_status
from tests.pdtest.pdd_orders import PddShop
from tests.pdtest.pdd_server import CLIENT_ID, SECRET, TOKEN, PddServer

ENV = {**os.environ, "PACKDESK_KEYRING": "file", "PACKDESK_CLIENT_SECRET": SECRET, "PACKDESK_ACCESS_TOKEN": TOKEN}


@pytest.fixture
def server() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=11) as srv:
        yield srv


def run(
    cmd: list[str], data_dir: Path, *args: str, env: dict[str, str] = ENV, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cmd, "--data-dir", str(data_dir), *args], input=stdin, capture_output=True, text=True, encoding="utf-8",
        timeout=300, env=env,
    )  # fmt: skip


def add(cmd: list[str], data_dir: Path, srv: PddServer, *more: str) -> None:
    """`packdesk shop add 拼多多店 --platform pdd` for the shop of `srv` (`more`: further options)."""
    added = run(cmd, data_dir, "shop", "add", "拼多多店", "--platform", "pdd", "--gateway", srv.url, "--client-id",
                CLIENT_ID, *more)  # fmt: skip
    assert added.returncode == 0, added.stderr


def test_no_plaintext_receiver_anywhere(tmp_path: Path, packdesk_cmd: list[str], server: PddServer) -> None:
    shop = PddShop(server, 300, seed=11)
    data_dir = tmp_path / "data"
    add(packdesk_cmd, data_dir, server)
    synced = run(packdesk_cmd, data_dir, "sync", "--json")
    assert synced.returncode == 0, synced.stderr
    (report,) = json.loads(synced.stdout)["shops"]
    assert report["first_fill"] and report["inserted"] == len(shop.awaiting()) and report["error"] is None
    listed = run(packdesk_cmd, data_dir, "orders", "--json", "--limit", "1000")
    assert listed.returncode == 0, listed.stderr
    orders = json.loads(listed.stdout)
    orders = orders["orders"] if isinstance(orders, dict) else orders
    assert len(orders) == len(shop.awaiting())
    masks = {shop.orders[sn]["receiver_phone_mask"] for sn in shop.awaiting()}
    assert masks <= set(listed.stdout.split('"')), "the masked phone numbers are listed"

    plaintexts = shop.plaintexts()
    assert len(plaintexts) >= 3 * len(shop.orders) - 10
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "packdesk.db" for p in files)  # and the WAL, secrets.json, config.toml and logs/ if any
    blobs = {str(p): p.read_bytes() for p in files}
    blobs["orders --json"] = listed.stdout.encode()
    blobs["output"] = (synced.stdout + synced.stderr + listed.stderr).encode()
    found = [(where, text) for text in plaintexts for where, blob in blobs.items() if text.encode() in blob]
    assert found == []
    # the ciphertexts are kept, for a label that needs the real receiver
    stored = b"".join(blob for where, blob in blobs.items() if "packdesk.db" in where)
    readable = [sn for sn in shop.awaiting() if not shop.orders[sn]["risk_control_status"]]
    assert readable and all(shop.encrypt(shop.plain[sn]["phone"]).encode() in stored for sn in readable)


def test_kill_9_during_the_first_fill_resumes_where_it_was(
    tmp_path: Path, packdesk_cmd: list[str], server: PddServer
) -> None:
    shop = PddShop(server, 3000, seed=12, days=5)
    data_dir = tmp_path / "data"
    add(packdesk_cmd, data_dir, server)
    server.faults.slow = 0.05
    proc = subprocess.Popen([*packdesk_cmd, "--data-dir", str(data_dir), "sync", "--json"], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 60
    while server.calls[LIST] < 12 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    server.faults.slow = 0
    with server.lock:
        before = [(r["end_confirm_at"], r["page"]) for r in server.requests if r.get("type") == LIST]
        server.requests.clear()
    assert len(before) >= 12
    done = run(packdesk_cmd, data_dir, "sync", "--json")
    assert done.returncode == 0, done.stderr
    (report,) = json.loads(done.stdout)["shops"]
    assert report["first_fill"] and report["error"] is None
    again = [(r["end_confirm_at"], r["page"]) for r in server.requests if r.get("type") == LIST]
    assert len(set(before) & set(again)) <= 2  # only the page in flight is asked again
    ws = open_workspace(data_dir)
    try:
        from tests.sync.test_pdd_sync import assert_cache_matches

        assert_cache_matches(ws, shop)
    finally:
        ws.close()


def test_an_expired_token_is_said_by_sync(tmp_path: Path, packdesk_cmd: list[str], server: PddServer) -> None:
    PddShop(server, 20, seed=13)
    data_dir = tmp_path / "data"
    add(packdesk_cmd, data_dir, server)
    server.faults.token_expired = True
    said = run(packdesk_cmd, data_dir, "sync")
    assert said.returncode == 1
    assert "拼多多店: not synced: Pinduoduo no longer accepts this access token" in said.stdout
    as_json = run(packdesk_cmd, data_dir, "sync", "--json")
    assert "Authorize PackDesk again" in json.loads(as_json.stdout)["shops"][0]["error"]
    ws = open_workspace(data_dir)
    try:  # what the window's status bar shows
        status = sync_status(ws.session_factory)
        assert status.api_shops == 1 and status.last_error is not None
        assert status.last_error.id == "pdd.token_expired"
    finally:
        ws.close()


def test_shop_add_refuses_what_it_cannot_sync(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    data_dir = tmp_path / "data"
    url = "http://127.0.0.1:9/api/router"
    no_id = run(packdesk_cmd, data_dir, "shop", "add", "店", "--platform", "pdd", "--gateway", url)
    assert no_id.returncode != 0 and "--client-id" in no_id.stderr
    jd = run(packdesk_cmd, data_dir, "shop", "add", "京东店", "--platform", "jd", "--gateway", url, "--app-key", "k")
    assert jd.returncode != 0 and "packdesk import" in jd.stderr
    no_token = run(packdesk_cmd, data_dir, "shop", "add", "店", "--platform", "pdd", "--gateway", url, "--client-id",
                   "c", env={k: v for k, v in ENV.items() if k != "PACKDESK_ACCESS_TOKEN"})  # fmt: skip
    assert no_token.returncode != 0 and "PACKDESK_ACCESS_TOKEN" in no_token.stderr
    listed = run(packdesk_cmd, data_dir, "orders", "--json")
    assert listed.returncode == 0  # nothing was added

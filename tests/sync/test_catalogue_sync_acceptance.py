"""Issue 13's acceptance from the shell, against the loopback TOP gateway: `packdesk products sync` killed with
SIGKILL mid-way resumes at its page; then `packdesk pack --scans -` verifies orders synced from the same gateway by
scanning the barcodes the platform holds, with no supervisor binding; and `products list --missing-barcode` lists
the SKUs the platform has no barcode for."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

from pdtest.packing import simple
from pdtest.top_server import TopServer
from sqlalchemy import func, select

from app.domain.orders import Order
from app.persistence.rows import AuditRow, ProductRow, ShopGroupRow, WaybillAccountRow
from app.services.orders import list_orders
from app.services.workspace import open_workspace

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
ROOT = Path(__file__).resolve().parents[2]


def packdesk(cmd: list[str], data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PACKDESK_KEYRING": "file", "PACKDESK_APP_SECRET": SECRET, "PACKDESK_SESSION_KEY": SESSION}
    return subprocess.run(
        [*cmd, "--data-dir", str(data_dir), *args], input=stdin, capture_output=True, text=True, encoding="utf-8",
        cwd=ROOT, env=env, timeout=300,
    )  # fmt: skip


def platform_skus(srv: TopServer) -> dict[str, str]:
    """SKU -> its barcode at the platform ("" when none), by the documented rule for which SKU an entry is."""
    found = {}
    for item in srv.items.items.values():
        uncoded = [s for s in item["skus"] if not s.get("outer_id")]
        for s in item["skus"]:
            key = s.get("outer_id") or (item.get("outer_id") if len(uncoded) == 1 else None) or str(s["sku_id"])
            found[key] = s.get("barcode", "")
    return found


def packable(order: Order) -> bool:
    """A plain waiting order every line of which has a barcode to scan."""
    return simple()(order) and all(ln.barcodes for ln in order.lines)


def test_a_synced_catalogue_verifies_synced_orders_at_the_bench(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    data_dir = tmp_path / "data"
    env = {**os.environ, "PACKDESK_KEYRING": "file", "PACKDESK_APP_SECRET": SECRET, "PACKDESK_SESSION_KEY": SESSION}
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=8, n_trades=150) as srv:
        srv.items.add_generated(2000, seed=8)  # several pages of items besides those the trades sell
        added = packdesk(packdesk_cmd, data_dir, "shop", "add", "淘宝店", "--gateway", srv.url, "--app-key", APP_KEY,
                         "--group", "杭州仓")  # fmt: skip
        assert added.returncode == 0, added.stderr

        # -- killed in the middle of its second page, then run again: it resumes at the page it was on
        srv.faults.slow = 0.03
        proc = subprocess.Popen(
            [*packdesk_cmd, "--data-dir", str(data_dir), "products", "sync", "--json"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while srv.calls["taobao.items.seller.list.get"] < 15 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        srv.faults.slow = 0
        ws = open_workspace(data_dir)
        try:
            with ws.session_factory() as session:
                before = session.execute(select(func.count()).select_from(ProductRow)).scalar_one()
        finally:
            ws.close()
        assert 0 < before < srv.items.sku_count()  # a page or more in, not all
        done = packdesk(packdesk_cmd, data_dir, "products", "sync", "--json")
        assert done.returncode == 0, done.stderr
        (report,) = json.loads(done.stdout)["shops"]
        assert report["resumed"] and report["error"] is None
        assert report["skus_added"] == len(platform_skus(srv)) - before
        assert any("check digit" in r["reason"] for r in report["rejected"])
        again = packdesk(packdesk_cmd, data_dir, "products", "sync", "--json")
        (quiet,) = json.loads(again.stdout)["shops"]
        assert (quiet["items"], quiet["skus_added"], quiet["skus_changed"], quiet["rejected"]) == (0, 0, 0, [])

        # -- the orders from the same gateway, and a waybill account for their labels
        synced = packdesk(packdesk_cmd, data_dir, "sync", "--json")
        assert synced.returncode == 0, synced.stderr
        ws = open_workspace(data_dir)
        try:
            with ws.session_factory.begin() as session:
                group = session.execute(select(ShopGroupRow).where(ShopGroupRow.name == "杭州仓")).scalar_one()
                session.add(
                    WaybillAccountRow(group=group, carrier="ZTO", name="ZTO", kind="demo", next_serial=7 * 10**9,
                                      serial_end=8 * 10**9, is_default=True)
                )  # fmt: skip
            orders = [o for o in list_orders(ws.session_factory, limit=1000) if packable(o)][:3]
        finally:
            ws.close()
        assert len(orders) == 3

        # -- the bench: each order opened and verified by the platform's barcodes alone
        for order in orders:
            scans = [order.order_no] + [ln.barcodes[0] for ln in order.lines for _ in range(ln.qty)]
            platform_codes = {s.get("barcode") for i in srv.items.items.values() for s in i["skus"]}
            assert set(scans[1:]) <= platform_codes  # every code scanned is one the platform holds
            printer = f"png://{(tmp_path / 'labels').as_posix()}"
            stdin = "\n".join(scans) + "\n"
            packed = packdesk(
                packdesk_cmd, data_dir, "pack", "--scans", "-", "--json", "--printer", printer, stdin=stdin
            )
            assert packed.returncode == 0, packed.stderr
            events = [json.loads(line)["event"] for line in packed.stdout.splitlines()]
            units = len(scans) - 1
            assert events[: units + 2] == ["order_opened", *["item_ok"] * units, "order_complete"], events
            assert "unknown_code" not in events and "label_printed" in events

        ws = open_workspace(data_dir)
        try:
            with ws.session_factory() as session:
                bindings = session.execute(
                    select(func.count()).select_from(AuditRow).where(AuditRow.action == "bind_barcode")
                ).scalar_one()
        finally:
            ws.close()
        assert bindings == 0

        # -- SKUs the platform holds no barcode for are listed as missing
        listed = packdesk(packdesk_cmd, data_dir, "products", "list", "--missing-barcode", "--limit", "100000",
                          "--json")  # fmt: skip
        assert listed.returncode == 0, listed.stderr
        missing = {p["sku"] for p in json.loads(listed.stdout) if p["in_catalogue"]}
        without = {sku for sku, code in platform_skus(srv).items() if not code}
        assert without and without <= missing  # and those whose barcode was refused (bad check digit, a clash)
        assert all(p["barcodes"] == [] for p in json.loads(listed.stdout))

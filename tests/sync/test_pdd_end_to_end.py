"""A Pinduoduo shop from the shell, end to end against one PDD test world (tests/pdtest/pdd_orders.py and
pdd_logistics.py on one loopback gateway): `shop add --platform pdd`, `sync`, a PDD e-waybill account, the bench
(`pack`, its label on the virtual printer), `outbox flush` with the ship-back's answer lost after PDD applied it, then
`sync` again: the order is shipped once at PDD and shipped in the cache, and no plaintext receiver is on disk."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.sync.waybills.pdd import address_id
from tests.pdtest.pdd_logistics import LogisticsDesk
from tests.pdtest.pdd_orders import PddShop
from tests.pdtest.pdd_server import CLIENT_ID, SECRET, TOKEN, PddServer
from tests.pdtest.simulator import PrinterSimulator
from tests.pdtest.top_server import ManualClock
from tests.sync.test_pdd_sync_cli import add, run

GROUP, SEND = "拼多多仓", "pdd.logistics.online.send"
ORDER = "261203-000000042"
RECEIVER = {"name": "欧阳小明", "phone": "13912345678", "address": "紫金港路21号8幢"}
ITEMS = (("1001", "PDD-MUG", 1), ("1002", "PDD-TEA", 2))


def ean13(body: str) -> str:
    """`body` (12 digits) with its EAN-13 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


BARCODES = {"PDD-MUG": ean13("690123400001"), "PDD-TEA": ean13("690123400002")}


@pytest.fixture
def clock() -> ManualClock:
    """PDD's clock, moved on by the test (the subprocesses sign with the real time: within PDD's ten minutes)."""
    return ManualClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def server(clock: ManualClock) -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=21, clock=clock) as srv:
        yield srv


def ok(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stderr


def last_json(done: subprocess.CompletedProcess[str]) -> Any:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_sync_pack_ship_back_with_a_lost_answer_and_sync_again(
    tmp_path: Path, packdesk_cmd: list[str], server: PddServer, clock: ManualClock
) -> None:
    shop = PddShop(server, 30, seed=21)  # thirty orders of other receivers around ours
    desk = LogisticsDesk(shop)
    shop.place(ORDER, items=ITEMS, **RECEIVER)
    data_dir = tmp_path / "data"

    # -- the shop, its orders, its catalogue and a PDD e-waybill account for its group
    add(packdesk_cmd, data_dir, server, "--group", GROUP)
    (first,) = last_json(run(packdesk_cmd, data_dir, "sync", "--json"))["shops"]
    assert first["first_fill"] and first["error"] is None and first["inserted"] == len(shop.awaiting())
    sheet = tmp_path / "products.csv"
    with sheet.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["商家编码", "商品名称", "条形码"], *([s, s, c] for s, c in BARCODES.items())])
    imported = last_json(run(packdesk_cmd, data_dir, "products", "import", str(sheet), "--json"))
    assert imported["inserted"] == 2 and imported["rejected"] == 0, imported
    sender = address_id("浙江省", "杭州市", "余杭区", "文一西路969号3号楼")
    ok(run(packdesk_cmd, data_dir, "waybill", "add", "拼多多面单", "--provider", "pdd", "--gateway", server.url,
           "--client-id", CLIENT_ID, "--carrier", "YTO", "--address-id", sender, "--group", GROUP,
           "--default", "--sender-name", "小鹿仓", "--sender-phone", "13900001111"))  # fmt: skip

    # -- the bench: the order opened, its items scanned, its label printed on the virtual printer
    scans = [ORDER, BARCODES["PDD-MUG"], BARCODES["PDD-TEA"], BARCODES["PDD-TEA"]]
    with PrinterSimulator("escpos") as printer:
        packed = run(packdesk_cmd, data_dir, "pack", "--scans", "-", "--json", "--printer", printer.uri,
                     stdin="\n".join(scans) + "\n")  # fmt: skip
        assert packed.returncode == 0, packed.stderr
        events = [json.loads(line) for line in packed.stdout.splitlines()]
        assert len(printer.wait_jobs(1)) == 1
    assert "intercepted" not in [e["event"] for e in events], events
    [tracking] = {e["tracking_no"] for e in events if e["event"] == "label_printed"}
    assert server.desk.live_numbers() == {tracking}  # numbered by PDD's e-waybill from the ciphertexts

    # -- the ship-back: applied at PDD, its answer lost; the next flush reads the order instead of sending again
    server.faults.drop_after_apply = 1.0
    server.faults.only_methods = frozenset({SEND})
    lost = last_json(run(packdesk_cmd, data_dir, "outbox", "flush", "--json"))
    assert lost["sent"] == 0 and lost["retry_later"] == 1, lost
    server.faults.drop_after_apply = 0.0
    again = last_json(run(packdesk_cmd, data_dir, "outbox", "flush", "--json"))
    assert again["verified"] == 1 and again["failed"] == 0, again
    assert dict(desk.sends) == {ORDER: 1} and server.calls[SEND] == 1  # shipped once at PDD
    with server.lock:
        assert (shop.orders[ORDER]["order_status"], shop.orders[ORDER]["tracking_number"]) == (2, tracking)
        assert shop.orders[ORDER]["logistics_id"] == 85  # YTO at PDD

    # -- the next sync reads the shipment back from PDD's listing, once it is three minutes behind PDD's clock
    clock.advance(minutes=4)
    (second,) = last_json(run(packdesk_cmd, data_dir, "sync", "--json"))["shops"]
    assert second["error"] is None and not second["first_fill"]
    assert (second["fetched"], second["updated"]) == (1, 1), second  # ours, as PDD lists it now
    listed = run(packdesk_cmd, data_dir, "orders", "--json", "--limit", "1000")
    assert listed.returncode == 0, listed.stderr
    orders = json.loads(listed.stdout)
    orders = orders["orders"] if isinstance(orders, dict) else orders
    [ours] = [o for o in orders if o["order_no"] == ORDER]
    assert ours["status"] == "shipped" and ours["tracking_no"] == tracking
    db = sqlite3.connect(f"file:{data_dir / 'packdesk.db'}?mode=ro", uri=True)
    try:
        (said,) = db.execute("SELECT platform_status FROM orders WHERE order_no = ?", (ORDER,)).fetchone()
    finally:
        db.close()
    assert said == "已发货待签收"  # PDD's word for it, read by the sync (it was 待发货)

    # -- no plaintext receiver on disk (database, its WAL, config, logs) nor in `orders --json`
    blobs = {str(p): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    blobs["orders --json"] = listed.stdout.encode()
    plaintexts = shop.plaintexts()
    assert set(RECEIVER.values()) <= plaintexts
    found = [(where, text) for text in plaintexts for where, blob in blobs.items() if text.encode() in blob]
    found += [(where, text) for text in plaintexts for where, blob in blobs.items()
              if json.dumps(text)[1:-1].encode() in blob]  # fmt: skip
    assert found == []

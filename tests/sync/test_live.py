"""The bench's last look at the platform: a refund or a close that no sync has brought yet still stops the parcel,
and a platform that cannot answer costs the bench one short timeout, not one per parcel."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdtest.packing import ACTOR, names
from pdtest.top_server import TopServer
from pdtest.top_shop import APP_KEY, SECRET, SESSION, synced_shop, waiting
from sqlalchemy import select

from app.persistence.rows import OrderRow
from app.services.printing import PrintService
from app.services.workspace import Workspace
from app.station import Station
from app.sync.live import LiveCheck
from printers.registry import open_printer


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=5, n_trades=60) as srv:
        yield srv


def station(ws: Workspace, labels: Path, live: LiveCheck | None) -> Station:
    printer = PrintService(ws.session_factory, open_printer(f"png://{labels}"), ACTOR)
    return Station(ws.session_factory, ACTOR, printer, live=live)


def test_a_refund_no_sync_brought_stops_the_parcel_before_its_label(
    workspace: Workspace, server: TopServer, tmp_path: Path
) -> None:
    shop = synced_shop(workspace, server)
    live = LiveCheck(workspace.session_factory, workspace.data_dir)
    bench = station(workspace, tmp_path / "labels", live)
    tid, scans, oid = waiting(workspace, server)
    assert names(bench.scan(tid)) == ["order_opened"]
    for code in scans[:-1]:
        bench.scan(code)
    server.modify_order(tid, oid, refund_status="WAIT_SELLER_AGREE")  # the buyer asks; no sync runs
    got = bench.scan(scans[-1])
    assert names(got)[-1] == "intercepted" and got[-1].reason == "refund"
    assert not (tmp_path / "labels").exists() or not list((tmp_path / "labels").iterdir())
    assert live.answered >= 2  # at the opening and before the label

    # the same change on another order, with no live look: only the cache speaks, and the label prints
    blind = station(workspace, tmp_path / "blind", None)
    other, other_scans, other_oid = waiting(workspace, server, skip=1)
    blind.scan(other)
    server.modify_order(other, other_oid, refund_status="WAIT_SELLER_AGREE")
    events = [e for code in other_scans for e in blind.scan(code)]
    assert "label_printed" in names(events)
    live.close()
    assert shop


def test_an_order_closed_on_the_platform_does_not_open(workspace: Workspace, server: TopServer, tmp_path: Path) -> None:
    synced_shop(workspace, server)
    live = LiveCheck(workspace.session_factory, workspace.data_dir)
    bench = station(workspace, tmp_path / "labels", live)
    tid, _scans, _oid = waiting(workspace, server)
    server.modify(tid, status="TRADE_CLOSED_BY_TAOBAO")
    got = bench.scan(tid)
    assert names(got) == ["intercepted"] and got[0].reason == "closed"
    with workspace.session_factory() as session:  # the cache learned it too
        assert session.execute(select(OrderRow.status).where(OrderRow.order_no == tid)).scalar_one() == "closed"
    live.close()


@pytest.mark.parametrize("fault", ["drop", "slow"])
def test_an_unreachable_platform_is_asked_once_then_left_alone_for_a_while(
    workspace: Workspace, server: TopServer, tmp_path: Path, fault: str
) -> None:
    synced_shop(workspace, server)
    now = [0.0]
    live = LiveCheck(workspace.session_factory, workspace.data_dir, timeout_s=0.4, pause_s=30, clock=lambda: now[0])
    bench = station(workspace, tmp_path / "labels", live)
    if fault == "drop":
        server.faults.drop = 1.0  # every connection closed without an answer
    else:
        server.faults.slow = 3.0  # answers, but long after the packer's patience
    for skip in (0, 1):
        tid, scans, _oid = waiting(workspace, server, skip=skip)
        events = [e for code in [tid, *scans] for e in bench.scan(code)]
        assert names(events)[-1] == "shipped"  # packed and printed from the cache
    assert (live.asked, live.answered) == (1, 0)  # one try; the second parcel did not wait for it again
    now[0] = 31.0
    server.faults.reset()
    tid, scans, _oid = waiting(workspace, server, skip=2)
    bench.scan(tid)
    assert (live.asked, live.answered) == (2, 1)
    live.close()


def test_orders_of_imported_shops_are_not_asked_about(demo: Workspace, tmp_path: Path) -> None:
    live = LiveCheck(demo.session_factory, demo.data_dir)
    with demo.session_factory() as session:
        row = session.execute(select(OrderRow).where(OrderRow.status == "awaiting_shipment")).scalars().first()
        assert row is not None
        order_no, shop = row.order_no, row.shop.name
    assert live(order_no, shop) is None and live.asked == 0


def test_pack_on_the_command_line_asks_the_platform(
    workspace: Workspace, server: TopServer, tmp_path: Path, packdesk_cmd: list[str]
) -> None:
    synced_shop(workspace, server)
    tid, scans, _oid = waiting(workspace, server)
    server.modify(tid, status="TRADE_CLOSED")  # the buyer cancelled after the last sync
    workspace.close()
    scans_file = tmp_path / "scans.txt"
    scans_file.write_text("\n".join([tid, *scans]) + "\n", encoding="utf-8")
    done = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(workspace.data_dir), "pack", "--scans", str(scans_file), "--json",
         "--printer", f"png://{tmp_path / 'labels'}"],
        capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "PACKDESK_KEYRING": "file"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events[0]["event"] == "intercepted" and events[0]["reason"] == "closed"
    assert not (tmp_path / "labels").exists() or not list((tmp_path / "labels").iterdir())

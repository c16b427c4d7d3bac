"""Two real processes adjusting and shipping the same SKU at once (issue 13's acceptance): stock never goes below
zero and nothing is counted twice or lost. Each process ships its own half of 60 orders of one piece each and takes
pieces off by hand, together asking for far more than the 50 on hand; afterwards the moves, replayed in the order
they were written, add up to the figure on the product, none ever below zero, and every parcel took its piece once."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from app.domain.enums import OrderStatus, Platform
from app.domain.products import CatalogueEntry
from app.services.audit import Actor
from app.services.catalogue import apply_entries
from app.services.stock import set_stock
from app.services.workspace import Workspace, open_workspace
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.shops import ensure_shop
from app.sync.store import upsert_orders

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
ORDERS = 60
ON_HAND = 50

WORKER = """
import sys
import time
from pathlib import Path
from datetime import UTC, datetime
from app.domain.errors import InvalidInput
from app.services.audit import Actor
from app.services.shipping import ship_order
from app.services.stock import adjust_stock
from app.services.workspace import open_workspace

data_dir, who, first, last, gate = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5])
ws = open_workspace(Path(data_dir))
actor = Actor(who, who)
(gate.parent / who).touch()  # ready: both start together when the gate opens
while not gate.exists():
    time.sleep(0.002)
refused = 0
for i in range(first, last):
    now = datetime.now(UTC)
    ship_order(ws.session_factory, f"77{i:08d}", "SF", f"SF{i:013d}", actor, now)
    try:
        adjust_stock(ws.session_factory, "A", -1, actor, now, "breakage")
    except InvalidInput:
        refused += 1
    time.sleep(0.005)  # out of any transaction: the other process's turn, as two benches interleave
ws.close()
print(refused)
"""


def order(i: int) -> PlatformOrder:
    return PlatformOrder(
        order_no=f"77{i:08d}",
        status=OrderStatus.AWAITING_SHIPMENT,
        platform_status="WAIT_SELLER_SEND_GOODS",
        paid_at=T0 + timedelta(minutes=i),
        deadline=T0 + timedelta(hours=48),
        modified_at=T0,
        lines=(PlatformLine(f"88{i:08d}", "A", "杯子", 1, Decimal("10.00")),),
        receiver_name="张*",
    )


def test_two_processes_adjusting_and_shipping_never_go_below_zero_nor_count_twice(
    workspace: Workspace, tmp_path: Path
) -> None:
    with workspace.session_factory.begin() as session:
        apply_entries(session, [(2, CatalogueEntry("A", title="杯子"))])
        shop = ensure_shop(session, "店", Platform.TAOBAO, T0)
        upsert_orders(session, shop.id, "taobao", [order(i) for i in range(ORDERS)])
    set_stock(workspace.session_factory, "A", ON_HAND, Actor("t", "t"), T0)
    data_dir = str(workspace.data_dir)
    workspace.close()
    root = Path(__file__).resolve().parents[2]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, data_dir, name, str(first), str(last), str(tmp_path / "go")],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for name, first, last in (("p1", 0, ORDERS // 2), ("p2", ORDERS // 2, ORDERS))
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / name).exists() for name in ("p1", "p2")) and time.monotonic() < deadline:
        time.sleep(0.01)
    (tmp_path / "go").touch()
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _out, err in outs]
    refused = sum(int(out) for out, _err in outs)

    ws = open_workspace(Path(data_dir))
    try:
        with ws.session_factory() as session:
            on_hand = session.execute(text("SELECT stock, reserved FROM products WHERE sku = 'A'")).one()
            moves = session.execute(text("SELECT kind, delta, on_hand, package_id FROM stock_moves ORDER BY id")).all()
            shipped = session.execute(text("SELECT count(*) FROM orders WHERE status = 'shipped'")).scalar()
    finally:
        ws.close()
    assert on_hand == (0, 0)  # 60 parcels and 60 breakages asked for 120 pieces of 50
    figure = 0
    for _kind, delta, after, _package in moves:  # replayed in the order written: no update lost, none below zero
        figure += delta
        assert after == figure >= 0, moves
    assert figure == on_hand[0]
    ships = [m for m in moves if m[0] == "ship"]
    assert shipped == ORDERS and len(ships) == ORDERS and len({m[3] for m in ships}) == ORDERS  # one move a parcel
    adjusted = [m for m in moves if m[0] == "adjust"]
    assert len(adjusted) + refused == ORDERS and all(m[1] == -1 for m in adjusted)
    # what left: the adjustments that went through and the parcels' pieces, 50 in all (a parcel of an empty shelf
    # takes nothing and says so in its move)
    assert len(adjusted) + sum(-m[1] for m in ships) == ON_HAND

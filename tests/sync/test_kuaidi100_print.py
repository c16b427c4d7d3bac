"""Kuaidi100 numbers printed end to end: the demo group's account made a Kuaidi100 branch account on the loopback API,
orders printed through the ledger (app.services.waybills.issuing) and the spooler onto the TCP printer simulator;
the provider's label image comes back out of the printed bytes with the number in its barcode, a reprint prints the
same image without asking for a number, and a cancelled label cancels its number with Kuaidi100."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pdtest.escpos_decode import code128_texts, decode_image
from pdtest.kuaidi100_server import Kuaidi100Server
from pdtest.label_decode import decode_tspl
from pdtest.simulator import PrinterSimulator
from sqlalchemy import select, update

from app.domain.enums import PackageState, PrintJobState
from app.domain.waybills import IssueState
from app.persistence.rows import OrderRow, PackageRow, ShopGroupRow, WaybillAccountRow, WaybillIssueRow
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService
from app.services.waybills import NumberRoll, WaybillProviders
from app.services.waybills.cancels import cancel_number, cancel_pending
from app.services.workspace import Workspace
from app.sync.gateway import RetryPolicy
from app.sync.shops import Credentials
from app.sync.waybills.kuaidi100 import Kuaidi100Provider
from printers.registry import open_printer

KEY, SECRET = "kd-key", "kd-secret"
PARTNER_ID, PARTNER_KEY = "ZT-0571-8801", "branch-pass"
ACTOR = Actor("tester", "bench-1")


@pytest.fixture
def srv() -> Iterator[Kuaidi100Server]:
    with Kuaidi100Server(KEY, SECRET, seed=7) as server:
        server.add_branch("zhongtong", PARTNER_ID, PARTNER_KEY, balance=50)
        yield server


@pytest.fixture
def providers(demo: Workspace, srv: Kuaidi100Server) -> Iterator[WaybillProviders]:
    """The demo group's ZTO account served by Kuaidi100 (a branch account: no sender addresses of its own)."""
    with demo.session_factory.begin() as s:
        s.execute(update(WaybillAccountRow).values(is_default=False))
        s.execute(
            update(WaybillAccountRow)
            .where(WaybillAccountRow.carrier == "ZTO")
            .values(
                kind="kuaidi100",
                is_default=True,
                gateway_url=srv.url,
                app_key=KEY,
                settings={"partner_id": PARTNER_ID, "order_prefix": "e2e-"},
            )
        )
        assert s.execute(select(ShopGroupRow.sender_detail)).scalars().first()  # the group's own sender
    kd = Kuaidi100Provider(
        lambda account: Credentials(SECRET, PARTNER_KEY),
        retry=RetryPolicy(attempts=2, backoff_s=0.01, max_backoff_s=0.01),
        sleep=lambda s: None,
    )
    yield WaybillProviders({"kuaidi100": lambda: kd, "roll": NumberRoll})
    kd.close()


def packable(ws: Workspace, n: int) -> list[str]:
    orders = list_orders(ws.session_factory, status="awaiting_shipment", limit=500)
    found = [o.order_no for o in orders if all(ln.packable for ln in o.lines) and not o.tracking_no][:n]
    assert len(found) == n
    return found


def test_orders_print_the_kuaidi100_label_and_a_reprint_takes_no_number(
    demo: Workspace, srv: Kuaidi100Server, providers: WaybillProviders
) -> None:
    orders = packable(demo, 3)
    with PrinterSimulator("tspl") as sim:
        printer = open_printer(f"{sim.uri}&size=76x130&dpi=300")
        spooler = PrintService(demo.session_factory, printer, ACTOR, waybills=providers)
        jobs = spooler.enqueue_batch(orders)
        assert all(isinstance(j, int) for j in jobs), jobs
        results = spooler.run()
        assert [r.state for r in results] == [PrintJobState.SENT] * 3
        printed = sim.wait_jobs(3)
        again = spooler.print_order(orders[0], reprint_reason="label torn")
        assert again.state is PrintJobState.SENT and again.copy_no == 2
        printed = sim.wait_jobs(4)
    with demo.session_factory() as s:
        rows = s.execute(select(WaybillIssueRow).order_by(WaybillIssueRow.id)).scalars().all()
        numbers = {
            order_no: tracking_no
            for order_no, tracking_no in s.execute(
                select(OrderRow.order_no, PackageRow.tracking_no).join(PackageRow, PackageRow.order_id == OrderRow.id)
            )
        }
    assert [r.state for r in rows] == [IssueState.ISSUED.value] * 3 and all(r.label_image for r in rows)
    assert set(numbers) == set(orders) and set(numbers.values()) == srv.live_numbers()
    assert srv.calls["order"] == 3  # the reprint printed the stored image: no call at all
    # each label the printer got is Kuaidi100's image of that order's number, decoded from the TSPL bytes
    for job, order_no in zip(printed, [*orders, orders[0]], strict=True):
        image = decode_tspl(job).image
        assert image is not None and image.size[0] >= 912
        assert numbers[order_no] in code128_texts(image)
    # every request went out with its ledger id as the idempotent order id
    assert sorted(p["orderId"] for p in srv.params) == sorted(f"e2e-{r.id}" for r in rows)


def test_a_label_image_lost_on_the_way_is_fetched_again_before_the_label_prints(
    demo: Workspace, srv: Kuaidi100Server, providers: WaybillProviders
) -> None:
    (order_no,) = packable(demo, 1)
    srv.faults.label_failures = 2  # both attempts of the first download
    with PrinterSimulator("escpos") as sim:
        spooler = PrintService(demo.session_factory, open_printer(sim.uri), ACTOR, waybills=providers)
        result = spooler.print_order(order_no)
        assert result.state is PrintJobState.SENT
        (job,) = sim.wait_jobs(1)
    texts = code128_texts(decode_image(job))
    assert texts and set(texts) == srv.live_numbers()
    assert srv.calls["order"] == 2 and len(srv.live_numbers()) == 1  # asked again by its order id: one number


def test_a_number_cancelled_by_hand_is_cancelled_with_kuaidi100(
    demo: Workspace, srv: Kuaidi100Server, providers: WaybillProviders
) -> None:
    (order_no,) = packable(demo, 1)
    with PrinterSimulator("zpl") as sim:
        spooler = PrintService(demo.session_factory, open_printer(sim.uri), ACTOR, waybills=providers)
        assert spooler.print_order(order_no).state is PrintJobState.SENT
    (number,) = srv.live_numbers()
    cancel_number(demo.session_factory, providers, number, ACTOR)
    cancel_pending(demo.session_factory, providers)
    assert srv.ledger[number].state == "cancelled" and srv.live_numbers() == set()
    with demo.session_factory() as s:
        state = s.execute(select(PackageRow.state).where(PackageRow.tracking_no == number)).scalar_one()
    assert state == PackageState.VOID.value

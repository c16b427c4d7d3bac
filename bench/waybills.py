"""E-waybill numbers for a batch: a 200-order batch from the loopback TOP gateway through CainiaoProvider, in calls of
10 (cainiao.waybill.ii.get's limit), beside one call per order, in the same run.

Numbers: both sides ask the same gateway (tests/pdtest/top_server.py with its Cainiao methods, real HTTP on
127.0.0.1) for fresh numbers of the same orders (other package ids, so neither side finds the other's numbers), and
each is the best of REPEAT runs. The loopback answers in well under a millisecond, which no real gateway does: a
second pair of figures adds RTT_MS to every answer (the gateway's `slow` fault), about what a call to Taobao's gateway
costs from a packing room in China, where the calls saved are what the batch is for.

Numbers and labels: a Taobao shop synced from a gateway of its own, with a Cainiao account set up from the shop (as
`packdesk waybill add --provider cainiao --shop` does), prints the batch through PrintService to a file printer
(ESC/POS), RTT_MS a call: `enqueue_batch` (its numbers asked in calls of 10, recorded in the ledger first) then
`run()`, beside the same orders enqueued one by one (one ii.get each, as printing order by order does) then `run()`,
each side on a fresh data directory and gateway. Needs the repository checkout (the gateway lives in tests/);
skipped with a note otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import Figure

ORDERS = int(os.environ.get("PACKDESK_BENCH_WAYBILL_ORDERS", "200"))
RTT_MS = float(os.environ.get("PACKDESK_BENCH_WAYBILL_RTT_MS", "30"))
REPEAT = int(os.environ.get("PACKDESK_BENCH_REPEAT", "2"))
APP_KEY, SECRET, SESSION = "bench", "bench-secret", "bench-session"


def _gateway():  # type: ignore[no-untyped-def]
    tests = Path(__file__).resolve().parent.parent / "tests"
    if not (tests / "pdtest" / "top_server.py").is_file():
        return None
    if str(tests) not in sys.path:
        sys.path.insert(0, str(tests))
    from pdtest import top_server

    return top_server


def _requests(trades: dict[str, dict[str, Any]], count: int, first_id: int) -> list[Any]:
    from app.domain.waybills import WaybillRequest

    waiting = [t for _, t in sorted(trades.items()) if t["status"] == "WAIT_SELLER_SEND_GOODS"][:count]
    return [
        WaybillRequest(
            t["tid_str"], t["receiver_state"], t["receiver_city"] or t["receiver_district"], t["receiver_district"],
            t["receiver_town"], t["receiver_address"], object_id=str(first_id + i), platform="taobao",
            name=t["receiver_name"], phone=t["receiver_mobile"],
            items=tuple((o["title"], o["num"]) for o in t["orders"]["order"]),
        )
        for i, t in enumerate(waiting)
    ]  # fmt: skip


def _numbers(provider: Any, account: Any, requests: list[Any], per_call: int) -> float:
    """Seconds to number every request, `per_call` requests a call; every answer must be a number."""
    from app.services.waybills.ports import Issued

    start = time.perf_counter()
    for i in range(0, len(requests), per_call):
        answers = provider.issue(account, requests[i : i + per_call])
        assert all(isinstance(a, Issued) for a in answers), answers
    return time.perf_counter() - start


def run() -> list[Figure]:
    gateway = _gateway()
    if gateway is None:
        return [Figure("waybills: skipped (needs tests/pdtest from a checkout)", 0, "")]
    from app.domain.waybills import SenderAddress, WaybillAccount
    from app.sync.gateway import RetryPolicy
    from app.sync.shops import Credentials
    from app.sync.waybills.cainiao import CainiaoProvider

    sender = SenderAddress("1001", "浙江省", "杭州市", "余杭区", "仓前街道", "文一西路969号", "杭州仓", "13800000000")
    figures = []
    with gateway.TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=11, n_trades=ORDERS * 2) as srv:
        srv.cainiao.set_balance("ZTO", ORDERS * REPEAT * 4 + 10)
        account = WaybillAccount(1, "bench", "cainiao", "ZTO", gateway=srv.url, app_key=APP_KEY, sender=sender)
        provider = CainiaoProvider(lambda a: Credentials(SECRET, SESSION), retry=RetryPolicy(attempts=1))
        trades = srv.trades_snapshot()
        try:
            first_id = 1
            for rtt in (0.0, RTT_MS):
                srv.faults.slow = rtt / 1000
                batched, single = [], []
                for _ in range(REPEAT):  # interleaved, so a busy moment of the machine does not decide the ratio
                    requests = _requests(trades, ORDERS, first_id)
                    batched.append(_numbers(provider, account, requests, provider.max_batch))
                    requests = _requests(trades, ORDERS, first_id + len(requests))
                    single.append(_numbers(provider, account, requests, 1))
                    first_id += 2 * len(requests)
                where = f"+{rtt:.0f} ms a call" if rtt else "loopback"
                figures.append(
                    Figure(
                        f"numbers for {len(requests)} orders, Cainiao ({where})",
                        min(batched),
                        "s",
                        "one ii.get per order",
                        min(single),
                        f"calls of {provider.max_batch}",
                    )
                )
        finally:
            provider.close()
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-waybills-") as tmp:
        batch = _printed(gateway, Path(tmp) / "batch", one_by_one=False)
        single = _printed(gateway, Path(tmp) / "single", one_by_one=True)
    figures.append(
        Figure(
            f"numbers + labels for {batch[1]} orders (+{RTT_MS:.0f} ms a call)",
            batch[0],
            "s",
            "enqueued one by one",
            single[0],
            f"PrintService, {batch[2]} ii.get vs {single[2]}",
        )
    )
    return figures


def _printed(gateway: Any, root: Path, *, one_by_one: bool) -> tuple[float, int, int]:
    """Seconds to number and print the batch through PrintService; the orders printed and ii.get calls made."""
    from app.domain.enums import Platform
    from app.services.audit import Actor
    from app.services.orders import list_orders
    from app.services.printing import PrintService
    from app.services.waybills.accounts import AccountSpec
    from app.services.workspace import open_workspace
    from app.sync.shops import Credentials, add_api_shop
    from app.sync.taobao import TaobaoSync
    from app.sync.top import RetryPolicy, TopClient
    from app.sync.waybills.setup import add_account
    from app.wiring import setup_provider, waybill_providers
    from printers.registry import open_printer

    os.environ.setdefault("PACKDESK_KEYRING", "file")
    now = datetime.now(UTC)
    with gateway.TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=11, n_trades=ORDERS * 2) as srv:
        ws = open_workspace(root)
        try:
            with ws.session_factory.begin() as session:
                shop, _ = add_api_shop(
                    session, root, name="bench", platform=Platform.TAOBAO, gateway=srv.url, app_key=APP_KEY,
                    credentials=Credentials(SECRET, SESSION), now=now, group="bench",
                )  # fmt: skip
                shop_id = shop.id
            with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=RetryPolicy(attempts=2)) as client:
                TaobaoSync(ws.session_factory, shop_id, client).run()
            spec = AccountSpec(
                name="菜鸟", kind="cainiao", carrier="ZTO", for_shop="bench", source_shop="bench", address_id="1001",
                sender_name="杭州仓", sender_phone="13800000000",
            )  # fmt: skip
            add_account(ws.session_factory, root, spec, None, setup_provider, lambda: now)
            orders = [
                o.order_no
                for o in list_orders(ws.session_factory, status="awaiting_shipment", limit=ORDERS * 2)
                if o.block_reason() is None and all(ln.packable for ln in o.lines) and not o.tracking_no
            ][:ORDERS]
            service = PrintService(
                ws.session_factory,
                open_printer(f"file://{root / 'labels.bin'}?lang=escpos"),
                Actor("bench", "bench-1"),
                check_status=False,
                waybills=waybill_providers(root),
            )
            srv.faults.slow = RTT_MS / 1000
            calls = srv.calls["cainiao.waybill.ii.get"]
            start = time.perf_counter()
            if one_by_one:
                for order_no in orders:
                    service.enqueue(order_no)
            else:
                refused = [r for r in service.enqueue_batch(orders) if not isinstance(r, int)]
                assert not refused, refused
            results = service.run()
            elapsed = time.perf_counter() - start
            srv.faults.slow = 0
            sent = sum(r.state.value == "sent" for r in results)
            if sent != len(orders) or len(srv.waybills) != len(orders):
                raise RuntimeError(f"the waybill bench printed {sent} of {len(orders)} labels: {service.pause}")
            return elapsed, len(orders), srv.calls["cainiao.waybill.ii.get"] - calls
        finally:
            ws.close()

"""Labels of Pinduoduo orders: PDD's e-waybill takes the receiver as PDD's ciphertexts (nothing decrypted), a Cainiao
account shared with Taobao shops gets it decrypted in memory (`pdd.open.decrypt.batch`, batched, rate-limited), and
no plaintext receiver reaches the database file, the logs or the gateway's other calls."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.enums import OrderStatus, Platform
from app.domain.waybills import WaybillRequest
from app.services.audit import Actor
from app.services.printing import PrintService
from app.services.waybills.accounts import AccountSpec
from app.services.workspace import Workspace
from app.sync.gateway import RetryPolicy
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.pdd import PddClient
from app.sync.pdd_receiver import PddReceivers
from app.sync.shops import Credentials, ensure_shop
from app.sync.store import upsert_orders
from app.sync.waybills.pdd import address_id
from app.sync.waybills.setup import add_account
from app.wiring import setup_provider, waybill_providers
from printers.registry import open_printer
from tests.pdtest import pdd_orders
from tests.pdtest.pdd_logistics import LogisticsDesk
from tests.pdtest.pdd_server import PddServer
from tests.pdtest.pdd_shop import CLIENT_ID, SECRET, TOKEN, PddShop, order_sn
from tests.pdtest.top_server import TopServer

ACTOR = Actor("王小明", "bench-7")
GROUP = "联店"
APP_KEY, TOP_SECRET, SESSION = "12345678", "helloworld", "test-session"
PLAIN = {"name": "欧阳小明", "phone": "13912345678", "address": "紫金港路21号8幢"}


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def srv() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=7) as server:
        yield server


def taobao_order(ws: Workspace, order_no: str) -> None:
    """An order of a Taobao shop (filled by imports) in the same group as the PDD shop."""
    paid = datetime.now(UTC) - timedelta(hours=1)
    order = PlatformOrder(
        order_no, OrderStatus.AWAITING_SHIPMENT, "WAIT_SELLER_SEND_GOODS", paid, paid + timedelta(hours=48), paid,
        (PlatformLine(f"{order_no}-1", "TB-SKU", "保温杯", 1, Decimal("39.00")),),
        receiver_name="李*", receiver_phone="137****0000", receiver_province="江苏省", receiver_city="南京市",
        receiver_district="鼓楼区", receiver_address="中山北路1号",
    )  # fmt: skip
    with ws.session_factory.begin() as session:
        shop = ensure_shop(session, "淘宝店", Platform.TAOBAO, datetime.now(UTC), GROUP)
        upsert_orders(session, shop.id, Platform.TAOBAO.value, [order])


def two_shops(ws: Workspace, srv: PddServer, caplog: pytest.LogCaptureFixture, count: int) -> tuple[PddShop, list[str]]:
    """A PDD shop with `count` orders of the receiver PLAIN and a Taobao shop with one order, in one group; every
    log record is captured (to be searched for plaintext)."""
    caplog.set_level(logging.DEBUG)
    shop = PddShop(ws, srv, group=GROUP)
    sns = shop.orders(count, **PLAIN)
    taobao_order(ws, "4917569714976318074")
    return shop, sns


def add_waybill_account(ws: Workspace, spec: AccountSpec, secrets: Credentials) -> None:
    add_account(ws.session_factory, ws.data_dir, spec, secrets, setup_provider, lambda: datetime.now(UTC))


def printed(ws: Workspace, tmp_path: Path, *order_nos: str) -> list[str]:
    providers = waybill_providers(ws.data_dir)
    try:
        service = PrintService(ws.session_factory, open_printer(f"png://{tmp_path / 'labels'}"), ACTOR,
                               check_status=False, waybills=providers)  # fmt: skip
        results = [service.print_order(no) for no in order_nos]
    finally:
        providers.close()
    assert all(r.message is None for r in results), [r.message.render() for r in results if r.message]
    return [r.tracking_no for r in results]


def no_plaintext_in(ws: Workspace, caplog: pytest.LogCaptureFixture) -> None:
    ws.engine.dispose()  # the WAL checkpointed into the file, nothing held back in memory
    blob = b"".join(p.read_bytes() for p in ws.data_dir.rglob("*") if p.is_file())
    for plain in PLAIN.values():
        assert plain.encode() not in blob, plain
        assert json.dumps(plain)[1:-1].encode() not in blob, plain  # nor as JSON writes it (\uXXXX escapes)
        assert plain not in caplog.text, plain


def test_a_pdd_e_waybill_takes_the_ciphertexts_and_serves_the_taobao_shop_of_the_group_too(
    workspace: Workspace, srv: PddServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shop, _ = two_shops(workspace, srv, caplog, 1)
    spec = AccountSpec(name="拼多多面单", kind="pdd", carrier="YTO", group=GROUP, gateway=srv.url, app_key=CLIENT_ID,
                       sender_name="小鹿仓", sender_phone="13900001111",
                       address_id=address_id("浙江省", "杭州市", "余杭区", "文一西路969号3号楼"))  # fmt: skip
    add_waybill_account(workspace, spec, Credentials(SECRET, TOKEN))

    numbers = printed(workspace, tmp_path, order_sn(1), "4917569714976318074")

    assert srv.desk.live_numbers() == set(numbers)  # one PDD account numbered both shops' parcels
    with srv.lock:
        by_order = {r["order_nos"][0]: r for r in srv.desk.ledger.values()}
        pdd_recipient = by_order[order_sn(1)]["recipient"]
    order = shop.pdd.answer(order_sn(1))
    assert pdd_recipient["name"] == order["receiver_name"] and pdd_recipient["mobile"] == order["receiver_phone"]
    assert pdd_recipient["address"]["detail"] == order["receiver_address"]  # PDD's ciphertexts, as PDD sent them
    assert by_order["4917569714976318074"]["channel"] == "TB"
    assert shop.desk.decrypt_calls == 0  # nothing decrypted for PDD's own e-waybill
    sent = json.dumps(srv.requests, ensure_ascii=False)
    assert not any(plain in sent for plain in PLAIN.values())
    no_plaintext_in(workspace, caplog)


def test_a_cainiao_account_shared_with_taobao_shops_gets_the_receiver_decrypted_in_memory_only(
    workspace: Workspace, srv: PddServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shop, sns = two_shops(workspace, srv, caplog, 3)
    with TopServer(app_key=APP_KEY, secret=TOP_SECRET, session=SESSION, seed=5, n_trades=0) as top:
        spec = AccountSpec(name="菜鸟中通", kind="cainiao", carrier="ZTO", group=GROUP, gateway=top.url,
                           app_key=APP_KEY, sender_name="小鹿仓", sender_phone="13900001111")  # fmt: skip
        add_waybill_account(workspace, spec, Credentials(TOP_SECRET, SESSION))
        numbers = printed(workspace, tmp_path, *sns, "4917569714976318074")
        recipients = {w["order_nos"][0]: w["recipient"] for w in top.waybills.values()}
    assert len(set(numbers)) == 4
    for sn in sns:  # the carrier got the address to deliver to...
        got = recipients[sn]
        assert (got["name"], got["mobile"], got["address"]["detail"]) == (PLAIN["name"], PLAIN["phone"],
                                                                          PLAIN["address"])  # fmt: skip
    desk = shop.desk
    assert desk.decrypt_calls >= 1 and sum(desk.decrypted.values()) == 9  # three fields of three orders, each once
    no_plaintext_in(workspace, caplog)  # ...and PackDesk kept none of it (Cainiao's print data held it)


def test_decryption_is_batched_and_paced(workspace: Workspace, srv: PddServer) -> None:
    at_pdd = pdd_orders.PddShop(srv, n_orders=0)
    desk = LogisticsDesk(at_pdd, decrypt_per_window=1, window_s=3600)  # one call an hour: a second one is refused
    sns = [order_sn(n) for n in range(1, 41)]
    for sn in sns:
        at_pdd.place(sn, **PLAIN)
    answers = {sn: at_pdd.answer(sn) for sn in sns}
    requests = [
        WaybillRequest(sn, "浙江省", "杭州市", "西湖区", "", "紫金****", object_id=str(n), platform="pdd",
                       cipher=json.dumps({"name": answers[sn]["receiver_name"],
                                          "phone": answers[sn]["receiver_phone"],
                                          "address": answers[sn]["receiver_address"]}), shop="拼多多店")
        for n, sn in enumerate(sns)
    ]  # fmt: skip
    waits: list[float] = []
    receivers = PddReceivers(
        workspace.data_dir, per_s=2.0, clock=lambda: 0.0, sleep=waits.append,
        client_for=lambda _sf, _shop: PddClient(srv.url, CLIENT_ID, SECRET, TOKEN, retry=RetryPolicy(attempts=1)),
    )  # fmt: skip
    first = receivers.reveal(workspace.session_factory, requests[:30])  # 90 ciphertexts: one call
    assert desk.decrypt_calls == 1
    assert all(isinstance(r, WaybillRequest) and r.name == PLAIN["name"] for r in first.values())
    refused = receivers.reveal(workspace.session_factory, requests[30:])  # PDD's limit is reached: said, not stored
    assert desk.decrypt_calls == 1
    assert len(refused) == 10 and not any(isinstance(m, WaybillRequest) for m in refused.values())
    desk.decrypt_per_window = 10
    many = receivers.reveal(workspace.session_factory, requests)  # 120 ciphertexts: two calls, paced
    assert desk.decrypt_calls == 3 and len(many) == 40
    assert waits and all(w > 0 for w in waits)

"""Cainiao e-waybills through TOP against the loopback gateway (tests/pdtest/top_server.py with its cainiao.waybill.ii.*
methods and ledger), over real HTTP: numbers in batches of 10, routing, privacy orders, lost answers found again
instead of asked twice, reprints, cancels, address updates, balances and the refusals a seller must read."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from pdtest.cainiao_waybills import BY_TRADECODE, CANCEL, GET, SEARCH, UPDATE
from pdtest.top_server import TopServer

from app.domain.enums import Platform
from app.domain.errors import WaybillRefused, WaybillUnclear, WaybillUnreachable
from app.domain.tracking import carrier
from app.domain.waybills import SenderAddress, WaybillAccount, WaybillRequest
from app.persistence.repositories import OrderRepository
from app.services.waybills.ports import Issued, Refusal
from app.services.workspace import Workspace
from app.sync.gateway import RetryPolicy
from app.sync.shops import Credentials, add_api_shop
from app.sync.taobao import TaobaoSync
from app.sync.top import TopClient, TopError
from app.sync.waybills.cainiao import CainiaoProvider

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
FAST = RetryPolicy(attempts=3, backoff_s=0.01, max_backoff_s=0.02)
TEMPLATE = "http://cloudprint.cainiao.com/template/standard/101/605"
SENDER = SenderAddress("1001", "浙江省", "杭州市", "余杭区", "仓前街道", "文一西路969号", "杭州仓", "13800000000")
ACCOUNT = WaybillAccount(
    7, "菜鸟中通", "cainiao", "ZTO", app_key=APP_KEY, settings={"template_url": TEMPLATE}, sender=SENDER
)


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=5, n_trades=80) as server:
        yield server


@pytest.fixture
def provider() -> Iterator[CainiaoProvider]:
    p = CainiaoProvider(lambda account: Credentials(SECRET, SESSION), retry=FAST, sleep=lambda s: None)
    yield p
    p.close()


def account(srv: TopServer, **changes: Any) -> WaybillAccount:
    return replace(ACCOUNT, gateway=srv.url, **changes)


def requests(srv: TopServer, count: int, *, privacy: bool = False, first_id: int = 1) -> list[WaybillRequest]:
    """One request per waiting trade, as the cache holds it (masked receiver), object ids counting from `first_id`."""
    out = []
    for tid, t in sorted(srv.trades_snapshot().items()):
        if t["status"] != "WAIT_SELLER_SEND_GOODS" or len(out) == count:
            continue
        out.append(
            WaybillRequest(
                tid,
                t["receiver_state"],
                t["receiver_city"] or t["receiver_district"],
                t["receiver_district"],
                t["receiver_town"],
                t["receiver_address"],
                object_id=str(first_id + len(out)),
                platform="taobao",
                name=t["receiver_name"],
                phone=t["receiver_mobile"],
                oaid=t["oaid"] if privacy else "",
                items=tuple((o["title"], o["num"]) for o in t["orders"]["order"]),
            )
        )
    assert len(out) == count
    return out


def issue_all(provider: CainiaoProvider, acct: WaybillAccount, reqs: list[WaybillRequest]) -> list[Issued | Refusal]:
    """As the issuing service does: calls of at most `max_batch` requests."""
    answers: list[Issued | Refusal] = []
    for i in range(0, len(reqs), provider.max_batch):
        answers += provider.issue(acct, reqs[i : i + provider.max_batch])
    return answers


def issued(answers: list[Issued | Refusal]) -> list[Issued]:
    assert all(isinstance(a, Issued) for a in answers), answers
    return [a for a in answers if isinstance(a, Issued)]


def test_batches_of_ten_numbers_in_the_carriers_format_with_routing(srv: TopServer, provider: CainiaoProvider) -> None:
    reqs = requests(srv, 25)
    answers = issued(issue_all(provider, account(srv), reqs))

    assert srv.calls[GET] == 3
    assert [len(r["trade_order_info_dtos"]) for r in srv.cainiao.get_requests] == [10, 10, 5]
    assert [a.object_id for a in answers] == [r.object_id for r in reqs]
    numbers = [a.tracking_no for a in answers]
    assert len(set(numbers)) == 25 and all(carrier("ZTO").matches(n) for n in numbers)
    ledger = srv.waybills
    assert {n: (w["order_no"], w["object_id"], w["cp_code"], w["state"]) for n, w in ledger.items()} == {
        a.tracking_no: (r.order_no, r.object_id, "ZTO", "live") for a, r in zip(answers, reqs, strict=True)
    }
    assert srv.cainiao.balance("ZTO") == 5000 - 25
    first = answers[0]
    routing = first.print_data["data"]["routingInfo"]
    assert first.routing.sort_headline == routing["sortation"]["name"] and first.routing.sort_headline
    assert first.routing.route_code == routing["routeCode"] and first.routing.route_code
    assert first.routing.consolidation == routing["consolidation"]["name"]
    assert first.print_data == ledger[first.tracking_no]["print_data"]
    assert first.carrier == "ZTO" and not first.encrypted
    sent = srv.cainiao.get_requests[0]
    assert sent["cp_code"] == "ZTO" and sent["sender"]["address"]["detail"] == "文一西路969号"
    dto = sent["trade_order_info_dtos"][0]
    assert dto["object_id"] == dto["package_info"]["id"] == "1"
    assert dto["order_info"] == {"order_channels_type": "TB", "trade_order_list": [reqs[0].order_no]}
    assert dto["recipient"]["address"]["district"] == reqs[0].district and dto["template_url"] == TEMPLATE
    with pytest.raises(ValueError):
        provider.issue(account(srv), requests(srv, 11))


def test_the_same_request_asked_again_gets_the_same_number(srv: TopServer, provider: CainiaoProvider) -> None:
    reqs = requests(srv, 4)
    first = issued(provider.issue(account(srv), reqs))
    again = issued(provider.issue(account(srv), reqs))
    assert [a.tracking_no for a in again] == [a.tracking_no for a in first]
    assert len(srv.waybills) == 4 and srv.cainiao.balance("ZTO") == 5000 - 4
    other_package = issued(provider.issue(account(srv), [replace(reqs[0], object_id="99")]))
    assert other_package[0].tracking_no not in {a.tracking_no for a in first}  # a second parcel of one order


def test_a_privacy_order_passes_its_oaid_and_order_number_never_an_address(
    srv: TopServer, provider: CainiaoProvider
) -> None:
    reqs = requests(srv, 3, privacy=True)
    answers = issued(provider.issue(account(srv), reqs))
    for dto, r in zip(srv.cainiao.get_requests[0]["trade_order_info_dtos"], reqs, strict=True):
        assert dto["recipient"] == {"oaid": r.oaid, "tid": r.order_no}
    trade = srv.trade(reqs[0].order_no)
    data = answers[0].print_data["data"]
    assert data["recipient"]["address"]["district"] == trade["receiver_district"]
    assert answers[0].routing.sort_headline.endswith(trade["receiver_district"] or trade["receiver_city"])

    stale = replace(reqs[1], oaid="0" * 32, object_id="50")
    [refusal] = provider.issue(account(srv), [stale])
    assert isinstance(refusal, Refusal) and not refusal.account_level
    assert "oaid" in refusal.message.render() and stale.order_no in refusal.message.render()


def test_a_dropped_answer_is_found_again_not_asked_twice(srv: TopServer, provider: CainiaoProvider) -> None:
    reqs = requests(srv, 10)
    srv.faults.only_methods = frozenset({GET})
    srv.faults.drop_after_apply = 1.0
    with pytest.raises(WaybillUnclear):
        provider.issue(account(srv), reqs)
    assert srv.calls[GET] == 1  # a write is never retried after sending
    applied = srv.waybills
    assert len(applied) == 10
    srv.faults.reset()

    found = provider.find(account(srv), reqs)
    assert srv.calls[BY_TRADECODE] == 1
    assert {oid: f.tracking_no for oid, f in found.items()} == {w["object_id"]: n for n, w in applied.items()}
    assert all(f.routing.route_code and f.print_data for f in found.values())
    assert srv.waybills.keys() == applied.keys()  # looking up took no number

    srv.faults.server_error_after_apply = 1.0
    more = requests(srv, 12)[10:]
    with pytest.raises(WaybillUnclear):
        provider.issue(account(srv), more)
    srv.faults.reset()
    assert len(srv.waybills) == 12
    assert set(provider.find(account(srv), more)) == {r.object_id for r in more}
    assert provider.find(account(srv), requests(srv, 14)[12:]) == {}  # never asked: nothing to find


def test_a_malformed_answer_after_applying_is_unclear(srv: TopServer, provider: CainiaoProvider) -> None:
    reqs = requests(srv, 2)
    srv.answer_raw(GET, {"cainiao_waybill_ii_get_response": {"modules": "x"}}, apply=True)
    with pytest.raises(WaybillUnclear):
        provider.issue(account(srv), reqs)
    srv.answer_raw(GET, None)
    assert set(provider.find(account(srv), reqs)) == {"1", "2"} and len(srv.waybills) == 2


def test_an_unreachable_gateway_issues_nothing(srv: TopServer, provider: CainiaoProvider) -> None:
    reqs = requests(srv, 3)
    srv.go_offline()
    try:
        with pytest.raises(WaybillUnreachable) as caught:
            provider.issue(account(srv), reqs)
        assert "cainiao.waybill.ii.get" in caught.value.message
    finally:
        srv.go_online()
    assert srv.waybills == {}
    assert len(issued(provider.issue(account(srv), reqs))) == 3


def test_a_held_answer_leaves_the_number_issued_at_the_gateway(srv: TopServer, provider: CainiaoProvider) -> None:
    reqs = requests(srv, 2)
    hold = srv.hold_after_apply(GET)
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(provider.issue(account(srv), reqs)))
    worker.start()
    assert hold.reached.wait(10)
    assert len(srv.waybills) == 2 and not result  # applied, not yet answered
    hold.release()
    worker.join(10)
    assert [a.tracking_no for a in issued(result[0])] == sorted(
        srv.waybills, key=lambda n: srv.waybills[n]["object_id"]
    )


def test_reprint_reads_the_print_data_again(srv: TopServer, provider: CainiaoProvider) -> None:
    [first] = issued(provider.issue(account(srv), requests(srv, 1)))
    again = provider.reprint(account(srv), "ZTO", first.tracking_no, first.object_id)
    assert (again.tracking_no, again.routing, again.print_data) == (first.tracking_no, first.routing, first.print_data)
    assert len(srv.waybills) == 1 and srv.calls[GET] == 1
    provider.cancel(account(srv), "ZTO", first.tracking_no)
    with pytest.raises(WaybillRefused) as caught:
        provider.reprint(account(srv), "ZTO", first.tracking_no, first.object_id)
    assert not caught.value.account_level and first.tracking_no in caught.value.message


def test_cancel_frees_the_number_for_good(srv: TopServer, provider: CainiaoProvider) -> None:
    reqs = requests(srv, 2)
    first, second = issued(provider.issue(account(srv), reqs))
    provider.cancel(account(srv), "ZTO", first.tracking_no)
    assert srv.waybills[first.tracking_no]["state"] == "cancelled"
    assert srv.cainiao.balance("ZTO") == 5000 - 1  # 面单回收: the cancelled number went back
    provider.cancel(account(srv), "ZTO", first.tracking_no)  # already cancelled: counts as cancelled
    assert srv.errors[15] == 1 and srv.calls[CANCEL] == 2
    assert set(provider.find(account(srv), reqs)) == {"2"}
    [renewed] = issued(provider.issue(account(srv), reqs[:1]))
    assert renewed.tracking_no != first.tracking_no  # a cancelled number is never handed out again

    with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST) as client:
        client.call(
            "taobao.logistics.offline.send",
            {"tid": reqs[1].order_no, "out_sid": second.tracking_no, "company_code": "ZTO"},
            write=True,
        )
    with pytest.raises(WaybillRefused) as caught:
        provider.cancel(account(srv), "ZTO", second.tracking_no)
    assert not caught.value.account_level and "已发货" in caught.value.message
    assert srv.waybills[second.tracking_no]["state"] == "live"


def test_an_address_change_keeps_the_number_with_new_routing(srv: TopServer, provider: CainiaoProvider) -> None:
    [r] = requests(srv, 1)
    [first] = issued(provider.issue(account(srv), [r]))
    moved = replace(
        r, province="新疆维吾尔自治区", city="乌鲁木齐市", district="天山区", town="", address="解放南路8号"
    )
    updated = provider.update(account(srv), "ZTO", first.tracking_no, moved)
    assert updated.tracking_no == first.tracking_no and updated.routing != first.routing
    assert updated.routing.sort_headline == "830 天山区"
    record = srv.waybills[first.tracking_no]
    assert record["updates"] == 1 and record["recipient"]["address"]["detail"] == "解放南路8号"
    assert srv.calls[UPDATE] == 1 and len(srv.waybills) == 1
    assert provider.reprint(account(srv), "ZTO", first.tracking_no, r.object_id).print_data == updated.print_data
    provider.cancel(account(srv), "ZTO", first.tracking_no)
    with pytest.raises(WaybillRefused):
        provider.update(account(srv), "ZTO", first.tracking_no, moved)


def test_search_gives_carriers_balances_and_sender_addresses(srv: TopServer, provider: CainiaoProvider) -> None:
    second = {
        **srv.cainiao.subscriptions["ZTO"][1][0].addresses[0],
        "detail": "仓前街道2号",
        "waybill_address_id": "1002",
    }
    srv.cainiao.subscribe("ZTO", quantity=7, addresses=[srv.cainiao.subscriptions["ZTO"][1][0].addresses[0], second])
    balances = {c.code: c for c in provider.search(account(srv))}
    assert srv.calls[SEARCH] == 1
    assert set(balances) == {"ZTO", "YTO", "STO", "YUNDA", "SF", "EMS"}
    zto = balances["ZTO"]
    assert zto.balance == 7 and zto.branch_code == "ZTO-571001"
    assert [a.address_id for a in zto.addresses] == ["1001", "1002"]
    assert zto.addresses[0] == replace(SENDER, name="", phone="")
    issued(provider.issue(account(srv), requests(srv, 3)))
    assert {c.code: c.balance for c in provider.search(account(srv))}["ZTO"] == 4


def test_an_exhausted_balance_stops_the_account(srv: TopServer, provider: CainiaoProvider) -> None:
    srv.cainiao.set_balance("ZTO", 0)
    with pytest.raises(WaybillRefused) as caught:
        provider.issue(account(srv), requests(srv, 10))
    assert caught.value.account_level and caught.value.msg.id == "cainiao.balance_exhausted"
    assert "菜鸟中通" in caught.value.message and "ZTO" in caught.value.message
    assert srv.waybills == {}

    srv.cainiao.set_balance("ZTO", 3)  # what is left is used, then the rest stop
    answers = provider.issue(account(srv), requests(srv, 10))
    assert [isinstance(a, Issued) for a in answers] == [True] * 3 + [False] * 7
    assert all(isinstance(a, Refusal) and a.account_level for a in answers[3:])
    assert len(srv.waybills) == 3 and srv.cainiao.balance("ZTO") == 0


def test_an_expired_session_asks_to_authorise_again(srv: TopServer, provider: CainiaoProvider) -> None:
    srv.faults.expired_session = True
    with pytest.raises(WaybillRefused) as caught:
        provider.issue(account(srv), requests(srv, 2))
    assert caught.value.account_level and caught.value.msg.id == "cainiao.session_expired"
    srv.faults.reset()
    assert len(issued(provider.issue(account(srv), requests(srv, 2)))) == 2  # credentials read again


def test_an_unreachable_recipient_is_refused_alone(srv: TopServer, provider: CainiaoProvider) -> None:
    reqs = requests(srv, 10)
    reqs[3] = replace(reqs[3], address="无人岛灯塔1号")
    srv.cainiao.unreachable.add("无人岛")
    answers = provider.issue(account(srv), reqs)
    refused = answers[3]
    assert isinstance(refused, Refusal) and not refused.account_level
    text = refused.message.render()
    assert reqs[3].order_no in text and "收件地址超出服务范围" in text and "isv.address-unreachable" in text
    assert len(issued(answers[:3] + answers[4:])) == 9
    assert srv.calls[GET] == 2 and len(srv.waybills) == 9  # the refused call applied nothing; the rest asked once


def test_the_gateway_checks_the_signature(srv: TopServer) -> None:
    wrong = CainiaoProvider(lambda account: Credentials("not-the-secret", SESSION), retry=FAST, sleep=lambda s: None)
    try:
        with pytest.raises(WaybillRefused) as caught:
            wrong.issue(account(srv), requests(srv, 1))
    finally:
        wrong.close()
    assert caught.value.account_level and caught.value.msg.id == "cainiao.bad_credentials"
    assert srv.errors[25] == 1 and srv.waybills == {}


def test_the_account_must_ship_from_a_subscribed_address(srv: TopServer, provider: CainiaoProvider) -> None:
    elsewhere = replace(SENDER, detail="文一西路1号")
    with pytest.raises(WaybillRefused) as caught:
        provider.issue(account(srv, sender=elsewhere), requests(srv, 2))
    assert caught.value.account_level and "发货地址" in caught.value.message
    with pytest.raises(WaybillRefused) as caught:
        provider.issue(account(srv, sender=None), requests(srv, 2))
    assert caught.value.msg.id == "cainiao.no_sender" and srv.calls[GET] == 1


def test_an_incomplete_address_is_refused_without_asking(srv: TopServer, provider: CainiaoProvider) -> None:
    good, bad = requests(srv, 2)
    answers = provider.issue(account(srv), [good, replace(bad, district="")])
    assert isinstance(answers[0], Issued)
    assert isinstance(answers[1], Refusal) and answers[1].message.id == "cainiao.address_incomplete"
    assert [len(r["trade_order_info_dtos"]) for r in srv.cainiao.get_requests] == [1]


def test_encrypted_print_data_is_for_the_print_component(srv: TopServer, provider: CainiaoProvider) -> None:
    acct = account(srv, settings={"template_url": TEMPLATE, "need_encrypt": True})
    [one] = issued(provider.issue(acct, requests(srv, 1)))
    assert one.encrypted and one.print_data["encryptedData"].startswith("AES:")
    assert one.print_data["ver"] == "waybill_print_secret_version_1" and one.print_data["templateURL"] == TEMPLATE
    assert one.routing.sort_headline == "" and "data" not in one.print_data


def test_a_synced_privacy_order_carries_its_oaid_into_the_request(workspace: Workspace, srv: TopServer) -> None:
    with workspace.session_factory.begin() as session:
        shop, _ = add_api_shop(
            session, workspace.data_dir, name="淘宝店", platform=Platform.TAOBAO, gateway=srv.url, app_key=APP_KEY,
            credentials=Credentials(SECRET, SESSION), now=datetime.now(UTC),
        )  # fmt: skip
        shop_id = shop.id
    with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST) as client:
        TaobaoSync(workspace.session_factory, shop_id, client).run()
    [r] = requests(srv, 1, privacy=True)
    with workspace.session_factory() as session:
        stored = OrderRepository(session).stored(r.order_no, "淘宝店")
    assert stored is not None
    request = WaybillRequest.of(stored.order, object_id="1")
    assert request.oaid == r.oaid and request.oaid
    assert json.loads(json.dumps(request.items)) and request.platform == "taobao"


def test_numbers_follow_each_carriers_format(srv: TopServer, provider: CainiaoProvider) -> None:
    for code in ("EMS", "YUNDA", "SF"):
        answers = issued(provider.issue(account(srv, carrier=code), requests(srv, 3, first_id=100)))
        assert all(carrier(code).matches(a.tracking_no) and a.carrier == code for a in answers)


def test_the_gateway_refuses_what_cainiao_refuses(srv: TopServer, provider: CainiaoProvider) -> None:
    """The loopback gateway's own checks, asked directly: a client that breaks a rule is told so."""
    reqs = requests(srv, 11)
    acct = account(srv, settings={"template_url": TEMPLATE, "user_id": "2088001"})
    issued(provider.issue(acct, reqs[:1]))
    request = srv.cainiao.get_requests[0]
    assert request["trade_order_info_dtos"][0]["user_id"] == 2088001

    def ask(change: dict[str, Any]) -> str:
        body = {**request, **change}
        params = {"param_waybill_cloud_print_apply_new_request": json.dumps(body, ensure_ascii=False)}
        with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST) as client:
            try:
                client.call(GET, params, write=True)
            except TopError as exc:
                return exc.sub_msg
        return "applied"

    dto = request["trade_order_info_dtos"][0]
    assert "at most 10" in ask({"trade_order_info_dtos": [{**dto, "object_id": str(i)} for i in range(11)]})
    no_district = {**dto, "recipient": {**dto["recipient"], "address": {**dto["recipient"]["address"], "district": ""}}}
    assert "district is required" in ask({"trade_order_info_dtos": [no_district]})
    twice = [dto, {**dto, "object_id": "2"}]
    assert "repeated" in ask({"trade_order_info_dtos": twice})  # one package id twice in a call
    assert "no subscription for JD" in ask({"cp_code": "JD"})
    for services in ('{"SVC-INSURE":{"value":"0"}}', '{"SVC-INSURE":{"value":"12.5"}}', "保价", '["SVC-INSURE"]'):
        wrong = ask({"trade_order_info_dtos": [{**dto, "logistics_services": services}]})
        assert "保价金额不正确" in wrong or "logistics_services 格式错误" in wrong, (services, wrong)
    assert len(srv.waybills) == 1  # a refused call applied nothing
    assert ask({}) == "applied" and len(srv.waybills) == 1  # the same request again: the same number

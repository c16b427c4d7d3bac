"""Pinduoduo e-waybills through PddProvider against the PDD test gateway over real HTTP: batches of 10, addresses
checked before any call, routing, a lost answer found again without a second number, cancel, reprint, update,
balance, refusals."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.domain.errors import NotFound, WaybillRefused, WaybillUnclear, WaybillUnreachable
from app.domain.messages import msg
from app.domain.waybills import WaybillAccount, WaybillRequest
from app.services.waybills.ports import Issued, Refusal
from app.sync.gateway import RetryPolicy
from app.sync.shops import Credentials
from app.sync.waybills.pdd import PddProvider, address_id
from tests.pdtest.pdd_server import CLIENT_ID, SECRET, TOKEN, PddServer

GET = "pdd.waybill.get"
PLACES = [
    ("北京市", "北京市", "朝阳区", "望京街道", "阜通东大街6号"),
    ("浙江省", "杭州市", "西湖区", "文新街道", "文三路90号"),
    ("广东省", "深圳市", "南山区", "粤海街道", "科技南路18号"),
    ("四川省", "成都市", "武侯区", "玉林街道", "玉林南路3号"),
    ("河南省", "济源市", "济源市", "沁园街道", "济源大道1号"),  # a county under the province: the city repeats it
]


@pytest.fixture
def srv() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN) as server:
        yield server


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def provider(sleeps: list[float]) -> Iterator[PddProvider]:
    p = PddProvider(
        lambda account: Credentials(SECRET, TOKEN),
        retry=RetryPolicy(attempts=3, backoff_s=0.01, max_backoff_s=0.01),
        sleep=sleeps.append,
    )
    yield p
    p.close()


@pytest.fixture
def account(srv: PddServer, provider: PddProvider) -> WaybillAccount:
    """A YTO account whose sender is the first address search() lists (as `waybill add` picks it)."""
    bare = WaybillAccount(7, "拼多多面单", "pdd", "YTO", gateway=srv.url, app_key=CLIENT_ID)
    yto = next(c for c in provider.search(bare) if c.code == "YTO")
    return replace(bare, sender=replace(yto.addresses[0], name="小鹿仓", phone="13900001111"))


def request(n: int, *, platform: str = "pdd", **changes: object) -> WaybillRequest:
    province, city, district, town, detail = PLACES[n % len(PLACES)]
    base = WaybillRequest(
        f"240101-{n:06d}", province, city, district, town, detail, object_id=str(1000 + n), platform=platform,
        name=f"张{n}", phone="138****5678", items=(("316不锈钢保温杯", 1), ("杯刷", 2)), weight_g=450,
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def dtos(srv: PddServer) -> list[dict[str, object]]:
    """The parcels of every pdd.waybill.get the gateway received, in order."""
    out = []
    for form in srv.requests:
        if form.get("type") == GET:
            out += json.loads(form["param_waybill_cloud_print_apply_new_request"])["trade_order_info_dtos"]
    return out


# -- search ------------------------------------------------------------------------------------------------------


def test_search_lists_carriers_balances_and_sender_addresses_with_stable_ids(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    carriers = {c.code: c for c in provider.search(account)}
    assert set(carriers) == {"YTO", "ZTO"} and carriers["YTO"].balance == 1000
    yto = carriers["YTO"]
    assert (yto.branch_code, yto.branch_name) == ("571045", "浙江省杭州市余杭区五常网点")
    assert [a.detail for a in yto.addresses] == ["文一西路969号3号楼", "五常大道181号仓库B"]
    first = yto.addresses[0]
    assert first.address_id == address_id("浙江省", "杭州市", "余杭区", "文一西路969号3号楼")
    assert [a.address_id for a in provider.search(account)[0].addresses] == [a.address_id for a in yto.addresses]
    srv.desk.set_balance("YTO", 3)
    assert next(c for c in provider.search(account) if c.code == "YTO").balance == 3


# -- numbers -----------------------------------------------------------------------------------------------------


def test_a_batch_of_25_takes_three_calls_and_one_number_each(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    asked = [request(n) for n in range(25)]
    answers = [a for start in (0, 10, 20) for a in provider.issue(account, asked[start : start + 10])]
    assert srv.calls[GET] == 3 and srv.calls["pdd.mall.info.get"] == 1  # the user id is asked once
    assert all(isinstance(a, Issued) for a in answers)
    numbers = [a.tracking_no for a in answers if isinstance(a, Issued)]
    assert len(set(numbers)) == 25 and all(n.startswith("YT") and len(n) == 15 for n in numbers)
    assert [a.object_id for a in answers if isinstance(a, Issued)] == [r.object_id for r in asked]
    assert srv.desk.live_numbers() == set(numbers) and srv.desk.balance("YTO") == 975
    with pytest.raises(ValueError, match="at most 10"):
        provider.issue(account, [request(n) for n in range(30, 41)])


def test_the_request_says_what_pdd_needs(srv: PddServer, provider: PddProvider, account: WaybillAccount) -> None:
    provider.issue(account, [request(1), request(2, platform="taobao"), request(3, platform="other")])
    sent = dtos(srv)
    assert [d["order_info"]["order_channels_type"] for d in sent] == ["PDD", "TB", "OTHERS"]
    first = sent[0]
    assert first["object_id"] == "1001" and first["package_info"]["id"] == "1001"
    assert first["order_info"]["trade_order_list"] == ["240101-000001"]
    assert first["package_info"]["items"] == [{"name": "316不锈钢保温杯", "count": 1}, {"name": "杯刷", "count": 2}]
    assert first["package_info"]["weight"] == 450 and first["user_id"] == str(srv.mall["mall_id"])
    assert first["recipient"] == {
        "name": "张1", "mobile": "138****5678", "phone": "",
        "address": {"province": "浙江省", "city": "杭州市", "district": "西湖区", "town": "文新街道",
                    "detail": "文三路90号"},
    }  # fmt: skip
    get = json.loads(
        next(f for f in srv.requests if f.get("type") == GET)["param_waybill_cloud_print_apply_new_request"]
    )
    assert get["wp_code"] == "YTO" and get["sender"]["address"]["detail"] == "文一西路969号3号楼"
    assert get["sender"]["mobile"] == "13900001111" and "need_encrypt" not in get


def test_a_receiver_without_city_or_district_is_refused_before_any_call(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    no_district = request(1, district="")
    answers = provider.issue(account, [request(0), no_district, request(2, city=" ", district="")])
    refused = [a for a in answers if isinstance(a, Refusal)]
    assert [a.object_id for a in refused] == ["1001", "1002"] and isinstance(answers[0], Issued)
    assert refused[0].message.render() == (
        "Order 240101-000001 cannot get a Pinduoduo waybill: the receiver lacks the district. "
        "Complete the address, then print again."
    )
    assert "lacks the city" in refused[1].message.render()  # nor a district to stand in for it
    assert [d["object_id"] for d in dtos(srv)] == ["1000"]  # only the complete one was sent
    srv.requests.clear()
    only_bad = provider.issue(account, [no_district])
    assert isinstance(only_bad[0], Refusal) and dtos(srv) == [] and srv.calls[GET] == 1


def test_a_county_level_city_without_a_city_above_it_is_named_as_its_own_city(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    (issued,) = provider.issue(account, [request(4, city="")])  # 河南省 济源市 as the Taobao cache keeps it
    assert isinstance(issued, Issued)
    address = dtos(srv)[0]["recipient"]["address"]
    assert (address["province"], address["city"], address["district"]) == ("河南省", "济源市", "济源市")


def test_a_sender_pdd_would_refuse_stops_the_account_before_any_call(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    assert account.sender is not None
    for sender, words in [
        (replace(account.sender, district=""), "lacks the district"),
        (replace(account.sender, phone=""), "lacks the phone number"),
        (None, "has no sender address"),
    ]:
        with pytest.raises(WaybillRefused) as caught:
            provider.issue(replace(account, sender=sender), [request(0)])
        assert caught.value.account_level and words in caught.value.message
    assert srv.calls[GET] == 0


def test_a_taobao_privacy_order_is_not_sent_with_its_masked_address(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    answers = provider.issue(account, [request(0, platform="taobao", oaid="1rY1nPd5bX", address="****")])
    assert isinstance(answers[0], Refusal) and "Taobao privacy order" in answers[0].message.render()
    assert srv.calls[GET] == 0


def test_routing_and_print_data_come_from_pdds_answer(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    (issued,) = provider.issue(account, [request(0)])
    assert isinstance(issued, Issued) and not issued.encrypted and issued.carrier == "YTO"
    record = srv.waybills[issued.tracking_no]
    routing = json.loads(record["print_data"])["data"]["routingInfo"]
    assert issued.routing.sort_headline == routing["bigShotName"] and routing["bigShotName"].endswith("朝阳区")
    assert issued.routing.route_code == routing["threeSegmentCode"]
    assert issued.routing.consolidation == routing["endBranchName"] == "北京市集包中心"
    assert issued.print_data == json.loads(record["print_data"])  # as answered, for the print components
    assert issued.routing_record() == {
        "sort_headline": routing["bigShotName"], "route_code": routing["threeSegmentCode"],
        "consolidation": "北京市集包中心",
    }  # fmt: skip
    srv.desk.omit_routing = True
    (bare,) = provider.issue(account, [request(1)])
    assert isinstance(bare, Issued) and bare.routing_record() == {}  # the label will say so, never invent it


def test_encrypted_print_data_is_passed_on_untouched(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    secret = replace(account, settings={"need_encrypt": True, "template_url": "https://example.test/t.xml"})
    (issued,) = provider.issue(secret, [request(0)])
    assert isinstance(issued, Issued) and issued.encrypted and issued.routing_record() == {}
    assert set(issued.print_data) == {"encryptedData", "signature", "templateUrl", "ver"}
    assert issued.print_data["templateUrl"] == "https://example.test/t.xml"


# -- a lost answer -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["drop_after_apply", "error_after_apply"])
def test_a_lost_answer_is_unclear_and_find_gets_the_same_numbers_back(
    srv: PddServer, provider: PddProvider, account: WaybillAccount, fault: str
) -> None:
    asked = [request(n) for n in range(10)]
    setattr(srv.faults, fault, 1.0)
    srv.faults.only_methods = frozenset({GET})
    with pytest.raises(WaybillUnclear) as caught:
        provider.issue(account, asked)
    assert "Asking again for the same parcels gives the same numbers back" in caught.value.message
    issued_behind_our_back = {r["object_id"]: n for n, r in srv.desk.snapshot().items()}
    assert len(issued_behind_our_back) == 10 and srv.calls[GET] == 1  # never asked again blindly
    srv.faults.reset()
    found = provider.find(account, asked)
    assert {oid: i.tracking_no for oid, i in found.items()} == issued_behind_our_back
    assert len(srv.waybills) == 10 and srv.desk.balance("YTO") == 990  # no second number, no second charge
    assert all(found[r.object_id].routing.sort_headline for r in asked)


def test_find_gives_a_request_that_never_arrived_its_only_number(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    srv.faults.drop = 1.0  # the connection dropped before PDD took the request
    srv.faults.only_methods = frozenset({GET})
    with pytest.raises(WaybillUnclear):
        provider.issue(account, [request(0)])
    assert srv.waybills == {}
    srv.faults.reset()
    found = provider.find(account, [request(0)])
    assert list(found) == ["1000"] and set(srv.waybills) == {found["1000"].tracking_no}
    again = provider.find(account, [request(0)])
    assert again["1000"].tracking_no == found["1000"].tracking_no and len(srv.waybills) == 1


def test_find_retries_its_call_and_takes_more_than_ten_in_chunks(srv: PddServer, account: WaybillAccount) -> None:
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:  # find's first answer is lost too: after the wait, PDD answers again
        sleeps.append(seconds)
        srv.faults.reset()

    provider = PddProvider(
        lambda a: Credentials(SECRET, TOKEN), retry=RetryPolicy(attempts=2, backoff_s=0.5), sleep=sleep
    )
    asked = [request(n) for n in range(13)]
    srv.faults.drop_after_apply = 1.0
    srv.faults.only_methods = frozenset({GET})
    for start in (0, 10):
        with pytest.raises(WaybillUnclear):
            provider.issue(account, asked[start : start + 10])
    first = {r["object_id"]: n for n, r in srv.desk.snapshot().items()}
    found = provider.find(account, asked)
    assert {oid: i.tracking_no for oid, i in found.items()} == first and len(srv.waybills) == 13
    assert srv.injected["drop_after_apply"] == 3 and sleeps == [0.5]  # asked again, safely, after a wait
    assert srv.calls[GET] == 5  # two issues, find's first chunk twice, its second chunk of 3 once
    provider.close()


def test_a_call_held_after_applying_then_cut_off_is_found_again(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    outcome: list[BaseException] = []

    def ask() -> None:
        try:
            provider.issue(account, [request(0), request(1)])
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    with srv.hold(GET) as hold:
        worker = threading.Thread(target=ask)
        worker.start()
        assert hold.applied.wait(10)
        assert len(srv.desk.live_numbers()) == 2  # PDD has issued both; the client has heard nothing yet
        hold.release(answer=False)
        worker.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], WaybillUnclear)
    found = provider.find(account, [request(0), request(1)])
    assert {i.tracking_no for i in found.values()} == srv.desk.live_numbers() and len(srv.waybills) == 2


# -- refusals --------------------------------------------------------------------------------------------------------


def test_a_recipient_the_carrier_does_not_serve_is_refused_alone(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    srv.desk.refuse_districts = {"南山区"}
    answers = provider.issue(account, [request(n) for n in range(10)])
    refused = [a for a in answers if isinstance(a, Refusal)]
    assert [a.object_id for a in refused] == ["1002", "1007"]  # the two in 南山区
    assert not refused[0].account_level and "不在 YTO 服务范围内" in refused[0].message.render()
    assert refused[0].message.render().startswith("Pinduoduo gave no waybill number for order 240101-000002:")
    assert len(srv.desk.live_numbers()) == 8 and srv.calls[GET] == 3  # each named one taken out, the rest asked


def test_the_last_numbers_of_an_account_are_used_then_the_rest_stop(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    srv.desk.set_balance("YTO", 3)
    answers = provider.issue(account, [request(n) for n in range(10)])
    issued = [a for a in answers if isinstance(a, Issued)]
    stopped = [a for a in answers if isinstance(a, Refusal)]
    assert len(issued) == 3 and len(stopped) == 7 and all(a.account_level for a in stopped)
    assert stopped[0].message.render().startswith("Waybill account '拼多多面单' has no YTO numbers left at Pinduoduo")
    assert srv.desk.balance("YTO") == 0 and len(srv.waybills) == 3
    with pytest.raises(WaybillRefused) as caught:
        provider.issue(account, [request(11)])
    assert caught.value.account_level and "电子面单余额不足" in caught.value.message


def test_an_expired_token_or_unreadable_secrets_stop_the_account(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    srv.faults.token_expired = True
    with pytest.raises(WaybillRefused) as caught:
        provider.issue(account, [request(0)])
    assert caught.value.account_level and caught.value.message.startswith(
        "Pinduoduo no longer accepts the access token of waybill account '拼多多面单'"
    )
    srv.faults.reset()
    assert isinstance(provider.issue(account, [request(0)])[0], Issued)  # the token was read again

    def not_stored(_account: WaybillAccount) -> Credentials:
        raise NotFound(msg("shop.secrets_not_stored"))

    lost = PddProvider(not_stored)
    with pytest.raises(WaybillRefused) as caught:
        lost.search(account)
    assert caught.value.account_level and "cannot be read" in caught.value.message
    wrong = PddProvider(lambda a: Credentials("not-the-secret", TOKEN), retry=RetryPolicy(attempts=1))
    with pytest.raises(WaybillRefused) as caught:
        wrong.issue(account, [request(1)])
    assert caught.value.account_level and "refused the client id or secret" in caught.value.message
    assert len(srv.waybills) == 1


def test_a_gateway_that_cannot_be_reached_issues_nothing(provider: PddProvider, account: WaybillAccount) -> None:
    gone = replace(account, gateway="http://127.0.0.1:9/api/router")
    with pytest.raises(WaybillUnreachable) as caught:
        provider.search(gone)
    assert "could not be reached" in caught.value.message


# -- reprint, cancel, update -------------------------------------------------------------------------------------


def test_a_reprint_reads_the_same_number_again(srv: PddServer, provider: PddProvider, account: WaybillAccount) -> None:
    (issued,) = provider.issue(account, [request(0)])
    assert isinstance(issued, Issued)
    again = provider.reprint(account, "YTO", issued.tracking_no, issued.object_id)
    assert (again.tracking_no, again.print_data, again.routing) == (
        issued.tracking_no,
        issued.print_data,
        issued.routing,
    )
    assert srv.calls[GET] == 1 and len(srv.waybills) == 1


def test_cancel_returns_the_number_and_a_new_ask_gets_a_new_one(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    (issued,) = provider.issue(account, [request(0)])
    assert isinstance(issued, Issued)
    provider.cancel(account, "YTO", issued.tracking_no)
    assert srv.waybills[issued.tracking_no]["state"] == "cancelled" and srv.desk.balance("YTO") == 1000
    provider.cancel(account, "YTO", issued.tracking_no)  # cancelled before: counts as cancelled
    with pytest.raises(WaybillRefused) as caught:
        provider.reprint(account, "YTO", issued.tracking_no, issued.object_id)
    assert "no live waybill" in caught.value.message
    (fresh,) = provider.issue(account, [request(0)])
    assert isinstance(fresh, Issued) and fresh.tracking_no != issued.tracking_no  # a cancelled number never returns


def test_a_collected_parcel_cannot_be_cancelled(srv: PddServer, provider: PddProvider, account: WaybillAccount) -> None:
    (issued,) = provider.issue(account, [request(0)])
    assert isinstance(issued, Issued)
    srv.desk.ship(issued.tracking_no)
    with pytest.raises(WaybillRefused) as caught:
        provider.cancel(account, "YTO", issued.tracking_no)
    assert not caught.value.account_level and "已揽收" in caught.value.message
    assert srv.waybills[issued.tracking_no]["state"] == "live"


def test_a_cancel_whose_answer_is_lost_is_unclear_then_cancelled_again(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    (issued,) = provider.issue(account, [request(0)])
    assert isinstance(issued, Issued)
    srv.faults.drop_after_apply = 1.0
    with pytest.raises(WaybillUnclear):
        provider.cancel(account, "YTO", issued.tracking_no)
    srv.faults.reset()
    provider.cancel(account, "YTO", issued.tracking_no)
    assert srv.calls["pdd.waybill.cancel"] == 2 and srv.waybills[issued.tracking_no]["state"] == "cancelled"


def test_an_address_change_keeps_the_number_with_new_routing(
    srv: PddServer, provider: PddProvider, account: WaybillAccount
) -> None:
    (issued,) = provider.issue(account, [request(0)])
    assert isinstance(issued, Issued)
    moved = request(0, province="四川省", city="成都市", district="武侯区", town="", address="玉林南路3号")
    updated = provider.update(account, "YTO", issued.tracking_no, moved)
    assert updated.tracking_no == issued.tracking_no and updated.routing != issued.routing
    assert updated.routing.consolidation == "成都市集包中心"
    assert srv.waybills[issued.tracking_no]["recipient"]["address"]["district"] == "武侯区"
    with pytest.raises(WaybillRefused):
        provider.update(account, "YTO", issued.tracking_no, replace(moved, district=""))  # said before any call
    srv.desk.refuse_updates = True
    with pytest.raises(WaybillRefused) as caught:
        provider.update(account, "YTO", issued.tracking_no, moved)
    assert not caught.value.account_level and "did not change the receiver" in caught.value.message
    assert srv.calls["pdd.waybill.update"] == 2


def test_a_rate_limited_batch_waits_and_issues_once(
    srv: PddServer, provider: PddProvider, account: WaybillAccount, sleeps: list[float]
) -> None:
    srv.faults.rate_limit = 0.5
    srv.faults.only_methods = frozenset({GET})
    answers = [a for start in (0, 10) for a in provider.issue(account, [request(n) for n in range(start, start + 10)])]
    assert all(isinstance(a, Issued) for a in answers) and len(srv.waybills) == 20
    assert srv.injected["rate_limit"] >= 1 and sleeps.count(2) == srv.injected["rate_limit"]

"""Kuaidi100 e-waybills (label/order) against the loopback API (tests/pdtest/kuaidi100_server.py), over real HTTP:
a number with its label image, a repeated orderId answered with the first number, a lost answer found again instead
of asked twice, the label image fetched again, cancels, and the refusals a seller must read."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from pdtest.escpos_decode import code128_texts
from pdtest.kuaidi100_server import Kuaidi100Server
from pdtest.samples import sample_waybill
from PIL import Image

from app.domain.errors import NotFound, WaybillRefused, WaybillUnclear, WaybillUnreachable
from app.domain.messages import msg
from app.domain.tracking import carrier
from app.domain.waybills import SenderAddress, WaybillAccount, WaybillRequest
from app.services.waybills.ports import Issued, Refusal
from app.sync.gateway import RetryPolicy
from app.sync.shops import Credentials
from app.sync.waybills.kuaidi100 import Kuaidi100Provider
from printers.media import Media
from printers.render import render_waybill

KEY, SECRET = "kd-key-0571", "kd-secret-0571"
PARTNER_ID, PARTNER_KEY = "ZT-0571-8801", "branch-pass"
FAST = RetryPolicy(attempts=3, backoff_s=0.01, max_backoff_s=0.02)
SENDER = SenderAddress("", "浙江省", "杭州市", "余杭区", "仓前街道", "文一西路1500号", "小鹿家居", "0571-88881234")
ACCOUNT = WaybillAccount(
    3,
    "中通网点",
    "kuaidi100",
    "ZTO",
    app_key=KEY,
    settings={"partner_id": PARTNER_ID, "order_prefix": "a1b2-"},
    sender=SENDER,
)


def request(object_id: str = "41", **changes: Any) -> WaybillRequest:
    base = WaybillRequest(
        "2002330775067496577",
        "四川省",
        "成都市",
        "都江堰市",
        "幸福街道",
        "灌口镇建设路88号阳光小区3栋2单元1203室",
        object_id=object_id,
        platform="taobao",
        name="张*",
        phone="138****5678",
        items=(("纯棉毛巾 蓝色", 2), ("竹纤维菜板 大号", 1)),
        weight_g=850,
    )
    return replace(base, **changes)


@pytest.fixture
def srv() -> Iterator[Kuaidi100Server]:
    with Kuaidi100Server(KEY, SECRET, seed=3) as server:
        server.add_branch("zhongtong", PARTNER_ID, PARTNER_KEY, balance=100)
        yield server


def provider(secret: str = SECRET, partner_key: str = PARTNER_KEY, retry: RetryPolicy = FAST) -> Kuaidi100Provider:
    return Kuaidi100Provider(lambda account: Credentials(secret, partner_key), retry=retry, sleep=lambda s: None)


@pytest.fixture
def kd() -> Iterator[Kuaidi100Provider]:
    p = provider()
    yield p
    p.close()


def account(srv: Kuaidi100Server, **changes: Any) -> WaybillAccount:
    return replace(ACCOUNT, **{"gateway": srv.url, **changes})


def test_a_number_with_routing_and_the_label_image(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    (issued,) = kd.issue(account(srv), [request()])
    assert isinstance(issued, Issued) and issued.object_id == "41" and issued.carrier == "ZTO"
    assert srv.live_numbers() == {issued.tracking_no} and carrier("ZTO").matches(issued.tracking_no)
    assert srv.branches[("zhongtong", PARTNER_ID)].balance == 99
    # what went over the wire: the branch account, the carrier's code, the idempotent order id, both parties
    (sent,) = srv.params
    assert (sent["partnerId"], sent["partnerKey"], sent["kuaidicom"]) == (PARTNER_ID, PARTNER_KEY, "zhongtong")
    assert (sent["orderId"], sent["reorder"], sent["printType"]) == ("a1b2-41", False, "IMAGE")
    assert sent["recMan"] == {
        "name": "张*",
        "mobile": "138****5678",
        "printAddr": "四川省成都市都江堰市幸福街道灌口镇建设路88号阳光小区3栋2单元1203室",
    }
    assert sent["sendMan"] == {
        "name": "小鹿家居",
        "tel": "0571-88881234",
        "printAddr": "浙江省杭州市余杭区仓前街道文一西路1500号",
    }
    assert sent["cargo"] == "纯棉毛巾 蓝色 x2，竹纤维菜板 大号 x1" and sent["weight"] == 0.85
    # the routing printed is the answer's: 大头笔, 三段码, 集包地
    data = dict(issued.print_data)
    assert data["kuaidinum"] == issued.tracking_no and data["label"].startswith(f"http://127.0.0.1:{srv.port}/")
    assert issued.routing.sort_headline == data["bulkpen"] and issued.routing.sort_headline.endswith("四川")
    assert issued.routing.route_code == data["destSortingCode"]
    assert issued.routing.consolidation == data["pkgName"] == "四川中转包"
    # the server's own label image, its barcode the number, and on our raster path too
    assert issued.image is not None and srv.image_requests == 1
    assert set(code128_texts(Image.open(io.BytesIO(issued.image)).convert("L"))) == {issued.tracking_no}
    printed = render_waybill(sample_waybill(tracking_no=issued.tracking_no, image=issued.image), Media(76, 130))
    assert issued.tracking_no in code128_texts(printed)


def test_the_same_order_id_again_is_answered_with_the_first_number(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    (first,) = kd.issue(account(srv), [request()])
    (again,) = kd.issue(account(srv), [request()])
    assert isinstance(first, Issued) and isinstance(again, Issued)
    assert again.tracking_no == first.tracking_no and again.routing == first.routing
    assert srv.numbers_for("a1b2-41") == [first.tracking_no]
    assert srv.branches[("zhongtong", PARTNER_ID)].balance == 99  # one number taken, not two
    (other,) = kd.issue(account(srv), [request("42")])
    assert isinstance(other, Issued) and other.tracking_no != first.tracking_no


def test_a_dropped_answer_is_unclear_and_find_gets_the_same_number(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    srv.faults.drop_after_apply = 1
    with pytest.raises(WaybillUnclear) as lost:
        kd.issue(account(srv), [request()])
    assert "may have been applied" in lost.value.message
    (issued_there,) = srv.live_numbers()  # Kuaidi100 issued it; PackDesk never heard
    found = kd.find(account(srv), [request(), request("99")])
    assert found["41"].tracking_no == issued_there and found["41"].image is not None
    assert srv.numbers_for("a1b2-41") == [issued_there]  # found, not taken twice
    # the request that never went out gets its own number from the find (the one it would have had)
    assert found["99"].tracking_no != issued_there and srv.numbers_for("a1b2-99") == [found["99"].tracking_no]


@pytest.mark.parametrize("fault", ["error_after_apply", "server_error"])
def test_a_5xx_is_unclear_and_a_later_ask_never_takes_a_second_number(
    srv: Kuaidi100Server, kd: Kuaidi100Provider, fault: str
) -> None:
    setattr(srv.faults, fault, 1)
    with pytest.raises(WaybillUnclear, match="HTTP 50"):
        kd.issue(account(srv), [request()])
    assert len(srv.live_numbers()) == (1 if fault == "error_after_apply" else 0)
    (issued,) = kd.issue(account(srv), [request()])
    assert isinstance(issued, Issued) and srv.live_numbers() == {issued.tracking_no}


def test_kuaidi100_failing_in_its_own_answer_is_unclear(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    class Failing(Kuaidi100Server):
        def _order(self, param: dict[str, Any], branch: Any) -> Any:
            return self._fail("500", "服务器错误，请稍后重试")

    with Failing(KEY, SECRET) as failing:
        failing.add_branch("zhongtong", PARTNER_ID, PARTNER_KEY)
        with pytest.raises(WaybillUnclear, match="服务器错误"):
            kd.issue(account(failing), [request()])


def test_nothing_listening_is_unreachable(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    gone = account(srv)
    srv.stop()
    with pytest.raises(WaybillUnreachable) as unreachable:
        kd.issue(gone, [request()])
    assert "cannot reach Kuaidi100" in unreachable.value.message


def test_a_label_download_failing_once_is_tried_again(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    srv.faults.label_failures = 1
    (issued,) = kd.issue(account(srv), [request()])
    assert isinstance(issued, Issued) and issued.image is not None and issued.print_data
    assert srv.image_requests == 2


def test_a_label_that_cannot_be_downloaded_keeps_the_number_and_reprint_fetches_it(
    srv: Kuaidi100Server, kd: Kuaidi100Provider
) -> None:
    srv.faults.label_failures = 3  # every attempt of the first download
    (issued,) = kd.issue(account(srv), [request()])
    assert isinstance(issued, Issued) and issued.tracking_no in srv.live_numbers()
    assert issued.image is None and dict(issued.print_data) == {}  # no document yet: the ledger asks reprint
    again = kd.reprint(account(srv), "ZTO", issued.tracking_no, "41")
    assert again.tracking_no == issued.tracking_no and again.image is not None and again.print_data
    assert set(code128_texts(Image.open(io.BytesIO(again.image)).convert("L"))) == {issued.tracking_no}
    assert srv.numbers_for("a1b2-41") == [issued.tracking_no]
    # a repeat needs no receiver: the reprint sent only the account, the carrier and the order id
    assert "recMan" not in srv.params[-1] and srv.params[-1]["orderId"] == "a1b2-41"


def test_a_reprint_while_the_image_still_fails_is_unreachable_and_keeps_the_number(
    srv: Kuaidi100Server, kd: Kuaidi100Provider
) -> None:
    (issued,) = kd.issue(account(srv), [request()])
    assert isinstance(issued, Issued)
    srv.faults.label_failures = 3
    with pytest.raises(WaybillUnreachable, match=f"label image of {issued.tracking_no}"):
        kd.reprint(account(srv), "ZTO", issued.tracking_no, "41")
    assert srv.live_numbers() == {issued.tracking_no}


def test_a_reprint_after_48_hours_is_refused_and_takes_no_number(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    (issued,) = kd.issue(account(srv), [request()])
    assert isinstance(issued, Issued)
    srv.advance(hours=49)
    with pytest.raises(WaybillRefused) as refused:
        kd.reprint(account(srv), "ZTO", issued.tracking_no, "41")
    assert "48 hours" in refused.value.message and not refused.value.account_level
    assert srv.live_numbers() == {issued.tracking_no}


def test_cancel_and_cancel_again_and_a_parcel_picked_up(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    first, second = (kd.issue(account(srv), [request(i)])[0] for i in ("1", "2"))
    assert isinstance(first, Issued) and isinstance(second, Issued)
    kd.cancel(account(srv), "ZTO", first.tracking_no)
    assert srv.ledger[first.tracking_no].state == "cancelled" and srv.live_numbers() == {second.tracking_no}
    assert srv.branches[("zhongtong", PARTNER_ID)].balance == 99  # the cancelled number went back
    kd.cancel(account(srv), "ZTO", first.tracking_no)  # cancelled before: counts as cancelled
    (sent,) = [p for p in srv.params if p.get("kuaidinum") == first.tracking_no][:1]
    assert (sent["partnerId"], sent["kuaidicom"]) == (PARTNER_ID, "zhongtong")
    srv.ship(second.tracking_no)
    with pytest.raises(WaybillRefused) as refused:
        kd.cancel(account(srv), "ZTO", second.tracking_no)
    assert "已揽收" in refused.value.message and second.tracking_no in refused.value.message
    assert not refused.value.account_level and srv.ledger[second.tracking_no].state == "picked_up"


def test_a_cancel_whose_answer_is_lost_is_unclear_and_asking_again_settles_it(
    srv: Kuaidi100Server, kd: Kuaidi100Provider
) -> None:
    (issued,) = kd.issue(account(srv), [request()])
    assert isinstance(issued, Issued)
    srv.faults.drop_after_apply = 1
    with pytest.raises(WaybillUnclear):
        kd.cancel(account(srv), "ZTO", issued.tracking_no)
    assert srv.ledger[issued.tracking_no].state == "cancelled"
    kd.cancel(account(srv), "ZTO", issued.tracking_no)


def test_a_wrong_secret_is_refused_for_the_account_with_a_clear_message(srv: Kuaidi100Server) -> None:
    wrong = provider(secret="not-the-secret")
    try:
        (refusal,) = wrong.issue(account(srv), [request()])
    finally:
        wrong.close()
    assert isinstance(refusal, Refusal) and refusal.account_level and refusal.object_id == "41"
    assert refusal.message == msg("kuaidi100.refused", code="401", words="签名错误")
    assert refusal.message.render() == "Kuaidi100 refused the number request (401): 签名错误"
    assert srv.ledger == {} and srv.codes["401"] == 1


def test_a_wrong_branch_password_or_key_is_refused_for_the_account(srv: Kuaidi100Server) -> None:
    for p, acct, code in (
        (provider(partner_key="wrong"), account(srv), "30002"),
        (provider(), account(srv, app_key="other-key"), "601"),
    ):
        try:
            (refusal,) = p.issue(acct, [request()])
        finally:
            p.close()
        assert isinstance(refusal, Refusal) and refusal.account_level and f"({code})" in refusal.message.render()
    assert srv.ledger == {}


def test_an_exhausted_branch_account_stops_with_its_words(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    srv.branches[("zhongtong", PARTNER_ID)].balance = 1
    (first,) = kd.issue(account(srv), [request("1")])
    (second,) = kd.issue(account(srv), [request("2")])
    assert isinstance(first, Issued)
    assert isinstance(second, Refusal) and second.account_level and "余额不足" in second.message.render()
    assert srv.live_numbers() == {first.tracking_no}
    with pytest.raises(WaybillRefused) as refused:  # find of a request never issued: the account cannot serve
        kd.find(account(srv), [request("2")])
    assert refused.value.account_level


def test_a_receiver_without_a_phone_is_refused_here_and_nothing_is_sent(
    srv: Kuaidi100Server, kd: Kuaidi100Provider
) -> None:
    (refusal,) = kd.issue(account(srv), [request(phone="")])
    assert isinstance(refusal, Refusal) and not refusal.account_level
    assert refusal.message == msg("kuaidi100.receiver_incomplete", order_no="2002330775067496577")
    assert sum(srv.calls.values()) == 0


def test_a_refusal_of_one_request_is_the_providers_words(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    class Picky(Kuaidi100Server):
        def _order(self, param: dict[str, Any], branch: Any) -> Any:
            return self._fail("400", "收件地址超出派送范围")

    with Picky(KEY, SECRET) as picky:
        picky.add_branch("zhongtong", PARTNER_ID, PARTNER_KEY)
        (refusal,) = kd.issue(account(picky), [request()])
    assert isinstance(refusal, Refusal) and not refusal.account_level
    assert refusal.message.render() == "Kuaidi100 refused the number request (400): 收件地址超出派送范围"


def test_number_only_needs_no_image(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    (issued,) = kd.issue(account(srv, settings={**ACCOUNT.settings, "print_type": "NON"}), [request()])
    assert isinstance(issued, Issued) and issued.image is None and "label" not in issued.print_data
    assert dict(issued.print_data)["kuaidinum"] == issued.tracking_no  # our renderer prints from the routing
    assert srv.params[0]["printType"] == "NON" and srv.image_requests == 0


def test_a_carrier_without_a_three_segment_code_leaves_it_empty(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    srv.add_branch("shunfeng", "SF-755", PARTNER_KEY)
    sf = account(srv, carrier="SF", settings={"partner_id": "SF-755", "order_prefix": "a1b2-"})
    (issued,) = kd.issue(sf, [request()])
    assert isinstance(issued, Issued) and issued.carrier == "SF" and issued.tracking_no.startswith("SF")
    assert issued.routing.sort_headline and issued.routing.route_code == "" and issued.routing.consolidation == ""


def test_the_account_set_up_is_checked_before_anything_is_sent(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    cases = [
        (account(srv, carrier="XYZ"), "no company code for the carrier 'XYZ'"),
        (account(srv, sender=None), "has no sender address"),
        (account(srv, settings={}), "has no branch account id"),
        (account(srv, gateway="ftp://kuaidi100"), r"is not an http\(s\) address"),
    ]
    for acct, words in cases:
        with pytest.raises(WaybillRefused, match=words) as refused:
            kd.issue(acct, [request()])
        assert refused.value.account_level
    assert sum(srv.calls.values()) == 0


def test_secrets_that_cannot_be_read_stop_the_account(srv: Kuaidi100Server) -> None:
    def locked(account: WaybillAccount) -> Credentials:
        raise NotFound(msg("shop.secrets_not_stored"))

    p = Kuaidi100Provider(locked, retry=FAST, sleep=lambda s: None)
    with pytest.raises(WaybillRefused) as refused:
        p.issue(account(srv), [request()])
    assert refused.value.account_level and refused.value.msg == msg("shop.secrets_not_stored")


def test_an_address_that_is_not_the_api_is_refused_for_the_account(srv: Kuaidi100Server, kd: Kuaidi100Provider) -> None:
    with pytest.raises(WaybillRefused, match="answered HTTP 404") as refused:
        kd.issue(account(srv, gateway=srv.url.replace("/label/order", "/label/ordr")), [request()])
    assert refused.value.account_level


def test_update_is_refused_and_search_answers_the_branch_without_a_call(
    srv: Kuaidi100Server, kd: Kuaidi100Provider
) -> None:
    with pytest.raises(WaybillRefused, match="cannot change the receiver") as refused:
        kd.update(account(srv), "ZTO", "73000000030001", request())
    assert not refused.value.account_level
    (balance,) = kd.search(account(srv, settings={**ACCOUNT.settings, "partner_name": "杭州余杭网点"}))
    assert (balance.code, balance.balance, balance.branch_code, balance.branch_name) == (
        "ZTO",
        None,
        PARTNER_ID,
        "杭州余杭网点",
    )
    assert balance.addresses == () and sum(srv.calls.values()) == 0

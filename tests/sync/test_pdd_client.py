"""The Pinduoduo gateway client against the PDD test gateway over real HTTP: signing, errors, retries, rate limits,
unclear writes."""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.messages import CATALOG
from app.sync.gateway import Offline, RetryPolicy, Unclear
from app.sync.pdd import MalformedAnswer, PddClient, PddError, TokenExpired, param_text, sign
from tests.pdtest.pdd_server import CLIENT_ID, E_LIMITED, E_SIGN, E_TIMESTAMP, E_TOKEN, SECRET, TOKEN, PddServer

RETRY = RetryPolicy(attempts=4, backoff_s=0.5, max_backoff_s=1.0)
CANCEL = "pdd.waybill.cancel"
SEARCH = "pdd.waybill.search"


class Sleeps(list[float]):
    """Records the client's waits instead of waiting; `then` runs after the first (e.g. lifting a fault)."""

    def __init__(self, then: object = None) -> None:
        super().__init__()
        self.then = then

    def __call__(self, seconds: float) -> None:
        self.append(seconds)
        if callable(self.then) and len(self) == 1:
            self.then()


@pytest.fixture
def srv() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN) as server:
        yield server


def client(
    srv: PddServer,
    sleeps: Sleeps | None = None,
    *,
    client_id: str = CLIENT_ID,
    secret: str = SECRET,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> PddClient:
    sleep = sleeps if sleeps is not None else Sleeps()
    return PddClient(srv.url, client_id, secret, TOKEN, retry=RETRY, sleep=sleep, clock=clock)


def issue_one(c: PddClient, srv: PddServer) -> dict[str, object]:
    """A pdd.waybill.get for one parcel, as the provider sends it (a write)."""
    sender_address = srv.desk.subscriptions[0]["branch_account_cols"][0]["shipp_address_cols"][0]
    address = {k: sender_address[k] for k in ("province", "city", "district", "detail")}
    receiver = {"province": "北京市", "city": "北京市", "district": "朝阳区", "detail": "望京街道1号"}
    request = {
        "wp_code": "YTO",
        "sender": {"name": "小鹿仓", "mobile": "13900001111", "address": address},
        "trade_order_info_dtos": [
            {
                "object_id": "41",
                "order_info": {"order_channels_type": "PDD", "trade_order_list": ["240101-11"]},
                "package_info": {"id": "41", "items": [{"name": "保温杯", "count": 1}]},
                "recipient": {"name": "张三", "mobile": "13800138000", "address": receiver},
                "template_url": "https://file-link.pinduoduo.com/yto_one",
                "user_id": "580000001",
            }
        ],
    }  # fmt: skip
    return c.call("pdd.waybill.get", {"param_waybill_cloud_print_apply_new_request": request}, write=True)


# -- signing ---------------------------------------------------------------------------------------------------------


def test_signature_matches_an_independent_computation() -> None:
    moment = datetime(2024, 1, 1, 4, 0, tzinfo=UTC)
    c = PddClient("http://127.0.0.1:9/api/router", CLIENT_ID, SECRET, TOKEN, clock=lambda: moment)
    with c:
        form = c.signed("pdd.waybill.get", {"param": {"name": "张三", "n": [1, 2]}, "need_encrypt": True, "skip": None})
    assert form["timestamp"] == "1704081600" and form["data_type"] == "JSON" and form["version"] == "V1"
    assert form["param"] == '{"name":"张三","n":[1,2]}' and form["need_encrypt"] == "true" and "skip" not in form
    concat = "".join(k + form[k] for k in sorted(form) if k != "sign")
    assert form["sign"] == hashlib.md5((SECRET + concat + SECRET).encode("utf-8")).hexdigest().upper()
    assert sign({**form, "sign": "X"}, SECRET) == form["sign"]  # an existing sign is not signed over
    assert param_text(False) == "false" and param_text(12) == "12"


def test_the_gateway_checks_the_signature_the_client_and_its_clock(srv: PddServer) -> None:
    with client(srv) as good:
        assert good.call("pdd.mall.info.get")["mall_id"] == srv.mall["mall_id"]  # the root is found unnamed
    with client(srv, secret="wrong") as wrong, pytest.raises(PddError) as caught:
        wrong.call(SEARCH)
    assert caught.value.error_code == E_SIGN and caught.value.caller and wrong.calls == 1
    assert caught.value.message == "Pinduoduo refused pdd.waybill.search: 签名校验失败 (sign_invalid)"
    late = lambda: datetime.now(UTC) + timedelta(minutes=11)  # noqa: E731
    with client(srv, clock=late) as skewed, pytest.raises(PddError) as caught:
        skewed.call(SEARCH)
    assert caught.value.error_code == E_TIMESTAMP and caught.value.caller
    with client(srv, client_id="someone-else") as stranger, pytest.raises(PddError) as caught:
        stranger.call(SEARCH)
    assert caught.value.caller


# -- errors ----------------------------------------------------------------------------------------------------------


def test_an_expired_or_unknown_token_asks_to_authorise_again(srv: PddServer) -> None:
    srv.faults.token_expired = True
    with client(srv) as c, pytest.raises(TokenExpired) as caught:
        c.call(SEARCH)
    assert caught.value.error_code == E_TOKEN and c.calls == 1 and caught.value.code == "session_expired"
    assert "Authorize PackDesk again" in caught.value.message
    srv.faults.reset()
    with PddClient(srv.url, CLIENT_ID, SECRET, "revoked", retry=RETRY) as c, pytest.raises(TokenExpired):
        c.call(SEARCH)


def test_a_business_refusal_carries_pdds_words_and_is_not_retried(srv: PddServer) -> None:
    with client(srv) as c, pytest.raises(PddError) as caught:
        c.call(CANCEL, {"waybill_code": "YT1234567890123", "wp_code": "YTO"}, write=True)
    err = caught.value
    assert not isinstance(err, TokenExpired) and not err.caller and c.calls == 1
    assert (err.error_code, err.sub_code, err.words) == (50001, "WAYBILL_NOT_EXIST", "面单号 YT1234567890123 不存在")
    assert err.message == "Pinduoduo refused pdd.waybill.cancel: 面单号 YT1234567890123 不存在 (WAYBILL_NOT_EXIST)"


def test_every_message_the_client_says_is_in_the_catalogue() -> None:
    wording = PddClient.wording
    ids = [getattr(wording, f) for f in wording.__dataclass_fields__]
    assert all(i in CATALOG for i in ids) and all(i.startswith("pdd.") for i in ids)


# -- retries ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["drop", "server_error", "unavailable"])
def test_reads_are_asked_again_after_a_failure_with_backoff(srv: PddServer, fault: str) -> None:
    setattr(srv.faults, fault, 1.0)
    sleeps = Sleeps(then=srv.faults.reset)
    with client(srv, sleeps) as c:
        answer = c.call(SEARCH)
    assert answer["waybill_apply_subscription_cols"] and c.calls == 2 and sleeps == [0.5]


def test_reads_give_up_offline_after_every_attempt(srv: PddServer) -> None:
    srv.faults.server_error = 1.0
    sleeps = Sleeps()
    with client(srv, sleeps) as c, pytest.raises(Offline) as caught:
        c.call(SEARCH)
    assert c.calls == 4 and sleeps == [0.5, 1.0, 1.0]  # doubling, capped
    assert caught.value.message == (
        "Pinduoduo could not be reached for pdd.waybill.search: Pinduoduo answered HTTP 502. "
        "PackDesk will try again later."
    )


def test_a_gateway_nobody_listens_on_is_offline_for_reads_and_writes() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed at once: connections are refused, nothing is ever sent
    for write in (False, True):
        sleeps = Sleeps()
        with PddClient(f"http://127.0.0.1:{port}/api/router", CLIENT_ID, SECRET, TOKEN, retry=RETRY, sleep=sleeps) as c:
            with pytest.raises(Offline) as caught:
                c.call(CANCEL, {"waybill_code": "YT1", "wp_code": "YTO"}, write=write)
        assert c.calls == 4 and "cannot reach Pinduoduo (ConnectError)" in caught.value.message


@pytest.mark.parametrize("fault", ["drop_after_apply", "error_after_apply"])
def test_a_write_whose_answer_is_lost_is_unclear_never_asked_again(srv: PddServer, fault: str) -> None:
    setattr(srv.faults, fault, 1.0)
    with client(srv) as c, pytest.raises(Unclear) as caught:
        issue_one(c, srv)
    assert c.calls == 1 and srv.calls["pdd.waybill.get"] == 1
    assert len(srv.desk.live_numbers()) == 1  # it was applied: the caller must find it, not ask blindly
    assert "pdd.waybill.get" in caught.value.message


def test_a_write_dropped_before_it_was_answered_is_unclear_too(srv: PddServer) -> None:
    srv.faults.drop = 1.0  # the client cannot tell a drop before applying from one after
    with client(srv) as c, pytest.raises(Unclear):
        issue_one(c, srv)
    assert c.calls == 1


def test_a_write_failing_with_pdds_own_hiccup_is_unclear(srv: PddServer) -> None:
    srv.faults.unavailable = 1.0
    with client(srv) as c, pytest.raises(Unclear) as caught:
        issue_one(c, srv)
    assert c.calls == 1 and caught.value.message == (
        "Pinduoduo failed during pdd.waybill.get: 服务暂时不可用，请稍后重试"
    )


# -- rate limits -----------------------------------------------------------------------------------------------------


def test_a_rate_limit_waits_a_window_and_asks_again_even_for_a_write(srv: PddServer) -> None:
    srv.faults.rate_limit = 1.0
    sleeps = Sleeps(then=srv.faults.reset)
    with client(srv, sleeps) as c:
        answer = issue_one(c, srv)
    assert len(answer["modules"]) == 1 and c.calls == 2 and srv.errors[E_LIMITED] == 1
    assert sleeps == [2]  # PDD did not say how long: one window of a second, and one more for the clocks
    assert len(srv.desk.live_numbers()) == 1  # the limited call did nothing, the second issued the only number


@pytest.mark.parametrize(("words", "sleep"), [("调用过于频繁，请 5 秒后重试", 6), ("每 120 秒限 3000 次", 11)])
def test_a_rate_limit_that_names_its_wait_is_waited_out_up_to_the_longest_backoff(
    srv: PddServer, words: str, sleep: int
) -> None:
    srv.faults.rate_limit = 1.0
    srv.faults.rate_limit_words = words
    sleeps = Sleeps(then=srv.faults.reset)
    policy = RetryPolicy(attempts=2, backoff_s=1.0, max_backoff_s=10.0)
    with PddClient(srv.url, CLIENT_ID, SECRET, TOKEN, retry=policy, sleep=sleeps) as c:
        c.call(SEARCH)
    assert sleeps == [sleep]


def test_a_rate_limit_that_never_lifts_ends_offline_saying_so(srv: PddServer) -> None:
    srv.faults.rate_limit = 1.0
    sleeps = Sleeps()
    with client(srv, sleeps) as c, pytest.raises(Offline) as caught:
        c.call(SEARCH)
    assert c.calls == 4 and sleeps == [2, 2, 2, 2]
    assert "Pinduoduo limited the calls for 1 s" in caught.value.message


# -- answers ---------------------------------------------------------------------------------------------------------


def test_an_answer_that_is_not_json_is_a_hiccup_for_a_read(srv: PddServer) -> None:
    srv.answer_raw(SEARCH, "<html>maintenance</html>")
    sleeps = Sleeps(then=lambda: srv.answer_raw(SEARCH, None))
    with client(srv, sleeps) as c:
        assert c.call(SEARCH)["waybill_apply_subscription_cols"]
    assert c.calls == 2


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ({"something_else": {}}, "the answer has no pdd_waybill_search_response object"),
        ("[1, 2]", "the answer is not a JSON object"),
        ("[" * 2000 + "]" * 2000, "the answer is nested too deeply"),
    ],
)
def test_an_answer_packdesk_does_not_understand_is_malformed(srv: PddServer, body: object, why: str) -> None:
    srv.answer_raw(SEARCH, body)  # type: ignore[arg-type]
    with client(srv) as c, pytest.raises(MalformedAnswer) as caught:
        c.call(SEARCH, root="pdd_waybill_search_response")
    assert c.calls == 1 and why in caught.value.message


def test_read_validates_the_answer_at_the_boundary(srv: PddServer) -> None:
    from app.sync.waybills.pdd_answers import SearchAnswer

    with client(srv) as c:
        answer = c.read(SEARCH, {"wp_code": "ZTO"}, SearchAnswer, root="pdd_waybill_search_response")
    assert [s.wp_code for s in answer.waybill_apply_subscription_cols] == ["ZTO"]
    srv.answer_raw(SEARCH, {"pdd_waybill_search_response": {"waybill_apply_subscription_cols": "ZTO"}})
    with client(srv) as c, pytest.raises(MalformedAnswer):
        c.read(SEARCH, {}, SearchAnswer)


def test_form_values_reach_the_gateway_as_pdd_reads_them(srv: PddServer) -> None:
    with client(srv) as c:
        c.call(SEARCH, {"wp_code": "YTO"})
        issue_one(c, srv)
    form = srv.requests[-1]
    request = json.loads(form["param_waybill_cloud_print_apply_new_request"])
    assert form["type"] == "pdd.waybill.get" and form["access_token"] == TOKEN and form["client_id"] == CLIENT_ID
    assert request["trade_order_info_dtos"][0]["recipient"]["address"]["district"] == "朝阳区"

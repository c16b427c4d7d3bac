"""The Alibaba Cloud SMS client's signature against the provider's documented example, its refusals as the loopback
endpoint answers them, and the notice rules of the domain (templates, numbers, the payload)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from pdtest.aliyun_sms import SmsServer, rpc_signature

from app.domain.errors import InvalidInput
from app.domain.notices import STARTERS, NoticePayload, check_body, render, sendable_number, variables_of
from app.sync.aliyun_sms import AliyunSms, RetryPolicy, SmsRefused, signature

FAST = RetryPolicy(attempts=2, backoff_s=0.0)


@pytest.fixture
def sms() -> Iterator[SmsServer]:
    with SmsServer(access_key_id="LTAI-test", secret="sms-secret", sign_names=("好店",)) as server:
        server.templates["SMS_1"] = "订单${order_no}由于${reason}，预计${date}发货"
        yield server


def test_the_signature_of_the_providers_worked_example() -> None:
    # Alibaba Cloud's signature example (DescribeRegions, AccessKey testid / testsecret), as the developer community
    # page https://developer.aliyun.com/ask/210168 gives it, its parameter spelled "TimeStamp" there
    params = {
        "TimeStamp": "2016-02-23T12:46:24Z", "Format": "XML", "AccessKeyId": "testid", "Action": "DescribeRegions",
        "SignatureMethod": "HMAC-SHA1", "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        "Version": "2014-05-26", "SignatureVersion": "1.0",
    }  # fmt: skip
    assert signature(params, "testsecret", "GET") == "CT9X0VtwR86fNWSnsc6v8YGOjuE="
    assert rpc_signature(params, "x") != signature(params, "testsecret", "POST")  # the key and the verb count


def test_a_message_goes_with_its_template_and_parameters(sms: SmsServer) -> None:
    with AliyunSms(sms.url, "LTAI-test", "sms-secret", retry=FAST) as client:
        sent = client.send("13912345678", "好店", "SMS_1", {"order_no": "1", "reason": "盘点", "date": "12月5日"}, "7")
        found = client.find("13912345678", datetime.now(UTC).astimezone(_china()).strftime("%Y%m%d"), "7")
    (message,) = sms.sent
    assert message["biz_id"] == sent.biz_id and message["out_id"] == "7"
    assert message["content"] == "【好店】订单1由于盘点，预计12月5日发货"
    assert found is not None and found.status == 3


def _china():  # noqa: ANN202
    from datetime import timedelta, timezone

    return timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("secret", "key_id", "code"),
    [("wrong", "LTAI-test", "SignatureDoesNotMatch"), ("sms-secret", "LTAI-other", "InvalidAccessKeyId.NotFound")],
)
def test_a_bad_key_or_secret_is_refused_with_the_providers_code(sms: SmsServer, secret: str, key_id: str,
                                                                code: str) -> None:  # fmt: skip
    with AliyunSms(sms.url, key_id, secret, retry=FAST) as client, pytest.raises(SmsRefused) as refused:
        client.send("13912345678", "好店", "SMS_1", {"order_no": "1", "reason": "r", "date": "d"}, "1")
    assert refused.value.sms_code == code and sms.sent == []


def test_the_endpoint_refuses_a_nonce_used_before(sms: SmsServer) -> None:
    params = {
        "Action": "QuerySendDetails", "Version": "2017-05-25", "AccessKeyId": "LTAI-test", "Format": "JSON",
        "SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0", "SignatureNonce": "n-1",
        "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "PhoneNumber": "13912345678",
        "SendDate": "20261203", "PageSize": "10", "CurrentPage": "1",
    }  # fmt: skip
    params["Signature"] = rpc_signature(params, "sms-secret")
    assert httpx.post(sms.url, data=params).json()["Code"] == "OK"
    again = httpx.post(sms.url, data=params)
    assert again.status_code == 400 and again.json()["Code"] == "SignatureNonceUsed"


def test_missing_template_variables_and_bad_numbers_are_the_providers_refusals(sms: SmsServer) -> None:
    with AliyunSms(sms.url, "LTAI-test", "sms-secret", retry=FAST) as client:
        with pytest.raises(SmsRefused) as missing:
            client.send("13912345678", "好店", "SMS_1", {"order_no": "1"}, "1")
        assert missing.value.sms_code == "isv.TEMPLATE_MISSING_PARAMETERS" and not missing.value.later
        with pytest.raises(SmsRefused) as bad:
            client.send("1391234", "好店", "SMS_1", {"order_no": "1", "reason": "r", "date": "d"}, "2")
        assert bad.value.sms_code == "isv.MOBILE_NUMBER_ILLEGAL"
        sms.per_number_limit = 0
        with pytest.raises(SmsRefused) as limited:
            client.send("13912345678", "好店", "SMS_1", {"order_no": "1", "reason": "r", "date": "d"}, "3")
        assert limited.value.sms_code == "isv.BUSINESS_LIMIT_CONTROL" and limited.value.later
    assert sms.sent == []


# -- the domain's rules -----------------------------------------------------------------------------------------------


def test_every_starter_template_passes_its_own_rules() -> None:
    for starter in STARTERS:
        check_body(starter.key, starter.body)
        assert {"reason"} <= set(variables_of(starter.body)) or starter.key == "shipped"


@pytest.mark.parametrize(
    ("key", "body", "says"),
    [
        ("delay", "亲，您的订单会晚点发货", "date, reason"),  # seed 003: never "it may ship late"
        ("delay", "由于${reason}，${date}发货，${coupon}", "coupon"),
        ("shipped", "已发出，运单号${tracking_no}", "date"),
        ("delay", "   ", "empty"),
    ],
)
def test_a_template_without_the_concrete_reason_and_date_is_refused(key: str, body: str, says: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_body(key, body)
    assert says in refused.value.message


def test_a_notice_is_rendered_only_with_every_value() -> None:
    body = "订单${order_no}由于${reason}，预计${date}发货"
    assert render(body, {"order_no": "1", "reason": "盘点", "date": "12月5日"}) == "订单1由于盘点，预计12月5日发货"
    with pytest.raises(InvalidInput) as refused:
        render(body, {"order_no": "1", "reason": "  ", "date": "12月5日"})
    assert "reason" in refused.value.message


@pytest.mark.parametrize(
    ("given", "number"),
    [("13912345678", "13912345678"), ("+86 139 1234 5678", "13912345678"), ("0086-13912345678", "13912345678")],
)
def test_whole_mobile_numbers_are_sendable(given: str, number: str) -> None:
    assert sendable_number(given) == number


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("139****5678", "masked number"),
        ("139＊＊＊＊5678", "masked number"),
        ("17012345678-1234", "extension"),
        ("0571-88886666", "not a mainland mobile"),
        ("", "no phone number"),
    ],
)
def test_numbers_no_sms_can_reach_are_refused_with_why(given: str, says: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        sendable_number(given)
    assert says in refused.value.message


def test_a_payload_reads_back_what_it_stored() -> None:
    payload = NoticePayload(
        order_no="1", template="delay", template_code="SMS_1", params={"reason": "r"}, text="t", phone="13912345678",
        buyer="b", account="a", trigger="ship",
    ).attempted("20261203", datetime(2026, 12, 3, tzinfo=UTC))  # fmt: skip
    assert NoticePayload.from_json(payload.to_json()) == payload
    closed = payload.closed("139****5678", "1^2")
    assert closed.phone == "139****5678" and closed.biz_id == "1^2" and not closed.unclear

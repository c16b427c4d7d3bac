"""Taobao's oaid decryption, `taobao.top.oaid.decrypt`, on the loopback TOP gateway (tests/pdtest/top_server.py),
answered from the trades the gateway holds.

Request and answer names from the platform's published metadata (bububa/opentaobao model/tbtrade/
TaobaoTopOaidDecryptAPIRequest/Response, ReceiverQuery, Receiver; metadata/assets/json/tbtrade/
taobao_top_oaid_decrypt.json): `query_list` (required), a list of {"tid", "oaid", "scene"} (all three required;
`secret_no_days` optional), at most 20; the answer {"top_oaid_decrypt_response": {"receiver_list": {"receiver":
[{"tid", "oaid", "name", "mobile", "phone", "state", "city", "district", "town", "address_detail", "country",
"matched", "privacy_protection", "secret_no_expire_time"}]}, "request_id"}}.

Who the receiver is: the trade holds the masked mobile (138****5678); the plaintext behind it is made from the
trade's tid (the mask's first three and last four digits, the middle four from a digest of the tid), so every run
decrypts the same. Some trades are privacy orders (`privacy_protection` true, a virtual number valid for 30 days):
by `kind(tid)`, "virtual" (a whole 170 number, [I] that Taobao gives some without an extension), "extension" (the
metadata's "18877771111-123" form), else "real". `srv.receivers[tid]` overrides any field of a trade's receiver (a
test's own number, an expired virtual number). A query whose oaid is not the trade's current one (the address changed
since) answers `matched` false; a tid the gateway does not hold is refused (isv.trade-not-exist).
Not verified, marked [I]: that `query_list` is one JSON-encoded parameter; the {"receiver": [...]} wrapper; the
sub_codes of refusals (isv.invalid-parameter for a malformed list or an unknown scene).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from pdtest.top_merge import MergeError, object_list

OAID_DECRYPT = "taobao.top.oaid.decrypt"
METHODS = frozenset({OAID_DECRYPT})
MOST = 20
SCENES = frozenset({"1001", "1002", "1003", "1004", "1005", "1006", "1007", "2001", "2002"})


def _digits(tid: str, salt: str, n: int) -> str:
    return str(int(hashlib.sha256(f"{salt}:{tid}".encode()).hexdigest(), 16))[-n:].rjust(n, "0")


def kind(tid: str) -> str:
    """Which receiver the trade has: "virtual", "extension" or "real" (see the module docstring)."""
    return {0: "virtual", 1: "extension"}.get(int(_digits(tid, "kind", 4)) % 4, "real")


def real_mobile(trade: Mapping[str, Any]) -> str:
    """The buyer's own number behind the trade's masked mobile."""
    masked = str(trade.get("receiver_mobile") or "")
    tid = str(trade["tid_str"])
    if len(masked) == 11 and masked[3:7] == "****":
        return masked[:3] + _digits(tid, "mobile", 4) + masked[7:]
    return "139" + _digits(tid, "mobile", 8)


def receiver(trade: Mapping[str, Any], now: datetime, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The receiver `taobao.top.oaid.decrypt` answers for `trade` (without `matched`)."""
    tid = str(trade["tid_str"])
    which = kind(tid)
    virtual = "170" + _digits(tid, "virtual", 8)
    mobile = {"virtual": virtual, "extension": f"{virtual}-{_digits(tid, 'ext', 3)}"}.get(which) or real_mobile(trade)
    name = str(trade.get("receiver_name") or "").rstrip("*") + "小明"
    found: dict[str, Any] = {
        "tid": tid, "oaid": trade.get("oaid", ""), "name": name, "mobile": mobile, "phone": "",
        "state": trade.get("receiver_state", ""), "city": trade.get("receiver_city", ""),
        "district": trade.get("receiver_district", ""), "town": trade.get("receiver_town", ""),
        "address_detail": str(trade.get("receiver_address", "")).replace("**", _digits(tid, "house", 2)),
        "country": "中国", "privacy_protection": which != "real",
    }  # fmt: skip
    if which != "real":
        found["secret_no_expire_time"] = (now + timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    found.update(overrides or {})
    return found


def _query_list(params: Mapping[str, str]) -> list[tuple[str, str]]:
    pairs = []
    for e in object_list(params, "query_list", ("tid", "oaid", "scene"), MOST):
        if e["scene"] not in SCENES:
            raise MergeError(41, "isv.invalid-parameter", f"unknown scene {e['scene']}")
        pairs.append((e["tid"], e["oaid"]))
    return pairs


def oaid_decrypt(
    trades: Mapping[str, Mapping[str, Any]],
    params: Mapping[str, str],
    now: datetime,
    overrides: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """The answer body (under the response root) to one `taobao.top.oaid.decrypt` over `trades` (tid -> trade)."""
    found = []
    for tid, oaid in _query_list(params):
        trade = trades.get(tid)
        if trade is None:
            raise MergeError(15, "isv.trade-not-exist", f"trade {tid} does not exist")
        answer = receiver(trade, now, overrides.get(tid))
        answer["oaid"] = oaid
        answer["matched"] = trade.get("oaid") == oaid
        found.append(answer)
    return {"receiver_list": {"receiver": found}}

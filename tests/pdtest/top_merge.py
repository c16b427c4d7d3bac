"""Taobao's merge check for privacy orders, `taobao.top.oaid.merge`, on the loopback TOP gateway
(tests/pdtest/top_server.py), decided from the trades the gateway holds.

Request and answer names from the platform's published metadata (bububa/opentaobao model/tbtrade/
TaobaoTopOaidMergeAPIRequest/Response, OrderMerge; metadata/assets/json/tbtrade/taobao_top_oaid_merge.json):
`merge_list` (required), a list of {"oaid", "tid"} (both required, oaid at most 128 characters, at most 100 entries);
the answer {"top_oaid_merge_response": {"tid_list": {"string": ["1111,2222", "3333"]}, "request_id"}}: the orders
in one string may share a parcel, orders in different strings may not.

How the gateway decides: the requested trades are grouped by addressee, the trade's own `oaid` with its seller,
buyer and receiver (name, mobile, province, city, district, town, address) as the gateway holds them now; a trade
whose given oaid is not its own, or that is not waiting for shipment (WAIT_SELLER_SEND_GOODS), stands alone.
Not verified, marked [I]: that `merge_list` is one JSON-encoded parameter; the {"string": [...]} wrapper of the
JSON answer; the sub_codes of refusals (isv.invalid-parameter for a malformed list, isv.trade-not-exist for an
unknown tid); that a trade not waiting for shipment stands alone rather than failing the call.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

OAID_MERGE = "taobao.top.oaid.merge"
METHODS = frozenset({OAID_MERGE})
MOST = 100
_WAITING = "WAIT_SELLER_SEND_GOODS"
_ADDRESSEE = ("seller_nick", "buyer_nick", "receiver_name", "receiver_mobile", "receiver_state", "receiver_city",
              "receiver_district", "receiver_town", "receiver_address")  # fmt: skip


class MergeError(Exception):
    def __init__(self, code: int, sub_code: str, sub_msg: str) -> None:
        super().__init__(f"{code} {sub_code} {sub_msg}")
        self.code, self.sub_code, self.sub_msg = code, sub_code, sub_msg


def object_list(params: Mapping[str, str], name: str, keys: tuple[str, ...], most: int) -> list[dict[str, str]]:
    """The JSON list of objects parameter `name`, each with every one of `keys` (also taobao.top.oaid.decrypt's
    query_list, tests/pdtest/top_decrypt.py).

    Raises:
        MergeError: missing, not a JSON list of such objects, empty, or longer than `most`.
    """
    raw = params.get(name, "").strip()
    if not raw:
        raise MergeError(40, "isv.missing-parameter", name)
    try:
        entries = json.loads(raw)
    except ValueError:
        raise MergeError(41, "isv.invalid-parameter", f"{name} is not a JSON list of {{{', '.join(keys)}}}") from None
    if not isinstance(entries, list) or not entries:
        raise MergeError(41, "isv.invalid-parameter", f"{name} must be a non-empty list")
    if len(entries) > most:
        raise MergeError(41, "isv.invalid-parameter", f"{name} holds at most {most} entries")
    for e in entries:
        if not isinstance(e, dict) or not all(str(e.get(k, "")).strip() for k in keys):
            raise MergeError(41, "isv.invalid-parameter", f"every {name} entry needs {', '.join(keys)}")
        if len(str(e.get("oaid", ""))) > 128:
            raise MergeError(41, "isv.invalid-parameter", "oaid is longer than 128 characters")
    return [{k: str(v).strip() for k, v in e.items()} for e in entries]


def _merge_list(params: Mapping[str, str]) -> list[tuple[str, str]]:
    return [(e["tid"], e["oaid"]) for e in object_list(params, "merge_list", ("oaid", "tid"), MOST)]


def oaid_merge(trades: Mapping[str, Mapping[str, Any]], params: Mapping[str, str]) -> dict[str, Any]:
    """The answer body (under the response root) to one `taobao.top.oaid.merge` over `trades` (tid -> trade)."""
    groups: dict[tuple[Any, ...], list[str]] = {}
    for tid, oaid in _merge_list(params):
        trade = trades.get(tid)
        if trade is None:
            raise MergeError(15, "isv.trade-not-exist", f"trade {tid} does not exist")
        if trade.get("oaid") != oaid or trade.get("status") != _WAITING:
            key: tuple[Any, ...] = ("alone", tid)
        else:
            key = (oaid, *(str(trade.get(f, "")) for f in _ADDRESSEE))
        groups.setdefault(key, []).append(tid)
    return {"tid_list": {"string": [",".join(g) for g in groups.values()]}}

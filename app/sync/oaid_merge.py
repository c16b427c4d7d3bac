"""Taobao's merge check for privacy orders, `taobao.top.oaid.merge` (sync layer): which of a shop's orders may share
one parcel, decided by the platform from the addressee behind each order's `oaid` (the cache holds the address
masked, so equal masked addresses prove nothing).

Verified against the platform's published metadata (bububa/opentaobao, model/tbtrade/TaobaoTopOaidMergeAPIRequest,
TaobaoTopOaidMergeAPIResponse, OrderMerge and metadata/assets/json/tbtrade/taobao_top_oaid_merge.json): the method
name; the one parameter `merge_list`, a list of OrderMerge {`oaid` (required, at most 128 characters), `tid`
(required)}, at most 100 in the SDK's words; the answer root `top_oaid_merge_response` with `tid_list`, a list of
strings, each the comma-joined order numbers that may merge with one another (orders in different strings may not:
["1111,2222"] merges both, ["1111", "2222"] neither).
Not verified, marked [I]: that `merge_list` travels as one JSON-encoded parameter (as TOP's other object-list
parameters do); that the JSON answer wraps the list as {"string": [...]} (TOP's usual shape for string lists, the
SDK's XML tag is `tid_list>string`); a bare list is accepted as well.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import msgspec
from msgspec import Struct

from app.domain.shops import Shop
from app.sync.top import RetryPolicy, TopClient

OAID_MERGE = "taobao.top.oaid.merge"
MOST_ORDERS = 100  # the SDK's "最多支持100个" (the metadata's maxListSize says 999)
# A seller waits for the answer: a few quick tries, then the refusal says the platform could not be asked.
ASKING = RetryPolicy(attempts=3, backoff_s=0.3, max_backoff_s=1.0, max_ban_s=5.0)


class _Strings(Struct, frozen=True):
    string: list[str] = []


class OaidMergeAnswer(Struct, frozen=True):
    """`top_oaid_merge_response`: {"tid_list": {"string": ["1111,2222", "3333"]}} [I: the wrapper]."""

    tid_list: _Strings | list[str] | None = None

    def groups(self) -> list[list[str]]:
        raw = self.tid_list.string if isinstance(self.tid_list, _Strings) else (self.tid_list or [])
        return [[t.strip() for t in g.split(",") if t.strip()] for g in raw if g.strip()]


def merge_groups(client: TopClient, orders: Sequence[tuple[str, str]]) -> list[list[str]]:
    """The platform's groups of the (order number, oaid) `orders` that may share a parcel.

    Raises:
        TopError, Offline, SessionExpired, RateLimited, MalformedAnswer: as TopClient.read.
    """
    merge_list = [{"oaid": oaid, "tid": tid} for tid, oaid in orders[:MOST_ORDERS]]
    params = {"merge_list": msgspec.json.encode(merge_list).decode("utf-8")}
    return client.read(OAID_MERGE, params, OaidMergeAnswer).groups()


def shop_merge_check(
    data_dir: Path, retry: RetryPolicy = ASKING
) -> Callable[[Shop, Sequence[tuple[str, str]]], list[list[str]]]:
    """The merge check of a shop over its own client (its secrets from the keyring or `data_dir`'s secrets file):
    app.services.merges.PlatformCheck."""
    from app.sync.service import client_factory

    client_for = client_factory(data_dir, retry)

    def check(shop: Shop, orders: Sequence[tuple[str, str]]) -> list[list[str]]:
        with client_for(shop) as client:
            return merge_groups(client, orders)

    return check

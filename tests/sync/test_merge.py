"""The merge policy on its own, without a database: what wins, what is masked, which changes the bench hears of."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from app.domain.enums import OrderStatus, RefundStatus
from app.sync.merge import RECEIVER, Change, changes, masked, merged_line, merged_status, refunded_now
from app.sync.model import PlatformLine, PlatformOrder

NOW = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
LINE = PlatformLine("L1", "TW-01", "纯棉毛巾", 2, Decimal("19.90"))
ORDER = PlatformOrder(
    order_no="5118609024991000001",
    status=OrderStatus.AWAITING_SHIPMENT,
    platform_status="WAIT_SELLER_SEND_GOODS",
    paid_at=NOW,
    deadline=NOW,
    modified_at=NOW,
    lines=(LINE,),
    receiver_name="张*",
    receiver_province="四川省",
)


def cached(order: PlatformOrder, status: str) -> SimpleNamespace:
    return SimpleNamespace(status=status, **{name: getattr(order, name) for name in RECEIVER})


@pytest.mark.parametrize(
    ("local", "incoming", "stored"),
    [
        ("shipped", OrderStatus.AWAITING_SHIPMENT, "shipped"),
        ("shipped", OrderStatus.ON_HOLD, "shipped"),
        ("shipped", OrderStatus.CLOSED, "closed"),
        ("out_of_stock", OrderStatus.AWAITING_SHIPMENT, "out_of_stock"),
        ("out_of_stock", OrderStatus.SHIPPED, "shipped"),
        ("awaiting_shipment", OrderStatus.ON_HOLD, "on_hold"),
    ],
)
def test_what_packdesk_knows_better_wins(local: str, incoming: OrderStatus, stored: str) -> None:
    assert merged_status(local, incoming) == stored


def test_a_line_shipped_here_and_its_picture_are_kept() -> None:
    old = SimpleNamespace(shipped=True, image_url="https://img.alicdn.com/a.jpg")
    assert merged_line({"qty": 2}, LINE, old) == {"qty": 2, "shipped": True, "image_url": old.image_url}
    fresh = replace(LINE, shipped=True, image_url="https://img.alicdn.com/b.jpg")
    kept = merged_line({}, fresh, SimpleNamespace(shipped=False, image_url=""))
    assert kept == {"shipped": True, "image_url": "https://img.alicdn.com/b.jpg"}


def test_only_a_new_refund_counts() -> None:
    refunding = replace(LINE, refund_status=RefundStatus.REQUESTED)
    assert refunded_now(RefundStatus.NONE.value, refunding)
    assert not refunded_now(RefundStatus.REQUESTED.value, refunding)
    assert not refunded_now(RefundStatus.NONE.value, LINE)


def test_plaintext_receivers_are_masked_and_masked_ones_kept_as_they_are() -> None:
    plain = replace(ORDER, receiver_name="张三丰", receiver_phone="13812345678")
    out = masked(plain)
    assert out.receiver_name != "张三丰" and "12345678" not in out.receiver_phone
    assert masked(ORDER) is ORDER


def test_the_changes_the_bench_hears_of() -> None:
    no = ORDER.order_no
    assert changes(cached(ORDER, "awaiting_shipment"), ORDER, "awaiting_shipment", refund_now=False) == []
    moved = replace(ORDER, receiver_province="广东省")
    found = changes(cached(ORDER, "awaiting_shipment"), moved, "closed", refund_now=True)
    assert found == [Change(no, "refund"), Change(no, "closed"), Change(no, "address")]
    assert changes(cached(ORDER, "awaiting_shipment"), ORDER, "on_hold", False) == [Change(no, "hold")]
    assert changes(cached(ORDER, "awaiting_shipment"), ORDER, "shipped", False) == [Change(no, "shipped")]
    assert changes(cached(ORDER, "shipped"), ORDER, "shipped", False) == []

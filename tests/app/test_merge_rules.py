"""The rules of merged parcels (app.domain.merges, pure): which orders may share a parcel and why not, the lead, the
platform's groups, the parcel as one order, and who leaves a parcel after the platform changed an order."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.domain.enums import OrderStatus, Platform, RefundStatus
from app.domain.merges import (
    MergeCandidate,
    choose_lead,
    group_refusal,
    leaving,
    merged_orders,
    merged_view,
    platform_groups_refusal,
)
from app.domain.orders import Address, Order, OrderLine, Receiver

T0 = datetime(2026, 6, 18, 12, 0, tzinfo=UTC)
RECEIVER = ("张*", "138****5678", "浙江省", "杭州市", "西湖区", "", "文三路 90 号")


def cand(i: int, **changes: object) -> MergeCandidate:
    base = MergeCandidate(
        i, f"T{i}", 1, "店", "taobao", "awaiting_shipment", "tb123", RECEIVER, "", T0 + timedelta(hours=i)
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def why(group: list[MergeCandidate]) -> str | None:
    refusal = group_refusal(group)
    return None if refusal is None else refusal.id


def test_one_buyer_one_address_may_merge_and_spaces_do_not_count() -> None:
    assert why([cand(1), cand(2, receiver=(*RECEIVER[:6], "文三路90号"))]) is None
    assert why([cand(1)]) == "merge.too_few"


def test_each_reason_a_merge_is_refused() -> None:
    assert why([cand(1), cand(2, receiver=(*RECEIVER[:6], "文三路 91 号"))]) == "merge.other_address"
    assert why([cand(1), cand(2, receiver=("李*", *RECEIVER[1:]))]) == "merge.other_address"
    assert why([cand(1), cand(2, buyer_nick="tb999")]) == "merge.other_buyer"
    assert why([cand(1), cand(2, shop_id=2, shop="二店")]) == "merge.other_shop"
    assert why([cand(1, oaid="a" * 32), cand(2, oaid="b" * 32)]) == "merge.other_oaid"
    assert why([cand(1), cand(2, status="shipped")]) == "actions.shipped"
    assert why([cand(1), cand(2, status="closed")]) == "actions.closed"
    assert why([cand(1), cand(2, hold_reason="买家要求暂缓")]) == "merge.held"
    assert why([cand(1), cand(2, status="on_hold")]) == "merge.held"
    assert why([cand(1), cand(2, status="partly_shipped")]) == "merge.not_waiting"
    assert why([cand(1), cand(2, packable=False)]) == "merge.nothing_to_ship"
    assert why([cand(1), cand(2, tracking_no="ZT1", printed=True)]) == "merge.printed"
    assert why([cand(1), cand(2, tracking_no="ZT1")]) == "merge.has_waybill"
    assert why([cand(1), cand(2, status="out_of_stock")]) is None


def test_the_lead_is_a_lead_already_else_the_most_urgent() -> None:
    assert choose_lead([cand(3), cand(1), cand(2)]).id == 1
    assert choose_lead([cand(1), cand(2, merged_into=3), cand(3)]).id == 3


def test_the_platforms_groups_must_hold_all_the_orders() -> None:
    assert platform_groups_refusal(["T1", "T2"], [["T1", "T2"], ["T3"]]) is None
    refused = platform_groups_refusal(["T1", "T2"], [["T1"], ["T2"]])
    assert refused is not None and refused.id == "merge.platform_refused" and "T1; T2" in refused.render()


def order(no: str, *, status: OrderStatus = OrderStatus.AWAITING_SHIPMENT, memo: str = "", message: str = "") -> Order:
    line = OrderLine(f"{no}-1", f"SKU-{no}", "杯子", "", 2, Decimal("10.00"), RefundStatus.NONE)
    receiver = Receiver("张*", "138****5678", Address("浙江省", "杭州市", "西湖区", "", "文三路90号"))
    return Order(no, "店", Platform.TAOBAO, status, "tb123", receiver, (line,), T0, T0 + timedelta(hours=48),
                 memo=memo, buyer_message=message, total=Decimal("20.00"))  # fmt: skip


def test_the_parcel_reads_as_one_order_keeping_every_memo_and_message() -> None:
    lead, member = order("T1", message="放快递柜"), order("T2", memo="送小样")
    member = replace(member, deadline=T0 + timedelta(hours=5))
    view = merged_view(lead, [member])
    assert view.order_no == "T1" and [ln.line_no for ln in view.lines] == ["T1-1", "T2-1"]
    assert view.buyer_message == "[T1] 放快递柜" and view.memo == "[T2] 送小样"
    assert view.deadline == member.deadline and view.total == Decimal("40.00")
    assert merged_orders(view) == ("T1", "T2") and merged_orders(lead) == ()
    assert merged_view(lead, [order("T2", status=OrderStatus.CLOSED)]).block_reason() == "closed"
    assert merged_view(lead, [order("T2", status=OrderStatus.OUT_OF_STOCK)]).status is OrderStatus.OUT_OF_STOCK


def test_who_leaves_a_parcel_the_platform_changed() -> None:
    assert leaving([cand(1), cand(2)]) == []
    moved = cand(2, receiver=(*RECEIVER[:6], "古墩路 1 号"))
    assert [c.id for c in leaving([cand(1), moved, cand(3)])] == [2]
    assert [c.id for c in leaving([cand(1, status="closed"), cand(2), cand(3)])] == [2, 3]
    assert leaving([cand(1, tracking_no="ZT1", printed=True), moved]) == []  # a printed parcel stays as it is

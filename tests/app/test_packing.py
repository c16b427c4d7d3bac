"""The scan-to-verify state machine of one parcel (PackSession), in memory."""

from __future__ import annotations

import pytest
from pdtest.orders import LAMP, MUG, TEA, TEA_CASE, TEE, line, make_order

from app.domain.enums import OrderStatus, RefundStatus, ScanOutcome
from app.domain.packing import PackSession


def test_item_ok_reports_progress_and_completes() -> None:
    s = PackSession(make_order(line("1", "MUG", 2), line("2", "TEE", 1)))
    assert (s.total, s.done, s.complete) == (3, 0, False)

    v = s.apply("m", MUG)
    assert v.outcome is ScanOutcome.ITEM_OK
    assert (v.code, v.sku, v.units, v.scanned, v.required, v.done, v.total) == ("m", "MUG", 1, 1, 2, 1, 3)
    assert not s.complete

    v = s.apply("t", TEE)
    assert (v.outcome, v.scanned, v.required, v.done, v.total) == (ScanOutcome.ITEM_OK, 1, 1, 2, 3)
    assert not s.complete

    v = s.apply("m", MUG)
    assert (v.outcome, v.scanned, v.required, v.done, v.total) == (ScanOutcome.ITEM_OK, 2, 2, 3, 3)
    assert s.complete
    assert s.scanned == {"MUG": 2, "TEE": 1}


def test_same_sku_on_two_lines_is_required_once_with_the_summed_quantity() -> None:
    s = PackSession(make_order(line("1", "MUG", 1), line("2", "MUG", 2)))
    assert s.required == {"MUG": 3}
    for _ in range(3):
        assert s.apply("m", MUG).outcome is ScanOutcome.ITEM_OK
    assert s.complete


def test_wrong_item_counts_nothing() -> None:
    s = PackSession(make_order(line("1", "MUG", 1)))
    v = s.apply("l", LAMP)
    assert v.outcome is ScanOutcome.WRONG_ITEM
    assert (v.sku, v.done, v.total) == ("LAMP", 0, 1)
    assert s.done == 0 and not s.complete


def test_over_scan_counts_nothing() -> None:
    s = PackSession(make_order(line("1", "MUG", 1), line("2", "TEE", 1)))
    s.apply("m", MUG)
    v = s.apply("m", MUG)
    assert v.outcome is ScanOutcome.OVER_SCAN
    assert (v.sku, v.scanned, v.required, v.done, v.total) == ("MUG", 1, 1, 1, 2)
    assert s.scanned["MUG"] == 1 and not s.complete


def test_unknown_code_counts_nothing() -> None:
    s = PackSession(make_order(line("1", "MUG", 1)))
    v = s.apply("no-such-code", None)
    assert v.outcome is ScanOutcome.UNKNOWN_CODE
    assert (v.code, v.sku, v.done, v.total) == ("no-such-code", None, 0, 1)
    assert s.done == 0


def test_case_pack_counts_its_units() -> None:
    s = PackSession(make_order(line("1", "TEA", 6)))
    v = s.apply("case", TEA_CASE)
    assert v.outcome is ScanOutcome.ITEM_OK
    assert (v.units, v.scanned, v.required, v.done, v.total) == (6, 6, 6, 6, 6)
    assert s.complete


def test_case_pack_and_single_units_mix() -> None:
    s = PackSession(make_order(line("1", "TEA", 8)))
    assert s.apply("case", TEA_CASE).scanned == 6
    assert s.apply("one", TEA).scanned == 7
    assert s.apply("one", TEA).scanned == 8
    assert s.complete


def test_case_that_would_exceed_the_need_is_over_scan_and_counts_nothing() -> None:
    s = PackSession(make_order(line("1", "TEA", 4)))
    s.apply("one", TEA)
    v = s.apply("case", TEA_CASE)
    assert v.outcome is ScanOutcome.OVER_SCAN
    assert (v.units, v.scanned, v.required) == (6, 1, 4)
    assert s.scanned["TEA"] == 1 and s.done == 1
    # the singles still complete it
    for _ in range(3):
        assert s.apply("one", TEA).outcome is ScanOutcome.ITEM_OK
    assert s.complete


def test_refund_requested_lines_are_not_required() -> None:
    order = make_order(line("1", "MUG", 1), line("2", "LAMP", 1, RefundStatus.REQUESTED))
    s = PackSession(order)
    assert s.required == {"MUG": 1}
    assert s.total == 1
    # the refunded item must not go in the box
    assert s.apply("l", LAMP).outcome is ScanOutcome.WRONG_ITEM
    assert s.apply("m", MUG).outcome is ScanOutcome.ITEM_OK
    assert s.complete


def test_refunded_line_of_a_sku_that_also_ships_on_another_line() -> None:
    s = PackSession(make_order(line("1", "MUG", 2), line("2", "MUG", 1, RefundStatus.REFUNDED)))
    assert s.required == {"MUG": 2}


def test_undo_takes_back_the_last_accepted_scan_only() -> None:
    s = PackSession(make_order(line("1", "MUG", 2), line("2", "TEA", 6)))
    s.apply("m", MUG)
    s.apply("case", TEA_CASE)
    s.apply("l", LAMP)  # wrong item: not undoable, never counted
    s.apply("m", MUG)
    assert s.complete

    v = s.undo()
    assert v is not None and v.outcome is ScanOutcome.UNDONE
    assert (v.sku, v.units, v.scanned, v.required, v.done, v.total) == ("MUG", 1, 1, 2, 7, 8)
    assert not s.complete

    v = s.undo()
    assert v is not None and (v.sku, v.units, v.scanned, v.done) == ("TEA", 6, 0, 1)
    v = s.undo()
    assert v is not None and (v.sku, v.scanned, v.done) == ("MUG", 0, 0)
    assert s.undo() is None
    assert s.scanned == {"MUG": 0, "TEA": 0}


def test_undo_on_a_fresh_session_is_none() -> None:
    assert PackSession(make_order(line("1", "MUG", 1))).undo() is None


def test_replay_restores_counts_and_undo_history() -> None:
    order = make_order(line("1", "MUG", 2), line("2", "TEA", 6))
    s = PackSession(order)
    s.replay([("MUG", 1), ("TEA", 6), ("LAMP", 1)])  # LAMP is not part of the order: ignored
    assert s.scanned == {"MUG": 1, "TEA": 6}
    assert s.done == 7 and not s.complete
    v = s.undo()
    assert v is not None and (v.sku, v.units) == ("TEA", 6)
    assert s.apply("m", MUG).outcome is ScanOutcome.ITEM_OK
    assert s.scanned == {"MUG": 2, "TEA": 0}


def test_replay_then_continue_to_complete() -> None:
    s = PackSession(make_order(line("1", "MUG", 2)))
    s.replay([("MUG", 1)])
    v = s.apply("m", MUG)
    assert (v.outcome, v.scanned, v.done) == (ScanOutcome.ITEM_OK, 2, 2)
    assert s.complete
    assert s.apply("m", MUG).outcome is ScanOutcome.OVER_SCAN


@pytest.mark.parametrize(
    ("status", "refunds", "reason"),
    [
        (OrderStatus.AWAITING_SHIPMENT, (RefundStatus.NONE,), None),
        (OrderStatus.OUT_OF_STOCK, (RefundStatus.NONE,), None),
        (OrderStatus.CLOSED, (RefundStatus.REFUNDED,), "closed"),
        (OrderStatus.SHIPPED, (RefundStatus.NONE,), "shipped"),
        (OrderStatus.ON_HOLD, (RefundStatus.NONE,), "on_hold"),
        (OrderStatus.AWAITING_SHIPMENT, (RefundStatus.REQUESTED, RefundStatus.REFUNDED), "refund"),
        (OrderStatus.AWAITING_SHIPMENT, (RefundStatus.REQUESTED, RefundStatus.NONE), None),
    ],
)
def test_block_reason(status: OrderStatus, refunds: tuple[RefundStatus, ...], reason: str | None) -> None:
    order = make_order(*(line(str(i), f"S{i}", 1, r) for i, r in enumerate(refunds)), status=status)
    assert order.block_reason() == reason


def test_order_with_every_line_refunded_needs_nothing() -> None:
    s = PackSession(make_order(line("1", "MUG", 1, RefundStatus.REQUESTED)))
    assert s.total == 0
    assert s.apply("m", MUG).outcome is ScanOutcome.WRONG_ITEM

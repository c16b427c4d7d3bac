"""The allotment of on-hand stock to waiting orders (app.domain.stock): examples of each rule, and hypothesis
properties over random backlogs (never more reserved than on hand, oldest paid first, all or nothing, committed
orders first and never short)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.enums import OrderStatus
from app.domain.stock import Shortage, WaitingOrder, allot, describe, shipped_from, status_after

T0 = datetime(2026, 12, 1, tzinfo=UTC)


def waiting(oid: int, minutes: int, committed: bool = False, **needs: int) -> WaitingOrder:
    return WaitingOrder(oid, T0 + timedelta(minutes=minutes), {int(k[1:]): v for k, v in needs.items()}, committed)


def test_oldest_paid_first_and_a_younger_order_that_fits_still_takes_its_units() -> None:
    orders = [
        waiting(3, 30, p1=2),  # paid last: covered by what the second left
        waiting(1, 10, p1=3),  # paid first: covered
        waiting(2, 20, p1=3, p2=1),  # needs 3 of p1, only 2 left: short, takes nothing (not even its p2)
    ]
    result = allot({1: 5, 2: 4}, orders)
    assert result.short == {2: {1: 1}}
    assert result.reserved == {1: 5}  # p2 is not reserved by the short order


def test_ties_are_broken_by_id_and_untracked_products_never_make_an_order_short() -> None:
    result = allot({1: 1}, [waiting(8, 0, p1=1), waiting(7, 0, p1=1, p9=50)])
    assert result.short == {8: {1: 1}} and result.reserved == {1: 1}


def test_committed_orders_go_first_and_are_never_short() -> None:
    older = waiting(1, 0, p1=2)
    printed = waiting(2, 60, committed=True, p1=3)
    result = allot({1: 4}, [older, printed])
    assert result.short == {1: {1: 1}}  # the printed parcel's units are in its box already
    assert result.reserved == {1: 3}
    # a committed order short of stock takes what there is and is not marked short
    assert allot({1: 1}, [printed]) == type(result)({1: 1}, {})


def test_negative_or_missing_stock_counts_as_none() -> None:
    result = allot({1: -4, 2: 0}, [waiting(1, 0, p1=1), waiting(2, 1, p2=2)])
    assert result.short == {1: {1: 1}, 2: {2: 2}} and result.reserved == {}


def test_status_after_the_allotment() -> None:
    awaiting, partly, out = OrderStatus.AWAITING_SHIPMENT, OrderStatus.PARTLY_SHIPPED, OrderStatus.OUT_OF_STOCK
    assert status_after(awaiting, short=True, shipped_some=False) is out
    assert status_after(partly, short=True, shipped_some=True) is out
    assert status_after(out, short=False, shipped_some=False) is awaiting
    assert status_after(out, short=False, shipped_some=True) is partly  # a line left in an earlier parcel
    assert status_after(out, short=True, shipped_some=False) is out
    assert status_after(awaiting, short=False, shipped_some=False) is awaiting
    for other in (OrderStatus.ON_HOLD, OrderStatus.CLOSED, OrderStatus.SHIPPED):
        assert status_after(other, short=True, shipped_some=False) is other


def test_shipping_never_takes_stock_below_zero() -> None:
    assert shipped_from(5, 2) == (3, 2)
    assert shipped_from(1, 3) == (0, 1)  # shipped more than the figure said: 0 left, 1 taken
    assert shipped_from(0, 1) == (0, 0)


def test_describe_names_each_sku_and_its_missing_units() -> None:
    assert describe([Shortage("MUG-01", 2), Shortage("TEA-03", 1)]) == "MUG-01 x2, TEA-03 x1"
    assert Shortage("MUG-01", 2).to_json() == {"sku": "MUG-01", "missing": 2}


# -- properties -----------------------------------------------------------------------------------------------------

PRODUCTS = st.integers(1, 4)
backlogs = st.lists(
    st.tuples(
        st.integers(0, 50),  # minutes after T0 it was paid
        st.dictionaries(PRODUCTS, st.integers(0, 6), max_size=3),
        st.booleans(),  # committed
    ),
    max_size=25,
).map(lambda rows: [WaitingOrder(i + 1, T0 + timedelta(minutes=m), n, c) for i, (m, n, c) in enumerate(rows)])
stocks = st.dictionaries(PRODUCTS, st.integers(-2, 20), max_size=4)


def _rank(o: WaitingOrder) -> tuple[bool, datetime, int]:
    return (not o.committed, o.paid_at, o.id)


@settings(max_examples=300, deadline=None)
@given(stocks, backlogs)
def test_never_more_reserved_than_on_hand_and_reserved_is_what_the_covered_orders_need(
    on_hand: dict[int, int], orders: list[WaitingOrder]
) -> None:
    result = allot(on_hand, orders)
    for pid, units in result.reserved.items():
        assert 0 < units <= max(on_hand.get(pid, 0), 0)
    assert set(result.reserved) <= set(on_hand)
    # every order that is not short and not committed got all its tracked units
    covered = [o for o in orders if o.id not in result.short and not o.committed]
    for pid in on_hand:
        full = sum(o.needs.get(pid, 0) for o in covered)
        assert result.reserved.get(pid, 0) >= full


@settings(max_examples=300, deadline=None)
@given(stocks, backlogs)
def test_short_orders_are_exactly_those_the_stock_left_by_older_ones_cannot_cover(
    on_hand: dict[int, int], orders: list[WaitingOrder]
) -> None:
    result = allot(on_hand, orders)
    left = {pid: max(u, 0) for pid, u in on_hand.items()}
    for o in sorted(orders, key=_rank):
        needs = {pid: u for pid, u in o.needs.items() if u > 0 and pid in left}
        if o.committed:
            assert o.id not in result.short  # committed: never short
            for pid, u in needs.items():
                left[pid] -= min(u, left[pid])
            continue
        missing = {pid: u - left[pid] for pid, u in needs.items() if u > left[pid]}
        assert result.short.get(o.id, {}) == missing
        if not missing:
            for pid, u in needs.items():
                left[pid] -= u
    assert all(units >= 0 for units in left.values())


@settings(max_examples=200, deadline=None)
@given(stocks, backlogs, st.data())
def test_more_stock_never_makes_an_order_short_that_was_not_and_the_order_given_does_not_matter(
    on_hand: dict[int, int], orders: list[WaitingOrder], data: st.DataObject
) -> None:
    result = allot(on_hand, orders)
    assert allot(on_hand, data.draw(st.permutations(orders))) == result
    # stock arriving for the oldest short order's products releases it (and never shorts an older covered one)
    if result.short:
        first = min((o for o in orders if o.id in result.short), key=_rank)
        committed = [o for o in orders if o.committed]  # they go first: what they lack would come first too
        more = {
            pid: max(on_hand[pid], 0) + first.needs.get(pid, 0) + sum(o.needs.get(pid, 0) for o in committed)
            for pid in on_hand
        }
        after = allot(more, orders)
        assert first.id not in after.short
        older = [o for o in orders if _rank(o) < _rank(first)]
        assert all(o.id not in after.short for o in older)

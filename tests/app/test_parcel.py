"""The parcel's state machine (app.domain.parcel), without a database: every step against every kind of scan, every
transition in every step, and random scan sequences checked against the invariants after each step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from pdtest.orders import MUG, TEA, TEA_CASE, TEE, line, make_order

from app.domain import parcel as P
from app.domain.enums import ScanOutcome
from app.domain.packing import BarcodeHit
from app.domain.parcel import InvalidTransition, Parcel, Route, Step
from app.domain.station_events import Reason, StationEvent

ORDER = replace(make_order(line("1", "MUG", 2), line("2", "TEA", 6)), tracking_no="SF1234567890")
WAYBILL = ORDER.tracking_no
FAILED = StationEvent(ScanOutcome.PRINT_FAILED, ORDER.order_no, ORDER.order_no, detail="paper out")


def packed() -> Parcel:
    parcel = P.open_parcel(ORDER)
    for code, hit in (("m", MUG), ("m", MUG), ("case", TEA_CASE)):
        parcel, _ = P.count(parcel, code, hit)
    assert parcel.step is Step.COMPLETE
    return parcel


REACH: dict[Step, Callable[[], Parcel]] = {
    Step.PACKING: lambda: P.open_parcel(ORDER),
    Step.COMPLETE: packed,
    Step.WEIGH_AGAIN: lambda: P.weight_mismatch(packed(), 900, 700)[0],
    Step.PRINT_FAILED: lambda: P.print_failed(packed(), FAILED, 7)[0],
    Step.AWAITING_CONFIRM: lambda: P.label_printed(packed(), WAYBILL, "SF", 1, confirm=True)[0],
    Step.LABELLED: lambda: P.label_printed(packed(), WAYBILL, "SF", 1, confirm=False)[0],
    Step.SHIPPED: lambda: P.ship(REACH[Step.LABELLED](), ORDER.order_no, WAYBILL, "SF")[0],
    Step.STOPPED: lambda: P.stop(P.open_parcel(ORDER), ORDER.order_no, Reason.REFUND)[0],
    Step.PARKED: lambda: P.park(P.open_parcel(ORDER))[0],
}

# the kinds of scan: its own order number, its waybill, an item of it, another product, a code nobody knows
SCANS = {"order": ORDER.order_no, "waybill": WAYBILL.lower(), "item": "mug-code", "other": "tee-code", "unknown": "??"}
# what each step does with each kind of scan; a step not listed opens the next parcel whatever is scanned
ROUTES: dict[Step, dict[str, Route]] = {
    Step.PACKING: dict.fromkeys(SCANS, Route.COUNT),
    Step.WEIGH_AGAIN: {**dict.fromkeys(SCANS, Route.WEIGH_REFUSED), "order": Route.WEIGH, "waybill": Route.WEIGH},
    Step.PRINT_FAILED: {**dict.fromkeys(SCANS, Route.OPEN), "order": Route.RETRY_PRINT},
    Step.AWAITING_CONFIRM: {**dict.fromkeys(SCANS, Route.WRONG_LABEL), "waybill": Route.CONFIRM},
}


def test_every_step_can_be_reached_and_is_what_it_says() -> None:
    assert set(REACH) == set(Step)
    for step, reach in REACH.items():
        assert reach().step is step


@pytest.mark.parametrize("step", list(Step))
@pytest.mark.parametrize("kind", list(SCANS))
def test_every_step_against_every_kind_of_scan(step: Step, kind: str) -> None:
    parcel = REACH[step]()
    code = SCANS[kind] if kind != "waybill" or step is Step.AWAITING_CONFIRM else WAYBILL
    assert P.route(parcel, code) is ROUTES.get(step, dict.fromkeys(SCANS, Route.OPEN))[kind]
    assert P.route(None, code) is Route.OPEN


# which transitions each step allows; every other one is refused
TRANSITIONS: dict[str, Callable[[Parcel], object]] = {
    "count": lambda p: P.count(p, "mug-code", MUG),
    "undo": P.undo,
    "park": P.park,
    "weight_mismatch": lambda p: P.weight_mismatch(p, 900, None),
    "weigh_again": P.weigh_again,
    "refuse_while_weighing": lambda p: P.refuse_while_weighing(p, "x"),
    "print_failed": lambda p: P.print_failed(p, FAILED),
    "retry_print": P.retry_print,
    "label_printed": lambda p: P.label_printed(p, WAYBILL, "SF", 1, confirm=True),
    "await_label": lambda p: P.await_label(p, ORDER.order_no, WAYBILL),
    "wrong_label": lambda p: P.wrong_label(p, "x"),
    "leave_unconfirmed": P.leave_unconfirmed,
    "ship": lambda p: P.ship(p, WAYBILL, WAYBILL, "SF"),
    "stop": lambda p: P.stop(p, ORDER.order_no, Reason.CLOSED),
}
ALLOWED: dict[Step, set[str]] = {
    Step.PACKING: {"count", "undo", "park", "stop"},
    Step.COMPLETE: {"weight_mismatch", "print_failed", "label_printed", "await_label", "stop"},
    Step.WEIGH_AGAIN: {"weigh_again", "refuse_while_weighing", "stop"},
    Step.PRINT_FAILED: {"retry_print", "stop"},
    Step.AWAITING_CONFIRM: {"wrong_label", "leave_unconfirmed", "ship", "stop"},
    Step.LABELLED: {"ship", "stop"},
    Step.SHIPPED: set(),
    Step.STOPPED: set(),
    Step.PARKED: set(),
}


@pytest.mark.parametrize("step", list(Step))
@pytest.mark.parametrize("name", list(TRANSITIONS))
def test_every_transition_in_every_step_is_taken_or_refused(step: Step, name: str) -> None:
    parcel = REACH[step]()
    if name in ALLOWED[step]:
        TRANSITIONS[name](parcel)
    else:
        with pytest.raises(InvalidTransition):
            TRANSITIONS[name](parcel)
    assert parcel.step is step  # a transition returns a new parcel; the old one is untouched


def test_a_complete_parcel_ships_without_a_printed_label_only_when_it_carried_one() -> None:
    with pytest.raises(InvalidTransition):
        P.ship(packed(), ORDER.order_no, WAYBILL, "SF")
    carried = replace(packed(), from_waybill=True)
    shipped, events = P.ship(carried, ORDER.order_no, WAYBILL, "SF", reason=Reason.PRINTED_BEFORE_PACKING)
    assert shipped.step is Step.SHIPPED and events[0].reason == "printed_before_packing"


def test_weighing_again_and_scanning_the_waybill_are_their_own_reasons() -> None:
    weighing = REACH[Step.WEIGH_AGAIN]()
    (refused,) = P.refuse_while_weighing(weighing, "mug-code")[1]
    awaiting = REACH[Step.AWAITING_CONFIRM]()
    (wrong,) = P.wrong_label(awaiting, "mug-code")[1]
    assert (refused.event, refused.why) == (ScanOutcome.WRONG_ITEM, Reason.WEIGH_AGAIN)
    assert (wrong.event, wrong.why, wrong.tracking_no) == (ScanOutcome.WRONG_ITEM, Reason.SCAN_THE_WAYBILL, WAYBILL)
    assert refused.to_json()["event"] == wrong.to_json()["event"] == "wrong_item"


def test_the_json_of_typed_facts_is_the_contracts() -> None:
    printed = P.label_printed(packed(), WAYBILL, None, 2, confirm=False)[1][0]
    assert printed.to_json()["carrier"] is None and printed.extra == {"carrier": None, "copy_no": 2}
    (weighed,) = P.weight_mismatch(packed(), 900, None)[1]
    assert weighed.extra == {"expected_g": 900} and weighed.to_json()["reason"] == "no_reading"
    assert FAILED.to_json()["reason"] == FAILED.reason == "paper out" and FAILED.extra == {}


def test_a_parcel_taken_up_with_all_its_items_is_complete_and_refunded_items_are_not_wanted() -> None:
    assert P.open_parcel(ORDER, boxed=[("MUG", 2), ("TEA", 6)]).step is Step.COMPLETE
    assert P.open_parcel(ORDER, boxed=[("MUG", 1)]).done == 1
    refunded = replace(ORDER, lines=(line("1", "MUG", 1), line("2", "TEA", 6)))
    assert P.changed_since_opened(packed(), refunded) is Reason.REFUND
    assert P.changed_since_opened(packed(), ORDER) is None


HITS = {"mug-code": MUG, "tea-code": TEA, "case-code": TEA_CASE, "tee-code": TEE, "??": None}


class ParcelMachine(RuleBasedStateMachine):
    """Random scan sequences on one bench: a parcel opened, items (right, wrong, unknown, too many), undo, park,
    printing (ok or failed), the confirm scan, a stop arriving at any time."""

    def __init__(self) -> None:
        super().__init__()
        self.parcel: Parcel | None = None
        self.ships = 0
        self.printed_while_stopped = False

    def _try(self, transition: Callable[[Parcel], tuple[Parcel, list[StationEvent]]]) -> list[StationEvent]:
        assert self.parcel is not None
        before = self.parcel
        try:
            self.parcel, events = transition(before)
        except InvalidTransition:
            assert self.parcel is before
            return []
        return events

    @precondition(lambda self: self.parcel is None or self.parcel.step in P.FINAL or not self.parcel.holding)
    @rule()
    def open(self) -> None:
        self.parcel = P.open_parcel(ORDER)

    @precondition(lambda self: self.parcel is not None)
    @rule(code=st.sampled_from(sorted(HITS)))
    def scan_item(self, code: str) -> None:
        assert self.parcel is not None
        was = self.parcel
        events = self._try(lambda p: P.count(p, code, HITS[code]))
        if events:
            kind = events[0].event
            assert (kind is ScanOutcome.ITEM_OK) == (self.parcel.done > was.done)
            if HITS[code] is None:
                assert kind is ScanOutcome.UNKNOWN_CODE
            elif HITS[code] == TEE:
                assert kind is ScanOutcome.WRONG_ITEM

    @precondition(lambda self: self.parcel is not None)
    @rule()
    def undo(self) -> None:
        self._try(P.undo)

    @precondition(lambda self: self.parcel is not None)
    @rule()
    def park(self) -> None:
        self._try(P.park)

    @precondition(lambda self: self.parcel is not None)
    @rule(confirm=st.booleans())
    def print_ok(self, confirm: bool) -> None:
        stopped = self.parcel is not None and self.parcel.step is Step.STOPPED
        if self._try(lambda p: P.label_printed(p, WAYBILL, "SF", 1, confirm=confirm)) and stopped:
            self.printed_while_stopped = True

    @precondition(lambda self: self.parcel is not None)
    @rule()
    def print_fails(self) -> None:
        self._try(lambda p: P.print_failed(p, FAILED, 3))

    @precondition(lambda self: self.parcel is not None)
    @rule()
    def rescan_order(self) -> None:
        self._try(P.retry_print)

    @precondition(lambda self: self.parcel is not None)
    @rule(code=st.sampled_from([WAYBILL, WAYBILL.lower(), "mug-code"]))
    def confirm(self, code: str) -> None:
        assert self.parcel is not None
        if P.route(self.parcel, code) is Route.CONFIRM:
            if self._try(lambda p: P.ship(p, code, WAYBILL, "SF")):
                self.ships += 1
        else:
            self._try(lambda p: P.wrong_label(p, code))

    @precondition(lambda self: self.parcel is not None)
    @rule()
    def ship_without_confirm(self) -> None:
        if self._try(lambda p: P.ship(p, ORDER.order_no, WAYBILL, "SF")):
            self.ships += 1

    @precondition(lambda self: self.parcel is not None)
    @rule(reason=st.sampled_from([Reason.REFUND, Reason.CLOSED, Reason.ON_HOLD]))
    def stop_arrives(self, reason: Reason) -> None:
        self._try(lambda p: P.stop(p, ORDER.order_no, reason))

    @invariant()
    def never_more_verified_than_ordered(self) -> None:
        if self.parcel is not None:
            assert all(self.parcel.scanned[s] <= q for s, q in self.parcel.required.items())
            assert self.parcel.done == sum(units for _sku, units in self.parcel.history)

    @invariant()
    def ships_at_most_once_and_a_stopped_parcel_never_prints(self) -> None:
        assert self.parcel is None or self.parcel.shipments <= 1
        assert not self.printed_while_stopped

    @invariant()
    def only_a_complete_parcel_gets_a_label(self) -> None:
        if self.parcel is not None and self.parcel.step in (Step.AWAITING_CONFIRM, Step.LABELLED, Step.SHIPPED):
            assert self.parcel.complete


ParcelMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
test_random_scan_sequences = ParcelMachine.TestCase


def test_a_case_pack_counts_its_units_and_never_overfills() -> None:
    parcel = P.open_parcel(ORDER)
    parcel, events = P.count(parcel, "tea-code", TEA)
    parcel, over = P.count(parcel, "case-code", TEA_CASE)
    assert [e.event for e in events + over] == [ScanOutcome.ITEM_OK, ScanOutcome.OVER_SCAN]
    assert parcel.scanned["TEA"] == 1 and BarcodeHit("TEA", 6) == TEA_CASE

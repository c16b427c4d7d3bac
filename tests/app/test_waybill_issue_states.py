"""The ledger row's state machine (app.domain.waybill_ledger): each event moves a row only from its one state, a
cancelled number never moves again, and a row is issued at most once whatever happens to it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.waybill_ledger import TRANSITIONS, InvalidTransition, IssueEvent, after, source
from app.domain.waybills import IssueState


@pytest.mark.parametrize("event", list(IssueEvent))
def test_each_event_moves_a_row_from_its_one_state(event: IssueEvent) -> None:
    start, end = TRANSITIONS[event]
    assert source(event) is start and after(start, event) is end
    for other in IssueState:
        if other is not start:
            with pytest.raises(InvalidTransition):
                after(other, event)


def test_the_life_of_a_number() -> None:
    state = IssueState.REQUESTED
    for event, expected in (
        (IssueEvent.ISSUED, IssueState.ISSUED),
        (IssueEvent.VOIDED, IssueState.CANCEL_PENDING),
        (IssueEvent.CANCEL_REFUSED, IssueState.FAILED),
        (IssueEvent.CANCEL_AGAIN, IssueState.CANCEL_PENDING),
        (IssueEvent.CANCELLED, IssueState.CANCELLED),
    ):
        state = after(state, event)
        assert state is expected
    assert after(IssueState.REQUESTED, IssueEvent.UNWANTED) is IssueState.CANCEL_PENDING
    assert after(IssueState.REQUESTED, IssueEvent.REFUSED) is IssueState.FAILED


@given(st.lists(st.sampled_from(list(IssueEvent)), max_size=30))
def test_whatever_happens_a_row_is_issued_once_and_a_cancelled_one_stays_cancelled(events: list[IssueEvent]) -> None:
    state, issued = IssueState.REQUESTED, 0
    for event in events:
        try:
            state_after = after(state, event)
        except InvalidTransition:
            continue
        if state is IssueState.CANCELLED:
            pytest.fail("a cancelled number moved")
        issued += event in (IssueEvent.ISSUED, IssueEvent.UNWANTED)
        state = state_after
    assert issued <= 1
    assert state is not IssueState.REQUESTED or issued == 0

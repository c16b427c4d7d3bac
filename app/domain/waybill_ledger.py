"""The life of a number request in the ledger (waybill_issues), as a state machine (domain layer).

A request is `requested` from before it is sent until its answer is recorded; then its number is `issued` on a
parcel, or goes straight to `cancel_pending` when its order no longer wants it, or the request `failed` (refused,
nothing issued). A number whose label is voided before shipping is `cancel_pending` until its provider cancels it
(`cancelled`) or refuses to (`failed`, the number kept for the seller, who may ask again). The persistence layer
writes each transition as a conditional update on the state it leaves (app.persistence.waybill_issues), so of two
processes acting on one row only one moves it.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.waybills import IssueState


class IssueEvent(StrEnum):
    """What moves a ledger row."""

    ISSUED = "issued"  # the provider answered (or a look-up found) a number: on its parcel
    UNWANTED = "unwanted"  # a number came for an order that no longer wants one: to cancel
    REFUSED = "refused"  # the provider refused the request, or it was withdrawn unasked
    VOIDED = "voided"  # the parcel's label was voided before it shipped
    CANCELLED = "cancelled"  # the provider cancelled the number (or had before)
    CANCEL_REFUSED = "cancel_refused"  # the provider refused to cancel it
    CANCEL_AGAIN = "cancel_again"  # the seller asks again to cancel a number whose cancel was refused


TRANSITIONS: dict[IssueEvent, tuple[IssueState, IssueState]] = {
    IssueEvent.ISSUED: (IssueState.REQUESTED, IssueState.ISSUED),
    IssueEvent.UNWANTED: (IssueState.REQUESTED, IssueState.CANCEL_PENDING),
    IssueEvent.REFUSED: (IssueState.REQUESTED, IssueState.FAILED),
    IssueEvent.VOIDED: (IssueState.ISSUED, IssueState.CANCEL_PENDING),
    IssueEvent.CANCELLED: (IssueState.CANCEL_PENDING, IssueState.CANCELLED),
    IssueEvent.CANCEL_REFUSED: (IssueState.CANCEL_PENDING, IssueState.FAILED),
    IssueEvent.CANCEL_AGAIN: (IssueState.FAILED, IssueState.CANCEL_PENDING),
}
# A row holds a live number at its provider in these states (a refused cancel leaves the number live: FAILED with
# a number).
HOLDS_A_LIVE_NUMBER = frozenset({IssueState.ISSUED, IssueState.CANCEL_PENDING})


class InvalidTransition(ValueError):
    """An event that cannot happen to a row in its state (a programming error, never shown to a seller)."""


def source(event: IssueEvent) -> IssueState:
    """The state `event` moves a row from."""
    return TRANSITIONS[event][0]


def after(state: IssueState, event: IssueEvent) -> IssueState:
    """The state a row in `state` is in after `event`.

    Raises:
        InvalidTransition: `event` cannot happen in `state` (a cancelled number is never issued again, a shipped
            parcel's issued number is never voided here, ...).
    """
    start, end = TRANSITIONS[event]
    if state is not start:
        raise InvalidTransition(f"{event.value} cannot happen to a request that is {state.value}")
    return end

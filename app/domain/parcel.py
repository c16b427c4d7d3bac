"""The parcel at the bench as an explicit state machine (domain layer, pure, no I/O).

A parcel is opened for an order, its items are counted in (PACKING) until it is COMPLETE; then it may have to be
weighed again (WEIGH_AGAIN), its label prints (AWAITING_CONFIRM when the waybill must be scanned onto it, LABELLED
otherwise) or fails to (PRINT_FAILED), and it ends SHIPPED, STOPPED (intercepted) or PARKED (set aside).

Every transition is a function that takes a `Parcel` and returns the new one with the events it caused; a transition
the parcel's step does not allow raises `InvalidTransition`. `route()` says what a scanned code means in each step,
so the engine (app.station) only looks up what it must and records what happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from app.domain.enums import ScanOutcome
from app.domain.orders import Order
from app.domain.packing import BarcodeHit, Counts, Verdict, judge, required_units
from app.domain.station_events import Reason, StationEvent


class Step(StrEnum):
    PACKING = "packing"  # items are being counted in
    COMPLETE = "complete"  # every item verified: weigh, print, ship next
    WEIGH_AGAIN = "weigh_again"  # it failed the weight check: its order code weighs it again
    PRINT_FAILED = "print_failed"  # its label did not print: its order code prints it again
    AWAITING_CONFIRM = "awaiting_confirm"  # its label printed: the waybill must be scanned onto it
    LABELLED = "labelled"  # its label printed and nothing more is asked at the bench
    SHIPPED = "shipped"
    STOPPED = "stopped"  # intercepted: it must not ship
    PARKED = "parked"  # set aside; its order code takes it up again


FINAL = frozenset({Step.SHIPPED, Step.STOPPED, Step.PARKED})
# the steps in which a scan still belongs to this parcel; in the others a scan opens the next one
HOLDING = frozenset({Step.PACKING, Step.WEIGH_AGAIN, Step.AWAITING_CONFIRM})


class Route(StrEnum):
    """What the engine does with a scanned code, given the open parcel (see `route`)."""

    OPEN = "open"  # open a parcel from the code: an order or waybill number, or an item (SKU-first)
    COUNT = "count"  # an item of the open parcel (or another code the engine must look up)
    CONFIRM = "confirm"  # the awaited waybill: ship the parcel
    WRONG_LABEL = "wrong_label"  # anything else while the waybill is awaited
    RETRY_PRINT = "retry_print"  # its order code after a failed print: print again
    WEIGH = "weigh"  # its order or waybill code after a weight mismatch: weigh again
    WEIGH_REFUSED = "weigh_refused"  # anything else while it must be weighed again


class InvalidTransition(Exception):
    """A transition the parcel's step does not allow (a bug in the caller, never a packer's mistake)."""


def is_label(code: str, tracking_no: str) -> bool:
    """Whether a scanned code is the waybill `tracking_no` (scanners may send it in lower case)."""
    return code.strip().upper() == tracking_no


@dataclass(frozen=True, slots=True)
class Parcel(Counts):
    """One order's parcel at the bench: what it needs, what was verified, and its step."""

    order: Order
    required: Mapping[str, int]
    scanned: Mapping[str, int]
    step: Step = Step.PACKING
    history: tuple[tuple[str, int], ...] = ()  # accepted item scans (SKU, units), for undo
    from_waybill: bool = False  # opened by scanning its printed waybill (先打单后验货)
    overridden: str | None = None  # the stop a supervisor overrode for it
    awaiting: str | None = None  # AWAITING_CONFIRM: the tracking number to scan
    failed_job: int | None = None  # PRINT_FAILED: the print job that did not print
    shipments: int = field(default=0, compare=False)  # how many times it shipped (at most once)

    @property
    def holding(self) -> bool:
        """Whether the next scan belongs to this parcel (else it opens another)."""
        return self.step in HOLDING

    def event(self, kind: ScanOutcome, code: str, **facts: object) -> StationEvent:
        """An event about this parcel with its progress."""
        return StationEvent(kind, code, self.order.order_no, done=self.done, total=self.total, **facts)  # type: ignore[arg-type]


def _need(parcel: Parcel, *steps: Step) -> None:
    if parcel.step not in steps:
        raise InvalidTransition(f"{parcel.order.order_no}: {parcel.step} is not {'/'.join(steps)}")


def _frozen(counts: dict[str, int]) -> Mapping[str, int]:
    return MappingProxyType(counts)


def open_parcel(
    order: Order, *, from_waybill: bool = False, overridden: str | None = None, boxed: Iterable[tuple[str, int]] = ()
) -> Parcel:
    """A parcel for `order`, with the items `boxed` already in it (a parked or resumed parcel; items the order no
    longer needs are left out). It is COMPLETE at once when they are all it needs."""
    required = required_units(order)
    scanned = dict.fromkeys(required, 0)
    history = []
    for sku, units in boxed:
        if sku in scanned:
            scanned[sku] += units
            history.append((sku, units))
    parcel = Parcel(order, _frozen(required), _frozen(scanned), Step.PACKING, tuple(history), from_waybill, overridden)
    return replace(parcel, step=Step.COMPLETE) if history and parcel.complete else parcel


def route(parcel: Parcel | None, code: str) -> Route:
    """What a scanned `code` means for the open parcel (None: none is open). Pure string comparisons only."""
    if parcel is None:
        return Route.OPEN
    order = parcel.order
    if parcel.step is Step.AWAITING_CONFIRM:
        assert parcel.awaiting is not None
        return Route.CONFIRM if is_label(code, parcel.awaiting) else Route.WRONG_LABEL
    if parcel.step is Step.WEIGH_AGAIN:
        return Route.WEIGH if code in (order.order_no, order.tracking_no) else Route.WEIGH_REFUSED
    if parcel.step is Step.PRINT_FAILED and code == order.order_no:
        return Route.RETRY_PRINT
    return Route.COUNT if parcel.step is Step.PACKING else Route.OPEN


def _verdict_event(parcel: Parcel, verdict: Verdict) -> StationEvent:
    return StationEvent(
        verdict.outcome, verdict.code, parcel.order.order_no, verdict.sku, verdict.units, verdict.scanned,
        verdict.required, verdict.done, verdict.total,
    )  # fmt: skip


def count(parcel: Parcel, code: str, hit: BarcodeHit | None) -> tuple[Parcel, list[StationEvent]]:
    """PACKING: one product scan. An accepted item is counted in; the last one makes the parcel COMPLETE."""
    _need(parcel, Step.PACKING)
    hit = hit.within(parcel.required) if hit is not None else None
    verdict = judge(parcel.required, parcel.scanned, code, hit)
    if verdict.outcome is not ScanOutcome.ITEM_OK or hit is None:
        return parcel, [_verdict_event(parcel, verdict)]
    scanned = dict(parcel.scanned)
    scanned[hit.sku] = verdict.scanned
    parcel = replace(parcel, scanned=_frozen(scanned), history=(*parcel.history, (hit.sku, hit.units)))
    events = [_verdict_event(parcel, verdict)]
    if parcel.complete:
        parcel = replace(parcel, step=Step.COMPLETE)
        events.append(parcel.event(ScanOutcome.ORDER_COMPLETE, code))
    return parcel, events


def undo(parcel: Parcel) -> tuple[Parcel, list[StationEvent]]:
    """PACKING: takes back the last accepted item; no event when there is none."""
    _need(parcel, Step.PACKING)
    if not parcel.history:
        return parcel, []
    sku, units = parcel.history[-1]
    scanned = dict(parcel.scanned)
    scanned[sku] -= units
    parcel = replace(parcel, scanned=_frozen(scanned), history=parcel.history[:-1])
    verdict = Verdict(ScanOutcome.UNDONE, "", sku, units, scanned[sku], parcel.required[sku], parcel.done, parcel.total)
    return parcel, [_verdict_event(parcel, verdict)]


def weight_mismatch(parcel: Parcel, expected_g: int, measured_g: int | None) -> tuple[Parcel, list[StationEvent]]:
    """COMPLETE: the scale disagrees (or gave no reading); it must be weighed again before its label prints."""
    _need(parcel, Step.COMPLETE)
    no = parcel.order.order_no
    reason = Reason.NO_READING if measured_g is None else Reason.WEIGHT
    event = StationEvent(ScanOutcome.WEIGHT_MISMATCH, no, no, why=reason, expected_g=expected_g,
                         measured_g=measured_g)  # fmt: skip
    return replace(parcel, step=Step.WEIGH_AGAIN), [event]


def refuse_while_weighing(parcel: Parcel, code: str) -> tuple[Parcel, list[StationEvent]]:
    """WEIGH_AGAIN: any code but its own; the packer is told to weigh it again."""
    _need(parcel, Step.WEIGH_AGAIN)
    return parcel, [parcel.event(ScanOutcome.WRONG_ITEM, code, why=Reason.WEIGH_AGAIN)]


def weigh_again(parcel: Parcel) -> tuple[Parcel, list[StationEvent]]:
    """WEIGH_AGAIN: its order code scanned, it is finished again (weighed first)."""
    _need(parcel, Step.WEIGH_AGAIN)
    return replace(parcel, step=Step.COMPLETE), []


def print_failed(parcel: Parcel, failed: StationEvent, job_id: int | None = None) -> tuple[Parcel, list[StationEvent]]:
    """COMPLETE: its label did not print (`failed`, a PRINT_FAILED event); its order code prints it again."""
    _need(parcel, Step.COMPLETE)
    if failed.event is not ScanOutcome.PRINT_FAILED:
        raise InvalidTransition(f"{failed.event} is not a failed print")
    return replace(parcel, step=Step.PRINT_FAILED, failed_job=job_id), [failed]


def retry_print(parcel: Parcel) -> tuple[Parcel, list[StationEvent]]:
    """PRINT_FAILED: the printer is fixed; COMPLETE again, keeping the job that failed (that one prints)."""
    _need(parcel, Step.PRINT_FAILED)
    return replace(parcel, step=Step.COMPLETE), []


def label_printed(
    parcel: Parcel, tracking_no: str, carrier: str | None, copy_no: int | None, *, confirm: bool
) -> tuple[Parcel, list[StationEvent]]:
    """COMPLETE: its label printed; with `confirm`, its waybill must now be scanned onto it."""
    _need(parcel, Step.COMPLETE)
    no = parcel.order.order_no
    event = StationEvent(ScanOutcome.LABEL_PRINTED, no, no, tracking_no=tracking_no, carrier=carrier, copy_no=copy_no,
                         why=Reason.SCAN_THE_WAYBILL if confirm else None)  # fmt: skip
    step, awaiting = (Step.AWAITING_CONFIRM, tracking_no) if confirm else (Step.LABELLED, None)
    return replace(parcel, step=step, awaiting=awaiting, failed_job=None), [event]


def await_label(parcel: Parcel, code: str, tracking_no: str) -> tuple[Parcel, list[StationEvent]]:
    """COMPLETE (taken up after a restart): its label printed before the waybill was scanned; that scan is awaited."""
    _need(parcel, Step.COMPLETE)
    parcel = replace(parcel, step=Step.AWAITING_CONFIRM, awaiting=tracking_no)
    return parcel, [parcel.event(ScanOutcome.ORDER_OPENED, code, tracking_no=tracking_no,
                                 why=Reason.SCAN_THE_WAYBILL)]  # fmt: skip


def wrong_label(parcel: Parcel, code: str) -> tuple[Parcel, list[StationEvent]]:
    """AWAITING_CONFIRM: something other than its waybill was scanned."""
    _need(parcel, Step.AWAITING_CONFIRM)
    event = parcel.event(ScanOutcome.WRONG_ITEM, code, tracking_no=parcel.awaiting, why=Reason.SCAN_THE_WAYBILL)
    return parcel, [event]


def leave_unconfirmed(parcel: Parcel) -> Parcel:
    """AWAITING_CONFIRM: the packer walks away from the confirm scan; its label stays printed."""
    _need(parcel, Step.AWAITING_CONFIRM)
    return replace(parcel, step=Step.LABELLED, awaiting=None)


def ship(
    parcel: Parcel, code: str, tracking_no: str, carrier: str | None, *, reason: Reason | None = None
) -> tuple[Parcel, list[StationEvent]]:
    """It ships: its waybill confirmed (AWAITING_CONFIRM), its label printed (LABELLED), or a COMPLETE parcel that
    carried its label before packing (`reason` PRINTED_BEFORE_PACKING). A parcel ships once."""
    _need(parcel, Step.AWAITING_CONFIRM, Step.LABELLED, Step.COMPLETE)
    if parcel.step is Step.COMPLETE and not parcel.from_waybill:
        raise InvalidTransition(f"{parcel.order.order_no}: no label printed for it")
    event = StationEvent(ScanOutcome.SHIPPED, code, parcel.order.order_no, tracking_no=tracking_no, carrier=carrier,
                         why=reason)  # fmt: skip
    return replace(parcel, step=Step.SHIPPED, awaiting=None, shipments=parcel.shipments + 1), [event]


def stop(
    parcel: Parcel, code: str, reason: Reason, tracking_no: str | None = None
) -> tuple[Parcel, list[StationEvent]]:
    """It must not ship (a refund, a close, a hold, its label voided...): intercepted, in any step before it ships."""
    if parcel.step in FINAL:
        raise InvalidTransition(f"{parcel.order.order_no}: already {parcel.step}")
    return replace(parcel, step=Step.STOPPED, awaiting=None), [intercepted(code, parcel.order.order_no, reason,
                                                                            tracking_no)]  # fmt: skip


def intercepted(code: str, order_no: str, reason: Reason, tracking_no: str | None = None) -> StationEvent:
    """The STOP event for an order that must not be packed or shipped."""
    return StationEvent(ScanOutcome.INTERCEPTED, code, order_no, tracking_no=tracking_no, why=reason)


def park(parcel: Parcel) -> tuple[Parcel, list[StationEvent]]:
    """PACKING: set aside with its counts; its order code takes it up again."""
    _need(parcel, Step.PACKING)
    no = parcel.order.order_no
    return replace(parcel, step=Step.PARKED), [parcel.event(ScanOutcome.PARKED, no)]


def changed_since_opened(
    parcel: Parcel, now: Order, *, label_printed: bool = False, overridden: str | None = None
) -> Reason | None:
    """Why the parcel must not ship given its order as it is `now`, or None.

    Besides the order-level stops (closed, held, shipped), a refund requested on any line already packed stops it:
    the item is in the box. When the parcel already carries its printed label, a receiver changed since it was
    opened stops it too (`address_changed`): that label would send it to the old address. A label not yet printed
    simply prints with the new one. An order split (or its split undone) since the parcel was opened stops it
    (`parcel_changed`): the box holds what the parcel was, not what it is now.
    """
    blocked = now.block_reason()
    if blocked and blocked != overridden:
        return Reason(blocked)
    if label_printed and now.receiver != parcel.order.receiver and overridden != Reason.ADDRESS_CHANGED:
        return Reason.ADDRESS_CHANGED
    if _split_of(now) != _split_of(parcel.order):  # split or unsplit meanwhile: this box holds another parcel
        return Reason.PARCEL_CHANGED
    still = required_units(now)
    if any(still.get(sku, 0) < qty for sku, qty in parcel.required.items()):
        return Reason.REFUND
    return None


def _split_of(order: Order) -> dict[str, int]:
    """The units a split of `order` put in its next parcel, per line ({} when it is not split)."""
    return {ln.line_no: ln.planned for ln in order.lines if ln.planned is not None}

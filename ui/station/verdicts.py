"""What the station shows and plays for each event: a data table keyed by (event kind, reason) (ui layer).

A row gives the banner's word and how its detail line is worded; the banner's colour and the sound follow the kind
(`STATE_COLOURS`, `ui.sounds.FOR_OUTCOME`). A reason the table does not name falls back to its kind's row (`ANY`).
Texts keep the translation context "StationView", where the panel said them before this table existed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.enums import ScanOutcome
from app.domain.station_events import NOT_OVERRIDABLE as NOT_OVERRIDABLE  # the panel reads it here
from app.domain.station_events import Reason
from ui.core_text import core_text
from ui.plurals import plural
from ui.sounds import FOR_OUTCOME
from ui.text import printer_state_text

if TYPE_CHECKING:
    from app.domain.station_events import StationEvent
    from app.station.screens import StationSnapshot


ANY = "*"  # a row for every reason of its kind the table does not name

# One colour per meaning, high contrast, readable from 1.5 m.
STATE_COLOURS = {
    "idle": "#37474f",
    "packing": "#1565c0",
    ScanOutcome.ITEM_OK: "#2e7d32",
    ScanOutcome.WRONG_ITEM: "#c62828",
    ScanOutcome.OVER_SCAN: "#e65100",
    ScanOutcome.UNKNOWN_CODE: "#6a1b9a",
    ScanOutcome.ORDER_BUSY: "#e65100",
    ScanOutcome.ORDER_COMPLETE: "#1b5e20",
    ScanOutcome.LABEL_PRINTED: "#1b5e20",
    ScanOutcome.SHIPPED: "#1b5e20",
    ScanOutcome.PRINT_FAILED: "#c62828",
    ScanOutcome.INTERCEPTED: "#b71c1c",
    ScanOutcome.UNDONE: "#1565c0",
    ScanOutcome.WEIGHT_MISMATCH: "#c62828",
    ScanOutcome.PARKED: "#37474f",
}

STOP_REASONS = {
    Reason.CLOSED: QT_TRANSLATE_NOOP("StationView", "the order is closed (refunded or cancelled)"),
    Reason.REFUND: QT_TRANSLATE_NOOP("StationView", "the buyer asked for a refund"),
    Reason.ON_HOLD: QT_TRANSLATE_NOOP("StationView", "the order is on hold"),
    Reason.UNPAID: QT_TRANSLATE_NOOP("StationView", "the order is not paid yet"),
    Reason.SHIPPED: QT_TRANSLATE_NOOP("StationView", "the order has already shipped"),
    Reason.ADDRESS_CHANGED: QT_TRANSLATE_NOOP(
        "StationView", "the buyer changed the address after the label was printed"
    ),
    Reason.OUT_OF_STOCK: QT_TRANSLATE_NOOP("StationView", "the order is out of stock"),
    Reason.PARCEL_CHANGED: QT_TRANSLATE_NOOP(
        "StationView", "the order was split (or its split undone) while it was packed: pack it again"
    ),
}


@dataclass(frozen=True)
class Verdict:
    """What the panel shows and plays for one event."""

    word: str
    detail: str
    colour: str
    sound: str | None  # a name for SoundPlayer.play, None for silence


Field = Callable[["StationEvent", "StationSnapshot"], str]
Detail = Callable[["StationEvent", "StationSnapshot"], str]


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationView", text)


def _progress(ev: StationEvent, _snap: StationSnapshot) -> str:
    return f"{ev.done} / {ev.total}" if ev.total else ""


def _order_no(ev: StationEvent, _snap: StationSnapshot) -> str:
    return ev.order_no or ""


def _tracking_no(ev: StationEvent, _snap: StationSnapshot) -> str:
    return ev.tracking_no or ""


def _item(ev: StationEvent, _snap: StationSnapshot) -> str:
    return ev.sku or ev.code


def _worded(template: str, *fields: Field) -> Detail:
    """A detail line: `template` translated, with %1, %2... replaced by `fields` of the event."""

    def detail(ev: StationEvent, snap: StationSnapshot) -> str:
        text = _tr(template)
        for number, value in enumerate(fields, 1):
            text = text.replace(f"%{number}", value(ev, snap))
        return text

    return detail


OPENED = "Order %1 opened: %n piece(s) to verify"  # counted: said by StationView.opened_text, see `verdict`


def _opened(ev: StationEvent, _snap: StationSnapshot) -> str:
    return ev.order_no or ""  # the count is worded by `verdict`'s `counted`


def _item_ok(ev: StationEvent, snap: StationSnapshot) -> str:
    return f"{ev.sku}  {ev.scanned}/{ev.required}   ·   {_progress(ev, snap)}"


def _print_failed(ev: StationEvent, _snap: StationSnapshot) -> str:
    said = core_text(ev.message) if ev.message is not None else ev.reason or ""
    why = printer_state_text(ev.printer_state) or said
    if ev.answer_in_queue:
        return _tr(
            QT_TRANSLATE_NOOP(
                "StationView",
                "The label of order %1 may have printed in part: answer “did it print?” in the print queue, "
                "then scan the order again",
            )
        ).replace("%1", ev.order_no or "")
    if ev.retry:
        return (
            _tr(QT_TRANSLATE_NOOP("StationView", "%1 Then scan order %2 again to print its label."))
            .replace("%1", why)
            .replace("%2", ev.order_no or "")
        )
    return why


def _stop_reason(ev: StationEvent, _snap: StationSnapshot) -> str:
    if ev.why is Reason.OUT_OF_STOCK and ev.message is not None:  # with the SKUs it misses
        return core_text(ev.message)
    return _tr(STOP_REASONS[ev.why]) if ev.why in STOP_REASONS else ev.reason or ""


def _grams(key: str) -> Field:
    """A weight the event carries (`expected_g`, `measured_g`), "" when it has none."""
    return lambda ev, _snap: str(getattr(ev, key) if getattr(ev, key) is not None else "")


def _open_order_no(_ev: StationEvent, snap: StationSnapshot) -> str:
    return snap.order.order_no if snap.order else ""


def _nothing(_ev: StationEvent, _snap: StationSnapshot) -> str:
    return ""


K = ScanOutcome
_STICK_WAYBILL = _worded(QT_TRANSLATE_NOOP("StationView", "Stick waybill %1 on the parcel and scan it"), _tracking_no)
_SCAN_ITEMS = QT_TRANSLATE_NOOP("StationView", "SCAN ITEMS")
_SCAN_WAYBILL = QT_TRANSLATE_NOOP("StationView", "SCAN THE WAYBILL")
_COMPLETE = QT_TRANSLATE_NOOP("StationView", "COMPLETE")
_WRONG_WEIGHT = QT_TRANSLATE_NOOP("StationView", "WRONG WEIGHT")
_WHERE_IT_WAS = _worded(
    QT_TRANSLATE_NOOP("StationView", "Order %1 reopened where it was: %2 verified"), _order_no, _progress
)

# (kind, reason) -> (banner word, its detail). A word of None shows the kind's own name, untranslated.
VERDICTS: dict[tuple[ScanOutcome, str], tuple[str | None, Detail]] = {
    (K.PARKED, ANY): (
        QT_TRANSLATE_NOOP("StationView", "PARKED"),
        _worded(
            QT_TRANSLATE_NOOP("StationView", "Order %1 set aside at %2: scan it again to go on"), _order_no, _progress
        ),
    ),
    (K.ORDER_OPENED, Reason.SCAN_THE_WAYBILL): (_SCAN_WAYBILL, _STICK_WAYBILL),  # its label printed before a restart
    (K.ORDER_OPENED, Reason.REOPENED): (
        _SCAN_ITEMS,
        _worded(
            QT_TRANSLATE_NOOP("StationView", "Order %1 reopened: its label is void, verify every item again"),
            _order_no,
        ),
    ),
    (K.ORDER_OPENED, Reason.RESUMED): (_SCAN_ITEMS, _WHERE_IT_WAS),
    (K.ORDER_OPENED, Reason.UNPARKED): (_SCAN_ITEMS, _WHERE_IT_WAS),
    (K.ORDER_OPENED, ANY): (_SCAN_ITEMS, _opened),
    (K.ITEM_OK, ANY): (QT_TRANSLATE_NOOP("StationView", "OK"), _item_ok),
    (K.WEIGHT_MISMATCH, Reason.NO_READING): (
        QT_TRANSLATE_NOOP("StationView", "WEIGH IT"),
        _worded(
            QT_TRANSLATE_NOOP("StationView", "The scale gives no steady weight: put the parcel on it, then scan %1"),
            _order_no,
        ),
    ),
    (K.WEIGHT_MISMATCH, ANY): (
        _WRONG_WEIGHT,
        _worded(
            QT_TRANSLATE_NOOP(
                "StationView",
                "The parcel weighs %1 g but its items %2 g: check the items, then scan the order again",
            ),
            _grams("measured_g"),
            _grams("expected_g"),
        ),
    ),
    (K.WRONG_ITEM, Reason.WEIGH_AGAIN): (
        _WRONG_WEIGHT,
        _worded(QT_TRANSLATE_NOOP("StationView", "Check the parcel, then scan order %1 to weigh it again"), _order_no),
    ),
    (K.WRONG_ITEM, Reason.SCAN_THE_WAYBILL): (
        _SCAN_WAYBILL,
        _worded(QT_TRANSLATE_NOOP("StationView", "Scan waybill %1 on this parcel first"), _tracking_no),
    ),
    (K.WRONG_ITEM, ANY): (
        QT_TRANSLATE_NOOP("StationView", "WRONG ITEM"),
        _worded(QT_TRANSLATE_NOOP("StationView", "%1 is not in this order: put it back"), _item),
    ),
    (K.OVER_SCAN, ANY): (
        QT_TRANSLATE_NOOP("StationView", "TOO MANY"),
        _worded(
            QT_TRANSLATE_NOOP("StationView", "%1 needs only %2: take one out"), _item, lambda ev, _s: str(ev.required)
        ),
    ),
    (K.UNKNOWN_CODE, Reason.NO_OPEN_ORDER): (
        QT_TRANSLATE_NOOP("StationView", "SCAN AN ORDER FIRST"),
        _worded(QT_TRANSLATE_NOOP("StationView", "%1 is a product; scan the order number or waybill first"), _item),
    ),
    (K.UNKNOWN_CODE, ANY): (
        QT_TRANSLATE_NOOP("StationView", "UNKNOWN CODE"),
        _worded(QT_TRANSLATE_NOOP("StationView", "Nobody knows the code %1"), lambda ev, _s: ev.code),
    ),
    (K.ORDER_BUSY, ANY): (
        QT_TRANSLATE_NOOP("StationView", "FINISH THIS ORDER"),
        _worded(
            QT_TRANSLATE_NOOP("StationView", "Order %1 is still open (%2): finish it or park it (F8)"),
            _open_order_no,
            _progress,
        ),
    ),
    (K.ORDER_COMPLETE, ANY): (_COMPLETE, _worded(QT_TRANSLATE_NOOP("StationView", "All items verified"))),
    (K.LABEL_PRINTED, Reason.SCAN_THE_WAYBILL): (_SCAN_WAYBILL, _STICK_WAYBILL),
    (K.LABEL_PRINTED, ANY): (
        _COMPLETE,
        _worded(QT_TRANSLATE_NOOP("StationView", "Waybill printed: %1"), _tracking_no),
    ),
    (K.SHIPPED, Reason.PRINTED_BEFORE_PACKING): (
        _COMPLETE,
        _worded(
            QT_TRANSLATE_NOOP("StationView", "Verified with waybill %1; recorded as shipped. Next order!"),
            _tracking_no,
        ),
    ),
    (K.SHIPPED, ANY): (
        _COMPLETE,
        _worded(
            QT_TRANSLATE_NOOP("StationView", "Waybill %1 printed, parcel recorded as shipped. Next order!"),
            _tracking_no,
        ),
    ),
    (K.PRINT_FAILED, ANY): (QT_TRANSLATE_NOOP("StationView", "PRINT FAILED"), _print_failed),
    (K.INTERCEPTED, ANY): (
        QT_TRANSLATE_NOOP("StationView", "STOP"),
        _worded(QT_TRANSLATE_NOOP("StationView", "Do not ship order %1: %2"), _order_no, _stop_reason),
    ),
    (K.UNDONE, ANY): (
        QT_TRANSLATE_NOOP("StationView", "UNDONE"),
        _worded(QT_TRANSLATE_NOOP("StationView", "Took back one %1"), lambda ev, _s: ev.sku or ""),
    ),
    (K.REOPENED, ANY): (None, _nothing),
}


def _counted(source: str, n: int) -> str:
    return QCoreApplication.translate("StationView", source, None, n)


def verdict(ev: StationEvent, snap: StationSnapshot, counted: Callable[[str, int], str] = _counted) -> Verdict:
    """What the panel shows and plays for `ev`, the last event of `snap`.

    Args:
        ev: the event.
        snap: the parcel after it.
        counted: translates a counted text (lupdate marks a text as counted only in a `tr()` call of the panel's
            class, so the panel passes its own; the default translates the same text in the same context).
    """
    word, detail = VERDICTS.get((ev.event, ev.why or ANY)) or VERDICTS[(ev.event, ANY)]
    text = detail(ev, snap)
    if detail is _opened:
        text = plural(counted(OPENED, ev.total), ev.total).replace("%1", text)
    return Verdict(
        _tr(word) if word is not None else ev.event.value,
        text,
        STATE_COLOURS.get(ev.event, STATE_COLOURS["packing"]),
        FOR_OUTCOME.get(ev.event),
    )

"""The station's verdict table: every event the engine can emit has a banner word, a detail, a colour and a sound,
worded as the panel always worded it, and said in Chinese with the translator installed."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import cast

import pytest

from app.domain.enums import ScanOutcome
from app.domain.orders import Order
from app.domain.station_events import Reason as Why
from app.domain.station_events import StationEvent
from app.station.screens import StationSnapshot
from ui.i18n import install_translator
from ui.sounds import FOR_OUTCOME
from ui.station.verdicts import ANY, NOT_OVERRIDABLE, STATE_COLOURS, VERDICTS, Reason, verdict

K = ScanOutcome
EMPTY = StationSnapshot([], None)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _event(kind: ScanOutcome, reason: str | None = None, **fields: object) -> StationEvent:
    """An event as the engine makes it: a reason code as its `why`, other text as a failed print's detail."""
    base: dict[str, object] = {"code": "6901", "order_no": "T100", "sku": "SKU-1", "tracking_no": "YT9", "total": 3}
    base |= fields
    if reason in set(Why):
        base["why"] = Why(reason)
    else:
        base["detail"] = reason
    return StationEvent(kind, **base)  # type: ignore[arg-type]


def _said(kind: ScanOutcome, reason: str | None = None, **fields: object) -> tuple[str, str]:
    shown = verdict(_event(kind, reason, **fields), EMPTY)
    return shown.word, shown.detail


def test_the_table_is_complete_against_the_kinds_and_reasons() -> None:
    """Each kind has its row for any reason, and a key names only a known reason: a typo would never match."""
    assert {kind for kind, _reason in VERDICTS} == set(ScanOutcome)
    assert all((kind, ANY) in VERDICTS for kind in ScanOutcome)
    assert all(reason == ANY or reason in set(Reason) for _kind, reason in VERDICTS)
    assert NOT_OVERRIDABLE <= set(Reason)


@pytest.mark.parametrize("kind", list(ScanOutcome))
def test_every_kind_with_every_reason_has_a_word_a_colour_and_its_sound(kind: ScanOutcome) -> None:
    for reason in [None, *Reason, "Printer offline."]:  # a print failure's reason is free text
        shown = verdict(_event(kind, reason), EMPTY)
        assert shown.word, (kind, reason)
        assert shown.colour == STATE_COLOURS.get(kind, STATE_COLOURS["packing"])
        assert shown.sound == FOR_OUTCOME.get(kind)


# (kind, reason, fields) -> (word, detail) exactly as the panel has always said it
EXPECTED = [
    (K.ORDER_OPENED, None, {}, ("SCAN ITEMS", "Order T100 opened: 3 pieces to verify")),
    (K.ORDER_OPENED, Reason.SKU_FIRST, {"total": 1}, ("SCAN ITEMS", "Order T100 opened: 1 piece to verify")),
    (K.ORDER_OPENED, Reason.SCAN_THE_WAYBILL, {}, ("SCAN THE WAYBILL", "Stick waybill YT9 on the parcel and scan it")),
    (K.ORDER_OPENED, Reason.UNPARKED, {"done": 2}, ("SCAN ITEMS", "Order T100 reopened where it was: 2 / 3 verified")),
    (K.WRONG_ITEM, Reason.WEIGH_AGAIN, {},
     ("WRONG WEIGHT", "Check the parcel, then scan order T100 to weigh it again")),
    (K.WRONG_ITEM, Reason.SCAN_THE_WAYBILL, {}, ("SCAN THE WAYBILL", "Scan waybill YT9 on this parcel first")),
    (K.WRONG_ITEM, None, {"sku": None}, ("WRONG ITEM", "6901 is not in this order: put it back")),
    (K.UNKNOWN_CODE, Reason.NO_OPEN_ORDER, {},
     ("SCAN AN ORDER FIRST", "SKU-1 is a product; scan the order number or waybill first")),
    (K.UNKNOWN_CODE, Reason.UNREADABLE, {}, ("UNKNOWN CODE", "Nobody knows the code 6901")),
    (K.WEIGHT_MISMATCH, Reason.WEIGHT, {"measured_g": 900, "expected_g": 700},
     ("WRONG WEIGHT", "The parcel weighs 900 g but its items 700 g: check the items, then scan the order again")),
    (K.ITEM_OK, None, {"scanned": 1, "required": 2, "done": 1}, ("OK", "SKU-1  1/2   ·   1 / 3")),
    (K.SHIPPED, Reason.PRINTED_BEFORE_PACKING, {},
     ("COMPLETE", "Verified with waybill YT9; recorded as shipped. Next order!")),
    (K.INTERCEPTED, Reason.REFUND, {}, ("STOP", "Do not ship order T100: the buyer asked for a refund")),
    (K.INTERCEPTED, Reason.LABEL_VOIDED, {}, ("STOP", "Do not ship order T100: label_voided")),
    (K.PRINT_FAILED, "Printer offline.", {"retry": True},
     ("PRINT FAILED", "Printer offline. Then scan order T100 again to print its label.")),
    (K.REOPENED, None, {}, ("reopened", "")),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "reason", "fields", "said"), EXPECTED)
def test_each_event_is_worded_as_before(kind: ScanOutcome, reason: str | None, fields: dict, said: tuple) -> None:
    assert _said(kind, reason, **fields) == said


def test_a_busy_bench_names_the_open_order_not_the_one_scanned() -> None:
    open_order = cast(Order, SimpleNamespace(order_no="T7"))  # the verdict reads only its number
    shown = verdict(_event(K.ORDER_BUSY, Reason.FINISH_CURRENT_ORDER, done=1), StationSnapshot([], open_order))
    assert shown.detail == "Order T7 is still open (1 / 3): finish it or park it (F8)"


def test_every_row_is_said_in_chinese(qapp) -> None:  # noqa: ANN001
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    try:
        for kind, reason in VERDICTS:
            fields: dict[str, object] = {"retry": True} if kind is K.PRINT_FAILED else {}
            word, detail = _said(kind, None if reason == ANY else reason, **fields)
            if kind is K.REOPENED:  # never shown as a banner of its own: the kind's name stays
                continue
            assert CJK.search(word), (kind, reason, word)
            if kind is not K.ITEM_OK:  # "SKU  1/2 · 1 / 3" has no words
                assert CJK.search(detail), (kind, reason, detail)
        stop = _said(K.INTERCEPTED, Reason.ADDRESS_CHANGED)[1]  # the reason itself is said in Chinese too
        assert "address" not in stop and CJK.search(stop.split("T100")[-1]), stop
    finally:
        qapp.removeTranslator(translator)

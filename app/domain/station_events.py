"""What the packing station says back for each scan: typed events and their reasons (domain layer, pure).

`StationEvent.event` is a `ScanOutcome`, the `event` value of `packdesk pack --json`; `why` is a `Reason`, never
free text (`reason` reads it as the JSON does). The few facts some events carry (the other order's number, the
weights, the carrier...) are typed fields; `to_json()` lays them out exactly as the command-line contract names them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.enums import ScanOutcome
from app.domain.messages import Message


class Reason(StrEnum):
    """Why an event happened, or which variant of its kind it is. Values are the `reason` of `pack --json`."""

    # why a parcel must not ship (STOP): an order's block reason, or what changed since it was opened
    CLOSED = "closed"
    SHIPPED = "shipped"
    ON_HOLD = "on_hold"
    UNPAID = "unpaid"  # 待付款: the buyer has not paid yet
    REFUND = "refund"
    ADDRESS_CHANGED = "address_changed"
    LABEL_VOIDED = "label_voided"
    OUT_OF_STOCK = "out_of_stock"  # 缺货待补货: stock does not cover it (app.domain.stock); a supervisor may override
    PARCEL_CHANGED = "parcel_changed"  # the order was split (or its split undone) while the parcel was packed
    # how a parcel was opened
    RESUMED = "resumed"  # after a restart, from the scan record
    UNPARKED = "unparked"  # a parked parcel taken up again
    REOPENED = "reopened"  # a parcel closed by mistake, its label voided
    OVERRIDE = "override"  # a supervisor let a stopped order be packed
    SKU_FIRST = "sku_first"  # an item scan opened the most urgent order that needs it
    SCAN_THE_WAYBILL = "scan_the_waybill"  # its label printed: the waybill scan onto the parcel is awaited
    # what a scan could not do
    WEIGH_AGAIN = "weigh_again"  # the parcel failed the weight check: only its order code (weigh again) counts
    FINISH_CURRENT_ORDER = "finish_current_order"  # another order's code while a parcel is open
    NO_OPEN_ORDER = "no_open_order"  # a known product with no parcel open
    UNKNOWN = "unknown"  # nobody knows the code
    UNREADABLE = "unreadable"  # a line of `pack --scans` that is not text
    # how a parcel finished
    PRINTED_BEFORE_PACKING = "printed_before_packing"  # 先打单后验货: its label was on it already
    NO_READING = "no_reading"  # the scale gave no stable weight
    WEIGHT = "weight"  # the parcel does not weigh what its items should


STOPS = frozenset(
    {Reason.CLOSED, Reason.SHIPPED, Reason.ON_HOLD, Reason.REFUND, Reason.ADDRESS_CHANGED, Reason.OUT_OF_STOCK,
     Reason.PARCEL_CHANGED, Reason.UNPAID}
)  # fmt: skip
NOT_OVERRIDABLE = frozenset({Reason.CLOSED, Reason.SHIPPED, Reason.REFUND, Reason.PARCEL_CHANGED, Reason.UNPAID})

# the facts an event may carry beyond the counts, in `to_json()` order; each is written only when set, except
# those an event kind always carries (a printed label's carrier and copy number, a shipment's carrier)
_FACTS = ("other_order_no", "stop", "expected_g", "measured_g", "carrier", "copy_no", "printer_state",
          "answer_in_queue", "retry", "line")  # fmt: skip
_ALWAYS: dict[ScanOutcome, tuple[str, ...]] = {
    ScanOutcome.LABEL_PRINTED: ("carrier", "copy_no"),
    ScanOutcome.SHIPPED: ("carrier",),
}


@dataclass(frozen=True, slots=True)
class StationEvent:
    """One line of `packdesk pack --json`, and what the window shows for a scan.

    A failed print has no `why` code: its `detail` is the English of `message` (written as the JSON `reason`),
    and the message itself is what the window shows, in the packer's language (it is not part of the JSON).
    """

    event: ScanOutcome
    code: str = ""
    order_no: str | None = None
    sku: str | None = None
    units: int = 0
    scanned: int = 0
    required: int = 0
    done: int = 0
    total: int = 0
    tracking_no: str | None = None
    why: Reason | None = None
    detail: str | None = None  # PRINT_FAILED: the English of `message`
    message: Message | None = None
    other_order_no: str | None = None  # ORDER_BUSY: the order whose code was scanned
    stop: Reason | None = None  # ORDER_OPENED by OVERRIDE: the stop a supervisor overrode
    expected_g: int | None = None  # WEIGHT_MISMATCH
    measured_g: int | None = None  # WEIGHT_MISMATCH (None: no reading)
    carrier: str | None = None  # LABEL_PRINTED, SHIPPED
    copy_no: int | None = None  # LABEL_PRINTED
    printer_state: str | None = None  # PRINT_FAILED: what the printer said
    answer_in_queue: bool = False  # PRINT_FAILED: cut off mid-send, answered in the print queue
    retry: bool = False  # PRINT_FAILED: its order scanned again prints it
    line: int | None = None  # UNREADABLE: the input line

    @property
    def reason(self) -> str | None:
        """The JSON `reason`: the `why` code (a `Reason`, itself a string), or a failed print's English detail."""
        return self.why if self.why is not None else self.detail

    @property
    def extra(self) -> dict[str, Any]:
        """The facts this event carries beyond the counts, by their JSON names."""
        always = _ALWAYS.get(self.event, ())
        facts: dict[str, Any] = {}
        for name in _FACTS:
            value = getattr(self, name)
            if name in always or (value is not None and value is not False):
                facts[name] = value.value if isinstance(value, Reason) else value
        return facts

    def to_json(self) -> dict[str, Any]:
        data = {
            "event": self.event.value,
            "code": self.code,
            "order_no": self.order_no,
            "sku": self.sku,
            "units": self.units,
            "scanned": self.scanned,
            "required": self.required,
            "done": self.done,
            "total": self.total,
            "tracking_no": self.tracking_no,
            "reason": self.why.value if self.why is not None else self.detail,
        }
        data.update(self.extra)
        return data

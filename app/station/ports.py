"""What the station engine needs from the world around it, as small Protocols (station layer).

The engine is given these at construction (app.wiring and tests alike): a scale, the platform's live word on an
order, and the spooler that prints labels. None of them is required: without a scale parcels are not weighed,
without a live check the cache decides, without a spooler the parcel stops at `order_complete`.
"""

from __future__ import annotations

from typing import Protocol

from app.domain.enums import PrintJobState
from app.domain.messages import Message


class Scale(Protocol):
    """A scale (app.scanning.serial_devices.Scale, or a fake)."""

    def stable_grams(self, timeout_s: float) -> float | None:
        """The settled weight on the scale, or None when it gave no stable reading within `timeout_s`."""
        ...


class LiveCheck(Protocol):
    """Asks the platform for an order as it is now and stores what changed in the cache (app.sync.live.LiveCheck).

    It may also answer `would_ask(shop) -> bool` (whether it would ask now); one that does not is taken to ask."""

    def __call__(self, order_no: str, shop: str) -> object: ...


class PrintResultLike(Protocol):
    """What printing one label came to (app.services.printing.PrintResult)."""

    @property
    def state(self) -> PrintJobState: ...
    @property
    def job_id(self) -> int: ...
    @property
    def tracking_no(self) -> str: ...
    @property
    def carrier(self) -> str: ...
    @property
    def copy_no(self) -> int: ...
    @property
    def error(self) -> str | None: ...
    @property
    def printer_state(self) -> str | None: ...
    @property
    def message(self) -> Message | None: ...


class Spooler(Protocol):
    """Prints an order's label and answers for its print jobs (app.services.printing.PrintService)."""

    def print_order(self, order_no: str, *, reprint_reason: str | Message | None = None) -> PrintResultLike: ...

    def print_job(self, job_id: int) -> PrintResultLike: ...

    def waiting_job(self, order_no: str) -> int | None: ...

    def job_state(self, job_id: int) -> PrintJobState | None: ...

    def result(self, job_id: int, message: Message | None = None) -> PrintResultLike: ...

"""What a waybill provider is (services layer): the values it is given and answers, and its small Protocol.

A provider hands out tracking numbers for one kind of waybill account (电子面单账户): a carrier-issued number roll
today (app.services.waybills.roll), the online e-waybill services (Cainiao's `ii.get`, PDD's `pdd.waybill.get`,
Kuaidi100's `label/order`) next. All of them answer a number and, when the carrier has it, the routing printed on the
label (大头笔, 三段码, 集包地); the online ones take at most `max_batch` orders a call and can cancel a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import Session

from app.domain.waybills import WaybillAccount, WaybillRequest
from printers.waybill import Routing

__all__ = ["Allocation", "WaybillAccount", "WaybillProvider", "WaybillRequest"]


@dataclass(frozen=True)
class Allocation:
    """A tracking number issued for one order, with the routing the carrier gave for it (empty when none)."""

    tracking_no: str
    routing: Routing = Routing()

    def routing_record(self) -> dict[str, Any]:
        """The routing as stored on the parcel (packages.routing): {} when the carrier gave none."""
        r = self.routing
        if not (r.sort_headline or r.route_code or r.consolidation):
            return {}
        return {"sort_headline": r.sort_headline, "route_code": r.route_code, "consolidation": r.consolidation}


class WaybillProvider(Protocol):
    """Hands out tracking numbers for the accounts of one kind.

    `max_batch` is how many orders one `allocate` may carry (Cainiao and PDD take 10 a call).
    """

    max_batch: int

    def allocate(
        self, session: Session, requests: Sequence[WaybillRequest], account: WaybillAccount
    ) -> list[Allocation]:
        """One number per request, in order, recorded against `account` in `session`'s transaction (the caller
        commits before printing).

        Raises:
            TrackingExhausted: the account cannot issue that many numbers.
        """
        ...

    def routing(self, request: WaybillRequest, account: WaybillAccount) -> Routing:
        """The routing a label of `request` will show before a number is taken (for the preview); empty when the
        carrier only gives it with the number."""
        ...

"""The number roll (号段): a range of tracking numbers the carrier issued to the seller (services layer).

Numbers are taken in order from the account's `next_serial` up to `serial_end` (exclusive) and written in the
carrier's own format, check digit included (app.domain.tracking). The serials are claimed with one UPDATE
(app.persistence.waybill_accounts), which takes SQLite's write lock, so two stations can never take the same
number; the unique constraint on packages.tracking_no stands behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from app.domain.errors import TrackingExhausted
from app.domain.messages import msg
from app.domain.tracking import carrier
from app.persistence.waybill_accounts import WaybillAccounts
from app.services.waybills.ports import Allocation, WaybillAccount, WaybillRequest
from printers.waybill import Routing

RouteBook = Callable[[WaybillRequest], Routing]


def no_routing(request: WaybillRequest) -> Routing:
    """A paper roll comes with no routing: the carrier's branch writes the sorting code by hand."""
    return Routing()


class NumberRoll:
    """A WaybillProvider over a carrier-issued serial range.

    Args:
        route_book: the routing of a request's label (default: none, as on a real roll).
    """

    max_batch = 1000  # a local claim: one UPDATE, whatever the batch
    remote = False

    def __init__(self, route_book: RouteBook = no_routing) -> None:
        self.route_book = route_book

    def allocate(
        self, session: Session, requests: Sequence[WaybillRequest], account: WaybillAccount
    ) -> list[Allocation]:
        fmt = carrier(account.carrier)
        count = len(requests)
        if not count:
            return []
        first = WaybillAccounts(session).take_serials(account.id, count)
        if first is None:
            raise TrackingExhausted(msg("waybill.exhausted", carrier=fmt.name, account=account.name))
        return [Allocation(fmt.number(first + i), self.route_book(request)) for i, request in enumerate(requests)]

    def routing(self, request: WaybillRequest, account: WaybillAccount) -> Routing:
        return self.route_book(request)

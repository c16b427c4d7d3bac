"""What a waybill provider is (services layer): the values it is given and answers, and its Protocols.

A provider hands out tracking numbers for one kind of waybill account (电子面单账户). Two sorts exist:

- local providers (`remote = False`): a carrier-issued number roll (app.services.waybills.roll) and the demo's. They
  take numbers inside the caller's transaction (`allocate`), as fast as a write.
- online providers (`remote = True`): Cainiao through TOP, Pinduoduo, Kuaidi100 (app.sync.waybills). A request goes
  over the network, so it is recorded in the ledger (waybill_issues) and committed before it is sent, and asked
  outside any transaction (`issue`). After an unclear failure the ledger's request is looked up (`find`, Cainiao's
  `query.by.tradecode`) before it is ever asked again: never two live numbers for one parcel.

All of them answer a number and, when the carrier has it, the routing printed on the label (大头笔, 三段码, 集包地);
an online one also answers the provider's print data (for the print components, and reprints) and can cancel a
number, look it up again and update its address.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session, sessionmaker

from app.domain.messages import Message
from app.domain.waybills import CarrierBalance, WaybillAccount, WaybillRequest
from printers.waybill import Routing

__all__ = [
    "Allocation",
    "CarrierBalance",
    "Issued",
    "ReceiverReveal",
    "RemoteWaybillProvider",
    "WaybillAccount",
    "WaybillProvider",
    "WaybillRequest",
]


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


@dataclass(frozen=True)
class Issued(Allocation):
    """A number an online provider issued (or found again) for the request `object_id`.

    `print_data` is the provider's print document exactly as answered (Cainiao's `print_data` object, PDD's
    likewise; {} when it gave none): the print components take it as it is, and a reprint uses it again.
    `encrypted`: only the provider's print component can render it (our own renderer prints from the cache and
    `routing`). `image`: a label image the provider rendered (Kuaidi100 printType IMAGE), printed through our raster
    path. `carrier`: the carrier code the number belongs to (the provider's `real_cp_code` mapped to ours)."""

    object_id: str = ""
    carrier: str = ""
    print_data: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    encrypted: bool = False
    image: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Refusal:
    """The provider refused one request of a batch clearly (nothing issued for it): its own words, and whether
    the refusal concerns the whole account (no balance, authorisation expired), which stops the batch."""

    object_id: str
    message: Any  # app.domain.messages.Message
    account_level: bool = False


class WaybillProvider(Protocol):
    """Hands out tracking numbers for the accounts of one kind, locally (`remote = False`).

    `max_batch` is how many orders one `allocate` may carry.
    """

    max_batch: int
    remote: bool

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


class ReceiverReveal(Protocol):
    """Reads the receiver of platform orders that hold it only as ciphertexts (Pinduoduo's), for a provider that
    cannot read them: in memory, for the one request, never stored (app.sync.pdd_receiver)."""

    def reveal(
        self, session_factory: sessionmaker[Session], requests: Sequence[WaybillRequest]
    ) -> dict[str, WaybillRequest | Message]:
        """By object_id, each request it concerns with the receiver in plaintext, or why it cannot be read (that
        request is not asked). Requests it does not concern are absent."""
        ...


class RemoteWaybillProvider(Protocol):
    """An online e-waybill service (`remote = True`). Never called inside a database transaction.

    Every method raises, besides what it lists:
        WaybillUnreachable: nothing reached the provider (safe to ask again).
        WaybillRefused: the provider refused clearly (its words in the message); `account_level` when the account
            itself cannot serve (authorisation expired, no balance).
    """

    max_batch: int  # requests per `issue` call (Cainiao and PDD: 10)
    remote: bool
    # A provider may say `ciphertext_platforms`: the platforms whose receiver ciphertexts it reads itself (PDD's
    # e-waybill: "pdd"); the orders of other such platforms are revealed for it (ReceiverReveal) first.

    def issue(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> list[Issued | Refusal]:
        """Asks one number per request (at most `max_batch`), each identified by its `object_id`; one answer per
        request, matched by object_id, in the order of `requests`.

        Raises:
            WaybillUnclear: the call may have issued numbers (answer lost, 5xx after sending): `find` them before
                asking again.
        """
        ...

    def find(self, account: WaybillAccount, requests: Sequence[WaybillRequest]) -> dict[str, Issued]:
        """The live numbers already issued for these requests (Cainiao `ii.query.by.tradecode` by order number and
        object_id), by object_id; a request with none is absent. Cancelled numbers are never returned."""
        ...

    def reprint(self, account: WaybillAccount, carrier: str, tracking_no: str, object_id: str) -> Issued:
        """The print data of an issued number again (`ii.query.by.waybillcode`): a reprint never takes a new
        number."""
        ...

    def cancel(self, account: WaybillAccount, carrier: str, tracking_no: str) -> None:
        """Cancels an issued number whose parcel will not ship (`ii.cancel`). A number the provider no longer
        knows as live (cancelled before) counts as cancelled. Raises WaybillUnclear when the answer was lost."""
        ...

    def update(self, account: WaybillAccount, carrier: str, tracking_no: str, request: WaybillRequest) -> Issued:
        """Changes the receiver of an issued number (the address changed after printing, `ii.update`) and returns
        its new print data and routing. Raises WaybillRefused when the provider cannot update it (then the caller
        cancels and asks a new number)."""
        ...

    def search(self, account: WaybillAccount) -> list[CarrierBalance]:
        """The carriers the account is subscribed to, with their balance and the sender addresses it may use
        (`ii.search`)."""
        ...

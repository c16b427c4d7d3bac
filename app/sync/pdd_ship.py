"""Pinduoduo ship-backs (sync layer): `pdd.logistics.online.send` for one outbox entry, exactly once.

PDD takes the carrier as its own `logistics_id`, listed by `pdd.logistics.companies.get`: the list is cached with the
platform's carriers (platform "pdd", PDD's code, the id as `platform_id`) and read again when a carrier is not in it.
Our codes are PDD's but where the e-waybill codes differ (JT is JTSD, POSTB is YZXB).

The send is a write (`write=True`): PddClient never asks it again after a dropped connection, a 5xx or a hiccup but
raises Unclear, and the outbox keeps the entry as unclear. Before a later attempt, and after any refusal, the order is
read (`pdd.order.information.get`): shipped with our number means done (PDD also answers a send of the same number
again with success). A refusal that stands (a refund or after-sale, a closed order, another number already on it) is
PDD's reason for the seller, never retried.
"""

from __future__ import annotations

from typing import Any

import msgspec
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import NotFound, PackDeskError
from app.domain.messages import msg
from app.domain.outbox import ShipmentPayload
from app.persistence.carriers import PlatformCarrier, PlatformCarriers
from app.sync.gateway import Unclear
from app.sync.pdd import PddClient, PddError, TokenExpired
from app.sync.pdd_order_answers import shipped_with
from app.sync.pdd_orders import read_order
from app.sync.waybills.pdd_requests import wp_code

SEND = "pdd.logistics.online.send"
COMPANIES = "pdd.logistics.companies.get"
PLATFORM = "pdd"


class Company(msgspec.Struct, frozen=True):
    id: int
    code: str
    logistics_company: str | None = None
    available: int | None = None


class Companies(msgspec.Struct, frozen=True):
    logistics_companies: list[Company] = []


class Sent(msgspec.Struct, frozen=True):
    is_success: bool | None = None


class ShipRefused(PackDeskError):
    """PDD refused the ship-back and it did not ship with our number: the seller must act (PDD's reason inside)."""

    code = "pdd_ship_refused"


class PddShipBack:
    """Delivers ship-backs of one PDD shop (its client) and keeps PDD's carrier list cached."""

    def __init__(self, session_factory: sessionmaker[Session], client: PddClient) -> None:
        self.session_factory, self.client = session_factory, client

    def deliver(self, payload: ShipmentPayload, *, verify_first: bool) -> bool:
        """Ships `payload` at PDD once; returns True when it was found already applied (nothing sent now).

        Raises:
            Unclear: the send may have been applied (read the order before sending again).
            ShipRefused: PDD refused it, and the order does not carry our number (PDD's words).
            TokenExpired, Offline: the shop cannot be reached now (nothing known to be applied); PddError (its
                `caller`): PDD refused the shop's client id, signature or clock.
            NotFound: PDD has no such order.
        """
        if verify_first and self._shipped(payload):
            return True
        params: dict[str, Any] = {
            "order_sn": payload.order_no,
            "logistics_id": self.logistics_id(payload),
            "tracking_number": payload.tracking_no,
        }
        try:
            answer = self.client.read(SEND, params, Sent, write=True, root="logistics_online_send_response")
        except PddError as exc:
            if isinstance(exc, TokenExpired) or exc.caller:
                raise  # about the shop's authorisation or keys, not this shipment: nothing was done
            if self._shipped(payload):
                return True  # "already shipped" with this very number is success
            words, code = exc.words, exc.sub_code or str(exc.error_code)
            raise ShipRefused(msg("pdd.ship.refused", order_no=payload.order_no, words=words, code=code)) from exc
        if not answer.is_success:
            raise Unclear(msg("pdd.ship.not_confirmed"))
        return False

    def _shipped(self, payload: ShipmentPayload) -> bool:
        order = read_order(self.client, payload.order_no)
        if order is None:
            raise NotFound(msg("pdd.ship.no_order", order_no=payload.order_no))
        return shipped_with(order, payload.tracking_no)

    def logistics_id(self, payload: ShipmentPayload) -> str:
        """PDD's id of the payload's carrier, from the cached list, which is read again when it lacks the carrier.

        Raises:
            ShipRefused: PDD does not list the carrier.
        """
        code = wp_code(payload.carrier)
        known = self._cached(code)
        if known is None:
            self.refresh_companies()
            known = self._cached(code)
        if known is None:
            raise ShipRefused(msg("pdd.ship.unknown_carrier", carrier=payload.carrier, order_no=payload.order_no))
        return known

    def _cached(self, code: str) -> str | None:
        with self.session_factory() as session:
            found = PlatformCarriers(session).get(PLATFORM, code)
        return found.platform_id if found is not None and found.platform_id else None

    def refresh_companies(self) -> int:
        """Caches PDD's carrier list (codes and logistics ids); returns how many."""
        answer = self.client.read(COMPANIES, {}, Companies, root="logistics_companies_get_response")
        carriers = [
            PlatformCarrier(PLATFORM, c.code.strip().upper(), c.logistics_company or "", "", str(c.id))
            for c in answer.logistics_companies
            if c.code.strip() and c.available != 0
        ]
        with self.session_factory.begin() as session:
            PlatformCarriers(session).store(carriers)
        return len(carriers)

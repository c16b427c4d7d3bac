"""Order queries for the order list and the command line (services layer)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.orders import Order
from app.persistence.repositories import OrderRepository


def list_orders(
    session_factory: sessionmaker[Session], *, status: str | None = None, search: str | None = None, limit: int = 200
) -> list[Order]:
    """Cached orders, most urgent deadline first.

    Raises:
        InvalidInput: for an unknown status or a limit below 1.
    """
    if status and status not in {s.value for s in OrderStatus}:
        known = ", ".join(s.value for s in OrderStatus)
        raise InvalidInput(msg("orders.unknown_status", status=status, known=known))
    if limit < 1:
        raise InvalidInput(msg("orders.limit_too_small"))
    with session_factory() as session:
        return OrderRepository(session).list(status=status, search=search, limit=limit)

"""Split parcels as stored (persistence layer): the units of each line a split puts in the order's next parcel
(order_lines.parcel_qty) and what each shipped parcel carried (package_lines, written when it ships:
app.persistence.repositories.OrderRepository.mark_shipped). The caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.persistence.rows import OrderLineRow, PackageLineRow


class SplitRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def plan(self, order_id: int, units: Mapping[str, int]) -> None:
        """The order's next parcel carries `units` of each line named (0: none of it); the other lines' plan goes."""
        self.clear(order_id)
        for line_no, qty in units.items():
            self.session.execute(
                update(OrderLineRow)
                .where(OrderLineRow.order_id == order_id, OrderLineRow.line_no == line_no)
                .values(parcel_qty=qty)
            )

    def clear(self, order_id: int) -> None:
        """No split any more: the order's next parcel takes all that is left."""
        self.session.execute(update(OrderLineRow).where(OrderLineRow.order_id == order_id).values(parcel_qty=None))

    def parcels_of(self, order_id: int) -> dict[int, dict[str, int]]:
        """What each shipped parcel carried of the order's lines: package id -> line number -> units (parcels shipped
        before migration 0018_splits carry nothing here)."""
        query = (
            select(PackageLineRow.package_id, OrderLineRow.line_no, PackageLineRow.qty)
            .join(OrderLineRow, OrderLineRow.id == PackageLineRow.line_id)
            .where(OrderLineRow.order_id == order_id)
            .order_by(PackageLineRow.package_id, OrderLineRow.id)
        )
        found: dict[int, dict[str, int]] = {}
        for package_id, line_no, qty in self.session.execute(query):
            found.setdefault(package_id, {})[line_no] = qty
        return found

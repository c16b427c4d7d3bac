"""The packages repository: parcels read as domain values and written by intent (persistence layer).

The station and the shipping use case void a parcel, record one for a number typed by hand and mark it shipped
through here; the rows they change are usually in the session already (loaded with their order), so these writes
add no query. Every void goes through `void`, which also hands an online provider's number on the parcel to the
cancels (app.services.waybills.cancels) in the same transaction: a label voided is a number cancelled, later if the
provider cannot be reached now.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.enums import PackageState
from app.domain.packages import Package
from app.domain.waybill_ledger import TRANSITIONS, IssueEvent
from app.persistence.rows import PackageRow, WaybillIssueRow


def to_package(row: PackageRow) -> Package:
    return Package(
        row.id, row.order_id, row.carrier, row.tracking_no, PackageState(row.state), row.print_count, row.routing or {},
        row.insured,
    )  # fmt: skip


class PackageRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, package_id: int) -> PackageRow:
        row = self.session.get(PackageRow, package_id)
        if row is None:
            raise LookupError(f"no package {package_id}")
        return row

    def get(self, package_id: int) -> Package | None:
        row = self.session.get(PackageRow, package_id)
        return to_package(row) if row else None

    def by_tracking(self, tracking_no: str) -> Package | None:
        """The parcel (live or not) that holds `tracking_no`: a number is unique across the database."""
        row = self.session.execute(select(PackageRow).where(PackageRow.tracking_no == tracking_no)).scalars().first()
        return to_package(row) if row else None

    def add(
        self, order_id: int, carrier: str, tracking_no: str, now: datetime, *, account_id: int | None = None,
        routing: dict[str, Any] | None = None, insured: Decimal | None = None,
    ) -> Package:  # fmt: skip
        """Records a new live parcel of `order_id` with its number (allocated, not printed), insured (保价) for
        `insured` yuan when its request was."""
        row = PackageRow(
            order_id=order_id,
            account_id=account_id,
            carrier=carrier,
            tracking_no=tracking_no,
            state=PackageState.ALLOCATED,
            print_count=0,
            routing=routing or {},
            insured=insured,
            created_at=now,
        )
        self.session.add(row)
        self.session.flush()
        return to_package(row)

    def void(self, package_id: int, now: datetime | None = None) -> None:
        """The parcel's label must not be used: its order gets a new one when packed again. An online provider's
        number on it is to be cancelled, unless the parcel shipped (its number travels with it)."""
        row = self._row(package_id)
        shipped = row.state == PackageState.SHIPPED
        row.state = PackageState.VOID
        if not shipped:
            issued, to_cancel = TRANSITIONS[IssueEvent.VOIDED]
            self.session.execute(
                update(WaybillIssueRow)
                .where(WaybillIssueRow.package_id == package_id, WaybillIssueRow.state == issued.value)
                .values(state=to_cancel.value, updated_at=now or datetime.now(UTC))
            )

    def reroute(self, package_id: int, routing: dict[str, Any]) -> None:
        """The carrier's routing of the parcel changed (its receiver was updated with the provider)."""
        self._row(package_id).routing = routing

    def mark_shipped(self, package_id: int, now: datetime) -> None:
        row = self._row(package_id)
        row.state = PackageState.SHIPPED
        row.shipped_at = now

"""The history of one order for the workspace's detail pane: its parcels, print jobs, outbox entries and audit
trail (persistence layer).

The audit log names an order by its number, a parcel by its tracking number and a print job by its id
(app.services.audit callers); the trail gathers all three for the order's parcels, oldest first.
"""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.domain.enums import PrintJobState
from app.domain.messages import Message
from app.domain.order_detail import AuditEntry, Marks, OutboxEntry, ParcelHistory
from app.domain.print_jobs import JobView
from app.persistence.packages import to_package
from app.persistence.rows import AuditRow, OrderRow, OutboxRow, PackageRow, PrintJobRow, ScanEventRow
from app.persistence.splits import SplitRepository

AUDIT_LIMIT = 500  # the newest entries of a long trail


class OrderHistory:
    """Reads of one order's past over one Session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def marks(self, order_id: int) -> Marks:
        """The seller's marks on the order: expedited, held with why, out of stock by hand with why and when."""
        row = self.session.execute(
            select(OrderRow.priority, OrderRow.hold_reason, OrderRow.stock_mark, OrderRow.stock_expected).where(
                OrderRow.id == order_id
            )
        ).one()
        return Marks(int(row.priority or 0), row.hold_reason or "", row.stock_mark or "", row.stock_expected)

    def parcels(self, order_id: int) -> list[ParcelHistory]:
        rows = self.session.execute(
            select(PackageRow).where(PackageRow.order_id == order_id).order_by(PackageRow.id)
        ).scalars()
        carried = SplitRepository(self.session).parcels_of(order_id)  # what each shipped parcel carried
        return [
            ParcelHistory(to_package(r), r.created_at, r.printed_at, r.shipped_at, tuple(carried.get(r.id, {}).items()))
            for r in rows
        ]

    def prints(self, order_id: int, order_no: str) -> list[JobView]:
        query = (
            select(PrintJobRow, PackageRow.tracking_no, PackageRow.carrier)
            .join(PackageRow, PackageRow.id == PrintJobRow.package_id)
            .where(PackageRow.order_id == order_id)
            .order_by(PrintJobRow.id)
        )
        return [
            JobView(
                job.id,
                order_no,
                tracking_no,
                carrier,
                job.printer_uri,
                PrintJobState(job.state),
                job.copy_no,
                Message.decode(job.reason),
                job.attempts,
                job.created_at,
                job.finished_at,
            )  # fmt: skip
            for job, tracking_no, carrier in self.session.execute(query)
        ]

    def outbox(self, order_id: int) -> list[OutboxEntry]:
        rows = self.session.execute(
            select(OutboxRow).where(OutboxRow.order_id == order_id).order_by(OutboxRow.id)
        ).scalars()
        return [
            OutboxEntry(
                r.id,
                r.kind,
                r.state,
                r.created_at,
                r.done_at,
                Message.decode(r.last_error),
                str((r.payload or {}).get("tracking_no") or ""),
            )  # fmt: skip
            for r in rows
        ]

    def audit(self, order_no: str, tracking_nos: list[str], job_ids: list[int]) -> list[AuditEntry]:
        """The entries about the order, its parcels and its print jobs: the newest AUDIT_LIMIT, oldest first."""
        about = [and_(AuditRow.entity == "order", AuditRow.entity_id == order_no)]
        if tracking_nos:
            about.append(and_(AuditRow.entity == "package", AuditRow.entity_id.in_(tracking_nos)))
        if job_ids:
            about.append(and_(AuditRow.entity == "print_job", AuditRow.entity_id.in_([str(j) for j in job_ids])))
        rows = self.session.execute(
            select(AuditRow).where(or_(*about)).order_by(AuditRow.id.desc()).limit(AUDIT_LIMIT)
        ).scalars()
        found = [
            AuditEntry(r.at, r.actor, r.station, r.action, r.entity, r.entity_id, dict(r.detail or {})) for r in rows
        ]
        return found[::-1]

    def scans(self, order_id: int) -> int:
        return int(
            self.session.execute(
                select(func.count()).select_from(ScanEventRow).where(ScanEventRow.order_id == order_id)
            ).scalar_one()
        )

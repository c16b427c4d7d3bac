"""Printing waybills: allocate, record, render, send, confirm (services layer).

Order of work, so that a crash at any point leaves a truthful record:
1. one transaction allocates the tracking number (if the order has none) and records the job as `sending`;
2. the label is rendered and sent, outside any transaction;
3. a second transaction marks the job `sent` (or `failed` with the reason) and counts the print.
A job found in `sending` later was interrupted mid-send: it is "unknown: did it print?", never silently resent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import PackageState, PrintJobState
from app.domain.errors import InvalidInput, NotFound, NotPackable
from app.domain.orders import CHINA_TZ
from app.domain.tracking import carrier
from app.persistence.repositories import OrderRepository, current_package, to_order
from app.persistence.rows import OrderRow, PackageRow, PrintJobRow
from app.services.audit import Actor, audit
from app.services.waybills import allocate
from printers.errors import PrinterError
from printers.media import Media
from printers.registry import LabelPrinter
from printers.waybill import Item, Party, Routing, Waybill

BLOCK_MESSAGES = {
    "closed": "Order {no} is closed (refunded or cancelled): it must not ship.",
    "shipped": "Order {no} has already shipped.",
    "on_hold": "Order {no} is on hold: release it before printing.",
    "refund": "Every item of order {no} has a refund requested: it must not ship.",
}


@dataclass(frozen=True)
class PrintResult:
    order_no: str
    tracking_no: str
    carrier: str
    copy_no: int
    job_id: int
    state: PrintJobState
    bytes_sent: int = 0
    error: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "order_no": self.order_no,
            "tracking_no": self.tracking_no,
            "carrier": self.carrier,
            "copy_no": self.copy_no,
            "job_id": self.job_id,
            "state": self.state.value,
            "bytes_sent": self.bytes_sent,
            "error": self.error,
        }


def build_waybill(order: OrderRow, package: PackageRow, copy_no: int, printed_at: datetime) -> Waybill:
    """The label content of `package`: privacy-masked receiver, the group's sender, packable items only."""
    group = order.shop.group
    sender = (
        Party(
            group.sender_name,
            group.sender_phone,
            "".join((group.sender_province, group.sender_city, group.sender_district, group.sender_detail)),
        )
        if group
        else Party(order.shop.name, "", "")
    )
    city = "" if order.receiver_city == order.receiver_province else order.receiver_city
    routing = package.routing or {}
    return Waybill(
        tracking_no=package.tracking_no,
        carrier_name=carrier(package.carrier).name,
        receiver=Party(
            order.receiver_name,
            order.receiver_phone,
            "".join((order.receiver_province, city, order.receiver_district, order.receiver_town,
                     order.receiver_address)),
        ),
        sender=sender,
        order_no=order.order_no,
        printed_at=printed_at.astimezone(CHINA_TZ),
        routing=Routing(
            routing.get("sort_headline", ""), routing.get("route_code", ""), routing.get("consolidation", "")
        ),
        items=tuple(
            Item(ln.sku, f"{ln.title} {ln.spec.partition(':')[2]}".strip(), ln.qty)
            for ln in order.lines
            if ln.refund_status == "none"
        ),
        buyer_message=order.buyer_message,
        seller_memo=order.seller_memo,
        copy_no=copy_no,
    )


class PrintService:
    """Prints waybills for orders on one printer.

    Args:
        session_factory: opens a Session per transaction.
        printer: where labels go.
        actor: who prints, at which station (recorded in the audit log).
        clock: returns the current time (UTC); injectable for tests.
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        printer: LabelPrinter,
        actor: Actor,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.session_factory = session_factory
        self.printer = printer
        self.actor = actor
        self.clock = clock

    @property
    def media(self) -> Media:
        return self.printer.spec.media

    def print_order(
        self, order_no: str, *, carrier_code: str | None = None, reprint_reason: str | None = None
    ) -> PrintResult:
        """Prints the waybill of one order.

        Raises:
            NotFound: no such order.
            NotPackable: the order is closed, shipped, held or fully refunded.
            InvalidInput: the waybill was printed before and no reprint reason was given.
        """
        with self.session_factory.begin() as session:
            order = OrderRepository(session).row(order_no)
            if order is None:
                raise NotFound(f"No order {order_no} in the cache. Check the number, or sync the shop first.")
            package = current_package(order)
            already = package is not None and package.print_count > 0
            blocked = to_order(order, {}).block_reason()
            if blocked and not (blocked == "shipped" and already and reprint_reason):
                raise NotPackable(BLOCK_MESSAGES[blocked].format(no=order.order_no), reason=blocked)
            if already and not (reprint_reason or "").strip():
                assert package is not None
                raise InvalidInput(
                    f"The waybill of order {order.order_no} ({package.tracking_no}) was already printed "
                    f"{package.print_count} time(s). Give a reason to print it again (--reprint REASON)."
                )
            if package is None:
                package = allocate(session, order, carrier_code)
            copy_no = package.print_count + 1
            now = self.clock()
            job = PrintJobRow(
                package_id=package.id,
                printer_uri=self.printer.spec.uri,
                state=PrintJobState.SENDING,
                copy_no=copy_no,
                reason=reprint_reason.strip() if already and reprint_reason else None,
                created_at=now,
            )
            session.add(job)
            session.flush()
            waybill = build_waybill(order, package, copy_no, now)
            job_id, tracking_no, carrier_code_used = job.id, package.tracking_no, package.carrier
        # The number and the job are committed: whatever happens next, the number is this parcel's alone.
        try:
            sent = self.printer.print_waybill(waybill, f"{tracking_no}-{copy_no}")
        except PrinterError as exc:
            self._finish(job_id, PrintJobState.FAILED, 0, str(exc))
            return PrintResult(order_no, tracking_no, carrier_code_used, copy_no, job_id, PrintJobState.FAILED,
                               error=str(exc))
        self._finish(job_id, PrintJobState.SENT, sent, None)
        return PrintResult(order_no, tracking_no, carrier_code_used, copy_no, job_id, PrintJobState.SENT, sent)

    def _finish(self, job_id: int, state: PrintJobState, sent: int, error: str | None) -> None:
        with self.session_factory.begin() as session:
            job = session.get(PrintJobRow, job_id)
            assert job is not None
            job.state = state
            job.bytes_sent = sent
            job.finished_at = self.clock()
            package = session.get(PackageRow, job.package_id)
            assert package is not None
            order = session.get(OrderRow, package.order_id)
            assert order is not None
            if state is PrintJobState.SENT:
                package.print_count += 1
                package.printed_at = job.finished_at
                if package.state == PackageState.ALLOCATED:
                    package.state = PackageState.PRINTED
                action = "reprint" if job.copy_no > 1 else "print"
                audit(session, self.actor, action, "order", order.order_no, tracking_no=package.tracking_no,
                      copy_no=job.copy_no, printer=job.printer_uri, reason=job.reason)
            else:
                job.reason = error if job.reason is None else f"{job.reason} / failed: {error}"
                audit(session, self.actor, "print_failed", "order", order.order_no,
                      tracking_no=package.tracking_no, printer=job.printer_uri, error=error)


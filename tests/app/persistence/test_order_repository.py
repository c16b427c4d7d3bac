"""The orders and packages repositories on a real SQLite file: an order read as a StoredOrder (by its number or its
parcel's tracking number, with its live parcel and whether one was voided) and the writes named for their intent."""

from __future__ import annotations

from datetime import UTC, datetime

from pdtest.stored import ORDER_NO, add_order
from sqlalchemy import select

from app.domain.enums import OrderStatus, PackageState, RefundStatus
from app.domain.orders import OrderLine
from app.persistence.packages import PackageRepository
from app.persistence.repositories import CatalogueRepository, OrderRepository
from app.persistence.rows import OrderLineRow, OrderRow, PackageRow
from app.services.workspace import Workspace

NOW = datetime(2025, 3, 2, 8, 0, tzinfo=UTC)


def _order_with_parcel(workspace: Workspace, tracking_no: str = "YT1234567890123") -> tuple[int, int]:
    with workspace.session_factory.begin() as session:
        row = add_order(session)
        package = PackageRepository(session).add(row.id, "YTO", tracking_no, NOW)
        return row.id, package.id


def test_found_by_order_number_or_tracking_number(workspace: Workspace) -> None:
    order_id, package_id = _order_with_parcel(workspace)
    with workspace.session_factory() as session:
        orders = OrderRepository(session)
        by_no, by_tracking = orders.find(ORDER_NO), orders.find(" YT1234567890123 ")
        assert by_no == by_tracking
        assert by_no is not None and by_no.id == order_id and by_no.order.order_no == ORDER_NO
        assert by_no.package is not None and by_no.package.id == package_id
        assert (by_no.package.state, by_no.package.printed, by_no.voided) == (PackageState.ALLOCATED, False, False)
        assert by_no.order.tracking_no == "YT1234567890123"
        assert orders.find("nothing-like-it") is None
        assert orders.stored(ORDER_NO, "another shop") is None
        assert orders.stored_by_id(order_id) == by_no


def test_a_voided_parcel_is_no_longer_the_live_one(workspace: Workspace) -> None:
    order_id, package_id = _order_with_parcel(workspace)
    with workspace.session_factory.begin() as session:
        PackageRepository(session).void(package_id)
    with workspace.session_factory() as session:
        stored = OrderRepository(session).stored(ORDER_NO)
        assert stored is not None and stored.package is None and stored.voided
        assert OrderRepository(session).find("YT1234567890123") == stored  # its number still names the order
        voided = PackageRepository(session).by_tracking("YT1234567890123")
        assert voided is not None and voided.state is PackageState.VOID and voided.order_id == order_id


def test_shipped_marks_the_order_its_given_lines_and_the_parcel(workspace: Workspace) -> None:
    order_id, package_id = _order_with_parcel(workspace)
    first_line = ORDER_NO[:-4] + "0001"
    with workspace.session_factory.begin() as session:
        OrderRepository(session).mark_shipped(order_id, [first_line])
        PackageRepository(session).mark_shipped(package_id, NOW)
    with workspace.session_factory() as session:
        # a line without a refund is left: the order is partly shipped (a split), its next parcel not made yet
        assert session.scalar(select(OrderRow.status)) == OrderStatus.PARTLY_SHIPPED.value
        shipped = dict(session.execute(select(OrderLineRow.line_no, OrderLineRow.shipped)).all())
        assert shipped == {first_line: True, ORDER_NO[:-4] + "0002": False}
        package = session.execute(select(PackageRow)).scalar_one()
        assert (package.state, package.shipped_at) == (PackageState.SHIPPED, NOW)
        stored = OrderRepository(session).stored(ORDER_NO)
        assert stored is not None and stored.order.status is OrderStatus.PARTLY_SHIPPED and stored.package is None
        assert [ln.packable for ln in stored.order.lines] == [False, True]
    with workspace.session_factory.begin() as session:
        OrderRepository(session).mark_shipped(order_id, [ORDER_NO[:-4] + "0002"])
    with workspace.session_factory() as session:
        stored = OrderRepository(session).stored(ORDER_NO)
        assert stored is not None and stored.order.status is OrderStatus.SHIPPED  # nothing left: shipped
        assert stored.package is not None and stored.package.id == package_id


def test_a_lifted_hold_waits_for_shipment_again(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        order_id = add_order(session, status=OrderStatus.ON_HOLD.value).id
    with workspace.session_factory.begin() as session:
        OrderRepository(session).lift_hold(order_id)
    with workspace.session_factory() as session:
        stored = OrderRepository(session).stored(ORDER_NO)
        assert stored is not None and stored.order.status is OrderStatus.AWAITING_SHIPMENT


def test_barcodes_are_read_only_when_asked_for(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        order = add_order(session)
        order.lines[0].refund_status = RefundStatus.REQUESTED.value
        line = OrderLine(order.lines[1].line_no, "TEE-01", "T恤", "", 1, order.lines[1].price)
        CatalogueRepository(session).bind("6901234567892", line, 1)
    with workspace.session_factory() as session:
        orders = OrderRepository(session)
        with_codes, without = orders.stored(ORDER_NO, barcodes=True), orders.stored(ORDER_NO)
        assert with_codes is not None and without is not None
        assert [ln.barcodes for ln in with_codes.order.lines] == [(), ("6901234567892",)]
        assert [ln.barcodes for ln in without.order.lines] == [(), ()]
        assert with_codes.order.block_reason() is None and not with_codes.order.lines[0].packable
        assert orders.order_no_of(with_codes.id) == ORDER_NO

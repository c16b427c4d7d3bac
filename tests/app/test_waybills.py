"""Waybill providers (app.services.waybills, app.wiring): the number roll's numbers, the registry by account kind,
and the demo provider the composition root adds. Integration tests against SQLite (the serial is claimed there)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, TrackingExhausted
from app.domain.packages import StoredOrder
from app.domain.tracking import is_valid_s10
from app.persistence.repositories import OrderRepository
from app.persistence.rows import OrderRow, PackageRow, WaybillAccountRow
from app.services.waybills import WaybillAccount, WaybillRequest, allocate, preview_routing, standard_providers
from app.services.workspace import Workspace
from app.wiring import waybill_providers


def orders(session: Session, n: int) -> list[StoredOrder]:
    rows = session.execute(select(OrderRow).order_by(OrderRow.id).limit(n)).scalars()
    return [stored(session, row) for row in rows]


def stored(session: Session, row: OrderRow) -> StoredOrder:
    found = OrderRepository(session).stored_by_id(row.id)
    assert found is not None
    return found


def account_of(row: WaybillAccountRow) -> WaybillAccount:
    return WaybillAccount(row.id, row.name, row.kind, row.carrier)


def make_roll(session: Session, carrier: str, first: int, end: int) -> WaybillAccountRow:
    """Turns the demo group's account for `carrier` into a carrier-issued roll [first, end) and makes it the default."""
    session.execute(update(WaybillAccountRow).values(is_default=False))
    account = session.execute(select(WaybillAccountRow).where(WaybillAccountRow.carrier == carrier)).scalar_one()
    account.kind, account.next_serial, account.serial_end, account.is_default = "roll", first, end, True
    session.flush()
    return account


def test_a_roll_hands_out_its_numbers_in_order_in_the_carrier_format(demo: Workspace) -> None:
    with demo.session_factory.begin() as session:
        make_roll(session, "ZTO", 12_345, 12_348)
        numbers = [allocate(session, o, standard_providers()).tracking_no for o in orders(session, 3)]
        assert numbers == ["70000000012345", "70000000012346", "70000000012347"]
        assert session.execute(select(PackageRow.routing)).scalars().all() == [{}, {}, {}]  # a roll has no routing


def test_an_s10_roll_recomputes_the_check_digit_of_each_serial(demo: Workspace) -> None:
    with demo.session_factory.begin() as session:
        account = account_of(make_roll(session, "EMS", 12_345_679, 12_345_690))
        requests = [WaybillRequest.of(o.order) for o in orders(session, 2)]
        issued = standard_providers().provider(account).allocate(session, requests, account)
        # the check digit is not monotonic: 9 then 8 (platforms.md §4's worked example)
        assert [a.tracking_no for a in issued] == ["EA123456799CN", "EA123456808CN"]
        assert all(is_valid_s10(a.tracking_no) for a in issued)


def test_an_exhausted_roll_says_so_and_takes_nothing(demo: Workspace) -> None:
    with demo.session_factory.begin() as session:
        account = make_roll(session, "ZTO", 500, 502)
        first, second, third = orders(session, 3)
        roll = standard_providers().provider(account_of(account))
        with pytest.raises(TrackingExhausted) as refused:  # three asked, two left: none is taken
            roll.allocate(session, [WaybillRequest.of(o.order) for o in (first, second, third)], account_of(account))
        assert refused.value.message == "The 中通快递 waybill account 'ZTO 演示账户' has no tracking numbers left."
        assert allocate(session, first, standard_providers()).tracking_no == "70000000000500"
        assert allocate(session, second, standard_providers()).tracking_no == "70000000000501"
        with pytest.raises(TrackingExhausted):
            allocate(session, third, standard_providers())
        assert session.get(WaybillAccountRow, account.id).next_serial == 502
        assert session.execute(select(PackageRow.order_id)).scalars().all() == [first.id, second.id]


def test_an_account_whose_kind_has_no_provider_is_refused_by_name(demo: Workspace) -> None:
    with demo.session_factory.begin() as session:
        account = make_roll(session, "ZTO", 1, 10)
        account.kind = "jd"
        with pytest.raises(InvalidInput) as refused:
            allocate(session, orders(session, 1)[0], waybill_providers())
        assert refused.value.msg.id == "waybill.no_provider"
        assert refused.value.message == (
            "The waybill account 'ZTO 演示账户' is of kind 'jd', which this installation cannot issue numbers for "
            "(it can for: cainiao, demo, kuaidi100, pdd, roll)."
        )
        assert session.execute(select(PackageRow.id)).first() is None
        assert account.next_serial == 1


def test_the_demo_accounts_are_served_only_where_the_composition_root_adds_the_demo(demo: Workspace) -> None:
    with demo.session_factory.begin() as session:
        row = session.execute(select(OrderRow).order_by(OrderRow.id).limit(1)).scalar_one()
        row.receiver_province, row.receiver_city, row.receiver_district = "上海市", "上海市", "浦东新区"
        order = stored(session, row)
        with pytest.raises(InvalidInput):
            allocate(session, order, standard_providers())
        assert preview_routing(session, order, standard_providers()) == ("ZTO", {})
        carrier, routing = preview_routing(session, order, waybill_providers())
        package = allocate(session, order, waybill_providers())
        assert (carrier, package.carrier) == ("ZTO", "ZTO")
        assert package.routing == routing
        assert routing["sort_headline"] == "021 上海" and routing["consolidation"] == "上海转运中心"
        assert routing["route_code"].startswith("021-110-")  # 浦东新区 is the city's first district

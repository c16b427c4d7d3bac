"""Waybill accounts, a group's sender and a parcel's routing on a real SQLite file: the account serving a shop (by
carrier, else the default), none without a group, the sender a label prints, and the routing read back with the
parcel."""

from __future__ import annotations

from datetime import UTC, datetime

from pdtest.stored import add_order

from app.domain.shops import Sender
from app.domain.waybills import WaybillAccount
from app.persistence.packages import PackageRepository
from app.persistence.rows import ShopGroupRow, WaybillAccountRow
from app.persistence.shops import ShopRepository
from app.persistence.waybill_accounts import WaybillAccounts
from app.services.workspace import Workspace

NOW = datetime(2025, 3, 2, 8, 0, tzinfo=UTC)


def _grouped(workspace: Workspace) -> tuple[int, int]:
    """A shop in a group with two accounts (YTO, then ZTO as the default); (shop id, group id)."""
    with workspace.session_factory.begin() as session:
        order = add_order(session)
        group = ShopGroupRow(name="关联组", sender_name="王*", sender_phone="0571-1", sender_city="杭州市")
        group.accounts = [
            WaybillAccountRow(carrier="YTO", name="圆通", kind="roll", next_serial=1, serial_end=9),
            WaybillAccountRow(carrier="ZTO", name="中通", kind="roll", next_serial=1, serial_end=9, is_default=True),
        ]
        order.shop.group = group
        session.flush()
        return order.shop_id, group.id


def test_the_account_serving_a_group_is_the_carriers_else_the_default(workspace: Workspace) -> None:
    shop_id, group_id = _grouped(workspace)
    with workspace.session_factory() as session:
        accounts = WaybillAccounts(session)
        assert accounts.group_of(shop_id) == group_id
        by_default, yto = accounts.serving(group_id), accounts.serving(group_id, "YTO")
        assert isinstance(by_default, WaybillAccount) and (by_default.name, by_default.kind) == ("中通", "roll")
        assert yto is not None and yto.carrier == "YTO" and yto.id != by_default.id
        assert accounts.serving(group_id, "SF") is None
        assert accounts.serving(group_id + 1) is None


def test_a_shop_without_a_group_has_no_accounts_and_no_sender(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        shop_id = add_order(session).shop_id
    with workspace.session_factory() as session:
        assert WaybillAccounts(session).group_of(shop_id) is None
        assert ShopRepository(session).sender_of(shop_id) is None


def test_the_sender_is_the_groups(workspace: Workspace) -> None:
    shop_id, _ = _grouped(workspace)
    with workspace.session_factory() as session:
        assert ShopRepository(session).sender_of(shop_id) == Sender("王*", "0571-1", "", "杭州市", "", "")


def test_a_parcel_is_read_back_with_its_routing(workspace: Workspace) -> None:
    routing = {"sort_headline": "021 上海", "route_code": "021-110-01", "consolidation": "上海转运中心"}
    with workspace.session_factory.begin() as session:
        packages = PackageRepository(session)
        order_id = add_order(session).id
        added = packages.add(order_id, "ZTO", "70000000000001", NOW, routing=routing)
        bare = packages.add(add_order(session, "4917569714976318075").id, "ZTO", "70000000000002", NOW)
    with workspace.session_factory() as session:
        assert PackageRepository(session).get(added.id) == added and added.routing == routing
        assert PackageRepository(session).by_tracking("70000000000002").routing == {} == bare.routing

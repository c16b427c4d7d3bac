"""The shops repository on a real SQLite file: shops and their groups read back as domain values, the API connection,
the group's sender and where each shop's sync stands."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.enums import Platform
from app.domain.messages import msg
from app.domain.shops import Sender, Shop, SyncState
from app.persistence.shops import ShopRepository
from app.services.workspace import Workspace

NOW = datetime(2025, 3, 2, 8, 0, tzinfo=UTC)
SENDER = Sender("王小二", "13800000000", "浙江省", "杭州市", "余杭区", "文一西路1号")


def test_a_shop_reads_back_as_a_domain_value(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        shops = ShopRepository(session)
        added = shops.add("小鹿生活馆", Platform.PDD, NOW, group="杭州仓")
        shops.add("淘宝店", Platform.TAOBAO, NOW)
    with workspace.session_factory() as session:
        shops = ShopRepository(session)
        assert shops.by_name("小鹿生活馆") == added == Shop(added.id, "小鹿生活馆", Platform.PDD, group="杭州仓")
        assert shops.get(added.id) == added and shops.get(added.id + 100) is None and shops.by_name("nope") is None
        assert shops.names() == ["小鹿生活馆", "淘宝店"]
        assert not added.has_api and shops.api_shop_count() == 0


def test_connecting_the_api(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        shops = ShopRepository(session)
        shop = shops.add("淘宝店", Platform.TAOBAO, NOW)
        shops.add("拼多多店", Platform.PDD, NOW)
        connected = shops.connect_api(
            shop.id, gateway="https://gw.example", app_key="123", credentials_ref="shop:淘宝店"
        )
    with workspace.session_factory() as session:
        shops = ShopRepository(session)
        assert connected.has_api and shops.get(shop.id) == connected
        assert connected.app_key == "123" and connected.credentials_ref == "shop:淘宝店"
        assert shops.api_shops(Platform.TAOBAO) == [connected] and shops.api_shops(Platform.PDD) == []
        assert shops.api_shop_count() == 1


def test_the_groups_sender_shows_in_the_shop_list(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        shops = ShopRepository(session)
        shops.add("a", Platform.TAOBAO, NOW, group="仓")
        shops.set_group_sender("仓", SENDER)
        shops.set_group_sender("新组", SENDER)  # a group is created when new
        shops.add("b", Platform.TAOBAO, NOW)
    with workspace.session_factory() as session:
        a, b = ShopRepository(session).views()
        assert (a.name, a.group, a.sender, a.api) == (
            "a",
            "仓",
            "王小二 13800000000 浙江省杭州市余杭区文一西路1号",
            False,
        )
        assert (b.group, b.sender, b.last_sync, b.last_error) == ("", "", None, None)


def test_sync_state_success_then_error(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        shop = ShopRepository(session).add("淘宝店", Platform.TAOBAO, NOW)
    with workspace.session_factory.begin() as session:
        shops = ShopRepository(session)
        assert shops.sync_state(shop.id) == SyncState() and shops.sync_states() == []
        shops.record_sync_success(shop.id, NOW - timedelta(minutes=5), NOW)
    later = NOW + timedelta(hours=1)
    with workspace.session_factory.begin() as session:
        ShopRepository(session).record_sync_error(shop.id, msg("outbox.not_confirmed"), later)
    with workspace.session_factory() as session:
        shops = ShopRepository(session)
        state = SyncState(NOW - timedelta(minutes=5), NOW, msg("outbox.not_confirmed"), later)
        assert shops.sync_state(shop.id) == state and shops.sync_states() == [state]
        (view,) = shops.views()
        assert view.last_sync == NOW and view.last_error == msg("outbox.not_confirmed")
    with workspace.session_factory.begin() as session:
        ShopRepository(session).record_sync_success(shop.id, later, later)
    with workspace.session_factory() as session:
        assert ShopRepository(session).sync_state(shop.id) == SyncState(later, later, None, later)

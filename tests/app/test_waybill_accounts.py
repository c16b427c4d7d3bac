"""Setting up waybill accounts (app.services.waybills.accounts, app.persistence.waybill_accounts) on a real SQLite
file: number rolls checked against the carrier's format and check digit, never overlapping; who uses an account (a
group, a shop's group made for it); an online account's carriers, balances and sender addresses as its provider
answered them; the group's default account and carrier; and every refusal changing nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pdtest.stored import add_order
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound, PackDeskError
from app.domain.waybills import CarrierBalance, SenderAddress
from app.persistence.repositories import OrderRepository
from app.persistence.rows import OrderRow, ShopGroupRow, ShopRow, WaybillAccountCarrierRow, WaybillAccountRow
from app.persistence.waybill_accounts import WaybillAccounts
from app.services.waybills import allocate
from app.services.waybills.accounts import (
    AccountSpec,
    ChooseAddress,
    change_account,
    find_account,
    list_accounts,
    roll_range,
    save_account,
    set_default,
)
from app.services.workspace import Workspace
from app.wiring import waybill_providers

NOW = datetime(2025, 3, 2, 8, 0, tzinfo=UTC)
HANGZHOU = SenderAddress("101", "浙江省", "杭州市", "余杭区", "仓前街道", "文一西路1500号")
SHANGHAI = SenderAddress("202", "上海市", "上海市", "青浦区", "", "华新镇华志路1号")


def roll(name: str, first: str, count: int, carrier: str = "ZTO", **more: object) -> AccountSpec:
    return AccountSpec(name=name, kind="roll", carrier=carrier, first=first, count=count, **more)  # type: ignore[arg-type]


def cainiao(name: str = "菜鸟", **more: object) -> AccountSpec:
    values: dict[str, object] = {"gateway": "https://eco.taobao.com/router/rest", "app_key": "12345678"}
    values.update(more)
    return AccountSpec(name=name, kind="cainiao", credentials_ref=f"waybill:{name}", **values)  # type: ignore[arg-type]


def answered(*carriers: tuple[str, int | None, tuple[SenderAddress, ...]]) -> list[CarrierBalance]:
    return [CarrierBalance(code, balance, "B1", "网点", addresses) for code, balance, addresses in carriers]


def refused(session: Session, call: object, error: type[PackDeskError] = InvalidInput) -> PackDeskError:
    """Runs `call`, which must be refused with `error`; nothing it did is kept (a savepoint rolled back)."""
    before = _counts(session)
    with pytest.raises(error) as caught, session.begin_nested():
        call()  # type: ignore[operator]
    assert _counts(session) == before
    return caught.value


def _counts(session: Session) -> tuple[int, int, int]:
    return (
        session.scalar(select(func.count()).select_from(WaybillAccountRow)) or 0,
        session.scalar(select(func.count()).select_from(WaybillAccountCarrierRow)) or 0,
        session.scalar(select(func.count()).select_from(ShopGroupRow)) or 0,
    )


@pytest.fixture
def shop(workspace: Workspace) -> Workspace:
    """One shop, in no group, with one order waiting."""
    with workspace.session_factory.begin() as session:
        add_order(session, shop_name="小鹿家居")
    return workspace


# -- number rolls ----------------------------------------------------------------------------------------------------


def test_a_roll_for_a_shop_gets_the_shops_own_group_and_serves_its_orders(shop: Workspace) -> None:
    with shop.session_factory.begin() as session:
        view = save_account(session, roll("中通号段", "73600316247086", 3, for_shop="小鹿家居"), None, NOW)
        assert (view.provider, view.carrier, view.group, view.shops) == ("roll", "ZTO", "小鹿家居", ("小鹿家居",))
        assert view.is_default and [(c.code, c.balance) for c in view.carriers] == [("ZTO", 3)]
        group = session.execute(select(ShopRow.group_id).where(ShopRow.name == "小鹿家居")).scalar_one()
        assert session.get(ShopGroupRow, group).name == "小鹿家居"
    with shop.session_factory.begin() as session:
        order = OrderRepository(session).stored_by_id(session.execute(select(func.min(OrderRow.id))).scalar_one())
        assert order is not None
        assert allocate(session, order, waybill_providers()).tracking_no == "73600316247086"
    with shop.session_factory() as session:
        # a roll's balance is what is left of its range, always current
        assert find_account(session, "中通号段").balance == 2


def test_an_s10_roll_needs_the_right_check_digit(shop: Workspace) -> None:
    with shop.session_factory.begin() as session:
        wrong = refused(session, lambda: save_account(session, roll("邮政", "EA123456798CN", 5, "EMS"), None, NOW))
        assert wrong.msg.id == "accounts.roll_check_digit"
        assert "EA123456799CN" in wrong.message
        view = save_account(session, roll("邮政", "ea12345679 9cn", 5, "EMS", group="邮政组"), None, NOW)
        assert view.balance == 5 and view.group == "邮政组"
    assert roll_range("EMS", "EA123456799CN", 5) == (12_345_679, 12_345_684)


@pytest.mark.parametrize(
    ("first", "count", "carrier", "message_id"),
    [
        ("YT6491907189408", 10, "ZTO", "accounts.roll_not_carrier"),  # a YTO number on a ZTO roll
        ("7360031624708", 10, "ZTO", "accounts.roll_not_carrier"),  # a digit short
        ("73600316247086", 0, "ZTO", "accounts.count_positive"),
        ("73600316247086", -5, "ZTO", "accounts.count_positive"),
        ("79999999999999", 2, "ZTO", "accounts.roll_past_end"),
        ("73600316247086", 10, "DHL", "carrier.unknown"),
        ("", 10, "ZTO", "accounts.roll_needs"),
    ],
)
def test_a_roll_outside_the_carriers_format_is_refused(
    shop: Workspace, first: str, count: int, carrier: str, message_id: str
) -> None:
    with shop.session_factory.begin() as session:
        spec = roll("号段", first, count, carrier, for_shop="小鹿家居")
        assert refused(session, lambda: save_account(session, spec, None, NOW)).msg.id == message_id


def test_rolls_never_overlap_and_a_rolls_range_never_changes(shop: Workspace) -> None:
    with shop.session_factory.begin() as session:
        save_account(session, roll("一号段", "73600316247086", 100, for_shop="小鹿家居"), None, NOW)
        overlap = refused(session, lambda: save_account(session, roll("二号段", "73600316247185", 5), None, NOW))
        assert overlap.msg.id == "accounts.roll_overlaps" and overlap.msg.params["account"] == "一号段"
        again = refused(session, lambda: save_account(session, roll("一号段", "73600316250000", 5), None, NOW))
        assert again.msg.id == "accounts.roll_exists"
        after = save_account(session, roll("二号段", "73600316247186", 5), None, NOW)  # right after the first
        assert after.balance == 5 and not after.is_default  # the group has its default already


def test_an_account_with_nobody_to_serve_asks_who(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        add_order(session, shop_name="甲店")
        add_order(session, "4917569714976318075", shop_name="乙店")
        who = refused(session, lambda: save_account(session, roll("号段", "73600316247086", 5), None, NOW))
        assert who.msg.id == "accounts.group_or_shop" and "Shops: 乙店, 甲店." in who.message
        nobody = refused(
            session,
            lambda: save_account(session, roll("号段", "73600316247086", 5, for_shop="丙店"), None, NOW),
            NotFound,
        )
        assert nobody.msg.id == "shop.not_found"
        both = roll("号段", "73600316247086", 5, for_shop="甲店", group="组")
        assert refused(session, lambda: save_account(session, both, None, NOW)).msg.id == "accounts.group_and_shop"


def test_an_unknown_provider_is_refused(shop: Workspace) -> None:
    with shop.session_factory.begin() as session:
        spec = AccountSpec(name="京东", kind="jd", for_shop="小鹿家居")
        unknown = refused(session, lambda: save_account(session, spec, None, NOW))
        assert unknown.msg.id == "accounts.unknown_provider" and "cainiao, pdd, kuaidi100, roll" in unknown.message


# -- online accounts: what the provider answered --------------------------------------------------------------------


def test_an_online_account_keeps_its_carriers_balances_and_its_only_address(shop: Workspace) -> None:
    with shop.session_factory.begin() as session:
        view = save_account(
            session,
            cainiao(for_shop="小鹿家居", warn_below=50),
            answered(("ZTO", 1200, (HANGZHOU,)), ("YTO", 30, (HANGZHOU,))),
            NOW,
        )
    assert (view.carrier, view.address_id, view.balance, view.low) == ("ZTO", "101", 1200, False)
    by_code = {c.code: c for c in view.carriers}
    assert by_code["YTO"].low and not by_code["ZTO"].low
    assert by_code["ZTO"].address == SenderAddress(*HANGZHOU.to_json().values())  # no sender name in a fresh group
    data = view.to_json()
    assert data["carriers"][1] == data["carriers"][1] | {"code": "YTO", "balance": 30, "low": True}
    assert data["carriers"][0]["address"]["address_id"] == "101" and data["shops"] == ["小鹿家居"]
    with shop.session_factory() as session:
        accounts = WaybillAccounts(session)
        group = accounts.group_of(session.execute(select(ShopRow.id)).scalar_one())
        assert group is not None
        served = accounts.serving(group)
        assert served is not None and served.sender is not None and served.sender.address_id == "101"
        # a carrier the account is subscribed to, not its default: served as an account of that carrier
        yto = accounts.serving(group, "YTO")
        assert yto is not None and (yto.name, yto.carrier) == ("菜鸟", "YTO")
        assert accounts.serving(group, "SF") is None


def test_several_addresses_ask_for_a_choice_and_only_returned_ones_are_taken(shop: Workspace) -> None:
    carriers = answered(("ZTO", 100, (HANGZHOU, SHANGHAI)))
    with shop.session_factory.begin() as session:
        choose = refused(
            session, lambda: save_account(session, cainiao(for_shop="小鹿家居"), carriers, NOW), ChooseAddress
        )
        assert isinstance(choose, ChooseAddress) and [a.address_id for a in choose.addresses] == ["101", "202"]
        assert "101 (浙江省杭州市余杭区仓前街道文一西路1500号)" in choose.message
        spec = cainiao(for_shop="小鹿家居", address_id="999")
        unknown = refused(session, lambda: save_account(session, spec, carriers, NOW))
        assert (
            unknown.msg.id == "accounts.address_unknown"
            and "202 (上海市上海市青浦区华新镇华志路1号)" in unknown.message
        )
        view = save_account(session, cainiao(for_shop="小鹿家居", address_id="202"), carriers, NOW)
        assert view.address_id == "202" and view.carrier_view().address.detail == "华新镇华志路1号"


def test_a_default_carrier_must_be_subscribed_and_an_account_must_have_one(shop: Workspace) -> None:
    with shop.session_factory.begin() as session:
        spec = cainiao(for_shop="小鹿家居", carrier="SF")
        other = refused(session, lambda: save_account(session, spec, answered(("ZTO", 5, (HANGZHOU,))), NOW))
        assert other.msg.id == "accounts.not_subscribed" and other.msg.params["known"] == "ZTO"
        none = refused(session, lambda: save_account(session, cainiao(for_shop="小鹿家居"), [], NOW))
        assert none.msg.id == "accounts.no_carriers"


def test_an_online_account_asked_again_replaces_its_carriers_and_keeps_its_choices(shop: Workspace) -> None:
    with shop.session_factory.begin() as session:
        carriers = answered(("ZTO", 100, (HANGZHOU, SHANGHAI)), ("YTO", 80, (SHANGHAI,)))
        save_account(
            session, cainiao(for_shop="小鹿家居", address_id="202", carrier="YTO", warn_below=10), carriers, NOW
        )
    with shop.session_factory.begin() as session:
        # asked again: ZTO no longer subscribed, YTO's balance changed; the address, carrier and threshold stay
        view = save_account(session, cainiao(), answered(("YTO", 7, (SHANGHAI, HANGZHOU))), NOW)
        assert [(c.code, c.balance, c.low) for c in view.carriers] == [("YTO", 7, True)]
        assert (view.address_id, view.carrier, view.warn_below, view.group) == ("202", "YTO", 10, "小鹿家居")
        kind = refused(session, lambda: save_account(session, roll("菜鸟", "73600316247086", 5), None, NOW))
        assert kind.msg.id == "accounts.other_kind"


def test_the_group_default_account_and_carrier(shop: Workspace) -> None:
    with shop.session_factory.begin() as session:
        save_account(session, roll("中通号段", "73600316247086", 10, for_shop="小鹿家居"), None, NOW)
        save_account(session, cainiao(for_shop="小鹿家居"), answered(("ZTO", 5, (HANGZHOU,)), ("YTO", 9, ())), NOW)
        assert [a.name for a in list_accounts(session) if a.is_default] == ["中通号段"]
        view = set_default(session, "菜鸟", "YTO")
        assert view.is_default and view.carrier == "YTO"
        assert [a.name for a in list_accounts(session) if a.is_default] == ["菜鸟"]
        group = session.execute(select(ShopRow.group_id)).scalar_one()
        served = WaybillAccounts(session).serving(group)
        assert served is not None and (served.name, served.carrier) == ("菜鸟", "YTO")
        assert refused(session, lambda: set_default(session, "中通号段", "YTO")).msg.id == "accounts.roll_one_carrier"
        assert refused(session, lambda: set_default(session, "菜鸟", "SF")).msg.id == "accounts.not_subscribed"
        assert refused(session, lambda: set_default(session, "圆通", None), NotFound).msg.id == "accounts.not_found"
        low = change_account(session, "中通号段", warn_below=20)
        assert low.low and low.warn_below == 20
        assert refused(session, lambda: change_account(session, "中通号段", warn_below=-1)).msg.id == (
            "accounts.warn_below_negative"
        )

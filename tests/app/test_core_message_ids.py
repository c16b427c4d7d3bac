"""What the core refuses, it says with catalogue ids: the window and the command line can then say it in Chinese.

Each case makes a real refusal (shops, orders, shipping, waybills, station options, serial devices, the database) and
checks that the error carries a catalogue message all the way down (a nested reason too), never plain English text,
and that its English is what it always was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from app.domain.enums import OrderStatus, Platform
from app.domain.errors import DatabaseError, InvalidInput, NotFound, NotPackable, PackDeskError, TrackingExhausted
from app.domain.messages import CATALOG, PLAIN, Message, of_error
from app.persistence.db import make_engine, sqlite_url, translate_db_errors, upgrade
from app.persistence.repositories import OrderRepository
from app.persistence.rows import OrderRow, PackageRow, PlatformCarrierRow, WaybillAccountRow
from app.scanning.serial_devices import SerialScanner, parse_serial_uri
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.shipping import ship_order
from app.services.station_options import StationOptions, validate
from app.services.waybills import account_for, allocate
from app.services.workspace import Workspace
from app.sync import shops
from app.sync.shops import Credentials
from app.wiring import waybill_providers

NOW = datetime(2025, 3, 14, 4, 0, tzinfo=UTC)
ACTOR = Actor("t", "bench")


def ids_of(message: Message) -> list[str]:
    """The ids of a message and of every message among its parameters."""
    found = [message.id]
    for value in message.params.values():
        if isinstance(value, Message):
            found += ids_of(value)
    return found


def refusal(action: Callable[[], object], kind: type[PackDeskError] = PackDeskError) -> Message:
    """The message of the error `action` raises; every part of it must come from the catalogue."""
    with pytest.raises(kind) as caught:
        action()
    message = of_error(caught.value)
    ids = ids_of(message)
    assert PLAIN not in ids and all(i in CATALOG for i in ids), ids
    assert caught.value.message == message.render()
    return message


def packable(ws: Workspace) -> list[str]:
    return [o.order_no for o in list_orders(ws.session_factory, limit=1000) if o.block_reason() is None]


# -- shops ---------------------------------------------------------------------------------------------------------


def test_shop_refusals(demo: Workspace, tmp_path: Path) -> None:
    with demo.session_factory() as session:
        unknown = refusal(lambda: shops.find_shop(session, "nope"), NotFound)
        assert unknown.id == "shop.not_found" and "No shop named 'nope'. Shops here: 小鹿家居旗舰店" in unknown.render()
        assert refusal(lambda: shops.platform_of("ebay"), InvalidInput).render().startswith("Unknown platform 'ebay'")
        assert refusal(lambda: shops.ensure_shop(session, " ", Platform.TAOBAO, NOW)).id == "shop.name_missing"
        other = refusal(lambda: shops.ensure_shop(session, "小鹿生活馆", Platform.PDD, NOW))
        assert other.render() == "Shop '小鹿生活馆' is a taobao shop, not pdd."

        def add(gateway: str = "https://gw.example/router", key: str = "k", secret: str = "s") -> object:
            creds = Credentials(secret, "session")
            return shops.add_api_shop(
                session, tmp_path, name="x", platform=Platform.TAOBAO, gateway=gateway, app_key=key,
                credentials=creds, now=NOW,
            )  # fmt: skip

        assert refusal(lambda: add(gateway="ftp://gw")).id == "shop.gateway_not_http"
        assert refusal(lambda: add(key=" ")).id == "shop.app_key_empty"
        assert refusal(lambda: add(secret="")).id == "shop.secrets_missing"
        assert refusal(lambda: shops.set_group_sender(
            session, "g", name="", phone="1", province="p", city="", district="", detail="d"
        )).id == "shop.sender_incomplete"  # fmt: skip
    empty = tmp_path / "empty"
    empty.mkdir()
    assert refusal(lambda: shops.load_credentials(empty, "shop:x"), NotFound).id == "shop.secrets_not_stored"
    (empty / shops.FALLBACK_FILE).write_text("{not json", encoding="utf-8")
    unreadable = refusal(lambda: shops.load_credentials(empty, "shop:x"), InvalidInput)
    assert unreadable.id == "shop.secrets_file_unreadable" and str(empty / shops.FALLBACK_FILE) in unreadable.render()


def test_no_shop_yet(workspace: Workspace) -> None:
    with workspace.session_factory() as session:
        message = refusal(lambda: shops.find_shop(session, "nope"), NotFound)
    assert message.render() == "No shop named 'nope'. There are no shops yet: add one with `shop add`."


def test_secrets_kept_in_a_file_are_announced_with_an_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    warning = shops.store_credentials(tmp_path, "shop:x", Credentials("s", "k"))
    assert isinstance(warning, Message) and warning.id == "shop.secrets_in_file"
    assert f"the shop's secrets are kept in {tmp_path / shops.FALLBACK_FILE} (readable only by you)" in warning.render()


# -- orders and shipping -------------------------------------------------------------------------------------------


def test_order_list_refusals(workspace: Workspace) -> None:
    status = refusal(lambda: list_orders(workspace.session_factory, status="nonsense"), InvalidInput)
    assert status.id == "orders.unknown_status" and status.render().startswith("Unknown status 'nonsense'. Use one of:")
    assert refusal(lambda: list_orders(workspace.session_factory, limit=0)).render() == "--limit must be at least 1."


def test_shipping_refusals(demo: Workspace) -> None:
    first, second, third = packable(demo)[:3]

    def ship(order_no: str, carrier: str = "ZTO", tracking: str = "73600316247086") -> object:
        return ship_order(demo.session_factory, order_no, carrier, tracking, ACTOR, NOW)

    assert refusal(lambda: ship(first, carrier="NOPE"), InvalidInput).id == "carrier.unknown"
    assert refusal(lambda: ship(first, tracking="12")).render() == (
        "'12' is not a tracking number: use 8-40 letters and digits."
    )
    assert refusal(lambda: ship("1234"), NotFound).render() == "No order 1234 in the cache."
    ship(first)
    used = refusal(lambda: ship(second))
    assert used.render() == f"Tracking number 73600316247086 is already used by order {first}."
    with demo.session_factory.begin() as session:
        session.execute(update(OrderRow).where(OrderRow.order_no == third).values(status=OrderStatus.ON_HOLD.value))
    blocked = refusal(lambda: ship(third), NotPackable)
    assert blocked.render() == f"Order {third} cannot ship: on hold." and ids_of(blocked)[1] == "order.blocked.on_hold"
    with demo.session_factory.begin() as session:
        session.add(PlatformCarrierRow(platform="taobao", code="YTO", name="圆通速递", pattern=r"YT\d{13}"))
        session.execute(update(OrderRow).values(platform="taobao"))
    pattern = refusal(lambda: ship(second, carrier="YTO", tracking="73600316247999"))
    assert pattern.id == "shipping.platform_pattern" and "the platform would refuse the shipment" in pattern.render()


def test_a_doubtful_number_warns_with_an_id(demo: Workspace) -> None:
    result = ship_order(demo.session_factory, packable(demo)[0], "SF", "73600316247086", ACTOR, NOW)
    assert isinstance(result.warning, Message) and result.warning.id == "shipping.number_unlike_carrier"
    assert result.to_json()["warning"] == "73600316247086 does not look like a SF number; recorded as SF as you said."


def test_a_printed_waybill_is_not_replaced(demo: Workspace) -> None:
    order_no = packable(demo)[0]
    with demo.session_factory.begin() as session:
        order = OrderRepository(session).stored(order_no)
        assert order is not None
        session.get(PackageRow, allocate(session, order, waybill_providers()).id).print_count = 1
    message = refusal(lambda: ship_order(demo.session_factory, order_no, "ZTO", "73600316247086", ACTOR, NOW))
    assert message.id == "shipping.already_printed"


# -- waybill accounts ----------------------------------------------------------------------------------------------


def test_waybill_account_refusals(demo: Workspace) -> None:
    with demo.session_factory() as session:
        row = session.execute(select(OrderRow).where(OrderRow.order_no == packable(demo)[0])).scalar_one()
        order = OrderRepository(session).stored(row.order_no)
        assert order is not None
        assert refusal(lambda: account_for(session, order, "NOPE"), InvalidInput).id == "carrier.unknown"
        missing = refusal(lambda: account_for(session, order, "JT"), NotFound)
        assert missing.render() == (
            f"Shop '{row.shop.name}' has no JT waybill account: add one for its shop group, then print again."
        )
        session.execute(update(WaybillAccountRow).values(next_serial=WaybillAccountRow.serial_end))
        exhausted = refusal(lambda: allocate(session, order, waybill_providers()), TrackingExhausted)
        assert exhausted.id == "waybill.exhausted"
        session.execute(delete(WaybillAccountRow))
        assert refusal(lambda: account_for(session, order), NotFound).id == "waybill.no_account"
        row.shop.group_id = None
        assert refusal(lambda: account_for(session, order), NotFound).id == "waybill.no_group"
        session.rollback()


# -- station options and serial devices ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "ids"),
    [
        ({"lock_after_min": -1}, ["station.out_of_range", "station.field.lock_after"]),
        ({"wedge_max_gap_ms": 500}, ["station.out_of_range", "station.field.longest_gap"]),
        ({"wedge_prefix": "\t"}, ["station.affix_too_long", "station.field.prefix"]),
        ({"scale_uri": "serial://COM4?baud=fast"}, ["station.serial_invalid", "station.field.scale", "serial.baud"]),
        ({"scanner_uri": "serial://COM4", "scale_uri": "serial://COM4"}, ["station.same_port"]),
    ],
)
def test_station_option_refusals(change: dict[str, object], ids: list[str]) -> None:
    message = refusal(lambda: validate(replace(StationOptions(), **change)), InvalidInput)
    assert ids_of(message) == ids


def test_serial_refusals() -> None:
    assert refusal(lambda: parse_serial_uri("COM3")).id == "serial.not_serial"
    assert refusal(lambda: parse_serial_uri("serial://?baud=9600")).render() == "'serial://?baud=9600' names no port."
    scanner = SerialScanner("serial:///dev/nonexistent-packdesk-port", lambda code: None)
    opening = refusal(scanner.start, InvalidInput)
    assert opening.id == "serial.cannot_open" and "/dev/nonexistent-packdesk-port" in opening.render()


# -- the database --------------------------------------------------------------------------------------------------


def test_database_refusals(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    assert refusal(lambda: upgrade(make_engine(sqlite_url(foreign))), DatabaseError).id == "database.foreign"

    newer = tmp_path / "newer.db"
    upgrade(make_engine(sqlite_url(newer)))
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    message = refusal(lambda: upgrade(make_engine(sqlite_url(newer))), DatabaseError)
    assert message.render() == (
        "This database was written by a newer PackDesk (schema ffff_future); update PackDesk before opening it."
    )

    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(range(256)) * 64)
    assert refusal(lambda: upgrade(make_engine(sqlite_url(damaged))), DatabaseError).id == "database.damaged"

    def failing_query() -> None:
        with translate_db_errors(), make_engine(sqlite_url(newer)).connect() as conn:
            conn.exec_driver_sql("SELECT * FROM no_such_table")

    other = refusal(failing_query, DatabaseError)
    assert other.id == "database.error" and "no such table: no_such_table" in other.render()

"""Batch ship with numbers filled from the first (app.services.batch_ship, `packdesk ship ... --auto-fill`): the
plan numbers the orders that can ship as the carrier's roll runs and skips every other order with its reason; the
shipments go through ship_order's path (ship-back queued, stock taken off), re-checked when recorded."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update

from app.cli import main
from app.domain.enums import OrderStatus, PackageState
from app.domain.errors import InvalidInput
from app.domain.number_sequence import is_valid
from app.persistence.repositories import OrderRepository
from app.persistence.rows import (
    OrderLineRow,
    OrderRow,
    OutboxRow,
    PackageRow,
    WaybillAccountRow,
    WaybillIssueRow,
)
from app.services.audit import Actor
from app.services.batch_ship import ShipPlan, _order_refusal, plan_batch_ship, ship_plan
from app.services.orders import list_orders
from app.services.shipping import ship_order
from app.services.waybills.accounts import AccountSpec, save_account
from app.services.workspace import Workspace

ACTOR = Actor("batch", "desk-1")
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
FIRST = {
    "ZTO": "73600316247086",
    "YTO": "YT6491907189408",
    "STO": "773367326370601",
    "YUNDA": "431234567890123",
    "SF": "SF1023574470215",
    "EMS": "EA123456785CN",
}


def packable(ws: Workspace, n: int, skip: int = 0) -> list[str]:
    orders = [o.order_no for o in list_orders(ws.session_factory, limit=1000) if o.block_reason() is None]
    orders = [o for o in orders if o not in _out_of_stock(ws)]
    assert len(orders) >= skip + n
    return orders[skip : skip + n]


def _out_of_stock(ws: Workspace) -> set[str]:
    with ws.session_factory() as s:
        return set(s.scalars(select(OrderRow.order_no).where(OrderRow.status == OrderStatus.OUT_OF_STOCK.value)))


def set_status(ws: Workspace, order_no: str, status: OrderStatus) -> None:
    with ws.session_factory.begin() as s:
        s.execute(update(OrderRow).where(OrderRow.order_no == order_no).values(status=status.value))


def refund(ws: Workspace, order_no: str) -> None:
    with ws.session_factory.begin() as s:
        order_id = s.scalar(select(OrderRow.id).where(OrderRow.order_no == order_no))
        s.execute(update(OrderLineRow).where(OrderLineRow.order_id == order_id).values(refund_status="refunded"))


def shipments(ws: Workspace) -> dict[str, tuple[str, str]]:
    """order number -> (tracking number, package state) of every parcel."""
    with ws.session_factory() as s:
        rows = s.execute(select(OrderRow.order_no, PackageRow.tracking_no, PackageRow.state).join(PackageRow))
        return {no: (tn, state) for no, tn, state in rows}


def ship_backs(ws: Workspace) -> dict[str, int]:
    """order number -> how many ship-backs are queued for it."""
    with ws.session_factory() as s:
        rows = s.execute(
            select(OrderRow.order_no, func.count(OutboxRow.id))
            .join(OutboxRow, OutboxRow.order_id == OrderRow.id)
            .where(OutboxRow.kind == "ship")
            .group_by(OrderRow.order_no)
        )
        return {no: n for no, n in rows}


def reasons(plan_or_report: object) -> dict[str, str]:
    return {s.order_no: s.reason.render() for s in plan_or_report.skipped}  # type: ignore[attr-defined]


@pytest.mark.parametrize("carrier", list(FIRST))
def test_auto_fill_numbers_the_orders_that_can_ship_and_skips_the_others(demo: Workspace, carrier: str) -> None:
    ok = packable(demo, 7)
    closed, refunded, held, short, shipped = packable(demo, 5, skip=7)
    set_status(demo, closed, OrderStatus.CLOSED)
    refund(demo, refunded)
    set_status(demo, held, OrderStatus.ON_HOLD)
    set_status(demo, short, OrderStatus.OUT_OF_STOCK)
    ship_order(demo.session_factory, shipped, "ZTO", "73100000000001", ACTOR, NOW)
    batch = [ok[0], closed, ok[1], refunded, ok[2], held, ok[3], short, ok[4], shipped, ok[5], "NO-SUCH", ok[6]]

    plan = plan_batch_ship(demo.session_factory, batch, carrier, FIRST[carrier].lower(), auto_fill=True)

    numbers = [r.tracking_no for r in plan.rows]
    assert [r.order_no for r in plan.rows] == ok  # in the order given; skipped orders take no number
    assert numbers[0] == FIRST[carrier] and len(set(numbers)) == 7
    assert all(is_valid(carrier, n) for n in numbers)
    assert reasons(plan) == {
        closed: f"Order {closed} cannot ship: closed.",
        refunded: f"Order {refunded} cannot ship: refund.",
        held: f"Order {held} cannot ship: on hold.",
        short: f"Order {short} is out of stock (missing ?): it ships once stock arrives, or after a supervisor "
        "overrides the shortage.",
        shipped: f"Order {shipped} cannot ship: shipped.",
        "NO-SUCH": "No order NO-SUCH in the cache.",
    }
    assert shipments(demo).keys() == {shipped}  # the plan wrote nothing

    report = ship_plan(demo.session_factory, plan, ACTOR, NOW)

    assert [(s.order_no, s.tracking_no) for s in report.shipped] == list(zip(ok, numbers, strict=True))
    assert reasons(report) == reasons(plan)
    parcels = shipments(demo)
    assert {o: parcels[o] for o in ok} == {o: (n, PackageState.SHIPPED.value) for o, n in zip(ok, numbers, strict=True)}
    assert ship_backs(demo) == dict.fromkeys([*ok, shipped], 1)


def test_a_number_already_on_a_parcel_or_issued_online_skips_its_order_and_is_not_reused(demo: Workspace) -> None:
    first, second, third, fourth, other, online = packable(demo, 6)
    ship_order(demo.session_factory, other, "ZTO", "73600316247087", ACTOR, NOW)  # the roll's second number
    with demo.session_factory.begin() as s:  # an online provider issued the third number to another order
        online_id = s.scalar(select(OrderRow.id).where(OrderRow.order_no == online))
        account_id = s.scalar(select(WaybillAccountRow.id))
        s.add(WaybillIssueRow(order_id=online_id, account_id=account_id, carrier="ZTO", state="cancel_pending",
                              tracking_no="73600316247088", created_at=NOW, updated_at=NOW))  # fmt: skip

    plan = plan_batch_ship(demo.session_factory, [first, second, third, fourth], "ZTO", FIRST["ZTO"])

    assert [(r.order_no, r.tracking_no) for r in plan.rows] == [(first, "73600316247086"), (fourth, "73600316247089")]
    assert reasons(plan) == {
        second: f"Tracking number 73600316247087 is already used by order {other}.",
        third: "Tracking number 73600316247088 was issued by an online waybill account to order "
        f"{online}: it cannot go on another order.",
    }


def test_what_changed_since_the_review_is_checked_again_when_recorded(demo: Workspace) -> None:
    orders = packable(demo, 4)
    plan = plan_batch_ship(demo.session_factory, orders, "SF", FIRST["SF"])
    assert len(plan.rows) == 4
    set_status(demo, orders[1], OrderStatus.ON_HOLD)  # held after the review
    refund(demo, orders[2])  # refunded after the review

    report = ship_plan(demo.session_factory, plan, ACTOR, NOW)

    assert [s.order_no for s in report.shipped] == [orders[0], orders[3]]
    assert reasons(report) == {
        orders[1]: f"Order {orders[1]} cannot ship: on hold.",
        orders[2]: f"Order {orders[2]} cannot ship: refund.",
    }
    assert ship_backs(demo) == {orders[0]: 1, orders[3]: 1}
    assert orders[1] not in shipments(demo) and orders[2] not in shipments(demo)


def test_a_plan_recorded_twice_ships_each_order_once(demo: Workspace) -> None:
    orders = packable(demo, 3)
    plan = plan_batch_ship(demo.session_factory, orders, "YTO", FIRST["YTO"])
    first = ship_plan(demo.session_factory, plan, ACTOR, NOW)
    again = ship_plan(demo.session_factory, plan, ACTOR, NOW)
    assert [s.outbox_id is None for s in first.shipped] == [False] * 3
    assert [(s.order_no, s.tracking_no, s.outbox_id) for s in again.shipped] == [
        (s.order_no, s.tracking_no, None) for s in first.shipped
    ]
    assert again.skipped == () and ship_backs(demo) == dict.fromkeys(orders, 1)


def test_orders_of_another_carrier_or_none_are_skipped_when_each_keeps_its_own(demo: Workspace) -> None:
    a, b, c, d = packable(demo, 4)
    with demo.session_factory.begin() as s:  # a, c and d have unprinted parcels of a carrier; b has none
        for n, (no, carrier) in enumerate([(a, "EMS"), (c, "EMS"), (d, "SF")]):
            order_id = s.scalar(select(OrderRow.id).where(OrderRow.order_no == no))
            s.add(PackageRow(order_id=order_id, carrier=carrier, tracking_no=f"X{n}", state="allocated",
                             print_count=0, routing={}, created_at=NOW))  # fmt: skip
    plan = plan_batch_ship(demo.session_factory, [a, b, c, d], None, FIRST["EMS"])
    assert [(r.order_no, r.carrier, r.tracking_no) for r in plan.rows] == [
        (a, "EMS", "EA123456785CN"),
        (c, "EMS", "EA123456799CN"),
    ]
    assert reasons(plan) == {
        b: f"Order {b} has no carrier chosen: choose one first.",
        d: f"Order {d} goes with SF, not EMS: one roll's numbers serve one carrier.",
    }
    ship_plan(demo.session_factory, plan, ACTOR, NOW)
    assert shipments(demo)[a] == ("EA123456785CN", "shipped")  # its unprinted parcel's number replaced


def test_refusals_of_the_whole_batch_change_nothing(demo: Workspace) -> None:
    orders = packable(demo, 3)
    for call, msg_id in [
        (lambda: plan_batch_ship(demo.session_factory, orders, "ZTO", FIRST["ZTO"], auto_fill=False),
         "batch.several_need_auto_fill"),
        (lambda: plan_batch_ship(demo.session_factory, orders, "ZTO", "79999999999999"), "batch.past_capacity"),
        (lambda: plan_batch_ship(demo.session_factory, orders, "SF", "123456789012"), "batch.sf_check_digit"),
        (lambda: plan_batch_ship(demo.session_factory, orders, "NOPE", "1"), "carrier.unknown"),
        (lambda: plan_batch_ship(demo.session_factory, [" "], "ZTO", FIRST["ZTO"]), "batch.no_orders"),
    ]:  # fmt: skip
        with pytest.raises(InvalidInput) as err:
            call()
        assert err.value.msg.id == msg_id
    assert shipments(demo) == {}


def test_numbers_from_the_shops_number_roll(demo: Workspace) -> None:
    orders = packable(demo, 4)
    with demo.session_factory.begin() as s:
        shop = s.scalar(select(OrderRow).where(OrderRow.order_no == orders[0])).shop.name
        save_account(s, AccountSpec(name="圆通号段", kind="roll", carrier="YTO", first="YT6491907189408", count=3,
                                    for_shop=shop, make_default=True), None, NOW)  # fmt: skip
    plan = plan_batch_ship(demo.session_factory, orders, "YTO", None)
    assert [r.tracking_no for r in plan.rows] == ["YT6491907189408", "YT6491907189409", "YT6491907189410"]
    assert reasons(plan) == {orders[3]: f"Order {orders[3]}: the number roll '圆通号段' has no numbers left."}

    another = plan_batch_ship(demo.session_factory, orders[:1], "YTO", None)  # another desk plans meanwhile...
    ship_plan(demo.session_factory, another, ACTOR, NOW)  # ... and ships first: the roll's first number is its
    report = ship_plan(demo.session_factory, plan, ACTOR, NOW)
    assert [(s.order_no, s.outbox_id is None) for s in report.shipped] == [
        (orders[0], True),  # the other desk shipped it with this very number
        (orders[1], False),
        (orders[2], False),
    ]
    with demo.session_factory() as s:
        roll = s.scalar(select(WaybillAccountRow).where(WaybillAccountRow.name == "圆通号段"))
        assert roll is not None and roll.next_serial == roll.serial_end  # every number taken, once
        accounts = set(s.scalars(select(PackageRow.account_id).where(PackageRow.tracking_no.like("YT%"))))
        assert accounts == {roll.id}


def test_a_roll_number_another_batch_took_skips_its_order(demo: Workspace) -> None:
    orders = packable(demo, 2)
    with demo.session_factory.begin() as s:
        shop = s.scalar(select(OrderRow).where(OrderRow.order_no == orders[0])).shop.name
        save_account(s, AccountSpec(name="申通号段", kind="roll", carrier="STO", first="773367326370601", count=10,
                                    for_shop=shop, make_default=True), None, NOW)  # fmt: skip
    plan = plan_batch_ship(demo.session_factory, orders, "STO", None)
    rival = plan_batch_ship(demo.session_factory, packable(demo, 1, skip=2), "STO", None)
    assert rival.rows[0].tracking_no == plan.rows[0].tracking_no
    ship_plan(demo.session_factory, rival, ACTOR, NOW)
    report = ship_plan(demo.session_factory, plan, ACTOR, NOW)
    assert [s.order_no for s in report.shipped] == [orders[1]]
    assert "was taken meanwhile" in reasons(report)[orders[0]]


def run(ws: Workspace, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--data-dir", str(ws.data_dir), *args], out=out)
    return code, out.getvalue()


def test_cli_batch_prints_shipped_and_skipped(demo: Workspace) -> None:
    orders = packable(demo, 3)
    set_status(demo, orders[1], OrderStatus.ON_HOLD)
    code, out = run(demo, "ship", *orders, "--carrier", "ems", "--tracking", "EA123456785CN", "--auto-fill", "--json")
    assert code == 0
    doc = json.loads(out.splitlines()[-1])
    assert [(s["order_no"], s["tracking_no"]) for s in doc["shipped"]] == [
        (orders[0], "EA123456785CN"),
        (orders[2], "EA123456799CN"),
    ]
    assert doc["skipped"] == [{"order_no": orders[1], "reason": f"Order {orders[1]} cannot ship: on hold."}]


def test_cli_several_orders_without_auto_fill_are_refused(demo: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    orders = packable(demo, 2)
    code, out = run(demo, "ship", *orders, "--carrier", "ZTO", "--tracking", FIRST["ZTO"])
    assert code != 0 and out == ""
    assert "add --auto-fill" in capsys.readouterr().err
    assert shipments(demo) == {}


def test_cli_single_order_output_is_kept(demo: Workspace) -> None:
    (order,) = packable(demo, 1)
    code, out = run(demo, "ship", order, "--carrier", "ZTO", "--tracking", FIRST["ZTO"], "--json")
    doc = json.loads(out)
    assert code == 0 and doc["order_no"] == order and doc["tracking_no"] == FIRST["ZTO"] and doc["outbox_id"]
    assert doc["shipped"] == [{"order_no": order, "tracking_no": FIRST["ZTO"]}] and doc["skipped"] == []
    (other,) = packable(demo, 1)
    code, out = run(demo, "ship", other, "--carrier", "ZTO", "--tracking", "73600316247087")
    assert code == 0 and out == f"{other}: shipped ZTO 73600316247087; ship-back queued.\n"


def test_plan_json_is_what_the_review_shows(demo: Workspace) -> None:
    orders = packable(demo, 2)
    plan: ShipPlan = plan_batch_ship(demo.session_factory, orders, "YUNDA", "3967950525457")
    assert plan.to_json() == {
        "rows": [
            {"order_no": orders[0], "carrier": "YUNDA", "tracking_no": "3967950525457"},
            {"order_no": orders[1], "carrier": "YUNDA", "tracking_no": "3967950525458"},
        ],
        "skipped": [],
    }


def test_the_window_reviews_then_ships_through_the_desk(demo: Workspace) -> None:
    from app.facade import Desk

    desk = Desk(demo.session_factory, demo.data_dir, ACTOR, clock=lambda: NOW)
    orders = packable(demo, 3)
    set_status(demo, orders[2], OrderStatus.CLOSED)
    plan = desk.plan_batch_ship(orders, "STO", FIRST["STO"])
    assert [r.tracking_no for r in plan.rows] == ["773367326370601", "773367326370602"]
    report = desk.ship_plan(plan)
    assert [s.order_no for s in report.shipped] == orders[:2] and [s.order_no for s in report.skipped] == orders[2:]
    assert ship_backs(demo) == dict.fromkeys(orders[:2], 1)


def test_a_held_order_is_skipped_with_the_sellers_reason(demo: Workspace) -> None:
    (order,) = packable(demo, 1)
    set_status(demo, order, OrderStatus.ON_HOLD)
    with demo.session_factory() as s:
        stored = OrderRepository(s).stored(order)
        assert stored is not None
        if "hold_reason" not in {f.name for f in dataclasses.fields(stored.order)}:
            pytest.skip("orders carry no hold reason in this tree")
        held = dataclasses.replace(stored, order=dataclasses.replace(stored.order, hold_reason="地址待确认"))
        reason = _order_refusal(s, held, order)
    assert reason is not None and reason.render() == f"Order {order} cannot ship: it is on hold (地址待确认)."

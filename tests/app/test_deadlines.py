"""Ship-by deadlines as data (app.domain.deadlines): the platform's promise, activity, product and shop rules, the
default hours, and holidays that stop the clock; then the same rules applied to cached orders through the store and
when the seller changes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.deadlines import DeadlinePolicy, DeadlineRule, Holiday, breach, span_text
from app.domain.enums import OrderStatus, Platform
from app.domain.errors import InvalidInput, NotFound
from app.domain.orders import CHINA_TZ
from app.persistence.repositories import OrderRepository
from app.persistence.shops import ShopRepository
from app.services.audit import Actor
from app.services.deadlines import add_deadline_rule, add_holiday, remove_deadline_entry, set_deadline_hours
from app.services.orders import deadline_counts
from app.services.workspace import Workspace, open_workspace
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.store import upsert_orders

PAID = datetime(2027, 1, 20, 10, 0, tzinfo=CHINA_TZ)  # a Wednesday morning, China time
ACTOR = Actor("tester", "bench-1")
RULES = (
    DeadlineRule(1, "shop", 72, shop="慢店"),
    DeadlineRule(2, "product", 96, sku="PRESALE-1"),
    DeadlineRule(3, "product", 24, sku="FAST-1"),
    DeadlineRule(
        4, "activity", 120, starts=datetime(2027, 1, 20, tzinfo=CHINA_TZ), ends=datetime(2027, 1, 21, tzinfo=CHINA_TZ)
    ),  # fmt: skip
    DeadlineRule(
        5,
        "activity",
        240,
        shop="慢店",
        starts=datetime(2027, 3, 1, tzinfo=CHINA_TZ),
        ends=datetime(2027, 3, 2, tzinfo=CHINA_TZ),
    ),  # fmt: skip
)


@pytest.mark.parametrize(
    ("paid", "shop", "skus", "hours"),
    [
        (PAID + timedelta(days=1), "快店", (), 48),  # the default
        (PAID + timedelta(days=1), "慢店", (), 72),  # the shop's rule
        (PAID + timedelta(days=1), "慢店", ("PRESALE-1",), 96),  # a product rule before the shop's
        (PAID + timedelta(days=1), "快店", ("FAST-1", "PRESALE-1"), 96),  # the slowest item
        (PAID, "快店", ("FAST-1",), 120),  # paid in the activity's window: its hours first
        (datetime(2027, 3, 1, 12, tzinfo=CHINA_TZ), "快店", (), 48),  # another shop's activity
        (datetime(2027, 3, 1, 12, tzinfo=CHINA_TZ), "慢店", (), 240),
    ],
)
def test_which_rule_gives_the_hours(paid: datetime, shop: str, skus: tuple[str, ...], hours: int) -> None:
    policy = DeadlinePolicy(48, RULES)
    assert policy.ship_by(paid, None, shop, skus) == paid + timedelta(hours=hours)


def test_the_platforms_promise_stands_whatever_the_rules_say() -> None:
    promised = datetime(2027, 2, 1, tzinfo=UTC)
    policy = DeadlinePolicy(48, RULES, (Holiday(1, date(2027, 1, 20), date(2027, 1, 30)),))
    assert policy.ship_by(PAID, promised, "慢店", ("PRESALE-1",)) == promised


def test_holidays_stop_the_clock() -> None:
    spring = DeadlinePolicy(48, (), (Holiday(1, date(2027, 1, 21), date(2027, 1, 23), "春节"),))
    # 14 h left of Jan 20, then three holiday days, then the remaining 34 h from Jan 24 00:00
    assert spring.ship_by(PAID, None, "快店", ()) == datetime(2027, 1, 25, 10, 0, tzinfo=CHINA_TZ)
    # paid on a holiday: the clock starts at the end of it
    on_holiday = datetime(2027, 1, 22, 15, 30, tzinfo=CHINA_TZ)
    assert spring.ship_by(on_holiday, None, "快店", ()) == datetime(2027, 1, 26, 0, 0, tzinfo=CHINA_TZ)
    # a holiday after the deadline changes nothing
    later = DeadlinePolicy(48, (), (Holiday(1, date(2027, 2, 1), date(2027, 2, 3)),))
    assert later.ship_by(PAID, None, "快店", ()) == PAID + timedelta(hours=48)
    # two holiday ranges, and the result keeps the pay time's zone
    two = DeadlinePolicy(
        24, (), (Holiday(1, date(2027, 1, 21), date(2027, 1, 21)), Holiday(2, date(2027, 1, 23), date(2027, 1, 23)))
    )
    paid_utc = PAID.astimezone(UTC)
    found = two.ship_by(paid_utc, None, "快店", ())
    assert found == datetime(2027, 1, 22, 10, 0, tzinfo=CHINA_TZ) and found.tzinfo is UTC


def test_breach_says_overdue_by_how_long_and_due_soon_by_the_sellers_hours() -> None:
    deadline = datetime(2027, 1, 22, 10, 0, tzinfo=UTC)
    late = breach(deadline, deadline + timedelta(hours=3, minutes=5), 6)
    assert (late.overdue, late.due_soon, span_text(late.by)) == (True, False, "3h 05m")
    soon = breach(deadline, deadline - timedelta(hours=5), 6)
    assert (soon.overdue, soon.due_soon) == (False, True)
    assert not breach(deadline, deadline - timedelta(hours=5), 4).due_soon
    assert span_text(timedelta(days=1, hours=4, minutes=59)) == "1d 4h"


# -- through the cache --------------------------------------------------------------------------------------------


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = open_workspace(tmp_path / "data")
    with workspace.session_factory.begin() as session:
        shops = ShopRepository(session)
        for name in ("快店", "慢店"):
            shops.add(name, Platform.TAOBAO, datetime.now(UTC))
    return workspace


def order(no: str, paid: datetime, *, sku: str = "MUG-01", promised: datetime | None = None) -> PlatformOrder:
    line = PlatformLine(f"{no}-1", sku, "杯子", 1, Decimal("10"))
    return PlatformOrder(no, OrderStatus.AWAITING_SHIPMENT, "WAIT_SELLER_SEND_GOODS", paid, paid + timedelta(hours=48),
                         paid, (line,), receiver_province="浙江省", promised_at=promised)  # fmt: skip


def store(ws: Workspace, shop: str, orders: list[PlatformOrder]) -> None:
    with ws.session_factory.begin() as session:
        shop_row = ShopRepository(session).by_name(shop)
        assert shop_row is not None
        upsert_orders(session, shop_row.id, "taobao", orders)


def deadline_of(ws: Workspace, order_no: str) -> datetime:
    with ws.session_factory() as session:
        stored = OrderRepository(session).stored(order_no)
        assert stored is not None
        return stored.order.deadline


def test_rules_reach_synced_orders_and_a_change_reaches_the_cached_ones(ws: Workspace) -> None:
    promised = datetime(2027, 1, 30, tzinfo=UTC)
    add_deadline_rule(ws.session_factory, "shop", "72", ACTOR, shop="慢店")
    store(ws, "慢店", [order("S1", PAID), order("S2", PAID, promised=promised)])
    store(ws, "快店", [order("F1", PAID), order("F2", PAID, sku="PRESALE-1")])
    assert deadline_of(ws, "S1") == PAID + timedelta(hours=72)
    assert deadline_of(ws, "S2") == promised  # the platform's promise
    assert deadline_of(ws, "F1") == PAID + timedelta(hours=48)

    _, changed = add_deadline_rule(ws.session_factory, "product", "96", ACTOR, sku="PRESALE-1")
    assert changed == 1 and deadline_of(ws, "F2") == PAID + timedelta(hours=96)
    holiday_id, changed = add_holiday(ws.session_factory, "2027-01-21", "2027-01-21", "春节", ACTOR)
    assert changed == 3  # S1, F1, F2; never S2
    assert deadline_of(ws, "F1") == PAID + timedelta(hours=72) and deadline_of(ws, "S2") == promised
    assert set_deadline_hours(ws.session_factory, ACTOR, ship_within="24") == 1  # F1 only: the others have rules
    assert deadline_of(ws, "F1") == PAID + timedelta(hours=48)
    assert remove_deadline_entry(ws.session_factory, "holiday", holiday_id, ACTOR) == 3
    assert deadline_of(ws, "F1") == PAID + timedelta(hours=24)
    store(ws, "快店", [order("F1", PAID)])  # the same trade again: unchanged, the rule's time stays
    assert deadline_of(ws, "F1") == PAID + timedelta(hours=24)


def test_due_soon_hours_are_the_sellers(ws: Workspace) -> None:
    now = datetime(2027, 1, 21, 0, 0, tzinfo=CHINA_TZ)
    store(
        ws,
        "快店",
        [
            order("A", now - timedelta(hours=44)),
            order("B", now - timedelta(hours=36)),
            order("C", now - timedelta(hours=49)),
        ],
    )  # fmt: skip  (due in 4 h, 12 h; 1 h overdue)
    assert deadline_counts(ws.session_factory, now) == (1, 1)  # 6 h by default
    set_deadline_hours(ws.session_factory, ACTOR, due_soon="12")
    assert deadline_counts(ws.session_factory, now) == (1, 1)  # B is due in exactly 12 h: not within
    set_deadline_hours(ws.session_factory, ACTOR, due_soon="13")
    assert deadline_counts(ws.session_factory, now) == (1, 2)


@pytest.mark.parametrize(
    ("kind", "fields", "words"),
    [
        ("shop", {"hours": "72"}, "A shop rule needs --shop"),
        ("shop", {"hours": "72", "shop": "无此店"}, "There is no shop named '无此店'"),
        ("product", {"hours": "0", "sku": "X"}, "'0' is not a number of hours from 1 to 2160"),
        ("product", {"hours": "abc", "sku": "X"}, "'abc' is not a number of hours"),
        ("activity", {"hours": "72", "starts": "2027-11-11"}, "an activity rule its pay-time window"),
        ("activity", {"hours": "72", "starts": "2027-11-12", "ends": "2027-11-11"}, "before it starts"),
        ("activity", {"hours": "72", "starts": "11/11", "ends": "2027-11-12"}, "'11/11' is not a date or time"),
    ],
)
def test_bad_rules_are_refused_with_words_and_nothing_changes(ws: Workspace, kind: str, fields: dict, words: str
                                                              ) -> None:  # fmt: skip
    hours = fields.pop("hours")
    with pytest.raises(InvalidInput) as caught:
        add_deadline_rule(ws.session_factory, kind, hours, ACTOR, **fields)
    assert words in caught.value.message
    with ws.session_factory() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM deadline_rules").scalar() == 0
    with pytest.raises(NotFound):
        remove_deadline_entry(ws.session_factory, "rule", 99, ACTOR)


def test_breach_notice_times() -> None:
    from datetime import time

    from app.domain.deadlines import alert_due, parse_alert_times
    from app.domain.orders import CHINA_TZ

    assert parse_alert_times("15:00, 9:30，15:00") == (time(9, 30), time(15, 0))
    assert parse_alert_times("off") == () and parse_alert_times("") == ()
    assert parse_alert_times("9点") is None and parse_alert_times("25:00") is None
    times = (time(10, 0), time(15, 0))
    day = datetime(2026, 12, 3, tzinfo=CHINA_TZ)
    assert alert_due(times, day.replace(hour=9, minute=59), day.replace(hour=10))  # 10:00 has come
    assert not alert_due(times, day.replace(hour=10), day.replace(hour=14, minute=59))  # already said at 10:00
    assert alert_due(times, day.replace(hour=16), (day + timedelta(days=1)).replace(hour=10, minute=5))  # overnight
    assert not alert_due(times, day.replace(hour=16), day.replace(hour=15))  # the clock went back

"""Taobao presale trades (app.sync.taobao_presale) from the loopback TOP gateway: the platform's promise
(`estimate_con_time`, `delivery_time`) is the order's deadline whatever the seller's rules say; a presale whose
balance is not paid is held with that reason, refused by batch print and batch ship, and ships once the balance
arrives."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pdtest.top_presale import BALANCE_UNPAID, promise_of
from pdtest.top_server import TopServer
from pdtest.top_shop import APP_KEY, SECRET, SESSION, synced_shop
from sqlalchemy import select

from app.domain.enums import OrderStatus
from app.domain.errors import PackDeskError
from app.persistence.rows import OrderRow, ShopRow
from app.services.audit import Actor
from app.services.batch_ship import plan_batch_ship, ship_plan
from app.services.printing import PrintService
from app.services.workspace import Workspace
from app.sync.taobao import TaobaoSync
from app.sync.taobao_presale import promise_time
from app.sync.top import RetryPolicy, TopClient
from printers.registry import open_printer

CHINA = timezone(timedelta(hours=8))
PAID = datetime(2026, 11, 20, 10, 0, tzinfo=CHINA)
ACTOR = Actor("packer", "bench-1")


def _end_of(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, tzinfo=CHINA) + timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-10", _end_of(2026, 12, 10)),
        ("2026-12-10 18:00:00", datetime(2026, 12, 10, 18, tzinfo=CHINA)),
        ("2026-12-10 18:30", datetime(2026, 12, 10, 18, 30, tzinfo=CHINA)),
        ("2026-12-10前", _end_of(2026, 12, 10)),
        ("2026年12月10日前", _end_of(2026, 12, 10)),
        ("12月10日之前发货", _end_of(2026, 12, 10)),
        ("1月5日前", _end_of(2027, 1, 5)),  # read in November: the coming January
        ("付款后3天内", PAID + timedelta(days=3)),
        ("付款后 72 小时内发货", PAID + timedelta(hours=72)),
        ("1_2026-12-10", _end_of(2026, 12, 10)),
        ("2_5", PAID + timedelta(days=5)),
        ("", None),
        ("尽快发货", None),
        ("2026-02-30", None),
        ("2_99999", None),
    ],
)
def test_promise_texts(text: str, expected: datetime | None) -> None:
    assert promise_time(text, PAID.astimezone(UTC)) == expected


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=5, n_trades=40, presale=8) as srv:
        yield srv


def _rows(ws: Workspace, tids: list[str]) -> dict[str, OrderRow]:
    with ws.session_factory() as session:
        rows = session.execute(select(OrderRow).where(OrderRow.order_no.in_(tids))).scalars().all()
        return {r.order_no: r for r in rows}


def _later() -> datetime:
    return datetime.now(UTC) + timedelta(seconds=30)  # past the settle margin: the change just made falls in a window


def test_presales_sync_with_the_promise_as_deadline_and_the_unpaid_ones_held(
    workspace: Workspace, server: TopServer
) -> None:
    synced_shop(workspace, server)
    trades = server.trades_snapshot()
    presales = server.presale_tids
    rows = _rows(workspace, presales)
    assert set(rows) == set(presales)  # the deposit-paid ones too (WAIT_BUYER_PAY, step): cached on hold
    for tid in presales:
        row, trade = rows[tid], trades[tid]
        assert row.promised_at == promise_of(trade)
        assert row.deadline == promise_of(trade)  # the platform's promise, not the 48-hour rule
        if trade["step_trade_status"] == BALANCE_UNPAID:
            assert (row.status, row.platform_status) == (OrderStatus.ON_HOLD.value, BALANCE_UNPAID)
        else:
            assert row.status == OrderStatus.AWAITING_SHIPMENT.value
    # an ordinary trade keeps its delivery_time as the promise
    plain = next(t for t, tr in trades.items() if tr["status"] == "WAIT_SELLER_SEND_GOODS" and t not in presales)
    latest = datetime.strptime(trades[plain]["delivery_time"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
    assert _rows(workspace, [plain])[plain].deadline == latest


def test_unpaid_balance_is_refused_by_print_and_ship_then_ships_once_paid(
    workspace: Workspace, server: TopServer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    synced_shop(workspace, server)
    unpaid = [t for t in server.presale_tids if server.trade(t)["step_trade_status"] == BALANCE_UNPAID]
    held = unpaid[0]

    service = PrintService(workspace.session_factory, open_printer(f"png://{tmp_path_factory.mktemp('png')}"), ACTOR)
    [refused] = service.enqueue_batch([held])
    assert isinstance(refused, PackDeskError)
    assert "presale: balance not paid" in refused.msg.render()

    report = ship_plan(
        workspace.session_factory,
        plan_batch_ship(workspace.session_factory, [held], "ZTO", "73600316247086"),
        ACTOR,
        datetime.now(UTC),
    )
    assert report.shipped == ()
    [skipped] = report.skipped
    assert skipped.order_no == held and "presale: balance not paid" in skipped.reason.render()
    assert _rows(workspace, [held])[held].status == OrderStatus.ON_HOLD.value

    # The buyer pays the balance: the next sync lets it go, with the promise counted from the payment.
    paid = server.pay_balance(held)
    with workspace.session_factory() as session:
        shop_id = session.execute(select(ShopRow.id)).scalars().first()
    assert shop_id is not None
    with TopClient(server.url, APP_KEY, SECRET, SESSION, retry=RetryPolicy(attempts=3, backoff_s=0.01)) as client:
        TaobaoSync(workspace.session_factory, shop_id, client, clock=_later).run()
    row = _rows(workspace, [held])[held]
    assert (row.status, row.platform_status) == (OrderStatus.AWAITING_SHIPMENT.value, "WAIT_SELLER_SEND_GOODS")
    assert row.deadline == promise_of(paid)

    report = ship_plan(
        workspace.session_factory,
        plan_batch_ship(workspace.session_factory, [held], "ZTO", "73600316247086"),
        ACTOR,
        datetime.now(UTC),
    )
    assert [s.order_no for s in report.shipped] == [held] and report.skipped == ()


def test_a_presale_placed_after_the_first_fill_arrives_held_by_the_incremental_sync(
    workspace: Workspace, server: TopServer
) -> None:
    synced_shop(workspace, server)
    base = server.trade(next(t for t in server.presale_tids if server.trade(t)["step_trade_status"] == BALANCE_UNPAID))
    tid = str(int(base["tid_str"]) + 10**7)  # another trade of the same kind, placed now
    placed = server.add_trade(
        {**base, "tid": int(tid), "tid_str": tid, "created": server.now_str(), "modified": server.now_str()}
    )
    assert placed["status"] == "WAIT_BUYER_PAY"  # listed by the increment as unpaid: wanted for its stage
    with workspace.session_factory() as session:
        shop_id = session.execute(select(ShopRow.id)).scalars().first()
    assert shop_id is not None
    with TopClient(server.url, APP_KEY, SECRET, SESSION, retry=RetryPolicy(attempts=3, backoff_s=0.01)) as client:
        report = TaobaoSync(workspace.session_factory, shop_id, client, clock=_later).run()
    assert not report.first_fill
    row = _rows(workspace, [tid])[tid]
    assert (row.status, row.platform_status) == (OrderStatus.ON_HOLD.value, BALANCE_UNPAID)
    assert row.deadline == promise_of(placed)

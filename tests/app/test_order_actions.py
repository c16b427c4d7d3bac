"""Acting on the backlog against a real SQLite file: flags, memos (written, appended, too long), hold and release,
expedite, a manual out-of-stock mark, each with the orders done and those skipped with why, audited with the value
before; held and marked orders reserve no stock, and the allotment leaves a manual mark alone until released or its
expected date; the print queue and bench stop a marked order with the seller's reason."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.domain.enums import OrderStatus, Platform, ScanOutcome
from app.domain.errors import InvalidInput, NotPackable
from app.domain.products import CatalogueEntry
from app.persistence.order_actions import OrderActionRepository
from app.persistence.order_query import Sort, SortKey
from app.persistence.repositories import OrderRepository
from app.persistence.rows import AuditRow, OrderRow, OutboxRow
from app.services.audit import Actor
from app.services.catalogue import apply_entries
from app.services.order_actions import expedite, hold, mark_out_of_stock, release, set_flag, write_memo
from app.services.orders import list_orders
from app.services.printing import PrintService
from app.services.stock import bench_refusal, refusal, set_stock
from app.services.workspace import Workspace
from app.station import Station
from app.sync.model import PlatformLine, PlatformOrder
from app.sync.shops import ensure_shop
from app.sync.store import upsert_orders
from printers.registry import open_printer

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
ACTOR = Actor("店长", "desk")


def no(i: int) -> str:
    return f"77001{i:05d}"


def order(i: int, status: OrderStatus = OrderStatus.AWAITING_SHIPMENT) -> PlatformOrder:
    return PlatformOrder(
        order_no=no(i), status=status, platform_status="WAIT_SELLER_SEND_GOODS", paid_at=T0 + timedelta(minutes=i),
        deadline=T0 + timedelta(hours=48, minutes=i), modified_at=T0 + timedelta(minutes=i),
        lines=(PlatformLine(f"{no(i)}1", "A", "杯子", 1, Decimal("10.00")),), receiver_name="张*",
        total=Decimal("10.00"),
    )  # fmt: skip


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    """Four waiting orders of one A each (paid in number order), one shipped, one closed; 2 A on hand."""
    with workspace.session_factory.begin() as session:
        apply_entries(session, [(2, CatalogueEntry("A", title="杯子"))])
        shop = ensure_shop(session, "文件店", Platform.TAOBAO, T0)  # no API: flags and memos stay local
        orders = [order(i) for i in range(4)] + [order(4, OrderStatus.SHIPPED), order(5, OrderStatus.CLOSED)]
        upsert_orders(session, shop.id, "taobao", orders)
    set_stock(workspace.session_factory, "A", 2, ACTOR, T0)
    return workspace


def statuses(ws: Workspace) -> dict[int, str]:
    with ws.session_factory() as session:
        rows = session.execute(select(OrderRow.order_no, OrderRow.status)).all()
    return {int(n[-5:]): s for n, s in rows}


def audits(ws: Workspace, action: str) -> list[dict]:  # type: ignore[type-arg]
    with ws.session_factory() as session:
        rows = session.scalars(select(AuditRow).where(AuditRow.action == action).order_by(AuditRow.id)).all()
        return [{"order": r.entity_id, "actor": r.actor, **r.detail} for r in rows]


def test_flags_are_set_and_skips_say_why(ws: Workspace) -> None:
    report = set_flag(ws.session_factory, [no(0), no(1), no(4), "nope"], "Red", ACTOR, T0)
    assert report.done == [no(0), no(1), no(4)]  # a shipped order's flag may still be set
    assert [(s.order_no, s.reason.id) for s in report.skipped] == [("nope", "actions.unknown_order")]
    again = set_flag(ws.session_factory, [no(0)], "red", ACTOR, T0)
    assert again.done == [] and again.skipped[0].reason.id == "actions.unchanged"
    assert report.before == {no(0): "none", no(1): "none", no(4): "none"}
    assert audits(ws, "flag")[0] == {"order": no(0), "actor": "店长", "before": "none", "after": "red"}
    undo = set_flag(ws.session_factory, [no(0)], report.before[no(0)], ACTOR, T0)  # undo: back to what it was
    assert undo.done == [no(0)] and list_orders(ws.session_factory, search=no(0))[0].flag.label == "none"
    with pytest.raises(InvalidInput) as bad:
        set_flag(ws.session_factory, [no(0)], "pink", ACTOR, T0)
    assert bad.value.msg.id == "actions.bad_colour"
    with pytest.raises(InvalidInput):
        set_flag(ws.session_factory, [" "], "red", ACTOR, T0)
    with ws.session_factory() as session:  # a shop without an API: nothing queued for a platform
        assert session.scalars(select(OutboxRow)).all() == []


def test_memos_are_written_appended_and_kept_within_the_platforms_limit(ws: Workspace) -> None:
    write_memo(ws.session_factory, [no(0), no(1)], "送小样", append=False, actor=ACTOR, now=T0)
    report = write_memo(ws.session_factory, [no(0)], "周五前发", append=True, actor=ACTOR, now=T0)
    assert report.done == [no(0)] and report.before == {no(0): "送小样"}
    (o,) = list_orders(ws.session_factory, search=no(0))
    assert o.memo == "送小样\n周五前发"
    long = write_memo(ws.session_factory, [no(0), no(1)], "长" * 330, append=True, actor=ACTOR, now=T0)
    assert long.done == [no(1)]  # 送小样, a new line and 330 x 3 bytes: 1000 bytes fit; the longer memo does not
    assert [s.reason.id for s in long.skipped] == ["actions.memo_too_long"] and long.skipped[0].order_no == no(0)
    (o,) = list_orders(ws.session_factory, search=no(0))
    assert o.memo == "送小样\n周五前发"  # unchanged
    with pytest.raises(InvalidInput):
        write_memo(ws.session_factory, [no(0)], "  ", append=True, actor=ACTOR, now=T0)
    assert audits(ws, "memo")[2]["before"] == "送小样" and audits(ws, "memo")[2]["append"] is True


def test_a_held_order_reserves_nothing_and_release_brings_it_back_first(ws: Workspace) -> None:
    assert statuses(ws) == {0: "awaiting_shipment", 1: "awaiting_shipment", 2: "out_of_stock", 3: "out_of_stock",
                            4: "shipped", 5: "closed"}  # fmt: skip
    with pytest.raises(InvalidInput):
        hold(ws.session_factory, [no(0)], " ", ACTOR, T0)
    report = hold(ws.session_factory, [no(0), no(4), no(5)], "买家要改地址", ACTOR, T0)
    assert report.done == [no(0)]
    assert {s.order_no: s.reason.id for s in report.skipped} == {no(4): "actions.shipped", no(5): "actions.closed"}
    assert statuses(ws)[0] == "on_hold" and statuses(ws)[2] == "awaiting_shipment"  # its A went to the next
    (held,) = list_orders(ws.session_factory, search=no(0))
    assert held.hold_reason == "买家要改地址" and held.to_json()["hold_reason"] == "买家要改地址"
    assert held.block_reason() == "on_hold"  # the print queue and the bench refuse it
    assert hold(ws.session_factory, [no(0)], "again", ACTOR, T0).skipped[0].reason.id == "actions.already_held"

    back = release(ws.session_factory, [no(0), no(1)], ACTOR, T0)
    assert back.done == [no(0)] and back.skipped[0].reason.id == "actions.not_held"
    assert statuses(ws)[0] == "awaiting_shipment" and statuses(ws)[2] == "out_of_stock"  # oldest paid first again
    assert audits(ws, "release")[0]["hold_reason"] == "买家要改地址"


def test_a_platform_hold_is_not_released_here(ws: Workspace) -> None:
    with ws.session_factory.begin() as session:
        session.execute(update(OrderRow).where(OrderRow.order_no == no(3)).values(status="on_hold"))
    assert release(ws.session_factory, [no(3)], ACTOR, T0).skipped[0].reason.id == "actions.platform_hold"
    assert hold(ws.session_factory, [no(3)], "x", ACTOR, T0).skipped[0].reason.id == "actions.platform_hold"


def test_expedited_orders_sort_first_and_the_mark_comes_off(ws: Workspace) -> None:
    assert expedite(ws.session_factory, [no(3), no(5)], True, ACTOR, T0).skipped[0].reason.id == "actions.closed"
    first = list_orders(ws.session_factory, sort=Sort(((SortKey.PRIORITY, True), (SortKey.SHIP_BY, False))))
    assert [o.order_no for o in first[:2]] == [no(3), no(0)] and first[0].priority == 1
    assert first[0].to_json()["priority"] == 1
    assert expedite(ws.session_factory, [no(3)], True, ACTOR, T0).skipped[0].reason.id == "actions.unchanged"
    assert expedite(ws.session_factory, [no(3)], False, ACTOR, T0).done == [no(3)]
    first = list_orders(ws.session_factory, sort=Sort(((SortKey.PRIORITY, True), (SortKey.SHIP_BY, False))))
    assert first[0].order_no == no(0)


def test_a_manual_mark_stays_until_released_or_its_date(ws: Workspace) -> None:
    today = T0.date()
    with pytest.raises(InvalidInput) as past:
        mark_out_of_stock(ws.session_factory, [no(0)], today, "面料有瑕疵", ACTOR, T0)
    assert past.value.msg.id == "actions.expected_past"
    report = mark_out_of_stock(ws.session_factory, [no(0)], date(2026, 12, 5), "面料有瑕疵", ACTOR, T0)
    assert report.done == [no(0)]
    # it reserves nothing: its A goes to order 2, and more stock arriving does not release it
    assert statuses(ws) == {0: "out_of_stock", 1: "awaiting_shipment", 2: "awaiting_shipment", 3: "out_of_stock",
                            4: "shipped", 5: "closed"}  # fmt: skip
    set_stock(ws.session_factory, "A", 10, ACTOR, T0)
    assert statuses(ws)[0] == "out_of_stock" and statuses(ws)[3] == "awaiting_shipment"
    with ws.session_factory() as session:
        stored = OrderRepository(session).stored(no(0))
        assert stored is not None
        stop = refusal(session, stored)
        assert stop is not None and stop.id == "actions.stock_stop"
        assert "面料有瑕疵" in stop.render() and "2026-12-05" in stop.render()
        bench = bench_refusal(session, stored)
        assert bench is not None and bench.id == "actions.stock_stop"
    again = mark_out_of_stock(ws.session_factory, [no(0)], None, "x", ACTOR, T0)
    assert again.skipped[0].reason.id == "actions.already_marked"
    # its expected date arrives: the allotment decides again (10 on hand: covered)
    with ws.session_factory.begin() as session:
        session.execute(
            update(OrderRow).where(OrderRow.order_no == no(0)).values(stock_expected=datetime.now(UTC) - timedelta(1))
        )
    set_stock(ws.session_factory, "A", 9, ACTOR, T0)
    assert statuses(ws)[0] == "awaiting_shipment"
    with ws.session_factory() as session:
        assert OrderActionRepository(session).stock_marks(datetime.now(UTC)) == {}
    # released by hand
    mark_out_of_stock(ws.session_factory, [no(1)], None, "等厂家补货", ACTOR, T0)
    assert statuses(ws)[1] == "out_of_stock"
    assert release(ws.session_factory, [no(1)], ACTOR, T0).done == [no(1)]
    assert statuses(ws)[1] == "awaiting_shipment"


def test_the_print_queue_and_the_bench_refuse_a_held_order_with_its_reason(demo: Workspace, tmp_path: Path) -> None:
    waiting = [o.order_no for o in list_orders(demo.session_factory, status="awaiting_shipment", limit=3)]
    hold(demo.session_factory, waiting, "买家要改地址", ACTOR, T0)
    service = PrintService(demo.session_factory, open_printer(f"png://{tmp_path.as_posix()}/labels"), ACTOR)
    with pytest.raises(NotPackable, match="买家要改地址") as caught:
        service.enqueue(waiting[0])
    assert caught.value.msg.id == "actions.hold_stop" and caught.value.details["reason"] == "on_hold"
    refused = service.enqueue_batch(waiting[1:])
    assert all(isinstance(r, NotPackable) and "买家要改地址" in r.message for r in refused)
    (stop,) = Station(demo.session_factory, ACTOR, service).scan(waiting[0])
    assert stop.event is ScanOutcome.INTERCEPTED and stop.message is not None
    assert stop.message.id == "actions.hold_stop" and "买家要改地址" in stop.message.render()
    release(demo.session_factory, waiting, ACTOR, T0)
    assert service.enqueue(waiting[0]) is not None  # released: it prints

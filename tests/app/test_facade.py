"""The window's façade against a real SQLite file: each operation returns plain values and does what it says."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.enums import OrderStatus
from app.domain.errors import NotFound
from app.facade import Desk
from app.services.audit import Actor
from app.services.workspace import Workspace
from printers.media import Media

NOW = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def desk(demo: Workspace) -> Desk:
    return Desk(demo.session_factory, demo.data_dir, Actor("tester", "vm"), clock=lambda: NOW)


def test_orders_page_filters_by_status_and_search_and_keeps_to_its_limit(desk: Desk) -> None:
    waiting = desk.orders_page(status=OrderStatus.AWAITING_SHIPMENT.value, limit=1000)
    assert waiting and {o.status for o in waiting} == {OrderStatus.AWAITING_SHIPMENT}
    assert len(desk.orders_page(limit=3)) == 3
    one = waiting[0]
    assert [o.order_no for o in desk.orders_page(search=one.order_no)] == [one.order_no]


def test_a_preview_is_the_label_on_the_media_and_allocates_nothing(desk: Desk) -> None:
    order = desk.orders_page(status=OrderStatus.AWAITING_SHIPMENT.value, limit=1)[0]
    image = desk.order_preview(order.order_no, Media())
    assert image.size[0] > 0 and image.size[1] > image.size[0]  # a portrait label
    assert desk.orders_page(search=order.order_no)[0].tracking_no == order.tracking_no  # no number taken
    with pytest.raises(NotFound):
        desk.order_preview("NO-SUCH-ORDER", Media())


def test_a_shop_added_with_its_sender_is_listed_with_its_group(desk: Desk) -> None:
    before = {s.name for s in desk.shops()}
    fields = dict.fromkeys(
        ("sender_phone", "sender_province", "sender_city", "sender_district", "sender_detail"), "x"
    ) | {
        "name": "门面小店",
        "group": "门面组",
        "sender_name": "王五",
        "gateway": "http://127.0.0.1:9/router/rest",
        "app_key": "12345",
        "app_secret": "s",
        "session_key": "k",
    }
    shops, _warning = desk.add_shop(fields)
    added = [s for s in shops if s.name not in before]
    assert [(s.name, s.group, s.api) for s in added] == [("门面小店", "门面组", True)]
    assert {s.name for s in desk.shops()} == before | {"门面小店"}


def test_sync_without_api_shops_reports_a_status_and_no_error(desk: Desk) -> None:
    outcome = desk.sync(send_only=True)
    assert outcome.error is None and outcome.status is not None and outcome.changes == []
    assert desk.sync_status().api_shops == outcome.status.api_shops


def test_the_print_queue_lists_a_job_and_takes_the_sellers_answer(desk: Desk, tmp_path: Path) -> None:
    order = desk.orders_page(status=OrderStatus.AWAITING_SHIPMENT.value, limit=1)[0]
    service = desk.print_service(f"png://{tmp_path.as_posix()}")
    assert service is not None and desk.print_service("") is None
    job = service.enqueue(order.order_no)
    (listed,) = [j for j in desk.print_jobs() if j.id == job]
    assert listed.order_no == order.order_no and listed.state.value == "queued"


def test_a_bench_has_packers_once_one_is_added(workspace: Workspace) -> None:
    from app.services.packers import add_packer

    desk = Desk(workspace.session_factory, workspace.data_dir, Actor("tester", "vm"))
    assert not desk.has_packers()
    with workspace.session_factory.begin() as session:
        add_packer(session, "李四", "4321")
    assert desk.has_packers()


def test_the_dashboards_report_rolls_up_what_is_new_in_small_slices_then_reads_the_roll_ups(
    workspace: Workspace,
) -> None:
    from datetime import date

    from history_seed import add_order, cn, seed_history

    from app import facade
    from app.domain.errors import InvalidInput
    from app.persistence.rows import ShopRow
    from app.services import reports

    with workspace.session_factory.begin() as s:
        seed_history(s)
    desk = Desk(workspace.session_factory, workspace.data_dir, Actor("tester", "vm"), clock=lambda: cn(3, 6, 12))
    d1, d3 = date(2026, 3, 2), date(2026, 3, 4)
    first = desk.report(d1, d3)
    assert [d.new for d in first.trend] == [3, 2, 0] and first.as_of == cn(3, 5, 0)  # the range's end, before the clock
    assert first == reports.report_from_events(workspace.session_factory, d1, d3, now=cn(3, 6, 12))
    slices = []
    real = reports.history.roll_up_slice
    with workspace.session_factory.begin() as s:  # more history than one slice holds, recorded since
        shop = s.query(ShopRow).filter_by(name="乙店").one()
        for i in range(facade.DASHBOARD_SLICE // 2 + 1):  # a payment and a line each
            add_order(s, shop, f"late{i}", cn(3, 3, 7), {"B": 1})
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reports.history, "roll_up_slice", lambda s, upto, size: slices.append(size) or real(s, upto, size))
        again = desk.report(d1, d3, "乙店")
    assert set(slices) == {facade.DASHBOARD_SLICE} and len(slices) >= 3  # two full slices, the rest, then none
    assert [d.new for d in again.trend] == [1, 1 + facade.DASHBOARD_SLICE // 2 + 1, 0]
    with pytest.raises(InvalidInput):
        desk.report(d3, d1)
    with pytest.raises(InvalidInput):
        desk.report(d1, d3, "no such shop")

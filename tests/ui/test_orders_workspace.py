"""The order workspace in the window (pytest-qt): the list fetches pages as it scrolls instead of loading every
order, the filter bar and saved filters narrow it, header clicks sort on the database, counts are always in sight,
an empty result says which filter hides how many orders and clears them in one click, and the seller's columns and
saved filters come back in a new window."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.orders import Order
from app.facade import Desk
from app.services.audit import Actor
from app.services.workspace import Workspace, open_workspace
from bench.workspace import NOW, build_orders_file
from ui.models.orders_model import COL_AMOUNT, PAGE, OrdersTableModel
from ui.ops import ChangeHub, Ops
from ui.tasks import TaskRunner
from ui.widgets.orders_view import OrdersView

ORDERS = 1500


@pytest.fixture(scope="module")
def orders_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    build_orders_file(root / "packdesk.db", ORDERS, seed=3)
    return root / "packdesk.db"


@pytest.fixture
def ws(orders_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "packdesk.db").write_bytes(orders_file.read_bytes())
    workspace = open_workspace(tmp_path / "data")
    yield workspace
    workspace.close()


@pytest.fixture
def ops(qapp, ws: Workspace) -> Iterator[Ops]:  # noqa: ANN001
    tasks = TaskRunner()
    yield Ops(tasks, Desk(ws.session_factory, ws.data_dir, Actor("tester", "vm"), clock=lambda: NOW), ChangeHub())
    tasks.wait()


def _view(qtbot, ops: Ops) -> OrdersView:  # noqa: ANN001
    view = OrdersView(ops)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    with qtbot.waitSignal(view.overview_loaded, timeout=10_000):
        view.reload()
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    return view


def every_order(qtbot, view: OrdersView) -> list[Order]:  # noqa: ANN001
    """Every row's order, each page read as scrolling to it would."""
    out = []
    for row in range(view.model.rowCount()):
        view.model.data(view.model.index(row, 1))  # asks for the row's page
        qtbot.waitUntil(lambda r=row: view.model.order_no_at(r) is not None and not view.model.loading, timeout=10_000)
        out.append(view.model.order_at(row))
    return out


def test_the_list_spans_every_match_and_reads_only_what_is_shown(qtbot, qtmodeltester, ops: Ops) -> None:  # noqa: ANN001
    view = _view(qtbot, ops)
    view.clear_filters()
    qtbot.waitUntil(lambda: view.count_label.text() == f"{ORDERS} orders", timeout=10_000)
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == ORDERS, timeout=10_000)
    assert view.model.pages_held <= 2  # the scroll bar spans every order; only the first screen was read
    assert view.model.order_no_at(ORDERS - 1) is None  # the last rows were never read
    qtmodeltester.check(view.model)  # it may read pages itself
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)

    view.table.scrollToBottom()  # a jump to the end reads the last page, not the ones between
    qtbot.waitUntil(lambda: view.model.order_no_at(ORDERS - 1) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    last = view.model.order_at(ORDERS - 1)
    assert view.model.order_no_at(ORDERS // 2) is None  # the middle was skipped
    assert view.model.data(view.model.index(ORDERS // 2, 1)) == "…"  # shown as a placeholder, and now asked for
    qtbot.waitUntil(lambda: view.model.order_no_at(ORDERS // 2) is not None, timeout=10_000)

    view.model.KEEP_PAGES = 3  # a seller scrolling through everything: only the pages shown last are held
    for row in range(0, ORDERS, PAGE):
        view.table.scrollTo(view.model.index(row, 1))
        view.model.data(view.model.index(row, 1))
        qtbot.waitUntil(lambda r=row: view.model.order_no_at(r) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    assert view.model.pages_held <= 4
    numbers = [view.model.order_no_at(r) for r in range(ORDERS)]
    assert None not in numbers and len(set(numbers)) == ORDERS  # pages follow each other with nothing twice
    assert numbers[-1] == last.order_no
    deadlines = [ops.desk.order_detail(n).order.deadline for n in numbers[:: ORDERS // 10]]
    assert deadlines == sorted(deadlines)

    view.table.selectAll()  # an action on every row waits for numbers it has, and names all of them
    assert view.chosen_order_nos() == numbers


def test_a_selection_beyond_the_rows_read_names_every_order(qtbot, ops: Ops) -> None:  # noqa: ANN001
    view = _view(qtbot, ops)
    view.clear_filters()
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == ORDERS, timeout=10_000)
    view.table.selectAll()
    assert view.model.order_no_at(ORDERS - 1) is None
    chosen = view.chosen_order_nos()  # reads the numbers of the rows never shown first
    assert len(chosen) == ORDERS == len(set(chosen))


def test_a_late_page_of_an_older_filter_is_dropped(qtbot, ops: Ops) -> None:  # noqa: ANN001
    answers: list[tuple[int, object]] = []

    def loader(offset, limit, on_done, on_error) -> None:  # noqa: ANN001
        answers.append((offset, on_done))

    model = OrdersTableModel(loader=loader)
    orders = ops.desk.orders_page(limit=3, barcodes=False)
    model.reload()
    model.reload()  # the filter changed before the first answer came
    answers[0][1](orders)  # type: ignore[operator]
    assert model.rowCount() == 0
    answers[1][1](orders[:2])  # type: ignore[operator]
    assert model.rowCount() == 2 and not model.canFetchMore()  # a short page is the last


def test_filters_counts_and_sort(qtbot, ops: Ops) -> None:  # noqa: ANN001
    view = _view(qtbot, ops)
    assert view.status_combo.currentData() == "awaiting_shipment"
    assert "(" in view.status_combo.itemText(1)  # its count
    assert view.deadline_label.text().startswith("Overdue: ")
    with qtbot.waitSignal(view.overview_loaded, timeout=10_000):
        view.flag_combo.setCurrentIndex(view.flag_combo.findData("red"))
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    rows = every_order(qtbot, view)
    assert rows and all(o.flag.label == "red" and o.status.value == "awaiting_shipment" for o in rows)
    view.table.horizontalHeader().setSortIndicator(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    totals = [o.total for o in every_order(qtbot, view)]
    assert totals == sorted(totals, reverse=True) and len(totals) == len(rows)


def test_an_empty_result_says_why_and_clears(qtbot, ops: Ops) -> None:  # noqa: ANN001
    view = _view(qtbot, ops)
    with qtbot.waitSignal(view.overview_loaded, timeout=10_000):
        view.apply_filter({"status": "on_hold", "flag": "purple", "search": "没有这种东西"})
    assert view.list_stack.currentIndex() == 1
    text = view.empty_label.text()
    assert text.startswith("No order matches all these filters.")
    assert "Without the search:" in text  # on hold with a purple flag exist; the search hides them
    with qtbot.waitSignal(view.overview_loaded, timeout=10_000):
        view.empty_clear_button.click()
    assert view.list_stack.currentIndex() == 0 and view.typed_filter() == {}
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)


def test_saved_filters_and_columns_come_back(qtbot, ops: Ops, ws: Workspace) -> None:  # noqa: ANN001
    view = _view(qtbot, ops)
    sf = next(b for b in view.findChildren(type(view.save_filter_button)) if b.text() == "SF only")
    with qtbot.waitSignal(view.overview_loaded, timeout=10_000):
        sf.click()
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    assert view.carrier_combo.currentData() == "SF"
    assert view.model.rowCount() and all(o.carrier == "SF" for o in every_order(qtbot, view))
    view.message_check.setChecked(True)
    view.save_filter("SF with a message")
    view.set_column_shown(COL_AMOUNT, False)
    view.table.setColumnWidth(1, 222)
    view._save_columns()
    prefs = json.loads((ws.data_dir / "workspace.json").read_text(encoding="utf-8"))
    # a saved filter is the whole bar: "SF only" chose every status
    assert prefs["saved"][-1] == {"name": "SF with a message", "filter": {"carrier": "SF", "has_message": True}}
    again = _view(qtbot, ops)
    assert "SF with a message" in [name for name, _typed in again.saved_filters()]
    assert again.table.isColumnHidden(COL_AMOUNT) and again.table.columnWidth(1) == 222


def test_the_list_reads_beside_the_station_lane_not_behind_it(qtbot, ops: Ops) -> None:  # noqa: ANN001
    """A page still being read (held here) does not hold up the db lane, where the station's scans run."""
    import threading

    release = threading.Event()
    done: list[str] = []
    ops.tasks.run(lambda: release.wait(10), lambda _r: done.append("page"), lane="read")
    ops.tasks.run(lambda: "scan", done.append, lane="db")
    qtbot.waitUntil(lambda: done == ["scan"], timeout=5_000)
    release.set()
    qtbot.waitUntil(lambda: done == ["scan", "page"], timeout=5_000)


def test_shop_or_platform(qtbot, ops: Ops) -> None:  # noqa: ANN001
    view = _view(qtbot, ops)
    qtbot.waitUntil(lambda: view.shop_combo.findData("shop:拼多多百货") > 0, timeout=10_000)
    for where, check in (("platform:taobao", lambda o: o.platform.value == "taobao"),
                         ("shop:拼多多百货", lambda o: o.shop == "拼多多百货")):  # fmt: skip
        with qtbot.waitSignal(view.overview_loaded, timeout=10_000):
            view.shop_combo.setCurrentIndex(view.shop_combo.findData(where))
        qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
        rows = every_order(qtbot, view)
        assert rows and all(check(o) for o in rows), where
    assert view.typed_filter()["shop"] == "拼多多百货"
    view.apply_filter({"platform": "jd"})
    assert view.shop_combo.currentData() == "platform:jd"


def test_a_reload_keeps_the_selection(qtbot, ops: Ops) -> None:  # noqa: ANN001
    view = _view(qtbot, ops)
    view.clear_filters()
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == ORDERS, timeout=10_000)
    view.table.selectRow(3)
    chosen = view.selected_order_nos()
    with qtbot.waitSignal(view.overview_loaded, timeout=10_000):
        view.reload()  # the data changed: the list is read again
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    assert view.selected_order_nos() == chosen

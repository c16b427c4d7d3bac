"""Item models checked by Qt's model tester and by direct data() calls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.domain.enums import Flag
from app.services.orders import list_orders
from app.services.workspace import Workspace
from ui.models.orders_model import (
    COL_DEADLINE,
    COL_FLAG,
    COL_ITEMS,
    COL_ORDER,
    COL_STATUS,
    FLAG_COLOURS,
    ORDER_ROLE,
    OrdersTableModel,
    countdown_text,
)
from ui.models.pack_lines_model import COL_PROGRESS, PackLine, PackLinesModel


def test_orders_model(qtmodeltester, demo: Workspace) -> None:
    orders = list_orders(demo.session_factory, limit=100)
    model = OrdersTableModel()
    model.set_rows(orders)
    qtmodeltester.check(model)
    assert model.rowCount() == len(orders)
    assert model.data(model.index(0, COL_ORDER)) == orders[0].order_no
    assert model.data(model.index(0, COL_ORDER), ORDER_ROLE) is orders[0]
    flagged = next(i for i, o in enumerate(orders) if o.flag is not Flag.NONE)
    colour = model.data(model.index(flagged, COL_FLAG), Qt.ItemDataRole.DecorationRole)
    assert colour == QColor(FLAG_COLOURS[orders[flagged].flag])
    assert model.data(model.index(0, COL_STATUS))


def test_overdue_deadline_is_red(demo: Workspace) -> None:
    orders = [o for o in list_orders(demo.session_factory, status="awaiting_shipment", limit=100)]
    later = orders[0].deadline + timedelta(hours=3)
    model = OrdersTableModel(clock=lambda: later)
    model.set_rows(orders)
    text = model.data(model.index(0, COL_DEADLINE))
    assert "overdue 3h 0m" in text
    brush = model.data(model.index(0, COL_DEADLINE), Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == QColor("#b71c1c")


def test_the_items_column_counts_the_other_lines_in_english_and_all_of_them_in_chinese(qapp, demo: Workspace) -> None:  # noqa: ANN001
    from ui.i18n import install_translator

    order = next(o for o in list_orders(demo.session_factory, limit=100) if len(o.lines) == 3)
    model = OrdersTableModel()
    model.set_rows([order])
    pieces = sum(ln.qty for ln in order.lines)
    assert model.data(model.index(0, COL_ITEMS)).startswith(f"{order.lines[0].title} +2 more  (")
    translator = install_translator(qapp, "zh_CN")
    try:
        assert model.data(model.index(0, COL_ITEMS)) == f"{order.lines[0].title} 等3种  ({pieces}件)"
    finally:
        qapp.removeTranslator(translator)


def test_an_order_on_hold_says_why_in_the_status_column(demo: Workspace) -> None:
    """The seller's hold reason, or the platform's (a presale whose balance is not paid), read with the list's page."""
    from app.services.orders import OrderFilter, list_page

    first, second = (o.order_no for o in list_orders(demo.session_factory, status="awaiting_shipment", limit=2))
    with demo.session_factory.begin() as s:
        sql = "UPDATE orders SET status = 'on_hold', hold_reason = ?, platform_status = ? WHERE order_no = ?"
        s.connection().exec_driver_sql(sql, ("等买家确认地址", "", first))
        s.connection().exec_driver_sql(sql, (None, "FRONT_PAID_FINAL_NOPAID", second))
    page = list_page(demo.session_factory, OrderFilter(statuses=("on_hold",)), limit=50)
    model = OrdersTableModel()
    model.set_rows(list(page))
    shown = {model.data(model.index(i, COL_ORDER)): model.data(model.index(i, COL_STATUS)) for i in range(len(page))}
    assert shown[first] == "On hold · 等买家确认地址"
    assert shown[second] == "On hold · presale: balance not paid"


def test_countdown_text() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert countdown_text(now + timedelta(minutes=125), now) == "2h 5m left"
    assert countdown_text(now - timedelta(minutes=61), now) == "overdue 1h 1m"


def test_pack_lines_model(qtmodeltester) -> None:
    model = PackLinesModel()
    model.set_rows([PackLine("A-1", "杯子", "颜色:白", 2, 1), PackLine("B-2", "毛巾", "", 1, 0, refunded=True)], "A-1")
    qtmodeltester.check(model)
    assert model.data(model.index(0, COL_PROGRESS)) == "1 / 2"
    assert model.data(model.index(1, COL_PROGRESS)) == "refund: do not pack"


def test_a_scan_repaints_only_the_rows_it_changed(qapp) -> None:  # noqa: ANN001
    model = PackLinesModel()
    rows = [PackLine(f"SKU-{i}", "商品", "", 2, 0) for i in range(5)]
    model.set_rows(rows)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles=(): changed.append((top.row(), bottom.row())))
    model.modelReset.connect(lambda: changed.append((-1, -1)))
    rows[2] = PackLine("SKU-2", "商品", "", 2, 1)
    model.set_rows(rows, last_sku="SKU-2")
    assert changed == [(2, 2)]
    changed.clear()
    rows[4] = PackLine("SKU-4", "商品", "", 2, 1)
    model.set_rows(rows, last_sku="SKU-4")  # the highlight moves from row 2 to row 4
    assert changed == [(2, 2), (4, 4)]


def test_every_table_names_as_many_columns_as_it_counts(qapp) -> None:  # noqa: ANN001
    from ui.models.jobs_model import JobsTableModel

    for model in (JobsTableModel(), OrdersTableModel(), PackLinesModel()):
        assert len(model.headers()) == model.columns, type(model).__name__

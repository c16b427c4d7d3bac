"""Merging from the workspace (pytest-qt, offscreen, the demo shop): orders of one buyer to one address carry the
merge badge, Merge into one parcel puts the selection into one parcel (the detail pane says so, one parcel key for
both), Undo takes it apart again, and orders to different addresses are refused with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.persistence.rows import OrderRow
from app.services.workspace import Workspace
from tests.ui.test_order_actions import told  # noqa: F401 - the fixture
from tests.ui.test_order_detail import listed
from ui.main import Gui
from ui.models.orders_model import COL_ORDER, COL_STATUS
from ui.widgets.orders_view import OrdersView

RECEIVER = ("buyer_nick", "receiver_name", "receiver_phone", "receiver_province", "receiver_city",
            "receiver_district", "receiver_town", "receiver_address", "oaid")  # fmt: skip


def same_buyer(ws: Workspace) -> tuple[str, str, str]:
    """Two waiting demo orders made one buyer's to one address, and a third of that buyer to another address."""
    with ws.session_factory.begin() as s:
        rows = [
            r
            for r in s.scalars(select(OrderRow).where(OrderRow.status == "awaiting_shipment").order_by(OrderRow.id))
            if not r.packages and r.hold_reason is None and all(ln.refund_status == "none" for ln in r.lines)
        ]
        shop = rows[0].shop_id
        a, b, c = [r for r in rows if r.shop_id == shop][:3]  # one shop's: shops do not share parcels
        for r in (b, c):
            for f in RECEIVER:
                setattr(r, f, getattr(a, f))
        c.receiver_address = a.receiver_address + " 对面"
        return a.order_no, b.order_no, c.order_no


def _select(view: OrdersView, order_nos: list[str]) -> None:
    from PySide6.QtCore import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.table.selectionModel().clearSelection()
    for row in range(view.model.rowCount()):
        if view.model.order_no_at(row) in order_nos:
            view.table.selectionModel().select(view.model.index(row, 0), flags)


def _badge(view: OrdersView, order_no: str) -> str:
    for row in range(view.model.rowCount()):
        if view.model.order_no_at(row) == order_no:
            status = view.model.index(row, COL_STATUS).data()
            mark = view.model.index(row, COL_ORDER).data(Qt.ItemDataRole.DecorationRole)
            assert (mark is None) == status.endswith("shipment")  # the swatch goes with the words
            return str(status)
    raise AssertionError(f"{order_no} is not listed")


def _reloaded(qtbot, view: OrdersView) -> None:  # noqa: ANN001
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() > 10 and not view.model.loading, timeout=10_000)


def test_merge_and_undo_from_the_actions_menu(qtbot, gui: Gui, demo: Workspace, told) -> None:  # noqa: ANN001, F811
    a, b, c = same_buyer(demo)
    view = listed(qtbot, gui)
    _reloaded(qtbot, view)
    assert _badge(view, a).endswith("can merge") and _badge(view, b).endswith("can merge")
    assert _badge(view, c) == "Awaiting shipment"  # another address: no badge

    _select(view, [a, c])
    view.order_actions.actions["merge"].trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    text, _lines, warn = told[-1]
    assert warn and "different receivers or addresses" in text

    _select(view, [a, b])
    with qtbot.waitSignal(view.order_actions.action_finished, timeout=10_000):
        view.order_actions.actions["merge"].trigger()
    assert not told[-1][2] and a in told[-1][0] and b in told[-1][0]
    _reloaded(qtbot, view)
    assert "merged ×2" in _badge(view, a) and "merged ×2" in _badge(view, b)
    detail = gui.ops.desk.order_detail(b)
    html = view.detail.html(detail)
    assert "one parcel with one waybill" in html and a in html and b in html
    assert {ln.line_no for ln in detail.order.lines} >= {
        ln.line_no for no in (a, b) for ln in gui.ops.desk.orders_page(search=no, limit=5)[0].lines
    }

    assert view.order_actions.actions["undo"].isEnabled()
    with qtbot.waitSignal(view.order_actions.action_finished, timeout=10_000):
        view.order_actions.actions["undo"].trigger()
    _reloaded(qtbot, view)
    assert _badge(view, a).endswith("can merge") and "merged" not in _badge(view, b)

"""ui.ops: a read's result and a failure reach the GUI thread; a write's changes reach every listening view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.enums import OrderStatus
from app.domain.errors import NotFound
from app.facade import Desk
from app.services.audit import Actor
from app.services.workspace import Workspace
from printers.media import Media
from ui.ops import ChangeHub, Changes, CollectionOp, Ops, QueryOp
from ui.tasks import TaskRunner


class _View(QWidget):
    """A view as the window's are: it hears the hub and notes what changed."""

    def __init__(self, hub: ChangeHub) -> None:
        super().__init__()
        self.heard: list[tuple[Changes, object]] = []
        hub.changed.connect(lambda changes, initiator: self.heard.append((changes, initiator)))


SHOP = dict.fromkeys(
    ("group", "sender_name", "sender_phone", "sender_province", "sender_city", "sender_district", "sender_detail"), ""
) | {"name": "新店", "gateway": "http://127.0.0.1:9/router/rest", "app_key": "1", "app_secret": "s", "session_key": "k"}


def _add_shop(desk: Desk) -> list[str]:
    shops, _warning = desk.add_shop(SHOP)
    return [s.name for s in shops]


@pytest.fixture
def ops(qapp, demo: Workspace) -> Iterator[Ops]:  # noqa: ANN001
    tasks = TaskRunner()
    yield Ops(tasks, Desk(demo.session_factory, demo.data_dir, Actor("tester", "vm")), ChangeHub())
    tasks.wait()


def test_a_query_hands_its_result_to_success_on_the_gui_thread(qtbot, ops: Ops) -> None:  # noqa: ANN001
    got: list[list[str]] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    QueryOp(
        ops,
        parent,
        op=lambda desk: [o.order_no for o in desk.orders_page(status=OrderStatus.AWAITING_SHIPMENT.value, limit=5)],
        success=got.append,
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(got))
    assert len(got[0]) == 5 and got[0] == [
        o.order_no for o in ops.desk.orders_page(status="awaiting_shipment", limit=5)
    ]


def test_a_failed_query_reaches_failure_or_a_message_box_in_words(qtbot, ops: Ops, monkeypatch) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[BaseException] = []
    QueryOp(ops, parent, op=lambda desk: desk.order_preview("NO-SUCH", Media()), success=pytest.fail).failure(
        errors.append
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], NotFound)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    QueryOp(
        ops, parent, op=lambda desk: desk.order_preview("NO-SUCH", Media()), success=pytest.fail
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(shown))
    assert "NO-SUCH" in shown[0]


def test_progress_reaches_the_gui_thread_in_order(qtbot, ops: Ops) -> None:  # noqa: ANN001
    seen: list[int] = []
    done: list[str] = []

    def count(_desk: Desk, report) -> str:  # noqa: ANN001
        for i in range(3):
            report(i)
        return "done"

    QueryOp(ops, None, op=count, success=done.append).with_progress(seen.append).run_in_background("io")
    qtbot.waitUntil(lambda: bool(done))
    assert seen == [0, 1, 2]


def test_a_write_tells_every_view_what_changed_and_who_changed_it(qtbot, ops: Ops) -> None:  # noqa: ANN001
    first, second = _View(ops.hub), _View(ops.hub)
    for view in (first, second):
        qtbot.addWidget(view)
    results: list[list[str]] = []
    CollectionOp(ops, first, op=_add_shop, changes=Changes(shops=True), success=results.append).run_in_background()
    qtbot.waitUntil(lambda: bool(second.heard))
    assert "新店" in results[0] and "新店" in [s.name for s in ops.desk.shops()]
    assert first.heard == second.heard == [(Changes(shops=True), first)]


def test_a_failed_write_changes_nothing_and_says_why(qtbot, ops: Ops) -> None:  # noqa: ANN001
    view = _View(ops.hub)
    qtbot.addWidget(view)
    errors: list[BaseException] = []
    CollectionOp(ops, view, op=lambda desk: desk.answer_print_job(999_999, True), changes=Changes(queue=True)).failure(
        errors.append
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(errors))
    ops.tasks.wait()
    assert view.heard == []


def test_a_closed_parents_callbacks_are_dropped_but_its_write_is_still_heard(qtbot, ops: Ops) -> None:  # noqa: ANN001
    listener = _View(ops.hub)
    qtbot.addWidget(listener)
    dialog = QWidget()
    called: list[object] = []
    CollectionOp(ops, dialog, op=_add_shop, changes=Changes(shops=True), success=called.append).run_in_background()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: bool(listener.heard))
    assert called == [] and listener.heard[0][0] == Changes(shops=True)

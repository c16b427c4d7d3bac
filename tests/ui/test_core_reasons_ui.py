"""Reasons the core gives reach the window in the packer's language: a print failure at the bench, a print job's
stored reason in the print queue. A bracketing translator stands in for Chinese: a text that bypassed the
"CoreMessages" context would show unbracketed English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdtest.brackets import brackets_installed
from pdtest.station_ui import pack, packable, scan
from PySide6.QtCore import Qt
from sqlalchemy import delete

from app.domain.enums import ScanOutcome
from app.domain.orders import Order
from app.persistence.rows import PrintJobRow, WaybillAccountRow
from app.services.audit import Actor
from app.services.orders import list_orders
from app.services.printing import PrintService, cancel, recover
from app.services.supervisor import hash_supervisor_pin
from printers.registry import open_printer
from ui.main import Gui
from ui.models.jobs_model import COL_REASON


@pytest.fixture
def brackets(qapp) -> Iterator[None]:  # noqa: ANN001
    with brackets_installed(qapp):
        yield


def test_a_print_failure_at_the_bench_is_said_in_the_packers_language(qtbot, gui: Gui, brackets: None) -> None:  # noqa: ANN001
    with gui.workspace.session_factory.begin() as session:
        session.execute(delete(WaybillAccountRow))  # no waybill account yet: the label cannot be made
    order = packable(gui)
    snap = pack(qtbot, gui, order)
    assert snap.events[-1].event is ScanOutcome.PRINT_FAILED
    detail = gui.window.station_view.detail.text()
    assert detail.startswith(f"«Shop '{order.shop}' has no") and detail.endswith("»"), detail
    assert "waybill account" in (snap.events[-1].reason or "")  # the event's own reason stays English (JSON)


def test_a_print_jobs_stored_reason_is_said_in_the_packers_language(
    qtbot,  # noqa: ANN001
    gui: Gui,
    brackets: None,
    tmp_path: Path,
) -> None:
    ws = gui.workspace
    actor = Actor("tester", "bench")
    service = PrintService(ws.session_factory, open_printer(f"png://{tmp_path.as_posix()}/q"), actor)
    first, second = [o.order_no for o in _two_packable(gui)]
    cancelled = service.enqueue(first)
    cancel(ws.session_factory, cancelled, actor=actor, now=datetime.now(UTC))
    view = gui.window.queue_view
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    reason = view.model.index(0, COL_REASON)
    assert view.model.data(reason) == "«cancelled: «taken out of the queue»»"
    assert view.model.data(reason, Qt.ItemDataRole.ToolTipRole) == "«cancelled: «taken out of the queue»»"

    # a job whose printing was cut off by a crash: "did it print?", said from the database after the restart
    interrupted = service.enqueue(second)
    with ws.session_factory.begin() as session:  # its process died while sending, long ago
        job = session.get(PrintJobRow, interrupted)
        assert job is not None
        job.state, job.claimed_by, job.claimed_at = "sending", "elsewhere/1", datetime(2020, 1, 1, tzinfo=UTC)
    assert recover(ws.session_factory, actor, datetime.now(UTC)) == [interrupted]
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    texts = {view.model.data(view.model.index(row, COL_REASON)) for row in range(2)}
    assert "«interrupted while sending: did it print?»" in texts


def _two_packable(gui: Gui) -> list[Order]:
    orders = list_orders(gui.workspace.session_factory, status="awaiting_shipment", limit=500)
    return [o for o in orders if all(ln.packable for ln in o.lines) and not o.tracking_no][:2]


def test_an_imports_refusals_and_rejected_rows_are_said_in_the_packers_language(
    qtbot,  # noqa: ANN001
    gui: Gui,
    brackets: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pdtest.exports import write_pdd
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    export = write_pdd(tmp_path)
    workbook = tmp_path / "orders.xlsx"
    workbook.write_bytes(b"PK\x03\x04 an Excel workbook")
    paths = [str(p) for p in export.files] + [str(workbook)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("拼多多新店", True))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    gui.window._on_import_action_triggered()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    lines = told[0].split("\n")
    refused = next(line for line in lines if line.startswith(f"{workbook}: "))
    assert refused == f"{workbook}: «{workbook} «is an Excel workbook, not a CSV file: open it in Excel and save it " \
        "as CSV (or export the CSV version)».»"  # fmt: skip
    rejected = [line for line in lines if " row " in line]
    assert rejected and all(line.split(": ", 1)[1].startswith("«") for line in rejected), rejected


def test_a_refused_sign_in_and_a_wrong_supervisor_pin_are_said_in_the_packers_language(
    qtbot,  # noqa: ANN001
    gui: Gui,
    brackets: None,
) -> None:
    view = gui.window.station_view
    view.lock()
    view.name_edit.setText("nobody")
    view.pin_edit.setText("1234")
    view._on_sign_in_button_clicked()
    qtbot.waitUntil(lambda: view.lock_message.text() != "", timeout=10_000)
    assert view.lock_message.text() == "«Unknown packer or wrong PIN.»"

    view._unlock("tester")
    gui.workspace.settings.supervisor_pin = hash_supervisor_pin("246810")
    order = packable(gui, min_units=2)
    scan(qtbot, gui, order.order_no)
    scan(qtbot, gui, "6999999999994")
    view.apply_supervisor("6999999999994", order.lines[0].sku, 1, "", "135790")
    assert view.banner.text() == "ERROR" and view.detail.text() == "«Wrong supervisor PIN.»"

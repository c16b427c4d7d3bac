"""A serial scanner and a scale configured in the settings work in the real window: a code from the serial port
opens the order wherever the focus is, and a parcel that weighs wrong is stopped with the weights on screen."""

from __future__ import annotations

import os
import time
import tty
from pathlib import Path

import pytest
from sqlalchemy import select

from app.persistence.rows import ProductRow
from app.services.orders import list_orders
from app.services.workspace import Workspace
from ui.main import build_gui

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


def pty() -> tuple[int, int, str]:
    master, slave = os.openpty()
    tty.setraw(slave)
    return master, slave, os.ttyname(slave)


def test_serial_scanner_and_scale_in_the_window(qtbot, qapp, demo: Workspace, tmp_path: Path) -> None:  # noqa: ANN001
    scan_master, scan_slave, scan_path = pty()
    scale_master, scale_slave, scale_path = pty()
    demo.settings.printer_uri = f"png://{(tmp_path / 'labels').as_posix()}"
    demo.settings.scanner_uri = f"serial://{scan_path}?baud=9600"
    demo.settings.scale_uri = f"serial://{scale_path}?baud=9600"
    gui = build_gui(demo)
    qtbot.addWidget(gui.window)
    gui.window.show()
    view = gui.window.station_view
    try:
        order = next(
            o
            for o in list_orders(demo.session_factory, status="awaiting_shipment", limit=500)
            if all(ln.packable for ln in o.lines) and not o.tracking_no and len(o.lines) == 1 and o.lines[0].qty == 1
        )
        gui.window.tabs.setCurrentWidget(gui.window.orders_view)
        gui.window.orders_view.search_edit.setFocus()
        with qtbot.waitSignal(view.scan_handled, timeout=10_000):
            os.write(scan_master, f"{order.order_no}\r\n".encode())
        assert view.snapshot.order is not None and view.snapshot.order.order_no == order.order_no
        assert gui.window.orders_view.search_edit.text() == ""  # the scan did not land in the search box
        for _ in range(5):
            os.write(scale_master, b"ST,GS,+0009.999kg\r\n")  # far heavier than one item
        with qtbot.waitSignal(view.scan_handled, timeout=10_000) as blocker:
            os.write(scan_master, f"{order.lines[0].barcodes[0]}\r\n".encode())
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline and not blocker.signal_triggered:
                os.write(scale_master, b"ST,GS,+0009.999kg\r\n")
                qtbot.wait(50)
        with demo.session_factory() as s:
            weight = s.execute(select(ProductRow.weight_g).where(ProductRow.sku == order.lines[0].sku)).scalar_one()
        last = view.snapshot.events[-1]
        assert last.event.value == "weight_mismatch" and last.extra["expected_g"] == weight
        assert view.banner.text() == "WRONG WEIGHT" and "9999 g" in view.detail.text()
    finally:
        gui.scanner.uninstall(qapp)
        gui.tasks.wait()
        gui.window.close()
        for fd in (scan_master, scan_slave, scale_master, scale_slave):
            os.close(fd)

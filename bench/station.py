"""The station's speed: scan-to-verdict in the real window, and last scan to the first label byte on the wire.

Window: the demo shop in the real main window (offscreen when there is no display). Each scan is typed into the
focused window as a keyboard-wedge scanner types it (key events 3-8 ms apart are irrelevant here: the keys are
queued at once), and the time runs from posting the terminator (Enter) to the verdict banner repainted with the
new state. The next scan comes once the window has handled this one and idled GAP_MS (a hand reaching for the
next item). Baseline: the same scans through the station engine alone, in the same run.

Label: a parcel's last item scanned at a headless station printing to a raw TCP listener on 127.0.0.1 (a port-9100
printer stand-in); the time runs from the scan to the first byte arriving at the listener. Baseline: rendering and
encoding that label alone.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Figure, percentile

ORDERS = int(os.environ.get("PACKDESK_BENCH_STATION_ORDERS", "60"))  # about 300 scans: a steady p99
# Between two scans: no hand scans two items 100 ms apart (the next order comes seconds after a label), and in
# that time the window's background work (the pace, pictures, the platform check) runs, as it does at a bench.
GAP_MS = int(os.environ.get("PACKDESK_BENCH_SCAN_GAP_MS", "100"))


class FirstByteListener:
    """A raw port-9100 printer stand-in that notes when the first byte of each job arrives."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.first_bytes: list[float] = []
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                first = conn.recv(65536)
                if first:
                    self.first_bytes.append(time.perf_counter())
                while conn.recv(65536):
                    pass

    def close(self) -> None:
        self._stop = True
        self._thread.join(2)
        self.sock.close()


def _workspace(root: Path):  # type: ignore[no-untyped-def]
    from app.demo.seed import seed_demo
    from app.services.workspace import open_workspace

    ws = open_workspace(root)
    with ws.session_factory.begin() as session:
        seed_demo(session, orders=ORDERS * 3, seed=3, anchor=datetime.now(UTC).replace(microsecond=0))
    return ws


def _packable(ws, count: int):  # type: ignore[no-untyped-def]
    from app.domain.enums import OrderStatus
    from app.services.orders import list_orders

    orders = [
        o
        for o in list_orders(ws.session_factory, limit=10_000)
        if o.status is OrderStatus.AWAITING_SHIPMENT and o.block_reason() is None and not o.refund_requested
    ]
    return orders[:count]


def _scans(order) -> list[str]:  # type: ignore[no-untyped-def]
    return [ln.barcodes[0] for ln in order.lines for _ in range(ln.qty)]


def _engine_ms(root: Path) -> list[float]:
    """Scan-to-verdict of the engine alone (no window, no printer): the baseline of the window figure."""
    from app.services.audit import Actor
    from app.wiring import build_station

    ws = _workspace(root)
    try:
        station = build_station(ws.session_factory, Actor("bench", "bench-1"))
        samples = []
        for order in _packable(ws, ORDERS):
            for code in [order.order_no, *_scans(order)]:
                start = time.perf_counter()
                station.scan(code)
                samples.append((time.perf_counter() - start) * 1000)
            station.session = None
        return samples
    finally:
        ws.close()


def _window_ms(root: Path) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent

    from ui.main import build_gui, make_app, settle_memory

    app = make_app()
    ws = _workspace(root)
    ws.settings.printer_uri = ""  # verdicts only: no printing in this figure
    gui = build_gui(ws)
    window, view = gui.window, gui.window.station_view
    window.resize(1366, 768)  # the screen most benches have; the window runs maximized there
    window.show()
    view.station.printer = None
    samples: list[float] = []
    done: list[float] = []

    loop = QEventLoop()

    handled: list[float] = []
    timeout = QTimer()
    timeout.setSingleShot(True)
    timeout.setInterval(5000)
    timeout.timeout.connect(loop.quit)

    def repainted(_snapshot: object) -> None:
        done.append(time.perf_counter())  # the view painted the banner synchronously before it said so

    def finished(_snapshot: object) -> None:
        handled.append(time.perf_counter())
        loop.quit()

    view.verdict_shown.connect(repainted)  # the verdict on screen (a completed parcel's label comes after)
    view.scan_handled.connect(finished)  # the next scan comes once this one is done, as at a bench

    pause = QTimer()
    pause.setSingleShot(True)
    pause.timeout.connect(loop.quit)

    def type_scan(code: str) -> float:
        pause.start(GAP_MS)  # the hand moves to the next item: the window idles (its background work runs)
        while pause.isActive():
            loop.exec()
        target = view.scan_input
        target.setFocus()
        for ch in code:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        app.processEvents()
        count, finished_count = len(done), len(handled)
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        start = time.perf_counter()
        QCoreApplication.sendEvent(target, enter)
        # wait as the window waits: idle in the event loop (a busy loop would steal the worker's GIL time)
        timeout.start()
        while len(handled) == finished_count and timeout.isActive():
            loop.exec()
        timeout.stop()
        return (done[-1] - start) * 1000 if len(done) > count else float("inf")

    try:
        # The window settles first (the order list's first load, the pace, the resumed parcel): a packer's first
        # scan comes seconds after the window opens, not while it is still loading.
        for _ in range(3):
            gui.tasks.wait()
            for _ in range(20):
                app.processEvents()
        settle_memory()  # as `packdesk gui` does once the window is up
        for order in _packable(ws, ORDERS):
            for code in [order.order_no, *_scans(order)]:
                samples.append(type_scan(code))
            view.station.session = None
        return samples
    finally:
        gui.tasks.wait()
        window.close()
        window.deleteLater()
        app.processEvents()
        ws.close()


def _label_ms(root: Path) -> tuple[list[float], float]:
    from app.services.audit import Actor
    from app.wiring import build_station, print_service
    from bench.common import per_call_ms
    from bench.labels import SAMPLE
    from printers import escpos
    from printers.media import Media
    from printers.render import render_waybill

    listener = FirstByteListener()
    ws = _workspace(root)
    try:
        actor = Actor("bench", "bench-1")
        service = print_service(ws.session_factory, actor, f"tcp://127.0.0.1:{listener.port}?status=off")
        station = build_station(ws.session_factory, actor, service)
        samples = []
        for order in _packable(ws, ORDERS):
            scans = _scans(order)
            station.scan(order.order_no)
            for code in scans[:-1]:
                station.scan(code)
            count = len(listener.first_bytes)
            start = time.perf_counter()
            station.scan(scans[-1])
            deadline = time.perf_counter() + 5
            while len(listener.first_bytes) == count and time.perf_counter() < deadline:
                time.sleep(0.0005)
            if len(listener.first_bytes) > count:
                samples.append((listener.first_bytes[-1] - start) * 1000)
        media = Media(100, 150, 203)
        baseline = per_call_ms(lambda: escpos.encode_label(render_waybill(SAMPLE, media)), repeat=15)
        return samples, baseline
    finally:
        listener.close()
        ws.close()


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-station-") as tmp:
        engine = _engine_ms(Path(tmp) / "engine")
        window = _window_ms(Path(tmp) / "window")
        label, render = _label_ms(Path(tmp) / "label")
    figures = [
        Figure(
            f"scan to verdict in the window, p99 ({len(window)} scans)",
            percentile(window, 99),
            "ms",
            "station engine alone, p99",
            percentile(engine, 99),
            "16 ms or less",
        ),
        Figure(
            "scan to verdict in the window, median",
            percentile(window, 50),
            "ms",
            "engine alone, median",
            percentile(engine, 50),
        ),  # fmt: skip
    ]
    if label:
        figures.append(
            Figure(
                f"last scan to first label byte, p95 ({len(label)} parcels)",
                percentile(label, 95),
                "ms",
                "render+encode of one label",
                render,
                "150 ms or less",
            )
        )
    return figures

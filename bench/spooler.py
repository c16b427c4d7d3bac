"""The spooler keeps the printer busy: a 200-label batch to a network printer, PackDesk's time over the printer's own.

The printer is a raw port-9100 stand-in on 127.0.0.1, in a process of its own (as a printer is), that takes each
label in a fixed time (LABEL_MS, scaled down from a real printer's second so the bench stays short) and answers the
ESC/POS status question behind it once the label is out. PackDesk: `PrintService.enqueue_batch` then `run()` over
the batch, from the first commit to the last answer (tracking numbers allocated, labels rendered, claimed, sent and
counted). Baseline: a raw sender in the same run, the same labels rendered beforehand and written straight to one
socket, each followed by the same question and waiting for its answer. Both figures are the time over the printer's
own (labels x LABEL_MS); the goal is the issue's 2 s over printer time for 200 one-second labels.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Figure

LABELS = int(os.environ.get("PACKDESK_BENCH_SPOOLER_LABELS", "200"))
LABEL_MS = float(os.environ.get("PACKDESK_BENCH_SPOOLER_LABEL_MS", "20"))
QUERY = b"\x10\x04\x01\x10\x04\x04"  # ESC/POS DLE EOT 1, DLE EOT 4 (printers.status.QUERIES)
READY = b"\x12\x12"


class TimedPrinter:
    """A port-9100 ESC/POS printer stand-in: each label takes `label_s` to come out; the status question behind it
    is answered then (a question alone at once). A label on a connection of its own is done when the sender closes."""

    def __init__(self, label_s: float) -> None:
        self.label_s = label_s
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # Ethernet's segment size, not loopback's 64 KB (as tests/pdtest/simulator.py): with 64 KB segments a sender
        # with a small send buffer waits out delayed acknowledgements, which no printer on a LAN makes it do.
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 1460)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.labels = 0
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        data = bytearray()
        with conn:
            conn.settimeout(0.2)
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    if data:
                        self._print()
                    return
                data += chunk
                if data.endswith(QUERY):
                    if len(data) > len(QUERY):
                        self._print()
                    data.clear()
                    conn.sendall(READY)

    def _print(self) -> None:
        self._stop.wait(self.label_s)
        self.labels += 1

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(2)
        self.sock.close()


def _packdesk_s(root: Path, port: int) -> float:
    from app.demo.seed import seed_demo
    from app.services.audit import Actor
    from app.services.orders import list_orders
    from app.services.printing import PrintService
    from app.services.workspace import open_workspace
    from printers.registry import open_printer

    ws = open_workspace(root)
    try:
        with ws.session_factory.begin() as session:
            seed_demo(session, orders=LABELS * 2, seed=5, anchor=datetime.now(UTC).replace(microsecond=0))
        orders = [
            o.order_no
            for o in list_orders(ws.session_factory, status="awaiting_shipment", limit=LABELS * 4)
            if o.block_reason() is None and all(ln.packable for ln in o.lines) and not o.tracking_no
        ][:LABELS]
        service = PrintService(ws.session_factory, open_printer(_uri(port)), Actor("bench", "bench-1"))
        start = time.perf_counter()
        service.enqueue_batch(orders)
        results = service.run()
        elapsed = time.perf_counter() - start
        sent = sum(r.state.value == "sent" for r in results)
        if sent != len(orders):
            raise RuntimeError(f"the spooler bench printed {sent} of {len(orders)} labels: {service.pause}")
        return elapsed
    finally:
        ws.close()


def _uri(port: int) -> str:
    return f"tcp://127.0.0.1:{port}?lang=escpos"


def _raw_s(port: int) -> float:
    """Pre-rendered labels straight to one socket, each confirmed by the answer to the question behind it."""
    from dataclasses import replace

    from bench.labels import SAMPLE
    from printers.registry import RawPrinter, open_printer

    raw = open_printer(_uri(port))
    assert isinstance(raw, RawPrinter)
    labels = [raw.render(replace(SAMPLE, copy_no=1 + n % 3)) for n in range(LABELS)]
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        for data in labels:
            sock.sendall(data + QUERY)
            answer = b""
            while len(answer) < len(READY):
                answer += sock.recv(16)
    return time.perf_counter() - start


def serve(label_s: float) -> None:
    """The printer stand-in's process: says its port on stdout, serves until stdin closes."""
    printer = TimedPrinter(label_s)
    print(printer.port, flush=True)
    sys.stdin.read()
    printer.close()


def _start_printer(label_s: float) -> tuple[subprocess.Popen[str], int]:
    root = str(Path(__file__).resolve().parent.parent)
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from bench.spooler import serve; serve(float(sys.argv[1]))", str(label_s)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (root, os.environ.get("PYTHONPATH"))))},
    )
    assert child.stdout is not None
    return child, int(child.stdout.readline())


def run() -> list[Figure]:
    label_s = LABEL_MS / 1000
    printer_s = LABELS * label_s
    child, port = _start_printer(label_s)
    try:
        with tempfile.TemporaryDirectory(prefix="packdesk-bench-spooler-") as tmp:
            raw = _raw_s(port)
            packdesk = _packdesk_s(Path(tmp) / "spooler", port)
    finally:
        child.communicate(timeout=10)
    return [
        Figure(
            f"batch of {LABELS} labels, over printer time ({LABEL_MS:g} ms/label)",
            packdesk - printer_s,
            "s",
            "raw sender, pre-rendered, over printer time",
            raw - printer_s,
            "2 s or less",
        )
    ]

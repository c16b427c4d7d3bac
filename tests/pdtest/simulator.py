"""A simulated raw-TCP label printer that answers status queries the way real ones do, and can misbehave.

    with PrinterSimulator(lang="escpos") as sim:
        uri = sim.uri                  # tcp://127.0.0.1:PORT?lang=escpos
        sim.state = "paper_out"        # answers DLE EOT / <ESC>!? / ~HS accordingly
        sim.silent = True              # never answers a status query (many cheap printers)
        sim.close_after = 5000         # takes that many job bytes, then resets the connection (jam, power blip)
        sim.reset_delay_s = 0.3        # ... after standing still that long (the sender has long put the rest in flight)
        sim.delay_s = 0.2              # reads a chunk every delay_s: a slow printer, the sender blocks
        sim.one_at_a_time = True       # serves one connection at a time, as a port 9100 does: the next one (a status
                                       # question) waits in the backlog until the job before it is read
        sim.jobs                       # bytes of every job whose sender closed (a killed sender's part too), or
                                       # that a status question followed on the same connection (a batch)
        sim.cut_jobs                   # bytes of every job cut off by close_after
        sim.receiving                  # bytes taken so far of the job connections still open
        sim.connections                # connections accepted (status questions alone included)
        sim.before_answer = hook       # hook(k) runs before the answer to the question behind the k-th label of a
                                       # connection (0-based): a test holds the answer to observe the sender meanwhile

SerialPrinterSimulator is a ZPL printer on a pseudo-terminal that takes bytes at its baud rate (8N1: baud / 10 bytes a
second) and answers ~HS when it reaches it in the stream, as a real serial printer does.

Threads poll a stop flag and are joined on exit (bounded), so a test never leaks one.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import time
import tty
from collections.abc import Callable
from types import TracebackType

POLL_S = 0.02
CHUNK = 4096

QUERIES = {"escpos": b"\x10\x04\x01\x10\x04\x04", "tspl": b"\x1b!?", "zpl": b"~HS"}

_ANSWERS = {
    "escpos": {"ready": b"\x12\x12", "paper_out": b"\x12\x72", "offline": b"\x1a\x12"},
    "tspl": {"ready": b"\x00", "paper_out": b"\x04", "offline": b"\x41"},
    "zpl": {
        "ready": b"\x02030,0,0,1245,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,0,0,0,2,4,0,00000000,1,000\x03\r\n"
        b"\x021234,0\x03\r\n",
        "paper_out": b"\x02030,1,0,1245,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,0,0,0,2,4,0,00000000,1,000\x03\r\n"
        b"\x021234,0\x03\r\n",
        "offline": b"\x02030,0,1,1245,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,0,0,0,2,4,0,00000000,1,000\x03\r\n"
        b"\x021234,0\x03\r\n",
    },
}


def _wait_jobs(lock: threading.Lock, jobs: list[bytes], n: int, timeout: float) -> list[bytes]:
    """The jobs a simulator has received once there are at least `n` (bounded by `timeout`, never a measurement)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with lock:
            if len(jobs) >= n:
                return list(jobs)
        time.sleep(POLL_S)
    raise AssertionError(f"expected {n} jobs, got {len(jobs)}")


class PrinterSimulator:
    def __init__(self, lang: str = "escpos", limit_s: float = 30.0) -> None:
        self.lang = lang
        self.state = "ready"
        self.silent = False
        self.close_after: int | None = None
        self.reset_delay_s = 0.0
        self.delay_s = 0.0
        self.one_at_a_time = False
        self.limit_s = limit_s
        self.jobs: list[bytes] = []
        self.cut_jobs: list[bytes] = []  # jobs whose connection we reset (close_after)
        self.status_queries = 0
        self.connections = 0
        self.before_answer: Callable[[int], None] | None = None
        self._receiving: dict[int, int] = {}  # id of an open connection -> bytes taken so far
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._server: socket.socket | None = None
        self.port = 0

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}?lang={self.lang}"

    def __enter__(self) -> PrinterSimulator:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # A small receive window, like a printer's buffer: a sender cannot run ahead of what the printer took.
        server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
        # Ethernet's segment size, not loopback's 64 KB: with 64 KB segments the window reopens only after 64 KB were
        # read, so a slow printer would look stalled for seconds at a time, which no printer on a LAN does.
        server.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 1460)
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.settimeout(POLL_S)
        self._server = server
        self.port = server.getsockname()[1]
        self._spawn(self._accept_loop)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        deadline = time.monotonic() + 5
        for t in list(self._threads):
            t.join(max(0.0, deadline - time.monotonic()))
        assert self._server is not None
        self._server.close()
        alive = [t.name for t in self._threads if t.is_alive()]
        assert not alive, f"simulator threads still running: {alive}"

    @property
    def receiving(self) -> int:
        with self._lock:
            return sum(self._receiving.values())

    def wait_jobs(self, n: int, timeout: float = 10.0) -> list[bytes]:
        return _wait_jobs(self._lock, self.jobs, n, timeout)

    def _spawn(self, target, *args) -> None:  # noqa: ANN001
        t = threading.Thread(target=target, args=args, daemon=True, name=f"sim-{target.__name__}")
        self._threads.append(t)
        t.start()

    def _accept_loop(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
            if self.one_at_a_time:
                self._serve(conn)
            else:
                self._spawn(self._serve, conn)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(POLL_S)
        data = bytearray()
        started = time.monotonic()
        query = QUERIES[self.lang]
        labels = 0  # labels answered on this connection
        try:
            while not self._stop.is_set() and time.monotonic() - started < self.limit_s:
                want = CHUNK if self.close_after is None else max(1, min(CHUNK, self.close_after - len(data)))
                try:
                    chunk = conn.recv(want)
                except TimeoutError:
                    continue
                except ConnectionResetError:
                    break  # the sender vanished (killed): what arrived is kept below
                if not chunk:
                    break
                data += chunk
                if data.startswith(query) or data.endswith(query):
                    # A question alone, or one behind a label on a batch's connection: a printer reads its input in
                    # order, so it answers once it took the label, which is then a job of its own.
                    del data[-len(query) :]
                    labeled = bool(data)
                    with self._lock:
                        self.status_queries += 1
                        if data:
                            self.jobs.append(bytes(data))
                        self._receiving[id(conn)] = 0
                    data.clear()
                    if labeled and self.before_answer is not None:
                        self.before_answer(labels)
                    labels += labeled
                    if not self.silent:
                        conn.sendall(_ANSWERS[self.lang][self.state])
                    continue
                with self._lock:
                    self._receiving[id(conn)] = len(data)
                if self.close_after is not None and len(data) >= self.close_after:
                    self._stop.wait(self.reset_delay_s)
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    with self._lock:
                        self.cut_jobs.append(bytes(data))
                    return
                if self.delay_s:
                    time.sleep(self.delay_s)
            if data:
                with self._lock:
                    self.jobs.append(bytes(data))
        finally:
            with self._lock:
                self._receiving.pop(id(conn), None)
            conn.close()


class SerialPrinterSimulator:
    """A ZPL printer on a pseudo-terminal: it takes bytes at `baud` / 10 a second and answers ~HS in stream order.

        with SerialPrinterSimulator(baud=115200) as sim:
            uri = sim.uri              # serial:///dev/pts/N?baud=115200&flow=none&lang=zpl
            sim.jobs                   # each label taken whole (^XA ... ^XZ)
            sim.silent = True          # takes bytes but never answers (it hung mid-label, or a model that never does)

    ZPL's label data is hexadecimal with letters for repeats, so "~HS" cannot occur inside a label: finding it in the
    stream is exactly what the printer's parser does.
    """

    def __init__(self, baud: int = 115200, limit_s: float = 60.0) -> None:
        self.baud = baud
        self.limit_s = limit_s
        self.state = "ready"
        self.silent = False
        self.jobs: list[bytes] = []
        self.status_queries = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._master = self._slave = -1

    @property
    def uri(self) -> str:
        return f"serial://{os.ttyname(self._slave)}?baud={self.baud}&flow=none&lang=zpl"

    def __enter__(self) -> SerialPrinterSimulator:
        self._master, self._slave = os.openpty()  # we hold the slave open, so the pty lives between the port's opens
        tty.setraw(self._slave)  # no echo, no newline translation: a serial line carries bytes as they are
        self._thread = threading.Thread(target=self._serve, daemon=True, name="sim-serial")
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join(5)
        os.close(self._slave)
        os.close(self._master)
        assert not self._thread.is_alive(), "serial simulator thread still running"

    def wait_jobs(self, n: int, timeout: float = 10.0) -> list[bytes]:
        return _wait_jobs(self._lock, self.jobs, n, timeout)

    def _serve(self) -> None:
        rate = self.baud / 10
        step = max(1, int(rate * POLL_S))  # bytes per poll at the line's speed
        stream = bytearray()
        started = last = time.monotonic()
        budget = 0.0
        while not self._stop.is_set() and time.monotonic() - started < self.limit_s:
            if not select.select([self._master], [], [], POLL_S)[0]:
                continue
            # Never faster than the line: a budget that grows at the baud rate, capped at one poll's worth.
            now = time.monotonic()
            budget, last = min(float(step), budget + (now - last) * rate), now
            if budget < 1:
                time.sleep(POLL_S)
                continue
            chunk = os.read(self._master, int(budget))
            budget -= len(chunk)
            stream += chunk
            while True:
                query = stream.find(b"~HS")
                end = stream.find(b"^XZ")
                if query >= 0 and (end < 0 or query < end):
                    del stream[: query + 3]
                    with self._lock:
                        self.status_queries += 1
                    if not self.silent:
                        os.write(self._master, _ANSWERS["zpl"][self.state])
                elif end >= 0:
                    with self._lock:
                        self.jobs.append(bytes(stream[: end + 3]).strip())
                    del stream[: end + 3]
                else:
                    break

"""A fake raw-TCP (port 9100 style) printer for tests: it records every byte each connection sends.

    with TcpCapture() as cap:                      # listens on 127.0.0.1, a free port
        send_to(f"tcp://127.0.0.1:{cap.port}")
        conn = cap.wait_for(1)[0]                  # waits (bounded) until the peer has closed
        assert conn.data == expected

Options:
    reply, reply_after: send `reply` once the connection has received `reply_after` bytes (status queries).
    answer_to: {request: answer}: send `answer` whenever what a connection sent so far equals `request` (a printer
        that answers its status query on a status connection and prints on a job connection).
    close_after: read `close_after` bytes, then reset the connection (a printer that dies mid-job).
    accept: False listens without ever accepting (connections sit in the backlog: a printer that never answers).
    bound: listen on this already bound socket (e.g. from refused_port(), to bring a "dead" printer back).

Everything runs in threads that poll a stop flag; leaving the `with` block stops and joins them within a bound,
and raises if one is still alive, so a test can never leak a thread or hang.
"""

from __future__ import annotations

import select
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType

POLL_S = 0.02


@dataclass
class Connection:
    data: bytearray = field(default_factory=bytearray)
    replied: bool = False
    reset_by_us: bool = False
    closed_by_peer: bool = False
    done: bool = False


class TcpCapture:
    def __init__(
        self,
        *,
        reply: bytes | None = None,
        reply_after: int = 1,
        close_after: int | None = None,
        answer_to: dict[bytes, bytes] | None = None,
        accept: bool = True,
        bound: socket.socket | None = None,
        limit_s: float = 20.0,
    ) -> None:
        self.reply, self.reply_after = reply, reply_after
        self.answer_to = answer_to or {}
        self._bound = bound
        self.close_after = close_after
        self.accept = accept
        self.limit_s = limit_s  # no connection is served longer than this
        self.connections: list[Connection] = []
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: socket.socket | None = None
        self.port = 0

    # -- context manager -------------------------------------------------------------------------------------------

    def __enter__(self) -> TcpCapture:
        server = self._bound or socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if self._bound is None:
            server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.setblocking(False)
        self._server = server
        self.port = server.getsockname()[1]
        if self.accept:
            self._start(self._accept_loop)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        deadline = time.monotonic() + 5.0
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))
        assert self._server is not None
        self._server.close()
        alive = [t.name for t in self._threads if t.is_alive()]
        if alive and exc_type is None:
            raise RuntimeError(f"TcpCapture threads did not stop: {alive}")

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Connection]:
        """The first `count` connections, once each is finished (peer closed, or we reset it)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                finished = [c for c in self.connections if c.done]
                if len(finished) >= count:
                    return finished[:count]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(finished)} of {count} connections finished within {timeout} s")
                self._cond.wait(left)

    def wait_idle(self, timeout: float = 10.0) -> list[Connection]:
        """Every connection, once none is waiting to be accepted and all are finished.

        Call it after the client is gone (e.g. its process exited): then no new connection can arrive.
        """
        assert self._server is not None
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                pending = select.select([self._server], [], [], 0)[0]
                if not pending and all(c.done for c in self.connections):
                    return list(self.connections)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("connections still open or waiting to be accepted")
                self._cond.wait(min(left, POLL_S))

    # -- threads ---------------------------------------------------------------------------------------------------

    def _start(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(
            target=target, args=args, name=f"TcpCapture-{self.port}-{len(self._threads)}", daemon=True
        )
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            ready, _, _ = select.select([self._server], [], [], POLL_S)
            if not ready:
                continue
            with self._cond:  # accept and record together, so wait_idle never sees a connection in between
                try:
                    sock, _addr = self._server.accept()
                except BlockingIOError:
                    continue
                conn = Connection()
                self.connections.append(conn)
            self._start(self._serve, sock, conn)

    def _serve(self, sock: socket.socket, conn: Connection) -> None:
        deadline = time.monotonic() + self.limit_s
        sock.setblocking(False)
        try:
            while not self._stop.is_set() and time.monotonic() < deadline:
                ready, _, _ = select.select([sock], [], [], POLL_S)
                if not ready:
                    continue
                want = 65536
                if self.close_after is not None:
                    want = max(1, min(want, self.close_after - len(conn.data)))
                try:
                    chunk = sock.recv(want)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    break
                if not chunk:
                    conn.closed_by_peer = True
                    break
                conn.data += chunk
                answer = self.answer_to.get(bytes(conn.data))
                if answer is None and self.reply is not None and not conn.replied:
                    answer = self.reply if len(conn.data) >= self.reply_after else None
                if answer is not None:
                    try:
                        sock.setblocking(True)
                        sock.sendall(answer)
                        sock.setblocking(False)
                    except OSError:
                        break
                    conn.replied = True
                if self.close_after is not None and len(conn.data) >= self.close_after:
                    # SO_LINGER 0: close() sends RST, so the sender's next write fails instead of vanishing.
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    conn.reset_by_us = True
                    break
        finally:
            sock.close()
            with self._cond:
                conn.done = True
                self._cond.notify_all()


def refused_port() -> tuple[socket.socket, int]:
    """A port on 127.0.0.1 that refuses connections: bound by us (so nobody else takes it) but not listening.

    Close the returned socket when done.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    return sock, sock.getsockname()[1]

"""Raw port-9100 printing over TCP: one connection per job, counted only once the printer has taken all of it.

`sendall()` returning says only that the bytes are in this computer's socket buffers: a printer that jams or loses
power part-way through a label resets a connection whose last tens of kilobytes were still in flight. So after the
last byte the sending side is shut down (the printer reads the end of the job) and the transport waits for the
printer to close its side, as the AppSocket/JetDirect protocol has it (CUPS's socket backend waits the same way). A
clean close means it read everything; a reset means the label was cut off; no close means nobody can say: both raise
PrinterWriteError, "did it print?" for the packer.

The wait is sized to the printer, not to a clock: it lasts as long as the printer keeps taking bytes, and gives up
only after `stall_s` in which it took none (on Linux the bytes not yet acknowledged are watched; elsewhere the
allowance runs from the last byte sent).
"""

from __future__ import annotations

import socket
import sys
import time

from printers.errors import PrinterOffline, PrinterWriteError
from printers.ports import AnswerComplete, Written

CONNECT_TIMEOUT_S = 5.0
STALL_S = 30.0  # a printer that takes nothing for 30 s has stalled (the same allowance as a blocked write)
POLL_S = 0.2
SEND_BUFFER = 32 * 1024  # little in this computer's buffers: what a crash leaves in flight is small, progress visible


def unacknowledged(sock: socket.socket) -> int | None:
    """Bytes sent on `sock` that the peer has not acknowledged yet (Linux SIOCOUTQ), None where it cannot be told."""
    if sys.platform != "linux":
        return None
    import fcntl
    import struct
    import termios

    try:
        return int(struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0\0\0\0"))[0])
    except OSError:
        return None


class _Progress:
    """Whether the printer is still taking bytes: a job stalls only after `stall_s` in which it took none.

    On Linux the bytes it has not acknowledged yet are watched; elsewhere only what this side hands to the socket
    counts as progress, and the allowance runs from the last byte sent.
    """

    def __init__(self, sock: socket.socket, stall_s: float) -> None:
        self.sock, self.stall_s = sock, stall_s
        self.waiting = unacknowledged(sock)
        self.deadline = time.monotonic() + stall_s

    def moved(self) -> None:
        self.waiting = unacknowledged(self.sock)
        self.deadline = time.monotonic() + self.stall_s

    def stalled(self) -> bool:
        left = unacknowledged(self.sock)
        if left is not None and self.waiting is not None and left < self.waiting:
            self.moved()  # still taking bytes: slow, not stuck
        return time.monotonic() >= self.deadline


class TcpTransport:
    """Raw port-9100 printing: one connection per job, the whole job, then the printer's close.

    Args:
        host, port: the printer's address.
        stall_s: how long the printer may take no bytes (while sending or before it closes) before the job is
            called cut off.
    """

    answers_status = True
    confirms_delivery = True  # the printer's clean close is the confirmation
    batches = True  # a batch's labels share one connection, each confirmed by the status answer behind it

    def __init__(self, host: str, port: int, stall_s: float = STALL_S) -> None:
        self.host, self.port, self.stall_s = host, port, stall_s

    def query(
        self, request: bytes, answer_length: int, complete: AnswerComplete | None = None, timeout: float = 1.5
    ) -> bytes | None:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=min(timeout, CONNECT_TIMEOUT_S))
        except OSError as exc:
            raise PrinterOffline("printer.tcp_no_answer", address=f"{self.host}:{self.port}") from exc
        answer = b""
        try:
            sock.settimeout(timeout)
            sock.sendall(request)
            while not (answer_length and len(answer) >= answer_length) and not (complete and complete(answer)):
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except OSError:
            pass  # a timeout is "no answer", which the caller reads as unknown
        finally:
            sock.close()
        return answer or None

    def _connect(self) -> socket.socket:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=CONNECT_TIMEOUT_S)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        except OSError as exc:
            raise PrinterOffline("printer.tcp_offline", address=f"{self.host}:{self.port}") from exc
        sock.settimeout(min(POLL_S, self.stall_s))
        return sock

    def open_batch(self) -> TcpBatch:
        return TcpBatch(self, self._connect())

    def send(self, data: bytes) -> int:
        sock = self._connect()
        try:
            progress = _Progress(sock, self.stall_s)
            self._send_all(sock, data, progress)
            sock.shutdown(socket.SHUT_WR)
            self._await_close(sock, progress)
        except OSError as exc:  # a reset (ECONNRESET, EPIPE) or a write that stalled
            raise PrinterWriteError("printer.tcp_broke", address=f"{self.host}:{self.port}") from exc
        finally:
            sock.close()
        return len(data)

    def _send_all(self, sock: socket.socket, data: bytes, progress: _Progress) -> None:
        """Sends `data`; raises PrinterWriteError when the printer took nothing for `stall_s`. Not `sendall()`: its
        timeout bounds the whole call (Python 3.5+), and a blocked write wakes only once a third of the buffer is
        free, so neither tells a slow printer from a stuck one; the bytes it acknowledges do."""
        view = memoryview(data)
        while view:
            try:
                view = view[sock.send(view) :]  # what fits: SO_SNDBUF bounds it (32 KB chunks would meet Nagle)
                progress.moved()
            except TimeoutError:
                if progress.stalled():  # it stopped taking the label part-way
                    raise PrinterWriteError("printer.tcp_broke", address=f"{self.host}:{self.port}") from None

    def _await_close(self, sock: socket.socket, progress: _Progress) -> None:
        """Returns once the printer closed its side cleanly; raises OSError on a reset, PrinterWriteError when it
        neither took bytes nor closed for `stall_s`."""
        while True:
            try:
                if not sock.recv(4096):
                    return  # end of stream: the printer read everything and closed
                # else a back-channel message (some printers talk): not a close, keep waiting
            except TimeoutError:
                pass
            if progress.stalled():
                raise PrinterWriteError("printer.tcp_unconfirmed", address=f"{self.host}:{self.port}")


class TcpBatch:
    """The labels of one batch on one connection. Each label is followed by a status question, and it counts only
    once the printer answered it: a printer reads its input in order, so the answer says it took every byte before
    it. No answer within the stall allowance, a reset or a close instead of an answer: the label is not confirmed.
    """

    def __init__(self, link: TcpTransport, sock: socket.socket) -> None:
        self.link, self.sock = link, sock

    def send(
        self,
        data: bytes,
        request: bytes,
        answer_length: int,
        complete: AnswerComplete | None,
        written: Written | None = None,
    ) -> bytes | None:
        link, sock = self.link, self.sock
        try:
            progress = _Progress(sock, link.stall_s)
            link._send_all(sock, data + request, progress)
            if written is not None:
                written()
            answer = b""
            while not (answer_length and len(answer) >= answer_length) and not (complete and complete(answer)):
                try:
                    chunk = sock.recv(4096)
                except TimeoutError:
                    if progress.stalled():
                        return None  # it neither took bytes nor answered: nobody can say
                    continue
                if not chunk:  # closed instead of answering: it may not have read the end of the label
                    raise PrinterWriteError("printer.tcp_broke", address=f"{link.host}:{link.port}")
                answer += chunk
        except OSError as exc:
            raise PrinterWriteError("printer.tcp_broke", address=f"{link.host}:{link.port}") from exc
        return answer

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # already reset: every label sent on it was answered or reported
        finally:
            self.sock.close()

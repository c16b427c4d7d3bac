"""One window per data directory: the first window listens on a local socket named after its data directory, and a
second start asks it to come to the front instead of opening another (ui layer).

Which process may pack on a directory is decided by app.services.claim (a lock the kernel drops when its holder dies);
the socket only carries the request to come to the front.
"""

from __future__ import annotations

import getpass
import hashlib
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

ACTIVATE = b"activate\n"


def server_name(data_dir: Path) -> str:
    """The socket's name: the same for every start on one data directory by one user, short enough for any OS."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    key = f"{user}\0{data_dir.expanduser().resolve()}"
    return "packdesk-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class InstanceServer(QObject):
    """Listens for a second start on the same data directory; emits `activation_requested` for each one."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)

    def listen(self) -> bool:
        """Starts listening. Only the holder of the directory's claim calls this, so a name already taken is a socket
        file left by a crashed window: it is removed and the name taken over."""
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    @property
    def full_name(self) -> str:
        """Where the socket is (a file under the temporary folder on POSIX, a named pipe on Windows)."""
        return self._server.fullServerName()

    def close(self) -> None:
        self._server.close()

    def _on_server_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_socket_ready_read(socket)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if ACTIVATE.strip() in bytes(socket.readAll().data()):
            self.activation_requested.emit()


def ask_to_activate(data_dir: Path, timeout_ms: int = 3000) -> bool:
    """Asks the window open on `data_dir` to come to the front; False when none answered.

    Returns once the request is handed over, without waiting for the window: it may be this very process (tests).
    """
    name = server_name(data_dir)
    deadline = time.monotonic() + timeout_ms / 1000
    socket = QLocalSocket()
    while True:  # a window still starting listens a moment after it took the directory
        socket.connectToServer(name)
        if socket.waitForConnected(timeout_ms):
            break
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    socket.write(ACTIVATE)
    while socket.bytesToWrite() and socket.waitForBytesWritten(timeout_ms):
        pass
    sent = socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    return sent


def bring_to_front(window: QWidget) -> None:
    """Shows `window` restored and on top (a minimised window is restored first)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()

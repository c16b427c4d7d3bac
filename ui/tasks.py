"""Runs blocking work off the GUI thread and hands results back to it (ui layer).

Six lanes: `db` is a single worker, so database work (including every station scan) happens in order, one at a
time; `print` is a single worker for the spooler, so labels leave in order; `io` is a small pool for the network;
`pictures` downloads product pictures, so a slow picture server never holds up the rest; `read` is
the order workspace's own reader (pages, counts), beside the `db` lane rather than behind it; `report` is the
dashboard's (a roll-up then a read of the roll-ups), so neither a scan nor the workspace's list waits behind it.
`fn` runs core code only and returns plain data; `on_done` and
`on_error` run on the GUI thread. This is the only module that knows about QThreadPool.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from a worker reaches its slots there (queued connection)."""

    finished = Signal(object, object, object)  # callback, result, error
    progressed = Signal(object, object)  # callback, value


class _Job(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self.relay, self.fn, self.on_done, self.on_error = relay, fn, on_done, on_error

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            self.relay.finished.emit(self.on_error, None, exc)
        else:
            self.relay.finished.emit(self.on_done, result, None)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_relay_finished)
        self._relay.progressed.connect(self._on_relay_progressed)
        self._lanes = {name: QThreadPool(self) for name in ("db", "io", "print", "pictures", "read", "report")}
        self._lanes["db"].setMaxThreadCount(1)
        self._lanes["io"].setMaxThreadCount(4)
        self._lanes["pictures"].setMaxThreadCount(2)  # slow downloads never hold up the io lane's checks
        self._lanes["print"].setMaxThreadCount(1)  # one spooler run at a time: jobs leave in order
        # The order workspace's pages and counts: a reader of its own (its own pooled connection; WAL lets it read
        # while the station writes), so a list of a million orders never waits behind a scan nor holds one up.
        self._lanes["read"].setMaxThreadCount(1)
        # The dashboard: one load at a time (its roll-up writes in short slices; WAL keeps the other lanes reading).
        self._lanes["report"].setMaxThreadCount(1)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        lane: str = "db",
    ) -> None:
        self._lanes[lane].start(_Job(self._relay, fn, on_done, on_error))

    def run_with_progress(
        self,
        fn: Callable[[Callable[[Any], None]], Any],
        on_progress: Callable[[Any], None],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        lane: str = "db",
    ) -> None:
        """Like run(), but `fn` gets a `report(value)` callable whose values reach `on_progress` on the GUI thread."""
        relay = self._relay
        self.run(lambda: fn(lambda value: relay.progressed.emit(on_progress, value)), on_done, on_error, lane)

    def wait(self, msecs: int = 10_000) -> bool:
        """Waits for every lane to drain (tests and shutdown)."""
        return all(pool.waitForDone(msecs) for pool in self._lanes.values())

    @Slot(object, object)
    def _on_relay_progressed(self, callback: Callable[[Any], None], value: Any) -> None:
        if _alive(callback):
            callback(value)

    @Slot(object, object, object)
    def _on_relay_finished(self, callback: Callable[[Any], None] | None, result: Any, error: Any) -> None:
        if callback is None:
            if error is not None:
                raise error
            return
        if _alive(callback):
            callback(error if error is not None else result)


def _alive(callback: Callable[..., Any]) -> bool:
    """False when `callback` is a method of a widget that was deleted while the work ran (a closed window); a
    functools.partial of such a method counts as the method."""
    while isinstance(callback, partial):
        callback = callback.func
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)

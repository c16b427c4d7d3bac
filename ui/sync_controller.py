"""Sync for the window: pulls orders and flushes ship-backs in the background, on a timer and on demand (ui layer).

The work runs on the `io` lane (network first, short database transactions); the GUI hears when it starts, when it
ends, what changed that matters at the bench, and whether the platforms could be reached at all. A round announces
its changes on the hub (orders, ship-backs, the orders the platform changed); the status is asked again when another
write changed the ship-backs or the shops.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.facade import Desk, SyncOutcome
from app.services.images import ImageCache
from app.sync.service import SyncStatus
from ui.ops import Changes, Ops

__all__ = ["SyncController", "SyncOutcome"]


class SyncController(QObject):
    started = Signal()
    finished = Signal(object)  # SyncOutcome
    status_changed = Signal(object)  # SyncStatus

    def __init__(
        self,
        ops: Ops,
        interval_ms: int = 5 * 60_000,
        images: ImageCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops, self.desk, self.tasks = ops, ops.desk, ops.tasks
        self.images = images
        self.running = False
        self.send_asked = False  # Send now pressed during a round: it runs right after
        self.rounds = 0  # finished rounds (tests wait on it)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_now)
        ops.hub.changed.connect(self._on_changed)

    def start(self) -> None:
        """Starts the schedule and reports the current status; the first round runs at once when shops sync."""
        self.timer.start()
        self.tasks.run(self.desk.sync_status, self._on_status, self._on_failed)

    def sync_now(self) -> None:
        if self.running:
            return
        self.running = True
        self.started.emit()
        self.tasks.run(self.desk.sync, self._on_done, self._on_failed, lane="io")

    def send_now(self) -> None:
        """The seller's Send now: delivers every waiting ship-back at once, after the round under way if any."""
        if self.running:
            self.send_asked = True
            return
        self.running = True
        self.started.emit()
        desk = self.desk
        self.tasks.run(lambda: desk.sync(send_only=True), self._on_done, self._on_failed, lane="io")

    def refresh_status(self) -> None:
        """Reports the current status again (after the outbox changed outside a round)."""
        self.tasks.run(self.desk.sync_status, self.status_changed.emit, lambda _e: None)  # the next round tells

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if (changes.outbox or changes.shops) and initiator is not self:  # a round reports its own status
            self.refresh_status()

    def _on_status(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)
        if status.api_shops:
            self.sync_now()

    def _on_done(self, outcome: SyncOutcome) -> None:
        self.running = False
        self.rounds += 1
        self.finished.emit(outcome)
        order_nos = frozenset(c.order_no for c in outcome.changes)
        self.ops.hub.notify(Changes(orders=True, outbox=True, order_nos=order_nos), self)
        if outcome.status:
            self.status_changed.emit(outcome.status)
        if self.send_asked:
            self.send_asked = False
            self.send_now()
        if self.images is not None and outcome.reports:  # after the round's news reached the bench
            desk, images = self.desk, self.images
            self.tasks.run(lambda: desk.prefetch_pictures(images), None, lambda _e: None, lane="pictures")

    def _on_failed(self, error: BaseException) -> None:
        self._on_done(Desk.failed_sync(error))

"""Sync for the window: pulls orders and flushes ship-backs in the background, on a timer and on demand (ui layer).

The work runs on the `io` lane (network first, short database transactions); the GUI hears when it starts, when it
ends, what changed that matters at the bench, and whether the platforms could be reached at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import PackDeskError
from app.domain.messages import Message, of_error
from app.services.images import ImageCache, prefetch_waiting
from app.sync.outbox import FlushReport
from app.sync.service import SyncStatus, flush_outbox, sync_shops, sync_status
from app.sync.store import Change
from app.sync.taobao import SyncReport
from app.sync.top import Offline
from ui.tasks import TaskRunner


@dataclass
class SyncOutcome:
    reports: list[SyncReport] = field(default_factory=list)
    flush: FlushReport | None = None
    offline: bool = False
    error: Message | None = None  # the window says it with core_text
    status: SyncStatus | None = None

    @property
    def changes(self) -> list[Change]:
        return [c for r in self.reports for c in r.changes]


def run_sync(session_factory: sessionmaker[Session], data_dir: Path, *, send_only: bool = False) -> SyncOutcome:
    """One round: every API shop's orders, then the outbox. Never raises: the outcome says what went wrong.

    Args:
        send_only: the seller's Send now: no orders are pulled, and every waiting ship-back is tried at once, even
            one still waiting out its backoff (the timer's rounds keep the backoff).
    """
    outcome = SyncOutcome()
    try:
        outcome.reports = [] if send_only else sync_shops(session_factory, data_dir)
        outcome.flush = flush_outbox(session_factory, data_dir, now_too=send_only)
    except Offline as exc:
        outcome.offline, outcome.error = True, exc.msg
    except PackDeskError as exc:
        outcome.error = exc.msg
    errors = [r.message for r in outcome.reports if r.message]
    if errors and not outcome.error:
        outcome.error = errors[0]
        outcome.offline = all(e.id == "top.offline" for e in errors)
    if send_only and outcome.flush and outcome.flush.errors and not outcome.error:
        outcome.error = outcome.flush.errors[0]["message"]  # the seller asked: say why not everything went
    outcome.status = sync_status(session_factory)
    return outcome


class SyncController(QObject):
    started = Signal()
    finished = Signal(object)  # SyncOutcome
    status_changed = Signal(object)  # SyncStatus

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        data_dir: Path,
        tasks: TaskRunner,
        interval_ms: int = 5 * 60_000,
        images: ImageCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session_factory, self.data_dir, self.tasks = session_factory, data_dir, tasks
        self.images = images
        self.running = False
        self.send_asked = False  # Send now pressed during a round: it runs right after
        self.rounds = 0  # finished rounds (tests wait on it)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        """Starts the schedule and reports the current status; the first round runs at once when shops sync."""
        self.timer.start()
        factory = self.session_factory
        self.tasks.run(lambda: sync_status(factory), self._on_status, self._on_failed)

    def sync_now(self) -> None:
        if self.running:
            return
        self.running = True
        self.started.emit()
        factory, data_dir = self.session_factory, self.data_dir
        self.tasks.run(lambda: run_sync(factory, data_dir), self._on_done, self._on_failed, lane="io")

    def send_now(self) -> None:
        """The seller's Send now: delivers every waiting ship-back at once, after the round under way if any."""
        if self.running:
            self.send_asked = True
            return
        self.running = True
        self.started.emit()
        factory, data_dir = self.session_factory, self.data_dir
        self.tasks.run(lambda: run_sync(factory, data_dir, send_only=True), self._on_done, self._on_failed, lane="io")

    def refresh_status(self) -> None:
        """Reports the current status again (after the outbox changed outside a round)."""
        factory = self.session_factory
        self.tasks.run(lambda: sync_status(factory), self.status_changed.emit, lambda _e: None)  # the next round tells

    def _on_status(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)
        if status.api_shops:
            self.sync_now()

    def _on_done(self, outcome: SyncOutcome) -> None:
        self.running = False
        self.rounds += 1
        self.finished.emit(outcome)
        if outcome.status:
            self.status_changed.emit(outcome.status)
        if self.send_asked:
            self.send_asked = False
            self.send_now()
        if self.images is not None and outcome.reports:  # after the round's news reached the bench
            factory, images = self.session_factory, self.images
            self.tasks.run(lambda: prefetch_waiting(factory, images), None, lambda _e: None, lane="pictures")

    def _on_failed(self, error: BaseException) -> None:
        self._on_done(SyncOutcome(error=of_error(error)))

"""Background operations for the window, in the manner of Anki's QueryOp/CollectionOp (ui layer).

`QueryOp` reads: its `op(desk)` runs on a TaskRunner lane (db by default, io for the network) and `success(result)`
runs on the GUI thread. `CollectionOp` writes: on success it also tells every open view what changed, through the
one `changed` signal of the `ChangeHub`, so views reload themselves instead of being refreshed pair by pair. A
failure goes to the `failure` callback, or is said in a message box through core_text. Callbacks of an op whose
parent widget was deleted meanwhile (a closed dialog) are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.facade import Desk
from ui.core_text import core_text
from ui.tasks import TaskRunner

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What a write changed; views reload what they show of it."""

    orders: bool = False
    queue: bool = False
    outbox: bool = False
    shops: bool = False
    station: bool = False
    order_nos: frozenset[str] = field(default_factory=frozenset)  # orders the platform changed (the bench rechecks)


PRINTED = Changes(orders=True, queue=True)  # labels sent or a job answered: the queue and the orders' status


class ChangeHub(QObject):
    """The one place views hear of changes: `changed(Changes, initiator)`; the initiator is the op's parent."""

    changed = Signal(object, object)

    def notify(self, changes: Changes, initiator: object = None) -> None:
        self.changed.emit(changes, initiator)


@dataclass
class Ops:
    """What an op runs on: the lanes, the façade and the hub (built once by ui.main)."""

    tasks: TaskRunner
    desk: Desk
    hub: ChangeHub


class QueryOp(Generic[T]):
    """A read: `QueryOp(ops, parent, op=lambda desk: ..., success=...).run_in_background()`."""

    def __init__(self, ops: Ops, parent: QObject | None, *, op: Callable[..., T], success: Callable[[T], None]) -> None:
        self.ops, self.parent, self.op, self.success = ops, parent, op, success
        self._failure: Callable[[BaseException], None] | None = None
        self._progress: Callable[[Any], None] | None = None

    def failure(self, callback: Callable[[BaseException], None]) -> QueryOp[T]:
        """Called with the error instead of the default message box."""
        self._failure = callback
        return self

    def with_progress(self, callback: Callable[[Any], None]) -> QueryOp[T]:
        """`op` is then called as `op(desk, report)`; each `report(value)` reaches `callback(value)` on the GUI
        thread."""
        self._progress = callback
        return self

    def run_in_background(self, lane: str = "db") -> None:
        desk, op, progress = self.ops.desk, self.op, self._progress
        if progress is None:
            self.ops.tasks.run(lambda: op(desk), self._done, self._failed, lane=lane)
        else:
            self.ops.tasks.run_with_progress(
                lambda report: op(desk, report), self._guarded(progress), self._done, self._failed, lane=lane
            )

    def _alive(self) -> bool:
        return self.parent is None or shiboken6.isValid(self.parent)

    def _guarded(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        return lambda value: callback(value) if self._alive() else None

    def _done(self, result: T) -> None:
        if self._alive():
            self.success(result)

    def _failed(self, error: BaseException) -> None:
        if not self._alive():
            return
        if self._failure is not None:
            self._failure(error)
        else:
            parent = self.parent if isinstance(self.parent, QWidget) else None
            QMessageBox.warning(parent, "PackDesk", core_text(error))


class CollectionOp(QueryOp[T]):
    """A write: like QueryOp, and on success the hub tells every view `changes` (or `changes(result)`)."""

    def __init__(
        self,
        ops: Ops,
        parent: QObject | None,
        *,
        op: Callable[..., T],
        changes: Changes | Callable[[T], Changes],
        success: Callable[[T], None] = lambda _result: None,
    ) -> None:
        super().__init__(ops, parent, op=op, success=success)
        self.changes = changes

    def _done(self, result: T) -> None:
        changes = self.changes(result) if callable(self.changes) else self.changes
        super()._done(result)
        self.ops.hub.notify(changes, self.parent)  # heard even when the parent closed meanwhile: the write happened

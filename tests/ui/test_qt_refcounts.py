"""Guards against a Qt binding that miscounts references in the calls the window makes thousands of times a day.

PySide6 6.12.0's Signal.emit() dropped a reference to True or False on every call: after a few thousand scans the
process aborted with "bool_dealloc: deallocating True or False". A packer scans that many in a morning.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QThreadPool, Signal


class _Emitter(QObject):
    bare = Signal()
    carrying = Signal(object)


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_signal_emit_keeps_reference_counts(qapp) -> None:  # noqa: ANN001
    emitter = _Emitter()
    received: list[object] = []
    emitter.carrying.connect(received.append)
    before = _counts()
    for i in range(2000):
        emitter.bare.emit()
        emitter.carrying.emit(None if i % 2 else True)
    assert len(received) == 2000
    received.clear()
    after = _counts()
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)


def test_thread_pool_wait_keeps_reference_counts(qapp) -> None:  # noqa: ANN001
    pool = QThreadPool()
    before = _counts()
    for _ in range(2000):
        pool.waitForDone(1)
    after = _counts()
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)

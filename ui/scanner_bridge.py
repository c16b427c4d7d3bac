"""Application-wide keyboard-wedge scanner detection (ui layer).

An event filter on the QApplication sees every key press before the focused widget does. It only forwards
(character, time) to app.scanning.WedgeDecoder and does what the decoder says: hold the key, swallow a complete scan
and emit `barcode_scanned`, or hand held keys back to the widget they were meant for, in order. So a scan lands at
the station wherever the focus is (a search box, a table) and never in that widget, while a person's typing arrives
where they type, a few tens of milliseconds later at most.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.scanning.wedge import Verdict, WedgeDecoder, WedgeSettings

_TERMINATORS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}


@dataclass(frozen=True)
class _HeldKey:
    widget: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class WedgeScannerBridge(QObject):
    barcode_scanned = Signal(str)

    def __init__(
        self, decoder: WedgeDecoder, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.decoder = decoder
        self.clock = clock
        self._held: list[_HeldKey] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(decoder.settings.max_gap_s * 1000) + 5)
        self._timer.timeout.connect(self._on_timer_timeout)

    def set_settings(self, settings: WedgeSettings) -> None:
        """New thresholds (from the station settings), used from the next key on."""
        self.flush()
        self.decoder.settings = settings
        self._timer.setInterval(int(settings.max_gap_s * 1000) + 5)

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)
        self.flush()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._replaying or event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        if obj is not (QApplication.focusWidget() or obj.window()):
            return False  # the same press propagating to a parent: seen already
        assert isinstance(event, QKeyEvent)
        mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        char = _TERMINATORS.get(Qt.Key(event.key()), event.text())
        if mods or len(char) != 1 or (not char.isprintable() and char not in "\r\t"):
            self.flush()  # a shortcut or a navigation key: what was held was typing, and goes first
            return False
        decision = self.decoder.feed(char, self.clock())
        if decision.verdict is Verdict.HOLD:
            self._hold(obj, event)
            return True
        if decision.verdict is Verdict.SCAN:
            self._held.clear()
            self._timer.stop()
            self.barcode_scanned.emit(decision.code)
            return True
        self._replay()
        if self.decoder.holding:  # this key starts a new burst
            self._hold(obj, event)
            return True
        return False

    def flush(self) -> None:
        """Hands every held key back now."""
        if self._held:
            self.decoder.timeout(float("inf"))
            self._replay()

    def _hold(self, widget: QWidget, event: QKeyEvent) -> None:
        self._held.append(_HeldKey(widget, event.key(), event.modifiers(), event.text()))
        self._timer.start()

    def _replay(self) -> None:
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for k in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(k.widget, QKeyEvent(kind, k.key, k.modifiers, k.text))
        finally:
            self._replaying = False

    def _on_timer_timeout(self) -> None:
        if self.decoder.timeout(self.clock()).verdict is Verdict.RELEASE:
            self._replay()
        elif self._held:
            self._timer.start()

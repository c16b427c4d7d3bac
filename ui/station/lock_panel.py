"""The station's lock: after an idle spell it covers the bench until a packer scans a badge or signs in (ui layer).

The open parcel stays as it was underneath. Sign-ins run on the database lane through the station's core functions.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.station.engine import Station
from app.station.screens import sign_in_by_badge, sign_in_with_pin
from ui.core_text import core_text
from ui.sounds import SoundPlayer
from ui.tasks import TaskRunner

translate = QCoreApplication.translate  # texts keep the context "StationView", where the panel said them first


class LockPanel(QFrame):
    """The lock overlay of the station panel (`parent`), with its idle timer and sign-in."""

    unlocked = Signal(str)  # the packer who signed in

    def __init__(self, station: Station, tasks: TaskRunner, sounds: SoundPlayer | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.station, self.tasks, self.sounds = station, tasks, sounds
        self.setObjectName("lock")
        self.setStyleSheet("QFrame#lock { background: #263238; } QFrame#lock QLabel { color: white; font-size: 18pt; }")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.lock_label = QLabel(
            translate("StationView", "Locked. Scan your badge, or sign in with your name and PIN."), self
        )
        self.lock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lock_label.setWordWrap(True)
        layout.addWidget(self.lock_label)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(translate("StationView", "Name"))
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setPlaceholderText(translate("StationView", "PIN"))
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton(translate("StationView", "Sign in"), self)
        row = QHBoxLayout()
        row.addStretch(1)
        for w in (self.name_edit, self.pin_edit, self.sign_in_button):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.hide()
        self.locked = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.pin_edit.returnPressed.connect(self.sign_in)

    def set_idle_lock(self, minutes: float) -> None:
        """Locks the bench after `minutes` without a scan (0: never)."""
        self.idle_timer.setInterval(int(minutes * 60_000))
        if minutes > 0:
            self.idle_timer.start()
        else:
            self.idle_timer.stop()

    def touched(self) -> None:
        """A scan: the idle spell starts again."""
        if self.idle_timer.interval() > 0:
            self.idle_timer.start()

    def lock(self) -> None:
        if self.locked:
            return  # already locked: keep what the overlay says
        self.locked = True
        self.message.setText("")
        self.pin_edit.clear()
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def unlock(self, name: str) -> None:
        self.locked = False
        self.hide()
        self.pin_edit.clear()
        self.touched()
        self.unlocked.emit(name)

    def sign_in(self) -> None:
        """Signs in with the name and PIN typed."""
        work = partial(sign_in_with_pin, self.station, self.name_edit.text(), self.pin_edit.text())
        self.tasks.run(work, self.unlock, self._on_refused)

    def badge_scanned(self, code: str) -> None:
        self.tasks.run(partial(sign_in_by_badge, self.station, code), self._on_badge_answered, self._on_refused)

    def _on_badge_answered(self, who: str | None) -> None:
        if who is not None:
            self.unlock(who)
            return
        self.message.setText(translate("StationView", "That is not a badge. Scan your badge, or sign in."))
        if self.sounds is not None:
            self.sounds.play("wrong")

    def _on_refused(self, error: BaseException) -> None:
        self.message.setText(core_text(error))

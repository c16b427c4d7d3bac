"""The supervisor at the station: the STOP screen and its override, binding a code, confirming by hand (ui layer).

`SupervisorFlow` is mixed into the station panel: it checks the supervisor PIN on the GUI thread (a hash compare),
then runs the action through the station's core functions on the database lane.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import PackDeskError
from app.station.engine import Station
from app.station.screens import (
    StationSnapshot,
    bind_and_snapshot,
    confirm_and_snapshot,
    override_and_snapshot,
)
from ui.core_text import core_text
from ui.dialogs.supervisor import SupervisorDialog
from ui.tasks import TaskRunner


class StopPanel(QFrame):
    """STOP covers the whole station: nobody can miss it from across the bench. The next scan lifts it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("stop")
        self.setStyleSheet(
            "QFrame#stop { background: #b71c1c; } "
            "QFrame#stop QLabel { color: white; font-size: 30pt; font-weight: bold; padding: 40px; }"
        )
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.override_button = QPushButton(QCoreApplication.translate("StationView", "Supervisor: let it ship…"), self)
        self.override_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignRight)
        self.hide()

    def show_stop(self, detail: str) -> None:
        translate = QCoreApplication.translate
        self.text.setText(
            translate("StationView", "STOP")
            + "\n\n"
            + detail
            + "\n\n"
            + translate("StationView", "Put the parcel aside.")
        )
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def say_refused(self, error: PackDeskError) -> None:
        """Replaces the line under STOP with why the override was refused."""
        self.text.setText(self.text.text().split("\n\n")[0] + "\n\n" + core_text(error))


class SupervisorFlow:
    """The station panel's supervisor actions (a mixin of `StationView`, whose attributes it uses)."""

    station: Station
    tasks: TaskRunner
    check_pin: Callable[[str], None] | None
    snapshot: StationSnapshot
    unknown_code: str | None
    stop_code: str | None
    stop_overlay: StopPanel
    _on_scan_done: Callable[[StationSnapshot], None]
    _on_scan_error: Callable[[BaseException], None]

    def _open_items(self, remaining_only: bool) -> list[tuple[str, str]]:
        snap = self.snapshot
        if snap.order is None:
            return []
        return [
            (ln.sku, ln.title)
            for ln in snap.order.lines
            if ln.packable and (not remaining_only or snap.scanned.get(ln.sku, 0) < ln.units)
        ]

    def _on_bind_button_clicked(self) -> None:
        code = self.unknown_code
        if code:
            self.ask_supervisor(SupervisorDialog(self._open_items(False), code, self))  # type: ignore[arg-type]

    def _on_manual_button_clicked(self) -> None:
        self.ask_supervisor(SupervisorDialog(self._open_items(True), None, self))  # type: ignore[arg-type]

    def ask_supervisor(self, dialog: SupervisorDialog) -> None:
        """Runs the supervisor dialog; on OK with the right PIN, binds the code or confirms the item."""
        if dialog.exec() != SupervisorDialog.DialogCode.Accepted:
            return
        self.apply_supervisor(dialog.code, *dialog.values())

    def _on_override_button_clicked(self) -> None:
        dialog = SupervisorDialog(None, self.stop_code, self)  # type: ignore[arg-type]
        if dialog.exec() == SupervisorDialog.DialogCode.Accepted:
            _sku, _units, reason, pin = dialog.values()
            self.apply_override(reason, pin)

    def _pin_refused(self, pin: str) -> PackDeskError | None:
        """Why the supervisor PIN `pin` is refused, or None when it is right."""
        try:
            if self.check_pin is None:
                raise PackDeskError("No supervisor PIN is set on this station.")
            self.check_pin(pin)
        except PackDeskError as exc:
            return exc
        return None

    def apply_override(self, reason: str, pin: str) -> None:
        """A supervisor lets the stopped order be packed after all (PIN checked here, reason audited)."""
        code = self.stop_code
        refused = self._pin_refused(pin)
        if refused is not None:
            self.stop_overlay.say_refused(refused)
            return
        if code is None:
            return
        self.tasks.run(
            partial(override_and_snapshot, self.station, code, reason), self._on_scan_done, self._on_scan_error
        )

    def apply_supervisor(self, code: str | None, sku: str, units: int, reason: str, pin: str) -> None:
        refused = self._pin_refused(pin)
        if refused is not None:
            self._on_scan_error(refused)
            return
        if code:
            work = partial(bind_and_snapshot, self.station, code, sku, units)
        else:
            work = partial(confirm_and_snapshot, self.station, sku, reason)
        self.tasks.run(work, self._on_scan_done, self._on_scan_error)

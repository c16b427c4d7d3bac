"""The packing station panel: a big verdict banner, the open order, its lines and the scan field (ui layer).

The presenter: scans go to the station engine on the single database lane, so they are handled in order and never
on the GUI thread; the engine's events come back with a snapshot of the parcel and repaint the panel, each event
worded through the verdict table (`ui.station.verdicts`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.enums import ScanOutcome
from app.domain.orders import Order
from app.services.images import ImageCache
from app.services.pace import Pace, PaceCounter
from app.station import screens
from app.station.engine import Station
from app.station.screens import StationSnapshot
from ui.core_text import core_text
from ui.plurals import plural
from ui.sounds import FOR_OUTCOME, SoundPlayer
from ui.station.lock_panel import LockPanel
from ui.station.order_panel import OrderPanel
from ui.station.painted import VerdictBanner
from ui.station.supervisor_flow import StopPanel, SupervisorFlow
from ui.station.verdicts import NOT_OVERRIDABLE, OPENED, STATE_COLOURS, verdict
from ui.tasks import TaskRunner


@dataclass
class _ScanTicket:
    """One scan's own state between its verdict and its end (a scan queued behind it must not answer for it)."""

    shown: threading.Event = field(default_factory=threading.Event)  # its early verdict is on screen
    complete_sounded: bool = False  # ... and said "complete" already


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


class StationView(SupervisorFlow, QWidget):
    scan_handled = Signal(object)  # StationSnapshot, after the panel repainted with everything the scan did
    verdict_shown = Signal(object)  # StationSnapshot, as soon as the scan's verdict is on screen (maybe before
    # the label of a completed parcel printed; then scan_handled follows)
    signed_in = Signal(str)  # the packer now at the bench

    def __init__(
        self,
        station: Station,
        tasks: TaskRunner,
        sounds: SoundPlayer | None = None,
        check_pin: Callable[[str], None] | None = None,
        images: ImageCache | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.station = station
        self.tasks = tasks
        self.sounds = sounds
        self.check_pin = check_pin
        self.images = images
        self.unknown_code: str | None = None  # the last scan nobody knew, while a parcel is open
        self.stop_code: str | None = None  # what was scanned when STOP came: the override reopens it
        self._pictures_for: Order | None = None  # an order just shown whose pictures are still to be asked for
        self._pace = PaceCounter()
        self.snapshot = StationSnapshot([], None)
        self._build()
        self.scan_input.returnPressed.connect(self._on_scan_input_return_pressed)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.bind_button.clicked.connect(self._on_bind_button_clicked)
        self.park_button.clicked.connect(self._on_park_button_clicked)
        self.manual_button.clicked.connect(self._on_manual_button_clicked)
        self.override_button.clicked.connect(self._on_override_button_clicked)
        self.lock_overlay.unlocked.connect(self._on_lock_overlay_unlocked)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.order_panel.refresh_countdown)
        self._clock.timeout.connect(self.refresh_pace)
        self._clock.start(30_000)
        self._show_idle()
        self.refresh_pace()

    # -- layout -----------------------------------------------------------------------------------------------

    def _build(self) -> None:
        # Each scan changes label texts, and a text change asks every layout up to the window to recompute; a tab
        # widget answers that by repainting itself whole (milliseconds per scan). The panel's layout lives on `body`,
        # a child the panel sizes by hand, so such requests end at the panel; and the panel paints its own
        # background, so a repaint inside it never repaints the tab widget behind it.
        self.setAutoFillBackground(True)
        self.body = QWidget(self)
        self.banner = VerdictBanner(self)
        self.banner.setObjectName("banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMinimumHeight(130)
        self.banner.setFont(_font(40, bold=True))
        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setFont(_font(16))
        self.detail.setWordWrap(True)

        self.order_panel = panel = OrderPanel(self)
        self.order_label, self.progress_label = panel.order_label, panel.progress_label
        self.notes, self.lines_model, self.lines_view = panel.notes, panel.lines_model, panel.lines_view

        self.scan_input = QLineEdit(self)
        self.scan_input.setObjectName("scan_input")
        # A Chinese IME must not swallow a scanner's keystrokes.
        self.scan_input.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.scan_input.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText)
        self.scan_input.setFont(_font(16))
        self.scan_input.setPlaceholderText(self.tr("Scan or type a code, then Enter"))
        self.undo_button = QPushButton(self.tr("Undo last scan"), self)
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.park_button = QPushButton(self.tr("Park (F8)"), self)
        self.park_button.setShortcut(Qt.Key.Key_F8)
        self.park_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.park_button.setEnabled(False)
        self.bind_button = QPushButton(self.tr("Bind code…"), self)
        self.manual_button = QPushButton(self.tr("Confirm by hand…"), self)
        for button in (self.bind_button, self.manual_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(False)
        self.stop_overlay = StopPanel(self)
        self.stop_text, self.override_button = self.stop_overlay.text, self.stop_overlay.override_button

        self.lock_overlay = lock = LockPanel(self.station, self.tasks, self.sounds, self)
        self.name_edit, self.pin_edit, self.sign_in_button = lock.name_edit, lock.pin_edit, lock.sign_in_button
        self.lock_message, self.idle_timer = lock.message, lock.idle_timer

        self.pace_label = QLabel(self)
        self.pace_label.setObjectName("pace")
        self.pace_label.setFont(_font(12))
        pace_palette = self.pace_label.palette()
        pace_palette.setColor(QPalette.ColorRole.WindowText, QColor("#37474f"))
        self.pace_label.setPalette(pace_palette)

        bottom = QHBoxLayout()
        bottom.addWidget(self.scan_input, 1)
        for w in (self.undo_button, self.park_button, self.bind_button, self.manual_button, self.pace_label):
            bottom.addWidget(w)

        layout = QVBoxLayout(self.body)
        for w in (self.banner, self.detail, panel.info, self.notes):
            layout.addWidget(w)
        layout.addWidget(self.lines_view, 1)
        layout.addLayout(bottom)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.body.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.body.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self.body.setGeometry(self.rect())
        self.stop_overlay.setGeometry(self.rect())
        self.lock_overlay.setGeometry(self.rect())

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001
        self.stop_overlay.hide()  # a click also lifts STOP (the parcel has been put aside)
        super().mousePressEvent(event)

    # -- the lock ---------------------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_overlay.locked

    def set_idle_lock(self, minutes: float) -> None:
        """Locks the bench after `minutes` without a scan (0: never)."""
        self.lock_overlay.set_idle_lock(minutes)

    def lock(self) -> None:
        self.lock_overlay.lock()

    def _unlock(self, name: str) -> None:
        self.lock_overlay.unlock(name)

    def _on_sign_in_button_clicked(self) -> None:
        self.lock_overlay.sign_in()

    def _on_lock_overlay_unlocked(self, name: str) -> None:
        self.signed_in.emit(name)
        self.refresh_pace()
        self.scan_input.setFocus()

    # -- scanning ---------------------------------------------------------------------------------------------

    def submit_scan(self, code: str) -> None:
        """Hands one scanned code to the engine (used by the scan field and by scanner bridges)."""
        code = code.strip()
        if not code:
            return
        if self.locked:
            self.lock_overlay.badge_scanned(code)
            return
        self.lock_overlay.touched()
        ticket = _ScanTicket()
        self.tasks.run_with_progress(
            partial(screens.scan_and_snapshot, self.station, code, shown=ticket.shown),
            partial(self._on_scan_verdict, ticket=ticket),
            partial(self._on_scan_done, ticket=ticket),
            self._on_scan_error,
        )

    def show_stop(self, detail: str) -> None:
        self.stop_overlay.show_stop(detail)

    def reopen(self, code: str) -> None:
        """Reopens a parcel closed by mistake (refused once it has shipped)."""
        self._run(partial(screens.reopen_and_snapshot, self.station, code))

    def _on_park_button_clicked(self) -> None:
        self._run(partial(screens.park_and_snapshot, self.station))

    def _on_undo_button_clicked(self) -> None:
        self._run(partial(screens.undo_and_snapshot, self.station))

    def _run(self, work: Callable[[], StationSnapshot]) -> None:
        self.tasks.run(work, self._on_scan_done, self._on_scan_error)

    def refresh_pace(self) -> None:
        """Recounts the packer's day (after each parcel and every 30 s). A read on the `io` lane: on the database
        lane it would hold up the next scan."""
        self.tasks.run(
            partial(screens.pace_today, self.station, self._pace), self._show_pace, lambda _e: None, lane="io"
        )

    def _show_pace(self, pace: Pace) -> None:
        rate = pace.parcels_per_hour  # None until the last half hour of packing holds enough parcels for a rate
        if rate is None:
            text = self.tr("Today: %1 · %2 · %3 caught").replace("%3", str(pace.caught))
        else:
            text = (
                self.tr("Today: %1 · %2 · %3/h · %4 caught")
                .replace("%3", f"{rate:.0f}")
                .replace("%4", str(pace.caught))
            )
        self.pace_label.setText(
            text.replace("%1", plural(self.tr("%n parcel(s)", "", pace.parcels), pace.parcels)).replace(
                "%2", plural(self.tr("%n unit(s)", "", pace.units), pace.units)
            )
        )

    def resume(self) -> None:
        """Reopens the parcel the bench had open when PackDesk stopped, with its counts."""
        self.tasks.run(partial(screens.resume_and_snapshot, self.station), self._on_recheck_done, self._on_scan_error)

    def recheck(self, order_nos: set[str]) -> None:
        """After a sync: if the open parcel's order is among `order_nos`, checks it again and stops it if needed."""
        order = self.snapshot.order
        if order is None or order.order_no not in order_nos:
            return
        self.tasks.run(partial(screens.recheck_and_snapshot, self.station), self._on_recheck_done, self._on_scan_error)

    def _on_recheck_done(self, snapshot: StationSnapshot | None) -> None:
        if snapshot is not None:
            self._on_scan_done(snapshot)

    def _on_scan_input_return_pressed(self) -> None:
        code = self.scan_input.text()
        self.scan_input.clear()
        self.submit_scan(code)

    def _ask_platform(self, snapshot: StationSnapshot) -> None:
        """A parcel just opened from the cache: the platform is asked in the background whether the order changed
        (a refund no sync has brought yet), and the parcel stops if it did. The packer never waits for it."""
        live, order = self.station.live, snapshot.order
        opened = any(e.event is ScanOutcome.ORDER_OPENED for e in snapshot.events)  # SKU-first: opened + item
        if live is None or order is None or snapshot.complete or not opened:
            return
        if not self.station.asks_platform(order):  # a shop filled by imports (the answer is remembered)
            return
        order_no, shop = order.order_no, order.shop
        self.tasks.run(
            partial(live, order_no, shop),
            partial(self._on_platform_answered, order_no),
            partial(self._on_platform_answered, order_no),  # an error: as no answer
            lane="io",
        )

    def _on_platform_answered(self, order_no: str, changes: object) -> None:
        if isinstance(changes, list) and changes:  # the platform had news: the cache has them now
            self.recheck({order_no})

    def _on_scan_verdict(self, snapshot: StationSnapshot, ticket: _ScanTicket) -> None:
        """The parcel is complete; its label is being made: say so now, with its sound. When the platform is still
        to be asked about the order, the panel says so instead, and "complete" waits for the answer."""
        self.snapshot = snapshot
        self._render(snapshot)
        if snapshot.checking:
            self._set_banner(
                self.tr("CHECKING"),
                self.tr("All items verified; asking the platform about order %1 before its label prints").replace(
                    "%1", snapshot.order.order_no if snapshot.order else ""
                ),
                STATE_COLOURS["packing"],
            )
        if self.sounds is not None and snapshot.events:
            self.sounds.play("ok" if snapshot.checking else FOR_OUTCOME.get(snapshot.events[-1].event, "ok"))
        ticket.complete_sounded = not snapshot.checking
        self._show_verdict_now(snapshot)
        ticket.shown.set()  # the worker goes on to the label

    def _show_verdict_now(self, snapshot: StationSnapshot) -> None:
        """Paints the banner and its detail at once (the rest of the panel follows with the event loop)."""
        self.banner.repaint()
        self.detail.repaint()
        self.verdict_shown.emit(snapshot)
        order, self._pictures_for = self._pictures_for, None
        if order is not None:
            self.order_panel.load_pictures(order, self.images, self.tasks)

    def _on_scan_done(self, snapshot: StationSnapshot, ticket: _ScanTicket | None = None) -> None:
        """Everything a scan (or an undo, a park, an override...) did; `ticket`: the scan's, when it had one."""
        early = ticket is not None and ticket.shown.is_set()  # its verdict is on screen already
        complete_sounded = ticket is not None and ticket.complete_sounded
        self.snapshot = snapshot
        self._ask_platform(snapshot)
        self._render(snapshot)
        last = snapshot.events[-1] if snapshot.events else None
        if last is not None and last.event is ScanOutcome.INTERCEPTED:
            self.stop_code = last.code
            self.override_button.setVisible(last.why not in NOT_OVERRIDABLE)
            self.show_stop(self.detail.text())
        elif last is not None:
            self.stop_overlay.hide()
        open_parcel = snapshot.order is not None and not snapshot.complete
        self.unknown_code = (
            last.code if last and last.event is ScanOutcome.UNKNOWN_CODE and last.reason is None else None
        )
        self.bind_button.setEnabled(open_parcel and self.unknown_code is not None)
        self.manual_button.setEnabled(open_parcel)
        self.park_button.setEnabled(open_parcel)
        if self.sounds is not None and last is not None:
            if not (complete_sounded and FOR_OUTCOME.get(last.event) == "complete"):
                self.sounds.play_for(last.event)  # else "complete" sounded with the verdict already
        if last is not None and last.event in (ScanOutcome.SHIPPED, ScanOutcome.INTERCEPTED):
            self.refresh_pace()
        if not early:
            self._show_verdict_now(snapshot)
        self.scan_handled.emit(snapshot)

    def _on_scan_error(self, error: BaseException) -> None:
        self._set_banner(self.tr("ERROR"), core_text(error), "#c62828")
        if self.sounds is not None:
            self.sounds.play("wrong")

    # -- rendering --------------------------------------------------------------------------------------------

    def _render(self, snap: StationSnapshot) -> None:
        if self.order_panel.show(snap.order, snap):
            self._pictures_for = snap.order  # asked for once the verdict is on screen (see _show_verdict_now)
        if snap.events:
            shown = verdict(snap.events[-1], snap, self._counted)
            self._set_banner(shown.word, shown.detail, shown.colour)

    def _counted(self, source: str, n: int) -> str:
        """A counted verdict text (see `verdict`); the literal keeps it a counted text for lupdate."""
        if source == OPENED:
            return self.tr("Order %1 opened: %n piece(s) to verify", "", n)
        return self.tr(source, "", n)

    def _set_banner(self, word: str, detail: str, colour: str) -> None:
        self.banner.setText(word)
        self.banner.set_colour(colour)
        self.detail.setText(detail)
        self.banner.setProperty("state_colour", colour)

    def _show_idle(self) -> None:
        self._set_banner(
            self.tr("SCAN AN ORDER"), self.tr("Scan the order number or the waybill to start"), STATE_COLOURS["idle"]
        )
        self.order_panel.show(None, self.snapshot)

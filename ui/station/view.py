"""The packing station panel: a big verdict banner, the open order, its lines and the scan field (ui layer).

Scans go to the station engine on the single database lane, so they are handled in order and never on the GUI
thread; the engine's events come back with a snapshot of the parcel and repaint the panel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ScanOutcome
from app.domain.errors import PackDeskError
from app.domain.orders import CHINA_TZ, Order
from app.services.images import ImageCache
from app.services.pace import Pace, PaceCounter
from app.station import Station, StationEvent
from ui.core_text import core_text
from ui.dialogs.supervisor import SupervisorDialog
from ui.models.orders_model import FLAG_COLOURS, countdown_text
from ui.models.pack_lines_model import COL_PICTURE, COL_PROGRESS, COL_SKU, PackLine, PackLinesModel
from ui.plurals import plural
from ui.sounds import FOR_OUTCOME, SoundPlayer
from ui.tasks import TaskRunner
from ui.text import displayable, printer_state_text

# One colour per meaning, high contrast, readable from 1.5 m.
STATE_COLOURS = {
    "idle": "#37474f",
    "packing": "#1565c0",
    ScanOutcome.ITEM_OK: "#2e7d32",
    ScanOutcome.WRONG_ITEM: "#c62828",
    ScanOutcome.OVER_SCAN: "#e65100",
    ScanOutcome.UNKNOWN_CODE: "#6a1b9a",
    ScanOutcome.ORDER_BUSY: "#e65100",
    ScanOutcome.ORDER_COMPLETE: "#1b5e20",
    ScanOutcome.LABEL_PRINTED: "#1b5e20",
    ScanOutcome.SHIPPED: "#1b5e20",
    ScanOutcome.PRINT_FAILED: "#c62828",
    ScanOutcome.INTERCEPTED: "#b71c1c",
    ScanOutcome.UNDONE: "#1565c0",
    ScanOutcome.WEIGHT_MISMATCH: "#c62828",
    ScanOutcome.PARKED: "#37474f",
}


PICTURE_PX = 64  # product pictures in the lines table
ROW_PX, PICTURE_ROW_PX = 36, PICTURE_PX + 8


def load_picture(cache: ImageCache, url: str, px: int = PICTURE_PX) -> QImage | None:
    """The picture for `url`, fetched when needed and scaled to fit `px` (worker thread: QImage, not QPixmap)."""
    path = cache.fetch(url)
    if path is None:
        return None
    image = QImage(str(path))
    if image.isNull():
        return None
    return image.scaled(px, px, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


@dataclass(frozen=True)
class StationSnapshot:
    """What the panel needs after a scan, copied on the worker so the GUI never reads live engine state."""

    events: list[StationEvent]
    order: Order | None
    scanned: dict[str, int] = field(default_factory=dict)
    complete: bool = False
    checking: bool = False  # complete, and the platform is being asked about the order before its label prints


@dataclass
class _ScanTicket:
    """One scan's own state between its verdict and its end (a scan queued behind it must not answer for it)."""

    shown: threading.Event = field(default_factory=threading.Event)  # its early verdict is on screen
    complete_sounded: bool = False  # ... and said "complete" already


VERDICT_WAIT_S = 0.1  # how long a finishing scan waits for the window to show its verdict


def scan_and_snapshot(
    station: Station,
    code: str,
    report: Callable[[StationSnapshot], None] | None = None,
    shown: threading.Event | None = None,
) -> StationSnapshot:
    """One scan on the worker. With `report`, a scan that completes the parcel reports the verdict before the label
    renders and prints; the same job then finishes the parcel, so no other scan can come in between. With `shown`,
    it first waits (briefly) until the window has painted that verdict: rendering the label meanwhile would hold
    the interpreter the window needs to paint it."""
    if report is None:
        return _snapshot(station, station.scan(code))
    events = station.scan(code, then_finish=False)
    if station.finishing:
        checking = station.order is not None and station.asks_platform(station.order)
        report(replace(_snapshot(station, events), checking=checking))
        if shown is not None:
            shown.wait(VERDICT_WAIT_S)
        events = events + station.finish_due()
    return _snapshot(station, events)


def undo_and_snapshot(station: Station) -> StationSnapshot:
    event = station.undo()
    return _snapshot(station, [event] if event else [])


def resume_and_snapshot(station: Station) -> StationSnapshot | None:
    events = station.resume()
    return _snapshot(station, events) if events else None


def recheck_and_snapshot(station: Station) -> StationSnapshot | None:
    event = station.recheck()
    return _snapshot(station, [event]) if event else None


def _snapshot(station: Station, events: list[StationEvent]) -> StationSnapshot:
    session = station.session
    if session is None:
        return StationSnapshot(events, None)
    return StationSnapshot(events, session.order, dict(session.scanned), session.complete)


class VerdictBanner(QLabel):
    """The verdict: a large white word on its state's colour. Painted directly: a style sheet would cost
    milliseconds on every scan, the time the packer waits for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor(STATE_COLOURS["idle"])

    def set_colour(self, colour: str) -> None:
        if QColor(colour) != self._colour:
            self._colour = QColor(colour)
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawRoundedRect(self.rect(), 6, 6)
        painter.setPen(QColor("white"))
        painter.setFont(self.font())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.text())
        painter.end()


class NotesLabel(QLabel):
    """The buyer's message and the seller's memo: dark text on yellow, framed. Painted directly, as the banner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContentsMargins(10, 8, 10, 8)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#212121"))
        self.setPalette(palette)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#f9a825"), 2))
        painter.setBrush(QColor("#fff59d"))
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)
        painter.end()
        super().paintEvent(event)  # the text, inside the margins


class StationView(QWidget):
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
        self._pictures_for: Order | None = None  # an order just shown whose pictures are still to be asked for
        self._pace = PaceCounter()
        self.snapshot = StationSnapshot([], None)
        self._build()
        self.scan_input.returnPressed.connect(self._on_scan_input_return_pressed)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.bind_button.clicked.connect(self._on_bind_button_clicked)
        self.park_button.clicked.connect(self._on_park_button_clicked)
        self.manual_button.clicked.connect(self._on_manual_button_clicked)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._refresh_countdown)
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
        big = QFont()
        big.setPointSize(40)
        big.setBold(True)
        self.banner.setFont(big)
        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mid = QFont()
        mid.setPointSize(16)
        self.detail.setFont(mid)
        self.detail.setWordWrap(True)

        info = QFrame(self)
        info.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(info)
        label_font = QFont()
        label_font.setPointSize(13)
        self.order_label = QLabel(info)
        self.receiver_label = QLabel(info)
        self.deadline_label = QLabel(info)
        self.flag_label = QLabel(info)
        self.progress_label = QLabel(info)
        for w in (self.order_label, self.receiver_label, self.deadline_label, self.flag_label, self.progress_label):
            w.setFont(label_font)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flag_label.setTextFormat(Qt.TextFormat.PlainText)  # rich text would build a document per order
        flag_font = QFont()
        flag_font.setPointSize(20)
        progress_font = QFont()
        progress_font.setPointSize(28)
        progress_font.setBold(True)
        self.progress_label.setFont(progress_font)
        self.flag_label.setFont(flag_font)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.order_label, 0, 0)
        grid.addWidget(self.flag_label, 0, 1)
        grid.addWidget(self.progress_label, 0, 2, 2, 1)
        grid.addWidget(self.receiver_label, 1, 0)
        grid.addWidget(self.deadline_label, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)

        self.notes = NotesLabel(self)
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        notes_font = QFont()
        notes_font.setPointSize(15)
        self.notes.setFont(notes_font)

        self.lines_model = PackLinesModel(self)
        self.lines_view = QTableView(self)
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.verticalHeader().setVisible(False)
        self.lines_view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PICTURE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_PICTURE, PICTURE_PX + 12)
        # Sized once per order, not on every scan: ResizeToContents would measure every row again on each scan and
        # repaint the whole table when "9 / 10" becomes "10 / 10".
        header.setSectionResizeMode(COL_SKU, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_PROGRESS, QHeaderView.ResizeMode.Fixed)
        self.lines_view.setIconSize(QSize(PICTURE_PX, PICTURE_PX))
        table_font = QFont()
        table_font.setPointSize(14)
        self.lines_view.setFont(table_font)
        self.lines_view.verticalHeader().setDefaultSectionSize(ROW_PX)

        self.scan_input = QLineEdit(self)
        self.scan_input.setObjectName("scan_input")
        # A Chinese IME must not swallow a scanner's keystrokes.
        self.scan_input.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.scan_input.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText)
        scan_font = QFont()
        scan_font.setPointSize(16)
        self.scan_input.setFont(scan_font)
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
        # STOP covers the whole station: nobody can miss it from across the bench. The next scan lifts it.
        self.stop_overlay = QFrame(self)
        self.stop_overlay.setObjectName("stop")
        self.stop_overlay.setStyleSheet(
            "QFrame#stop { background: #b71c1c; } "
            "QFrame#stop QLabel { color: white; font-size: 30pt; font-weight: bold; padding: 40px; }"
        )
        stop_layout = QVBoxLayout(self.stop_overlay)
        self.stop_text = QLabel(self.stop_overlay)
        self.stop_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stop_text.setWordWrap(True)
        stop_layout.addWidget(self.stop_text, 1)
        self.override_button = QPushButton(self.tr("Supervisor: let it ship…"), self.stop_overlay)
        self.override_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        stop_layout.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignRight)
        self.override_button.clicked.connect(self._on_override_button_clicked)
        self.stop_code: str | None = None  # what was scanned when STOP came: the override reopens it
        self.stop_overlay.hide()

        # Locked: covers the station after an idle spell; the open parcel stays as it was.
        self.lock_overlay = QFrame(self)
        self.lock_overlay.setObjectName("lock")
        self.lock_overlay.setStyleSheet(
            "QFrame#lock { background: #263238; } QFrame#lock QLabel { color: white; font-size: 18pt; }"
        )
        lock_layout = QVBoxLayout(self.lock_overlay)
        lock_layout.addStretch(1)
        self.lock_label = QLabel(self.tr("Locked. Scan your badge, or sign in with your name and PIN."), self)
        self.lock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lock_label.setWordWrap(True)
        lock_layout.addWidget(self.lock_label)
        self.name_edit = QLineEdit(self.lock_overlay)
        self.name_edit.setPlaceholderText(self.tr("Name"))
        self.pin_edit = QLineEdit(self.lock_overlay)
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton(self.tr("Sign in"), self.lock_overlay)
        row = QHBoxLayout()
        row.addStretch(1)
        for w in (self.name_edit, self.pin_edit, self.sign_in_button):
            row.addWidget(w)
        row.addStretch(1)
        lock_layout.addLayout(row)
        self.lock_message = QLabel(self.lock_overlay)
        self.lock_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lock_layout.addWidget(self.lock_message)
        lock_layout.addStretch(1)
        self.lock_overlay.hide()
        self.locked = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self.pin_edit.returnPressed.connect(self._on_sign_in_button_clicked)

        self.pace_label = QLabel(self)
        self.pace_label.setObjectName("pace")
        pace_font = QFont()
        pace_font.setPointSize(12)
        self.pace_label.setFont(pace_font)
        pace_palette = self.pace_label.palette()
        pace_palette.setColor(QPalette.ColorRole.WindowText, QColor("#37474f"))
        self.pace_label.setPalette(pace_palette)

        bottom = QHBoxLayout()
        bottom.addWidget(self.scan_input, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.park_button)
        bottom.addWidget(self.bind_button)
        bottom.addWidget(self.manual_button)
        bottom.addWidget(self.pace_label)

        layout = QVBoxLayout(self.body)
        layout.addWidget(self.banner)
        layout.addWidget(self.detail)
        layout.addWidget(info)
        layout.addWidget(self.notes)
        layout.addWidget(self.lines_view, 1)
        layout.addLayout(bottom)

    # -- scanning ---------------------------------------------------------------------------------------------

    def set_idle_lock(self, minutes: float) -> None:
        """Locks the bench after `minutes` without a scan (0: never)."""
        self.idle_timer.setInterval(int(minutes * 60_000))
        if minutes > 0:
            self.idle_timer.start()
        else:
            self.idle_timer.stop()

    def lock(self) -> None:
        if self.locked:
            return  # already locked: keep what the overlay says
        self.locked = True
        self.lock_message.setText("")
        self.pin_edit.clear()
        self.lock_overlay.setGeometry(self.rect())
        self.lock_overlay.raise_()
        self.lock_overlay.show()

    def _unlock(self, name: str) -> None:
        self.locked = False
        self.lock_overlay.hide()
        self.pin_edit.clear()
        if self.idle_timer.interval() > 0:
            self.idle_timer.start()
        self.signed_in.emit(name)
        self.refresh_pace()
        self.scan_input.setFocus()

    def _on_sign_in_button_clicked(self) -> None:
        name, pin, station = self.name_edit.text(), self.pin_edit.text(), self.station

        def work() -> str:
            from app.services.packers import sign_in

            with station.session_factory() as session:
                who = sign_in(session, name, pin)
            station.sign_in(who)
            return who

        self.tasks.run(work, self._unlock, lambda e: self.lock_message.setText(core_text(e)))

    def _badge_scanned(self, code: str) -> None:
        station = self.station

        def work() -> str | None:
            from app.services.packers import by_badge

            with station.session_factory() as session:
                who = by_badge(session, code)
            if who is not None:
                station.sign_in(who)
            return who

        def done(who: str | None) -> None:
            if who is None:
                self.lock_message.setText(self.tr("That is not a badge. Scan your badge, or sign in."))
                if self.sounds is not None:
                    self.sounds.play("wrong")
            else:
                self._unlock(who)

        self.tasks.run(work, done, lambda e: self.lock_message.setText(core_text(e)))

    def submit_scan(self, code: str) -> None:
        """Hands one scanned code to the engine (used by the scan field and by scanner bridges)."""
        code = code.strip()
        if not code:
            return
        if self.locked:
            self._badge_scanned(code)
            return
        if self.idle_timer.interval() > 0:
            self.idle_timer.start()
        ticket = _ScanTicket()
        self.tasks.run_with_progress(
            partial(scan_and_snapshot, self.station, code, shown=ticket.shown),
            partial(self._on_scan_verdict, ticket=ticket),
            partial(self._on_scan_done, ticket=ticket),
            self._on_scan_error,
        )

    def show_stop(self, detail: str) -> None:
        self.stop_text.setText(self.tr("STOP") + "\n\n" + detail + "\n\n" + self.tr("Put the parcel aside."))
        self.stop_overlay.setGeometry(self.rect())
        self.stop_overlay.raise_()
        self.stop_overlay.show()

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

    def _open_items(self, remaining_only: bool) -> list[tuple[str, str]]:
        snap = self.snapshot
        if snap.order is None:
            return []
        return [
            (ln.sku, ln.title)
            for ln in snap.order.lines
            if ln.packable and (not remaining_only or snap.scanned.get(ln.sku, 0) < ln.qty)
        ]

    def reopen(self, code: str) -> None:
        """Reopens a parcel closed by mistake (refused once it has shipped)."""
        station = self.station
        self.tasks.run(lambda: _snapshot(station, station.reopen(code)), self._on_scan_done, self._on_scan_error)

    def _on_park_button_clicked(self) -> None:
        station = self.station

        def work() -> StationSnapshot:
            event = station.park()
            return _snapshot(station, [event] if event else [])

        self.tasks.run(work, self._on_scan_done, self._on_scan_error)

    def _on_bind_button_clicked(self) -> None:
        code = self.unknown_code
        if code:
            self.ask_supervisor(SupervisorDialog(self._open_items(False), code, self))

    def _on_manual_button_clicked(self) -> None:
        self.ask_supervisor(SupervisorDialog(self._open_items(True), None, self))

    def ask_supervisor(self, dialog: SupervisorDialog) -> None:
        """Runs the supervisor dialog; on OK with the right PIN, binds the code or confirms the item."""
        if dialog.exec() != SupervisorDialog.DialogCode.Accepted:
            return
        self.apply_supervisor(dialog.code, *dialog.values())

    def _on_override_button_clicked(self) -> None:
        dialog = SupervisorDialog(None, self.stop_code, self)
        if dialog.exec() == SupervisorDialog.DialogCode.Accepted:
            _sku, _units, reason, pin = dialog.values()
            self.apply_override(reason, pin)

    def apply_override(self, reason: str, pin: str) -> None:
        """A supervisor lets the stopped order be packed after all (PIN checked here, reason audited)."""
        code = self.stop_code
        try:
            if self.check_pin is None:
                raise PackDeskError("No supervisor PIN is set on this station.")
            self.check_pin(pin)
        except PackDeskError as exc:
            self.stop_text.setText(self.stop_text.text().split("\n\n")[0] + "\n\n" + core_text(exc))
            return
        if code is None:
            return
        station, who = self.station, f"supervisor@{self.station.actor.station}"
        self.tasks.run(
            lambda: _snapshot(station, station.override(code, who, reason)), self._on_scan_done, self._on_scan_error
        )

    def apply_supervisor(self, code: str | None, sku: str, units: int, reason: str, pin: str) -> None:
        try:
            if self.check_pin is None:
                raise PackDeskError("No supervisor PIN is set on this station.")
            self.check_pin(pin)
        except PackDeskError as exc:
            self._on_scan_error(exc)
            return
        station, who = self.station, f"supervisor@{self.station.actor.station}"
        if code:
            work = lambda: _snapshot(station, station.bind_code(code, sku, units, who))  # noqa: E731
        else:
            work = lambda: _snapshot(station, station.confirm_by_hand(sku, who, reason))  # noqa: E731
        self.tasks.run(work, self._on_scan_done, self._on_scan_error)

    def refresh_pace(self) -> None:
        """Recounts the packer's day (after each parcel and every 30 s). A read on the `io` lane: on the database
        lane it would hold up the next scan."""
        station, pace = self.station, self._pace
        self.tasks.run(
            lambda: pace.update(station.session_factory, station.actor.name, datetime.now(UTC)),
            self._show_pace,
            lambda _e: None,
            lane="io",
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
        self.tasks.run(lambda: resume_and_snapshot(self.station), self._on_recheck_done, self._on_scan_error)

    def recheck(self, order_nos: set[str]) -> None:
        """After a sync: if the open parcel's order is among `order_nos`, checks it again and stops it if needed."""
        order = self.snapshot.order
        if order is None or order.order_no not in order_nos:
            return
        self.tasks.run(lambda: recheck_and_snapshot(self.station), self._on_recheck_done, self._on_scan_error)

    def _on_recheck_done(self, snapshot: StationSnapshot | None) -> None:
        if snapshot is not None:
            self._on_scan_done(snapshot)

    def _on_scan_input_return_pressed(self) -> None:
        code = self.scan_input.text()
        self.scan_input.clear()
        self.submit_scan(code)

    def _on_undo_button_clicked(self) -> None:
        self.tasks.run(lambda: undo_and_snapshot(self.station), self._on_scan_done, self._on_scan_error)

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
            self._load_pictures(order)

    def _on_scan_done(self, snapshot: StationSnapshot, ticket: _ScanTicket | None = None) -> None:
        """Everything a scan (or an undo, a park, an override...) did; `ticket`: the scan's, when it had one."""
        early = ticket is not None and ticket.shown.is_set()  # its verdict is on screen already
        complete_sounded = ticket is not None and ticket.complete_sounded
        self.snapshot = snapshot
        self._ask_platform(snapshot)
        self._render(snapshot)
        last_event = snapshot.events[-1] if snapshot.events else None
        if last_event is not None and last_event.event is ScanOutcome.INTERCEPTED:
            self.stop_code = last_event.code
            self.override_button.setVisible(last_event.reason not in ("closed", "shipped", "refund"))
            self.show_stop(self.detail.text())
        elif snapshot.events:
            self.stop_overlay.hide()
        open_parcel = snapshot.order is not None and not snapshot.complete
        last = snapshot.events[-1] if snapshot.events else None
        self.unknown_code = (
            last.code if last and last.event is ScanOutcome.UNKNOWN_CODE and last.reason is None else None
        )
        self.bind_button.setEnabled(open_parcel and self.unknown_code is not None)
        self.manual_button.setEnabled(open_parcel)
        self.park_button.setEnabled(open_parcel)
        if self.sounds is not None and snapshot.events:
            last_event = snapshot.events[-1].event
            if not (complete_sounded and FOR_OUTCOME.get(last_event) == "complete"):
                self.sounds.play_for(last_event)  # else "complete" sounded with the verdict already
        if snapshot.events and snapshot.events[-1].event in (ScanOutcome.SHIPPED, ScanOutcome.INTERCEPTED):
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
        order = snap.order
        self._show_order(order, snap)
        if not snap.events:
            return
        last = snap.events[-1]
        word, detail = self._verdict_text(last, snap)
        self._set_banner(word, detail, STATE_COLOURS.get(last.event, STATE_COLOURS["packing"]))

    def _verdict_text(self, ev: StationEvent, snap: StationSnapshot) -> tuple[str, str]:
        progress = f"{ev.done} / {ev.total}" if ev.total else ""
        kind = ev.event
        if kind is ScanOutcome.PARKED:
            return self.tr("PARKED"), self.tr("Order %1 set aside at %2: scan it again to go on").replace(
                "%1", ev.order_no or ""
            ).replace("%2", progress)
        if kind is ScanOutcome.ORDER_OPENED and ev.reason == "scan_the_waybill":  # its label printed before a restart
            return self.tr("SCAN THE WAYBILL"), self.tr("Stick waybill %1 on the parcel and scan it").replace(
                "%1", ev.tracking_no or ""
            )
        if kind is ScanOutcome.ORDER_OPENED and ev.reason == "reopened":
            return self.tr("SCAN ITEMS"), self.tr(
                "Order %1 reopened: its label is void, verify every item again"
            ).replace("%1", ev.order_no or "")
        if kind is ScanOutcome.ORDER_OPENED and ev.reason in ("resumed", "unparked"):
            return self.tr("SCAN ITEMS"), self.tr("Order %1 reopened where it was: %2 verified").replace(
                "%1", ev.order_no or ""
            ).replace("%2", progress)
        if kind is ScanOutcome.ORDER_OPENED:
            return self.tr("SCAN ITEMS"), plural(
                self.tr("Order %1 opened: %n piece(s) to verify", "", ev.total), ev.total
            ).replace("%1", ev.order_no or "")
        if kind is ScanOutcome.ITEM_OK:
            return self.tr("OK"), f"{ev.sku}  {ev.scanned}/{ev.required}   ·   {progress}"
        if kind is ScanOutcome.WEIGHT_MISMATCH and ev.reason == "no_reading":
            return self.tr("WEIGH IT"), self.tr(
                "The scale gives no steady weight: put the parcel on it, then scan %1"
            ).replace("%1", ev.order_no or "")
        if kind is ScanOutcome.WEIGHT_MISMATCH:
            return self.tr("WRONG WEIGHT"), self.tr(
                "The parcel weighs %1 g but its items %2 g: check the items, then scan the order again"
            ).replace("%1", str(ev.extra.get("measured_g", ""))).replace("%2", str(ev.extra.get("expected_g", "")))
        if kind is ScanOutcome.WRONG_ITEM and ev.reason == "weigh_again":
            return self.tr("WRONG WEIGHT"), self.tr("Check the parcel, then scan order %1 to weigh it again").replace(
                "%1", ev.order_no or ""
            )
        if kind is ScanOutcome.WRONG_ITEM and ev.reason == "scan_the_waybill":
            return self.tr("SCAN THE WAYBILL"), self.tr("Scan waybill %1 on this parcel first").replace(
                "%1", ev.tracking_no or ""
            )
        if kind is ScanOutcome.WRONG_ITEM:
            return self.tr("WRONG ITEM"), self.tr("%1 is not in this order: put it back").replace(
                "%1", ev.sku or ev.code
            )
        if kind is ScanOutcome.OVER_SCAN:
            return self.tr("TOO MANY"), self.tr("%1 needs only %2: take one out").replace(
                "%1", ev.sku or ev.code
            ).replace("%2", str(ev.required))
        if kind is ScanOutcome.UNKNOWN_CODE:
            if ev.reason == "no_open_order":
                return self.tr("SCAN AN ORDER FIRST"), self.tr(
                    "%1 is a product; scan the order number or waybill first"
                ).replace("%1", ev.sku or ev.code)
            return self.tr("UNKNOWN CODE"), self.tr("Nobody knows the code %1").replace("%1", ev.code)
        if kind is ScanOutcome.ORDER_BUSY:
            return self.tr("FINISH THIS ORDER"), self.tr(
                "Order %1 is still open (%2): finish it or park it (F8)"
            ).replace("%1", snap.order.order_no if snap.order else "").replace("%2", progress)
        if kind is ScanOutcome.ORDER_COMPLETE:
            return self.tr("COMPLETE"), self.tr("All items verified")
        if kind is ScanOutcome.LABEL_PRINTED and ev.reason == "scan_the_waybill":
            return self.tr("SCAN THE WAYBILL"), self.tr("Stick waybill %1 on the parcel and scan it").replace(
                "%1", ev.tracking_no or ""
            )
        if kind is ScanOutcome.LABEL_PRINTED:
            return self.tr("COMPLETE"), self.tr("Waybill printed: %1").replace("%1", ev.tracking_no or "")
        if kind is ScanOutcome.SHIPPED and ev.reason == "printed_before_packing":
            return self.tr("COMPLETE"), self.tr("Verified with waybill %1; recorded as shipped. Next order!").replace(
                "%1", ev.tracking_no or ""
            )
        if kind is ScanOutcome.SHIPPED:
            return self.tr("COMPLETE"), self.tr("Waybill %1 printed, parcel recorded as shipped. Next order!").replace(
                "%1", ev.tracking_no or ""
            )
        if kind is ScanOutcome.PRINT_FAILED:
            said = core_text(ev.message) if ev.message is not None else ev.reason or ""
            why = printer_state_text(ev.extra.get("printer_state")) or said
            if ev.extra.get("answer_in_queue"):
                return self.tr("PRINT FAILED"), self.tr(
                    "The label of order %1 may have printed in part: answer “did it print?” in the print queue, "
                    "then scan the order again"
                ).replace("%1", ev.order_no or "")
            if ev.extra.get("retry"):
                return self.tr("PRINT FAILED"), self.tr("%1 Then scan order %2 again to print its label.").replace(
                    "%1", why
                ).replace("%2", ev.order_no or "")
            return self.tr("PRINT FAILED"), why
        if kind is ScanOutcome.INTERCEPTED:
            reasons = {
                "closed": self.tr("the order is closed (refunded or cancelled)"),
                "refund": self.tr("the buyer asked for a refund"),
                "on_hold": self.tr("the order is on hold"),
                "shipped": self.tr("the order has already shipped"),
                "address_changed": self.tr("the buyer changed the address after the label was printed"),
            }
            return self.tr("STOP"), self.tr("Do not ship order %1: %2").replace("%1", ev.order_no or "").replace(
                "%2", reasons.get(ev.reason or "", ev.reason or "")
            )
        if kind is ScanOutcome.UNDONE:
            return self.tr("UNDONE"), self.tr("Took back one %1").replace("%1", ev.sku or "")
        return kind.value, ""

    def _set_banner(self, word: str, detail: str, colour: str) -> None:
        self.banner.setText(word)
        self.banner.set_colour(colour)
        self.detail.setText(detail)
        self.banner.setProperty("state_colour", colour)

    def _show_idle(self) -> None:
        self._set_banner(
            self.tr("SCAN AN ORDER"), self.tr("Scan the order number or the waybill to start"), STATE_COLOURS["idle"]
        )
        self._show_order(None, self.snapshot)

    def _show_order(self, order: Order | None, snap: StationSnapshot) -> None:
        if order is None:
            self.order_label.setText(self.tr("No order open"))
            for w in (self.receiver_label, self.deadline_label, self.flag_label, self.progress_label):
                w.setText("")
            self.notes.hide()
            self.lines_model.set_rows([])
            if getattr(self, "_shown", False) is not None:
                self._size_columns(None)
            self._shown = None
            return
        if getattr(self, "_shown", None) is not order:  # the header changes only with the order
            self._shown = order
            self._show_header(order)
            self._size_columns(order)
            self._pictures_for = order  # asked for once the verdict is on screen (see _show_verdict_now)
        last_sku = snap.events[-1].sku if snap.events else None
        rows = [
            PackLine(
                ln.sku,
                ln.title,
                ln.spec,
                ln.qty,
                snap.scanned.get(ln.sku, 0) if ln.packable else 0,
                refunded=not ln.packable,
                image=ln.image,
            )
            for ln in order.lines
        ]
        self.lines_model.set_rows(rows, last_sku)
        done = sum(snap.scanned.values())
        total = sum(ln.qty for ln in order.lines if ln.packable)
        self.progress_label.setText(f"{done} / {total}")

    def _show_header(self, order: Order) -> None:
        self.order_label.setText(self.tr("Order %1 · %2").replace("%1", order.order_no).replace("%2", order.shop))
        a = order.receiver.address
        self.receiver_label.setText(
            f"{order.receiver.name}  {order.receiver.phone}  {a.province}"
            f"{'' if a.city == a.province else a.city}{a.district}"
        )
        self._refresh_countdown()
        colour = FLAG_COLOURS.get(order.flag)
        if colour:
            palette = self.flag_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            self.flag_label.setPalette(palette)
        self.flag_label.setText("⚑" if colour else "")
        notes = []
        if order.buyer_message:
            notes.append(self.tr("Buyer message: %1").replace("%1", displayable(order.buyer_message)))
        if order.memo:
            notes.append(self.tr("Seller memo: %1").replace("%1", displayable(order.memo)))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _size_columns(self, order: Order | None) -> None:
        """SKU and count columns as wide as this order needs (the count for its largest quantity), or as their
        titles with no order open."""
        lines = order.lines if order is not None else ()
        header = self.lines_view.horizontalHeader()
        metrics = QFontMetrics(self.lines_view.font())
        pad = 24
        header_font = QFontMetrics(header.font())
        sku_text = max((ln.sku for ln in lines), key=metrics.horizontalAdvance, default="")
        sku_title = self.lines_model.headerData(COL_SKU, Qt.Orientation.Horizontal)
        header.resizeSection(
            COL_SKU, max(metrics.horizontalAdvance(sku_text), header_font.horizontalAdvance(sku_title)) + pad
        )
        bold = QFont(self.lines_view.font())
        bold.setBold(True)
        most = max((ln.qty for ln in lines), default=1)
        widest = QFontMetrics(bold).horizontalAdvance(f"{most} / {most}")
        refund = (
            QFontMetrics(bold).horizontalAdvance(QCoreApplication.translate("PackLinesModel", "refund: do not pack"))
            if any(not ln.packable for ln in lines)
            else 0
        )
        title = header_font.horizontalAdvance(self.lines_model.headerData(COL_PROGRESS, Qt.Orientation.Horizontal))
        header.resizeSection(COL_PROGRESS, max(widest, refund, title) + pad)

    def _load_pictures(self, order: Order) -> None:
        """Asks the network lane for the pictures of `order`'s lines; each shows when it arrives."""
        urls = {ln.image for ln in order.lines if ln.image}
        self.lines_view.verticalHeader().setDefaultSectionSize(PICTURE_ROW_PX if urls else ROW_PX)
        self.lines_model.forget_pictures(keep=urls)
        if self.images is None:
            return
        cache = self.images
        for url in urls - {u for u in urls if self.lines_model.has_picture(u)}:
            self.tasks.run(
                partial(load_picture, cache, url),
                partial(self._on_picture, url),
                partial(self._on_picture, url, None),  # no picture: the line shows without one
                lane="pictures",
            )

    def _on_picture(self, url: str, image: QImage | None, _error: BaseException | None = None) -> None:
        if isinstance(image, QImage):
            self.lines_model.set_picture(url, QPixmap.fromImage(image))

    def _refresh_countdown(self) -> None:
        order = self.snapshot.order
        if order is None:
            return
        local = order.deadline.astimezone(CHINA_TZ).strftime("%m-%d %H:%M")
        self.deadline_label.setText(
            self.tr("Ship by %1 (%2)")
            .replace("%1", local)
            .replace("%2", countdown_text(order.deadline, datetime.now(UTC)))
        )

"""The composition root: builds the workspace, services, printer and windows, and runs the Qt event loop.

Nothing else in ui/ creates engines, printers or services; they are passed into the widgets' constructors.
"""

from __future__ import annotations

import gc
import logging
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from app.cli.lang import say
from app.domain.errors import PackDeskError
from app.facade import Desk
from app.scanning.wedge import WedgeDecoder, WedgeSettings, settings_from
from app.services.audit import Actor
from app.services.claim import WINDOW, StationBusy, StationClaim
from app.services.images import ImageCache
from app.services.printing import recover
from app.services.station_options import StationOptions, store
from app.services.station_options import current as current_options
from app.services.workspace import Settings, Workspace, default_data_dir, open_workspace, resolve_data_dir
from app.wiring import apply_options, demo_workspace, start_serial_scanner, window_bench
from printers.errors import PrinterError
from ui.assets import app_icon, install_fonts
from ui.core_text import core_text
from ui.first_run import open_assistant, run_first_run, wants_first_run
from ui.i18n import choose_language, install_translator
from ui.ops import ChangeHub, Ops
from ui.print_controller import PrintController
from ui.scanner_bridge import WedgeScannerBridge
from ui.single_instance import InstanceServer, ask_to_activate, bring_to_front
from ui.sounds import SoundPlayer
from ui.station.view import StationView
from ui.sync_controller import SyncController
from ui.tasks import TaskRunner
from ui.windows.main_window import MainWindow

log = logging.getLogger("packdesk")


@dataclass
class Gui:
    """Everything the window runs on, built once; tests build it the same way."""

    workspace: Workspace
    tasks: TaskRunner
    window: MainWindow
    scanner: WedgeScannerBridge
    ops: Ops


def build_gui(ws: Workspace) -> Gui:
    """Wires services into widgets (call with a QApplication running)."""
    settings = ws.settings
    actor = Actor(settings.packer or "packer", settings.station)
    # Jobs a crash left "sending" become "did it print?" before anything else prints.
    recover(ws.session_factory, actor, datetime.now(UTC))
    tasks = TaskRunner()
    ops = Ops(tasks, Desk(ws.session_factory, ws.data_dir, actor), ChangeHub())
    bench = window_bench(ws, actor)  # the engine, its spooler, the scale and the platform check (app.wiring)
    station, live, scale = bench.station, bench.live, bench.scale
    options = current_options(settings)  # flows, scanner thresholds, box weight, idle lock (whole numbers)
    printing = PrintController(ops, station, bench.printing, settings.printer_uri, settings.label_size)
    try:
        volume = int(settings.volume)
    except ValueError:
        volume = 80
    sounds = SoundPlayer(volume, settings.muted)

    def check_pin(pin: str) -> None:
        """The supervisor PIN, with wrong ones counted and audited, for whoever is signed in at the bench."""
        ops.desk.check_supervisor(ws.settings.supervisor_pin, pin, station.actor)

    images = ImageCache(ws.images_dir)
    tasks.run(images.prune, lane="io")  # the picture cache stays bounded
    station_view = StationView(station, tasks, sounds, check_pin, images)

    def save_sound(muted: bool, volume: int) -> None:
        ws.settings.muted, ws.settings.volume = muted, str(volume)
        ws.save_settings()

    def save_printer(uri: str) -> None:
        ws.settings.printer_uri = uri
        ws.save_settings()

    sync = SyncController(ops, images=images)
    window = MainWindow(
        station_view,
        ops,
        printing,
        packer=actor.name,
        station_name=actor.station,
        save_printer=save_printer,
        sync=sync,
        save_sound=save_sound,
    )
    sounds.setParent(window)
    printing.setParent(window)
    sync.setParent(window)
    sync.start()
    has_packers = ops.desk.has_packers()  # nobody could unlock a bench with no packers: it never locks then
    station_view.set_idle_lock(options.lock_after_min if has_packers else 0)
    station_view.resume()
    scanner = WedgeScannerBridge(WedgeDecoder(_wedge(options)), parent=window)
    scanner.barcode_scanned.connect(window.on_barcode_scanned)
    serial_scanner = start_serial_scanner(settings.scanner_uri, scanner.barcode_scanned.emit)  # queued to the GUI
    for device in (serial_scanner, scale):
        if device is not None:
            window.destroyed.connect(device.stop)
    window.destroyed.connect(live.close)

    def apply_station_options(options: StationOptions) -> None:
        store(ws.settings, options)
        try:
            ws.save_settings()
        except OSError as exc:
            text = QCoreApplication.translate("MainWindow", "Could not save the settings: %1")
            QMessageBox.warning(window, "PackDesk", text.replace("%1", exc.strerror or str(exc)))
            return

        tasks.run(lambda: apply_options(station, options))  # on the scan lane, between two scans, never during one
        station_view.set_idle_lock(options.lock_after_min if has_packers else 0)
        scanner.set_settings(_wedge(options))

    window.set_station_settings(lambda: current_options(ws.settings), apply_station_options)

    def use_printer(uri: str) -> None:
        printing.set_printer(uri)
        save_printer(uri)

    def packers_added() -> None:  # by the setup assistant: the bench now locks, and asks one of them to sign in
        nonlocal has_packers
        has_packers = True
        station_view.set_idle_lock(current_options(ws.settings).lock_after_min)
        station_view.lock()

    window.set_setup_assistant(lambda: open_assistant(window, ops, ws, use_printer, packers_added))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        scanner.install(app)
        window.destroyed.connect(lambda: app.removeEventFilter(scanner))
    return Gui(ws, tasks, window, scanner, ops)


def _wedge(options: StationOptions) -> WedgeSettings:
    """The keyboard-wedge thresholds of `options` (settings_from clamps what a hand-edited config.toml says)."""
    return settings_from(
        str(options.wedge_min_length), str(options.wedge_max_gap_ms), options.wedge_prefix, options.wedge_suffix
    )


def make_app(argv: list[str] | None = None, language: str = "") -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PackDesk")
    app.setOrganizationName("PackDesk")
    app.setDesktopFileName("packdesk")  # lets docks match the window to packdesk.desktop and its icon
    app.setWindowIcon(app_icon())
    family = install_fonts()
    font = QFont(family)
    font.setPointSize(11)
    app.setFont(font)
    install_translator(app, choose_language(language))
    return app


def settle_memory() -> None:
    """Moves everything built at start-up (Qt wrappers, SQLAlchemy's mappers, the modules) out of the garbage
    collector's sight: a full collection would otherwise walk those hundred thousand objects, pausing a scan for
    tens of milliseconds now and then. Objects made later are collected as usual."""
    gc.collect()
    gc.freeze()


def run(data_dir: Path | None = None, demo: bool = False) -> int:
    """Opens the station window, unless a window or a packing command holds the data directory (then a window is
    brought to the front); returns the exit code."""
    root = resolve_data_dir(data_dir or (default_data_dir() / "demo" if demo else None))
    claim = StationClaim(root, WINDOW)
    try:
        claim.acquire()
    except StationBusy as exc:
        return already_open(root, exc)
    except PackDeskError as exc:
        return _fail(make_app(), exc)
    try:
        return _run_window(root, demo)
    finally:
        claim.release()


def _language_of(root: Path) -> str:
    try:
        return Settings.load(root / "config.toml").language
    except PackDeskError:
        return ""  # opening the workspace says what is wrong


def _run_window(root: Path, demo: bool) -> int:
    app = make_app(language=_language_of(root))
    instance = InstanceServer(root)  # listening before the slow part, so a second start meanwhile is heard
    if not instance.listen():
        log.warning("a second start cannot reach this window: %s", instance.name)
    try:
        ws = demo_workspace(root) if demo else open_workspace(root)
    except PackDeskError as exc:
        return _fail(app, exc)
    try:
        lock = not demo and wants_first_run(ws) and run_first_run(ws)  # a new station: the setup assistant first
        gui = build_gui(ws)
    except (PackDeskError, PrinterError) as exc:
        ws.close()
        return _fail(app, exc)
    if lock:
        gui.window.station_view.lock()  # the assistant added packers: one of them signs in
    instance.activation_requested.connect(partial(bring_to_front, gui.window))
    screen = app.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None and (room.width() < 1280 or room.height() < 860):
        gui.window.setGeometry(room)  # a 1366x768 laptop at the bench: all of it, never the scan field cut off
        gui.window.showMaximized()
    else:
        gui.window.resize(1280, 860)
        gui.window.show()
    gui.window.station_view.scan_input.setFocus()
    settle_memory()
    code = app.exec()
    gui.tasks.wait()
    ws.close()
    return int(code)


def already_open(root: Path, busy: StationBusy) -> int:
    """A second start on a data directory someone holds: the window there comes to the front, and this start says so
    and ends; a packing command there is named instead."""
    if QApplication.instance() is None:
        make_app(language=_language_of(root))
    print(f"packdesk: {say(busy)}", file=sys.stderr)
    holder = busy.details.get("holder")
    if holder is not None and not holder.is_window:
        text = QCoreApplication.translate(
            "SingleInstance", "`packdesk %1` (process %2) is using this data directory (%3). Let it finish first."
        )
        text = text.replace("%1", holder.command).replace("%2", str(holder.pid))
        QMessageBox.warning(None, "PackDesk", text.replace("%3", str(root)))
        return 2
    if ask_to_activate(root):
        text = QCoreApplication.translate(
            "SingleInstance", "PackDesk is already open on this data directory (%1): it has been brought to the front."
        )
        QMessageBox.information(None, "PackDesk", text.replace("%1", str(root)))
        return 0
    text = QCoreApplication.translate(
        "SingleInstance", "PackDesk is already open on this data directory (%1) but does not answer. Close it first."
    )
    QMessageBox.warning(None, "PackDesk", text.replace("%1", str(root)))
    return 2


def _fail(app: QApplication, exc: Exception) -> int:
    """A start-up error: said on stderr in the system's language, and in a box in the window's."""
    print(f"packdesk: {say(exc)}", file=sys.stderr)
    QMessageBox.critical(None, "PackDesk", core_text(exc))
    return 2

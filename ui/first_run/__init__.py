"""The first-run assistant (ui layer): opened before the window on a station with nothing set up, and from the
window's Station menu at any time.

`wants_first_run` tells an empty station; `run_first_run` shows the assistant on its own lanes before the window is
built (so the window then opens in the language chosen); `open_assistant` shows it over a running window, where the
printer chosen reaches the window's spooler at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.facade import Desk
from app.services.audit import Actor
from app.services.workspace import Workspace
from ui.first_run.wizard import FirstRunWizard, SetupContext
from ui.ops import ChangeHub, Ops
from ui.tasks import TaskRunner

__all__ = ["FirstRunWizard", "SetupContext", "first_run_wizard", "open_assistant", "run_first_run", "wants_first_run"]


def wants_first_run(ws: Workspace) -> bool:
    """Whether this station has nothing set up: no printer, shop, catalogue, waybill account or packer."""
    if ws.settings.printer_uri or ws.settings.supervisor_pin:
        return False
    desk = Desk(ws.session_factory, ws.data_dir, Actor("setup", ws.settings.station))
    return desk.setup_state().empty


def first_run_wizard(ws: Workspace, tasks: TaskRunner) -> FirstRunWizard:
    """The assistant before the window: its own façade and hub on `tasks`; a printer chosen is only kept."""

    def keep_printer(uri: str) -> None:
        ws.settings.printer_uri = uri
        ws.save_settings()

    actor = Actor(ws.settings.packer or "setup", ws.settings.station)
    ops = Ops(tasks, Desk(ws.session_factory, ws.data_dir, actor), ChangeHub())
    return FirstRunWizard(SetupContext(ops, ws.settings, ws.save_settings, keep_printer))


def run_first_run(ws: Workspace) -> bool:
    """Shows the assistant until it is finished or closed; True when packers were added (the bench then opens
    locked, for one of them to sign in)."""
    tasks = TaskRunner()
    wizard = first_run_wizard(ws, tasks)
    wizard.exec()
    tasks.wait()
    added = wizard.packers_added
    wizard.deleteLater()
    return added


def open_assistant(
    parent: QWidget, ops: Ops, ws: Workspace, set_printer: Callable[[str], None], packers_added: Callable[[], None]
) -> FirstRunWizard:
    """The assistant over the running window (Station ▸ Setup assistant…).

    Args:
        set_printer: puts a printer address to use at once and keeps it (raises PrinterError).
        packers_added: called when the assistant finishes or closes having added packers.
    """
    wizard = FirstRunWizard(SetupContext(ops, ws.settings, ws.save_settings, set_printer, over_window=True), parent)

    def done(_result: int) -> None:
        if wizard.packers_added:
            packers_added()
        wizard.deleteLater()

    wizard.finished.connect(done)
    wizard.open()
    return wizard

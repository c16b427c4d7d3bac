"""The real window over a workspace with one shop that syncs through its platform's API, for pytest-qt tests of the
window's sync rounds (imports Qt: UI tests only)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from app.domain.enums import Platform
from app.services.workspace import open_workspace
from app.sync.shops import Credentials, add_api_shop
from ui.main import Gui, build_gui


@contextmanager
def api_shop_gui(  # noqa: PLR0913 - the shop's settings, each named
    qtbot,  # noqa: ANN001
    qapp,  # noqa: ANN001
    tmp_path: Path,
    *,
    name: str,
    platform: Platform,
    gateway: str,
    app_key: str,
    credentials: Credentials,
) -> Iterator[Gui]:
    """The window of a new workspace in `tmp_path` holding the API shop `name`; its first sync round starts at once.
    Set PACKDESK_KEYRING=file first (no desktop keyring in CI)."""
    ws = open_workspace(tmp_path / "data")
    with ws.session_factory.begin() as session:
        add_api_shop(
            session, ws.data_dir, name=name, platform=platform, gateway=gateway, app_key=app_key,
            credentials=credentials, now=datetime.now(UTC),
        )  # fmt: skip
    ws.settings.printer_uri = f"png://{(tmp_path / 'labels').as_posix()}"
    g = build_gui(ws)
    qtbot.addWidget(g.window)
    g.window.show()
    try:
        yield g
    finally:
        g.scanner.uninstall(qapp)
        g.tasks.wait()
        ws.close()


def wait_round(qtbot, gui: Gui, rounds: int = 1, *, settle: bool = False) -> None:  # noqa: ANN001
    """Waits until `rounds` sync rounds have finished since the window opened (`settle`: and the window's background
    tasks too, and the events they posted)."""
    sync = gui.window.sync
    assert sync is not None
    qtbot.waitUntil(lambda: sync.rounds >= rounds and not sync.running, timeout=30_000)
    if settle:
        gui.tasks.wait()
        qtbot.wait(50)

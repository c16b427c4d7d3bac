"""Qt fixtures: the real window on a real demo database, offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.services.workspace import Workspace
from ui.main import Gui, build_gui


@pytest.fixture(scope="session", autouse=True)
def _fonts(qapp) -> None:  # noqa: ANN001
    from ui.assets import install_fonts

    install_fonts()


@pytest.fixture
def gui(qtbot, qapp, demo: Workspace, tmp_path) -> Iterator[Gui]:  # noqa: ANN001
    """The main window on the demo shop, printing to a png:// virtual printer in tmp_path."""
    demo.settings.printer_uri = f"png://{(tmp_path / 'labels').as_posix()}"
    demo.settings.packer = "tester"
    g = build_gui(demo)
    qtbot.addWidget(g.window)
    g.window.show()
    yield g
    g.scanner.uninstall(qapp)
    g.tasks.wait()

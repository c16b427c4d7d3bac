"""One window per data directory: a second start says so and brings the first window to the front; a real window in
its own process keeps `packdesk pack` out until it is killed, and its leftovers block nothing."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from functools import partial
from pathlib import Path

import pytest
from pdtest.packing import pick, simple
from PySide6.QtWidgets import QMessageBox

from app.services.claim import WINDOW, StationBusy, StationClaim, read_holder
from app.services.workspace import Workspace
from ui.main import Gui, run
from ui.single_instance import InstanceServer, bring_to_front

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The message boxes a start shows, as (kind, text), instead of showing them."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):

        def box(*args: object, kind: str = kind) -> QMessageBox.StandardButton:
            shown.append((kind, str(args[2])))
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, kind, box)
    return shown


def test_a_second_window_is_refused_and_brings_the_first_to_the_front(
    qtbot, gui: Gui, boxes: list[tuple[str, str]]
) -> None:
    root = gui.workspace.data_dir
    with StationClaim(root, WINDOW):  # the first window, started as run() starts it
        instance = InstanceServer(root, parent=gui.window)
        assert instance.listen()
        instance.activation_requested.connect(partial(bring_to_front, gui.window))
        gui.window.showMinimized()
        qtbot.waitUntil(gui.window.isMinimized, timeout=5_000)
        with qtbot.waitSignal(instance.activation_requested, timeout=10_000):
            assert run(data_dir=root) == 0  # the second start ends at once
        qtbot.waitUntil(lambda: not gui.window.isMinimized(), timeout=5_000)
        assert gui.window.isVisible()
        assert boxes == [
            (
                "information",
                f"PackDesk is already open on this data directory ({root}): it has been brought to the front.",
            )
        ]
        with pytest.raises(StationBusy, match="A PackDesk window"):
            StationClaim(root, "pack").acquire()  # the first still holds the directory


def test_a_window_does_not_open_beside_a_pack_run(qtbot, gui: Gui, boxes: list[tuple[str, str]]) -> None:
    root = gui.workspace.data_dir
    with StationClaim(root, "pack"):
        assert run(data_dir=root) == 2
    assert len(boxes) == 1 and boxes[0][0] == "warning"
    assert boxes[0][1].startswith(f"`packdesk pack` (process {os.getpid()}) is using this data directory ({root})")


@pytest.mark.skipif(os.name != "posix", reason="Qt's local sockets are files only on POSIX")
def test_a_socket_left_by_a_killed_window_is_taken_over(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    first = InstanceServer(tmp_path)
    assert first.listen()
    path = first.full_name
    first.close()
    stale = socket.socket(socket.AF_UNIX)  # what a window killed with SIGKILL leaves: a socket file nobody serves
    stale.bind(path)
    stale.close()
    assert Path(path).exists()
    second = InstanceServer(tmp_path)
    assert second.listen()
    second.close()


def test_a_real_window_keeps_pack_out_until_it_is_killed(demo: Workspace, packdesk_cmd: list[str]) -> None:
    order = pick(demo, simple())
    env = {k: v for k, v in os.environ.items() if k != "PACKDESK_HOME"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    data = str(demo.data_dir)

    def pack() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*packdesk_cmd, "--data-dir", data, "pack", "--scans", "-", "--json"],
            input=order.order_no + "\n", capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env,
            timeout=120,
        )  # fmt: skip

    window = subprocess.Popen(
        [*packdesk_cmd, "gui", "--data-dir", data],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while (holder := read_holder(demo.data_dir)) is None or holder.pid != window.pid:
            assert window.poll() is None, window.stderr.read() if window.stderr else ""
            assert time.monotonic() < deadline, "the window never took the data directory"
            time.sleep(0.1)
        assert holder.command == WINDOW
        refused = pack()
        assert refused.returncode == 2 and refused.stdout == ""
        assert f"A PackDesk window (process {window.pid}) is open on the data directory" in refused.stderr
        assert window.poll() is None  # still open: the refusal was its doing
    finally:
        window.kill()
        window.wait()
        if window.stderr:
            window.stderr.close()
    done = pack()
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["event"] for line in done.stdout.splitlines()] == ["order_opened"]

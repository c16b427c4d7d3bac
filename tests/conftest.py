"""Shared fixtures. Qt runs offscreen; the Qt fixtures live in tests/ui/conftest.py so core tests never load Qt."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the fuzzed tests on fixed examples, so a submission never fails by the luck of the draw; a developer's run
# explores new ones (and keeps any failure it finds in .hypothesis/ to replay).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PACKDESK_BUSY_TIMEOUT", "0.5")  # locked-database tests fail fast

from app.services.workspace import Workspace, open_workspace  # noqa: E402
from app.wiring import install_waybill_providers  # noqa: E402

install_waybill_providers()  # as every `packdesk` process does at start (app.cli.main)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(data_dir)
    yield ws
    ws.close()


@pytest.fixture
def demo(workspace: Workspace) -> Workspace:
    """A workspace with the demo shop and 60 orders (seed 11), anchored to a fixed time."""
    from datetime import UTC, datetime

    from app.demo.seed import seed_demo

    with workspace.session_factory.begin() as session:
        seed_demo(session, orders=60, seed=11, anchor=datetime.now(UTC).replace(microsecond=0))
    return workspace


@pytest.fixture
def packdesk_cmd() -> list[str]:
    """The `packdesk` command as a subprocess argv prefix (the installed entry point's module)."""
    return [sys.executable, "-m", "ui.launcher"]

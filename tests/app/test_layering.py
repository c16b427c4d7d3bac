"""The core runs without Qt: importing every module of app/ and printers/ loads no PySide6 (design.md, R1/R2)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import app, printers
for pkg in (app, printers):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue  # alembic env.py runs only inside a migration; __main__ runs the CLI
        importlib.import_module(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
print("LOADED", qt)
sys.exit(1 if qt else 0)
"""


def test_core_imports_no_qt() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_headless_commands_do_not_load_qt(tmp_path) -> None:  # noqa: ANN001
    code = (
        "import sys; from ui.launcher import main; rc = main(['--data-dir', sys.argv[1], 'orders', '--json']);"
        "print('QT' if 'PySide6' in sys.modules else 'NOQT'); sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "d")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("NOQT")

"""PyInstaller runtime hook: runs inside the frozen PackDesk before any of its own modules are imported.

1. python-escpos reads its printer database (capabilities.json) by path at import time, and caches it as a pickle in
   `ESCPOS_CAPABILITIES_PICKLE_DIR`, which otherwise defaults to a fresh `mkdtemp()` on *every* import (a leak of one
   temp dir per run, and a ~300 ms re-parse). Point it at a per-user cache dir that survives between runs, and point
   `ESCPOS_CAPABILITIES_FILE` at the bundled JSON so the lookup never depends on importlib_resources in a frozen app.
2. The windowed launcher (PackDesk.exe, console=False) starts with sys.stdout/sys.stderr set to None; a library that
   writes to them directly (python-escpos prints diagnostics) would raise. Give them a null sink instead.

Variables the user already set win (setdefault), so both can still be overridden from the environment.
"""

from __future__ import annotations

import os
import sys
import tempfile


def _writable_dir(path: str) -> bool:
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK | os.X_OK)


def _escpos_cache_dir() -> str:
    candidates = []
    try:
        import platformdirs

        candidates.append(os.path.join(platformdirs.user_cache_dir("PackDesk", "PackDesk"), "escpos"))
    except Exception:  # noqa: BLE001  (a broken cache location must never stop the app from starting)
        pass
    candidates.append(os.path.join(tempfile.gettempdir(), f"packdesk-escpos-{_user_tag()}"))
    for path in candidates:
        if _writable_dir(path):
            return path
    return tempfile.mkdtemp(prefix="packdesk-escpos-")


def _user_tag() -> str:
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        return str(getuid())
    return os.environ.get("USERNAME", "user")


if not os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR"):
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = _escpos_cache_dir()

_bundle = getattr(sys, "_MEIPASS", os.path.dirname(os.path.abspath(sys.executable)))
_capabilities = os.path.join(_bundle, "escpos", "capabilities.json")
if os.path.isfile(_capabilities):
    os.environ.setdefault("ESCPOS_CAPABILITIES_FILE", _capabilities)

if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  (lives as long as the process)
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

"""`packdesk bench --only workspace` builds its orders file once, then reports every filter's first page beside
hand-written SQL (a small file here; behaviour only, no timing asserts)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def test_bench_workspace_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PACKDESK_BENCH_WORKSPACE_ORDERS": "2000",
        "PACKDESK_BENCH_REPEAT_WS": "3",
        "PACKDESK_BENCH_DIR": str(tmp_path / "bench"),
    }
    args = [*packdesk_cmd, "--data-dir", str(tmp_path / "d"), "bench", "--only", "workspace", "--json"]
    first = subprocess.run(args, capture_output=True, text=True, timeout=300, env=env)
    assert first.returncode == 0, first.stderr
    figures = json.loads(first.stdout)
    assert figures[0]["name"] == "workspace file of 2,000 orders (built or found)"
    pages = {f["name"].removeprefix("first page p95: "): f for f in figures[1:]}
    for name in ("status awaiting, by ship-by", "search order no.", "search SKU", "search title text",
                 "search phone tail", "carrier SF", "overdue", "due within 6 h", "has seller memo", "reprinted",
                 "sort by items", "combined: awaiting, taobao, not printed, memo, by paid"):  # fmt: skip
        assert pages[name]["value"] > 0 and pages[name]["baseline"] > 0, name
    window = {f["name"]: f for f in figures if f["name"].startswith("window")}
    (memory,) = [f for name, f in window.items() if name.startswith("window memory")]
    assert memory["unit"] == "MB" and memory["value"] > 0 and memory["baseline"] > 0
    assert "window: the list of 2,000 orders, first page and count" in window  # the list spans every order
    (built,) = (tmp_path / "bench").iterdir()
    assert built.name == f"workspace-2000-{_head()}.db"
    stamp = built.stat().st_mtime_ns
    again = subprocess.run(args, capture_output=True, text=True, timeout=300, env=env)
    assert again.returncode == 0 and built.stat().st_mtime_ns == stamp  # found, not built again


def _head() -> str:
    from app.persistence.db import head_revision

    return head_revision()

"""`packdesk bench --only order_detail` reads orders' detail beside hand-written SQL on a copy of the workspace
bench's file given a history (a small file here; behaviour only, no timing asserts)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def test_bench_order_detail_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PACKDESK_BENCH_WORKSPACE_ORDERS": "1500", "PACKDESK_BENCH_DIR": str(tmp_path / "bench")}
    args = [*packdesk_cmd, "--data-dir", str(tmp_path / "d"), "bench", "--only", "order_detail", "--json"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    (figure,) = json.loads(done.stdout)
    assert figure["name"].startswith("detail pane read p95 (1,500 orders, ")
    assert figure["value"] > 0 and figure["baseline"] > 0
    (cached,) = (tmp_path / "bench").iterdir()  # the workspace bench's file, left as it was built
    assert cached.name.startswith("workspace-1500-")

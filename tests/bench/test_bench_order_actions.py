"""`packdesk bench --only order_actions` flags a synced backlog and writes the flags back to the loopback gateway,
beside raw SQL and the bare client (behaviour only, no timing asserts)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def test_bench_order_actions_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PACKDESK_BENCH_ACTION_ORDERS": "60"}
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "order_actions", "--json"],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    flag, push = json.loads(result.stdout)
    assert flag["name"].startswith("flag ") and push["name"].startswith("write back ")
    assert all(f["value"] > 0 and f["baseline"] > 0 and f["unit"] == "s" for f in (flag, push))

"""`packdesk bench --only stock` allots stock to a generated backlog and reports the recomputation beside SQLite
summing the same waiting units (behaviour only, no timing asserts)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def test_bench_stock_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PACKDESK_BENCH_STOCK_ORDERS": "1500", "PACKDESK_BENCH_STOCK_SKUS": "60",
           "PACKDESK_BENCH_REPEAT": "1"}  # fmt: skip
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "stock", "--json"],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    first, again, one = json.loads(result.stdout)
    assert first["name"].startswith("stock recompute, first (1,500 waiting orders, 60 SKUs; ")
    assert again["name"] == "stock recompute again, nothing changed"
    assert one["name"].startswith("stock set of one SKU")
    assert all(f["value"] > 0 and f["baseline"] > 0 and f["unit"] == "s" for f in (first, again, one))

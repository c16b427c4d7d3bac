"""`packdesk bench --only pdd_sync`: a PDD shop's first fill over HTTP beside a Taobao shop's (behaviour only)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def test_bench_pdd_sync_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PACKDESK_BENCH_PDD_ORDERS": "300"}
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "pdd_sync", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    (fill,) = json.loads(result.stdout)
    assert fill["name"].startswith("PDD first fill of ") and fill["value"] > 0
    inserted = int(fill["name"].split()[4].replace(",", ""))
    assert 150 < inserted < 300  # the orders awaiting shipment among the 300
    assert fill["baseline_name"].startswith("Taobao first fill of") and fill["baseline"] > 0

"""`packdesk bench --only catalogue_sync` syncs a small seeded catalogue from the loopback TOP gateway and reports it
beside the same calls with nothing stored (behaviour only, no timing asserts)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def test_bench_catalogue_sync_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PACKDESK_BENCH_CATALOGUE_SKUS": "400", "PACKDESK_BENCH_REPEAT": "1"}
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "catalogue_sync", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    first, again = json.loads(result.stdout)
    assert first["name"] == "sync a 400-SKU catalogue (TOP gateway)" and again["name"].startswith("sync it again")
    assert all(f["value"] > 0 and f["baseline"] > 0 and f["unit"] == "s" for f in (first, again))

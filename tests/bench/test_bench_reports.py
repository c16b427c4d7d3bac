"""`packdesk bench --only reports` on a small history: the dashboard's figures from the roll-ups beside the same
figures from the raw events (the bench fails if they differ), and one new day rolled up (behaviour only, no timing
asserts)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def test_bench_reports_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PACKDESK_BENCH_REPORT_EVENTS": "3000", "PACKDESK_BENCH_REPEAT_REPORTS": "1",
           "PACKDESK_BENCH_DIR": str(tmp_path / "bench")}  # fmt: skip
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path / "d"), "bench", "--only", "reports", "--json"],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    load = [f for f in figures if f["name"].startswith("dashboard load")]
    assert len(load) == 2 and all(f["value"] > 0 and f["baseline"] > 0 and f["unit"] == "s" for f in load)
    assert any(f["name"].startswith("full roll-up of") for f in figures)  # the file was built in this run
    new_day = next(f for f in figures if f["name"].startswith("incremental roll-up of one new day"))
    assert new_day["value"] > 0 and new_day["unit"] == "ms"
    assert list((tmp_path / "bench").glob("reports-3000-*.db"))  # cached for the next run

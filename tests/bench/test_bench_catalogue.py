"""`packdesk bench --only catalogue` imports a generated product sheet and reports it beside openpyxl reading it
(behaviour only, no timing asserts)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def test_bench_catalogue_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PACKDESK_BENCH_CATALOGUE_ROWS": "300", "PACKDESK_BENCH_REPEAT": "1"}
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "catalogue", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    first, again = json.loads(result.stdout)
    assert first["name"] == "import a 300-row product sheet (xlsx)" and again["name"].startswith("import it again")
    assert all(f["value"] > 0 and f["baseline"] > 0 and f["unit"] == "s" for f in (first, again))

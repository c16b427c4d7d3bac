"""`packdesk bench` runs and reports each figure beside its baseline (behaviour only, no timing asserts)."""

from __future__ import annotations

import json
import subprocess


def test_bench_labels_json(packdesk_cmd: list[str], tmp_path) -> None:  # noqa: ANN001
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "labels", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    names = {f["name"] for f in figures}
    assert "label 100x150 render+encode (ESC/POS)" in names
    timed = [f for f in figures if f["unit"] == "ms" and f["baseline"] is not None]
    assert timed and all(f["value"] > 0 and f["baseline"] > 0 for f in timed)

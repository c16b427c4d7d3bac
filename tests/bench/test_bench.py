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


def test_bench_sync_json(packdesk_cmd: list[str], tmp_path) -> None:  # noqa: ANN001
    import os

    env = {**os.environ, "PACKDESK_BENCH_ORDERS": "300", "PACKDESK_BENCH_FILL_ORDERS": "200"}
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "sync", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    ingest, fill = json.loads(result.stdout)
    assert ingest["name"].startswith("ingest 300 orders") and ingest["baseline"] > 0 and ingest["value"] > 0
    assert fill["name"].startswith("first fill of") and fill["value"] > 0

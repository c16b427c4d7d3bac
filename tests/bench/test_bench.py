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


def test_bench_station_json(packdesk_cmd: list[str], tmp_path) -> None:  # noqa: ANN001
    import os

    env = {**os.environ, "PACKDESK_BENCH_STATION_ORDERS": "4", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "station", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    figures = {f["name"].split(" (")[0]: f for f in json.loads(result.stdout)}
    window = figures["scan to verdict in the window, p99"]
    label = figures["last scan to first label byte, p95"]
    assert 0 < window["value"] < float("inf") and window["baseline"] > 0
    assert 0 < label["value"] < float("inf") and label["baseline"] > 0


def test_bench_spooler_json(packdesk_cmd: list[str], tmp_path) -> None:  # noqa: ANN001
    """The spooler figure prints a short batch through the real spooler (it raises if a label did not print)."""
    import os

    env = {**os.environ, "PACKDESK_BENCH_SPOOLER_LABELS": "12", "PACKDESK_BENCH_SPOOLER_LABEL_MS": "5"}
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "spooler", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    (figure,) = json.loads(result.stdout)
    assert figure["name"] == "batch of 12 labels, over printer time (5 ms/label)"
    assert figure["unit"] == "s" and figure["baseline_name"].startswith("raw sender")

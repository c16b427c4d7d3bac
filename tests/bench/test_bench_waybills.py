"""`packdesk bench --only waybills`: a short batch numbered through CainiaoProvider and printed through PrintService
against the loopback TOP gateway (the bench raises if a number or a label is missing); behaviour only, no timing."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def test_bench_waybills_json(packdesk_cmd: list[str], tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PACKDESK_BENCH_WAYBILL_ORDERS": "12",
        "PACKDESK_BENCH_WAYBILL_RTT_MS": "5",
        "PACKDESK_BENCH_REPEAT": "1",
        "PACKDESK_KEYRING": "file",
    }
    result = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(tmp_path), "bench", "--only", "waybills", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    loopback, slow, printed = json.loads(result.stdout)
    assert loopback["name"] == "numbers for 12 orders, Cainiao (loopback)" and loopback["baseline"] > 0
    assert slow["name"] == "numbers for 12 orders, Cainiao (+5 ms a call)" and slow["value"] > 0
    assert printed["name"] == "numbers + labels for 12 orders (+5 ms a call)"
    assert printed["goal"] == "PrintService, 2 ii.get vs 12" and printed["value"] > 0 and printed["baseline"] > 0

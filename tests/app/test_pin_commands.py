"""The PIN commands: `packdesk supervisor pin` takes 6 to 12 digits and lifts a lock-out of the supervisor PIN,
`packdesk packer unlock NAME` lets a locked-out packer sign in again with the supervisor's PIN."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from pdtest.pins import BENCH, T0, try_sign_in

from app.services.pin_guard import LOCK_AFTER, PinLocked, check_supervisor, wait_after
from app.services.supervisor import NotAllowed
from app.services.workspace import Settings, open_workspace

ROOT = Path(__file__).resolve().parents[2]


def test_the_packer_unlock_and_supervisor_pin_commands(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    data = tmp_path / "data"

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}, **extra}
        return subprocess.run(
            [*packdesk_cmd, "--data-dir", str(data), *args],
            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=120,
        )  # fmt: skip

    short = run("supervisor", "pin", PACKDESK_SUPERVISOR_PIN="1234")
    assert short.returncode == 2 and "A supervisor PIN is 6 to 12 digits" in short.stderr
    assert run("supervisor", "pin", PACKDESK_SUPERVISOR_PIN="246810").returncode == 0
    assert run("packer", "add", "赵六", PACKDESK_PACKER_PIN="2468").returncode == 0
    ws = open_workspace(data)
    try:
        at = T0
        for failures in range(LOCK_AFTER):
            at += wait_after(failures)
            with pytest.raises(NotAllowed):
                try_sign_in(ws, "赵六", "0000", at)
        wrong = run("packer", "unlock", "赵六", "--json", PACKDESK_SUPERVISOR_PIN="135790")
        assert wrong.returncode == 2 and "Wrong supervisor PIN" in wrong.stderr
        with pytest.raises(PinLocked):
            try_sign_in(ws, "赵六", "2468", at + timedelta(days=1))
        done = run("packer", "unlock", "赵六", "--json", PACKDESK_SUPERVISOR_PIN="246810")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {"packer": "赵六", "unlocked": True}
        assert try_sign_in(ws, "赵六", "2468", at + timedelta(days=1)) == "赵六"
        unknown = run("packer", "unlock", "钱七", PACKDESK_SUPERVISOR_PIN="246810")
        assert unknown.returncode == 2 and "No packer is called 钱七" in unknown.stderr
        # A supervisor PIN locked by wrong tries is usable again once it is set again.
        for failures in range(LOCK_AFTER):
            with ws.session_factory() as s, pytest.raises(NotAllowed):
                check_supervisor(s, ws.settings.supervisor_pin, "000000", BENCH, T0 + timedelta(days=failures))
        assert run("supervisor", "pin", PACKDESK_SUPERVISOR_PIN="975310").returncode == 0
        with ws.session_factory() as s:
            check_supervisor(s, Settings.load(ws.config_path).supervisor_pin, "975310", BENCH, T0)
    finally:
        ws.close()

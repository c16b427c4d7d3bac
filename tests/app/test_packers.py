"""Packers who sign in: PINs kept hashed, badges unique, the command line adds them."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.persistence.rows import PackerRow
from app.services.packers import add_packer, by_badge, sign_in
from app.services.supervisor import NotAllowed
from app.services.workspace import Workspace, open_workspace


def test_sign_in_by_pin_or_badge(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as s:
        add_packer(s, "王小明", "1234", "B-1")
        add_packer(s, "李四", "5678")
    with workspace.session_factory() as s:
        assert sign_in(s, "王小明", "1234") == "王小明"
        assert by_badge(s, "B-1") == "王小明" and by_badge(s, "B-2") is None
        for name, pin in (("王小明", "5678"), ("nobody", "1234")):
            with pytest.raises(NotAllowed, match="Unknown packer or wrong PIN"):
                sign_in(s, name, pin)
        # kept as a salted PBKDF2 record of the PIN, never the PIN (a substring test would fail by chance: the
        # hex digest holds "1234" in about one row of 700)
        pins = {"王小明": "1234", "李四": "5678"}
        for row in s.query(PackerRow):
            scheme, iterations, salt, digest = row.pin_hash.split("$")
            assert scheme == "pbkdf2" and len(salt) == 32 and len(digest) == 64
            expected = hashlib.pbkdf2_hmac("sha256", pins[row.name].encode(), bytes.fromhex(salt), int(iterations))
            assert digest == expected.hex() and int(iterations) >= 100_000


def test_a_badge_belongs_to_one_packer(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as s:
        add_packer(s, "王小明", "1234", "B-1")
    with workspace.session_factory.begin() as s, pytest.raises(InvalidInput, match="belongs to 王小明"):
        add_packer(s, "李四", "5678", "B-1")


def test_packer_add_command(tmp_path: Path, packdesk_cmd: list[str]) -> None:
    env = {**os.environ, "PACKDESK_PACKER_PIN": "2468"}
    data = tmp_path / "data"
    done = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(data), "packer", "add", "赵六", "--badge", "B-9", "--json"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"packer": "赵六", "badge": "B-9"}
    bad = subprocess.run(
        [*packdesk_cmd, "--data-dir", str(data), "packer", "add", "钱七"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "PACKDESK_PACKER_PIN": "12"},
    )  # fmt: skip
    assert bad.returncode != 0 and "4 to 12 digits" in bad.stderr
    ws = open_workspace(data)
    try:
        with ws.session_factory() as s:
            assert sign_in(s, "赵六", "2468") == "赵六"
    finally:
        ws.close()

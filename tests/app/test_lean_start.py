"""A lean start: the `packdesk` command and the window's module load neither Alembic, httpx, openpyxl nor the
benchmarks, and a `packdesk` command loads only the machinery it runs.

Alembic is needed only when a database must be upgraded, httpx only when a picture or a platform is fetched, openpyxl
(and the numpy it brings) only when an Excel file is read or written, the benchmarks only for `packdesk bench`. The
subcommands of app.cli import their sync and service modules when they run, so `packdesk orders` loads none of the
imports', notices', outbox's, tracking's, merges', printing's or waybill accounts' machinery. Each check runs in a
fresh interpreter and reads its `sys.modules`.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.persistence.db import _alembic_config, current_revision, head_revision
from app.services.workspace import Workspace, open_workspace

HEAVY = ("alembic", "httpx", "bench", "rich", "click", "mako", "openpyxl", "numpy")

#: What the other subcommands of `packdesk` run with, which listing orders never needs (app.cli imports them inside
#: the commands): seller-centre imports, after-sale round and SMS notices, outbox and seller-centre exports, the
#: route query, shop sync, merges, printing, order actions, reports, service rules, splits, the catalogue, waybill
#: accounts.
LAZY = (
    "app.sync.imports", "app.sync.imports.assembly", "app.sync.store", "app.sync.after_sale", "app.sync.notice_push",
    "app.services.notices", "app.persistence.notices", "app.sync.seller_centre", "app.sync.service",
    "app.sync.kuaidi100_track", "app.persistence.tracking", "app.sync.oaid_merge", "app.services.merges",
    "app.services.printing", "app.services.order_actions", "app.services.reports", "app.services.service_rules",
    "app.services.deadlines", "app.services.splits", "app.services.catalogue", "app.services.waybills.accounts",
    "app.sync.waybills.setup",
)  # fmt: skip

#: Runs argv[1] as Python in this interpreter, then prints which of the modules named in argv[2] (JSON) it loaded as
#: the last line.
PROBE = """
import json, sys
exec(sys.argv[1])
print(json.dumps(sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)))
"""


def loaded_after(code: str, modules: tuple[str, ...] = HEAVY) -> list[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, code, json.dumps(modules)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_listing_orders_of_a_current_database_loads_no_heavy_module(demo: Workspace, data_dir: Path) -> None:
    code = f"""
from ui.launcher import main
rc = main(["orders", "--limit", "1", "--json", "--data-dir", {str(data_dir)!r}])
assert rc == 0, rc
"""
    assert loaded_after(code) == []


def test_listing_orders_loads_no_other_commands_machinery(demo: Workspace, data_dir: Path) -> None:
    code = f"""
from ui.launcher import main
rc = main(["orders", "--limit", "1", "--json", "--data-dir", {str(data_dir)!r}])
assert rc == 0, rc
"""
    assert loaded_after(code, LAZY) == []


def test_the_commands_still_load_their_machinery_when_they_run(data_dir: Path) -> None:
    """The probe sees what a command loads: `outbox` and `tracking list` load theirs, when they run."""
    code = f"""
from ui.launcher import main
assert main(["outbox", "--json", "--data-dir", {str(data_dir)!r}]) == 0
assert main(["tracking", "list", "--json", "--data-dir", {str(data_dir)!r}]) == 0
"""
    assert {"app.persistence.tracking", "app.sync.seller_centre", "app.sync.service"} <= set(loaded_after(code, LAZY))


def test_an_older_database_is_still_upgraded_when_the_command_starts(tmp_path: Path) -> None:
    from app.persistence.db import make_engine, sqlite_url, upgrade

    data = tmp_path / "old"
    data.mkdir()
    engine = make_engine(sqlite_url(data / "packdesk.db"))
    upgrade(engine, "0001_orders")
    engine.dispose()
    code = f"""
from ui.launcher import main
assert main(["orders", "--json", "--data-dir", {str(data)!r}]) == 0
"""
    assert "alembic" in loaded_after(code)  # the upgrade path does load it, lazily
    ws = open_workspace(data)
    try:
        assert current_revision(ws.engine) == head_revision()
    finally:
        ws.close()


@pytest.mark.skipif(importlib.util.find_spec("PySide6") is None, reason="the window needs PySide6")
def test_the_window_module_loads_no_heavy_module() -> None:
    assert loaded_after("import ui.main") == []


def test_the_head_read_from_the_migration_files_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    assert head_revision() == ScriptDirectory.from_config(_alembic_config()).get_current_head()

"""`packdesk flag|memo|hold|release|expedite|out-of-stock` from real subprocesses on the demo: --json prints what was
done and what was skipped with why, `orders --json` shows priority and hold_reason, bad input exits non-zero with a
message a seller understands and changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ENV = {**os.environ, "PACKDESK_LANG": "en"}


class Cli:
    def __init__(self, cmd: list[str], data_dir: Path) -> None:
        self.cmd, self.data_dir = cmd, data_dir

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        argv = [*self.cmd, *args, "--data-dir", str(self.data_dir)]
        return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", timeout=120, env=ENV, check=False)

    def ok(self, *args: str) -> Any:
        done = self.run(*args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.splitlines()[-1])

    def orders(self, *args: str) -> dict[str, dict[str, Any]]:
        return {o["order_no"]: o for o in self.ok("orders", "--limit", "500", *args)}


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    c = Cli([sys.executable, "-m", "ui.launcher"], tmp_path_factory.mktemp("actions") / "data")
    assert c.run("demo", "seed", "--orders", "40", "--seed", "5").returncode == 0
    return c


def test_actions_from_the_command_line(cli: Cli) -> None:
    waiting = list(cli.orders("--status", "awaiting_shipment"))[:3]
    (platform_held,) = cli.orders("--status", "on_hold")  # the demo's trade whose shipping Taobao blocked
    a, b, c = waiting

    flagged = cli.ok("flag", a, b, "NOT-AN-ORDER", "--colour", "green")
    assert flagged["action"] == "flag" and flagged["done"] == [a, b]
    assert flagged["skipped"] == [{"order_no": "NOT-AN-ORDER", "reason": "No order NOT-AN-ORDER in the cache: sync "
                                   "or import it first."}]  # fmt: skip
    assert cli.ok("memo", a, "送小样")["done"] == [a]
    assert cli.ok("memo", a, "周五前发", "--append")["before"] == {a: "送小样"}

    held = cli.ok("hold", b, platform_held, "--reason", "买家要改地址")
    assert held["done"] == [b] and held["skipped"][0]["order_no"] == platform_held
    assert "held by the platform" in held["skipped"][0]["reason"]
    assert cli.ok("expedite", c, "on")["done"] == [c]
    marked = cli.ok("out-of-stock", a, "--reason", "面料有瑕疵", "--expected", "2099-01-31")
    assert marked["done"] == [a]

    listed = cli.orders()
    assert listed[a]["memo"] == "送小样\n周五前发" and listed[a]["flag"] == "green"
    assert listed[a]["status"] == "out_of_stock" and listed[a]["priority"] == 0
    assert listed[b]["status"] == "on_hold" and listed[b]["hold_reason"] == "买家要改地址"
    assert listed[c]["priority"] == 1 and listed[c]["hold_reason"] is None
    first = cli.ok("orders", "--sort=-priority,ship_by", "--limit", "1")
    assert [o["order_no"] for o in first] == [c]

    released = cli.ok("release", a, b, c)
    assert released["done"] == [a, b]
    assert released["skipped"] == [{"order_no": c, "reason": f"Order {c} is neither on hold nor marked out of stock."}]
    assert cli.ok("expedite", c, "off")["done"] == [c]
    listed = cli.orders()
    assert listed[b]["status"] == "awaiting_shipment" and listed[b]["hold_reason"] is None
    assert listed[c]["priority"] == 0

    text = cli.run("flag", a, "--colour", "none")
    assert text.returncode == 0 and text.stdout == f"{a}: flag done\n"


def test_bad_input_is_refused_and_changes_nothing(cli: Cli) -> None:
    a = next(iter(cli.orders("--status", "awaiting_shipment")))
    before = cli.orders()[a]
    no_reason = cli.run("hold", a, "--reason", "  ")
    assert no_reason.returncode == 2 and "Give a reason" in no_reason.stderr
    past = cli.run("out-of-stock", a, "--reason", "x", "--expected", "2020-01-01")
    assert past.returncode == 2 and "The expected date 2020-01-01 has passed" in past.stderr
    bad_date = cli.run("out-of-stock", a, "--reason", "x", "--expected", "soon")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    assert cli.run("flag", a, "--colour", "pink").returncode == 2
    too_long = cli.ok("memo", a, "长" * 400)
    assert too_long["done"] == [] and "Taobao keeps at most 1000" in too_long["skipped"][0]["reason"]
    assert cli.orders()[a] == before

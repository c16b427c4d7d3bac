"""`packdesk stock set|adjust|list|override` and `orders --status out_of_stock` end to end in subprocesses, on the
demo (four tracked SKUs, some orders short): the JSON shapes, low stock with the orders that need it, a refusal below
zero that changes nothing, stock arriving releasing orders, and a supervisor's override with the PIN."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

LEVEL_KEYS = {"sku", "title", "spec", "on_hand", "reserved", "available", "safety", "low", "waiting_orders"}


@pytest.fixture
def packdesk(packdesk_cmd: list[str], tmp_path: Path) -> Any:
    data_dir = tmp_path / "data"

    def run(*args: str, pin: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PACKDESK_SUPERVISOR_PIN": pin} if pin is not None else None
        return subprocess.run(
            [*packdesk_cmd, "--data-dir", str(data_dir), *args],
            capture_output=True, text=True, encoding="utf-8", timeout=120, check=False, env=env,
        )  # fmt: skip

    assert run("demo", "seed", "--orders", "120", "--seed", "3").returncode == 0
    return run


def ok(done: subprocess.CompletedProcess[str]) -> Any:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def short_orders(packdesk: Any) -> dict[str, list[dict[str, Any]]]:
    orders = ok(packdesk("orders", "--status", "out_of_stock", "--limit", "500", "--json"))
    assert all(o["status"] == "out_of_stock" for o in orders)
    return {o["order_no"]: o["short"] for o in orders}


def test_stock_list_and_the_out_of_stock_orders(packdesk: Any) -> None:
    levels = ok(packdesk("stock", "list", "--json"))
    assert [lv["sku"] for lv in levels] == ["LAMP-01", "LAMP-02", "PILLOW-03", "TEA-04"]  # only tracked SKUs
    assert all(set(lv) == LEVEL_KEYS and lv["available"] == lv["on_hand"] - lv["reserved"] for lv in levels)
    low = ok(packdesk("stock", "list", "--low", "--json"))
    assert low and all(lv["available"] < lv["safety"] and lv["low"] for lv in low)
    short = short_orders(packdesk)
    assert short and all(
        s and all(set(x) == {"sku", "missing"} and x["missing"] > 0 for x in s) for s in short.values()
    )
    needing = {no for lv in levels for no in lv["waiting_orders"]}
    assert set(short) <= needing  # a short order is among the orders waiting for its SKU
    waiting = ok(packdesk("orders", "--status", "awaiting_shipment", "--limit", "500", "--json"))
    assert waiting and all(o["short"] == [] for o in waiting)


def test_set_and_adjust_release_orders_and_a_refusal_changes_nothing(packdesk: Any) -> None:
    lamp = next(lv for lv in ok(packdesk("stock", "list", "--json")) if lv["sku"] == "LAMP-02")
    refused = packdesk("stock", "adjust", "LAMP-02", f"-{lamp['on_hand'] + 1}", "--reason", "破损")
    assert refused.returncode != 0 and "would leave less than none. Nothing was changed." in refused.stderr
    assert "Traceback" not in refused.stderr
    assert packdesk("stock", "adjust", "LAMP-02", "+1").returncode != 0  # --reason is required
    assert ok(packdesk("stock", "adjust", "LAMP-02", "+50", "--reason", "到货", "--json")) == {
        "sku": "LAMP-02", "on_hand": lamp["on_hand"] + 50, "delta": 50,
    }  # fmt: skip
    assert not any(x["sku"] == "LAMP-02" for s in short_orders(packdesk).values() for x in s)
    assert ok(packdesk("stock", "set", "LAMP-02", "0", "--json"))["delta"] == -(lamp["on_hand"] + 50)
    assert any(x["sku"] == "LAMP-02" for s in short_orders(packdesk).values() for x in s)
    unknown = packdesk("stock", "set", "NO-SUCH", "3")
    assert unknown.returncode != 0 and "No product 'NO-SUCH'" in unknown.stderr
    moves = ok(packdesk("stock", "moves", "LAMP-02", "--json"))
    assert [(m["kind"], m["delta"], m["reason"]) for m in moves[:2]] == [
        ("set", -(lamp["on_hand"] + 50), ""), ("adjust", 50, "到货"),
    ]  # fmt: skip
    assert all(m["actor"] and m["at"] for m in moves) and moves[0]["on_hand"] == 0


def test_a_supervisor_overrides_a_shortage_with_the_pin(packdesk: Any) -> None:
    order_no, short = next(iter(short_orders(packdesk).items()))
    wrong = packdesk("stock", "override", order_no, "--reason", "加急", pin="123456")
    assert wrong.returncode != 0 and order_no in short_orders(packdesk)
    done = ok(packdesk("stock", "override", order_no, "--reason", "加急", "--supervisor", "王主管", "--json",
                       pin="000000"))  # fmt: skip
    assert done == {"order_no": order_no, "overridden": short}
    assert order_no not in short_orders(packdesk)
    again = packdesk("stock", "override", order_no, "--reason", "加急", pin="000000")
    assert again.returncode != 0 and "is not out of stock" in again.stderr

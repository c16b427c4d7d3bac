"""`packdesk orders` with the workspace's filters, from a subprocess: the JSON contract kept, --count, filters that
combine, sorting, paging, and bad input refused with a message and a non-zero exit."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bench.workspace import build_orders_file


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    build_orders_file(root / "packdesk.db", 1500, seed=9)
    return root


def _run(cmd: list[str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, "--data-dir", str(data), "orders", *args], capture_output=True, text=True, timeout=120)


def test_filters_count_sort_and_pages(packdesk_cmd: list[str], data: Path) -> None:
    result = _run(packdesk_cmd, data, "--status", "awaiting_shipment", "--platform", "taobao", "--count", "--json")
    assert result.returncode == 0, result.stderr
    total = json.loads(result.stdout)["count"]
    assert total > 200
    first = json.loads(_run(packdesk_cmd, data, "--status", "awaiting_shipment", "--platform", "taobao", "--json",
                            "--limit", "150").stdout)  # fmt: skip
    rest = json.loads(_run(packdesk_cmd, data, "--status", "awaiting_shipment", "--platform", "taobao", "--json",
                           "--limit", "100000", "--offset", "150").stdout)  # fmt: skip
    orders = first + rest
    assert len(orders) == total and len({o["order_no"] for o in orders}) == total
    assert all(o["status"] == "awaiting_shipment" and o["platform"] == "taobao" for o in orders)
    assert [o["deadline"] for o in orders] == sorted(o["deadline"] for o in orders)
    need = {"order_no", "shop", "platform", "status", "buyer_nick", "lines", "tracking_no", "carrier", "print_count",
            "flag", "memo", "deadline"}  # fmt: skip
    assert need <= set(orders[0]) and {"sku", "title", "qty", "barcodes"} <= set(orders[0]["lines"][0])

    by_amount = json.loads(
        _run(packdesk_cmd, data, "--flag", "red", "--has-message", "--sort=-amount", "--json").stdout
    )
    assert by_amount and all(o["flag"] == "red" and o["buyer_message"] for o in by_amount)
    amounts = [float(o["total"]) for o in by_amount]
    assert amounts == sorted(amounts, reverse=True)

    printed = json.loads(
        _run(packdesk_cmd, data, "--printed", "yes", "--carrier", "SF", "--json", "--limit", "50").stdout
    )
    assert printed and all(o["carrier"] == "SF" and o["print_count"] >= 1 for o in printed)
    plain = _run(packdesk_cmd, data, "--overdue", "--count")
    assert plain.returncode == 0 and int(plain.stdout) > 0
    one = json.loads(_run(packdesk_cmd, data, "--search", orders[3]["order_no"], "--json").stdout)
    assert [o["order_no"] for o in one] == [orders[3]["order_no"]]
    paid = json.loads(_run(packdesk_cmd, data, "--paid-from", "2026-06-10", "--paid-to", "2026-06-10", "--json",
                           "--limit", "100000").stdout)  # fmt: skip
    assert paid and all(o["paid_at"].startswith("2026-06-10") for o in paid)  # China time, the whole day


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--flag", "pink"], "flag colour"),
        (["--printed", "maybe"], "print status"),
        (["--sort", "colour"], "cannot sort"),
        (["--paid-from", "18/06/2026"], "not a date"),
        (["--shop", "没有这个店"], "No shop named"),
        (["--offset", "-3"], "offset"),
    ],
)
def test_bad_input_says_why(packdesk_cmd: list[str], data: Path, args: list[str], words: str) -> None:
    result = _run(packdesk_cmd, data, *args)
    assert result.returncode != 0 and words in result.stderr and result.stdout == ""

"""Service rules end to end through `packdesk` subprocesses: stops entered, listed, imported and removed; a stopped
order skipped by `print` with the stop as its reason and offered a carrier still running there; `carrier suggest`
with rules and the cost table; bad input refused in words with nothing changed; and insurance (保价) above the
seller's value reaching the Cainiao request on the loopback gateway and the label."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pdtest.top_server import TopServer
from pdtest.waybill_desk import APP_KEY, SECRET, SESSION, Desk, cainiao_desk

from app.domain.orders import CHINA_TZ
from app.persistence.repositories import OrderRepository
from app.services.printing.label import waybill_of
from app.services.workspace import open_workspace

TODAY = datetime.now(UTC).astimezone(CHINA_TZ).date()
FROM, TO = (TODAY - timedelta(days=1)).isoformat(), (TODAY + timedelta(days=3)).isoformat()


@pytest.fixture
def demo(packdesk_cmd: list[str], tmp_path: Path) -> Desk:
    desk = Desk(packdesk_cmd, tmp_path / "data")
    seeded = desk.run("demo", "seed", "--orders", "40", "--seed", "2")
    assert seeded.returncode == 0, seeded.stderr
    return desk


def lines(done: subprocess.CompletedProcess[str]) -> list[Any]:
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def waiting(desk: Desk) -> list[dict[str, Any]]:
    return [o for o in desk.ok("orders", "--status", "awaiting_shipment", "--limit", "500") if not o["tracking_no"]]


def test_a_stopped_order_is_skipped_with_the_stop_and_offered_a_running_carrier(demo: Desk, tmp_path: Path) -> None:
    orders = waiting(demo)
    target = orders[0]
    province = target["receiver"]["province"]
    others = [o for o in orders if o["receiver"]["province"] != province][:1]
    added = demo.ok("stops", "add", "--carrier", "ZTO", "--regions", f"{province},西藏", "--from", FROM, "--to", TO,
                    "--note", "暴雪停运")  # fmt: skip
    listed = demo.ok("stops", "list")
    assert listed["festival"] is None
    assert listed["stops"] == [{"id": added["id"], "carrier": "ZTO", "regions": [province, "西藏"], "from": FROM,
                                "to": TO, "note": "暴雪停运", "kind": "stop"}]  # fmt: skip

    printed = demo.run("print", target["order_no"], others[0]["order_no"], "--printer", f"png://{tmp_path}/labels",
                       "--json")  # fmt: skip
    assert printed.returncode != 0
    results = {r["order_no"]: r for r in lines(printed)}
    refused = results[target["order_no"]]
    assert refused["state"] == "refused"
    assert f"ZTO does not collect for {province}" in refused["error"] and "暴雪停运" in refused["error"]
    assert "Carriers still running there:" in refused["error"] and "ZTO," not in refused["error"].split("there:")[1]
    assert results[others[0]["order_no"]]["state"] == "sent"  # the rest of the batch prints
    assert demo.query(
        "SELECT count(*) FROM packages p JOIN orders o ON o.id = p.order_id WHERE o.order_no = ?", target["order_no"]
    ) == [(0,)]  # fmt: skip  (no number taken for it)

    costs = tmp_path / "costs.csv"
    costs.write_text("carrier,province,first_kg,extra_kg\nZTO,*,5,2\nYTO,*,4.5,2.5\nSF,*,12,6\n", encoding="utf-8")
    assert demo.ok("carrier", "costs", "import", str(costs)) == {"imported": 3}
    [suggestion] = lines(demo.run("carrier", "suggest", target["order_no"], "--json"))
    assert suggestion["carrier"] == "YTO" and suggestion["rule"] is None  # ZTO (the default) stopped: the cheapest
    assert suggestion["cheapest"]["carrier"] == "YTO" and [s["id"] for s in suggestion["stopped"]] == [added["id"]]

    # With a carrier that runs there, it prints.
    again = demo.run("print", target["order_no"], "--carrier", "YTO", "--printer", f"png://{tmp_path}/labels")
    assert again.returncode == 0, again.stderr
    assert demo.ok("stops", "remove", str(added["id"])) == {"id": added["id"], "removed": True}
    assert demo.ok("stops", "list")["stops"] == []


def test_carrier_rules_choose_by_priority_from_the_shell(demo: Desk, tmp_path: Path) -> None:
    order = waiting(demo)[0]
    province = order["receiver"]["province"]
    low = demo.ok("carrier", "rules", "add", "--carrier", "EMS", "--provinces", province, "--priority", "20",
                  "--name", "省内EMS")  # fmt: skip
    high = demo.ok("carrier", "rules", "add", "--carrier", "SF", "--provinces", province, "--priority", "10")
    [first] = lines(demo.run("carrier", "suggest", order["order_no"], "--json"))
    assert (first["carrier"], first["rule"]["id"], first["cost"]) == ("SF", high["id"], None)  # no price in the table
    demo.ok("carrier", "rules", "move", str(high["id"]), "--priority", "30")
    [second] = lines(demo.run("carrier", "suggest", order["order_no"], "--json"))
    assert (second["carrier"], second["rule"]["name"]) == ("EMS", "省内EMS")
    assert [r["id"] for r in demo.ok("carrier", "rules", "list")] == [low["id"], high["id"]]

    # Printed without --carrier, the order goes with the carrier its rule chose (its waybill account serves EMS).
    printed = demo.run("print", order["order_no"], "--printer", f"png://{tmp_path}/labels", "--json")
    assert printed.returncode == 0, printed.stderr
    assert lines(printed)[0]["carrier"] == "EMS"
    other = next(o for o in waiting(demo) if o["receiver"]["province"] != province)
    assert (
        lines(demo.run("print", other["order_no"], "--printer", f"png://{tmp_path}/labels", "--json"))[0]["carrier"]
        == "ZTO"
    )  # no rule for it: the default account's carrier


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ("stops", "add", "--carrier", "XYZ", "--regions", "新疆", "--from", FROM, "--to", TO),
            "Unknown carrier 'XYZ'",
        ),
        (
            ("stops", "add", "--carrier", "ZTO", "--regions", " , ", "--from", FROM, "--to", TO),
            "Name at least one province or city",
        ),
        (("stops", "add", "--carrier", "ZTO", "--regions", "新疆", "--from", TO, "--to", FROM), "before it starts"),
        (("stops", "add", "--carrier", "ZTO", "--regions", "新疆", "--from", "1月20日", "--to", TO), "is not a date"),
        (("stops", "remove", "77"), "There is no stop number 77"),
        (("carrier", "rules", "add", "--carrier", "SF", "--min-value", "abc"), "'abc' is not an amount of yuan"),
        (
            ("carrier", "rules", "add", "--carrier", "SF", "--min-weight", "3kg", "--max-weight", "1kg"),
            "The lowest weight (3000 g) is not below the highest (1000 g)",
        ),
        (("carrier", "rules", "remove", "5"), "There is no carrier rule number 5"),
        (("carrier", "insure", "--above", "-3"), "'-3' is not an amount of yuan"),
        (("deadlines", "set", "--due-soon", "0"), "'0' is not a number of hours"),
    ],
)
def test_bad_input_is_refused_in_words_and_changes_nothing(demo: Desk, args: tuple[str, ...], words: str) -> None:
    done = demo.run(*args)
    assert done.returncode != 0 and words in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    tables = ("carrier_stops", "carrier_rules", "carrier_costs", "service_settings", "deadline_rules")
    assert [demo.query(f"SELECT count(*) FROM {t}")[0][0] for t in tables] == [0] * len(tables)  # noqa: S608


def test_a_bad_stops_file_names_its_row_and_imports_nothing_and_the_starter_list_imports(
    demo: Desk, tmp_path: Path
) -> None:
    bad = tmp_path / "stops.csv"
    bad.write_text(f"carrier,regions,from,to,note\nZTO,新疆、西藏,{FROM},{TO},ok\nSF,,{FROM},{TO},\n", encoding="utf-8")
    done = demo.run("stops", "import", str(bad))
    assert done.returncode != 0 and "stops.csv row 3: Name at least one province or city" in done.stderr
    assert demo.ok("stops", "list")["stops"] == []
    starter = demo.ok("stops", "import", "--starter")
    listed = demo.ok("stops", "list")["stops"]
    assert starter["imported"] == len(listed) > 0 and all(s["note"].startswith("预置") for s in listed)
    festival = demo.ok("stops", "festival", "--from", "2027-02-03", "--to", "2027-02-12")
    assert festival == {"festival": ["2027-02-03", "2027-02-12"]}
    assert demo.ok("stops", "festival", "--off") == {"festival": None}


# -- insurance through Cainiao ------------------------------------------------------------------------------------


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=4, n_trades=30) as server:
        yield server


def test_insurance_reaches_the_cainiao_request_and_the_label(
    packdesk_cmd: list[str], tmp_path: Path, srv: TopServer
) -> None:
    desk = cainiao_desk(packdesk_cmd, tmp_path / "data", srv)
    packable = set(desk.packable())
    by_total = sorted((Decimal(o["total"]), o["order_no"]) for o in desk.ok("orders", "--limit", "500")
                      if o["order_no"] in packable)  # fmt: skip
    (cheap_total, cheap), (dear_total, dear) = by_total[0], by_total[-1]
    assert cheap_total < dear_total
    assert desk.ok("carrier", "insure", "--above", str(dear_total)) == {"insure_above": str(dear_total)}
    printed = desk.run("print", cheap, dear, "--printer", f"pdf://{tmp_path}/labels.pdf")
    assert printed.returncode == 0, printed.stderr
    found = {w["order_no"]: w for w in srv.waybills.values()}
    assert found[dear]["services"] == {"SVC-INSURE": {"value": str(int(dear_total * 100))}}
    assert found[cheap]["services"] == {}

    def labels(copy_no: int) -> dict[str, str]:
        ws = open_workspace(tmp_path / "data")
        try:
            with ws.session_factory() as session:
                found = {}
                for order_no in (cheap, dear):
                    stored = OrderRepository(session).stored(order_no)
                    assert stored is not None and stored.package is not None
                    found[order_no] = waybill_of(session, stored, stored.package, copy_no, datetime.now(UTC)).insured
                return found
        finally:
            ws.close()

    assert labels(1) == {cheap: "", dear: f"{dear_total:.2f}"}
    # The threshold changes after the numbers were issued: their labels say what their requests asked, reprints too.
    desk.ok("carrier", "insure", "--above", str(cheap_total))
    assert labels(2) == {cheap: "", dear: f"{dear_total:.2f}"}
    desk.ok("carrier", "insure", "--off")
    assert labels(3) == {cheap: "", dear: f"{dear_total:.2f}"}
    reprinted = desk.run("print", dear, "--reprint", "label torn", "--printer", f"pdf://{tmp_path}/2.pdf")
    assert reprinted.returncode == 0, reprinted.stderr
    assert [w["services"] for w in srv.waybills.values() if w["order_no"] == dear] == [
        {"SVC-INSURE": {"value": str(int(dear_total * 100))}}
    ]  # the reprint asked for no new number

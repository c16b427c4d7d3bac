"""`packdesk waybill` end to end, in subprocesses on a real data directory: an account added from the shell is the one
`packdesk print` takes numbers from, `waybill list` shows its balance going down and marks it low, refusals exit
non-zero with a reason and change nothing. A Cainiao account is set up against the loopback TOP gateway
(tests/pdtest/top_server.py and its cainiao.waybill.ii.* methods): from a Taobao shop's key and session or its own,
with its carriers, balances and sender addresses from `ii.search`, asked again by `waybill refresh`."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pdtest.top_server import TopServer

TIMEOUT_S = 120
SHOP = "小鹿家居旗舰店"
GROUP = "小鹿家居 (演示)"


class Desk:
    def __init__(self, cmd: list[str], data_dir: Path, labels: Path) -> None:
        self.cmd, self.data_dir, self.labels = cmd, data_dir, labels

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        import os

        return subprocess.run(
            [*self.cmd, *args, "--data-dir", str(self.data_dir)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_S,
            check=False,
            env={**os.environ, "PACKDESK_LANG": "en", "PACKDESK_KEYRING": "file", **(env or {})},
        )

    def ok(self, *args: str) -> Any:
        done = self.run(*args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.splitlines()[-1])

    def accounts(self) -> dict[str, dict[str, Any]]:
        return {a["name"]: a for a in self.ok("waybill", "list")}

    def packable(self) -> list[str]:
        return [
            o["order_no"]
            for o in self.ok("orders", "--limit", "100")
            if o["status"] == "awaiting_shipment"
            and o["tracking_no"] is None
            and all(ln["refund_status"] == "none" for ln in o["lines"])
        ]


def _query(desk: Desk, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"file:{desk.data_dir / 'packdesk.db'}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def desk(packdesk_cmd: list[str], tmp_path: Path) -> Desk:
    d = Desk(packdesk_cmd, tmp_path / "data", tmp_path / "labels")
    assert d.run("demo", "seed", "--orders", "12", "--seed", "5").returncode == 0
    return d


def test_a_roll_added_from_the_shell_numbers_the_shops_waybills(desk: Desk) -> None:
    added = desk.ok(
        "waybill", "add", "中通号段", "--provider", "roll", "--carrier", "ZTO", "--first", "73600316247086",
        "--count", "3", "--for-shop", SHOP, "--default", "--warn-below", "3",
    )  # fmt: skip
    assert (added["provider"], added["default"], added["shops"]) == ("roll", True, ["小鹿家居旗舰店", "小鹿生活馆"])
    listed = desk.accounts()
    roll = listed["中通号段"]
    assert roll["carriers"] == [roll["carriers"][0] | {"code": "ZTO", "balance": 3, "low": False}]
    assert roll["carriers"][0]["address"]["province"] == "浙江省"  # the group's sender: a roll has no provider's
    assert not listed["ZTO 演示账户"]["default"]  # one default per group

    order_no = desk.packable()[0]
    done = desk.run("print", order_no, "--printer", f"png://{desk.labels.as_posix()}", "--json")
    assert done.returncode == 0, done.stderr
    orders = {o["order_no"]: o for o in desk.ok("orders", "--limit", "100")}
    assert (orders[order_no]["tracking_no"], orders[order_no]["carrier"]) == ("73600316247086", "ZTO")
    after = desk.accounts()["中通号段"]
    assert (after["balance"], after["low"]) == (2, True)  # 2 left, the seller warned below 3

    text = desk.run("waybill", "list")
    assert text.returncode == 0
    line = next(ln for ln in text.stdout.splitlines() if ln.startswith("中通号段"))
    assert "LOW" in line and " 2 " in line
    voided = desk.ok("waybill", "cancel", "73600316247086")  # a roll's number: voided, never given again
    assert voided["state"] == "void" and voided["order_no"] == order_no
    assert desk.accounts()["中通号段"]["balance"] == 2


def test_another_carriers_account_numbers_a_print_that_names_it(desk: Desk) -> None:
    desk.ok(
        "waybill", "add", "极兔号段", "--provider", "roll", "--carrier", "JT", "--first", "JT5091156768308",
        "--count", "2", "--group", GROUP,
    )  # fmt: skip
    assert not desk.accounts()["极兔号段"]["default"]  # the demo group keeps its default account
    first, second, third = desk.packable()[:3]
    printer = f"png://{desk.labels.as_posix()}"
    assert desk.run("print", first, second, "--printer", printer, "--carrier", "JT").returncode == 0
    orders = {o["order_no"]: o for o in desk.ok("orders", "--limit", "100")}
    assert [orders[n]["tracking_no"] for n in (first, second)] == ["JT5091156768308", "JT5091156768309"]
    assert desk.accounts()["极兔号段"]["balance"] == 0
    empty = desk.run("print", third, "--printer", printer, "--carrier", "JT")
    assert empty.returncode == 2 and "'极兔号段' has no tracking numbers left" in empty.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--provider", "roll", "--carrier", "EMS", "--first", "EA123456798CN", "--count", "5"), "check digit"),
        (("--provider", "roll", "--carrier", "ZTO", "--first", "73600316247086", "--count", "0"), "at least one"),
        (("--provider", "fedex"), "Unknown waybill provider 'fedex'"),
        (("--provider", "roll", "--carrier", "ZTO", "--first", "73600316247086", "--count", "5", "--for-shop", "无"),
         "No shop named '无'"),
        (("--provider", "pdd", "--gateway", "ftp://gw", "--client-id", "c1"), "not an http(s) address"),
        (("--provider", "cainiao"), "--shop SHOP"),
        (("--provider", "cainiao", "--shop", SHOP), "does not sync through the Taobao Open Platform"),
        (("--provider", "pdd", "--gateway", "http://127.0.0.1:9/api/router", "--client-id", "c1"),
         "PACKDESK_CLIENT_SECRET"),
    ],
)  # fmt: skip
def test_a_bad_account_is_refused_with_a_reason_and_nothing_changes(
    desk: Desk, args: tuple[str, ...], says: str
) -> None:
    before = desk.accounts()
    done = desk.run("waybill", "add", "新账户", *args, env={"PACKDESK_CLIENT_SECRET": "", "PACKDESK_ACCESS_TOKEN": ""})
    assert done.returncode == 2
    assert says in done.stderr and "Traceback" not in done.stderr
    assert desk.accounts() == before


def test_the_groups_default_account_and_carrier_change_from_the_shell(desk: Desk) -> None:
    changed = desk.ok("waybill", "set", "SF 演示账户", "--default", "--warn-below", "5")
    assert changed["default"] and changed["warn_below"] == 5
    assert [n for n, a in desk.accounts().items() if a["default"]] == ["SF 演示账户"]
    order_no = desk.packable()[0]
    assert desk.run("print", order_no, "--printer", f"png://{desk.labels.as_posix()}").returncode == 0
    orders = {o["order_no"]: o for o in desk.ok("orders", "--limit", "100")}
    assert orders[order_no]["carrier"] == "SF" and orders[order_no]["tracking_no"].startswith("SF")
    wrong = desk.run("waybill", "set", "SF 演示账户", "--carrier", "ZTO")
    assert wrong.returncode == 2 and "holds SF numbers only" in wrong.stderr
    missing = desk.run("waybill", "set", "顺丰")
    assert missing.returncode == 2 and "No waybill account named '顺丰'" in missing.stderr


def test_refresh_lists_local_accounts_as_they_are(desk: Desk) -> None:
    refreshed = desk.ok("waybill", "refresh")
    assert {a["name"] for a in refreshed} == set(desk.accounts())
    assert all(a["error"] is None for a in refreshed)


# -- Cainiao through the loopback TOP gateway ------------------------------------------------------------------------

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
TOP_ENV = {"PACKDESK_APP_SECRET": SECRET, "PACKDESK_SESSION_KEY": SESSION}
SECOND_ADDRESS = {
    "province": "上海市",
    "city": "上海市",
    "district": "青浦区",
    "town": "华新镇",
    "detail": "华志路1号",
    "waybill_address_id": "2002",
}


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=3, n_trades=10) as server:
        yield server


@pytest.fixture
def top_desk(packdesk_cmd: list[str], tmp_path: Path, srv: TopServer) -> Desk:
    """A data directory with one Taobao shop that syncs through the loopback gateway."""
    d = Desk(packdesk_cmd, tmp_path / "data", tmp_path / "labels")
    done = d.run(
        "shop", "add", "淘宝店", "--platform", "taobao", "--gateway", srv.url, "--app-key", APP_KEY, env=TOP_ENV
    )
    assert done.returncode == 0, done.stderr
    return d


def test_a_cainiao_account_from_a_taobao_shop_shows_what_ii_search_answers(top_desk: Desk, srv: TopServer) -> None:
    added = top_desk.ok("waybill", "add", "菜鸟", "--provider", "cainiao", "--shop", "淘宝店", "--carrier", "ZTO")
    assert (added["provider"], added["carrier"], added["source_shop"]) == ("cainiao", "ZTO", "淘宝店")
    assert added["default"] and added["shops"] == ["淘宝店"] and added["group"] == "淘宝店"
    assert srv.calls["cainiao.waybill.ii.search"] == 1
    listed = top_desk.accounts()["菜鸟"]
    carriers = {c["code"]: c for c in listed["carriers"]}
    assert set(carriers) == {"ZTO", "YTO", "STO", "YUNDA", "SF", "EMS"}
    assert carriers["ZTO"]["balance"] == 5000 and not carriers["ZTO"]["low"]
    address = carriers["ZTO"]["address"]
    assert (address["address_id"], address["detail"]) == ("1001", "文一西路969号")  # the only one: chosen

    srv.cainiao.set_balance("ZTO", 150)  # numbers taken elsewhere (another station, the seller centre)
    refreshed = top_desk.ok("waybill", "refresh", "菜鸟")
    assert refreshed[0]["error"] is None and refreshed[0]["balance"] == 150 and refreshed[0]["low"]
    assert srv.calls["cainiao.waybill.ii.search"] == 2
    text = top_desk.run("waybill", "list").stdout
    assert "150 LOW (<200)" in text


def test_a_cainiao_account_with_its_own_key_keeps_its_secrets_for_later(top_desk: Desk, srv: TopServer) -> None:
    args = ("waybill", "add", "菜鸟自有", "--provider", "cainiao", "--gateway", srv.url, "--app-key", APP_KEY)
    no_secrets = top_desk.run(*args, "--group", "自有组", env={"PACKDESK_APP_SECRET": "", "PACKDESK_SESSION_KEY": ""})
    assert no_secrets.returncode == 2 and "PACKDESK_APP_SECRET" in no_secrets.stderr
    wrong = top_desk.run(*args, "--group", "自有组", env={**TOP_ENV, "PACKDESK_SESSION_KEY": "expired"})
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "菜鸟自有" not in top_desk.accounts()  # refused by the provider: nothing written
    done = top_desk.run(*args, "--group", "自有组", "--warn-below", "10", env=TOP_ENV)
    assert done.returncode == 0, done.stderr
    secrets = json.loads((top_desk.data_dir / "secrets.json").read_text(encoding="utf-8"))
    assert secrets["waybill:菜鸟自有"] == {"app_secret": SECRET, "session_key": SESSION}
    srv.cainiao.set_balance("SF", 9)
    # asked again with no secrets given: the stored ones are read
    refreshed = top_desk.ok("waybill", "refresh", "菜鸟自有")
    assert refreshed[0]["error"] is None
    sf = next(c for c in refreshed[0]["carriers"] if c["code"] == "SF")
    assert (sf["balance"], sf["low"]) == (9, True)


def test_several_sender_addresses_need_a_choice_among_those_returned(top_desk: Desk, srv: TopServer) -> None:
    first = dict(srv.cainiao.subscriptions["ZTO"][1][0].addresses[0])
    srv.cainiao.subscribe("ZTO", quantity=80, addresses=[first, SECOND_ADDRESS])
    args = ("waybill", "add", "菜鸟", "--provider", "cainiao", "--shop", "淘宝店", "--carrier", "ZTO")
    several = top_desk.run(*args)
    assert several.returncode == 2
    assert "1001 (浙江省杭州市余杭区仓前街道文一西路969号)" in several.stderr and "2002 (上海市" in several.stderr
    unknown = top_desk.run(*args, "--address-id", "3003")
    assert unknown.returncode == 2 and "no sender address '3003'" in unknown.stderr
    assert top_desk.accounts() == {}
    chosen = top_desk.ok(*args, "--address-id", "2002")
    zto = next(c for c in chosen["carriers"] if c["code"] == "ZTO")
    assert chosen["address_id"] == "2002" and zto["address"]["detail"] == "华志路1号" and zto["balance"] == 80
    not_subscribed = top_desk.run(
        "waybill", "add", "菜鸟2", "--provider", "cainiao", "--shop", "淘宝店", "--carrier", "JT"
    )
    assert not_subscribed.returncode == 2 and "not subscribed to JT" in not_subscribed.stderr


def test_an_unreachable_gateway_changes_nothing(top_desk: Desk) -> None:
    from pdtest.capture import refused_port

    sock, port = refused_port()
    with sock:
        url = f"http://127.0.0.1:{port}/router/rest"
        args = (
            "waybill",
            "add",
            "菜鸟",
            "--provider",
            "cainiao",
            "--gateway",
            url,
            "--app-key",
            APP_KEY,
            "--group",
            "组",
        )
        done = top_desk.run(*args, env=TOP_ENV)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert top_desk.accounts() == {}
    bad = top_desk.run(
        "waybill", "add", "菜鸟", "--provider", "cainiao", "--gateway", "http://127.0.0.1:x/", "--app-key", "k"
    )
    assert bad.returncode == 2 and "not an http(s) address" in bad.stderr


def test_cainiao_numbers_print_and_cancel_and_a_shipped_one_stays(top_desk: Desk, srv: TopServer) -> None:
    assert top_desk.run("sync").returncode == 0
    add = ("waybill", "add", "菜鸟", "--provider", "cainiao", "--shop", "淘宝店", "--carrier", "ZTO")
    silent = top_desk.run(*add)
    assert silent.returncode == 0 and "has no sender name or phone" in silent.stderr  # providers need both
    top_desk.ok("waybill", "set", "菜鸟", "--sender-name", "小鹿家居", "--sender-phone", "13800000000")
    first, second = top_desk.packable()[:2]
    printed = top_desk.run("print", first, second, "--printer", f"png://{top_desk.labels.as_posix()}")
    assert printed.returncode == 0, printed.stderr
    orders = {o["order_no"]: o for o in top_desk.ok("orders", "--limit", "100")}
    numbers = [orders[n]["tracking_no"] for n in (first, second)]
    ledger = srv.waybills
    assert [ledger[n]["order_no"] for n in numbers] == [first, second]  # the gateway's numbers, on their orders
    assert ledger[numbers[0]]["print_data"]["data"]["sender"]["name"] == "小鹿家居"
    assert top_desk.ok("waybill", "refresh", "菜鸟")[0]["balance"] == 5000 - 2

    cancelled = top_desk.ok("waybill", "cancel", numbers[0])
    assert cancelled["state"] == "cancelled" and srv.waybills[numbers[0]]["state"] == "cancelled"
    assert top_desk.ok("waybill", "refresh", "菜鸟")[0]["balance"] == 5000 - 1  # the number went back

    shipped = top_desk.run("ship", second, "--carrier", "ZTO", "--tracking", numbers[1])
    assert shipped.returncode == 0, shipped.stderr
    refused = top_desk.run("waybill", "cancel", numbers[1])
    assert refused.returncode == 2 and "shipped" in refused.stderr
    assert srv.waybills[numbers[1]]["state"] == "live"
    unknown = top_desk.run("waybill", "cancel", "79999999999999")
    assert unknown.returncode == 2 and "79999999999999" in unknown.stderr
    # another carrier the account is subscribed to: named on the print, served by the same account
    third = top_desk.packable()[0]
    yto = top_desk.run("print", third, "--printer", f"png://{top_desk.labels.as_posix()}", "--carrier", "YTO")
    assert yto.returncode == 0, yto.stderr
    number = {o["order_no"]: o for o in top_desk.ok("orders", "--limit", "100")}[third]["tracking_no"]
    assert number.startswith("YT") and srv.waybills[number]["cp_code"] == "YTO"


# -- Pinduoduo and Kuaidi100 through their loopback gateways ---------------------------------------------------------


def test_a_pinduoduo_account_chooses_among_the_addresses_pdd_returned(desk: Desk) -> None:
    import re

    from pdtest.pdd_server import PddServer

    env = {"PACKDESK_CLIENT_SECRET": "pdd-secret", "PACKDESK_ACCESS_TOKEN": "pdd-token"}
    with PddServer(client_id="pdd-client", client_secret="pdd-secret", access_token="pdd-token", seed=1) as srv:
        args = ("waybill", "add", "拼多多", "--provider", "pdd", "--gateway", srv.url, "--client-id", "pdd-client")
        wrong = desk.run(*args, "--group", GROUP, env={**env, "PACKDESK_ACCESS_TOKEN": "expired"})
        assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
        several = desk.run(*args, "--group", GROUP, env=env)
        assert several.returncode == 2 and "五常大道181号仓库B" in several.stderr
        assert "拼多多" not in desk.accounts()
        found = re.search(r"(\S+) \(浙江省杭州市余杭区五常大道181号仓库B\)", several.stderr)
        assert found is not None
        done = desk.run(*args, "--group", GROUP, "--carrier", "YTO", "--address-id", found.group(1), env=env)
        assert done.returncode == 0, done.stderr
        srv.desk.set_balance("YTO", 42)
        refreshed = desk.ok("waybill", "refresh", "拼多多")[0]
    yto = next(c for c in refreshed["carriers"] if c["code"] == "YTO")
    assert (refreshed["provider"], refreshed["carrier"], refreshed["default"]) == ("pdd", "YTO", False)
    assert (yto["balance"], yto["low"], yto["address"]["detail"]) == (42, True, "五常大道181号仓库B")
    assert {c["code"] for c in refreshed["carriers"]} == {"YTO", "ZTO"}


def test_a_kuaidi100_branch_account_numbers_the_groups_prints(desk: Desk) -> None:
    from pdtest.kuaidi100_server import Kuaidi100Server

    env = {"PACKDESK_KD100_SECRET": "kd-secret", "PACKDESK_PARTNER_ID": "ZT-0571-88", "PACKDESK_PARTNER_KEY": "pw"}
    with Kuaidi100Server("kd-key", "kd-secret", seed=2) as srv:
        srv.add_branch("zhongtong", "ZT-0571-88", "pw", balance=10)
        args = ("waybill", "add", "快递100", "--provider", "kuaidi100", "--gateway", srv.url, "--key", "kd-key")
        no_carrier = desk.run(*args, "--group", GROUP, env=env)
        assert no_carrier.returncode == 2 and "--carrier CODE" in no_carrier.stderr
        done = desk.run(*args, "--carrier", "ZTO", "--group", GROUP, "--default", "--json", env=env)
        assert done.returncode == 0, done.stderr
        added = json.loads(done.stdout)
        assert (added["provider"], added["default"]) == ("kuaidi100", True)
        assert added["carriers"][0] | {"balance": None} == added["carriers"][0]  # Kuaidi100 does not say
        assert added["carriers"][0]["address"]["detail"].startswith("仓前街道")  # the group's own sender prints
        order_no = desk.packable()[0]
        printed = desk.run("print", order_no, "--printer", f"png://{desk.labels.as_posix()}")
        assert printed.returncode == 0, printed.stderr
        number = {o["order_no"]: o for o in desk.ok("orders", "--limit", "100")}[order_no]["tracking_no"]
        assert number in srv.live_numbers()
        secrets = json.loads((desk.data_dir / "secrets.json").read_text(encoding="utf-8"))
        assert secrets["waybill:快递100"] == {"app_secret": "kd-secret", "session_key": "pw"}
        # orderIds start with a prefix drawn when the account was added: a data directory made again from scratch
        # (ids counting from 1 again) cannot reuse an orderId Kuaidi100 still remembers; a change keeps the prefix
        ((settings,),) = _query(desk, "SELECT settings FROM waybill_accounts WHERE name = '快递100'")
        prefix = json.loads(settings)["order_prefix"]
        assert re.fullmatch(r"[0-9a-f]{6}-", prefix)
        assert all(key[1].startswith(prefix) for key in srv._first_answers)
        again = desk.run(*args, "--carrier", "ZTO", "--group", GROUP, "--warn-below", "5", env=env)
        assert again.returncode == 0, again.stderr
        ((settings,),) = _query(desk, "SELECT settings FROM waybill_accounts WHERE name = '快递100'")
        assert json.loads(settings)["order_prefix"] == prefix

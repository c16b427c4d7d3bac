"""The waybill accounts dialog and the balance in the status bar, on the real window (offscreen): accounts listed
with their carriers, balances (low ones marked) and sender addresses; a number roll and a Cainiao account added
through the form (secrets typed into password fields go to the keyring), a sender address chosen among those the
loopback TOP gateway returned; the group's default account changed; balances asked again after a batch and by the
refresh action; the dialog reached from the menu and from the shop settings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pdtest.top_server import TopServer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from app.domain.enums import Platform
from app.services.waybills import installed
from app.sync.shops import Credentials, add_api_shop
from app.wiring import install_waybill_providers
from ui.dialogs.shop_settings import ShopSettingsDialog
from ui.dialogs.waybill_accounts import WaybillAccountsDialog
from ui.main import Gui
from ui.models.waybill_accounts_model import (
    COL_ACCOUNT,
    COL_ADDRESS,
    COL_BALANCE,
    COL_CARRIER,
    LOW_COLOUR,
    WaybillAccountsModel,
)

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
GROUP = "小鹿家居 (演示)"


@pytest.fixture
def srv() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=3, n_trades=5) as server:
        yield server


@pytest.fixture
def desk_gui(gui: Gui, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gui]:
    """The demo window with its providers reading secrets from its own data directory (as `packdesk` starts it)."""
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    install_waybill_providers(gui.workspace.data_dir)
    yield gui
    gui.tasks.wait()
    installed().close()  # the Cainiao provider keeps its client open
    install_waybill_providers()


@pytest.fixture
def dialog(qtbot, desk_gui: Gui) -> WaybillAccountsDialog:  # noqa: ANN001
    d = WaybillAccountsDialog(desk_gui.ops, desk_gui.window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.model.rowCount() == 6, timeout=10_000)
    return d


def rows(d: WaybillAccountsDialog) -> dict[tuple[str, str], dict[int, str]]:
    """(account, carrier) -> the texts of the row's columns."""
    out = {}
    for r in range(d.model.rowCount()):
        item = d.model.row_at(r)
        texts = {c: str(d.model.index(r, c).data() or "") for c in range(d.model.columnCount())}
        out[(item.account.name, item.carrier.code if item.carrier else "")] = texts
    return out


def fill(d: WaybillAccountsDialog, **values: str) -> None:
    """Types into the form's fields (set whole: QTest cannot type Chinese, and a burst of keys is a scan to the
    window's scanner bridge)."""
    for key, text in values.items():
        edit = getattr(d, key)
        assert isinstance(edit, QLineEdit)
        edit.setText(text)


def choose(combo, data: object) -> None:  # noqa: ANN001
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def add_and_wait(qtbot, d: WaybillAccountsDialog, rows_after: int) -> None:  # noqa: ANN001
    qtbot.mouseClick(d.add_button, Qt.MouseButton.LeftButton)
    assert not d.add_button.isEnabled()  # the provider is asked on the io lane: the window does not wait
    qtbot.waitUntil(lambda: d.add_button.isEnabled(), timeout=20_000)
    qtbot.waitUntil(lambda: d.model.rowCount() == rows_after, timeout=10_000)


def test_the_model_marks_low_balances(qtmodeltester, desk_gui: Gui) -> None:  # noqa: ANN001
    desk = desk_gui.ops.desk
    desk.change_waybill_account("EMS 演示账户", warn_below=10**9)
    model = WaybillAccountsModel()
    model.set_accounts(desk.waybill_accounts())
    qtmodeltester.check(model)
    by_name = {model.row_at(r).account.name: r for r in range(model.rowCount())}
    ems, zto = by_name["EMS 演示账户"], by_name["ZTO 演示账户"]
    assert "(below 1,000,000,000)" in model.index(ems, COL_BALANCE).data()
    assert model.index(ems, COL_BALANCE).data(Qt.ItemDataRole.ForegroundRole).color().name() == LOW_COLOUR
    assert model.index(zto, COL_BALANCE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(zto, COL_ACCOUNT).data().endswith("(default)")
    assert model.index(zto, COL_ADDRESS).data().startswith("浙江省杭州市余杭区")


def test_a_roll_added_through_the_form_is_listed_and_refusals_are_said(
    qtbot,  # noqa: ANN001
    dialog: WaybillAccountsDialog,
) -> None:
    choose(dialog.provider, "roll")
    assert not dialog.gateway.isVisibleTo(dialog) and dialog.first.isVisibleTo(dialog)
    fill(dialog, name="极兔号段", first="JT5091156768300")
    choose(dialog.carrier, "JT")
    dialog.count.setValue(0)
    choose(dialog.used_by, f"group:{GROUP}")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "at least one number" in dialog.message.text(), timeout=10_000)
    assert dialog.model.rowCount() == 6
    dialog.count.setValue(500)
    add_and_wait(qtbot, dialog, 7)
    assert rows(dialog)[("极兔号段", "JT")][COL_BALANCE] == "500"
    assert "极兔号段" in dialog.message.text() and dialog.changed


def test_a_cainiao_account_asks_the_gateway_and_keeps_its_secrets(
    qtbot,  # noqa: ANN001
    dialog: WaybillAccountsDialog,
    srv: TopServer,
    desk_gui: Gui,
) -> None:
    second = {**srv.cainiao.subscriptions["ZTO"][1][0].addresses[0], "waybill_address_id": "2002", "detail": "二号仓"}
    srv.cainiao.subscribe("ZTO", quantity=120, addresses=[srv.cainiao.subscriptions["ZTO"][1][0].addresses[0], second])
    choose(dialog.provider, "cainiao")
    assert dialog.app_secret.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.session_key.echoMode() == QLineEdit.EchoMode.Password
    fill(dialog, name="菜鸟", gateway=srv.url, app_key=APP_KEY, app_secret=SECRET, session_key=SESSION)
    fill(dialog, sender_name="小鹿仓", sender_phone="13800000000")
    choose(dialog.carrier, "ZTO")
    choose(dialog.used_by, f"group:{GROUP}")
    assert not dialog.address.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    # two addresses returned: the seller chooses one
    qtbot.waitUntil(lambda: dialog.address.isVisibleTo(dialog), timeout=20_000)
    assert [dialog.address.itemData(i) for i in range(dialog.address.count())] == ["1001", "2002"]
    assert dialog.model.rowCount() == 6
    choose(dialog.address, "2002")
    add_and_wait(qtbot, dialog, 12)  # six carriers subscribed at the gateway
    listed = rows(dialog)
    assert listed[("菜鸟", "ZTO")][COL_BALANCE] == "120 (below 200)"
    assert listed[("菜鸟", "ZTO")][COL_ADDRESS].endswith("二号仓")
    said = dialog.message.text().splitlines()
    assert said[0] == "Account 菜鸟 added: 120 numbers left." and "secrets.json" in said[1]  # no keyring here
    assert not dialog.app_secret.text() and not dialog.session_key.text()  # typed secrets do not stay on screen
    secrets = json.loads((desk_gui.workspace.data_dir / "secrets.json").read_text(encoding="utf-8"))
    assert secrets["waybill:菜鸟"] == {"app_secret": SECRET, "session_key": SESSION}
    account = next(a for a in desk_gui.ops.desk.waybill_accounts() if a.name == "菜鸟")
    assert (account.sender_name, account.sender_phone) == ("小鹿仓", "13800000000")  # the group's, from now on

    srv.cainiao.set_balance("ZTO", 4000)
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(dialog).get(("菜鸟", "ZTO"), {}).get(COL_BALANCE) == "4,000", timeout=20_000)
    assert dialog.message.text() == "Balances are up to date."


def test_the_default_account_and_the_status_bar(qtbot, dialog: WaybillAccountsDialog, desk_gui: Gui) -> None:  # noqa: ANN001
    window = desk_gui.window
    qtbot.waitUntil(lambda: window.balance_label.text().startswith("Waybills: ZTO"), timeout=10_000)
    sf = next(r for r in range(dialog.model.rowCount()) if dialog.model.row_at(r).account.name == "SF 演示账户")
    dialog.table.selectRow(sf)
    dialog.warn_edit.setValue(1_500_000_000)
    qtbot.mouseClick(dialog.warn_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "below" in rows(dialog)[("SF 演示账户", "SF")][COL_BALANCE], timeout=10_000)
    qtbot.mouseClick(dialog.default_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(dialog)[("SF 演示账户", "SF")][COL_ACCOUNT].endswith("(default)"), timeout=10_000)
    assert not rows(dialog)[("ZTO 演示账户", "ZTO")][COL_ACCOUNT].endswith("(default)")
    assert rows(dialog)[("SF 演示账户", "SF")][COL_CARRIER] == "SF"
    # the window heard the change: the new default's balance, in the warning colour
    qtbot.waitUntil(lambda: window.balance_label.text() == "Waybills: ⚠ SF 1,000,000,000", timeout=10_000)
    assert LOW_COLOUR in window.balance_label.styleSheet()


def test_the_balance_is_asked_again_after_a_batch_and_by_the_refresh_action(
    qtbot,  # noqa: ANN001
    desk_gui: Gui,
    srv: TopServer,
) -> None:
    desk = desk_gui.ops.desk
    window = desk_gui.window
    with desk_gui.workspace.session_factory.begin() as session:
        add_api_shop(
            session, desk_gui.workspace.data_dir, name="淘宝店", platform=Platform.TAOBAO, gateway=srv.url,
            app_key=APP_KEY, credentials=Credentials(SECRET, SESSION), now=datetime.now(UTC), group=GROUP,
        )  # fmt: skip
    desk.add_waybill_account(
        {"provider": "cainiao", "name": "菜鸟", "shop": "淘宝店", "carrier": "YTO", "warn_below": "100"}
    )
    desk.change_waybill_account("菜鸟", carrier="YTO", make_default=True)
    window.reload_balances()
    qtbot.waitUntil(lambda: window.balance_label.text() == "Waybills: YTO 5,000", timeout=10_000)
    searched = srv.calls["cainiao.waybill.ii.search"]
    srv.cainiao.set_balance("YTO", 40)
    window.refresh_balance_action.trigger()
    qtbot.waitUntil(lambda: window.balance_label.text() == "Waybills: ⚠ YTO 40", timeout=20_000)
    assert srv.calls["cainiao.waybill.ii.search"] == searched + 1
    srv.cainiao.set_balance("YTO", 700)
    window.printing.batch_finished.emit(_outcome())  # a batch ended: the providers are asked again
    qtbot.waitUntil(lambda: window.balance_label.text() == "Waybills: YTO 700", timeout=20_000)
    assert "#37474f" in window.balance_label.styleSheet()


def _outcome():  # noqa: ANN202
    from ui.print_controller import BatchOutcome

    return BatchOutcome()


def test_the_dialog_opens_from_the_menu_and_the_shop_settings(
    qtbot,  # noqa: ANN001
    desk_gui: Gui,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QDialog] = []
    monkeypatch.setattr(WaybillAccountsDialog, "exec", lambda self: opened.append(self) or 0)
    desk_gui.window.waybills_action.trigger()
    shops = ShopSettingsDialog(desk_gui.ops, desk_gui.window)
    qtbot.addWidget(shops)
    qtbot.mouseClick(shops.waybills_button, Qt.MouseButton.LeftButton)
    assert [type(d) for d in opened] == [WaybillAccountsDialog, WaybillAccountsDialog]
    assert opened[1].parent() is shops
    desk_gui.tasks.wait()


def test_secrets_fields_and_rows_follow_the_provider(dialog: WaybillAccountsDialog, desk_gui: Gui) -> None:
    shown = {}
    for kind in ("cainiao", "pdd", "kuaidi100", "roll"):
        choose(dialog.provider, kind)
        shown[kind] = {k for k, w in dialog.rows.items() if w.isVisibleTo(dialog)}
        if kind != "roll":
            assert dialog.gateway.text().startswith("https://")
    assert {"shop", "app_key", "app_secret", "session_key"} <= shown["cainiao"]
    assert "shop" not in shown["pdd"] and dialog.labels["app_key"].text()
    assert "partner_id" in shown["kuaidi100"] and "partner_id" not in shown["pdd"]
    assert {"first", "count"} <= shown["roll"] and not {"gateway", "app_secret"} & shown["roll"]

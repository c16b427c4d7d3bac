"""The shop settings dialog's stock push: off by default, turned on and off for a shop that syncs through Taobao,
not offered for a shop filled by imports."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.enums import Platform
from app.sync.shops import Credentials, add_api_shop
from app.sync.stock_push import pushes_stock
from ui.main import Gui


def select_shop(dialog, name: str) -> None:  # noqa: ANN001
    row = next(n for n, shop in enumerate(dialog.shops) if shop.name == name)
    dialog.table.selectRow(row)


def test_the_push_is_turned_on_and_off_for_an_api_shop(qtbot, gui: Gui, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from ui.dialogs.shop_settings import ShopSettingsDialog

    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    ws = gui.workspace
    with ws.session_factory.begin() as session:
        add_api_shop(
            session, ws.data_dir, name="淘宝店", platform=Platform.TAOBAO, gateway="http://127.0.0.1:9/router/rest",
            app_key="12345678", credentials=Credentials("helloworld", "test-session"), now=datetime.now(UTC),
        )  # fmt: skip
    dialog = ShopSettingsDialog(gui.ops, gui.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=5_000)
    assert not dialog.push_stock.isEnabled()

    select_shop(dialog, "淘宝店")
    qtbot.waitUntil(dialog.push_stock.isEnabled, timeout=5_000)
    assert not dialog.push_stock.isChecked()  # off by default
    dialog.push_stock.click()
    qtbot.waitUntil(lambda: dialog.push_stock.isEnabled() and "淘宝店" in dialog.message.text(), timeout=5_000)
    assert dialog.push_stock.isChecked() and pushes_stock(ws.session_factory, "淘宝店")

    demo_shop = next(s.name for s in dialog.shops if not s.api)
    select_shop(dialog, demo_shop)
    assert not dialog.push_stock.isEnabled()  # a shop filled by imports has nowhere to push to
    select_shop(dialog, "淘宝店")
    qtbot.waitUntil(dialog.push_stock.isEnabled, timeout=5_000)
    assert dialog.push_stock.isChecked()
    dialog.push_stock.click()
    qtbot.waitUntil(lambda: "no longer" in dialog.message.text(), timeout=5_000)
    assert not pushes_stock(ws.session_factory, "淘宝店")

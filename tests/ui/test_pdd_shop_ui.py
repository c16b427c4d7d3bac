"""A Pinduoduo shop in the window: added in the shop settings (its own names for the key and secrets, its gateway),
synced by the window's rounds, and an expired access token said in the status bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.enums import Platform
from app.persistence.rows import OrderRow
from app.sync.shops import Credentials
from tests.pdtest.pdd_orders import PddShop
from tests.pdtest.pdd_server import CLIENT_ID, SECRET, TOKEN, PddServer
from tests.pdtest.sync_ui import api_shop_gui, wait_round
from ui.main import Gui


@pytest.fixture
def server() -> Iterator[PddServer]:
    with PddServer(CLIENT_ID, SECRET, TOKEN, seed=31) as srv:
        PddShop(srv, 60, seed=31)
        yield srv


def test_shop_settings_add_a_pdd_shop_that_then_syncs(qtbot, gui: Gui, server: PddServer, monkeypatch) -> None:  # noqa: ANN001
    from ui.dialogs.shop_settings import PDD_GATEWAY, ShopSettingsDialog

    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    dialog = ShopSettingsDialog(gui.ops, gui.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=5_000)
    dialog.platform.setCurrentIndex(dialog.platform.findData("pdd"))
    assert dialog.edits["gateway"].text() == PDD_GATEWAY
    labels = {key: dialog.form.labelForField(dialog.edits[key]).text() for key in ("app_key", "session_key")}
    assert labels == {"app_key": "Client id", "session_key": "Access token"}
    fields = {
        "name": "拼多多店",
        "gateway": server.url,
        "app_key": CLIENT_ID,
        "app_secret": SECRET,
        "session_key": TOKEN,
    }
    for key, value in fields.items():
        dialog.edits[key].setText(value)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.added, timeout=5_000)
    assert dialog.table.rowCount() == 3
    row = next(r for r in range(3) if dialog.table.item(r, 0).text() == "拼多多店")
    assert (dialog.table.item(row, 1).text(), dialog.table.item(row, 2).text()) == ("pdd", "Pinduoduo API")
    from app.sync.service import sync_shops

    ws = gui.workspace
    (report,) = sync_shops(ws.session_factory, ws.data_dir, "拼多多店")
    assert report.inserted > 0 and report.error is None


@pytest.fixture
def pdd_gui(qtbot, qapp, tmp_path: Path, server: PddServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gui]:  # noqa: ANN001
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    with api_shop_gui(
        qtbot, qapp, tmp_path, name="拼多多店", platform=Platform.PDD, gateway=server.url, app_key=CLIENT_ID,
        credentials=Credentials(SECRET, TOKEN),
    ) as g:  # fmt: skip
        yield g


def test_rounds_sync_the_pdd_shop_and_an_expired_token_shows(qtbot, pdd_gui: Gui, server: PddServer) -> None:  # noqa: ANN001
    wait_round(qtbot, pdd_gui, 1, settle=True)
    window = pdd_gui.window
    assert window.sync_label.text().startswith("Synced")
    with pdd_gui.workspace.session_factory() as session:
        assert len(session.scalars(select(OrderRow.order_no)).all()) > 0
    server.faults.token_expired = True
    window.sync_action.trigger()
    wait_round(qtbot, pdd_gui, 2, settle=True)
    assert window.sync_label.text().startswith("Offline")
    assert "access token" in window.sync_label.toolTip() and "Authorize PackDesk again" in window.sync_label.toolTip()

"""Sync in the window: a background round fills the order list, the status bar says when, ship-backs are listed,
an unreachable platform shows as offline, and a refund that arrives while a parcel is open stops it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pdtest.sync_ui import api_shop_gui, wait_round
from pdtest.top_server import TopServer, format_top_time
from sqlalchemy import select

from app.domain.enums import Platform
from app.persistence.rows import OrderRow
from app.sync.shops import Credentials
from ui.main import Gui


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(seed=21, n_trades=120) as srv:
        yield srv


@pytest.fixture
def synced_gui(qtbot, qapp, tmp_path: Path, server: TopServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gui]:  # noqa: ANN001
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    with api_shop_gui(
        qtbot, qapp, tmp_path, name="淘宝店", platform=Platform.TAOBAO, gateway=server.url, app_key="12345678",
        credentials=Credentials("helloworld", "test-session"),
    ) as g:  # fmt: skip
        yield g


def test_first_round_fills_the_orders_and_reports(qtbot, synced_gui: Gui, server: TopServer) -> None:  # noqa: ANN001
    wait_round(qtbot, synced_gui)
    window = synced_gui.window
    assert window.sync_label.text().startswith(("Synced", "已同步"))
    qtbot.waitUntil(lambda: window.orders_view.model.rowCount() > 0, timeout=10_000)
    with synced_gui.workspace.session_factory() as session:
        cached = set(session.scalars(select(OrderRow.order_no)))
    assert set(server.shippable_oids()) <= cached


def test_refund_while_packing_stops_the_parcel(qtbot, synced_gui: Gui, server: TopServer) -> None:  # noqa: ANN001
    wait_round(qtbot, synced_gui)
    window = synced_gui.window
    tid, oids = sorted(server.shippable_oids().items())[0]
    window.station_view.submit_scan(tid)
    qtbot.waitUntil(lambda: window.station_view.snapshot.order is not None, timeout=10_000)
    server.modify_order(tid, sorted(oids)[0], refund_status="WAIT_SELLER_AGREE")
    # the change is a minute old by the time this round asks (inside the overlap, outside the settle margin)
    server.modify(tid, modified=format_top_time(datetime.now(UTC) - timedelta(minutes=1)))
    window.sync_action.trigger()
    wait_round(qtbot, synced_gui, 2)
    qtbot.waitUntil(lambda: window.station_view.snapshot.order is None, timeout=10_000)
    assert window.station_view.snapshot.events[-1].event.value == "intercepted"


def test_unreachable_platform_shows_offline(qtbot, synced_gui: Gui, server: TopServer) -> None:  # noqa: ANN001
    wait_round(qtbot, synced_gui)
    server.faults.expired_session = True
    synced_gui.window.sync_action.trigger()
    wait_round(qtbot, synced_gui, 2)
    label = synced_gui.window.sync_label.text()
    assert label.startswith(("Offline", "离线")) and "session" in synced_gui.window.sync_label.toolTip()


def test_ship_backs_tab_lists_the_outbox(qtbot, synced_gui: Gui, server: TopServer) -> None:  # noqa: ANN001
    from app.services.audit import Actor
    from app.services.shipping import ship_order

    wait_round(qtbot, synced_gui)
    tid = sorted(server.shippable_oids())[0]
    ws = synced_gui.workspace
    ship_order(ws.session_factory, tid, "ZTO", "73600316247086", Actor("tester", "vm"), datetime.now(UTC))
    window = synced_gui.window
    window.tabs.setCurrentWidget(window.outbox_view)
    qtbot.waitUntil(lambda: window.outbox_view.model.rowCount() == 1, timeout=10_000)
    window.outbox_view.send_button.click()
    wait_round(qtbot, synced_gui, 2)
    window.outbox_view.reload()
    gui_state = lambda: window.outbox_view.model.item(0, 0).text()  # noqa: E731
    qtbot.waitUntil(lambda: gui_state() in ("accepted", "已接受"), timeout=10_000)
    assert server.ship_calls[tid] == 1


def test_shop_settings_adds_a_shop_that_then_syncs(qtbot, gui: Gui, server: TopServer, monkeypatch) -> None:  # noqa: ANN001
    from ui.dialogs.shop_settings import ShopSettingsDialog

    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    ws = gui.workspace
    dialog = ShopSettingsDialog(gui.ops, gui.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=5_000)  # the two demo shops, from imports
    for key, value in {
        "name": "新淘宝店", "gateway": server.url, "app_key": "12345678", "app_secret": "helloworld",
        "session_key": "test-session", "group": "新仓", "sender_name": "王仓管", "sender_phone": "0571-88880000",
        "sender_province": "浙江省", "sender_city": "杭州市", "sender_district": "余杭区",
        "sender_detail": "文一西路1号",
    }.items():  # fmt: skip
        dialog.edits[key].setText(value)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.added, timeout=5_000)
    assert dialog.table.rowCount() == 3
    assert "keyring" in dialog.message.text()  # the 0600-file fallback is announced
    from app.sync.service import sync_shops

    (report,) = sync_shops(ws.session_factory, ws.data_dir, "新淘宝店")
    assert report.inserted > 0 and report.error is None


def test_shop_settings_refuses_a_shop_without_secrets(qtbot, gui: Gui) -> None:  # noqa: ANN001
    from ui.dialogs.shop_settings import ShopSettingsDialog

    dialog = ShopSettingsDialog(gui.ops, gui.window)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("店")
    dialog.edits["app_key"].setText("1")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.add_button.isEnabled() and dialog.message.text() != "", timeout=5_000)
    assert "secret" in dialog.message.text() and not dialog.added


def fail_a_ship_back(qtbot, gui: Gui, server: TopServer, rounds: int, skip: int = 0) -> str:  # noqa: ANN001
    """Ships a synced order while Taobao answers its offline.send with HTTP 500, and lets a background round try it:
    the ship-back then waits out its backoff."""
    from app.services.audit import Actor
    from app.services.shipping import ship_order

    tid = sorted(server.shippable_oids())[skip]
    ws = gui.workspace
    ship_order(ws.session_factory, tid, "ZTO", f"7360031624708{skip}", Actor("tester", "vm"), datetime.now(UTC))
    server.faults.server_error = 1.0
    server.faults.only_methods = frozenset({"taobao.logistics.offline.send"})
    gui.window.sync_action.trigger()
    wait_round(qtbot, gui, rounds)
    return tid


def test_status_bar_counts_ship_backs_in_english(qtbot, synced_gui: Gui, server: TopServer) -> None:  # noqa: ANN001
    wait_round(qtbot, synced_gui)
    label = synced_gui.window.sync_label
    assert "waiting" not in label.text()
    fail_a_ship_back(qtbot, synced_gui, server, 2)
    assert "· 1 ship-back waiting" in label.text()
    fail_a_ship_back(qtbot, synced_gui, server, 3, skip=1)
    assert "· 2 ship-backs waiting" in label.text()


def test_send_now_sends_what_waits_out_its_backoff(qtbot, synced_gui: Gui, server: TopServer) -> None:  # noqa: ANN001
    from app.persistence.rows import OutboxRow

    wait_round(qtbot, synced_gui)
    tid = fail_a_ship_back(qtbot, synced_gui, server, 2)
    with synced_gui.workspace.session_factory() as session:
        (entry,) = session.scalars(select(OutboxRow))
        assert entry.state == "pending" and entry.next_attempt_at > datetime.now(UTC)  # backing off
    server.faults.reset()  # the network is back
    window = synced_gui.window
    window.tabs.setCurrentWidget(window.outbox_view)
    window.outbox_view.send_button.click()
    wait_round(qtbot, synced_gui, 3)
    assert server.ship_calls[tid] == 1
    window.outbox_view.reload()
    qtbot.waitUntil(lambda: window.outbox_view.model.item(0, 0).text() in ("accepted", "已接受"), timeout=10_000)
    assert "waiting" not in window.sync_label.text()


def test_a_ship_backs_stored_reason_is_said_in_the_windows_language(
    qtbot, qapp, synced_gui: Gui, server: TopServer
) -> None:  # noqa: ANN001
    """The reason a ship-back waits is stored as a message: the Ship-backs tab says it through the translator (a
    bracketing one here), the platform's own words staying as they are."""
    from pdtest.brackets import brackets_installed

    wait_round(qtbot, synced_gui)
    fail_a_ship_back(qtbot, synced_gui, server, 2)
    view = synced_gui.window.outbox_view
    with brackets_installed(qapp):
        view.reload()
        qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
        qtbot.waitUntil(lambda: view.model.item(0, 7).toolTip().startswith("«"), timeout=10_000)
        tip = view.model.item(0, 7).toolTip()
    assert tip == "«Taobao failed (HTTP 500) during taobao.logistics.offline.send.»", tip

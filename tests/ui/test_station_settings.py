"""The station settings dialog: flows and scanner thresholds change at once and are kept in config.toml."""

from __future__ import annotations

from pdtest.station_ui import packable, scan
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.enums import ScanOutcome
from app.services.workspace import Settings
from ui.main import Gui


def _open_dialog(gui: Gui):  # noqa: ANN202
    gui.window.station_settings_action.trigger()
    dialog = gui.window.station_settings_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_turning_on_sku_first_takes_effect_at_once_and_is_kept(qtbot, gui: Gui) -> None:
    order = packable(gui)
    code = order.lines[0].barcodes[0]
    assert scan(qtbot, gui, code).events[-1].event is ScanOutcome.UNKNOWN_CODE  # order-first: scan an order first

    dialog = _open_dialog(gui)
    assert not dialog.sku_first.isChecked()
    dialog.sku_first.setChecked(True)
    dialog.max_gap.setValue(20)
    dialog.lock_after.setValue(0)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()

    saved = Settings.load(gui.workspace.config_path)
    assert (saved.sku_first, saved.wedge_max_gap_ms, saved.lock_after_min) == (True, "20", "0")
    assert gui.scanner.decoder.settings.max_gap_s == 0.020
    assert not gui.window.station_view.idle_timer.isActive()
    snap = scan(qtbot, gui, code)
    assert snap.events[0].event is ScanOutcome.ORDER_OPENED  # the item opened the most urgent order needing it
    assert snap.order is not None and any(ln.sku == order.lines[0].sku for ln in snap.order.lines)


def test_a_bad_value_is_explained_and_nothing_changes(qtbot, gui: Gui) -> None:
    config = gui.workspace.config_path
    before = config.read_text(encoding="utf-8") if config.exists() else None
    dialog = _open_dialog(gui)
    dialog.scale_uri.setText("COM4")
    dialog.sku_first.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "Scale: 'COM4' is not a serial address" in dialog.message.text()
    assert (config.read_text(encoding="utf-8") if config.exists() else None) == before
    assert not gui.window.station_view.station.sku_first
    dialog.reject()

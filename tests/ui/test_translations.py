"""Every visible string has a Chinese translation, and the Chinese window really shows Chinese."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from resources import resource_path
from ui.i18n import install_translator

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("ui", "app", "printers")  # as `make translations` runs lupdate: the core's messages are marked too


def _lupdate() -> str:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    return str(exe) if exe.exists() else (shutil.which("pyside6-lupdate") or "pyside6-lupdate")


def test_ts_file_is_complete_and_current(tmp_path: Path) -> None:
    """Runs lupdate on ui/ into a copy of the committed .ts: nothing new may appear, nothing may be unfinished."""
    ts = tmp_path / "check.ts"
    shutil.copy(ROOT / "resources/translations/packdesk_zh_CN.ts", ts)
    out = subprocess.run(
        [_lupdate(), "-extensions", "py", "-no-obsolete", *(str(ROOT / d) for d in SOURCES), "-ts", str(ts)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "0 new" in out, out
    unfinished = [
        m.findtext("source")
        for m in ET.parse(ts).iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == []


def test_chinese_translation_loads(qapp) -> None:  # noqa: ANN001
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None, f"missing {resource_path('translations', 'packdesk_zh_CN.qm')}: run make setup"
    try:
        assert QCoreApplication.translate("StationView", "WRONG ITEM") == "错误商品"
        assert QCoreApplication.translate("OrdersTableModel", "Awaiting shipment") == "待发货"
    finally:
        qapp.removeTranslator(translator)

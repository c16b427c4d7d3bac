"""The core's message catalogue: every id renders, messages survive storage, lupdate finds every template, and the
command line speaks Chinese when the system does (no Qt here)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.domain.catalog import CATALOG, PLAIN
from app.domain.messages import CONTEXT, Message, msg, of_error, placeholders
from printers.errors import PRINTER_MESSAGES, PrinterError
from printers.uri import parse_printer_uri

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("message_id", sorted(CATALOG))
def test_every_id_renders_with_its_parameters(message_id: str) -> None:
    names = placeholders(CATALOG[message_id])
    text = msg(message_id, **{name: f"<{name}>" for name in names}).render()
    assert all(f"<{name}>" in text for name in names)
    assert "{" not in text.replace("{text}", "") or message_id in (PLAIN, "printer.text")


@pytest.mark.parametrize("message_id", sorted(PRINTER_MESSAGES))
def test_every_printer_id_makes_an_error_with_its_english(message_id: str) -> None:
    names = placeholders(PRINTER_MESSAGES[message_id])
    error = PrinterError(message_id, **{name: f"<{name}>" for name in names})
    assert error.message_id == message_id
    assert str(error) == of_error(error).render()


def test_ids_are_dotted_lower_case() -> None:
    assert all(mid == mid.lower() and " " not in mid for mid in CATALOG)
    assert all(mid.startswith("printer.") for mid in PRINTER_MESSAGES)


def test_a_message_round_trips_through_storage() -> None:
    message = msg("shipping.tracking_in_use", number="73600316247086", order_no="3391")
    assert Message.decode(message.encode()) == message
    nested = msg(
        "station.out_of_range", field=msg("station.field.packaging"), low=0, high=5000, value=9000
    )  # fmt: skip
    decoded = Message.decode(nested.encode())
    assert decoded == nested
    assert (
        decoded is not None and decoded.render() == "Box and filler weight (g) must be between 0 and 5000; it is 9000."
    )


@pytest.mark.parametrize(
    "stored",
    ['{"msg":"x","params":"oops"}', '{"msg":"x","params":[1]}', '{"msg":"a","params":{"r":{"msg":1,"params":5}}}',
     '{"msg": [', '{"msg":"x"} trailing'],
)  # fmt: skip
def test_stored_text_that_only_looks_like_a_message_reads_as_plain_text(stored: str) -> None:
    """A platform's raw answer or an old reason that happens to start like a stored message never breaks a list."""
    message = Message.decode(stored)
    assert message is not None and message.render() == stored


def test_a_printer_error_with_a_reason_inside_round_trips() -> None:
    with pytest.raises(PrinterError) as caught:
        parse_printer_uri("tcp://h:9100?size=9x9")
    message = of_error(caught.value)
    assert message.id == "printer.uri_invalid" and isinstance(message.params["reason"], Message)
    assert message.params["reason"].id == "printer.size_out_of_range"
    assert Message.decode(message.encode()) == message
    assert message.render() == str(caught.value)


def test_a_translation_reaches_the_nested_reason() -> None:
    message = msg("shipping.blocked", order_no="3391", reason=msg("order.blocked.on_hold"))
    table = {CATALOG["shipping.blocked"]: "订单 {order_no} 不能发货：{reason}。", "on hold": "订单已挂起"}
    assert message.render(lambda template: table.get(template, template)) == "订单 3391 不能发货：订单已挂起。"


def test_msg_refuses_an_unknown_id() -> None:
    with pytest.raises(KeyError, match="no.such.message"):
        msg("no.such.message")


def _lupdate() -> Path:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    if not tool.exists():
        pytest.skip("pyside6-lupdate is not installed (a headless install without PySide6)")
    return tool


def test_lupdate_finds_every_template(tmp_path: Path) -> None:
    """Each template is marked with QT_TRANSLATE_NOOP("CoreMessages", ...) literally, so the .ts file gets it."""
    ts = tmp_path / "core.ts"
    subprocess.run(
        [str(_lupdate()), "-extensions", "py", "app", "printers", "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    found = {
        message.findtext("source")
        for context in ET.parse(ts).getroot().iter("context")
        if context.findtext("name") == CONTEXT
        for message in context.iter("message")
    }
    assert set(CATALOG.values()) - {"{text}"} <= found


def test_a_refused_label_size_is_said_in_the_command_lines_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every catalogue text «bracketed» stands in for the Chinese: the refusal must go through the catalogue."""
    import app.cli.lang
    from app.cli import main

    table = {template: f"«{template}»" for template in CATALOG.values() if template != "{text}"}
    monkeypatch.setattr(app.cli.lang, "translations", lambda language: table)
    monkeypatch.setenv("PACKDESK_LANG", "zh_CN")
    code = main(
        ["print", "1", "--printer", f"png://{tmp_path / 'labels'}", "--size", "9x9", "--data-dir", str(tmp_path)]
    )
    assert code != 0
    assert "packdesk: «label size '9x9' is outside 20-120 mm wide and 20-300 mm long»" in capsys.readouterr().err


def _packdesk(packdesk_cmd: list[str], data_dir: Path, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PACKDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = lang
    return subprocess.run(
        [*packdesk_cmd, *args, "--data-dir", str(data_dir)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_the_command_line_refuses_in_the_systems_language(packdesk_cmd: list[str], tmp_path: Path) -> None:
    """Needs the Chinese of the catalogue in resources/translations/packdesk_zh_CN.ts."""
    data_dir = tmp_path / "data"
    english = _packdesk(packdesk_cmd, data_dir, "C", "orders", "--status", "nonsense")
    assert english.returncode != 0
    assert "Unknown status 'nonsense'. Use one of:" in english.stderr

    chinese = _packdesk(packdesk_cmd, data_dir, "zh_CN.UTF-8", "orders", "--status", "nonsense")
    assert chinese.returncode != 0
    assert "未知的订单状态“nonsense”。可用的状态：" in chinese.stderr, chinese.stderr

    shop = _packdesk(packdesk_cmd, data_dir, "zh_CN.UTF-8", "sync", "--shop", "不存在的店")
    assert shop.returncode != 0
    assert "没有名为“不存在的店”的店铺。还没有任何店铺：请用 `shop add` 添加。" in shop.stderr, shop.stderr

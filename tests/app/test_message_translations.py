"""Every core message has a Chinese text, with the same parameters, and the command line finds it (no Qt)."""

from __future__ import annotations

from app.cli.lang import say, translations
from app.domain.messages import CATALOG, Message, placeholders


def _words(template: str) -> bool:
    """Whether a template says anything itself ("{text}" only passes other words through)."""
    return bool(template.format_map({name: "" for name in placeholders(template)}).strip())


def test_every_message_id_has_a_chinese_text_with_the_same_parameters() -> None:
    zh = translations("zh_CN")
    worded = {mid: template for mid, template in CATALOG.items() if _words(template)}
    assert len(worded) > 250  # the catalogue really is read (and the pass-through ids are few)
    missing = sorted(mid for mid, template in worded.items() if template not in zh)
    assert missing == []
    wrong = sorted(mid for mid, template in worded.items() if placeholders(zh[template]) != placeholders(template))
    assert wrong == []


def test_a_stored_message_reads_back_in_chinese() -> None:
    some_id = next(mid for mid, template in CATALOG.items() if placeholders(template) and mid != "plain")
    stored = Message(some_id, {name: "X1" for name in placeholders(CATALOG[some_id])}).encode()
    decoded = Message.decode(stored)
    assert decoded is not None
    chinese = say(decoded, "zh_CN")
    assert "X1" in chinese and chinese != say(decoded, "en")

"""Emoji in buyer messages never show as empty boxes."""

from __future__ import annotations

from ui.text import _emoji_font_installed, displayable


def test_emoji_are_left_out_only_where_no_font_draws_them(qapp) -> None:  # noqa: ANN001
    text = "生日礼物😊🎁，能帮忙写张贺卡吗"
    if _emoji_font_installed():
        assert displayable(text) == text
    else:
        assert displayable(text) == "生日礼物，能帮忙写张贺卡吗"
    assert displayable("送小样") == "送小样"  # nothing to drop: unchanged

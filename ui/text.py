"""Text as the screen can show it (ui layer).

Buyers write emoji; the vendored CJK font has none. Where the system has an emoji font Qt falls back to it; where
it has none, an emoji would show as an empty box, so it is left out of what is displayed (the stored text keeps it).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFontDatabase


@lru_cache(maxsize=1)
def _emoji_font_installed() -> bool:
    return any("emoji" in family.lower() for family in QFontDatabase.families())


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return (
        cp >= 0x1F000  # pictographs, emoticons, transport, flags, supplemental symbols
        or 0x2600 <= cp <= 0x27BF  # miscellaneous symbols and dingbats
        or cp in (0x200D, 0xFE0F, 0x20E3)  # joiner, emoji presentation selector, keycap
    )


def displayable(text: str) -> str:
    """`text` without the emoji this machine cannot draw (all of it where an emoji font exists)."""
    if _emoji_font_installed() or not any(_is_emoji(ch) for ch in text):
        return text
    return " ".join("".join(ch for ch in text if not _is_emoji(ch)).split())

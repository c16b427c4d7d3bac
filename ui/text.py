"""Text as the screen can show it (ui layer).

Buyers write emoji; the vendored CJK font has none. Where the system has an emoji font Qt falls back to it; where
it has none, an emoji would show as an empty box, so it is left out of what is displayed (the stored text keeps it).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication
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


def printer_state_text(state: str | None) -> str | None:
    """What a stopped printer needs, in the packer's language (None for a state it cannot name)."""
    translate = QCoreApplication.translate
    texts = {
        "paper_out": translate("PrinterState", "The printer is out of labels: load a new roll."),
        "cover_open": translate("PrinterState", "The printer's cover is open: close it."),
        "paused": translate("PrinterState", "The printer is paused: press its feed or pause button."),
        "offline": translate("PrinterState", "The printer does not answer: check its power and cable."),
        "error": translate("PrinterState", "The printer reports an error (a jam or the head open): check it."),
        "unknown": translate("PrinterState", "The printer does not say whether it is ready: check it."),
    }
    return texts.get(state or "")

"""Counted phrases in English and Chinese through Qt's `%n` forms (ui layer).

A count goes through `self.tr("%n ship-back(s) waiting", "", n)`: lupdate marks it as a numerus message, Chinese
gives it its one form, and a translation file with English plural forms would give "1 ship-back" and "2 ship-backs".
The window's source language is English and ships no translation file, so without one Qt leaves the "(s)" in place;
`plural` settles it the English way for what no translator handled.
"""

from __future__ import annotations

import re

_MAYBE_PLURAL = re.compile(r"(\w+)\(s\)")


def plural(text: str, n: int) -> str:
    """`text` (the result of tr(source, "", n)) with each "word(s)" as "word" for one and "words" otherwise.

    Args:
        text: a translated counted phrase; a translation without "(s)" is returned unchanged.
        n: the count it was translated for.
    """
    return _MAYBE_PLURAL.sub(lambda m: m.group(1) if n == 1 else m.group(1) + "s", text)

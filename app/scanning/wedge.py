"""Keyboard-wedge scanner detection by key timing (scanning layer).

A USB scanner in keyboard mode types a whole code in a burst, a few milliseconds per key, and ends it with Enter
(or Tab). A person types tens to hundreds of milliseconds per key. The decoder holds keys while they come faster than
`max_gap_s`; a burst of at least `min_length` characters that ends with a terminator is a scan, anything else is
handed back, in order, to be typed where the focus is. The caller supplies the times (an injectable clock), so the
rules are tested here without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    HOLD = "hold"  # keep the key for now: it may be part of a scan
    SCAN = "scan"  # a complete scan: `code` is set, the held keys are consumed
    RELEASE = "release"  # not a scan: `keys` are to be typed normally, in order


@dataclass(frozen=True)
class WedgeSettings:
    min_length: int = 4
    max_gap_s: float = 0.035
    terminators: str = "\r\n\t"
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    code: str = ""
    keys: tuple[str, ...] = ()


@dataclass
class WedgeDecoder:
    settings: WedgeSettings = field(default_factory=WedgeSettings)
    _held: list[str] = field(default_factory=list)
    _last: float | None = None

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def feed(self, char: str, now: float) -> Decision:
        """Takes one typed character (a terminator for Enter/Tab) at time `now` (seconds, monotonic)."""
        s = self.settings
        gap_ok = self._last is not None and now - self._last <= s.max_gap_s
        if self._held and not gap_ok:
            # Too slow to belong to the burst held so far: that burst was typing. This key starts afresh; with
            # nothing held it cannot complete a scan, so it is either held (HOLD) or handed back (RELEASE).
            released = self._release().keys
            follow = self.feed(char, now)
            return Decision(Verdict.RELEASE, keys=released + follow.keys)
        self._last = now
        if char in s.terminators:
            if not self._held:
                return Decision(Verdict.RELEASE, keys=(char,))
            code = self._strip("".join(self._held))
            if code is not None and len(code) >= s.min_length:
                self._held.clear()
                self._last = None
                return Decision(Verdict.SCAN, code=code)
            return self._release(extra=char)
        self._held.append(char)
        return Decision(Verdict.HOLD)

    def timeout(self, now: float) -> Decision:
        """Called when no key came for `max_gap_s`: whatever is held was typed by a person (or a cut-off scan)."""
        if self._held and (self._last is None or now - self._last >= self.settings.max_gap_s):
            return self._release()
        return Decision(Verdict.HOLD)

    def _strip(self, text: str) -> str | None:
        s = self.settings
        if s.prefix:
            if not text.startswith(s.prefix):
                return None
            text = text[len(s.prefix) :]
        if s.suffix:
            if not text.endswith(s.suffix):
                return None
            text = text[: -len(s.suffix)]
        return text

    def _release(self, extra: str = "") -> Decision:
        keys = tuple(self._held) + ((extra,) if extra else ())
        self._held.clear()
        self._last = None
        return Decision(Verdict.RELEASE, keys=keys)


def settings_from(min_length: str, max_gap_ms: str, prefix: str = "", suffix: str = "") -> WedgeSettings:
    """WedgeSettings from config.toml's strings; a value that is not a number keeps its default."""
    default = WedgeSettings()
    try:
        length = max(1, int(min_length))
    except ValueError:
        length = default.min_length
    try:
        gap = max(0.005, float(max_gap_ms) / 1000)
    except ValueError:
        gap = default.max_gap_s
    return WedgeSettings(min_length=length, max_gap_s=gap, prefix=prefix, suffix=suffix)

"""The station's sounds: one per verdict, so the packer hears the result without looking (ui layer).

QSoundEffect plays short WAVs with low latency. Where QtMultimedia cannot load (no libpulse) or there is no audio
output, the player stays silent and everything else works. Mute and volume come from the settings.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl

from app.domain.enums import ScanOutcome
from resources import resource_path

log = logging.getLogger(__name__)

NAMES = ("ok", "wrong", "over", "unknown", "complete", "stop")
FOR_OUTCOME = {
    ScanOutcome.ORDER_OPENED: "ok",
    ScanOutcome.ITEM_OK: "ok",
    ScanOutcome.UNDONE: "ok",
    ScanOutcome.PARKED: "ok",
    ScanOutcome.WRONG_ITEM: "wrong",
    ScanOutcome.ORDER_BUSY: "wrong",
    ScanOutcome.PRINT_FAILED: "wrong",
    ScanOutcome.WEIGHT_MISMATCH: "wrong",
    ScanOutcome.OVER_SCAN: "over",
    ScanOutcome.UNKNOWN_CODE: "unknown",
    ScanOutcome.ORDER_COMPLETE: "complete",
    ScanOutcome.LABEL_PRINTED: "complete",
    ScanOutcome.SHIPPED: "complete",
    ScanOutcome.INTERCEPTED: "stop",
}


class SoundPlayer(QObject):
    """Plays the sound of a verdict. `played` lists what was asked for (what a packer would have heard)."""

    def __init__(self, volume: int = 80, muted: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.volume = max(0, min(100, volume))
        self.muted = muted
        self.played: list[str] = []
        self._effects: dict[str, object] = {}
        self.available = self._load()

    def _load(self) -> bool:
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:  # a machine without the audio libraries: silent
            log.info("sounds off: %s", exc)
            return False
        if QMediaDevices.defaultAudioOutput().isNull():
            log.info("sounds off: no audio output")
            return False
        for name in NAMES:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", f"{name}.wav"))))
            self._effects[name] = effect
        self._apply_volume()
        return True

    def _apply_volume(self) -> None:
        for effect in self._effects.values():
            effect.setVolume(self.volume / 100)  # type: ignore[attr-defined]
            effect.setMuted(self.muted)  # type: ignore[attr-defined]

    def set_volume(self, volume: int) -> None:
        self.volume = max(0, min(100, volume))
        self._apply_volume()

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        self._apply_volume()

    def play_for(self, outcome: ScanOutcome) -> str | None:
        name = FOR_OUTCOME.get(outcome)
        if name is not None:
            self.play(name)
        return name

    def play(self, name: str) -> None:
        self.played.append(name)
        del self.played[:-50]
        if self.muted or not self.available:
            return
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]

"""Writes the station's sounds (resources/sounds/*.wav): short, distinct, loud enough over a warehouse.

Run from the repository root: `.venv/bin/python packaging/make_sounds.py`. The WAVs are committed; this script is
how they were made (pure tones with short fades, 16-bit mono 22.05 kHz), so anyone can change them.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"

# name -> list of (frequency Hz, milliseconds); 0 Hz is silence
SOUNDS = {
    "ok": [(1760, 70)],  # one short high beep: the packer need not look
    "wrong": [(220, 180), (0, 60), (220, 180)],  # low double buzz
    "over": [(660, 110), (0, 50), (660, 110), (0, 50), (660, 110)],  # three mid beeps: take one out
    "unknown": [(880, 90), (440, 160)],  # falling: nobody knows this code
    "complete": [(1047, 90), (1319, 90), (1568, 160)],  # rising C-E-G: parcel done
    "stop": [(988, 160), (659, 160)] * 3,  # two-tone alarm: STOP, do not ship
}


def tone(freq: float, ms: int, volume: float = 0.8) -> list[int]:
    n = int(RATE * ms / 1000)
    fade = min(n // 4, int(RATE * 0.005))
    samples = []
    for i in range(n):
        amp = volume * (min(1.0, i / fade, (n - i) / fade) if fade else 1.0)
        # a touch of the third harmonic makes a small speaker sound louder
        value = math.sin(2 * math.pi * freq * i / RATE) + 0.3 * math.sin(6 * math.pi * freq * i / RATE)
        samples.append(int(32767 * amp * value / 1.3) if freq else 0)
    return samples


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, notes in SOUNDS.items():
        samples = [s for freq, ms in notes for s in tone(freq, ms)]
        with wave.open(str(OUT / f"{name}.wav"), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(struct.pack(f"<{len(samples)}h", *samples))


if __name__ == "__main__":
    main()

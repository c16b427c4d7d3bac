"""The station's sounds: one distinct WAV per verdict, played for each scan, mute and volume kept in the settings,
and silence (not a failure) where there is no audio output."""

from __future__ import annotations

import hashlib
import tomllib
import wave

import pytest
from pdtest.station_ui import scan

from app.services.orders import list_orders
from resources import resource_path
from ui.main import Gui
from ui.sounds import FOR_OUTCOME, NAMES, SoundPlayer


@pytest.mark.parametrize("name", NAMES)
def test_each_sound_is_a_short_playable_wav(name: str) -> None:
    with wave.open(str(resource_path("sounds", f"{name}.wav")), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    assert 0.05 <= seconds <= 1.5
    assert max(abs(int.from_bytes(frames[i : i + 2], "little", signed=True)) for i in range(0, len(frames), 2)) > 8000


def test_the_sounds_differ_from_each_other() -> None:
    digests = {hashlib.sha1(resource_path("sounds", f"{n}.wav").read_bytes()).hexdigest() for n in NAMES}
    assert len(digests) == len(NAMES)
    assert set(FOR_OUTCOME.values()) == set(NAMES)


def test_no_audio_output_is_silent_not_an_error(qapp) -> None:  # noqa: ANN001
    player = SoundPlayer()
    player.play("stop")  # must not raise, with or without a sound card
    assert player.played == ["stop"]


def test_each_verdict_plays_its_sound(qtbot, gui: Gui) -> None:  # noqa: ANN001
    sounds = gui.window.station_view.sounds
    assert sounds is not None
    orders = list_orders(gui.workspace.session_factory, status="awaiting_shipment", limit=500)
    order = next(
        o
        for o in orders
        if all(ln.packable for ln in o.lines) and not o.tracking_no and sum(ln.qty for ln in o.lines) >= 2
    )
    mine = {ln.sku for ln in order.lines}
    foreign = next(ln for o in orders for ln in o.lines if ln.sku not in mine and ln.barcodes)
    scan(qtbot, gui, order.order_no)
    scan(qtbot, gui, foreign.barcodes[0])
    scan(qtbot, gui, "NOBODY-KNOWS-THIS")
    scan(qtbot, gui, order.lines[0].barcodes[0])
    assert sounds.played[-4:] == ["ok", "wrong", "unknown", "ok"]


def test_mute_and_volume_are_kept_in_the_settings(qtbot, gui: Gui) -> None:  # noqa: ANN001
    window = gui.window
    window.mute_action.trigger()
    window.volume_actions[50].trigger()
    sounds = window.station_view.sounds
    assert sounds is not None and sounds.muted and sounds.volume == 50
    saved = tomllib.loads(gui.workspace.config_path.read_text(encoding="utf-8"))
    assert saved["muted"] is True and saved["volume"] == "50"
    sounds.play("ok")
    assert sounds.played[-1] == "ok"  # asked for, but muted: nothing comes out of the speaker

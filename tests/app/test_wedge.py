"""Scanner-or-person decisions from key timing, with a fake clock."""

from __future__ import annotations

from app.scanning.wedge import Verdict, WedgeDecoder, WedgeSettings


def _type(decoder: WedgeDecoder, text: str, gap: float, start: float = 100.0):  # noqa: ANN202
    decisions = []
    t = start
    for ch in text:
        decisions.append(decoder.feed(ch, t))
        t += gap
    return decisions, t


def test_fast_burst_with_enter_is_a_scan() -> None:
    d = WedgeDecoder()
    decisions, _ = _type(d, "6940166000282\r", 0.006)
    assert [x.verdict for x in decisions[:-1]] == [Verdict.HOLD] * 13
    assert decisions[-1].verdict is Verdict.SCAN and decisions[-1].code == "6940166000282"
    assert not d.holding


def test_human_typing_is_released_key_by_key() -> None:
    d = WedgeDecoder()
    decisions, t = _type(d, "abcd", 0.150)
    # each key is held until the next one comes too late, then handed back
    assert decisions[0].verdict is Verdict.HOLD
    assert all(x.verdict is Verdict.RELEASE for x in decisions[1:])
    assert [x.keys for x in decisions[1:]] == [("a",), ("b",), ("c",)]
    assert d.timeout(t + 1).keys == ("d",)


def test_short_burst_is_not_a_scan() -> None:
    d = WedgeDecoder(WedgeSettings(min_length=6))
    decisions, _ = _type(d, "12\r", 0.005)
    assert decisions[-1].verdict is Verdict.RELEASE and decisions[-1].keys == ("1", "2", "\r")


def test_enter_alone_is_released() -> None:
    d = WedgeDecoder()
    assert d.feed("\r", 1.0).keys == ("\r",)


def test_pause_inside_a_burst_splits_it() -> None:
    d = WedgeDecoder()
    _type(d, "1234", 0.005, start=1.0)
    late = d.feed("5", 2.0)
    assert late.verdict is Verdict.RELEASE and late.keys == ("1", "2", "3", "4")
    assert d.holding  # "5" starts a new burst


def test_prefix_and_suffix_are_required_and_stripped() -> None:
    d = WedgeDecoder(WedgeSettings(prefix="]C1", suffix="#"))
    decisions, _ = _type(d, "]C1ABC123#\r", 0.004)
    assert decisions[-1].code == "ABC123"
    decisions, _ = _type(d, "ABC123#\r", 0.004, start=50.0)
    assert decisions[-1].verdict is Verdict.RELEASE


def test_tab_terminates_too() -> None:
    d = WedgeDecoder()
    decisions, _ = _type(d, "SF1023574470215\t", 0.008)
    assert decisions[-1].code == "SF1023574470215"


def test_settings_from_the_config_file() -> None:
    from app.scanning.wedge import settings_from

    s = settings_from("6", "20", "]C1", "#")
    assert (s.min_length, s.max_gap_s, s.prefix, s.suffix) == (6, 0.02, "]C1", "#")
    assert settings_from("six", "fast") == settings_from("4", "35")  # not numbers: the defaults

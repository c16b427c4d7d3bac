"""Station options: checked before they are kept, and kept in config.toml."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.services.station_options import StationOptions, current, store, validate
from app.services.workspace import Settings


def test_options_round_trip_through_config_toml(tmp_path: Path) -> None:
    chosen = StationOptions(
        sku_first=True,
        confirm_scan=True,
        lock_after_min=0,
        wedge_min_length=6,
        wedge_max_gap_ms=20,
        wedge_prefix="]C",
        wedge_suffix="#",
        scanner_uri="serial://COM3?baud=115200",
        scale_uri="serial:///dev/ttyUSB1?baud=9600",
        packaging_g=45,
    )
    settings = Settings()
    store(settings, validate(chosen))
    settings.save(tmp_path / "config.toml")
    assert current(Settings.load(tmp_path / "config.toml")) == chosen


def test_numbers_that_are_not_numbers_show_as_defaults() -> None:
    settings = Settings(lock_after_min="soon", wedge_max_gap_ms="", packaging_g="12.6")
    options = current(settings)
    assert (options.lock_after_min, options.wedge_max_gap_ms, options.packaging_g) == (10, 35, 13)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lock_after_min": -1}, "Lock after (minutes) must be between 0 and 480"),
        ({"wedge_min_length": 0}, "Shortest scan must be between 1 and 64"),
        ({"wedge_max_gap_ms": 500}, "between 5 and 200"),
        ({"packaging_g": 9000}, "Box and filler weight (g) must be between 0 and 5000"),
        ({"wedge_prefix": "\t"}, "Scanner prefix must be at most 8 printable characters"),
        ({"wedge_suffix": "123456789"}, "Scanner suffix must be at most 8 printable characters"),
        ({"scanner_uri": "COM3"}, "Serial scanner: 'COM3' is not a serial address"),
        ({"scale_uri": "serial://COM4?baud=fast"}, "Scale: baud=fast is not a number"),
        ({"scanner_uri": "serial://COM4", "scale_uri": " serial://COM4 "}, "cannot use the same port"),
    ],
)
def test_unusable_values_are_refused_with_the_reason(change: dict, message: str) -> None:
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        validate(replace(StationOptions(), **change))


def test_addresses_are_trimmed() -> None:
    checked = validate(StationOptions(scanner_uri="  serial://COM3  "))
    assert checked.scanner_uri == "serial://COM3"

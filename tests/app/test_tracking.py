"""Tracking-number formats: the UPU S10 check digit, the carriers' own formats and carrier detection."""

from __future__ import annotations

import random
import re

import pytest

from app.domain.tracking import CARRIERS, carrier, detect_carriers, is_valid_s10, s10_check_digit

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def reference_s10(serial: str) -> int:
    """The S10 rule as platforms.md section 4 states it, written out independently."""
    r = sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS, strict=True)) % 11
    check = 11 - r
    if check == 10:
        return 0
    if check == 11:
        return 5
    return check


# -- S10 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("serial", "check"),
    [("12345678", 5), ("12345679", 9), ("12345680", 8)],
)
def test_s10_worked_examples_from_the_reference(serial: str, check: int) -> None:
    assert s10_check_digit(serial) == check


@pytest.mark.parametrize("number", ["RB123456785GB", "EA123456799CN", "EA123456808CN"])
def test_worked_example_numbers_are_valid(number: str) -> None:
    assert is_valid_s10(number)


def test_valid_s10_tolerates_case_and_surrounding_whitespace() -> None:
    assert is_valid_s10("  ea123456799cn\n")


@pytest.mark.parametrize(
    "number",
    [
        "RB123456784GB",  # check digit off by one
        "EA123456789CN",  # serial incremented without recomputing (not monotonic: 799 -> 808)
        "EA123456809CN",  # neighbour of a valid number, wrong check digit
        "EA213456799CN",  # two serial digits swapped
        "EA12345679CN",  # a digit missing
        "EA1234567999CN",  # a digit too many
        "E1123456799CN",  # prefix is not two letters
        "EA123456799C1",  # suffix is not two letters
        "",
    ],
)
def test_corrupted_s10_numbers_are_invalid(number: str) -> None:
    assert not is_valid_s10(number)


def test_check_digit_special_cases_ten_and_eleven() -> None:
    # remainder 0 -> 11 -> 5
    assert s10_check_digit("00000000") == 5
    # 7*8 = 56 = 55 + 1: remainder 1 -> 10 -> 0
    assert s10_check_digit("70000000") == 0


def test_check_digit_agrees_with_the_reference_rule_on_many_serials() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        serial = f"{rng.randrange(10**8):08d}"
        assert s10_check_digit(serial) == reference_s10(serial), serial


@pytest.mark.parametrize("serial", ["1234567", "123456789", "1234567a", ""])
def test_check_digit_rejects_anything_but_eight_digits(serial: str) -> None:
    with pytest.raises(ValueError):
        s10_check_digit(serial)


# -- carrier formats --------------------------------------------------------------------------------------------


def _serials(capacity: int) -> list[int]:
    rng = random.Random(capacity)
    return [0, 1, 9, 10, capacity // 2, capacity - 1, *(rng.randrange(capacity) for _ in range(50))]


@pytest.mark.parametrize("code", sorted(CARRIERS))
def test_every_carrier_allocates_numbers_in_its_own_format(code: str) -> None:
    fmt = CARRIERS[code]
    for serial in _serials(fmt.capacity):
        number = fmt.number(serial)
        assert re.fullmatch(fmt.pattern, number), (code, serial, number)
        assert fmt.matches(number), (code, number)
        assert code in detect_carriers(number), (code, number, detect_carriers(number))
        if fmt.s10:
            assert is_valid_s10(number), number
        assert number.startswith(fmt.prefix) and number.endswith(fmt.suffix)


@pytest.mark.parametrize("code", sorted(CARRIERS))
def test_distinct_serials_give_distinct_numbers(code: str) -> None:
    fmt = CARRIERS[code]
    serials = sorted(set(_serials(fmt.capacity)))
    numbers = [fmt.number(s) for s in serials]
    assert len(set(numbers)) == len(numbers)


def test_ems_allocates_the_worked_examples() -> None:
    ems = carrier("EMS")
    assert ems.number(12345679) == "EA123456799CN"
    assert ems.number(12345680) == "EA123456808CN"


def test_ems_number_with_a_wrong_check_digit_is_not_detected_as_ems() -> None:
    assert not carrier("EMS").matches("EA123456790CN")
    assert "EMS" not in detect_carriers("EA123456790CN")


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("SF1023574470215", "SF"),
        ("YT6491907189408", "YTO"),
        ("JT5091156768308", "JT"),
        ("73600316247086", "ZTO"),
        ("773367326370601", "STO"),
        ("RB123456785GB", "EMS"),
        ("sf 1023 5744 70215", "SF"),  # typed by hand: spaces and lower case
    ],
)
def test_detect_carriers_on_real_examples(number: str, code: str) -> None:
    assert code in detect_carriers(number)


def test_detect_carriers_finds_nothing_for_garbage() -> None:
    assert detect_carriers("HELLO") == []
    assert detect_carriers("") == []


def test_carrier_lookup_is_case_insensitive_and_strict() -> None:
    assert carrier("zto") is CARRIERS["ZTO"]
    with pytest.raises(KeyError):
        carrier("DHLX")


@pytest.mark.parametrize("code", sorted(CARRIERS))
def test_serial_outside_the_capacity_raises(code: str) -> None:
    fmt = CARRIERS[code]
    assert fmt.capacity == 10**fmt.serial_digits
    fmt.number(fmt.capacity - 1)  # the last one still fits
    with pytest.raises(ValueError):
        fmt.number(fmt.capacity)
    with pytest.raises(ValueError):
        fmt.number(-1)

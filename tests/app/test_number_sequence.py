"""Roll number sequences (app.domain.number_sequence): each carrier's formats run up as its paper rolls do, S10
check digits recomputed, numbers outside the formats or past their capacity refused with the reason."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.number_sequence import FORMATS, RollFormat, is_valid, parse, sequence
from app.domain.tracking import CARRIERS, detect_carriers, is_valid_s10, s10_check_digit

# The platform's own checks (reg_mail_no, as tests/pdtest/top_server.py answers them) for today's formats.
REG_MAIL_NO = {
    "SF": r"SF\d{13}",
    "ZTO": r"7\d{13}|\d{12}",
    "YTO": r"YT\d{13}",
    "STO": r"77\d{13}",
    "YUNDA": r"\d{13}|[34]\d{14}",
    "EMS": r"[A-Z]{2}\d{9}[A-Z]{2}",
}


def refused(call: object, msg_id: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as err:
        call()  # type: ignore[operator]
    assert err.value.msg.id == msg_id, err.value.message
    return err.value


def test_ems_runs_its_serial_up_and_recomputes_the_check_digit() -> None:
    # reference §4: RB12345678?GB -> 5; EA12345679?CN -> 9; EA12345680?CN -> 8 (not monotonic)
    assert sequence("EMS", "EA123456785CN", 3) == ["EA123456785CN", "EA123456799CN", "EA123456808CN"]
    assert all(is_valid_s10(n) for n in sequence("ems", "ea 12345678 5cn", 40))


def test_a_wrong_s10_check_digit_is_refused_naming_the_right_number() -> None:
    err = refused(lambda: sequence("EMS", "EA123456786CN", 2), "batch.check_digit")
    assert "EA123456785CN" in err.message


@pytest.mark.parametrize(
    ("carrier", "first", "then"),
    [
        ("ZTO", "73600316247086", ["73600316247087", "73600316247088"]),
        ("ZTO", "688123456799", ["688123456800", "688123456801"]),  # a Taobao-tool era 12-digit roll
        ("YTO", "YT6491907189408", ["YT6491907189409", "YT6491907189410"]),
        ("YTO", "D012345679", ["D012345680", "D012345681"]),  # letters kept, the digits after them run
        ("STO", "773367326370609", ["773367326370610", "773367326370611"]),
        ("STO", "STO0000000999", ["STO0000001000", "STO0000001001"]),
        ("YUNDA", "3967950525459", ["3967950525460", "3967950525461"]),
        ("YUNDA", "431234567890123", ["431234567890124", "431234567890125"]),
        ("SF", "SF1023574470219", ["SF1023574470220", "SF1023574470221"]),
    ],
)
def test_numeric_rolls_run_up_by_one_keeping_their_head_and_width(carrier: str, first: str, then: list[str]) -> None:
    assert sequence(carrier, first, 3) == [first, *then]


def test_sf_twelve_digit_numbers_are_refused_rather_than_guessed() -> None:
    err = refused(lambda: sequence("SF", "123456789012", 2), "batch.sf_check_digit")
    assert "check digit" in err.message and "123456789012" in err.message


def test_a_number_of_another_carrier_is_refused_with_examples() -> None:
    err = refused(lambda: sequence("ZTO", "YT6491907189408", 2), "batch.not_carrier_number")
    assert "73600316247086" in err.message and "中通快递" in err.message
    refused(lambda: sequence("STO", "78123456789012", 2), "batch.not_carrier_number")
    refused(lambda: sequence("EMS", "1234567890123", 2), "batch.not_carrier_number")


def test_carriers_without_known_rolls_and_empty_runs_are_refused() -> None:
    err = refused(lambda: sequence("JT", "JT5091156768308", 2), "batch.carrier_not_filled")
    assert "ZTO" in err.message
    refused(lambda: sequence("ZTO", "73600316247086", 0), "accounts.count_positive")


def test_a_run_past_the_formats_last_number_is_refused() -> None:
    assert sequence("ZTO", "79999999999998", 2)[-1] == "79999999999999"
    err = refused(lambda: sequence("ZTO", "79999999999998", 3), "batch.past_capacity")
    assert "only 2" in err.message
    refused(lambda: sequence("EMS", "EA999999995CN", 2), "batch.past_capacity")  # 99999999 + 1 has 9 digits
    refused(lambda: sequence("YTO", "D099999999", 2), "batch.past_capacity")


def _numbers(fmt: RollFormat) -> st.SearchStrategy[tuple[str, int, int]]:
    """A head of the format, a start serial and a count that fits before the format's end."""
    heads = st.just("") if not fmt.head else st.from_regex(fmt.head, fullmatch=True)
    if fmt.s10:
        heads = st.from_regex(r"[A-Z]{2}", fullmatch=True)
    return st.tuples(heads, st.integers(0, fmt.capacity - 1), st.integers(1, 60)).map(
        lambda t: (t[0], min(t[1], fmt.capacity - t[2]), t[2])
    )


ALL_FORMATS = [(code, i) for code, formats in FORMATS.items() for i in range(len(formats))]


@pytest.mark.parametrize(("code", "index"), ALL_FORMATS, ids=[f"{c}-{i}" for c, i in ALL_FORMATS])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_generated_number_is_valid_distinct_and_consecutive(code: str, index: int, data: st.DataObject) -> None:
    fmt = FORMATS[code][index]
    head, serial, count = data.draw(_numbers(fmt))
    country = data.draw(st.from_regex(r"[A-Z]{2}", fullmatch=True)) if fmt.s10 else ""
    first = parse(code, _render(fmt, head, serial, country))
    numbers = sequence(code, first.at(first.serial), count)
    assert len(set(numbers)) == count
    for i, number in enumerate(numbers):
        assert is_valid(code, number)
        split = parse(code, number)
        assert (split.head, split.serial, split.country) == (first.head, first.serial + i, first.country)
        if index == 0:  # today's format: what the platform's check and PackDesk's own detection accept
            assert re.fullmatch(REG_MAIL_NO[code], number), number
            assert CARRIERS[code].matches(number) or code == "YUNDA"  # PackDesk's Yunda roll format is the 15-digit one
        if fmt.s10:
            assert is_valid_s10(number) and code in detect_carriers(number)
    with pytest.raises(InvalidInput):
        sequence(code, numbers[0], fmt.capacity - first.serial + 1)  # one more than the format holds


def _render(fmt: RollFormat, head: str, serial: int, country: str) -> str:
    body = f"{serial:0{fmt.serial_digits}d}"
    if fmt.s10:
        return f"{head}{body}{s10_check_digit(body)}{country}"
    return f"{head}{body}"

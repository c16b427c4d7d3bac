"""Tracking-number sequences of pre-printed paper rolls: "type the first number, the rest fill themselves" (domain
layer).

A carrier's paper roll (纸质面单) runs its serial up by one label after label. Each carrier writes its numbers in one
or more formats: a fixed head, a zero-padded serial, and for UPU S10 numbers (EMS) a mod-11 check digit and the
country code. The next number is the serial plus one in the same format, its check digit recomputed; a roll that
would run past the serial's width (the format's capacity) is refused rather than wrapped or widened.

Sources, per format (tags as in shared/reference/platforms.md: [V] seen in a real source, [P] plausible from public
code, [I] PackDesk's inference, unverified):
- The Taobao seller tool's per-carrier auto-fill scripts (淘宝助理 batch ship, `*_code.js`: validate + generate)
  [V]: ZTO and STO and Yunda numbers are whole numbers plus one, YTO's digits after its two-character head plus one,
  EMS the S10 serial plus one with the check digit recomputed; there is no SF script.
- Today's numbers (reference §4) [V]: ZTO 14 digits starting 7, YTO `YT` + 13, STO 15 digits starting 77, SF `SF` +
  13, Yunda 13 or 15 digits; that they run up by one on a roll is [I] (no public check digit is known for them).
- SF's older 12-digit numbers carry a check digit in their last place whose rule is not public: PackDesk refuses to
  fill them rather than guess (the seller types each number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.tracking import CARRIERS, s10_check_digit


@dataclass(frozen=True)
class RollFormat:
    """One way a carrier writes its roll numbers.

    Attributes:
        carrier: the carrier code (ZTO, YTO, ...).
        head: a regex for the fixed text before the serial (kept as typed).
        serial_digits: the zero-padded width of the serial that runs up.
        s10: a UPU S10 number: a mod-11 check digit after the serial, then the 2-letter country code.
        example: a number of this format, for messages.
        source: where the format comes from ([V], [P], [I]: see the module docstring).
    """

    carrier: str
    head: str
    serial_digits: int
    example: str
    source: str
    s10: bool = False

    @property
    def capacity(self) -> int:
        return 10**self.serial_digits

    def regex(self) -> re.Pattern[str]:
        check = r"(\d)([A-Z]{2})" if self.s10 else r"()()"
        return re.compile(rf"({self.head})(\d{{{self.serial_digits}}}){check}")


_ZTO_OLD = "618|680|778|768|688|828|988|118|888|571|518|010|628|205|880|717|718|728|738|761|762|763|701|757"
_STO_OLD = "268|888|588|688|368|468|568|668|768|868|968"

FORMATS: dict[str, tuple[RollFormat, ...]] = {
    "ZTO": (
        RollFormat("ZTO", "7", 13, "73600316247086", "[V] format; [I] runs up by one"),
        RollFormat("ZTO", _ZTO_OLD, 9, "688123456789", "[V] Taobao seller tool: whole number + 1"),
        RollFormat("ZTO", "2008|2010|8050|7518", 8, "201012345678", "[V] Taobao seller tool: whole number + 1"),
    ),
    "YTO": (
        RollFormat("YTO", "YT", 13, "YT6491907189408", "[V] format; [I] runs up by one"),
        RollFormat("YTO", "[A-Z0-9]{2}", 10, "D01234567890", "[V] Taobao seller tool: digits after the head + 1"),
        RollFormat("YTO", "[A-Z0-9]{2}", 8, "D012345678", "[V] Taobao seller tool: digits after the head + 1"),
    ),
    "STO": (
        RollFormat("STO", "77", 13, "773367326370601", "[V] format; [I] runs up by one"),
        RollFormat("STO", "STO", 10, "STO1234567890", "[V] Taobao seller tool: digits after STO + 1"),
        RollFormat("STO", _STO_OLD, 10, "2681234567890", "[V] Taobao seller tool: whole number + 1"),
        RollFormat("STO", _STO_OLD, 9, "268123456789", "[V] Taobao seller tool: whole number + 1"),
    ),
    "YUNDA": (
        RollFormat("YUNDA", "", 13, "3967950525457", "[V] Taobao seller tool: whole number + 1"),
        RollFormat("YUNDA", "[34]", 14, "431234567890123", "[P] 15 digits starting 3 or 4; [I] runs up by one"),
    ),
    "SF": (RollFormat("SF", "SF", 13, "SF1023574470215", "[V] format; [I] runs up by one (no public check digit)"),),
    "EMS": (RollFormat("EMS", "[A-Z]{2}", 8, "EA123456799CN", "[V] UPU S10, mod-11 check digit", s10=True),),
}
SF_CHECKED = re.compile(r"\d{12}")  # SF's older numbers: a check digit PackDesk does not know


@dataclass(frozen=True)
class RollNumber:
    """A roll number split into its parts: head + serial (+ check digit + country for S10)."""

    fmt: RollFormat
    head: str
    serial: int
    country: str = ""

    def at(self, serial: int) -> str:
        """The number of this roll with `serial` (0 <= serial < capacity)."""
        if not 0 <= serial < self.fmt.capacity:
            raise ValueError(f"serial {serial} is outside the {self.fmt.carrier} format")
        body = f"{serial:0{self.fmt.serial_digits}d}"
        if self.fmt.s10:
            return f"{self.head}{body}{s10_check_digit(body)}{self.country}"
        return f"{self.head}{body}"


def normalise(number: str) -> str:
    return re.sub(r"\s+", "", number).upper()


def _name(code: str) -> str:
    return CARRIERS[code].name if code in CARRIERS else code


def parse(carrier: str, number: str) -> RollNumber:
    """Splits `number` by the formats of `carrier`'s rolls.

    Raises:
        InvalidInput: an unknown carrier, or one whose rolls PackDesk does not fill; a number in none of the
            carrier's formats; an S10 number whose check digit is wrong; an SF 12-digit number (its check digit
            rule is not known).
    """
    code = carrier.strip().upper()
    number = normalise(number)
    formats = FORMATS.get(code)
    if formats is None:
        raise InvalidInput(msg("batch.carrier_not_filled", carrier=carrier, known=", ".join(FORMATS)))
    if code == "SF" and SF_CHECKED.fullmatch(number):
        raise InvalidInput(msg("batch.sf_check_digit", number=number))
    for fmt in formats:
        m = fmt.regex().fullmatch(number)
        if m is None:
            continue
        head, body, check, country = m.groups()
        if fmt.s10 and s10_check_digit(body) != int(check):
            expected = RollNumber(fmt, head, int(body), country).at(int(body))
            raise InvalidInput(msg("batch.check_digit", number=number, carrier=_name(code), expected=expected))
        return RollNumber(fmt, head, int(body), country)
    examples = ", ".join(f.example for f in formats)
    raise InvalidInput(msg("batch.not_carrier_number", number=number, carrier=_name(code), examples=examples))


def is_valid(carrier: str, number: str) -> bool:
    """True when `number` is in one of the formats of `carrier`'s rolls (check digit included)."""
    try:
        parse(carrier, number)
    except InvalidInput:
        return False
    return True


def sequence(carrier: str, first: str, count: int) -> list[str]:
    """`count` numbers of `carrier`'s roll from `first` (included), as the roll runs.

    Raises:
        InvalidInput: `first` is refused by `parse`; `count` is not positive; the roll would run past its
            format's last number.
    """
    start = parse(carrier, first)
    if count <= 0:
        raise InvalidInput(msg("accounts.count_positive", count=count))
    last = start.serial + count - 1
    if last >= start.fmt.capacity:
        room = start.fmt.capacity - start.serial
        raise InvalidInput(msg("batch.past_capacity", number=normalise(first), count=count, room=room))
    return [start.at(start.serial + i) for i in range(count)]

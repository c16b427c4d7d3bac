"""Tracking-number formats and check digits of the carriers PackDesk allocates for (domain layer).

Tracking numbers are opaque strings everywhere else; this module only knows how a waybill account turns its next
serial into a number in the carrier's real format, and how to recognise one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_S10 = re.compile(r"^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$")


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit of an 8-digit serial (weights 8,6,4,2,3,5,9,7, modulo 11).

    Args:
        serial: exactly 8 digits.

    Returns:
        The check digit 0-9.
    """
    if len(serial) != 8 or not serial.isdigit():
        raise ValueError(f"an S10 serial has 8 digits, got {serial!r}")
    check = 11 - sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS, strict=True)) % 11
    return {10: 0, 11: 5}.get(check, check)


def is_valid_s10(number: str) -> bool:
    """True when `number` is an S10 identifier (e.g. EA123456799CN) with a correct check digit."""
    m = _S10.match(number.strip().upper())
    return bool(m) and s10_check_digit(m.group(2)) == int(m.group(3))


@dataclass(frozen=True)
class CarrierFormat:
    """How one carrier's numbers look.

    Attributes:
        code: the Taobao logistics company code (ZTO, YTO, ...).
        name: the carrier's Chinese name as printed on the label.
        pattern: a regex a number of this carrier matches (a hint only: numeric formats overlap).
        prefix: fixed text before the serial.
        serial_digits: zero-padded width of the serial.
        s10: True for UPU S10 numbers (prefix is the 2-letter service code, suffix the country).
        suffix: fixed text after the serial (S10 country code).
    """

    code: str
    name: str
    pattern: str
    prefix: str
    serial_digits: int
    s10: bool = False
    suffix: str = ""

    @property
    def capacity(self) -> int:
        return 10**self.serial_digits

    def number(self, serial: int) -> str:
        """The tracking number for `serial` (0 <= serial < capacity)."""
        if not 0 <= serial < self.capacity:
            raise ValueError(f"serial {serial} is outside the {self.code} range")
        body = f"{serial:0{self.serial_digits}d}"
        if self.s10:
            return f"{self.prefix}{body}{s10_check_digit(body)}{self.suffix}"
        return f"{self.prefix}{body}"

    def matches(self, number: str) -> bool:
        if self.s10:
            return is_valid_s10(number)
        return re.fullmatch(self.pattern, number) is not None


CARRIERS: dict[str, CarrierFormat] = {
    c.code: c
    for c in (
        CarrierFormat("ZTO", "中通快递", r"7\d{13}", "7", 13),
        CarrierFormat("YTO", "圆通速递", r"YT\d{13}", "YT", 13),
        CarrierFormat("STO", "申通快递", r"77\d{13}", "77", 13),
        CarrierFormat("YUNDA", "韵达快递", r"[34]\d{14}", "4", 14),
        CarrierFormat("SF", "顺丰速运", r"SF\d{13}", "SF", 13),
        CarrierFormat("JT", "极兔速递", r"JT\d{13}", "JT", 13),
        CarrierFormat("EMS", "中国邮政EMS", r"[A-Z]{2}\d{9}[A-Z]{2}", "EA", 8, s10=True, suffix="CN"),
    )
}


def carrier(code: str) -> CarrierFormat:
    """The format of carrier `code` (case-insensitive); raises KeyError for an unknown one."""
    return CARRIERS[code.upper()]


def detect_carriers(number: str) -> list[str]:
    """Carrier codes whose format `number` fits, most specific first (purely numeric formats overlap)."""
    n = re.sub(r"\s+", "", number).upper()
    hits = [c.code for c in CARRIERS.values() if c.matches(n)]
    return sorted(hits, key=lambda code: -len(CARRIERS[code].prefix))

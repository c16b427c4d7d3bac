"""Product barcodes: EAN-13/GTIN check digits and GS1 element strings (domain layer)."""

from __future__ import annotations

import re

_GS = "\x1d"


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10 check digit for a GTIN body (EAN-8/UPC-A/EAN-13/GTIN-14 without its last digit)."""
    if not body.isdigit():
        raise ValueError(f"a GTIN is digits only, got {body!r}")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """True for an 8, 12, 13 or 14-digit GTIN whose check digit is right."""
    return len(code) in (8, 12, 13, 14) and code.isdigit() and gtin_check_digit(code[:-1]) == int(code[-1])


def make_ean13(body12: str) -> str:
    """Appends the check digit to a 12-digit EAN-13 body."""
    if len(body12) != 12:
        raise ValueError("an EAN-13 body has 12 digits")
    return body12 + str(gtin_check_digit(body12))


_AI_01 = re.compile(r"^(?:\]C1|\]d2|\]Q3)?\(?01\)?(\d{14})")


def normalize_scan(code: str) -> str:
    """Reduces a scanned code to the key PackDesk looks up.

    GS1 element strings carrying AI (01), with or without the symbology identifier, parentheses or FNC1 separators,
    give their GTIN-14; a GTIN-14 with a leading 0 is the EAN-13 inside it. Everything else is returned trimmed.
    """
    text = code.strip().replace(_GS, "")
    m = _AI_01.match(text)
    # A bare "01" + valid GTIN-14 (16 digits or more) is a GS1 element string: wedge scanners drop the ]C1 prefix.
    if m and is_valid_gtin(m.group(1)) and (len(text) >= 16 or text.startswith("(")):
        text = m.group(1)
    if len(text) == 14 and text.startswith("0") and is_valid_gtin(text):
        return text[1:]
    return text

"""Product barcodes: EAN-13/GTIN check digits, GS1 element strings, and the catalogue's rules for the codes it keeps:
check digits verified, GS1 case codes with a unit count, one barcode for one SKU (domain layer)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from app.domain.errors import InvalidInput
from app.domain.messages import Message, msg

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


# -- the catalogue's rules -----------------------------------------------------------------------------------------

MAX_CODE = 64  # the longest code the catalogue keeps (barcodes.code)
MAX_CASE_UNITS = 9999
_GTIN_NAMES = {12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}
_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE][+-]?[0-9]+")
_SEPARATORS = re.compile(r"[,;/\s，；、／|]+")
_DIGITS = re.compile(r"[0-9]+")


class BarcodeError(InvalidInput):
    """A code the catalogue refuses; the message says why (and what would be right, when that is knowable)."""

    code = "barcode"


def product_code(text: str) -> str:
    """A code as the catalogue keeps it: reduced as a scan of it would be (`normalize_scan`), so the bench finds it.

    A 12, 13 or 14-digit code is a UPC-A, EAN-13 or GTIN-14 and must carry the right check digit: a wrong one is
    almost always a typo, and a code that can never scan would leave the packer with "unknown code". Other codes (a
    seller's own Code 128 labels, an EAN-8 or an internal number) are kept as they are.

    Raises:
        BarcodeError: an empty code, one with spaces or control characters, one longer than 64 characters, one that
            Excel turned into scientific notation, or a GTIN with a wrong check digit.
    """
    code = normalize_scan(unicodedata.normalize("NFKC", text))  # full-width digits typed with a Chinese IME
    if not code:
        raise BarcodeError(msg("barcode.empty"))
    if _SCIENTIFIC.fullmatch(code):
        raise BarcodeError(msg("barcode.scientific", code=code))
    if len(code) > MAX_CODE:
        raise BarcodeError(msg("barcode.too_long", code=code[:20] + "…", most=MAX_CODE))
    if any(ch.isspace() or not ch.isprintable() for ch in code):
        raise BarcodeError(msg("barcode.bad_characters", code=code))
    if len(code) in _GTIN_NAMES and _DIGITS.fullmatch(code):
        expected = gtin_check_digit(code[:-1])
        if int(code[-1]) != expected:
            raise BarcodeError(
                msg("barcode.check_digit", code=code, kind=_GTIN_NAMES[len(code)], digit=code[-1], expected=expected)
            )
    return code


def case_indicator(code: str) -> int | None:
    """The packaging indicator of a GS1 case code (a GTIN-14 whose first digit is 1-8), else None."""
    if len(code) == 14 and _DIGITS.fullmatch(code) and code[0] in "12345678":
        return int(code[0])
    return None


def unit_code(text: str) -> str:
    """A code that counts one piece: `product_code`, and not a GS1 case code (its unit count would be lost).

    Raises:
        BarcodeError: as `product_code`, or the code is a GTIN-14 case code.
    """
    code = product_code(text)
    indicator = case_indicator(code)
    if indicator is not None:
        raise BarcodeError(msg("barcode.case_code_as_unit", code=code, indicator=indicator))
    return code


def case_code(text: str, units: int) -> str:
    """A case-pack code (a GS1 GTIN-14, or any code printed on a box) that counts `units` pieces in one scan.

    Raises:
        BarcodeError: as `product_code`, or `units` is not 2-9999.
    """
    code = product_code(text)
    if not 2 <= units <= MAX_CASE_UNITS:
        raise BarcodeError(msg("barcode.case_units", code=code, units=units, most=MAX_CASE_UNITS))
    return code


def split_codes(cell: str) -> list[str]:
    """The codes in one cell, in order, each once: separated by commas, semicolons, slashes, bars or spaces
    (half- or full-width)."""
    return list(dict.fromkeys(part for part in _SEPARATORS.split(cell) if part))


class BarcodeBook:
    """Who owns which code: one barcode names one SKU. Holds the catalogue's bindings and those a batch (one import)
    claims as it goes, so a clash with either is refused naming both SKUs.

    Args:
        owners: code -> (SKU, units) of the codes already in the catalogue (at least those the batch will claim).
    """

    def __init__(self, owners: Mapping[str, tuple[str, int]]) -> None:
        self._owners = dict(owners)
        self._rows: dict[str, int] = {}  # code -> the batch row that claimed it

    def clash(self, sku: str, codes: Mapping[str, int]) -> Message | None:
        """Why `sku` cannot hold `codes` (code -> units), or None when it can."""
        for code in codes:
            owner = self._owners.get(code)
            if owner is None or owner[0] == sku:
                continue
            row = self._rows.get(code)
            if row is not None:
                return msg("barcode.clash_in_batch", code=code, sku=sku, owner=owner[0], row=row)
            return msg("barcode.clash", code=code, sku=sku, owner=owner[0])
        return None

    def claim(self, sku: str, codes: Mapping[str, int], row: int | None = None) -> None:
        """Records that `sku` holds `codes` from now on (after `clash` said it may)."""
        for code, units in codes.items():
            if code not in self._owners or self._owners[code][0] != sku:
                self._rows[code] = row if row is not None else 0
            self._owners[code] = (sku, units)

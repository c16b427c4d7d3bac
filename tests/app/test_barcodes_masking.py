"""Product barcodes (GTIN check digits, GS1 element strings from scanners) and privacy masking."""

from __future__ import annotations

import pytest

from app.domain.barcodes import gtin_check_digit, is_valid_gtin, make_ean13, normalize_scan
from app.domain.masking import mask_name, mask_phone

# -- GTIN check digits --------------------------------------------------------------------------------------------

VALID_GTINS = [
    "4006381333931",  # EAN-13 (Stabilo), the textbook example
    "6901234567892",  # EAN-13, China prefix 690
    "036000291452",  # UPC-A
    "96385074",  # EAN-8
    "16940166000401",  # GTIN-14, packaging indicator 1
    "06901234567892",  # GTIN-14 with leading 0 around an EAN-13
]


@pytest.mark.parametrize("code", VALID_GTINS)
def test_real_gtins_are_valid(code: str) -> None:
    assert is_valid_gtin(code)
    assert gtin_check_digit(code[:-1]) == int(code[-1])


@pytest.mark.parametrize(
    "code",
    [
        "4006381333932",  # wrong check digit
        "4006381333913",  # two digits swapped
        "6901234567891",
        "690123456789",  # 12 digits but not a UPC-A with a right check digit
        "12345",  # no GTIN length
        "400638133393X",
        "",
        "1694016600040166",  # 16 digits
    ],
)
def test_wrong_gtins_are_invalid(code: str) -> None:
    assert not is_valid_gtin(code)


def test_check_digit_examples() -> None:
    assert gtin_check_digit("400638133393") == 1
    assert gtin_check_digit("690123456789") == 2
    assert gtin_check_digit("1694016600040") == 1
    assert gtin_check_digit("000000000000") == 0


def test_check_digit_rejects_non_digits() -> None:
    with pytest.raises(ValueError):
        gtin_check_digit("69012345678A")


def test_make_ean13() -> None:
    assert make_ean13("690123456789") == "6901234567892"
    assert make_ean13("400638133393") == "4006381333931"
    with pytest.raises(ValueError):
        make_ean13("69012345678")
    with pytest.raises(ValueError):
        make_ean13("6901234567890")


# -- normalize_scan ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scanned", "key"),
    [
        ("(01)16940166000401", "16940166000401"),  # human-readable form with parentheses
        ("]C10116940166000401", "16940166000401"),  # GS1-128 with its symbology identifier
        ("]d20116940166000401", "16940166000401"),  # GS1 DataMatrix
        ("]Q30116940166000401", "16940166000401"),  # GS1 QR
        ("]C1\x1d0116940166000401", "16940166000401"),  # leading FNC1 transmitted as GS
        ("\x1d0116940166000401\x1d10LOT42", "16940166000401"),  # FNC1 before and after, batch AI (10) follows
        ("]C10116940166000401" + "10LOT42", "16940166000401"),  # AI (01) then (10) without separator
        ("(01)16940166000401(10)LOT42", "16940166000401"),
        ("(01)06901234567892", "6901234567892"),  # GTIN-14 carrying an EAN-13 -> the EAN-13
        ("06901234567892", "6901234567892"),  # bare GTIN-14 with leading 0 (ITF-14 on an inner pack)
        ("16940166000401", "16940166000401"),  # bare GTIN-14 of a case stays a GTIN-14
        ("6901234567892", "6901234567892"),
        ("  6901234567892\r\n", "6901234567892"),  # scanner suffix and stray spaces trimmed
        ("\t4917569714976318074 ", "4917569714976318074"),  # order numbers pass through trimmed
        ("SF1023574470215", "SF1023574470215"),  # tracking numbers pass through
        ("ABC-123", "ABC-123"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize_scan(scanned: str, key: str) -> None:
    assert normalize_scan(scanned) == key


def test_bare_gs1_element_string_without_symbology_identifier() -> None:
    """A GS1-128 case label with only AI (01), read by a scanner that does not send the ]C1 prefix (the default on
    most keyboard-wedge scanners), arrives as "01" + GTIN-14. The docstring promises the GTIN-14 "with or without the
    symbology identifier, parentheses or FNC1 separators"."""
    assert normalize_scan("0116940166000401") == "16940166000401"


def test_gtin14_with_leading_zero_but_bad_check_digit_is_left_alone() -> None:
    assert normalize_scan("06901234567891") == "06901234567891"


def test_element_string_with_a_bad_gtin_is_not_turned_into_a_product_code() -> None:
    assert normalize_scan("(01)16940166000402") == "(01)16940166000402"


def test_normalize_is_idempotent() -> None:
    for scanned in ("(01)16940166000401", "]C10116940166000401", "06901234567892", " x "):
        once = normalize_scan(scanned)
        assert normalize_scan(once) == once


# -- masking ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("欧阳明华", "欧**"),  # issue 10: the first character, then asterisks (the compound surname is not kept)
        ("张三丰", "张**"),
        ("张三", "张**"),  # the mask does not tell how long the name is
        ("王", "王**"),  # a one-character name still hides something
        (" 李四 ", "李**"),
        ("Alice", "A**"),
        ("张*", "张*"),  # already masked by the platform: unchanged
        ("欧**", "欧**"),
        ("李＊＊", "李＊＊"),  # full-width asterisks are a mask too
        ("", ""),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13912345678", "139****5678"),
        ("13812345678", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("+86 139 1234 5678", "139****5678"),
        ("8613912345678", "139****5678"),
        ("138****5678", "138****5678"),  # already masked: unchanged
        ("0571-88886666", "0571-****6666"),  # landline: the area code stays
        ("057188886666", "0571-****6666"),
        ("(0571) 8888666", "0571-***8666"),  # seven-digit local number
        ("010-12345678", "010-****5678"),  # three-digit area codes: 010, 02x
        ("021 6666 8888", "021-****8888"),
        ("0571-88886666-801", "0571-****6666-801"),  # the extension stays readable
        ("17012345678-1234", "170****5678-1234"),  # a virtual number with its four-digit extension
        ("13912345678转1234", "139****5678-1234"),
        ("138****5678-1234", "138****5678-1234"),
        ("88886666", "****6666"),  # a local number without its area code
        ("4001234567", "40****4567"),
        ("12345", "12345"),  # too short to be a phone number: unchanged
        ("", ""),
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    "value",
    ["欧阳明华", "王", "13912345678", "0571-88886666", "0571-88886666-801", "17012345678-1234", "88886666", "12345"],
)
def test_masking_is_idempotent(value: str) -> None:
    for mask in (mask_name, mask_phone):
        once = mask(value)
        assert mask(once) == once


def test_masked_mobile_hides_every_middle_digit() -> None:
    for phone in ("13812345678", "15900001111", "19912345678"):
        masked = mask_phone(phone)
        assert masked[:3] == phone[:3] and masked[-4:] == phone[-4:]
        assert set(masked[3:-4]) == {"*"}
        assert len(masked) == len(phone)

"""The catalogue's barcode rules (app.domain.barcodes) and which product an order line names (app.domain.products),
as properties over generated codes (hypothesis) beside a few spelled-out examples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.barcodes import (
    BarcodeBook,
    BarcodeError,
    case_code,
    case_indicator,
    gtin_check_digit,
    product_code,
    split_codes,
    unit_code,
)
from app.domain.packing import BarcodeHit
from app.domain.products import CatalogueEntry, Product, ProductKeys, Stock, aliases_of, link_skus

bodies = st.sampled_from([11, 12, 13]).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n))
KIND = {12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}


def with_check(body: str) -> str:
    return body + str(gtin_check_digit(body))


@given(bodies)
def test_a_gtin_with_its_check_digit_is_kept(body: str) -> None:
    code = with_check(body)
    kept = product_code(code)
    # a GTIN-14 starting with 0 is the EAN-13 inside it, as a scan of it is looked up
    assert kept == (code[1:] if len(code) == 14 and code[0] == "0" else code)


@given(bodies, st.integers(1, 9))
def test_a_wrong_check_digit_is_refused_naming_the_right_one(body: str, shift: int) -> None:
    right = gtin_check_digit(body)
    wrong = (right + shift) % 10
    code = body + str(wrong)
    with pytest.raises(BarcodeError) as refused:
        product_code(code)
    params = refused.value.msg.params
    assert (params["digit"], params["expected"]) == (str(wrong), right)
    assert params["kind"] == KIND[len(code)] or (len(code) == 14 and code[0] == "0")
    assert f"need {right}" in refused.value.message


@given(bodies, st.data())
def test_any_single_digit_typo_is_caught(body: str, data: st.DataObject) -> None:
    """GS1's mod-10 catches every single wrong digit: a typed code that differs in one place never passes."""
    code = with_check(body)
    at = data.draw(st.integers(0, len(code) - 1))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != code[at]]))
    typo = code[:at] + digit + code[at + 1 :]
    with pytest.raises(BarcodeError, match="check digit"):
        product_code(typo)


@given(st.text("0123456789", min_size=12, max_size=12))
def test_full_width_digits_read_as_the_code(body: str) -> None:
    code = with_check(body)
    full_width = "".join(chr(ord(c) - ord("0") + ord("０")) for c in code)
    assert product_code(full_width) == code


@given(st.text("0123456789", min_size=13, max_size=13), st.integers(1, 8), st.integers(2, 9999))
def test_a_gs1_case_code_counts_its_units_and_is_no_single_piece(body: str, indicator: int, units: int) -> None:
    code = with_check(f"{indicator}{body[:12]}")
    assert case_indicator(code) == indicator
    assert case_code(code, units) == code
    assert case_code(f"(01){code}", units) == code  # as a GS1-128 label's text gives it
    with pytest.raises(BarcodeError, match="case code"):
        unit_code(code)


@pytest.mark.parametrize("units", [-1, 0, 1, 10_000])
def test_a_case_holds_2_to_9999_pieces(units: int) -> None:
    with pytest.raises(BarcodeError, match="2 to 9999"):
        case_code(with_check("1690123456789"), units)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("6.90123E+12", "scientific notation"),
        ("ABC DEF", "spaces"),
        ("X" * 65, "longer than the 64"),
    ],
)
def test_codes_that_can_never_scan_are_refused(text: str, reason: str) -> None:
    with pytest.raises(BarcodeError, match=reason):
        product_code(text)


@pytest.mark.parametrize("code", ["SKU-001-A", "12345678", "96385074", "A1B2C3", "1234567890"])
def test_other_codes_are_kept_as_they_are(code: str) -> None:
    """A seller's own Code 128 labels, an EAN-8 or an internal number: no GTIN check digit to verify."""
    assert product_code(f" {code} ") == code


codes = st.text("ABCDEFGHJK0123456789-", min_size=1, max_size=14)


@given(st.lists(codes, min_size=1, max_size=6), st.lists(st.sampled_from([",", ";", "/", " ", "，", "、", " / "])))
def test_a_cell_splits_into_its_codes_in_order_each_once(parts: list[str], seps: list[str]) -> None:
    cell = ""
    for i, part in enumerate(parts):
        cell += part + (seps[i % len(seps)] if seps else ",")
    assert split_codes(cell) == list(dict.fromkeys(parts))


@given(st.lists(st.tuples(st.sampled_from("ABCD"), st.sampled_from(["c1", "c2", "c3", "c4", "c5"])), max_size=12))
def test_one_barcode_names_one_sku(claims: list[tuple[str, str]]) -> None:
    """Whatever order rows claim codes in, a code ends with the first SKU that claimed it, and every later claim of
    it by another SKU is refused naming both."""
    book = BarcodeBook({"c1": ("A", 1)})
    owner: dict[str, str] = {"c1": "A"}
    for row, (sku, code) in enumerate(claims, start=2):
        clash = book.clash(sku, {code: 1})
        if code in owner and owner[code] != sku:
            assert clash is not None and {clash.params["sku"], clash.params["owner"]} == {sku, owner[code]}
            continue
        assert clash is None
        book.claim(sku, {code: 1}, row)
        owner.setdefault(code, sku)


def test_a_clash_says_where_the_code_was_claimed() -> None:
    book = BarcodeBook({"690": ("TEE-01", 1)})
    assert book.clash("MUG-03", {"690": 1}).render().startswith("barcode 690 already belongs to SKU TEE-01")
    book.claim("MUG-03", {"691": 1}, 7)
    said = book.clash("TEE-01", {"691": 1}).render()
    assert "SKU MUG-03 on row 7" in said and "SKU TEE-01" in said


keys = st.sampled_from(["", "A", "B", "C", "D"])


@given(st.lists(st.tuples(keys, keys, keys), max_size=6), st.lists(st.sampled_from("ABCDEX"), max_size=6))
def test_a_line_names_the_product_of_its_sku_else_the_only_one_with_that_key(
    products: list[tuple[str, str, str]], wanted: list[str]
) -> None:
    catalogue = [ProductKeys(i, f"SKU{i}", s, o, it) for i, (s, o, it) in enumerate(products)]
    catalogue.append(ProductKeys(99, "D"))  # D is a product's own SKU
    found = link_skus(wanted, catalogue)
    for text in wanted:
        if text == "D":
            assert found[text] == 99
            continue
        for attr in ("sku_id", "outer_id", "item_id"):
            holders = {p.id for p in catalogue if getattr(p, attr) == text}
            if len(holders) == 1:
                assert found[text] == holders.pop()
                break
        else:
            assert text not in found


def test_aliases_are_the_keys_that_name_the_product_alone() -> None:
    a, b = ProductKeys(1, "TEE-WHITE", outer_id="TEE"), ProductKeys(2, "MUG-RED", outer_id="MUG")
    c = ProductKeys(3, "MUG-GREEN", outer_id="MUG")
    links = link_skus(["TEE", "MUG"], [a, b, c])
    assert (aliases_of(a, links), aliases_of(b, links)) == (("TEE",), ())


def test_a_hit_counts_as_the_parcel_names_the_product() -> None:
    hit = BarcodeHit("TEE-WHITE", 1, ("TEE",))
    assert hit.within({"TEE": 2}) == BarcodeHit("TEE", 1)
    assert hit.within({"TEE-WHITE": 1, "TEE": 2}) is hit  # its own SKU first
    assert hit.within({"MUG": 1}) is hit  # a wrong item stays one


def test_an_entry_changes_only_what_it_says() -> None:
    current = Product("TEE", "T恤", weight_g=200, stock=Stock(10, 0, 2), barcodes=("690",))
    entry = CatalogueEntry("TEE", title="T恤", weight_g=None, on_hand=7, codes={"690": 1, "691": 1})
    assert entry.changes(current) == {"on_hand": 7}
    assert entry.new_codes(current) == {"691": 1}
    assert CatalogueEntry("TEE", codes={"690": 6}).new_codes(current) == {"690": 6}
    assert CatalogueEntry("TEE", title="T恤").changes(None) == {"title": "T恤"}

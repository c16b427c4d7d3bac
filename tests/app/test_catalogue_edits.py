"""Editing the catalogue by hand (app.services.catalogue): a barcode taken off its SKU, the weight and the safety stock
changed, a scanned code's product found for a stock count; refusals change nothing and say why; every change is
audited, an unchanged value is not."""

from __future__ import annotations

import pytest
from pdtest.product_sheets import case_of, ean
from sqlalchemy import select

from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import of_error
from app.persistence.rows import AuditRow
from app.services.audit import Actor
from app.services.catalogue import (
    bind_barcode,
    change_product,
    list_products,
    product_by_code,
    unbind_barcode,
)
from app.services.workspace import Workspace

ACTOR = Actor("seller", "office")


def _product(ws: Workspace, sku: str):  # noqa: ANN202
    (found,) = [p for p in list_products(ws.session_factory, search=sku) if p.sku == sku]
    return found


def _audits(ws: Workspace, action: str) -> list[tuple[str, dict]]:
    with ws.session_factory() as session:
        rows = session.execute(select(AuditRow).where(AuditRow.action == action).order_by(AuditRow.id)).scalars()
        return [(r.entity_id, r.detail) for r in rows]


def test_a_barcode_taken_off_its_sku_is_unknown_again_and_audited(demo: Workspace) -> None:
    sf = demo.session_factory
    case = case_of("6927421000331")
    bind_barcode(sf, "BOX-01", case, 12, ACTOR)
    assert product_by_code(sf, case).units == 12  # type: ignore[union-attr]

    product = unbind_barcode(sf, "BOX-01", case, ACTOR)

    assert product.case_packs == () and product.barcodes == ("6927421000331",)
    assert product_by_code(sf, case) is None
    assert _audits(demo, "unbind_barcode")[-1][0] == case


def test_a_barcode_of_another_sku_or_of_none_is_not_removed(demo: Workspace) -> None:
    sf = demo.session_factory
    with pytest.raises(InvalidInput) as other:
        unbind_barcode(sf, "BOX-02", "6927421000331", ACTOR)
    assert "BOX-01" in of_error(other.value).render() and "BOX-02" in of_error(other.value).render()
    with pytest.raises(InvalidInput):
        unbind_barcode(sf, "BOX-02", ean(98), ACTOR)
    with pytest.raises(NotFound):
        unbind_barcode(sf, "NO-SUCH-SKU", "6927421000331", ACTOR)
    assert _product(demo, "BOX-01").barcodes == ("6927421000331",)
    assert _audits(demo, "unbind_barcode") == []


def test_weight_and_safety_stock_change_and_the_sku_turns_low(demo: Workspace) -> None:
    sf = demo.session_factory
    before = _product(demo, "BOX-03")
    assert not before.stock.low

    after = change_product(sf, "BOX-03", ACTOR, weight_g=305, safety=before.stock.available + 1)

    assert after.weight_g == 305 and after.stock.safety == before.stock.available + 1 and after.stock.low
    assert _product(demo, "BOX-03") == after
    ((entity, detail),) = _audits(demo, "change_product")
    assert entity == "BOX-03" and detail["weight_g"] == [280, 305]
    change_product(sf, "BOX-03", ACTOR, weight_g=305)  # nothing changes: nothing audited
    assert len(_audits(demo, "change_product")) == 1


@pytest.mark.parametrize(("weight", "safety"), [(-1, None), (1_000_001, None), (None, -5), (None, 10_000_001)])
def test_out_of_range_values_are_refused_and_change_nothing(demo: Workspace, weight: int, safety: int) -> None:
    before = _product(demo, "BOX-03")
    with pytest.raises(InvalidInput):
        change_product(demo.session_factory, "BOX-03", ACTOR, weight_g=weight, safety=safety)
    assert _product(demo, "BOX-03") == before


def test_a_scanned_code_names_its_product_and_the_pieces_it_counts(demo: Workspace) -> None:
    hit = product_by_code(demo.session_factory, " 06927421000331 ")  # a GTIN-14 of the EAN-13, as some scanners send
    assert hit is not None and (hit.product.sku, hit.units, hit.tracked) == ("BOX-01", 1, False)
    assert hit.product.stock.on_hand == _product(demo, "BOX-01").stock.on_hand
    assert product_by_code(demo.session_factory, "NOT-A-CODE") is None
    assert product_by_code(demo.session_factory, "   ") is None

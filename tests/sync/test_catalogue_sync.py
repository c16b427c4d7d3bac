"""The catalogue synced from the loopback TOP gateway (tests/pdtest/top_items.py): paging, barcodes and their
refusals, a second sync that changes nothing, changed items, faults, windows too large to page through, resuming."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pdtest.top_items import ean13, spoiled
from pdtest.top_server import TopServer
from sqlalchemy import select

import app.sync.catalogue as catalogue
from app.domain.enums import Platform
from app.persistence.catalogue_sync import CatalogueSyncRepository
from app.persistence.rows import BarcodeRow, ProductRow
from app.services.catalogue import list_products
from app.services.workspace import Workspace
from app.sync.catalogue import CatalogueSync, CatalogueSyncReport, entries_of, spec_of, sync_catalogues
from app.sync.catalogue_answers import Item
from app.sync.shops import Credentials, add_api_shop
from app.sync.top import RetryPolicy, SessionExpired, TopClient
from app.sync.top_answers import convert

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
FAST = RetryPolicy(attempts=30, backoff_s=0.001, max_backoff_s=0.005)


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=4, n_trades=20) as srv:
        srv.items.add_generated(1200, seed=4)
        yield srv


def add_shop(ws: Workspace, srv: TopServer, name: str = "淘宝店") -> int:
    with ws.session_factory.begin() as session:
        shop, _ = add_api_shop(
            session, ws.data_dir, name=name, platform=Platform.TAOBAO, gateway=srv.url, app_key=APP_KEY,
            credentials=Credentials(SECRET, SESSION), now=datetime.now(UTC),
        )  # fmt: skip
        return shop.id


def run(ws: Workspace, srv: TopServer, shop_id: int, **kw: Any) -> CatalogueSyncReport:
    with TopClient(srv.url, APP_KEY, SECRET, SESSION, retry=FAST, sleep=lambda _s: None) as client:
        return CatalogueSync(ws.session_factory, shop_id, client, **kw).run()


def digest(ws: Workspace) -> str:
    conn = sqlite3.connect(ws.data_dir / "packdesk.db")
    try:
        rows = [conn.execute(f"select * from {t} order by 1").fetchall() for t in ("products", "barcodes")]  # noqa: S608
        return hashlib.sha256(repr(rows).encode()).hexdigest()
    finally:
        conn.close()


def expected(srv: TopServer) -> dict[str, dict[str, Any]]:
    """SKU -> what the catalogue should hold of it, worked out from the gateway's items by the documented rule."""
    found: dict[str, dict[str, Any]] = {}
    for num_iid, item in srv.items.items.items():
        uncoded = [s for s in item["skus"] if not s.get("outer_id")]
        for s in item["skus"]:
            key = s.get("outer_id") or (item.get("outer_id") if len(uncoded) == 1 else None) or str(s["sku_id"])
            found[key] = {"item_id": num_iid, "sku_id": str(s["sku_id"]), "barcode": s.get("barcode", "")}
    return found


def catalogue_rows(ws: Workspace) -> dict[str, tuple[str, str, str, tuple[str, ...]]]:
    with ws.session_factory() as session:
        products = session.execute(select(ProductRow)).scalars().all()
        return {
            p.sku: (p.item_id or "", p.sku_id or "", p.image_url, tuple(sorted(b.code for b in p.barcodes)))
            for p in products
        }


def test_a_first_sync_lands_every_sku_with_the_barcodes_the_rules_take(workspace: Workspace, server: TopServer) -> None:
    shop_id = add_shop(workspace, server)
    report = run(workspace, server, shop_id)
    want = expected(server)
    held = catalogue_rows(workspace)
    assert report.error is None and report.windows == 1 and report.pages >= 3  # 200 items a page, read back to front
    assert set(held) == set(want) and report.added == len(want) == report.skus
    assert report.items == len(server.items.items)
    # every call of the detail method names at most 20 items, and each item is read once
    calls = server.items.detail_calls
    assert max(map(len, calls)) == 20 and sorted(i for c in calls for i in c) == sorted(server.items.items)

    codes = [w["barcode"] for w in want.values() if w["barcode"]]
    firsts = {c for n, c in enumerate(codes) if c not in codes[:n]}
    rejected = {(r.sku, r.barcode): r.to_json()["reason"] for r in report.rejected}
    for sku, w in want.items():
        item_id, sku_id, picture, bound = held[sku]
        assert (item_id, sku_id) == (w["item_id"], w["sku_id"]) and picture.startswith("https://img.alicdn.com/")
        code = w["barcode"]
        if not code:
            assert bound == () and (sku, code) not in rejected
        elif code != ean13(code[:12]):
            assert bound == () and "check digit" in rejected[(sku, code)]
        elif bound == (code,):
            assert code in firsts
        else:  # another SKU holds it: named in the reason
            assert bound == () and "already belongs to SKU" in rejected[(sku, code)]
    assert len(rejected) == len(report.rejected) > 0
    assert report.barcodes_added == sum(1 for v in held.values() if v[3])

    missing = list_products(workspace.session_factory, missing_barcode=True, limit=100_000)
    assert {p.sku for p in missing if p.known} == {sku for sku, v in held.items() if not v[3]}


def test_a_second_sync_changes_nothing_and_reads_no_item_again(workspace: Workspace, server: TopServer) -> None:
    shop_id = add_shop(workspace, server)
    run(workspace, server, shop_id)
    before, calls = digest(workspace), len(server.items.detail_calls)
    again = run(workspace, server, shop_id, clock=lambda: datetime.now(UTC) + timedelta(minutes=1))
    assert digest(workspace) == before and len(server.items.detail_calls) == calls
    assert (again.items, again.added, again.changed, again.barcodes_added, again.rejected) == (0, 0, 0, 0, [])


def test_a_changed_item_is_read_again_and_its_new_barcode_lands(workspace: Workspace, server: TopServer) -> None:
    shop_id = add_shop(workspace, server)
    run(workspace, server, shop_id)
    num_iid, item = next((i, it) for i, it in server.items.items.items() if any("barcode" not in s for s in it["skus"]))
    sku = next(s for s in item["skus"] if "barcode" not in s)
    code = ean13("690000000123")
    with server._lock:
        server.items.touch_sku(num_iid, sku["sku_id"], barcode=code)
        server.items.touch(num_iid, title="新标题 已改")
    later = run(workspace, server, shop_id, clock=lambda: datetime.now(UTC) + timedelta(minutes=1))
    assert later.items == 1 and later.changed == len(item["skus"]) and later.added == 0 and later.barcodes_added == 1
    with workspace.session_factory() as session:
        owner = session.execute(select(ProductRow.sku_id).join(BarcodeRow).where(BarcodeRow.code == code)).scalar_one()
        titles = set(session.execute(select(ProductRow.title).where(ProductRow.item_id == num_iid)).scalars())
    assert owner == str(sku["sku_id"]) and titles == {"新标题 已改"}


def test_faults_on_every_read_change_nothing_of_the_result(workspace: Workspace, server: TopServer) -> None:
    shop_id = add_shop(workspace, server)
    server.faults.rate_limit = 0.15
    server.faults.server_error = 0.1
    server.faults.drop = 0.1
    report = run(workspace, server, shop_id)
    assert report.error is None and set(catalogue_rows(workspace)) == set(expected(server))
    assert server.injected["rate_limit"] and server.injected["server_error"] and server.injected["drop"]


def test_a_window_too_large_to_page_through_is_halved(
    workspace: Workspace, server: TopServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalogue, "MAX_ROWS", 150)  # the platform's 20,000, scaled to this catalogue
    shop_id = add_shop(workspace, server)
    report = run(workspace, server, shop_id)
    assert report.windows > 2 and set(catalogue_rows(workspace)) == set(expected(server))


def test_a_sync_cut_off_resumes_at_its_page(workspace: Workspace, server: TopServer) -> None:
    shop_id = add_shop(workspace, server)
    seen: list[int] = []

    def stop_after_two(what: str, n: int) -> None:
        seen.append(n)
        if len(seen) == 2:
            raise KeyboardInterrupt  # the process dies here (a kill between two pages)

    with pytest.raises(KeyboardInterrupt):
        run(workspace, server, shop_id, progress=stop_after_two)
    with workspace.session_factory() as session:
        state = CatalogueSyncRepository(session).state(shop_id)
    assert state.watermark is None and state.cursor is not None and state.cursor["page"] >= 1
    stored = len(catalogue_rows(workspace))
    assert stored == seen[-1]
    listed_before = server.calls["taobao.items.onsale.get"]
    report = run(workspace, server, shop_id)
    assert report.resumed and report.error is None and report.added == len(expected(server)) - stored
    assert set(catalogue_rows(workspace)) == set(expected(server))
    # resumed at its page: the pages already stored are not listed again (one extra listing: the tail window)
    pages = state.cursor["pages"]
    assert server.calls["taobao.items.onsale.get"] - listed_before <= state.cursor["page"] + 2 < pages + 2


def test_an_expired_session_says_so_and_keeps_the_catalogue(workspace: Workspace, server: TopServer) -> None:
    add_shop(workspace, server)
    server.faults.expired_session = True
    (report,) = sync_catalogues(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert report.error and "authorize" in report.error.lower() and catalogue_rows(workspace) == {}
    with pytest.raises(SessionExpired):
        sync_catalogues(workspace.session_factory, workspace.data_dir, "淘宝店", retry=FAST)


def test_the_window_syncs_through_the_desk(workspace: Workspace, server: TopServer) -> None:
    from app.facade import Desk
    from app.services.audit import Actor

    add_shop(workspace, server)
    desk = Desk(workspace.session_factory, workspace.data_dir, Actor("店主", "office"))
    summary = desk.sync_catalogue()
    assert summary.errors == [] and summary.added == len(expected(server)) and summary.barcodes_added > 0
    assert summary.rejected and all(r.message for r in summary.rejected)
    again = desk.sync_catalogue("淘宝店")
    assert (again.added, again.changed, again.rejected) == (0, 0, [])
    server.faults.expired_session = True
    assert [shop for shop, _why in desk.sync_catalogue().errors] == ["淘宝店"]  # every shop: said, not raised
    with pytest.raises(SessionExpired):
        desk.sync_catalogue("淘宝店")


# -- an item as entries ---------------------------------------------------------------------------------------------


def item(**fields: Any) -> Item:
    return convert({"num_iid": 611, "title": "保温杯", "modified": "2026-01-02 03:04:05", **fields}, Item)


def test_which_sku_an_entry_is() -> None:
    skus = {"sku": [
        {"sku_id": 1, "outer_id": "CUP-W", "properties_name": "1627207:28341:颜色分类:白色;20509:28315:容量:500ml"},
        {"sku_id": 2, "properties_name": "1627207:28320:颜色分类:黑色"},
    ]}  # fmt: skip
    found, rejected = entries_of(item(outer_id="CUP", skus=skus))
    assert [(e.entry.sku, e.entry.spec, e.entry.sku_id) for e in found] == [
        ("CUP-W", "颜色分类:白色;容量:500ml", "1"),
        ("CUP", "颜色分类:黑色", "2"),  # the only SKU without a code: the item's code, as its order lines carry
    ]
    two_uncoded = {"sku": [{"sku_id": 1}, {"sku_id": 2}]}
    assert [e.entry.sku for e in entries_of(item(outer_id="CUP", skus=two_uncoded))[0]] == ["1", "2"]
    assert [e.entry.sku for e in entries_of(item())[0]] == ["611"]  # no SKUs, no code: the item id
    assert rejected == []


def test_the_items_barcode_goes_only_to_an_item_of_one_sku() -> None:
    code = ean13("690123456789")
    (single,), _ = entries_of(item(outer_id="A", barcode=code, skus={"sku": [{"sku_id": 1, "outer_id": "A1"}]}))
    assert dict(single.entry.codes) == {code: 1}
    several, _ = entries_of(
        item(barcode=code, skus={"sku": [{"sku_id": 1, "outer_id": "B1"}, {"sku_id": 2, "outer_id": "B2"}]})
    )
    assert [dict(e.entry.codes) for e in several] == [{}, {}]


def test_a_bad_barcode_is_left_out_and_the_sku_lands() -> None:
    bad = spoiled(ean13("690123456789"))
    (found,), (why,) = entries_of(item(skus={"sku": [{"sku_id": 1, "outer_id": "C1", "barcode": bad}]}))
    assert found.entry.sku == "C1" and dict(found.entry.codes) == {}
    assert why.barcode == bad and "check digit" in why.to_json()["reason"]


def test_spec_and_weight() -> None:
    assert spec_of("1:2:尺码:XL#cln#大;3:4:颜色:红") == "尺码:XL:大;颜色:红"
    (e,), _ = entries_of(item(item_weight="0.35"))
    assert e.entry.weight_g == 350
    (e,), _ = entries_of(item(item_weight="heavy"))
    assert e.entry.weight_g is None

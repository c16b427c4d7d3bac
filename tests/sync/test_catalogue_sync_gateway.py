"""The loopback gateway's item methods answer as the platform documents them (tests/pdtest/top_items.py), and the
catalogue sync stops on a refusal or an answer it does not understand without storing any of that page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pdtest.top_items import LIST, ONSALE, QUANTITY
from pdtest.top_server import TopServer
from sqlalchemy import func, select

from app.domain.enums import Platform
from app.persistence.catalogue_sync import CatalogueSyncRepository
from app.persistence.rows import ProductRow
from app.services.workspace import Workspace
from app.sync.catalogue import sync_catalogues
from app.sync.shops import Credentials, add_api_shop
from app.sync.top import RetryPolicy, TopClient, TopError

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"
FAST = RetryPolicy(attempts=3, backoff_s=0.001, max_backoff_s=0.002)


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=2, n_trades=5) as srv:
        yield srv


@pytest.fixture
def client(server: TopServer) -> Iterator[TopClient]:
    with TopClient(server.url, APP_KEY, SECRET, SESSION, retry=FAST, sleep=lambda _s: None) as c:
        yield c


def refused(client: TopClient, method: str, params: dict[str, object]) -> TopError:
    with pytest.raises(TopError) as caught:
        client.call(method, params)
    return caught.value


def test_the_listing_pages_and_refuses_paging_too_deep(server: TopServer, client: TopClient) -> None:
    server.items.add_generated(500, seed=2)
    base = {"fields": "num_iid,title,modified,skus,barcode", "order_by": "modified:desc", "page_size": 200}
    first = client.call(ONSALE, {**base, "page_no": 1})
    total = first["total_results"]
    assert total == len(server.items.items) and len(first["items"]["item"]) == 200
    assert set(first["items"]["item"][0]) == {"num_iid", "title", "modified"}  # no SKUs nor barcodes in a listing
    modified = [i["modified"] for i in first["items"]["item"]]
    assert modified == sorted(modified, reverse=True)
    past = client.call(ONSALE, {**base, "page_no": total // 200 + 2})
    assert "items" not in past and past["total_results"] == total  # an empty page has no items key
    assert refused(client, ONSALE, {**base, "page_no": 101}).sub_code == "isv.invalid-parameter"  # 101 x 200 > 20,000
    assert refused(client, ONSALE, {**base, "page_size": 201, "page_no": 1}).sub_code == "isv.invalid-parameter"
    window = client.call(ONSALE, {**base, "page_no": 1, "start_modified": modified[1], "end_modified": modified[1]})
    assert all(i["modified"] == modified[1] for i in window["items"]["item"])


def test_details_come_twenty_at_most_with_their_skus_under_sku(server: TopServer, client: TopClient) -> None:
    ids = list(server.items.items)
    answer = client.call(LIST, {"fields": "num_iid,title,barcode,sku", "num_iids": ",".join(ids[:20])})
    items = answer["items"]["item"]
    assert len(items) == 20 and all("sku" in i["skus"] for i in items)
    assert refused(client, LIST, {"fields": "num_iid", "num_iids": ",".join(ids[:21])}).sub_code.startswith("isv.")
    no_skus = client.call(LIST, {"fields": "num_iid,skus", "num_iids": ids[0]})["items"]["item"][0]
    assert "skus" not in no_skus  # the field that brings SKUs is `sku`
    unknown = client.call(LIST, {"fields": "num_iid", "num_iids": "1"})
    assert "items" not in unknown  # an id that is not the seller's: left out, no error


def test_quantity_update_full_and_incremental(server: TopServer, client: TopClient) -> None:
    num_iid, item = next(iter(server.items.items.items()))
    sku_id = item["skus"][0]["sku_id"]
    full = client.call(QUANTITY, {"num_iid": num_iid, "sku_id": sku_id, "quantity": 7, "type": 1}, write=True)
    assert full["item"]["skus"]["sku"][0]["quantity"] == 7 == server.items.quantity(num_iid, sku_id)
    client.call(QUANTITY, {"num_iid": num_iid, "sku_id": sku_id, "quantity": -2, "type": 2}, write=True)
    assert server.items.quantity(num_iid, sku_id) == 5
    assert refused(client, QUANTITY, {"num_iid": num_iid, "sku_id": sku_id, "quantity": -1, "type": 1}).sub_code
    assert refused(client, QUANTITY, {"num_iid": num_iid, "sku_id": 1, "quantity": 1}).sub_code.startswith("isv.")
    assert refused(client, QUANTITY, {"num_iid": "9", "quantity": 1}).sub_code == "isv.item-not-exist"
    assert [p["quantity"] for p in server.items.pushes] == [7, -2]


def add_shop(ws: Workspace, srv: TopServer) -> None:
    with ws.session_factory.begin() as session:
        add_api_shop(
            session, ws.data_dir, name="淘宝店", platform=Platform.TAOBAO, gateway=srv.url, app_key=APP_KEY,
            credentials=Credentials(SECRET, SESSION), now=datetime.now(UTC),
        )  # fmt: skip


def products(ws: Workspace) -> int:
    with ws.session_factory() as session:
        return session.execute(select(func.count()).select_from(ProductRow)).scalar_one()


def test_a_refusal_stops_the_sync_with_the_platforms_words(
    workspace: Workspace, server: TopServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    add_shop(workspace, server)
    busy = {"code": 15, "msg": "Remote service error", "sub_code": "isv.item-list-error", "sub_msg": "商品服务繁忙"}
    server.answer_raw(LIST, {"error_response": busy})
    (report,) = sync_catalogues(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert report.error and "商品服务繁忙" in report.error and products(workspace) == 0
    with workspace.session_factory() as session:
        state = CatalogueSyncRepository(session).state(1)
    assert state.last_error is not None and state.watermark is None

    server.answer_raw(LIST, b'{"items_seller_list_get_response":{"items":{"item":[{"num_iid":"x"}]}}}')
    (report,) = sync_catalogues(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert report.error and "num_iid" in report.error and products(workspace) == 0  # not understood: nothing stored

    server.answer_raw(LIST, None)
    (report,) = sync_catalogues(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert report.error is None and products(workspace) == sum(len(i["skus"]) for i in server.items.items.values())
    with workspace.session_factory() as session:
        assert CatalogueSyncRepository(session).state(1).last_error is None

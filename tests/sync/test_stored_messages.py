"""Why a ship-back waits and why a shop's sync failed are stored as messages (id and parameters), so they are said
later in whichever language the reader uses; JSON output keeps their English, and rows written before messages had
ids still read as their text. Over real HTTP to the loopback TOP gateway, on a real SQLite file."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pdtest.top_server import TopServer
from pdtest.top_shop import synced_shop, waiting
from sqlalchemy import select, update

from app.cli import main
from app.domain.messages import Message
from app.persistence.rows import OutboxRow, SyncStateRow
from app.services.audit import Actor
from app.services.shipping import ship_order
from app.services.workspace import Workspace
from app.sync.service import flush_outbox, outbox_items, sync_shops, sync_status
from app.sync.shops import list_shops
from app.sync.top import RetryPolicy

FAST = RetryPolicy(attempts=2, backoff_s=0.01, max_backoff_s=0.01)
TABLE = {  # a reader's language: each template of these messages said otherwise
    "Taobao failed (HTTP {status}) during {method}.": "淘宝在 {method} 时出错（HTTP {status}）。",
    "Taobao no longer accepts this shop's session key (it has expired or was revoked). "
    "Authorize the shop again and update it with `packdesk shop add`.": "淘宝不再接受这个店铺的授权。",
}


@pytest.fixture(autouse=True)
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")


@pytest.fixture
def server() -> Iterator[TopServer]:
    with TopServer(seed=5, n_trades=40) as srv:
        yield srv


def stored(ws: Workspace, column: object) -> list[str | None]:
    with ws.session_factory() as session:
        return list(session.scalars(select(column)))  # type: ignore[call-overload]


def cli_json(ws: Workspace, *args: str) -> object:
    out = io.StringIO()
    main(["--data-dir", str(ws.data_dir), *args, "--json"], out=out)
    return json.loads(out.getvalue())


def test_a_ship_backs_last_error_round_trips_as_a_message(workspace: Workspace, server: TopServer) -> None:
    synced_shop(workspace, server)
    tid, _scans, _oid = waiting(workspace, server)
    ship_order(workspace.session_factory, tid, "ZTO", "73600316247086", Actor("t", "bench"), datetime.now(UTC))
    server.faults.server_error = 1.0
    server.faults.only_methods = frozenset({"taobao.logistics.offline.send"})
    flush_outbox(workspace.session_factory, workspace.data_dir, retry=FAST)

    (raw,) = stored(workspace, OutboxRow.last_error)
    message = Message.decode(raw)
    assert message is not None and message.id == "top.unclear.http"
    assert dict(message.params) == {"status": 500, "method": "taobao.logistics.offline.send"}
    english = "Taobao failed (HTTP 500) during taobao.logistics.offline.send."
    assert message.render(lambda t: TABLE.get(t, t)) == "淘宝在 taobao.logistics.offline.send 时出错（HTTP 500）。"

    (item,) = outbox_items(workspace.session_factory)
    assert item["last_error"] == message  # the window gets the message itself
    (listed,) = cli_json(workspace, "outbox", "list")  # type: ignore[misc]
    assert listed["last_error"] == english  # JSON: the English, as before


def test_a_sync_error_round_trips_as_a_message(workspace: Workspace, server: TopServer) -> None:
    synced_shop(workspace, server)
    server.faults.expired_session = True
    (report,) = sync_shops(workspace.session_factory, workspace.data_dir, retry=FAST)
    assert report.message is not None and report.message.id == "top.session_expired"

    (raw,) = stored(workspace, SyncStateRow.last_error)
    assert Message.decode(raw) == report.message
    status = sync_status(workspace.session_factory)
    assert status.last_error == report.message
    assert status.to_json()["last_error"] == report.error and report.error.startswith("Taobao no longer accepts")
    assert status.last_error.render(lambda t: TABLE.get(t, t)) == "淘宝不再接受这个店铺的授权。"
    with workspace.session_factory() as session:
        (shop,) = list_shops(session)
    assert shop.last_error == report.message
    (shop_json,) = cli_json(workspace, "sync")["shops"]  # type: ignore[index]
    assert shop_json["error"] == report.error


def test_reasons_stored_before_messages_had_ids_read_as_their_text(workspace: Workspace, server: TopServer) -> None:
    synced_shop(workspace, server)
    tid, _scans, _oid = waiting(workspace, server)
    ship_order(workspace.session_factory, tid, "ZTO", "73600316247086", Actor("t", "bench"), datetime.now(UTC))
    with workspace.session_factory.begin() as session:
        session.execute(update(OutboxRow).values(last_error="Taobao refused it (an older release's words)"))
    (item,) = outbox_items(workspace.session_factory)
    assert item["last_error"] == Message.plain("Taobao refused it (an older release's words)")
    (listed,) = cli_json(workspace, "outbox", "list")  # type: ignore[misc]
    assert listed["last_error"] == "Taobao refused it (an older release's words)"

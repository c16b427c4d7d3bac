"""`packdesk products sync` and `packdesk shop set --push-stock` in the shell's words: counts and what was left out,
a shop that cannot sync, a shop that does not exist."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pdtest.top_server import TopServer

from app.cli import main
from app.cli.common import EXIT_ERROR
from app.domain.enums import Platform
from app.services.workspace import Workspace
from app.sync.shops import Credentials, add_api_shop, ensure_shop

APP_KEY, SECRET, SESSION = "12345678", "helloworld", "test-session"


@pytest.fixture
def shop(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Iterator[TopServer]:
    monkeypatch.setenv("PACKDESK_KEYRING", "file")
    with TopServer(app_key=APP_KEY, secret=SECRET, session=SESSION, seed=12, n_trades=5) as srv:
        srv.items.add_generated(300, seed=12)
        with workspace.session_factory.begin() as session:
            add_api_shop(
                session, workspace.data_dir, name="淘宝店", platform=Platform.TAOBAO, gateway=srv.url,
                app_key=APP_KEY, credentials=Credentials(SECRET, SESSION), now=datetime.now(UTC),
            )  # fmt: skip
            ensure_shop(session, "表格店", Platform.TAOBAO, datetime.now(UTC))
        yield srv


def packdesk(ws: Workspace, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--data-dir", str(ws.data_dir), *args], out=out)
    return code, out.getvalue()


def test_products_sync_says_what_it_did(workspace: Workspace, shop: TopServer, capsys: pytest.CaptureFixture) -> None:
    code, text = packdesk(workspace, "products", "sync")
    assert code == 0
    *left_out, summary = text.splitlines()
    assert summary.startswith("淘宝店: ") and "SKUs new" in summary and "barcodes added" in summary
    assert left_out and all(line.startswith("淘宝店 item ") for line in left_out)
    assert any("check digit" in line for line in left_out) and any("already belongs" in line for line in left_out)
    code, again = packdesk(workspace, "products", "sync", "--shop", "淘宝店", "--json")
    (report,) = json.loads(again)["shops"]
    assert code == 0 and report["skus_added"] == 0 and report["items"] == 0 and report["rejected"] == []


def test_a_shop_that_cannot_sync_is_refused(
    workspace: Workspace, shop: TopServer, capsys: pytest.CaptureFixture
) -> None:
    assert packdesk(workspace, "products", "sync", "--shop", "表格店") == (EXIT_ERROR, "")
    assert "no API connection, so its catalogue cannot be synced" in capsys.readouterr().err
    assert packdesk(workspace, "products", "sync", "--shop", "无此店")[0] == EXIT_ERROR
    assert "No shop named" in capsys.readouterr().err
    assert packdesk(workspace, "shop", "set", "表格店", "--push-stock", "on")[0] == EXIT_ERROR
    assert "cannot push its stock" in capsys.readouterr().err
    code, text = packdesk(workspace, "shop", "set", "淘宝店", "--push-stock", "on")
    assert code == 0 and text == "Shop 淘宝店 pushes its stock to the platform.\n"
    code, text = packdesk(workspace, "shop", "set", "淘宝店", "--push-stock", "on")
    assert text.endswith("(unchanged).\n")

"""`packdesk shop add|set` and `packdesk sync` (`packdesk outbox` lives in app.cli.outbox)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

from app.cli.common import emit
from app.cli.lang import say
from app.domain.enums import Platform
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.services.workspace import Workspace

# The option naming a shop's key, and the prompts for its two secrets, per platform (the secrets' variables are the
# waybill accounts' of the same platform: app.cli.waybills.SECRET_VARIABLES).
SHOP_KEYS = {
    Platform.TAOBAO: ("--app-key", ("App secret: ", "Session key: ")),
    Platform.PDD: ("--client-id", ("Client secret: ", "Access token: ")),
}


def add_parsers(
    cmd: Callable[[str, str], argparse.ArgumentParser], common: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = cmd("shop", "manage shops")
    shop_sub = p.add_subparsers(dest="shop_command", metavar="ACTION", required=True)
    add = shop_sub.add_parser(
        "add",
        help="add a shop that syncs through its platform's API (or update it): taobao (app secret and session key "
        "from PACKDESK_APP_SECRET / PACKDESK_SESSION_KEY) or pdd (client secret and access token from "
        "PACKDESK_CLIENT_SECRET / PACKDESK_ACCESS_TOKEN)",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--platform", default="taobao", metavar="taobao|pdd")
    add.add_argument(
        "--gateway",
        required=True,
        metavar="URL",
        help="e.g. https://eco.taobao.com/router/rest or https://gw-api.pinduoduo.com/api/router",
    )
    add.add_argument("--app-key", default="", metavar="KEY", help="taobao: the app key")
    add.add_argument("--client-id", default="", metavar="ID", help="pdd: the client id")
    add.add_argument("--group", default=None, metavar="GROUP", help="associated-shop group (shared sender/account)")
    common(add)
    change = shop_sub.add_parser("set", help="change a shop's settings")
    change.add_argument("name", metavar="NAME")
    change.add_argument(
        "--push-stock",
        choices=("on", "off"),
        required=True,
        help="push PackDesk's available stock of tracked SKUs to the platform (taobao.item.quantity.update) "
        "with every outbox round; off by default",
    )
    common(change)

    p = cmd("sync", "pull new and changed orders into the cache")
    p.add_argument("--shop", default=None, metavar="NAME")


def _secret(env: str, prompt: str) -> str:
    value = os.environ.get(env, "")
    if value:
        return value
    if not sys.stdin.isatty():
        raise InvalidInput(msg("cli.set_variable", variable=env))
    return getpass.getpass(prompt)


def cmd_shop(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    if args.shop_command == "set":
        return _shop_set(ws, args, out)
    from app.sync.shops import Credentials, add_api_shop, check_api_platform, platform_of  # loaded when it runs

    platform = platform_of(args.platform)
    check_api_platform(platform)
    key_option, secret_prompts = SHOP_KEYS.get(platform, SHOP_KEYS[Platform.TAOBAO])
    key = args.client_id or args.app_key
    if not key.strip():
        raise InvalidInput(msg("shop.key_missing", option=key_option, platform=platform.value))
    from app.cli.waybills import SECRET_VARIABLES  # the same variables as the platform's waybill accounts

    secret_variable, token_variable = SECRET_VARIABLES["pdd" if platform is Platform.PDD else "cainiao"]
    creds = Credentials(_secret(secret_variable, secret_prompts[0]), _secret(token_variable, secret_prompts[1]))
    with ws.session_factory.begin() as session:
        shop, warning = add_api_shop(
            session,
            ws.data_dir,
            name=args.name,
            platform=platform,
            gateway=args.gateway,
            app_key=key,
            credentials=creds,
            now=datetime.now(UTC),
            group=args.group,
        )
        english = None if warning is None else warning.render()
        result = {"shop": shop.name, "platform": shop.platform, "gateway": shop.gateway_url, "warning": english}
    if warning:
        print(f"packdesk: warning: {say(warning)}", file=sys.stderr)
    if args.json:
        emit(result, out)
    else:
        out.write(f"Shop {result['shop']} ({result['platform']}) added; run `packdesk sync` to pull its orders.\n")
    return 0


def _shop_set(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.stock_push import set_push_stock

    on = args.push_stock == "on"
    changed = set_push_stock(ws.session_factory, args.name, on)
    if args.json:
        emit({"shop": args.name.strip(), "push_stock": on, "changed": changed}, out)
    else:
        state = "pushes its stock to the platform" if on else "does not push its stock"
        out.write(f"Shop {args.name.strip()} {state}{'' if changed else ' (unchanged)'}.\n")
    return 0


def cmd_sync(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.service import sync_shops  # loaded when the command runs: packdesk starts faster

    reports = sync_shops(ws.session_factory, ws.data_dir, args.shop)
    if args.json:
        emit({"shops": [r.to_json() for r in reports]}, out)
    else:
        if not reports:
            out.write("No shop syncs through an API here; add one with `packdesk shop add`.\n")
        for r in reports:
            if r.message:
                out.write(f"{r.shop}: not synced: {say(r.message)}\n")
                continue
            out.write(
                f"{r.shop}: {r.inserted} new, {r.updated} changed, {r.unchanged} unchanged"
                f"{' (first fill)' if r.first_fill else ''}; {len(r.changes)} changes for the bench.\n"
            )
    return 1 if any(r.error for r in reports) else 0

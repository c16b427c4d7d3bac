"""`packdesk tracking`: the route-query account (Kuaidi100's real-time query) the after-dispatch round reads the
routes with that no platform gives: parcels of imported shops, and numbers a Kuaidi100 waybill account issued.

The account's key (授权key) never travels as an argument: it comes from PACKDESK_KD100_KEY, or is asked in a terminal,
and goes to the keyring. The customer id (公司编号) is not secret.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from app.cli.common import emit
from app.cli.lang import say
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.parcel_risk import QUERY_GATEWAY
from app.domain.parcel_risk import TRACKING_PROVIDERS as PROVIDERS
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.persistence.tracking import TrackingAccount

KEY_VARIABLE = "PACKDESK_KD100_KEY"


def add_parsers(
    cmd: Callable[[str, str], argparse.ArgumentParser], common: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = cmd("tracking", "the route-query account that traces parcels no platform traces (Kuaidi100)")
    sub = p.add_subparsers(dest="tracking_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help=f"set a route-query account (its key from {KEY_VARIABLE})")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--provider", default="kuaidi100", metavar="|".join(PROVIDERS))
    add.add_argument("--customer", required=True, metavar="ID", help="the customer id Kuaidi100 gave (公司编号)")
    add.add_argument("--gateway", default=QUERY_GATEWAY, metavar="URL", help=f"default {QUERY_GATEWAY}")
    common(add)
    ls = sub.add_parser("list", help="the route-query accounts (their keys stay in the keyring)")
    common(ls)


def _shown(a: TrackingAccount) -> dict[str, str]:
    return {"name": a.name, "provider": a.provider, "gateway": a.gateway_url, "customer": a.customer}


def cmd_tracking(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    # loaded when the command runs: packdesk starts faster
    from app.persistence.tracking import TrackingRepository
    from app.sync.kuaidi100_track import add_tracking_account

    if args.tracking_command == "list":
        with ws.session_factory() as session:
            accounts = TrackingRepository(session).accounts()
        if args.json:
            emit([_shown(a) for a in accounts], out)
        else:
            for a in accounts:
                out.write(f"{a.name} ({a.provider}) {a.customer} {a.gateway_url}\n")
            out.write(f"{len(accounts)} tracking accounts.\n")
        return 0
    key = os.environ.get(KEY_VARIABLE, "")
    if not key and sys.stdin.isatty():
        key = getpass.getpass("Kuaidi100 key: ")
    if not key:
        raise InvalidInput(msg("cli.set_variable", variable=KEY_VARIABLE))
    with ws.session_factory.begin() as session:
        account, warning = add_tracking_account(
            session, ws.data_dir, name=args.name, provider=args.provider.strip().lower(), gateway=args.gateway,
            customer=args.customer, key=key, now=datetime.now(UTC),
        )  # fmt: skip
    if warning:
        print(f"packdesk: warning: {say(warning)}", file=sys.stderr)
    if args.json:
        emit(_shown(account), out)
    else:
        out.write(f"Tracking account {account.name} set: shipped parcels no platform traces are traced with it.\n")
    return 0

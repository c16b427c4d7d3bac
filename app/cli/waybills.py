"""`packdesk waybill`: e-waybill accounts from the shell: add one (Cainiao, Pinduoduo, Kuaidi100 or a number roll),
list them with their carriers, balances, sender addresses and shops, ask their balance again, change who uses them,
and cancel a number whose parcel will not ship.

Secrets never travel as arguments (they show in the process list): they come from the environment variables the
issue names, or are asked in a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

from app.cli.common import EXIT_ERROR, actor_of, emit
from app.cli.lang import say
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.waybill_accounts import KINDS, AccountView, address_line
from app.services.waybills import installed
from app.services.workspace import Workspace
from app.wiring import setup_provider

if TYPE_CHECKING:
    from app.sync.shops import Credentials

# The account services and the set-up each action needs are imported inside it, when the command runs: every
# `packdesk` command starts faster.

# The environment variables holding each provider's secrets: (app_secret, session_key) of its Credentials.
SECRET_VARIABLES = {
    "cainiao": ("PACKDESK_APP_SECRET", "PACKDESK_SESSION_KEY"),
    "pdd": ("PACKDESK_CLIENT_SECRET", "PACKDESK_ACCESS_TOKEN"),
    "kuaidi100": ("PACKDESK_KD100_SECRET", "PACKDESK_PARTNER_KEY"),
}
OPTIONAL = {"PACKDESK_PARTNER_KEY"}  # only a branch (网点) account has one


def add_parsers(
    cmd: Callable[[str, str], argparse.ArgumentParser], common: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = cmd("waybill", "e-waybill accounts: tracking numbers, balance, sender address, which shops use them")
    sub = p.add_subparsers(dest="waybill_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="add a waybill account (or update an online one of that name)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--provider", required=True, metavar="|".join(KINDS), help="who issues the numbers")
    add.add_argument("--shop", default=None, metavar="SHOP", help="cainiao: use this Taobao shop's app key and session")
    add.add_argument("--gateway", default="", metavar="URL", help="the provider's API address")
    add.add_argument("--app-key", default="", metavar="KEY", help="cainiao: the app key (secrets from the environment)")
    add.add_argument("--client-id", default="", metavar="ID", help="pdd: the client id")
    add.add_argument("--key", default="", metavar="KEY", help="kuaidi100: the API key")
    add.add_argument("--carrier", default="", metavar="CODE", help="the default carrier, e.g. ZTO (roll: its carrier)")
    add.add_argument("--first", default="", metavar="NO", help="roll: the first tracking number")
    add.add_argument("--count", type=int, default=0, metavar="N", help="roll: how many numbers it holds")
    _who(add)
    common(add)

    ls = sub.add_parser("list", help="the accounts with their carriers, balances, addresses and shops")
    common(ls)

    again = sub.add_parser("refresh", help="ask the providers again for balances and sender addresses")
    again.add_argument("name", nargs="?", default=None, metavar="NAME")
    common(again)

    change = sub.add_parser("set", help="change who uses an account, its default carrier, address or threshold")
    change.add_argument("name", metavar="NAME")
    change.add_argument("--carrier", default=None, metavar="CODE", help="its default carrier")
    _who(change)
    common(change)

    cancel = sub.add_parser("cancel", help="cancel a tracking number whose parcel will not ship")
    cancel.add_argument("tracking_no", metavar="TRACKING_NO")
    common(cancel)


def _who(p: argparse.ArgumentParser) -> None:
    p.add_argument("--address-id", default=None, metavar="ID", help="the sender address, among the provider's")
    p.add_argument("--group", default=None, metavar="GROUP", help="the shop group that uses it (created when new)")
    p.add_argument("--for-shop", default=None, metavar="SHOP", help="the shop that uses it (with its group)")
    p.add_argument("--warn-below", type=int, default=None, metavar="N", help="warn when fewer numbers are left")
    p.add_argument("--default", action="store_true", help="the group's default account from now on")
    p.add_argument("--sender-name", default=None, metavar="NAME", help="the shop group's sender name")
    p.add_argument("--sender-phone", default=None, metavar="PHONE", help="the shop group's sender phone")


def cmd_waybill(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    return {
        "add": _add,
        "list": _list,
        "refresh": _refresh,
        "set": _set,
        "cancel": _cancel,
    }[args.waybill_command](ws, args, out)


def _now() -> datetime:
    return datetime.now(UTC)


def _add(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.waybills.accounts import AccountSpec
    from app.sync.waybills.setup import add_account

    kind = args.provider.strip().lower()
    settings: dict[str, Any] = {}
    if kind == "kuaidi100" and os.environ.get("PACKDESK_PARTNER_ID"):
        settings["partner_id"] = os.environ["PACKDESK_PARTNER_ID"]
    spec = AccountSpec(
        name=args.name,
        kind=kind,
        carrier=args.carrier,
        group=args.group,
        for_shop=args.for_shop,
        gateway=args.gateway,
        app_key={"pdd": args.client_id, "kuaidi100": args.key}.get(kind, args.app_key),
        source_shop=args.shop if kind == "cainiao" else None,
        settings=settings,
        address_id=args.address_id,
        warn_below=args.warn_below,
        first=args.first,
        count=args.count,
        make_default=args.default,
        sender_name=args.sender_name,
        sender_phone=args.sender_phone,
    )
    variables = SECRET_VARIABLES.get(kind) if not spec.source_shop else None
    secrets = _secrets(*variables) if variables else None
    try:
        added = add_account(ws.session_factory, ws.data_dir, spec, secrets, setup_provider, _now)
    except InvalidInput as exc:
        if exc.msg.id == "accounts.secrets_missing" and variables:
            missing = next(v for v in variables if v not in OPTIONAL and not os.environ.get(v))
            raise InvalidInput(msg("cli.set_variable", variable=missing)) from None
        raise
    if added.warning:
        print(f"packdesk: warning: {say(added.warning)}", file=sys.stderr)
    _warn_sender(added.account)
    if args.json:
        emit({**added.account.to_json(), "warning": added.warning.render() if added.warning else None}, out)
    else:
        out.write(f"Waybill account {added.account.name} added.\n")
        _table([added.account], out)
    return 0


def _warn_sender(account: AccountView) -> None:
    if account.needs_sender:
        provider = msg(f"accounts.provider.{account.provider}")
        said = say(msg("accounts.sender_missing", group=account.group, provider=provider))
        print(f"packdesk: warning: {said} (--sender-name NAME --sender-phone PHONE)", file=sys.stderr)


def _secrets(secret_var: str, session_var: str) -> Credentials | None:
    """The secrets from the environment, else asked in a terminal; None when neither (the account keeps its own)."""
    from app.sync.shops import Credentials

    values = []
    for variable in (secret_var, session_var):
        value = os.environ.get(variable, "")
        if not value and variable not in OPTIONAL and sys.stdin.isatty():
            value = getpass.getpass(f"{variable.removeprefix('PACKDESK_').replace('_', ' ').lower()}: ")
        values.append(value)
    if not values[0]:
        return None
    return Credentials(values[0], values[1])


def _list(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.waybills.accounts import list_accounts

    with ws.session_factory() as session:
        accounts = list_accounts(session)
    if args.json:
        emit([a.to_json() for a in accounts], out)
        return 0
    if not accounts:
        out.write("No waybill accounts yet; add one with `packdesk waybill add`.\n")
        return 0
    _table(accounts, out)
    return 0


def _table(accounts: list[AccountView], out: TextIO) -> None:
    """One line per carrier of each account; `*` marks a group's default account, LOW a balance below its
    threshold."""
    rows = [("ACCOUNT", "PROVIDER", "CARRIER", "BALANCE", "GROUP: SHOPS", "SENDER ADDRESS")]
    for a in accounts:
        who = f"{a.group}: {', '.join(a.shops) or '-'}"
        carriers = a.carriers or ()
        if not carriers:
            rows.append((_star(a), a.provider, a.carrier, "?", who, ""))
        for i, c in enumerate(carriers):
            balance = "?" if c.balance is None else f"{c.balance:,}"
            if c.low:
                balance += f" LOW (<{a.warn_below:,})"
            code = c.code + (" (default)" if c.code == a.carrier and len(carriers) > 1 else "")
            address = f"{c.address.address_id} {address_line(c.address)}".strip() if c.address else "-"
            rows.append((_star(a) if i == 0 else "", a.provider if i == 0 else "", code, balance, who, address))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for r in rows:
        cells = [cell + " " * (w - _width(cell)) for cell, w in zip(r, widths, strict=False)]
        out.write("  ".join([*cells, r[-1]]).rstrip() + "\n")


def _star(a: AccountView) -> str:
    return f"{a.name} *" if a.is_default else a.name


def _width(text: str) -> int:
    """Columns a text takes in a terminal (a CJK character takes two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _refresh(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.waybills.accounts import refresh

    results = refresh(ws.session_factory, installed(), _now, args.name)
    failed = 0
    if args.json:
        emit([r.to_json() for r in results], out)
    for r in results:
        if r.error:
            failed += 1
            print(f"packdesk: {r.account.name} not refreshed: {say(r.error)}", file=sys.stderr)
    if not args.json:
        _table([r.account for r in results], out)
    return EXIT_ERROR if failed else 0


def _set(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.waybills.accounts import change_account

    with ws.session_factory.begin() as session:
        view = change_account(
            session,
            args.name,
            group=args.group,
            for_shop=args.for_shop,
            carrier_code=args.carrier,
            make_default=args.default,
            warn_below=args.warn_below,
            address_id=args.address_id,
            sender_name=args.sender_name,
            sender_phone=args.sender_phone,
        )
    _warn_sender(view)
    if args.json:
        emit(view.to_json(), out)
    else:
        _table([view], out)
    return 0


def _cancel(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.waybills.cancels import cancel_number

    result = cancel_number(ws.session_factory, installed(), args.tracking_no, actor_of(ws))
    if args.json:
        emit(result.to_json(), out)
    else:
        out.write(f"{result.tracking_no} ({result.order_no}): {say(result.message)}\n")
    return 0

"""`packdesk notify`, `packdesk alerts`, `packdesk risks`: notices to the buyer (SMS or copied for the chat window),
their templates, SMS accounts and triggers; bad-review alerts; parcels at risk after dispatch.

The SMS account's AccessKey secret never travels as an argument: it comes from PACKDESK_SMS_SECRET, or is asked in a
terminal, and goes to the keyring.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, TextIO

from app.cli.common import actor_of, emit
from app.cli.lang import say
from app.domain.errors import InvalidInput
from app.domain.messages import msg
from app.domain.notices import KEYS, PROVIDERS
from app.services.workspace import Workspace

# The persistence, services and sync modules each action needs are imported inside it, when the command runs: every
# `packdesk` command starts faster.

SECRET_VARIABLE = "PACKDESK_SMS_SECRET"


def _switch(text: str) -> bool:
    if text.lower() in ("on", "yes", "true", "1"):
        return True
    if text.lower() in ("off", "no", "false", "0"):
        return False
    raise argparse.ArgumentTypeError("on or off")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a date as YYYY-MM-DD") from None


def add_parsers(
    cmd: Callable[[str, str], argparse.ArgumentParser], common: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = cmd("notify", "notices to the buyer: send one, list them, templates, SMS accounts and triggers")
    sub = p.add_subparsers(dest="notify_command", metavar="ACTION", required=True)

    add = sub.add_parser("add-account", help="add an SMS account (secret from PACKDESK_SMS_SECRET)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--provider", required=True, metavar="|".join(PROVIDERS))
    add.add_argument("--gateway", required=True, metavar="URL", help="e.g. https://dysmsapi.aliyuncs.com/")
    add.add_argument("--access-key-id", required=True, metavar="ID")
    add.add_argument("--sign-name", required=True, metavar="NAME", help="the approved signature (签名)")
    common(add)

    accounts = sub.add_parser("accounts", help="the SMS accounts (their secrets stay in the keyring)")
    common(accounts)

    send = sub.add_parser("send", help="queue a notice to an order's buyer (or record it to copy, without SMS)")
    send.add_argument("order_no", metavar="ORDER")
    send.add_argument("--template", required=True, metavar="|".join(KEYS))
    send.add_argument("--reason", default="", metavar="TEXT", help="the concrete reason, as the buyer reads it")
    send.add_argument("--date", type=_day, default=None, metavar="YYYY-MM-DD", help="the date you promise")
    send.add_argument(
        "--phone",
        default="",
        metavar="NUMBER",
        help="the number to send to; without it, a synced privacy order's number (a virtual number "
        "where the platform gives one) is asked of the platform when the notice is sent",
    )
    send.add_argument("--shop", default=None, metavar="SHOP", help="payment reminder to an order not kept here")
    send.add_argument("--account", default=None, metavar="NAME", help="the SMS account (default: the first)")
    send.add_argument("--copy", action="store_true", help="only record it and print the text for the chat window")
    common(send)

    ls = sub.add_parser("list", help="the notices, newest first")
    ls.add_argument("--order", default=None, metavar="ORDER")
    common(ls)

    tl = sub.add_parser("templates", help="the templates with their approved codes")
    common(tl)

    tp = sub.add_parser("template", help="change a template's approved code or text")
    tp.add_argument("key", metavar="KEY")
    tp.add_argument("--code", default=None, metavar="CODE", help="the provider's approved template code, e.g. SMS_1")
    tp.add_argument("--text", default=None, metavar="TEXT", help="the approved text with ${variables}")
    common(tp)

    st = sub.add_parser("settings", help="the per-buyer daily limit, triggers and the seller's alert number")
    st.add_argument("--per-buyer-day", type=int, default=None, metavar="N")
    st.add_argument("--on-ship", type=_switch, default=None, metavar="on|off")
    st.add_argument("--on-split", type=_switch, default=None, metavar="on|off")
    st.add_argument("--on-out-of-stock", type=_switch, default=None, metavar="on|off")
    st.add_argument("--before-breach", type=_switch, default=None, metavar="on|off")
    st.add_argument("--breach-hours", type=int, default=None, metavar="H")
    st.add_argument("--breach-reason", default=None, metavar="TEXT")
    st.add_argument("--breach-days", type=int, default=None, metavar="D")
    st.add_argument("--split-reason", default=None, metavar="TEXT")
    st.add_argument("--split-days", type=int, default=None, metavar="D")
    st.add_argument("--seller-phone", default=None, metavar="NUMBER", help="bad-review alerts by SMS to it")
    st.add_argument("--remind-unpaid", type=_switch, default=None, metavar="on|off", help="payment reminders (催付)")
    st.add_argument("--unpaid-minutes", type=int, default=None, metavar="M", help="this long after the order was made")
    st.add_argument("--unpaid-reason", default=None, metavar="TEXT", help="the reason the reminder tells the buyer")
    st.add_argument("--unpaid-days", type=int, default=None, metavar="D", help="pay by the order's day plus D days")
    common(st)

    ck = sub.add_parser("checked", help="say whether a notice held as unclear went (after checking the console)")
    ck.add_argument("id", type=int, metavar="ID")
    went = ck.add_mutually_exclusive_group(required=True)
    went.add_argument("--sent", action="store_true")
    went.add_argument("--not-sent", action="store_true")
    common(ck)

    al = cmd("alerts", "bad and neutral ratings raised as alerts")
    al.add_argument("--unseen", action="store_true", help="only those not marked seen")
    al.add_argument("--seen", nargs="+", type=int, default=None, metavar="ID", help="mark these seen")

    rk = cmd("risks", "shipped parcels at risk (no pickup, no movement, returned, signed by someone else)")
    rk.add_argument(
        "action",
        nargs="?",
        choices=("list", "refresh"),
        default="list",
        help="list (default); refresh: read the routes (and new ratings) from the platform first",
    )


def _now() -> datetime:
    return datetime.now(UTC)


def cmd_notify(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    return {
        "add-account": _add_account,
        "accounts": _accounts,
        "send": _send,
        "list": _list,
        "templates": _templates,
        "template": _template,
        "settings": _settings,
        "checked": _checked,
    }[args.notify_command](ws, args, out)


def _add_account(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.sync.notice_push import add_sms_account

    secret = os.environ.get(SECRET_VARIABLE, "")
    if not secret and sys.stdin.isatty():
        secret = getpass.getpass("AccessKey secret: ")
    if not secret:
        raise InvalidInput(msg("cli.set_variable", variable=SECRET_VARIABLE))
    with ws.session_factory.begin() as session:
        account, warning = add_sms_account(
            session, ws.data_dir, name=args.name, provider=args.provider.strip().lower(), gateway=args.gateway,
            access_key_id=args.access_key_id, sign_name=args.sign_name, secret=secret, now=_now(),
        )  # fmt: skip
    if warning:
        print(f"packdesk: warning: {say(warning)}", file=sys.stderr)
    if args.json:
        emit({"name": account.name, "provider": account.provider, "gateway": account.gateway_url,
              "access_key_id": account.access_key_id, "sign_name": account.sign_name}, out)  # fmt: skip
    else:
        out.write(f"SMS account {account.name} added.\n")
    return 0


def _accounts(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.persistence.notices import NoticeRepository

    with ws.session_factory() as session:
        found = NoticeRepository(session).accounts()
    shown = [{"name": a.name, "provider": a.provider, "gateway": a.gateway_url, "access_key_id": a.access_key_id,
              "sign_name": a.sign_name} for a in found]  # fmt: skip
    if args.json:
        emit(shown, out)
        return 0
    for a in shown:
        out.write(f"{a['name']} ({a['provider']}) {a['sign_name']} {a['gateway']}\n")
    if not shown:
        out.write("No SMS account: notices are copied for the chat window. Add one with `notify add-account`.\n")
    return 0


def _send(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.notices import queue_notice

    with ws.session_factory.begin() as session:
        queued = queue_notice(
            session, args.order_no, args.template, actor=actor_of(ws), now=_now(), reason=args.reason, day=args.date,
            phone=args.phone, shop=args.shop, account=args.account, copy=args.copy,
        )  # fmt: skip
    if args.json:
        emit(queued.to_json(), out)
    elif queued.channel == "sms":
        out.write(f"Notice #{queued.id} to {queued.phone} queued; `packdesk outbox flush` sends it.\n{queued.text}\n")
    else:
        out.write(f"Notice #{queued.id} recorded; paste it in the chat window:\n{queued.text}\n")
    return 0


def _item_json(item: dict[str, Any]) -> dict[str, Any]:
    return {**item, "last_error": item["last_error"].render() if item["last_error"] else None}


def _list(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.persistence.notices import NoticeRepository

    with ws.session_factory() as session:
        items = NoticeRepository(session).items(args.order)
    if args.json:
        emit([_item_json(i) for i in items], out)
        return 0
    for i in items:
        why = f"  ({say(i['last_error'])})" if i["last_error"] and i["state"] not in ("done",) else ""
        out.write(f"#{i['id']} {i['order_no']} {i['template']} {i['channel']} {i['state']} {i['phone']}{why}\n")
        out.write(f"    {i['text']}\n")
    out.write(f"{len(items)} notices.\n")
    return 0


def _templates(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.notices import templates

    with ws.session_factory() as session:
        found = templates(session)
    if args.json:
        emit(found, out)
        return 0
    for t in found:
        out.write(f"{t['key']} [{t['template_code'] or 'no approved code'}]\n    {t['body']}\n")
    return 0


def _template(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.notices import set_template

    with ws.session_factory.begin() as session:
        t = set_template(session, args.key, code=args.code, body=args.text, now=_now())
    if args.json:
        emit(t, out)
    else:
        out.write(f"{t['key']} [{t['template_code'] or 'no approved code'}]\n    {t['body']}\n")
    return 0


def _settings(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.notices import change_settings

    names = ("per_buyer_day", "on_ship", "on_split", "on_out_of_stock", "before_breach", "breach_hours",
             "breach_reason", "breach_days", "split_reason", "split_days", "seller_phone", "remind_unpaid",
             "unpaid_minutes", "unpaid_reason", "unpaid_days")  # fmt: skip
    with ws.session_factory.begin() as session:
        settings = change_settings(session, **{n: getattr(args, n) for n in names})
    shown = settings.to_json()
    if shown["seller_phone"]:
        from app.domain.masking import mask_phone

        shown["seller_phone"] = mask_phone(shown["seller_phone"])
    if args.json:
        emit(shown, out)
    else:
        for key, value in shown.items():
            out.write(f"{key}: {value}\n")
    return 0


def _checked(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.notices import release_checked

    with ws.session_factory.begin() as session:
        release_checked(session, args.id, sent=args.sent, actor=actor_of(ws), now=_now())
    if args.json:
        emit({"id": args.id, "sent": args.sent}, out)
    else:
        out.write(f"Notice #{args.id}: " + ("marked sent.\n" if args.sent else "will be sent by the next round.\n"))
    return 0


def cmd_alerts(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.persistence.notices import NoticeRepository

    with ws.session_factory.begin() as session:
        repo = NoticeRepository(session)
        if args.seen:
            repo.mark_seen(args.seen)
        alerts = repo.alerts(unseen_only=args.unseen)
    if args.json:
        emit(alerts, out)
        return 0
    for a in alerts:
        out.write(f"#{a['id']} {a['shop']} {a['order_no']} {a['result']} {a['nick']}: {a['content']}\n")
    out.write(f"{len(alerts)} alerts.\n")
    return 0


def cmd_risks(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.persistence.notices import NoticeRepository
    from app.sync.after_sale import after_sale_round

    report = None
    if args.action == "refresh":
        report = after_sale_round(ws.session_factory, ws.data_dir, actor_of(ws))
        for e in report.errors:
            print(f"packdesk: warning: {say(e['message'])}", file=sys.stderr)
    with ws.session_factory() as session:
        risks = NoticeRepository(session).risks()
    if args.json:
        emit({"refresh": report.to_json(), "risks": risks} if report is not None else risks, out)
        return 0
    if report is not None:
        out.write(f"{report.traced} parcels traced, {report.alerts} new bad-review alerts.\n")
    for r in risks:
        out.write(f"{r['order_no']} {r['carrier']} {r['tracking_no']}: {r['risk']} ({r['detail']})\n")
    out.write(f"{len(risks)} parcels at risk.\n")
    return 0

"""`packdesk stops`, `packdesk carrier` and `packdesk deadlines`: service rules from the shell (cli layer).

stops add|list|remove|import|festival: holiday and regional stops, the starter list, spring-festival mode.
carrier suggest|rules|costs|insure: the carrier the rules choose per order, the rules, the cost table, insurance.
deadlines list|rule|holiday|remove|set|apply: the seller's ship-by rules, holidays and "due soon" hours.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.cli.common import EXIT_ERROR, actor_of, emit
from app.cli.lang import say
from app.domain.errors import PackDeskError
from app.services.workspace import Workspace
from resources import resource_path

if TYPE_CHECKING:
    from app.domain.carrier_rules import Suggestion

# The service-rule and deadline services are imported by each command when it runs: every `packdesk` command starts
# faster.

Common = Callable[[argparse.ArgumentParser], None]
RULE_CONDITIONS = ("provinces", "min_weight", "max_weight", "min_value", "max_value", "skus", "shops", "keywords")


def add_parsers(cmd: Callable[[str, str], argparse.ArgumentParser], common: Common) -> None:
    p = cmd("stops", "holiday and regional carrier stops, and spring-festival mode")
    sub = p.add_subparsers(dest="stops_command", metavar="ACTION", required=True)
    a = sub.add_parser("add", help="a carrier does not collect for some regions over some dates")
    a.add_argument("--carrier", required=True, metavar="CODE")
    a.add_argument("--regions", required=True, metavar="LIST", help="provinces or cities, e.g. 新疆,西藏 (全国: all)")
    a.add_argument("--from", dest="starts", required=True, metavar="DATE")
    a.add_argument("--to", dest="ends", required=True, metavar="DATE")
    a.add_argument("--note", default="", metavar="TEXT")
    a.add_argument("--runs", action="store_true", help="the carrier still runs there (spring-festival mode)")
    common(a)
    common(sub.add_parser("list", help="the stops and still-running entries"))
    r = sub.add_parser("remove", help="remove a stop by its number")
    r.add_argument("stop_id", type=int, metavar="ID")
    common(r)
    i = sub.add_parser("import", help="stops from a CSV file: carrier,regions,from,to,note (or --starter)")
    i.add_argument("file", nargs="?", type=Path, metavar="FILE")
    i.add_argument("--starter", action="store_true", help="the starter list PackDesk ships, to edit")
    common(i)
    f = sub.add_parser("festival", help="spring-festival mode: only carriers entered with --runs are offered")
    f.add_argument("--from", dest="starts", default="", metavar="DATE")
    f.add_argument("--to", dest="ends", default="", metavar="DATE")
    f.add_argument("--off", action="store_true")
    common(f)

    p = cmd("carrier", "carrier choice: suggestions, rules, the cost table, insurance")
    sub = p.add_subparsers(dest="carrier_command", metavar="ACTION", required=True)
    s = sub.add_parser("suggest", help="the carrier the rules choose per order, its cost, the cheapest allowed one")
    s.add_argument("order_nos", nargs="+", metavar="ORDER")
    common(s)
    rules = sub.add_parser("rules", help="the carrier-choice rules: list, add, remove, move")
    rules.add_argument("action", choices=("list", "add", "remove", "move"))
    rules.add_argument("rule_id", nargs="?", type=int, metavar="ID", help="for remove and move")
    rules.add_argument("--carrier", metavar="CODE")
    rules.add_argument("--priority", default=None, metavar="N", help="lower first (add: default after the last)")
    rules.add_argument("--name", default="", metavar="TEXT")
    for condition in RULE_CONDITIONS:
        rules.add_argument(f"--{condition.replace('_', '-')}", dest=condition, default="", metavar="VALUE")
    common(rules)
    costs = sub.add_parser("costs", help="the cost table: list, or import FILE (carrier,province,first_kg,extra_kg)")
    costs.add_argument("action", choices=("list", "import"))
    costs.add_argument("file", nargs="?", type=Path, metavar="FILE")
    common(costs)
    ins = sub.add_parser("insure", help="insure (保价) parcels of orders worth at least AMOUNT yuan")
    ins.add_argument("--above", default=None, metavar="AMOUNT")
    ins.add_argument("--off", action="store_true")
    common(ins)

    p = cmd("deadlines", "ship-by rules: per shop, per product, activities, holidays, due-soon hours")
    sub = p.add_subparsers(dest="deadlines_command", metavar="ACTION", required=True)
    common(sub.add_parser("list", help="the rules, holidays and hours"))
    d = sub.add_parser("rule", help="ship within HOURS of payment for a shop, a product or an activity")
    d.add_argument("kind", choices=("shop", "product", "activity"))
    d.add_argument("--hours", required=True, metavar="N")
    d.add_argument("--shop", default="", metavar="NAME")
    d.add_argument("--sku", default="", metavar="SKU")
    d.add_argument("--from", dest="starts", default="", metavar="TIME", help="activity: paid from (China time)")
    d.add_argument("--to", dest="ends", default="", metavar="TIME", help="activity: paid until")
    d.add_argument("--note", default="", metavar="TEXT")
    common(d)
    h = sub.add_parser("holiday", help="days the platform announced: the ship-by clock stands still")
    h.add_argument("--from", dest="starts", required=True, metavar="DATE")
    h.add_argument("--to", dest="ends", required=True, metavar="DATE")
    h.add_argument("--note", default="", metavar="TEXT")
    common(h)
    r = sub.add_parser("remove", help="remove a rule or a holiday by its number")
    r.add_argument("what", choices=("rule", "holiday"))
    r.add_argument("entry_id", type=int, metavar="ID")
    common(r)
    st = sub.add_parser("set", help="the due-soon warning hours and the default ship-within hours")
    st.add_argument("--due-soon", default=None, metavar="HOURS")
    st.add_argument("--ship-within", default=None, metavar="HOURS")
    st.add_argument("--alert-times", default=None, metavar="HH:MM,...",
                    help="when the window shows the due-soon and overdue notice, China time (off: never)")  # fmt: skip
    common(st)
    common(sub.add_parser("apply", help="recompute the ship-by times of the orders still to ship"))


def cmd_stops(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.service_rules import (
        StopInput,
        add_stops,
        read_stops_file,
        remove_stop,
        set_festival,
        stop_book,
    )

    action, actor = args.stops_command, actor_of(ws)
    if action == "add":
        stop = StopInput.read(args.carrier, args.regions, args.starts, args.ends, args.note, args.runs)
        (stop_id,) = add_stops(ws.session_factory, [stop], actor)
        _done(args, out, {"id": stop_id}, f"Stop {stop_id} added: {stop.carrier} {','.join(stop.regions)}.")
    elif action == "remove":
        remove_stop(ws.session_factory, args.stop_id, actor)
        _done(args, out, {"id": args.stop_id, "removed": True}, f"Stop {args.stop_id} removed.")
    elif action == "import":
        if args.starter == bool(args.file):
            print("packdesk: give a FILE or --starter (not both).", file=sys.stderr)
            return EXIT_ERROR
        path = resource_path("rules", "stops_starter.csv") if args.starter else args.file
        ids = add_stops(ws.session_factory, read_stops_file(path), actor)
        _done(args, out, {"imported": len(ids), "ids": ids}, f"{len(ids)} stop(s) imported from {path.name}.")
    elif action == "festival":
        set_festival(ws.session_factory, "" if args.off else args.starts, "" if args.off else args.ends, actor)
        book = stop_book(ws.session_factory)
        span = [d.isoformat() for d in book.festival] if book.festival else None
        _done(args, out, {"festival": span}, f"Spring-festival mode: {' to '.join(span) if span else 'off'}.")
    else:
        book = stop_book(ws.session_factory)
        if args.json:
            emit({"stops": [s.to_json() for s in book.stops],
                  "festival": [d.isoformat() for d in book.festival] if book.festival else None}, out)  # fmt: skip
        else:
            for s in book.stops:
                kind = "runs" if s.kind == "runs" else "stop"
                out.write(
                    f"#{s.id:<4} {kind:<4} {s.carrier:<6} {s.starts} .. {s.ends}  {','.join(s.regions)}  {s.note}\n"
                )
            if book.festival:
                out.write(f"Spring-festival mode: {book.festival[0]} .. {book.festival[1]}\n")
    return 0


def cmd_carrier(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.service_rules import (
        cost_table,
        put_costs,
        read_costs_file,
        service_settings,
        set_insure_above,
        suggest_carriers,
    )

    action, actor = args.carrier_command, actor_of(ws)
    if action == "suggest":
        failed = 0
        for found in suggest_carriers(ws.session_factory, args.order_nos):
            if isinstance(found, PackDeskError):
                failed += 1
                print(f"packdesk: {say(found)}", file=sys.stderr)
                if args.json:
                    emit({"error": found.message, "reason": found.code}, out)
            elif args.json:
                emit(found.to_json(), out)
            else:
                out.write(_suggestion(found) + "\n")
        return EXIT_ERROR if failed else 0
    if action == "rules":
        return _rules(ws, args, out)
    if action == "costs":
        if args.action == "import":
            if args.file is None:
                print("packdesk: give the FILE to import.", file=sys.stderr)
                return EXIT_ERROR
            count = put_costs(ws.session_factory, read_costs_file(args.file), actor)
            _done(args, out, {"imported": count}, f"{count} cost row(s) imported from {args.file.name}.")
            return 0
        table = cost_table(ws.session_factory)
        if args.json:
            emit([c.to_json() for c in table.rows], out)
        else:
            for c in table.rows:
                out.write(f"{c.carrier:<6} {c.province:<8} first kg ¥{c.first_kg}  each next kg ¥{c.extra_kg}\n")
        return 0
    if args.above is None and not args.off:
        shown = service_settings(ws.session_factory)["insure_above"]
        _done(args, out, {"insure_above": shown or None}, f"Insure above: {shown or 'off'}.")
        return 0
    value = set_insure_above(ws.session_factory, "" if args.off else args.above, actor)
    _done(args, out, {"insure_above": None if value is None else str(value)}, f"Insure above: {value or 'off'}.")
    return 0


def _rules(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.service_rules import (
        add_rule,
        carrier_rules,
        move_rule,
        parse_priority,
        read_rule,
        remove_rule,
    )

    actor = actor_of(ws)
    if args.action in ("remove", "move") and args.rule_id is None:
        print(f"packdesk: carrier rules {args.action} needs the rule's ID.", file=sys.stderr)
        return EXIT_ERROR
    if args.action == "remove":
        remove_rule(ws.session_factory, args.rule_id, actor)
        _done(args, out, {"id": args.rule_id, "removed": True}, f"Rule {args.rule_id} removed.")
    elif args.action == "move":
        priority = parse_priority(args.priority if args.priority is not None else "")
        move_rule(ws.session_factory, args.rule_id, priority, actor)
        _done(args, out, {"id": args.rule_id, "priority": priority}, f"Rule {args.rule_id} moved.")
    elif args.action == "add":
        existing = carrier_rules(ws.session_factory)
        priority = args.priority if args.priority is not None else (max((r.priority for r in existing), default=0) + 10)
        conditions = {c: getattr(args, c) for c in RULE_CONDITIONS}
        rule = read_rule(args.carrier or "", priority, args.name, **conditions)
        rule_id = add_rule(ws.session_factory, rule, actor)
        _done(args, out, {"id": rule_id, "priority": rule.priority}, f"Rule {rule_id} added ({rule.carrier}).")
    else:
        rules = carrier_rules(ws.session_factory)
        if args.json:
            emit([r.to_json() for r in rules], out)
        else:
            for r in rules:
                out.write(f"#{r.id:<4} priority {r.priority:<5} {r.carrier:<6} {r.name}  {r.conditions()}\n")
    return 0


def cmd_deadlines(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.deadlines import (
        add_deadline_rule,
        add_holiday,
        apply_deadlines,
        deadline_policy,
        remove_deadline_entry,
        set_deadline_hours,
    )
    from app.services.service_rules import service_settings

    action, actor = args.deadlines_command, actor_of(ws)
    if action == "rule":
        rule_id, changed = add_deadline_rule(
            ws.session_factory, args.kind, args.hours, actor, shop=args.shop, sku=args.sku, starts=args.starts,
            ends=args.ends, note=args.note,
        )  # fmt: skip
        _done(args, out, {"id": rule_id, "changed": changed}, f"Rule {rule_id} added; {changed} order(s) changed.")
    elif action == "holiday":
        holiday_id, changed = add_holiday(ws.session_factory, args.starts, args.ends, args.note, actor)
        _done(args, out, {"id": holiday_id, "changed": changed},
              f"Holiday {holiday_id} added; {changed} order(s) changed.")  # fmt: skip
    elif action == "remove":
        changed = remove_deadline_entry(ws.session_factory, args.what, args.entry_id, actor)
        _done(args, out, {"removed": args.entry_id, "changed": changed}, f"Removed; {changed} order(s) changed.")
    elif action == "set":
        changed = set_deadline_hours(
            ws.session_factory,
            actor,
            due_soon=args.due_soon,
            ship_within=args.ship_within,
            alert_times=args.alert_times,
        )
        _done(args, out, {"changed": changed, **service_settings(ws.session_factory)}, "Saved.")
    elif action == "apply":
        with ws.session_factory.begin() as session:
            changed = apply_deadlines(session)
        _done(args, out, {"changed": changed}, f"{changed} order(s) changed.")
    else:
        policy, settings = deadline_policy(ws.session_factory), service_settings(ws.session_factory)
        data = {
            "ship_within_hours": policy.default_hours,
            "due_soon_hours": int(settings["due_soon_hours"]),
            "alert_times": settings["breach_alert_times"],
            "rules": [r.to_json() for r in policy.rules],
            "holidays": [h.to_json() for h in policy.holidays],
        }
        if args.json:
            emit(data, out)
        else:
            out.write(f"Ship within {policy.default_hours} h of payment; due soon: {data['due_soon_hours']} h.\n")
            for r in policy.rules:
                out.write(f"rule #{r.id:<4} {r.kind:<8} {r.hours:>4} h  {r.shop or r.sku}  {r.note}\n")
            for h in policy.holidays:
                out.write(f"holiday #{h.id:<4} {h.starts} .. {h.ends}  {h.note}\n")
    return 0


def _done(args: argparse.Namespace, out: TextIO, data: dict[str, object], text: str) -> None:
    if args.json:
        emit(data, out)
    else:
        out.write(text + "\n")


def _suggestion(s: Suggestion) -> str:
    why = f"rule #{s.rule.id} {s.rule.name}".strip() if s.rule else "no rule matched"
    cost = f"¥{s.cost}" if s.cost is not None else "no price"
    cheapest = f"{s.cheapest} ¥{s.cheapest_cost}" if s.cheapest else "-"
    return f"{s.order_no}: {s.carrier or 'no carrier runs there'} ({why}), {cost}; cheapest allowed: {cheapest}"

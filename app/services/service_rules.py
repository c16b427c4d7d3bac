"""Service rules as use cases: stops, spring-festival mode, carrier choice, the cost table, insurance (services layer).

The window's dialogs and `packdesk stops|carrier` call these. Every change checks all its input before it writes
anything, and is audited. What a seller types (dates, amounts, weights, lists of regions) is read here, so the window
and the command line refuse the same things with the same words.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.domain.carrier_rules import (
    ANY_PROVINCE,
    CarrierRule,
    Cost,
    CostTable,
    OrderFacts,
    Stop,
    StopBook,
    Suggestion,
    split_list,
    suggest,
)
from app.domain.deadlines import MAX_HOURS
from app.domain.errors import InvalidInput, NotFound, NotPackable, PackDeskError
from app.domain.messages import Message, msg
from app.domain.orders import CHINA_TZ, Order
from app.domain.packages import StoredOrder
from app.domain.tracking import CARRIERS
from app.persistence.repositories import CatalogueRepository, OrderRepository
from app.persistence.service_rules import DUE_SOON_HOURS, FESTIVAL_FROM, FESTIVAL_TO, INSURE_ABOVE, ServiceRules
from app.persistence.shops import ShopRepository
from app.persistence.waybill_accounts import WaybillAccounts
from app.services.audit import Actor, audit

STOP_COLUMNS = ("carrier", "regions", "from", "to", "note")
COST_COLUMNS = ("carrier", "province", "first_kg", "extra_kg")


def china_day(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(CHINA_TZ).date()


# -- what a seller types ------------------------------------------------------------------------------------------


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        raise InvalidInput(msg("rules.bad_date", text=text)) from None


def parse_money(text: str, what: str) -> Decimal:
    try:
        value = Decimal(text.strip().removeprefix("¥"))
    except InvalidOperation:
        raise InvalidInput(msg("rules.bad_money", text=text, what=what)) from None
    if not value.is_finite() or value < 0 or value >= Decimal("100000000"):
        raise InvalidInput(msg("rules.bad_money", text=text, what=what))
    return value.quantize(Decimal("0.01"))


def parse_hours(text: str | int) -> int:
    try:
        hours = int(str(text).strip().removesuffix("h"))
    except ValueError:
        raise InvalidInput(msg("rules.bad_hours", text=str(text), most=MAX_HOURS)) from None
    if not 1 <= hours <= MAX_HOURS:
        raise InvalidInput(msg("rules.bad_hours", text=str(text), most=MAX_HOURS))
    return hours


def parse_weight(text: str, what: str) -> int:
    """Grams from "800", "800g" or "1.5kg"."""
    raw = text.strip().lower()
    scale = Decimal(1000) if raw.endswith("kg") else Decimal(1)
    try:
        value = Decimal(raw.removesuffix("kg").removesuffix("g")) * scale
    except InvalidOperation:
        raise InvalidInput(msg("rules.bad_weight", text=text, what=what)) from None
    if not value.is_finite() or value < 0 or value > 1_000_000:
        raise InvalidInput(msg("rules.bad_weight", text=text, what=what))
    return int(value)


def carrier_code(text: str) -> str:
    code = text.strip().upper()
    if not code:
        raise InvalidInput(msg("rules.no_carrier"))
    if code not in CARRIERS:
        raise InvalidInput(msg("carrier.unknown", carrier=text, known=", ".join(CARRIERS)))
    return code


def day_span(starts: str, ends: str) -> tuple[date, date]:
    first, last = parse_day(starts), parse_day(ends)
    if last < first:
        raise InvalidInput(msg("rules.dates_reversed", start=first.isoformat(), end=last.isoformat()))
    return first, last


# -- stops ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StopInput:
    carrier: str
    regions: tuple[str, ...]
    starts: date
    ends: date
    note: str = ""
    runs: bool = False

    @classmethod
    def read(cls, carrier: str, regions: str, starts: str, ends: str, note: str = "", runs: bool = False) -> StopInput:
        """A stop as typed; InvalidInput says what is wrong with it."""
        code = carrier_code(carrier)
        places = split_list(regions)
        if not places:
            raise InvalidInput(msg("rules.no_regions"))
        first, last = day_span(starts, ends)
        return cls(code, places, first, last, note.strip(), runs)


def stop_book(session_factory: sessionmaker[Session]) -> StopBook:
    with session_factory() as session:
        return ServiceRules(session).stop_book()


def add_stops(session_factory: sessionmaker[Session], stops: Sequence[StopInput], actor: Actor) -> list[int]:
    """Adds stops (or still-running entries) in one transaction; returns their ids."""
    ids = []
    with session_factory.begin() as session:
        repo = ServiceRules(session)
        for s in stops:
            stop_id = repo.add_stop(s.carrier, s.regions, s.starts, s.ends, s.note, "runs" if s.runs else "stop")
            audit(session, actor, "stop_added", "carrier_stop", stop_id, carrier=s.carrier, regions=list(s.regions),
                  starts=s.starts.isoformat(), ends=s.ends.isoformat(), runs=s.runs)  # fmt: skip
            ids.append(stop_id)
    return ids


def remove_stop(session_factory: sessionmaker[Session], stop_id: int, actor: Actor) -> None:
    with session_factory.begin() as session:
        if not ServiceRules(session).remove_stop(stop_id):
            raise NotFound(msg("rules.stop_not_found", id=stop_id))
        audit(session, actor, "stop_removed", "carrier_stop", stop_id)


def set_festival(session_factory: sessionmaker[Session], starts: str, ends: str, actor: Actor) -> None:
    """Spring-festival mode over these dates ("" and "": off): only carriers entered as still running are offered."""
    span = day_span(starts, ends) if starts or ends else None
    with session_factory.begin() as session:
        repo = ServiceRules(session)
        repo.set_setting(FESTIVAL_FROM, span[0].isoformat() if span else "")
        repo.set_setting(FESTIVAL_TO, span[1].isoformat() if span else "")
        audit(session, actor, "festival_mode", "service_settings", "festival",
              starts=span[0].isoformat() if span else None, ends=span[1].isoformat() if span else None)  # fmt: skip


def _rows(path: Path, columns: Sequence[str], required: int) -> list[tuple[int, dict[str, str]]]:
    """The rows of a small CSV file (UTF-8, with or without BOM, or GB18030 as Excel saves it) by column name."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(msg("rules.file_unreadable", file=path.name, error=exc.strerror or str(exc))) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    reader = csv.reader(text.splitlines())
    header = [h.strip().lower() for h in next(reader, [])]
    if not set(columns[:required]) <= set(header):
        raise InvalidInput(msg("rules.file_columns", file=path.name, columns=", ".join(columns),
                               found=", ".join(header) or "-"))  # fmt: skip
    found = []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = dict(zip(header, (c.strip() for c in row), strict=False))
        found.append((number, {c: values.get(c, "") for c in columns}))
    if not found:
        raise InvalidInput(msg("rules.file_empty", file=path.name))
    return found


def read_stops_file(path: Path) -> list[StopInput]:
    """Stops from a CSV file with the columns carrier, regions, from, to[, note] (regions split by 、 or ;).

    Raises:
        InvalidInput: the file, or its first bad row (with the row's number and why).
    """
    stops = []
    for number, row in _rows(path, STOP_COLUMNS, 4):
        try:
            stops.append(StopInput.read(row["carrier"], row["regions"], row["from"], row["to"], row["note"]))
        except InvalidInput as exc:
            raise InvalidInput(msg("rules.file_row", file=path.name, row=number, reason=exc.msg)) from exc
    return stops


# -- carrier rules and costs ----------------------------------------------------------------------------------------


def carrier_rules(session_factory: sessionmaker[Session]) -> list[CarrierRule]:
    with session_factory() as session:
        return ServiceRules(session).rules()


def parse_priority(text: str | int) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        raise InvalidInput(msg("rules.bad_priority", text=str(text))) from None


def read_rule(carrier: str, priority: str | int, name: str = "", **conditions: str) -> CarrierRule:
    """A rule as typed: carrier, priority and conditions (provinces, skus, shops, keywords as lists; min_weight,
    max_weight as weights; min_value, max_value as yuan); InvalidInput says what is wrong."""
    code = carrier_code(carrier)
    rank = parse_priority(priority)
    c = {k: (v or "").strip() for k, v in conditions.items()}
    low = parse_weight(c["min_weight"], "min_weight") if c.get("min_weight") else None
    high = parse_weight(c["max_weight"], "max_weight") if c.get("max_weight") else None
    if low is not None and high is not None and low >= high:
        raise InvalidInput(msg("rules.bad_range", what="weight", low=f"{low} g", high=f"{high} g"))
    cheap = parse_money(c["min_value"], "min_value") if c.get("min_value") else None
    dear = parse_money(c["max_value"], "max_value") if c.get("max_value") else None
    if cheap is not None and dear is not None and cheap >= dear:
        raise InvalidInput(msg("rules.bad_range", what="value", low=str(cheap), high=str(dear)))
    return CarrierRule(
        0, rank, code, name.strip(), provinces=split_list(c.get("provinces", "")), min_weight_g=low,
        max_weight_g=high, min_value=cheap, max_value=dear, skus=split_list(c.get("skus", "")),
        shops=split_list(c.get("shops", "")), keywords=split_list(c.get("keywords", "")),
    )  # fmt: skip


def add_rule(session_factory: sessionmaker[Session], rule: CarrierRule, actor: Actor) -> int:
    with session_factory.begin() as session:
        rule_id = ServiceRules(session).add_rule(rule.priority, rule.carrier, rule.name, rule.conditions())
        audit(session, actor, "carrier_rule_added", "carrier_rule", rule_id, **rule.to_json())
    return rule_id


def remove_rule(session_factory: sessionmaker[Session], rule_id: int, actor: Actor) -> None:
    with session_factory.begin() as session:
        if not ServiceRules(session).remove_rule(rule_id):
            raise NotFound(msg("rules.rule_not_found", id=rule_id))
        audit(session, actor, "carrier_rule_removed", "carrier_rule", rule_id)


def move_rule(session_factory: sessionmaker[Session], rule_id: int, priority: int, actor: Actor) -> None:
    with session_factory.begin() as session:
        if not ServiceRules(session).set_priority(rule_id, priority):
            raise NotFound(msg("rules.rule_not_found", id=rule_id))
        audit(session, actor, "carrier_rule_moved", "carrier_rule", rule_id, priority=priority)


def cost_table(session_factory: sessionmaker[Session]) -> CostTable:
    with session_factory() as session:
        return ServiceRules(session).costs()


def read_costs_file(path: Path) -> list[Cost]:
    """Cost-table rows from a CSV file with the columns carrier, province ("*": any other), first_kg, extra_kg.

    Raises:
        InvalidInput: the file, or its first bad row (with the row's number and why).
    """
    costs = []
    for number, row in _rows(path, COST_COLUMNS, 4):
        try:
            costs.append(Cost(
                carrier_code(row["carrier"]), row["province"] or ANY_PROVINCE,
                parse_money(row["first_kg"], "first_kg"), parse_money(row["extra_kg"], "extra_kg"),
            ))  # fmt: skip
        except InvalidInput as exc:
            raise InvalidInput(msg("rules.file_row", file=path.name, row=number, reason=exc.msg)) from exc
    return costs


def put_costs(session_factory: sessionmaker[Session], costs: Sequence[Cost], actor: Actor) -> int:
    with session_factory.begin() as session:
        count = ServiceRules(session).put_costs(costs)
        audit(session, actor, "carrier_costs_imported", "carrier_costs", "table", rows=count)
    return count


# -- deciding with them ---------------------------------------------------------------------------------------------


def facts_of(session: Session, stored: StoredOrder) -> OrderFacts:
    order = stored.order
    lines = [ln for ln in order.lines if ln.packable]
    weights = CatalogueRepository(session).weights(ln.sku for ln in lines)
    address = order.receiver.address
    return OrderFacts(
        order.order_no, order.shop, address.province, address.city,
        sum(weights.get(ln.sku, 0) * ln.qty for ln in lines), order.total, tuple(ln.sku for ln in lines),
        f"{order.buyer_message}\n{order.memo}",
    )  # fmt: skip


def group_carriers(session: Session, shop_id: int) -> list[str]:
    """The carriers the waybill accounts of the shop's group can issue numbers of."""
    group_id = WaybillAccounts(session).group_of(shop_id)
    return [] if group_id is None else ServiceRules(session).group_carriers(group_id)


def _default_carrier(session: Session, stored: StoredOrder) -> str | None:
    if stored.package is not None:
        return stored.package.carrier
    group_id = WaybillAccounts(session).group_of(stored.shop_id)
    account = WaybillAccounts(session).serving(group_id) if group_id is not None else None
    return account.carrier if account is not None else None


def suggest_for(session: Session, stored: StoredOrder, day: date) -> Suggestion:
    repo = ServiceRules(session)
    return suggest(
        facts_of(session, stored), repo.rules(), repo.costs(), repo.stop_book(), day,
        group_carriers(session, stored.shop_id), _default_carrier(session, stored),
    )  # fmt: skip


def suggest_carriers(session_factory: sessionmaker[Session], order_nos: Sequence[str], now: datetime | None = None
                     ) -> list[Suggestion | PackDeskError]:  # fmt: skip
    """Per order: the carrier the rules choose, the rule, its cost and the cheapest carrier allowed there; or
    NotFound for an order not in the cache."""
    day = china_day(now)
    found: list[Suggestion | PackDeskError] = []
    with session_factory() as session:
        orders = OrderRepository(session)
        for order_no in order_nos:
            stored = orders.stored(order_no)
            found.append(
                suggest_for(session, stored, day) if stored else NotFound(msg("order.not_found", order_no=order_no))
            )
    return found


def rule_carriers(session: Session, order_nos: Sequence[str], now: datetime) -> dict[str, str]:
    """Per order without a number yet, the carrier the first matching rule chooses among those its shops' waybill
    accounts serve (a rule whose carrier is stopped there is passed over); orders no rule chose are absent. Nothing is
    read beyond the rules when there are none."""
    repo = ServiceRules(session)
    rules = repo.rules()
    if not rules:
        return {}
    book, costs, day = repo.stop_book(), repo.costs(), china_day(now)
    orders, found = OrderRepository(session), {}
    for order_no in order_nos:
        stored = orders.stored(order_no)
        if stored is None or stored.package is not None:
            continue
        served = group_carriers(session, stored.shop_id)
        usable = [r for r in rules if r.carrier in served]
        chosen = suggest(facts_of(session, stored), usable, costs, book, day, served) if usable else None
        if chosen is not None and chosen.rule is not None:
            found[order_no] = chosen.rule.carrier
    return found


def stop_words(stop: Stop, province: str, city: str) -> Message:
    region = next((r for r in (province, city) if r), "-")
    if stop.kind == "festival":
        return msg("stops.festival", start=stop.starts.isoformat(), end=stop.ends.isoformat(), carrier=stop.carrier,
                   region=region)  # fmt: skip
    return msg("stops.stopped", carrier=stop.carrier, region=region, start=stop.starts.isoformat(),
               end=stop.ends.isoformat(), id=stop.id, note=stop.note or "-")  # fmt: skip


def print_stop(
    session: Session, stored: StoredOrder, carrier: str | None, now: datetime, book: StopBook | None = None
) -> NotPackable | None:
    """Why `stored`'s waybill must not print now with `carrier` (its parcel's, else the one asked, else the shop's
    default account's): a stop for its region, with the carriers still running there; None when nothing stops it.
    `book`: the stops, when the caller read them once for a batch."""
    book = book if book is not None else ServiceRules(session).stop_book()
    if not book.stops and book.festival is None:
        return None
    chosen = (stored.package.carrier if stored.package else None) or carrier or _default_carrier(session, stored)
    if not chosen:
        return None  # no account at all: the allocation says so in its own words
    a = stored.order.receiver.address
    day = china_day(now)
    stop = book.stop_for(chosen.upper(), a.province, a.city, day)
    if stop is None:
        return None
    others = [c for c in group_carriers(session, stored.shop_id) if book.stop_for(c, a.province, a.city, day) is None]
    words = stop_words(stop, a.province, a.city)
    order_no = stored.order.order_no
    if not others:
        return NotPackable(msg("print.blocked.stopped_none", order_no=order_no, stop=words), reason="stopped")
    return NotPackable(msg("print.blocked.stopped", order_no=order_no, stop=words, others=", ".join(others)),
                       reason="stopped", carriers=others)  # fmt: skip


def stopped_orders(session_factory: sessionmaker[Session], order_nos: Sequence[str], now: datetime | None = None
                   ) -> dict[str, Message]:  # fmt: skip
    """Of `order_nos`, those a stop keeps from their carrier today, with why (the workspace flags them)."""
    found = {}
    with session_factory() as session:
        orders = OrderRepository(session)
        for order_no in order_nos:
            stored = orders.stored(order_no)
            if stored is not None and stored.order.status.is_open:
                refusal = print_stop(session, stored, None, now or datetime.now(UTC))
                if refusal is not None:
                    found[order_no] = refusal.msg
    return found


def stop_marks(session_factory: sessionmaker[Session], orders: Sequence[Order], now: datetime | None = None
               ) -> dict[str, Message]:  # fmt: skip
    """Of a page of the workspace's orders, those still to ship that a stop keeps from their carrier today (their
    parcel's, else their shop's default account's), with the stop. One read of the stops; nothing else when there are
    none."""
    with session_factory() as session:
        repo = ServiceRules(session)
        book = repo.stop_book()
        if not book.stops and book.festival is None:
            return {}
        day, found = china_day(now), {}
        defaults: dict[str, str | None] = {}
        for order in orders:
            if not order.status.is_open:
                continue
            if order.shop not in defaults:
                shop = ShopRepository(session).by_name(order.shop)
                group_id = WaybillAccounts(session).group_of(shop.id) if shop is not None else None
                account = WaybillAccounts(session).serving(group_id) if group_id is not None else None
                defaults[order.shop] = account.carrier if account is not None else None
            carrier = order.carrier or defaults[order.shop]
            a = order.receiver.address
            stop = book.stop_for(carrier, a.province, a.city, day) if carrier else None
            if stop is not None:
                found[order.order_no] = stop_words(stop, a.province, a.city)
    return found


# -- settings -------------------------------------------------------------------------------------------------------


def service_settings(session_factory: sessionmaker[Session]) -> dict[str, str]:
    with session_factory() as session:
        return ServiceRules(session).settings()


def save_settings(session_factory: sessionmaker[Session], insure_above: str, due_soon_hours: str, actor: Actor) -> None:
    """Insurance above `insure_above` yuan ("": none) and the due-soon hours, in one transaction; both are read
    before anything is stored."""
    value = parse_money(insure_above, "insure_above") if insure_above.strip() else None
    hours = parse_hours(due_soon_hours)
    with session_factory.begin() as session:
        repo = ServiceRules(session)
        repo.set_setting(INSURE_ABOVE, str(value) if value is not None else "")
        repo.set_setting(DUE_SOON_HOURS, str(hours))
        audit(session, actor, "service_settings_set", "service_settings", "settings", insure_above=str(value or ""),
              due_soon_hours=hours)  # fmt: skip


def set_insure_above(session_factory: sessionmaker[Session], amount: str, actor: Actor) -> Decimal | None:
    """Insure (保价) parcels of orders worth at least `amount` yuan ("": none)."""
    value = parse_money(amount, "insure_above") if amount.strip() else None
    with session_factory.begin() as session:
        ServiceRules(session).set_setting(INSURE_ABOVE, str(value) if value is not None else "")
        audit(session, actor, "insure_above_set", "service_settings", INSURE_ABOVE, value=str(value or ""))
    return value

"""The service rules as stored: stops, carrier-choice rules, the cost table, deadline rules, holidays and the seller's
service settings (persistence layer). Returns the domain's values (app.domain.carrier_rules, app.domain.deadlines);
the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select, union, update
from sqlalchemy.orm import Session

from app.domain.carrier_rules import CarrierRule, Cost, CostTable, Stop, StopBook, split_list
from app.domain.deadlines import (
    DEFAULT_ALERT_TIMES,
    DEFAULT_DUE_SOON_HOURS,
    DEFAULT_HOURS,
    DeadlinePolicy,
    DeadlineRule,
    Holiday,
    parse_alert_times,
)
from app.domain.enums import OrderStatus
from app.persistence.rows import (
    CarrierCostRow,
    CarrierRuleRow,
    CarrierStopRow,
    DeadlineRuleRow,
    HolidayRow,
    OrderLineRow,
    OrderRow,
    ServiceSettingRow,
    ShopRow,
    WaybillAccountCarrierRow,
    WaybillAccountRow,
)

# The seller's service settings and their defaults ("" : not set).
DUE_SOON_HOURS = "due_soon_hours"
SHIP_WITHIN_HOURS = "ship_within_hours"
INSURE_ABOVE = "insure_above"  # yuan; an order worth at least this much is insured (保价)
FESTIVAL_FROM = "festival_from"  # spring-festival mode: ISO dates
FESTIVAL_TO = "festival_to"
ALERT_TIMES = "breach_alert_times"  # China-time moments a breach notice shows ("10:00,15:00"; "": none)
DEFAULTS = {
    DUE_SOON_HOURS: str(DEFAULT_DUE_SOON_HOURS),
    SHIP_WITHIN_HOURS: str(DEFAULT_HOURS),
    INSURE_ABOVE: "",
    FESTIVAL_FROM: "",
    FESTIVAL_TO: "",
    ALERT_TIMES: DEFAULT_ALERT_TIMES,
}


class ServiceRules:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- settings ------------------------------------------------------------------------------------------------

    def setting(self, key: str) -> str:
        row = self.session.get(ServiceSettingRow, key)
        return row.value if row is not None else DEFAULTS[key]

    def settings(self) -> dict[str, str]:
        stored = {r.key: r.value for r in self.session.execute(select(ServiceSettingRow)).scalars()}
        return {key: stored.get(key, default) for key, default in DEFAULTS.items()}

    def set_setting(self, key: str, value: str) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self.session.merge(ServiceSettingRow(key=key, value=value))

    def due_soon_hours(self) -> int:
        return int(self.setting(DUE_SOON_HOURS) or DEFAULT_DUE_SOON_HOURS)

    def alert_times(self) -> tuple[time, ...]:
        """When the window shows the breach notice (a stored value that no longer reads: the default)."""
        found = parse_alert_times(self.setting(ALERT_TIMES))
        return found if found is not None else parse_alert_times(DEFAULT_ALERT_TIMES) or ()

    def insure_above(self) -> Decimal | None:
        value = self.setting(INSURE_ABOVE)
        return Decimal(value) if value else None

    # -- stops ---------------------------------------------------------------------------------------------------

    def stop_book(self) -> StopBook:
        rows = self.session.execute(select(CarrierStopRow).order_by(CarrierStopRow.id)).scalars()
        stops = tuple(Stop(r.id, r.carrier, split_list(r.regions), r.starts, r.ends, r.note, r.kind) for r in rows)
        starts, ends = self.setting(FESTIVAL_FROM), self.setting(FESTIVAL_TO)
        festival = (date.fromisoformat(starts), date.fromisoformat(ends)) if starts and ends else None
        return StopBook(stops, festival)

    def add_stop(self, carrier: str, regions: Iterable[str], starts: date, ends: date, note: str, kind: str) -> int:
        row = CarrierStopRow(kind=kind, carrier=carrier, regions=",".join(regions), starts=starts, ends=ends, note=note)
        self.session.add(row)
        self.session.flush()
        return row.id

    def remove_stop(self, stop_id: int) -> bool:
        return bool(self.session.execute(delete(CarrierStopRow).where(CarrierStopRow.id == stop_id)).rowcount)

    def group_carriers(self, group_id: int) -> list[str]:
        """The carriers the group's waybill accounts issue numbers of (their own, and those they subscribe to)."""
        own = select(WaybillAccountRow.carrier).where(WaybillAccountRow.group_id == group_id)
        subscribed = (
            select(WaybillAccountCarrierRow.carrier)
            .join(WaybillAccountRow, WaybillAccountRow.id == WaybillAccountCarrierRow.account_id)
            .where(WaybillAccountRow.group_id == group_id)
        )
        return sorted({str(c).upper() for c in self.session.execute(union(own, subscribed)).scalars()})

    # -- carrier rules and costs ----------------------------------------------------------------------------------

    def rules(self) -> list[CarrierRule]:
        rows = self.session.execute(select(CarrierRuleRow).order_by(CarrierRuleRow.priority, CarrierRuleRow.id))
        return [CarrierRule.of(r.id, r.priority, r.carrier, r.name, r.conditions) for r in rows.scalars()]

    def add_rule(self, priority: int, carrier: str, name: str, conditions: dict[str, Any]) -> int:
        row = CarrierRuleRow(priority=priority, carrier=carrier, name=name, conditions=conditions)
        self.session.add(row)
        self.session.flush()
        return row.id

    def remove_rule(self, rule_id: int) -> bool:
        return bool(self.session.execute(delete(CarrierRuleRow).where(CarrierRuleRow.id == rule_id)).rowcount)

    def set_priority(self, rule_id: int, priority: int) -> bool:
        row = self.session.get(CarrierRuleRow, rule_id)
        if row is None:
            return False
        row.priority = priority
        return True

    def costs(self) -> CostTable:
        rows = self.session.execute(select(CarrierCostRow).order_by(CarrierCostRow.carrier, CarrierCostRow.province))
        return CostTable(tuple(Cost(r.carrier, r.province, r.first_kg, r.extra_kg) for r in rows.scalars()))

    def put_costs(self, costs: Iterable[Cost]) -> int:
        """Adds or replaces rows of the cost table; returns how many."""
        count = 0
        for c in costs:
            self.session.merge(CarrierCostRow(carrier=c.carrier, province=c.province, first_kg=c.first_kg,
                                              extra_kg=c.extra_kg))  # fmt: skip
            count += 1
        return count

    def remove_costs(self, carrier: str) -> int:
        return int(self.session.execute(delete(CarrierCostRow).where(CarrierCostRow.carrier == carrier)).rowcount)

    # -- deadlines -----------------------------------------------------------------------------------------------

    def deadline_policy(self) -> DeadlinePolicy:
        rules = tuple(
            DeadlineRule(r.id, r.kind, r.hours, r.shop, r.sku, r.starts, r.ends, r.note)
            for r in self.session.execute(select(DeadlineRuleRow).order_by(DeadlineRuleRow.id)).scalars()
        )
        holidays = tuple(
            Holiday(r.id, r.starts, r.ends, r.note)
            for r in self.session.execute(select(HolidayRow).order_by(HolidayRow.starts)).scalars()
        )
        return DeadlinePolicy(int(self.setting(SHIP_WITHIN_HOURS) or DEFAULT_HOURS), rules, holidays)

    def add_deadline_rule(
        self, kind: str, hours: int, shop: str, sku: str, starts: datetime | None, ends: datetime | None, note: str
    ) -> int:
        row = DeadlineRuleRow(kind=kind, hours=hours, shop=shop, sku=sku, starts=starts, ends=ends, note=note)
        self.session.add(row)
        self.session.flush()
        return row.id

    def remove_deadline_rule(self, rule_id: int) -> bool:
        return bool(self.session.execute(delete(DeadlineRuleRow).where(DeadlineRuleRow.id == rule_id)).rowcount)

    def add_holiday(self, starts: date, ends: date, note: str) -> int:
        row = HolidayRow(starts=starts, ends=ends, note=note)
        self.session.add(row)
        self.session.flush()
        return row.id

    def remove_holiday(self, holiday_id: int) -> bool:
        return bool(self.session.execute(delete(HolidayRow).where(HolidayRow.id == holiday_id)).rowcount)

    def open_deadlines(
        self, with_skus: bool
    ) -> list[tuple[int, datetime, datetime | None, datetime, str, tuple[str, ...]]]:
        """The orders still to ship: id, pay time, the platform's promise, deadline, shop name and (when asked)
        their SKUs."""
        statuses = [s.value for s in OrderStatus if s.is_open]
        query = (
            select(OrderRow.id, OrderRow.paid_at, OrderRow.promised_at, OrderRow.deadline, ShopRow.name)
            .join(ShopRow, ShopRow.id == OrderRow.shop_id)
            .where(OrderRow.status.in_(statuses))
        )
        rows = self.session.execute(query).all()
        skus: dict[int, list[str]] = {}
        if with_skus and rows:
            lines = select(OrderLineRow.order_id, OrderLineRow.sku).join(OrderRow).where(OrderRow.status.in_(statuses))
            for order_id, sku in self.session.execute(lines):
                skus.setdefault(order_id, []).append(sku)
        return [(r[0], r[1], r[2], r[3], r[4], tuple(skus.get(r[0], ()))) for r in rows]

    def set_deadlines(self, changes: list[tuple[int, datetime]]) -> None:
        if changes:
            self.session.execute(update(OrderRow), [{"id": i, "deadline": d} for i, d in changes])

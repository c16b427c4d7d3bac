"""The window's door to the service rules: stops, spring-festival mode, carrier rules, the cost table, insurance and
the due-soon hours (facade layer, beside app.facade.Desk, which hands it out as `desk.rules`).

Each method opens its own sessions through the services and returns plain values, so the dialogs call it from a
background lane; a change returns the whole picture again, for the dialog to show what is now stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.domain.carrier_rules import CarrierRule, CostTable, StopBook
from app.domain.messages import Message
from app.domain.orders import Order
from app.services import service_rules as rules
from app.services.audit import Actor
from resources import resource_path


@dataclass(frozen=True)
class RulesPicture:
    """Everything the two dialogs show."""

    stops: StopBook
    rules: tuple[CarrierRule, ...]
    costs: CostTable
    settings: dict[str, str]

    @property
    def insure_above(self) -> Decimal | None:
        value = self.settings.get("insure_above", "")
        return Decimal(value) if value else None


class RulesDesk:
    def __init__(self, session_factory: sessionmaker[Session], actor: Actor, clock: Callable[[], datetime]) -> None:
        self.session_factory, self.actor, self.clock = session_factory, actor, clock

    def picture(self) -> RulesPicture:
        sf = self.session_factory
        return RulesPicture(
            rules.stop_book(sf), tuple(rules.carrier_rules(sf)), rules.cost_table(sf), rules.service_settings(sf)
        )

    # -- stops ------------------------------------------------------------------------------------------------------

    def add_stop(self, carrier: str, regions: str, starts: str, ends: str, note: str, runs: bool) -> RulesPicture:
        """Raises InvalidInput (nothing stored) for a bad carrier, no regions, or dates that do not read."""
        rules.add_stops(self.session_factory, [rules.StopInput.read(carrier, regions, starts, ends, note, runs)],
                        self.actor)  # fmt: skip
        return self.picture()

    def remove_stop(self, stop_id: int) -> RulesPicture:
        rules.remove_stop(self.session_factory, stop_id, self.actor)
        return self.picture()

    def import_stops(self, path: Path | None) -> RulesPicture:
        """Stops from a CSV file; None: the starter list PackDesk ships. All or nothing."""
        source = path or resource_path("rules", "stops_starter.csv")
        rules.add_stops(self.session_factory, rules.read_stops_file(source), self.actor)
        return self.picture()

    def set_festival(self, starts: str, ends: str) -> RulesPicture:
        rules.set_festival(self.session_factory, starts, ends, self.actor)
        return self.picture()

    def stopped(self, order_nos: Sequence[str]) -> dict[str, Message]:
        """Of these orders, those a stop keeps from their carrier today, with why (and the carriers still running)."""
        return rules.stopped_orders(self.session_factory, order_nos, self.clock())

    def mark_stopped(self, orders: Sequence[Order]) -> list[Order]:
        """A page of the workspace's orders, those a stop keeps from their carrier today carrying the stop in
        `extra["stopped"]` (a Message)."""
        marks = rules.stop_marks(self.session_factory, orders, self.clock())
        if not marks:
            return list(orders)
        return [replace(o, extra={**o.extra, "stopped": marks[o.order_no]}) if o.order_no in marks else o
                for o in orders]  # fmt: skip

    # -- carrier rules, costs, insurance, hours ------------------------------------------------------------------------

    def add_rule(self, carrier: str, priority: str, name: str, conditions: dict[str, str]) -> RulesPicture:
        rule = rules.read_rule(carrier, priority, name, **conditions)
        rules.add_rule(self.session_factory, rule, self.actor)
        return self.picture()

    def remove_rule(self, rule_id: int) -> RulesPicture:
        rules.remove_rule(self.session_factory, rule_id, self.actor)
        return self.picture()

    def swap_rules(self, first: CarrierRule, second: CarrierRule) -> RulesPicture:
        """Gives each of two rules the other's priority (moving one up or down the list)."""
        low, high = sorted((first.priority, second.priority))
        if low == high:
            high = low + 1
        upper, lower = (first, second) if first.priority <= second.priority else (second, first)
        rules.move_rule(self.session_factory, upper.id, high, self.actor)
        rules.move_rule(self.session_factory, lower.id, low, self.actor)
        return self.picture()

    def import_costs(self, path: Path) -> RulesPicture:
        rules.put_costs(self.session_factory, rules.read_costs_file(path), self.actor)
        return self.picture()

    def save_settings(self, insure_above: str, due_soon_hours: str) -> RulesPicture:
        """Insurance above `insure_above` yuan ("": none) and the due-soon hours, both or neither.

        Raises:
            InvalidInput: either does not read (nothing stored).
        """
        rules.save_settings(self.session_factory, insure_above, due_soon_hours, self.actor)
        return self.picture()

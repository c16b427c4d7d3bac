"""Ship-by deadlines as use cases: the seller's rules, holidays, "due soon" hours, and applying them (services layer).

A change of rules or holidays applies at once to every order still to ship whose ship-by time is not the platform's
(the platform's promise stands), in the same transaction as the change; orders synced or imported later get them as
they are stored (app.sync.store).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker

from app.domain.deadlines import KINDS, DeadlinePolicy, parse_alert_times
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import msg
from app.domain.orders import CHINA_TZ
from app.persistence.service_rules import ALERT_TIMES, DUE_SOON_HOURS, SHIP_WITHIN_HOURS, ServiceRules
from app.persistence.shops import ShopRepository
from app.services.audit import Actor, audit
from app.services.service_rules import day_span, parse_hours


def parse_time(text: str, end: bool = False) -> datetime:
    """A China-time date or date and time; a bare date as `end` is the end of that day."""
    raw = text.strip().replace("/", "-")
    try:
        found = datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(msg("rules.bad_time", text=text)) from None
    if end and len(raw) <= 10:
        found = datetime.combine(found.date() + timedelta(days=1), time())
    return found.replace(tzinfo=CHINA_TZ) if found.tzinfo is None else found


def deadline_policy(session_factory: sessionmaker[Session]) -> DeadlinePolicy:
    with session_factory() as session:
        return ServiceRules(session).deadline_policy()


def apply_deadlines(session: Session) -> int:
    """Recomputes the ship-by time of every order still to ship from the rules, in `session`'s transaction; returns
    how many changed."""
    repo = ServiceRules(session)
    policy = repo.deadline_policy()
    with_skus = any(r.kind == "product" for r in policy.rules)
    changes = []
    for order_id, paid_at, promised, deadline, shop, skus in repo.open_deadlines(with_skus):
        wanted = policy.ship_by(paid_at, promised, shop, skus)
        if wanted != deadline:
            changes.append((order_id, wanted))
    repo.set_deadlines(changes)
    return len(changes)


def add_deadline_rule(
    session_factory: sessionmaker[Session], kind: str, hours: str | int, actor: Actor, *, shop: str = "",
    sku: str = "", starts: str = "", ends: str = "", note: str = "",
) -> tuple[int, int]:  # fmt: skip
    """Adds a shop, product or activity rule and applies it; returns its id and how many orders changed.

    Raises:
        InvalidInput: an unknown kind, hours out of range, a rule without what it is for, an unknown shop, a
            window that ends before it starts.
    """
    count = parse_hours(hours)
    shop, sku = shop.strip(), sku.strip()
    if kind not in KINDS or (kind == "shop" and not shop) or (kind == "product" and not sku):
        raise InvalidInput(msg("rules.deadline_needs"))
    if kind == "activity" and not (starts and ends):
        raise InvalidInput(msg("rules.deadline_needs"))
    first = parse_time(starts) if starts else None
    last = parse_time(ends, end=True) if ends else None
    if first and last and last <= first:
        raise InvalidInput(msg("rules.dates_reversed", start=starts, end=ends))
    with session_factory.begin() as session:
        if shop:
            names = ShopRepository(session).names()
            if shop not in names:
                raise InvalidInput(msg("rules.unknown_shop", shop=shop, names=", ".join(names) or "-"))
        rule_id = ServiceRules(session).add_deadline_rule(kind, count, shop, sku, first, last, note.strip())
        changed = apply_deadlines(session)
        audit(session, actor, "deadline_rule_added", "deadline_rule", rule_id, kind=kind, hours=count, shop=shop,
              sku=sku, changed=changed)  # fmt: skip
    return rule_id, changed


def add_holiday(session_factory: sessionmaker[Session], starts: str, ends: str, note: str, actor: Actor
                ) -> tuple[int, int]:  # fmt: skip
    """Adds holiday dates (the ship-by clock stands still on them) and applies them; returns the id and how many
    orders changed."""
    first, last = day_span(starts, ends)
    with session_factory.begin() as session:
        holiday_id = ServiceRules(session).add_holiday(first, last, note.strip())
        changed = apply_deadlines(session)
        audit(session, actor, "holiday_added", "holiday", holiday_id, starts=first.isoformat(), ends=last.isoformat(),
              changed=changed)  # fmt: skip
    return holiday_id, changed


def remove_deadline_entry(session_factory: sessionmaker[Session], what: str, entry_id: int, actor: Actor) -> int:
    """Removes a deadline rule ("rule") or holiday ("holiday") and applies the rest; returns how many changed."""
    with session_factory.begin() as session:
        repo = ServiceRules(session)
        gone = repo.remove_deadline_rule(entry_id) if what == "rule" else repo.remove_holiday(entry_id)
        if not gone:
            raise NotFound(msg("rules.deadline_rule_not_found" if what == "rule" else "rules.holiday_not_found",
                               id=entry_id))  # fmt: skip
        changed = apply_deadlines(session)
        audit(session, actor, f"{what}_removed", what, entry_id, changed=changed)
    return changed


def set_deadline_hours(
    session_factory: sessionmaker[Session],
    actor: Actor,
    *,
    due_soon: str | None = None,
    ship_within: str | None = None,
    alert_times: str | None = None,
) -> int:
    """Sets the "due soon" hours, the default ship-within hours (then applied) and/or the times of day the window
    shows the breach notice ("10:00,15:00"; "off": never); returns how many orders' ship-by times changed. Every
    value is read before anything is stored."""
    soon = parse_hours(due_soon) if due_soon is not None else None
    within = parse_hours(ship_within) if ship_within is not None else None
    times = parse_alert_times(alert_times) if alert_times is not None else ()
    if times is None:
        raise InvalidInput(msg("rules.bad_alert_times", text=alert_times))
    changed = 0
    with session_factory.begin() as session:
        repo = ServiceRules(session)
        if soon is not None:
            repo.set_setting(DUE_SOON_HOURS, str(soon))
        if alert_times is not None:
            repo.set_setting(ALERT_TIMES, ",".join(t.strftime("%H:%M") for t in times) or "off")
        if within is not None:
            repo.set_setting(SHIP_WITHIN_HOURS, str(within))
            changed = apply_deadlines(session)
        audit(session, actor, "deadline_hours_set", "service_settings", "deadlines", due_soon=soon,
              ship_within=within, alert_times=alert_times, changed=changed)  # fmt: skip
    return changed

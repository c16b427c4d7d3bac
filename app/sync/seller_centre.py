"""Ship-backs only the seller can make: the shipments of shops without an API connection (sync layer).

A shop filled by imports (or the demo) has no way to tell its platform about a shipment from here, so its entries are
not "waiting" for PackDesk: they wait for the seller, who enters them in the seller centre, best with the bulk-ship
file (app.sync.bulk_ship). They stay stored as `pending` (so a shop that later gets an API connection sends them,
or finds them already shipped) and are shown in the state `manual` with the reason. Exporting stamps the entries it
wrote; marking them entered closes them as done, and only those the seller saw in a file (or picked by number), so a
shipment recorded after the export is never closed unseen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Message, msg
from app.domain.shops import Shop
from app.persistence.outbox import OutboxRepository
from app.sync.bulk_ship import check_path, format_for, write_bulk_ship
from app.sync.shops import find_shop

MANUAL = "manual"  # the state `outbox list` and the window show for these entries
REASON_CODE = "seller_centre"


def manual_reason(shop: str) -> Message:
    return msg("seller_centre.enter", shop=shop)


def manual_count(session: Session) -> int:
    return OutboxRepository(session).waiting_for_seller_count()


def as_manual(item: dict[str, Any]) -> dict[str, Any]:
    """An `outbox_items` entry of a shop without an API connection, as the seller must read it."""
    return {**item, "state": MANUAL, "last_error": manual_reason(item["shop"]), "reason_code": REASON_CODE}


@dataclass(frozen=True)
class ExportReport:
    file: str
    shop: str
    platform: str
    ids: list[int]
    # split shipments: not in the file, and why ("reason": a Message; JSON carries its English)
    by_hand: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "shop": self.shop,
            "platform": self.platform,
            "rows": len(self.ids),
            "ids": self.ids,
            "by_hand": [{**e, "reason": e["reason"].render()} for e in self.by_hand],
        }


def _shop_to_export(session: Session, name: str | None) -> Shop:
    if name:
        shop = find_shop(session, name)
        if shop.gateway_url:
            raise InvalidInput(msg("seller_centre.has_api", name=name))
        return shop
    names = OutboxRepository(session).shops_waiting_for_seller()
    if not names:
        raise NotFound(msg("seller_centre.nothing"))
    if len(names) > 1:
        raise InvalidInput(msg("seller_centre.several_shops", names=", ".join(names)))
    return find_shop(session, names[0])


def export_bulk_ship(
    session_factory: sessionmaker[Session], path: Path, shop_name: str | None, now: datetime
) -> ExportReport:
    """Writes the bulk-ship file of one shop's shipments that wait for its seller centre, and stamps them exported.

    Args:
        path: a .csv or .xlsx file (replaced when it exists).
        shop_name: the shop; may be left out when only one shop has such shipments.

    Raises:
        InvalidInput, NotFound: nothing written, nothing changed.
    """
    check_path(path)
    with session_factory() as session:
        shop = _shop_to_export(session, shop_name)
        shop_id, name, platform = shop.id, shop.name, shop.platform
        entries = OutboxRepository(session).waiting_for_seller(shop_id)
        whole = {i: p for i, p in entries.items() if not p.partial}
        by_hand = [
            {"id": i, "order_no": p.order_no, "reason": msg("seller_centre.partial")}
            for i, p in entries.items()
            if p.partial
        ]
        rows = [(p.order_no, p.carrier, p.tracking_no) for p in whole.values()]
        ids = list(whole)
    if not rows and not by_hand:
        raise NotFound(msg("seller_centre.nothing_for_shop", name=name))
    if rows:
        write_bulk_ship(path, format_for(platform), rows)
        with session_factory.begin() as session:
            OutboxRepository(session).mark_exported(ids, now, path.name)
    return ExportReport(str(path) if rows else "", name, platform, ids, by_hand)


def mark_entered(
    session_factory: sessionmaker[Session], now: datetime, ids: Sequence[int] = (), shop_name: str | None = None
) -> list[int]:
    """Closes as done the shipments the seller entered in the seller centre; returns their ids.

    Args:
        ids: these entries; when empty, every exported one (of `shop_name`, when given) still waiting.

    Raises:
        InvalidInput, NotFound: an id that is not a shipment waiting for the seller centre, or nothing to mark;
            nothing is changed.
    """
    with session_factory.begin() as session:
        repo = OutboxRepository(session)
        waiting = repo.waiting_for_seller(find_shop(session, shop_name).id if shop_name else None)
        if ids:
            missing = [i for i in ids if i not in waiting]
            if missing:
                listed = "#" + ", #".join(map(str, missing))
                raise InvalidInput(msg("seller_centre.not_waiting", ids=listed))
            chosen = sorted(set(ids))
        else:
            chosen = [i for i, p in waiting.items() if p.exported_at]
            if not chosen:
                raise NotFound(msg("seller_centre.nothing_exported"))
        repo.mark_entered_by_hand(chosen, now)
        return chosen

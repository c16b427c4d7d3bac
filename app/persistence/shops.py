"""The shops repository: shops, their associated-shop groups and where their sync stands, read as domain values
(persistence layer)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.enums import Platform
from app.domain.messages import Message
from app.domain.shops import Sender, Shop, ShopView, SyncState
from app.persistence.rows import ShopGroupRow, ShopRow, SyncStateRow


def _shop(row: ShopRow) -> Shop:
    return Shop(
        id=row.id,
        name=row.name,
        platform=Platform(row.platform),
        gateway_url=row.gateway_url,
        app_key=row.app_key,
        credentials_ref=row.credentials_ref,
        group=row.group.name if row.group else None,
    )


def _state(row: SyncStateRow) -> SyncState:
    return SyncState(row.watermark, row.last_success_at, Message.decode(row.last_error), row.updated_at)


def _sender(group: ShopGroupRow) -> Sender:
    return Sender(
        group.sender_name,
        group.sender_phone,
        group.sender_province,
        group.sender_city,
        group.sender_district,
        group.sender_detail,
    )


class ShopRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, name: str) -> ShopRow | None:
        return self.session.execute(select(ShopRow).where(ShopRow.name == name)).scalar_one_or_none()

    def _group(self, name: str) -> ShopGroupRow:
        """The group called `name`, created when new."""
        group = self.session.execute(select(ShopGroupRow).where(ShopGroupRow.name == name)).scalar_one_or_none()
        if group is None:
            group = ShopGroupRow(name=name)
            self.session.add(group)
        return group

    def get(self, shop_id: int) -> Shop | None:
        row = self.session.get(ShopRow, shop_id)
        return _shop(row) if row else None

    def by_name(self, name: str) -> Shop | None:
        row = self._row(name)
        return _shop(row) if row else None

    def sender_of(self, shop_id: int) -> Sender | None:
        """Who sends shop `shop_id`'s parcels: its group's sender; None when the shop has no group."""
        row = self.session.get(ShopRow, shop_id)
        group = row.group if row is not None else None
        return _sender(group) if group is not None else None

    def names(self) -> list[str]:
        return list(self.session.execute(select(ShopRow.name).order_by(ShopRow.name)).scalars())

    def api_shops(self, *platforms: Platform) -> list[Shop]:
        """The shops of `platforms` that sync through their API."""
        wanted = [p.value for p in platforms]
        query = select(ShopRow).where(ShopRow.gateway_url.is_not(None), ShopRow.platform.in_(wanted))
        return [_shop(row) for row in self.session.execute(query).scalars()]

    def api_shop_count(self) -> int:
        query = select(func.count()).select_from(ShopRow).where(ShopRow.gateway_url.is_not(None))
        return int(self.session.scalar(query) or 0)

    def add(self, name: str, platform: Platform, now: datetime, group: str | None = None) -> Shop:
        """Adds the shop `name` (in the caller's transaction), in the associated-shop group `group` when given."""
        row = ShopRow(name=name, platform=platform.value, created_at=now)
        if group:
            row.group = self._group(group)
        self.session.add(row)
        self.session.flush()
        return _shop(row)

    def connect_api(self, shop_id: int, *, gateway: str, app_key: str, credentials_ref: str) -> Shop:
        """Makes the shop sync through its platform's API; its secrets are kept under `credentials_ref`."""
        row = self.session.get(ShopRow, shop_id)
        assert row is not None
        row.gateway_url, row.app_key, row.credentials_ref = gateway, app_key, credentials_ref
        self.session.flush()
        return _shop(row)

    def set_group_sender(self, group: str, sender: Sender) -> None:
        """Sets the sender of the associated-shop group `group` (created when new)."""
        row = self._group(group)
        row.sender_name, row.sender_phone = sender.name, sender.phone
        row.sender_province, row.sender_city, row.sender_district = sender.province, sender.city, sender.district
        row.sender_detail = sender.detail

    def views(self) -> list[ShopView]:
        """Every shop as the shop list shows it, by name."""
        views = []
        for row in self.session.execute(select(ShopRow).order_by(ShopRow.name)).scalars():
            state = self.sync_state(row.id)
            group = row.group
            views.append(
                ShopView(
                    row.name,
                    row.platform,
                    bool(row.gateway_url),
                    group.name if group else "",
                    _sender(group).one_line() if group else "",
                    state.last_success_at,
                    state.last_error,
                )
            )
        return views

    def sync_state(self, shop_id: int) -> SyncState:
        row = self.session.get(SyncStateRow, shop_id)
        return _state(row) if row else SyncState()

    def sync_states(self) -> list[SyncState]:
        """Where the sync of every shop that ever synced stands."""
        rows = self.session.execute(select(SyncStateRow).join(ShopRow, ShopRow.id == SyncStateRow.shop_id)).scalars()
        return [_state(r) for r in rows]

    def _state_row(self, shop_id: int) -> SyncStateRow:
        row = self.session.get(SyncStateRow, shop_id)
        if row is None:
            row = SyncStateRow(shop_id=shop_id)
            self.session.add(row)
        return row

    def record_sync_success(self, shop_id: int, watermark: datetime, now: datetime) -> None:
        """The shop's orders are in the cache up to `watermark`; its last error is gone."""
        row = self._state_row(shop_id)
        row.watermark, row.last_success_at, row.last_error, row.updated_at = watermark, now, None, now

    def fill_cursor(self, shop_id: int) -> str | None:
        """Where the shop's unfinished first fill stands (the sync's own JSON), None when none is under way."""
        row = self.session.get(SyncStateRow, shop_id)
        return row.cursor if row else None

    def set_fill_cursor(self, shop_id: int, cursor: str | None) -> None:
        """Keeps where the first fill stands, in the caller's transaction (with the page it stored)."""
        self._state_row(shop_id).cursor = cursor

    def record_sync_error(self, shop_id: int, message: Message, now: datetime) -> None:
        """Why the shop's sync failed (its watermark stays)."""
        row = self._state_row(shop_id)
        row.last_error, row.updated_at = message.encode(), now

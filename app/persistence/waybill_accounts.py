"""Waybill accounts: the one serving a shop, read as a domain value, their number rolls' serials taken with one
conditional write, and the accounts as the account list shows them, added, changed and given the carriers their
provider answered (persistence layer)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.waybill_accounts import LOCAL_KINDS, AccountView, CarrierView, is_low
from app.domain.waybills import CarrierBalance, SenderAddress, WaybillAccount
from app.persistence.rows import ShopGroupRow, ShopRow, WaybillAccountCarrierRow, WaybillAccountRow


class WaybillAccounts:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- the account serving a shop ----------------------------------------------------------------------------------

    def group_of(self, shop_id: int) -> int | None:
        """The associated-shop group of shop `shop_id` (its accounts serve the shop); None when it has none.

        The shop was loaded with its order on the print path, so this is answered from the session.
        """
        shop = self.session.get(ShopRow, shop_id)
        return shop.group_id if shop is not None else None

    def serving(self, group_id: int, carrier: str | None = None) -> WaybillAccount | None:
        """The group's account for `carrier` (a code in capitals), else its default one (then its first).

        For a carrier, an account whose default carrier it is comes first (the group's default among them); else
        an online account subscribed to it, given as an account of that carrier.
        """
        query = select(WaybillAccountRow).where(WaybillAccountRow.group_id == group_id)
        if carrier:
            query = query.where(WaybillAccountRow.carrier == carrier)
        query = query.order_by(WaybillAccountRow.is_default.desc(), WaybillAccountRow.id)
        row = self.session.execute(query).scalars().first()
        if row is not None:
            return self._account(row)
        if not carrier:
            return None
        subscribed = (
            select(WaybillAccountRow)
            .join(WaybillAccountCarrierRow, WaybillAccountCarrierRow.account_id == WaybillAccountRow.id)
            .where(WaybillAccountRow.group_id == group_id, WaybillAccountCarrierRow.carrier == carrier)
            .order_by(WaybillAccountRow.is_default.desc(), WaybillAccountRow.id)
        )
        row = self.session.execute(subscribed).scalars().first()
        return self._account(row, carrier) if row is not None else None

    def _account(self, row: WaybillAccountRow, carrier: str | None = None) -> WaybillAccount:
        """The account as a value, with its chosen sender address (as its provider returned it, with the shop
        group's sender name and phone) when it has one; `carrier` replaces its default carrier."""
        sender = None
        if row.address_id:
            found = self.session.execute(
                select(WaybillAccountCarrierRow.addresses).where(WaybillAccountCarrierRow.account_id == row.id)
            ).scalars()
            for addresses in found:
                match = next((a for a in addresses or () if str(a.get("address_id")) == row.address_id), None)
                if match is not None:
                    group = row.group
                    sender = SenderAddress.of_json(match, group.sender_name, group.sender_phone)
                    break
        elif row.kind not in LOCAL_KINDS:
            sender = self._own_sender(row)
        return WaybillAccount(
            row.id,
            row.name,
            row.kind,
            carrier or row.carrier,
            gateway=row.gateway_url or "",
            app_key=row.app_key or "",
            credentials_ref=row.credentials_ref,
            settings=dict(row.settings or {}),
            sender=sender,
        )

    def _own_sender(self, row: WaybillAccountRow) -> SenderAddress | None:
        """The shop group's own sender, for an online account whose provider names no sender addresses (a Kuaidi100
        branch account): the one that prints, as the account list shows; None when the provider names some."""
        named = self.session.execute(
            select(WaybillAccountCarrierRow.addresses).where(WaybillAccountCarrierRow.account_id == row.id)
        ).scalars()
        group = row.group
        if any(named) or not (group.sender_province or group.sender_detail):
            return None
        return SenderAddress(
            "",
            group.sender_province,
            group.sender_city,
            group.sender_district,
            "",
            group.sender_detail,
            group.sender_name,
            group.sender_phone,
        )

    def take_serials(self, account_id: int, count: int) -> int | None:
        """Takes the next `count` serials of the account's roll; the first of them, or None when fewer are left.

        One UPDATE, which takes SQLite's write lock: two stations never take the same serial.
        """
        after = self.session.execute(
            update(WaybillAccountRow)
            .where(
                WaybillAccountRow.id == account_id,
                WaybillAccountRow.next_serial + count <= WaybillAccountRow.serial_end,
            )
            .values(next_serial=WaybillAccountRow.next_serial + count)
            .returning(WaybillAccountRow.next_serial)
        ).scalar_one_or_none()
        return None if after is None else after - count

    def roll_position(self, account_id: int) -> tuple[int, int] | None:
        """The roll's next free serial and its end (exclusive); None for no such account."""
        found = self.session.execute(
            select(WaybillAccountRow.next_serial, WaybillAccountRow.serial_end).where(
                WaybillAccountRow.id == account_id
            )
        ).first()
        return None if found is None else (int(found[0]), int(found[1]))

    def claim_serial(self, account_id: int, serial: int) -> bool:
        """Takes `serial` of the account's roll unless the roll has passed it (another station or batch took it):
        the roll's next free serial becomes the one after it, those below it left unused. One conditional UPDATE,
        which takes SQLite's write lock."""
        claimed = self.session.execute(
            update(WaybillAccountRow)
            .where(
                WaybillAccountRow.id == account_id,
                WaybillAccountRow.next_serial <= serial,
                WaybillAccountRow.serial_end > serial,
            )
            .values(next_serial=serial + 1)
            .returning(WaybillAccountRow.id)
        ).scalar_one_or_none()
        return claimed is not None

    # -- the accounts as the list shows them --------------------------------------------------------------------------

    def _row(self, name: str) -> WaybillAccountRow | None:
        return self.session.execute(select(WaybillAccountRow).where(WaybillAccountRow.name == name)).scalars().first()

    def by_name(self, name: str) -> WaybillAccount | None:
        row = self._row(name)
        return self._account(row) if row is not None else None

    def names(self) -> list[str]:
        return list(self.session.execute(select(WaybillAccountRow.name).order_by(WaybillAccountRow.name)).scalars())

    def online(self, name: str | None = None) -> list[WaybillAccount]:
        """The accounts whose provider is asked over the network (`name`: only that one), by name."""
        query = select(WaybillAccountRow).where(WaybillAccountRow.kind.not_in(LOCAL_KINDS))
        if name is not None:
            query = query.where(WaybillAccountRow.name == name)
        return [self._account(row) for row in self.session.execute(query.order_by(WaybillAccountRow.name)).scalars()]

    def view(self, name: str) -> AccountView | None:
        row = self._row(name)
        return self._view(row) if row is not None else None

    def views(self) -> list[AccountView]:
        """Every account, by group then name, with its carriers and the shops it serves."""
        query = (
            select(WaybillAccountRow)
            .join(ShopGroupRow, ShopGroupRow.id == WaybillAccountRow.group_id)
            .order_by(ShopGroupRow.name, WaybillAccountRow.is_default.desc(), WaybillAccountRow.name)
        )
        return [self._view(row) for row in self.session.execute(query).scalars()]

    def _view(self, row: WaybillAccountRow) -> AccountView:
        group = row.group
        shops = tuple(s.name for s in sorted(group.shops, key=lambda s: s.name))
        own = SenderAddress(
            "",
            group.sender_province,
            group.sender_city,
            group.sender_district,
            "",
            group.sender_detail,
            group.sender_name,
            group.sender_phone,
        )
        group_sender = own if (group.sender_province or group.sender_detail) else None
        if row.kind in LOCAL_KINDS:
            # A roll's balance is what is left of its range, always current (no provider to ask).
            balance = max(row.serial_end - row.next_serial, 0)
            carriers: tuple[CarrierView, ...] = (
                CarrierView(row.carrier, balance, is_low(balance, row.warn_below), group_sender),
            )
        else:
            found = self.session.execute(
                select(WaybillAccountCarrierRow)
                .where(WaybillAccountCarrierRow.account_id == row.id)
                .order_by(WaybillAccountCarrierRow.id)
            ).scalars()
            carriers = tuple(self._carrier(c, row, group_sender) for c in found)
        source = self.session.get(ShopRow, row.source_shop_id) if row.source_shop_id else None
        return AccountView(
            row.id,
            row.name,
            row.kind,
            row.carrier,
            group.name,
            shops,
            row.is_default,
            row.warn_below,
            carriers,
            address_id=row.address_id or "",
            gateway=row.gateway_url or "",
            source_shop=source.name if source else "",
            settings=dict(row.settings or {}),
            sender_name=group.sender_name,
            sender_phone=group.sender_phone,
        )

    @staticmethod
    def _carrier(
        c: WaybillAccountCarrierRow, account: WaybillAccountRow, group_sender: SenderAddress | None
    ) -> CarrierView:
        group = account.group
        addresses = tuple(SenderAddress.of_json(a, group.sender_name, group.sender_phone) for a in c.addresses or ())
        if addresses:
            address = next((a for a in addresses if account.address_id and a.address_id == account.address_id), None)
        else:  # the provider names no addresses (a branch account): the group's own sender prints
            address = group_sender
        return CarrierView(
            c.carrier,
            c.balance,
            is_low(c.balance, account.warn_below),
            address,
            addresses,
            c.branch_name or c.branch_code,
            c.updated_at,
        )

    def serial_ranges(self, carrier: str) -> list[tuple[str, int, int]]:
        """The serial ranges of the number rolls of `carrier` (name, first, end exclusive): a new roll must not
        overlap them."""
        query = select(WaybillAccountRow).where(
            WaybillAccountRow.kind.in_(LOCAL_KINDS), WaybillAccountRow.carrier == carrier
        )
        return [
            (row.name, int((row.settings or {}).get("first", row.next_serial)), row.serial_end)
            for row in self.session.execute(query).scalars()
        ]

    # -- writes -------------------------------------------------------------------------------------------------------

    def group_named(self, name: str) -> int:
        """The associated-shop group called `name`, created when new; its id."""
        group = self.session.execute(select(ShopGroupRow).where(ShopGroupRow.name == name)).scalars().first()
        if group is None:
            group = ShopGroupRow(name=name)
            self.session.add(group)
            self.session.flush()
        return group.id

    def group_of_shop(self, shop_id: int) -> int:
        """The group of shop `shop_id`; a shop in none gets one named after it (so an account can serve it, and
        associated shops can join it later)."""
        shop = self.session.get(ShopRow, shop_id)
        assert shop is not None
        if shop.group_id is None:
            shop.group_id = self.group_named(shop.name)
            self.session.flush()
        return shop.group_id

    def set_group_sender(
        self, group_id: int, name: str | None, phone: str | None, address: SenderAddress | None = None
    ) -> None:
        """Sets the sender name and phone of the group (None keeps them); a group with no sender address takes
        `address`, the one its account's provider returned, so the labels print the address the numbers were
        issued for."""
        group = self.session.get(ShopGroupRow, group_id)
        assert group is not None
        if name is not None:
            group.sender_name = name
        if phone is not None:
            group.sender_phone = phone
        if address is not None and not (group.sender_province or group.sender_detail):
            group.sender_province, group.sender_city = address.province, address.city
            group.sender_district = address.district
            group.sender_detail = f"{address.town}{address.detail}"
        self.session.flush()

    def group_names(self) -> list[str]:
        return list(self.session.execute(select(ShopGroupRow.name).order_by(ShopGroupRow.name)).scalars())

    def save(
        self,
        name: str,
        *,
        kind: str,
        group_id: int,
        carrier: str,
        gateway: str | None = None,
        app_key: str | None = None,
        credentials_ref: str | None = None,
        source_shop_id: int | None = None,
        settings: Mapping[str, Any] | None = None,
        address_id: str | None = None,
        warn_below: int | None = None,
        serials: tuple[int, int] | None = None,
    ) -> int:
        """Adds the account `name`, or changes the one of that name (its kind stays); its id.

        Args:
            serials: a roll's range (first serial, end exclusive), set on a new account only: serials taken are
                never given again.
            warn_below: None keeps the threshold (a new account: the default).
        """
        row = self._row(name)
        if row is None:
            row = WaybillAccountRow(name=name, kind=kind, next_serial=0, serial_end=0, settings={})
            if serials is not None:
                row.next_serial, row.serial_end = serials
            self.session.add(row)
        row.group_id, row.carrier = group_id, carrier
        row.gateway_url, row.app_key, row.credentials_ref = gateway, app_key, credentials_ref
        row.source_shop_id, row.address_id = source_shop_id, address_id
        if settings is not None:
            row.settings = dict(settings)
        if warn_below is not None:
            row.warn_below = warn_below
        self.session.flush()
        return row.id

    def set_default(self, account_id: int, carrier: str | None = None) -> None:
        """Makes the account its group's default (the others of the group are not), and `carrier` its default
        carrier when given."""
        row = self.session.get(WaybillAccountRow, account_id)
        assert row is not None
        self.session.execute(
            update(WaybillAccountRow)
            .where(WaybillAccountRow.group_id == row.group_id, WaybillAccountRow.id != account_id)
            .values(is_default=False)
        )
        row.is_default = True
        if carrier:
            row.carrier = carrier
        self.session.flush()

    def has_default(self, group_id: int) -> bool:
        query = select(WaybillAccountRow.id).where(
            WaybillAccountRow.group_id == group_id, WaybillAccountRow.is_default.is_(True)
        )
        return self.session.execute(query).first() is not None

    def set_warn_below(self, account_id: int, warn_below: int) -> None:
        row = self.session.get(WaybillAccountRow, account_id)
        assert row is not None
        row.warn_below = warn_below

    def store_carriers(self, account_id: int, carriers: Sequence[CarrierBalance], now: datetime) -> None:
        """The carriers the provider answered the account is subscribed to, replacing what it answered before (a
        carrier it no longer names is gone)."""
        existing = {
            c.carrier: c
            for c in self.session.execute(
                select(WaybillAccountCarrierRow).where(WaybillAccountCarrierRow.account_id == account_id)
            ).scalars()
        }
        seen = set()
        for balance in carriers:
            code = balance.code.upper()
            if code in seen:
                continue
            seen.add(code)
            row = existing.get(code)
            if row is None:
                row = WaybillAccountCarrierRow(account_id=account_id, carrier=code)
                self.session.add(row)
            row.balance = balance.balance
            row.branch_code, row.branch_name = balance.branch_code, balance.branch_name
            row.addresses = [a.to_json() for a in balance.addresses]
            row.updated_at = now
        for code, row in existing.items():
            if code not in seen:
                self.session.delete(row)
        self.session.flush()

"""Waybill accounts: the one serving a shop, read as a domain value, and their number rolls' serials taken with one
conditional write (persistence layer)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.waybills import SenderAddress, WaybillAccount
from app.persistence.rows import ShopRow, WaybillAccountCarrierRow, WaybillAccountRow


class WaybillAccounts:
    def __init__(self, session: Session) -> None:
        self.session = session

    def group_of(self, shop_id: int) -> int | None:
        """The associated-shop group of shop `shop_id` (its accounts serve the shop); None when it has none.

        The shop was loaded with its order on the print path, so this is answered from the session.
        """
        shop = self.session.get(ShopRow, shop_id)
        return shop.group_id if shop is not None else None

    def serving(self, group_id: int, carrier: str | None = None) -> WaybillAccount | None:
        """The group's account for `carrier` (a code in capitals), else its default one (then its first)."""
        query = select(WaybillAccountRow).where(WaybillAccountRow.group_id == group_id)
        if carrier:
            query = query.where(WaybillAccountRow.carrier == carrier)
        else:
            query = query.order_by(WaybillAccountRow.is_default.desc(), WaybillAccountRow.id)
        row = self.session.execute(query).scalars().first()
        return self._account(row) if row is not None else None

    def _account(self, row: WaybillAccountRow) -> WaybillAccount:
        """The account as a value, with its chosen sender address (as its provider returned it, with the shop
        group's sender name and phone) when it has one."""
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
        return WaybillAccount(
            row.id,
            row.name,
            row.kind,
            row.carrier,
            gateway=row.gateway_url or "",
            app_key=row.app_key or "",
            credentials_ref=row.credentials_ref,
            settings=dict(row.settings or {}),
            sender=sender,
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

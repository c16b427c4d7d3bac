"""Waybill accounts' number rolls: taking serials with one conditional write (persistence layer)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.persistence.rows import WaybillAccountRow


class WaybillAccounts:
    def __init__(self, session: Session) -> None:
        self.session = session

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

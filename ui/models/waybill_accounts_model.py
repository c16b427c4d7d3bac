"""Table model of the waybill accounts: one row per carrier of each account, with its balance (low ones marked),
the sender address its labels print and the shops that use it (ui layer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.waybill_accounts import AccountView, CarrierView, address_line
from ui.models.rows_model import ROW_ROLE, RowsTableModel

COL_ACCOUNT, COL_PROVIDER, COL_CARRIER, COL_BALANCE, COL_ADDRESS, COL_SHOPS = range(6)
ACCOUNT_ROLE = ROW_ROLE
LOW_COLOUR = "#c62828"


@dataclass(frozen=True)
class AccountCarrier:
    """One row: an account and one of its carriers (None for an account the provider named no carrier for);
    `first`: the account's first row, which names it (the rows under it show only their carrier)."""

    account: AccountView
    carrier: CarrierView | None
    first: bool = True

    @property
    def low(self) -> bool:
        return bool(self.carrier and self.carrier.low)


def rows_of(accounts: list[AccountView]) -> list[AccountCarrier]:
    return [AccountCarrier(a, c, i == 0) for a in accounts for i, c in enumerate(a.carriers or (None,))]


def provider_text(kind: str) -> str:
    return {
        "cainiao": QCoreApplication.translate("WaybillAccountsModel", "Cainiao"),
        "pdd": QCoreApplication.translate("WaybillAccountsModel", "Pinduoduo"),
        "kuaidi100": QCoreApplication.translate("WaybillAccountsModel", "Kuaidi100"),
        "roll": QCoreApplication.translate("WaybillAccountsModel", "Number roll"),
        "demo": QCoreApplication.translate("WaybillAccountsModel", "Demo"),
    }.get(kind, kind)


def balance_text(balance: int | None) -> str:
    return "?" if balance is None else f"{balance:,}"


class WaybillAccountsModel(RowsTableModel):
    columns = 6

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("WaybillAccountsModel", "Account"),
            QCoreApplication.translate("WaybillAccountsModel", "Provider"),
            QCoreApplication.translate("WaybillAccountsModel", "Carrier"),
            QCoreApplication.translate("WaybillAccountsModel", "Numbers left"),
            QCoreApplication.translate("WaybillAccountsModel", "Sender address"),
            QCoreApplication.translate("WaybillAccountsModel", "Used by"),
        )

    def set_accounts(self, accounts: list[AccountView]) -> None:
        self.set_rows(rows_of(accounts))

    def cell(self, row: AccountCarrier, col: int, role: int) -> Any:
        a, c = row.account, row.carrier
        if role == Qt.ItemDataRole.DisplayRole and not row.first and col in (COL_ACCOUNT, COL_PROVIDER, COL_SHOPS):
            return ""  # said once, on the account's first row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == COL_ACCOUNT:
                return (
                    QCoreApplication.translate("WaybillAccountsModel", "%1 (default)").replace("%1", a.name)
                    if a.is_default
                    else a.name
                )
            if col == COL_PROVIDER:
                return provider_text(a.provider)
            if col == COL_CARRIER:
                if c is None:
                    return a.carrier
                main = c.code == a.carrier and len(a.carriers) > 1
                return (
                    QCoreApplication.translate("WaybillAccountsModel", "%1 (default)").replace("%1", c.code)
                    if main
                    else c.code
                )
            if col == COL_BALANCE:
                text = balance_text(c.balance if c else None)
                if row.low:
                    text = QCoreApplication.translate("WaybillAccountsModel", "%1 (below %2)").replace("%1", text)
                    text = text.replace("%2", f"{a.warn_below:,}")
                return text
            if col == COL_ADDRESS:
                if c is None or c.address is None:
                    return QCoreApplication.translate("WaybillAccountsModel", "not chosen") if c and c.addresses else ""
                return address_line(c.address)
            if col == COL_SHOPS:
                return f"{a.group}: {', '.join(a.shops)}" if a.shops else a.group
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_BALANCE and row.low:
            return QBrush(QColor(LOW_COLOUR))
        if role == Qt.ItemDataRole.FontRole and (col == COL_BALANCE and row.low or col == COL_ACCOUNT and a.is_default):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_BALANCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

"""Waybill accounts: where the tracking numbers come from (ui layer).

The list shows every account with its carriers, the numbers left (below the seller's threshold in red), the sender
address its labels print and the shop group that uses it; the seller asks the providers again for the balances,
makes an account and carrier the group's default, or adds an account: Cainiao (its own app key or a Taobao shop's),
Pinduoduo, Kuaidi100 or a carrier's number roll. Secrets are typed into password fields and go to the keyring. Every
call to a provider runs on the io lane; the window never waits on the network.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Platform
from app.domain.messages import msg
from app.domain.tracking import CARRIERS
from app.domain.waybill_accounts import AccountView, address_line
from app.domain.waybills import SenderAddress
from app.facade import Desk
from app.services.waybills.accounts import DEFAULT_WARN_BELOW, ChooseAddress, Refreshed
from app.sync.shops import ShopView
from app.sync.waybills.setup import Added
from ui.core_text import core_text
from ui.models.waybill_accounts_model import AccountCarrier, WaybillAccountsModel
from ui.ops import Changes, CollectionOp, Ops, QueryOp

GATEWAYS = {
    "cainiao": "https://eco.taobao.com/router/rest",
    "pdd": "https://gw-api.pinduoduo.com/api/router",
    "kuaidi100": "https://api.kuaidi100.com/label/order",
}
OK_COLOUR, WARN_COLOUR, ERROR_COLOUR = "#2e7d32", "#e65100", "#c62828"
ACCOUNTS_CHANGED = Changes(shops=True)
USAGE_FIELDS = frozenset(
    {"carrier", "first", "count", "used_by", "address", "sender_name", "sender_phone", "warn_below"}
)  # the status bar's balances and the shop settings' groups


class WaybillAccountsDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Waybill accounts"))
        self.ops = ops
        self.changed = False
        self.accounts: list[AccountView] = []

        self.model = WaybillAccountsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.refresh_button = QPushButton(self.tr("Refresh balances"), self)
        self.default_button = QPushButton(self.tr("Use for its shops by default"), self)
        self.default_button.setToolTip(
            self.tr("The selected account and carrier print the waybills of its shop group unless told otherwise")
        )
        self.warn_edit = QSpinBox(self)
        self.warn_edit.setRange(0, 2_000_000_000)
        self.warn_edit.setSingleStep(100)
        self.warn_button = QPushButton(self.tr("Set warning level"), self)
        actions = QHBoxLayout()
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.default_button)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Warn below"), self))
        actions.addWidget(self.warn_edit)
        actions.addWidget(self.warn_button)

        # Two columns: how the provider is reached on the left, who uses the account and how on the right.
        self.form, self.usage = QFormLayout(), QFormLayout()
        self.provider = QComboBox(self)
        for kind, text in (
            ("cainiao", self.tr("Cainiao (Taobao, Tmall and shops authorised on Cainiao)")),
            ("pdd", self.tr("Pinduoduo e-waybills")),
            ("kuaidi100", self.tr("Kuaidi100 (a carrier branch account)")),
            ("roll", self.tr("Number roll from a carrier")),
        ):
            self.provider.addItem(text, kind)
        self.name = QLineEdit(self)
        self.shop = QComboBox(self)
        self.gateway, self.app_key, self.partner_id = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.app_secret, self.session_key = QLineEdit(self), QLineEdit(self)
        for secret in (self.app_secret, self.session_key):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.carrier = QComboBox(self)
        self.first, self.count = QLineEdit(self), QSpinBox(self)
        self.count.setRange(0, 10_000_000)
        self.count.setSingleStep(1000)
        self.used_by = QComboBox(self)
        self.used_by.setEditable(True)
        self.used_by.lineEdit().setPlaceholderText(self.tr("a shop group, or a shop (its group)"))
        self.address = QComboBox(self)
        self.sender_name, self.sender_phone = QLineEdit(self), QLineEdit(self)
        self.warn_below = QSpinBox(self)
        self.warn_below.setRange(0, 2_000_000_000)
        self.warn_below.setSingleStep(100)
        self.warn_below.setValue(DEFAULT_WARN_BELOW)
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        self.forms: dict[str, QFormLayout] = {}
        for key, widget in (
            ("provider", self.provider),
            ("name", self.name),
            ("shop", self.shop),
            ("gateway", self.gateway),
            ("app_key", self.app_key),
            ("app_secret", self.app_secret),
            ("session_key", self.session_key),
            ("partner_id", self.partner_id),
            ("carrier", self.carrier),
            ("first", self.first),
            ("count", self.count),
            ("used_by", self.used_by),
            ("address", self.address),
            ("sender_name", self.sender_name),
            ("sender_phone", self.sender_phone),
            ("warn_below", self.warn_below),
        ):
            label = QLabel(self)
            form = self.usage if key in USAGE_FIELDS else self.form
            self.labels[key], self.rows[key], self.forms[key] = label, widget, form
            form.addRow(label, widget)
        self.add_button = QPushButton(self.tr("Add account"), self)
        self.usage.addRow("", self.add_button)
        add_box = QGroupBox(self.tr("Add an account"), self)
        columns = QHBoxLayout(add_box)
        columns.addLayout(self.form, 1)
        columns.addSpacing(16)
        columns.addLayout(self.usage, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(actions)
        layout.addWidget(add_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.provider.currentIndexChanged.connect(self._on_provider_current_index_changed)
        self.shop.currentIndexChanged.connect(self._show_fields)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.default_button.clicked.connect(self._on_default_button_clicked)
        self.warn_button.clicked.connect(self._on_warn_button_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        buttons.rejected.connect(self.reject)
        self._on_provider_current_index_changed()
        self._selection_changed()
        self.resize(1100, 760)
        self.reload()

    # -- the list ---------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        QueryOp(self.ops, self, op=lambda desk: (desk.waybill_accounts(), desk.shops()), success=self._show).failure(
            self._show_error
        ).run_in_background()

    def _show(self, result: tuple[list[AccountView], list[ShopView]]) -> None:
        accounts, shops = result
        self._show_accounts(accounts)
        current_shop = self.shop.currentData()
        self.shop.blockSignals(True)
        self.shop.clear()
        self.shop.addItem(self.tr("none: the account's own app key"), "")
        for shop in shops:
            if shop.api and shop.platform in (Platform.TAOBAO.value, Platform.TMALL.value):
                self.shop.addItem(shop.name, shop.name)
        self.shop.setCurrentIndex(max(self.shop.findData(current_shop), 0))
        self.shop.blockSignals(False)
        typed = self.used_by.currentText()
        self.used_by.clear()
        groups = sorted({s.group for s in shops if s.group} | {a.group for a in accounts})
        for group in groups:
            members = ", ".join(s.name for s in shops if s.group == group)
            text = self.tr("%1 (shop group: %2)").replace("%1", group).replace("%2", members or "-")
            self.used_by.addItem(text, f"group:{group}")
        for shop in shops:
            if not shop.group:
                self.used_by.addItem(self.tr("%1 (shop)").replace("%1", shop.name), f"shop:{shop.name}")
        if typed:
            self.used_by.setEditText(typed)
        self.used_by.lineEdit().setCursorPosition(0)  # a long group line shows its start: the group's name
        self._show_fields()

    def _show_accounts(self, accounts: list[AccountView]) -> None:
        missing = next((a for a in accounts if a.needs_sender and a.in_use), None)
        if missing is not None and not self.message.text():
            provider = msg(f"accounts.provider.{missing.provider}")
            self._say(core_text(msg("accounts.sender_missing", group=missing.group, provider=provider)), WARN_COLOUR)
        selected = self.selected()
        self.accounts = accounts
        self.model.set_accounts(accounts)
        if selected is not None:
            for row in range(self.model.rowCount()):
                item: AccountCarrier = self.model.row_at(row)
                same = item.account.name == selected.account.name
                if same and (item.carrier and item.carrier.code) == (selected.carrier and selected.carrier.code):
                    self.table.selectRow(row)
                    break
        self._selection_changed()

    def selected(self) -> AccountCarrier | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _on_table_current_row_changed(self, *_args: object) -> None:
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.selected()
        for button in (self.default_button, self.warn_button):
            button.setEnabled(row is not None)
        if row is not None:
            self.warn_edit.setValue(row.account.warn_below)

    def _on_refresh_button_clicked(self) -> None:
        self.refresh_button.setEnabled(False)
        self._say(self.tr("Asking the providers…"), WARN_COLOUR)
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.refresh_waybill_accounts(),
            changes=ACCOUNTS_CHANGED,
            success=self._on_refreshed,
        ).failure(self._show_error).run_in_background(lane="io")

    def _on_refreshed(self, results: list[Refreshed]) -> None:
        self.refresh_button.setEnabled(True)
        self.changed = True
        self.reload()
        errors = [f"{r.account.name}: {core_text(r.error)}" for r in results if r.error]
        if errors:
            self._say("\n".join(errors), ERROR_COLOUR)
        else:
            self._say(self.tr("Balances are up to date."), OK_COLOUR)

    def _on_default_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        name, carrier = row.account.name, row.carrier.code if row.carrier else None
        self._change(lambda desk: desk.change_waybill_account(name, carrier=carrier, make_default=True))

    def _on_warn_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        name, value = row.account.name, self.warn_edit.value()
        self._change(lambda desk: desk.change_waybill_account(name, warn_below=value))

    def _change(self, op: Callable[[Desk], list[AccountView]]) -> None:
        CollectionOp(self.ops, self, op=op, changes=ACCOUNTS_CHANGED, success=self._on_changed_accounts).failure(
            self._show_error
        ).run_in_background()

    def _on_changed_accounts(self, accounts: list[AccountView]) -> None:
        self.changed = True
        self._show_accounts(accounts)
        self._say(self.tr("Saved."), OK_COLOUR)

    # -- adding an account ------------------------------------------------------------------------------------------

    def kind(self) -> str:
        return str(self.provider.currentData())

    def _on_provider_current_index_changed(self, *_args: object) -> None:
        kind = self.kind()
        self.gateway.setText(GATEWAYS.get(kind, ""))
        current = self.carrier.currentData()
        self.carrier.clear()
        if kind in ("cainiao", "pdd"):
            self.carrier.addItem(self.tr("the first one the account is subscribed to"), "")
        for code, fmt in CARRIERS.items():
            self.carrier.addItem(f"{code} {fmt.name}", code)
        self.carrier.setCurrentIndex(max(self.carrier.findData(current), 0))
        self._clear_addresses()
        self._show_fields()

    def _show_fields(self, *_args: object) -> None:
        kind = self.kind()
        texts = {
            "provider": self.tr("Provider"),
            "name": self.tr("Account name"),
            "shop": self.tr("Taobao shop"),
            "gateway": self.tr("Gateway"),
            "app_key": {"pdd": self.tr("Client id"), "kuaidi100": self.tr("Key")}.get(kind, self.tr("App key")),
            "app_secret": {"pdd": self.tr("Client secret"), "kuaidi100": self.tr("Secret")}.get(
                kind, self.tr("App secret")
            ),
            "session_key": {"pdd": self.tr("Access token"), "kuaidi100": self.tr("Partner key")}.get(
                kind, self.tr("Session key")
            ),
            "partner_id": self.tr("Partner id"),
            "carrier": self.tr("Carrier") if kind in ("roll", "kuaidi100") else self.tr("Default carrier"),
            "first": self.tr("First number"),
            "count": self.tr("How many numbers"),
            "used_by": self.tr("Used by"),
            "address": self.tr("Sender address"),
            "sender_name": self.tr("Sender name"),
            "sender_phone": self.tr("Sender phone"),
            "warn_below": self.tr("Warn below"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        from_shop = kind == "cainiao" and bool(self.shop.currentData())
        online = kind != "roll"
        visible = {
            "shop": kind == "cainiao",
            "gateway": online and not from_shop,
            "app_key": online and not from_shop,
            "app_secret": online and not from_shop,
            "session_key": online and not from_shop,
            "partner_id": kind == "kuaidi100",
            "first": kind == "roll",
            "count": kind == "roll",
            "address": self.address.count() > 0,
            "sender_name": online,
            "sender_phone": online,
        }
        for key, show in visible.items():
            self.forms[key].setRowVisible(self.rows[key], show)
        self.session_key.setPlaceholderText(self.tr("only for a branch (网点) account") if kind == "kuaidi100" else "")
        kept = self.tr("the shop group's, when it has one")
        self.sender_name.setPlaceholderText(kept)
        self.sender_phone.setPlaceholderText(kept)

    def _clear_addresses(self) -> None:
        self.address.clear()

    def _offer_addresses(self, addresses: tuple[SenderAddress, ...]) -> None:
        self.address.clear()
        for a in addresses:
            self.address.addItem(f"{address_line(a)}  [{a.address_id}]", a.address_id)
        self._show_fields()

    def fields(self) -> dict[str, str]:
        kind = self.kind()
        used = self.used_by.currentData() if self.used_by.currentIndex() >= 0 else None
        text = self.used_by.currentText().strip()
        if used is not None and self.used_by.itemText(self.used_by.currentIndex()) != text:
            used = None  # typed over: a new group's name
        group, for_shop = "", ""
        if used is not None:
            what, _, name = str(used).partition(":")
            group, for_shop = (name, "") if what == "group" else ("", name)
        elif text:
            group = text
        return {
            "provider": kind,
            "name": self.name.text().strip(),
            "shop": str(self.shop.currentData() or "") if kind == "cainiao" else "",
            "gateway": self.gateway.text().strip(),
            "app_key": self.app_key.text().strip(),
            "app_secret": self.app_secret.text(),
            "session_key": self.session_key.text(),
            "partner_id": self.partner_id.text().strip(),
            "carrier": str(self.carrier.currentData() or ""),
            "first": self.first.text().strip(),
            "count": str(self.count.value()),
            "group": group,
            "for_shop": for_shop,
            "address_id": str(self.address.currentData() or "") if self.address.count() else "",
            "sender_name": self.sender_name.text().strip(),
            "sender_phone": self.sender_phone.text().strip(),
            "warn_below": str(self.warn_below.value()),
        }

    def _on_add_button_clicked(self) -> None:
        fields = self.fields()
        self.add_button.setEnabled(False)
        if fields["provider"] != "roll":
            self._say(self.tr("Asking the provider for the account's carriers and addresses…"), WARN_COLOUR)
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.add_waybill_account(fields),
            changes=ACCOUNTS_CHANGED,
            success=self._on_added,
        ).failure(self._on_add_failed).run_in_background(lane="io")

    def _on_added(self, added: Added) -> None:
        self.changed = True
        self.add_button.setEnabled(True)
        for edit in (self.name, self.app_secret, self.session_key, self.first):
            edit.clear()
        self._clear_addresses()
        self._show_fields()
        self.reload()
        balance = added.account.balance
        text = self.tr("Account %1 added: %2 numbers left.").replace("%1", added.account.name)
        text = text.replace("%2", "?" if balance is None else f"{balance:,}")
        if added.warning:  # the secrets went to a file for want of a keyring
            self._say(f"{text}\n{core_text(added.warning)}", WARN_COLOUR)
        else:
            self._say(text, OK_COLOUR)

    def _on_add_failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(error, ChooseAddress):
            self._offer_addresses(error.addresses)
            self._say(self.tr("Choose the sender address, then add the account again."), WARN_COLOUR)
            return
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.add_button.setEnabled(True)
        self._say(core_text(error), ERROR_COLOUR)

    def _say(self, text: str, colour: str) -> None:
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)

    @staticmethod
    def show_for(parent: QWidget, ops: Ops) -> bool:
        """Opens the dialog; True when an account was added or changed."""
        dialog = WaybillAccountsDialog(ops, parent)
        dialog.exec()
        return dialog.changed

"""Shop settings: the shops on this station and how each gets its orders; adding a shop that syncs through
Taobao's or Pinduoduo's open platform (its secrets go to the system keyring), grouped with others that share a
sender; then the next step, the waybill account its group prints with (ui layer)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.messages import Message
from app.domain.orders import CHINA_TZ
from app.sync.shops import ShopView
from ui.core_text import core_text
from ui.dialogs.waybill_accounts import WaybillAccountsDialog
from ui.ops import Changes, CollectionOp, Ops, QueryOp

DEFAULT_GATEWAY = "https://eco.taobao.com/router/rest"
PDD_GATEWAY = "https://gw-api.pinduoduo.com/api/router"
GATEWAYS = {"taobao": DEFAULT_GATEWAY, "pdd": PDD_GATEWAY}


class ShopSettingsDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shops"))
        self.ops = ops
        self.added = False
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Shop"), self.tr("Platform"), self.tr("Orders from"), self.tr("Group"), self.tr("Last sync")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.shops: list[ShopView] = []
        self.push_stock = QCheckBox(self.tr("Push the selected shop's available stock to the platform"), self)
        self.push_stock.setToolTip(
            self.tr(
                "Off by default. When on, every sync round sends Taobao the available stock (on hand minus what "
                "waiting orders reserve) of the SKUs whose stock PackDesk keeps, once per change."
            )
        )
        self.push_stock.setEnabled(False)

        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        self.form = form
        self.platform = QComboBox(self)
        self.platform.addItem(self.tr("Taobao / Tmall"), "taobao")
        self.platform.addItem(self.tr("Pinduoduo"), "pdd")
        form.addRow(self.tr("Platform"), self.platform)
        for key, label, secret in (
            ("name", self.tr("Shop name"), False),
            ("gateway", self.tr("Gateway"), False),
            ("app_key", self.tr("App key"), False),
            ("app_secret", self.tr("App secret"), True),
            ("session_key", self.tr("Session key"), True),
            ("group", self.tr("Associated-shop group"), False),
            ("sender_name", self.tr("Sender name"), False),
            ("sender_phone", self.tr("Sender phone"), False),
            ("sender_province", self.tr("Province"), False),
            ("sender_city", self.tr("City"), False),
            ("sender_district", self.tr("District"), False),
            ("sender_detail", self.tr("Street address"), False),
        ):
            edit = QLineEdit(self)
            if secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.edits["gateway"].setText(DEFAULT_GATEWAY)
        self.edits["group"].setPlaceholderText(self.tr("shops in one group share the sender and waybill account"))
        self.add_button = QPushButton(self.tr("Add shop"), self)
        form.addRow("", self.add_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        box = QGroupBox(self.tr("Add a shop that syncs through its platform's open API"), self)
        box.setLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.waybills_button = buttons.addButton(self.tr("Waybill accounts…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.waybills_button.setToolTip(self.tr("Where the tracking numbers of each shop group come from"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.push_stock)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        buttons.rejected.connect(self.reject)
        self.waybills_button.clicked.connect(self._on_waybills_button_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.push_stock.clicked.connect(self._on_push_stock_clicked)
        self.platform.currentIndexChanged.connect(self._on_platform_current_index_changed)
        self.resize(760, 720)
        QueryOp(ops, self, op=lambda desk: desk.shops(), success=self._show_shops).failure(
            self._show_error
        ).run_in_background()

    def fields(self) -> dict[str, str]:
        return {
            "platform": self.platform.currentData(),
            **{key: edit.text().strip() for key, edit in self.edits.items()},
        }

    def _on_platform_current_index_changed(self, _index: int) -> None:
        """The key and secrets take the platform's names; the gateway its address, unless the seller typed one."""
        pdd = self.platform.currentData() == "pdd"
        names = (
            {
                "app_key": self.tr("Client id"),
                "app_secret": self.tr("Client secret"),
                "session_key": self.tr("Access token"),
            }
            if pdd
            else {
                "app_key": self.tr("App key"),
                "app_secret": self.tr("App secret"),
                "session_key": self.tr("Session key"),
            }
        )
        for key, text in names.items():
            label = self.form.labelForField(self.edits[key])
            if isinstance(label, QLabel):
                label.setText(text)
        gateway = self.edits["gateway"]
        if gateway.text().strip() in (*GATEWAYS.values(), ""):
            gateway.setText(GATEWAYS["pdd" if pdd else "taobao"])

    def _on_add_button_clicked(self) -> None:
        fields = self.fields()
        self.add_button.setEnabled(False)
        CollectionOp(
            self.ops, self, op=lambda desk: desk.add_shop(fields), changes=Changes(shops=True), success=self._on_added
        ).failure(self._show_error).run_in_background()

    def _on_added(self, result: tuple[list[ShopView], Message | None]) -> None:
        shops, warning = result
        self.added = True
        self.add_button.setEnabled(True)
        self._show_shops(shops)
        for key in ("name", "app_secret", "session_key"):
            self.edits[key].clear()
        self.message.setStyleSheet("color: #e65100;" if warning else "color: #2e7d32;")
        self.message.setText(
            core_text(warning)
            if warning
            else self.tr(
                "Shop added. Its orders arrive with the next sync (F5). Next: the waybill account its shop group "
                "prints with (Waybill accounts…)."
            )
        )

    def _on_waybills_button_clicked(self) -> None:
        if WaybillAccountsDialog.show_for(self, self.ops):  # a shop may have got a group of its own
            QueryOp(self.ops, self, op=lambda desk: desk.shops(), success=self._show_shops).failure(
                self._show_error
            ).run_in_background()

    def _selected_shop(self) -> ShopView | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.shops[rows.pop()] if len(rows) == 1 and max(rows) < len(self.shops) else None

    def _on_table_selection_changed(self) -> None:
        shop = self._selected_shop()
        self.push_stock.setEnabled(False)
        self.push_stock.setChecked(False)
        if shop is None or not shop.api:
            return
        name = shop.name
        QueryOp(
            self.ops, self, op=lambda desk: desk.pushes_stock(name), success=lambda on: self._show_push_stock(name, on)
        ).failure(self._show_error).run_in_background()

    def _show_push_stock(self, name: str, on: bool) -> None:
        shop = self._selected_shop()
        if shop is None or shop.name != name:
            return  # the seller chose another shop meanwhile
        self.push_stock.setChecked(on)
        self.push_stock.setEnabled(True)

    def _on_push_stock_clicked(self, on: bool) -> None:
        shop = self._selected_shop()
        if shop is None:
            return
        name = shop.name
        self.push_stock.setEnabled(False)
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.set_push_stock(name, on),
            changes=Changes(shops=True),
            success=lambda _changed: self._on_push_stock_set(name, on),
        ).failure(self._on_push_stock_failed).run_in_background()

    def _on_push_stock_set(self, name: str, on: bool) -> None:
        self._show_push_stock(name, on)
        self.message.setStyleSheet("color: #2e7d32;")
        if on:
            text = self.tr("%1 pushes its stock: the next sync round sends the available stock of its tracked SKUs.")
        else:
            text = self.tr("%1 no longer pushes its stock to the platform.")
        self.message.setText(text.replace("%1", name))

    def _on_push_stock_failed(self, error: BaseException) -> None:
        self._show_error(error)
        self._on_table_selection_changed()  # shows what the database holds

    def _show_shops(self, shops: list[ShopView]) -> None:
        self.shops = list(shops)
        self.table.setRowCount(0)
        for shop in shops:
            row = self.table.rowCount()
            self.table.insertRow(row)
            api = self.tr("Pinduoduo API") if shop.platform == "pdd" else self.tr("Taobao API")
            source = api if shop.api else self.tr("imported files")
            when = shop.last_sync.astimezone(CHINA_TZ).strftime("%m-%d %H:%M") if shop.last_sync else ""
            if shop.last_error:
                when = self.tr("error: %1").replace("%1", core_text(shop.last_error))
            for col, text in enumerate((shop.name, shop.platform, source, shop.group, when)):
                item = QTableWidgetItem(text)
                item.setToolTip(shop.sender if col == 3 else text)
                self.table.setItem(row, col, item)

    def _show_error(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(core_text(error))

    @staticmethod
    def show_for(parent: QWidget, ops: Ops) -> bool:
        """Opens the dialog; True when a shop was added."""
        dialog = ShopSettingsDialog(ops, parent)
        dialog.exec()
        return dialog.added

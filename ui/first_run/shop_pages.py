"""The assistant's shop and catalogue steps (ui layer).

A shop syncs through the Taobao Open Platform (its secrets go to the keyring, as in the shop settings) or takes the
seller centre's order files; the catalogue comes from the seller's product sheet (.xlsx or .csv), every rejected row
listed with its number and reason, or from the platform where the façade can sync it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Platform
from app.domain.messages import Message
from app.sync.catalogue import CatalogueSummary
from app.sync.imports import ImportReport
from app.sync.imports.products import ProductImportReport
from app.sync.shops import ShopView
from ui.core_text import core_text
from ui.dialogs.shop_settings import DEFAULT_GATEWAY
from ui.first_run.wizard import ERROR_COLOUR, OK_COLOUR, WARN_COLOUR, SetupContext, StepPage, message_label, say
from ui.ops import Changes, CollectionOp, QueryOp

SHOPS_CHANGED = Changes(orders=True, shops=True)


def report_view(parent: QWidget) -> QPlainTextEdit:
    """Where an import lists its rejected rows (read-only, scrolls)."""
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setMaximumBlockCount(2000)
    view.hide()
    return view


class ShopPage(StepPage):
    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.api_button = QRadioButton(self)
        self.files_button = QRadioButton(self)
        self.api_box, self.files_box = QGroupBox(self), QGroupBox(self)
        self.api_form, self.files_form = QFormLayout(self.api_box), QFormLayout(self.files_box)
        self.edits: dict[str, QLineEdit] = {}
        self.api_labels: dict[str, QLabel] = {}
        for key in ("name", "gateway", "app_key", "app_secret", "session_key"):
            edit = QLineEdit(self.api_box)
            if key in ("app_secret", "session_key"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edits[key], self.api_labels[key] = edit, QLabel(self.api_box)
            self.api_form.addRow(self.api_labels[key], edit)
        self.edits["gateway"].setText(DEFAULT_GATEWAY)
        self.add_button = QPushButton(self.api_box)
        self.api_form.addRow("", self.add_button)

        self.file_shop = QLineEdit(self.files_box)
        self.platform_combo = QComboBox(self.files_box)
        self.file_labels = (QLabel(self.files_box), QLabel(self.files_box))
        self.import_button = QPushButton(self.files_box)
        self.files_form.addRow(self.file_labels[0], self.file_shop)
        self.files_form.addRow(self.file_labels[1], self.platform_combo)
        self.files_form.addRow("", self.import_button)

        self.message = message_label(self)
        self.report = report_view(self)
        self.shops_label = message_label(self)
        choices = QHBoxLayout()
        choices.addWidget(self.api_button)
        choices.addWidget(self.files_button)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.api_box)
        layout.addWidget(self.files_box)
        layout.addWidget(self.message)
        layout.addWidget(self.report, 1)
        layout.addStretch(0)
        layout.addWidget(self.shops_label)
        self.files_button.setChecked(True)
        self._on_choice_toggled()
        self.api_button.toggled.connect(self._on_choice_toggled)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.shops: list[ShopView] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your shop"))
        self.setSubTitle(
            self.tr("Where the orders come from. Later: Shops ▸ Shop settings… and Shops ▸ Import seller-centre files…")
        )
        self.api_button.setText(self.tr("Taobao / Tmall through the Taobao Open Platform"))
        self.files_button.setText(self.tr("I import files from the seller centre"))
        self.api_box.setTitle(self.tr("A shop that syncs its orders"))
        self.files_box.setTitle(self.tr("A shop whose order exports I import"))
        texts = {
            "name": self.tr("Shop name"),
            "gateway": self.tr("Gateway"),
            "app_key": self.tr("App key"),
            "app_secret": self.tr("App secret"),
            "session_key": self.tr("Session key"),
        }
        for key, label in self.api_labels.items():
            label.setText(texts[key])
        self.add_button.setText(self.tr("Add shop"))
        self.file_labels[0].setText(self.tr("Shop name"))
        self.file_labels[1].setText(self.tr("Platform"))
        self.import_button.setText(self.tr("Choose order files and import…"))
        current = self.platform_combo.currentData()
        self.platform_combo.clear()
        for platform, name in (
            (Platform.TAOBAO, self.tr("Taobao")),
            (Platform.TMALL, self.tr("Tmall")),
            (Platform.PDD, self.tr("Pinduoduo")),
            (Platform.JD, self.tr("JD")),
            (Platform.OTHER, self.tr("Other")),
        ):
            self.platform_combo.addItem(name, platform.value)
        self.platform_combo.setCurrentIndex(max(self.platform_combo.findData(current), 0))
        self._show_shops(getattr(self, "shops", []))

    def initializePage(self) -> None:  # noqa: N802
        QueryOp(self.ops, self, op=lambda desk: desk.shops(), success=self._show_shops).failure(
            self._show_error
        ).run_in_background()

    def _on_choice_toggled(self, *_args: object) -> None:
        api = self.api_button.isChecked()
        self.api_box.setVisible(api)
        self.files_box.setVisible(not api)

    def _show_shops(self, shops: list[ShopView]) -> None:
        self.shops = shops
        names = ", ".join(f"{s.name} ({s.platform})" for s in shops)
        self.shops_label.setText(self.tr("Shops on this station: %1").replace("%1", names) if shops else "")

    def _show_error(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.import_button.setEnabled(True)
        say(self.message, core_text(error), ERROR_COLOUR)

    def _on_add_button_clicked(self) -> None:
        fields = {key: edit.text().strip() for key, edit in self.edits.items()}
        fields.update(dict.fromkeys(("group", "sender_name", "sender_phone"), ""))
        fields.update(dict.fromkeys(("sender_province", "sender_city", "sender_district", "sender_detail"), ""))
        self.add_button.setEnabled(False)
        CollectionOp(
            self.ops, self, op=lambda desk: desk.add_shop(fields), changes=SHOPS_CHANGED, success=self._on_added
        ).failure(self._show_error).run_in_background()

    def _on_added(self, result: tuple[list[ShopView], Message | None]) -> None:
        shops, warning = result
        self.add_button.setEnabled(True)
        for key in ("name", "app_secret", "session_key"):
            self.edits[key].clear()
        self._show_shops(shops)
        if warning is not None:
            say(self.message, core_text(warning), WARN_COLOUR)
        else:
            say(self.message, self.tr("Shop added: its orders arrive with the first sync, once the window is open."))

    def choose_order_files(self) -> list[str]:
        """The seller's order exports (the seam tests replace)."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import seller-centre exports"), "", self.tr("Order exports (*.csv *.txt)")
        )
        return paths

    def _on_import_button_clicked(self) -> None:
        paths = self.choose_order_files()
        if not paths:
            return
        shop, platform = self.file_shop.text().strip(), str(self.platform_combo.currentData())
        self.import_button.setEnabled(False)
        say(self.message, self.tr("Importing…"), WARN_COLOUR)
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: (desk.import_files(paths, shop, platform), desk.shops()),
            changes=SHOPS_CHANGED,
            success=self._on_imported,
        ).failure(self._show_error).run_in_background()

    def _on_imported(self, result: tuple[ImportReport, list[ShopView]]) -> None:
        report, shops = result
        self.import_button.setEnabled(True)
        self._show_shops(shops)
        text = (
            self.tr("Orders: %1 new, %2 changed, %3 unchanged; %4 rows rejected.")
            .replace("%1", str(report.total("inserted")))
            .replace("%2", str(report.total("updated")))
            .replace("%3", str(report.total("unchanged")))
            .replace("%4", str(len(report.rejected)))
        )
        say(self.message, text, WARN_COLOUR if report.rejected or report.errors else OK_COLOUR)
        show_rejections(self.report, report)


def show_rejections(view: QPlainTextEdit, report: ImportReport) -> None:
    """Each refused file and each rejected row (file, row, reason) in the page's list; hidden when there are none."""
    lines = [core_text(f.message) for f in report.errors]
    for r in report.rejected:
        line = QCoreApplication.translate("FirstRun", "%1 row %2: %3").replace("%1", Path(r.file).name)
        lines.append(line.replace("%2", str(r.row)).replace("%3", core_text(r.message)))
    view.setPlainText("\n".join(lines))
    view.setVisible(bool(lines))


class CataloguePage(StepPage):
    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.shop_combo = QComboBox(self)
        self.shop_label = QLabel(self)
        self.import_button = QPushButton(self)
        self.sync_button = QPushButton(self)
        self.explain = message_label(self)
        self.message = message_label(self)
        self.report = report_view(self)
        row = QHBoxLayout()
        row.addWidget(self.shop_label)
        row.addWidget(self.shop_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sync_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.report, 1)
        layout.addStretch(0)
        self.shops: list[ShopView] = []
        self.sync_button.hide()
        self.shop_combo.currentIndexChanged.connect(self._on_shop_combo_changed)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.sync_button.clicked.connect(self._on_sync_button_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your products"))
        self.setSubTitle(self.tr("Barcodes let the bench check every item by scanning it."))
        self.explain.setText(
            self.tr(
                "Import your product sheet (.xlsx or .csv): one row per SKU with its merchant code, title, spec, "
                "barcodes, case barcode and units per case, weight and stock. Rows PackDesk cannot take are listed "
                "with their row number and reason; importing the same sheet again changes nothing."
            )
        )
        self.shop_label.setText(self.tr("Shop"))
        self.import_button.setText(self.tr("Import a product sheet…"))
        self.sync_button.setText(self.tr("Sync from the platform"))
        if self.shop_combo.count() and not self.shop_combo.itemData(0):
            self.shop_combo.setItemText(0, self.tr("(no shop)"))

    def initializePage(self) -> None:  # noqa: N802
        QueryOp(self.ops, self, op=lambda desk: desk.shops(), success=self._show_shops).failure(
            self._show_error
        ).run_in_background()

    def _show_shops(self, shops: list[ShopView]) -> None:
        self.shops = shops
        current = self.shop_combo.currentData()
        self.shop_combo.blockSignals(True)
        self.shop_combo.clear()
        self.shop_combo.addItem(self.tr("(no shop)"), "")
        for shop in shops:
            self.shop_combo.addItem(shop.name, shop.name)
        self.shop_combo.setCurrentIndex(max(self.shop_combo.findData(current), 1 if shops else 0))
        self.shop_combo.blockSignals(False)
        self._on_shop_combo_changed()

    def _on_shop_combo_changed(self, *_args: object) -> None:
        name = self.shop_combo.currentData()
        api = any(s.api and s.name == name for s in self.shops)
        self.sync_button.setVisible(api)  # the platform's catalogue: shops that sync through its API

    def _show_error(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.sync_button.setEnabled(True)
        say(self.message, core_text(error), ERROR_COLOUR)

    def choose_sheet(self) -> str:
        """The seller's product sheet (the seam tests replace)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a product sheet"), "", self.tr("Product sheets (*.xlsx *.csv)")
        )
        return path

    def _on_import_button_clicked(self) -> None:
        path = self.choose_sheet()
        if not path:
            return
        shop = self.shop_combo.currentData() or None
        self.import_button.setEnabled(False)
        say(self.message, self.tr("Importing…"), WARN_COLOUR)
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.import_products(path, shop),
            changes=Changes(orders=True),
            success=self._on_imported,
        ).failure(self._show_error).run_in_background()

    def _on_imported(self, report: ProductImportReport) -> None:
        self.import_button.setEnabled(True)
        (f,) = report.files
        if f.message is not None:
            say(self.message, core_text(f.message), ERROR_COLOUR)
            self.report.hide()
            return
        text = (
            self.tr("%1 rows: %2 products new, %3 changed, %4 unchanged; %5 rows rejected.")
            .replace("%1", str(f.rows))
            .replace("%2", str(f.inserted))
            .replace("%3", str(f.updated))
            .replace("%4", str(f.unchanged))
            .replace("%5", str(len(f.rejected)))
        )
        if report.columns is not None:
            used = ", ".join(f"{header}" for header in report.columns.mapping.values())
            text += "\n" + self.tr("Columns read: %1").replace("%1", used)
        say(self.message, text, WARN_COLOUR if f.rejected else OK_COLOUR)
        show_rejections(self.report, report)

    def _on_sync_button_clicked(self) -> None:
        shop = self.shop_combo.currentData() or None
        self.sync_button.setEnabled(False)
        say(self.message, self.tr("Asking the platform for the shop's products…"), WARN_COLOUR)
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.sync_catalogue(shop),
            changes=Changes(orders=True),
            success=self._on_synced,
        ).failure(self._show_error).run_in_background(lane="io")

    def _on_synced(self, summary: CatalogueSummary) -> None:
        self.sync_button.setEnabled(True)
        text = (
            self.tr("From the platform: %1 products new, %2 changed, %3 barcodes added; %4 SKUs with a problem.")
            .replace("%1", str(summary.added))
            .replace("%2", str(summary.changed))
            .replace("%3", str(summary.barcodes_added))
            .replace("%4", str(len(summary.rejected)))
        )
        say(self.message, text, WARN_COLOUR if summary.rejected or summary.errors else OK_COLOUR)
        lines = [f"{shop}: {core_text(why)}" for shop, why in summary.errors]
        for r in summary.rejected:
            line = self.tr("SKU %1 (barcode %2): %3").replace("%1", r.sku or r.sku_id).replace("%2", r.barcode or "-")
            lines.append(line.replace("%3", core_text(r.message)))
        self.report.setPlainText("\n".join(lines))
        self.report.setVisible(bool(lines))

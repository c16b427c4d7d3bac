"""The main window: the packing station, the order list, the print queue, products, ship-backs and the dashboard in
tabs; the bench in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.deadlines import alert_due
from app.domain.orders import CHINA_TZ
from app.domain.waybill_accounts import AccountView
from app.facade import BreachWatch
from app.services.station_options import StationOptions
from app.services.waybills.accounts import Refreshed
from app.sync.imports import ImportReport
from app.sync.service import SyncStatus
from printers.errors import PrinterError
from printers.media import Media
from ui.core_text import core_text
from ui.dialogs.notice_settings import NoticeSettingsDialog
from ui.dialogs.printer_setup import PrinterSetupDialog
from ui.dialogs.service_rules import CarrierRulesDialog, StopsDialog
from ui.dialogs.shop_settings import ShopSettingsDialog
from ui.dialogs.station_settings import StationSettingsDialog
from ui.dialogs.waybill_accounts import WaybillAccountsDialog
from ui.models.waybill_accounts_model import LOW_COLOUR, balance_text
from ui.ops import Changes, CollectionOp, Ops, QueryOp
from ui.plurals import plural
from ui.print_controller import BatchOutcome, PrintController
from ui.station.view import StationView
from ui.sync_controller import SyncController, SyncOutcome
from ui.widgets.orders_view import OrdersView
from ui.widgets.outbox_view import OutboxView
from ui.widgets.products_view import ProductsView
from ui.widgets.queue_view import PrintQueueView
from ui.widgets.risks_view import RisksView

if TYPE_CHECKING:
    from ui.widgets.dashboard import DashboardView


class MainWindow(QMainWindow):
    def __init__(
        self,
        station_view: StationView,
        ops: Ops,
        printing: PrintController,
        *,
        packer: str,
        station_name: str,
        save_printer: Callable[[str], None] = lambda _uri: None,
        sync: SyncController | None = None,
        save_sound: Callable[[bool, int], None] = lambda _muted, _volume: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PackDesk · packing station"))
        self.ops, self.tasks = ops, ops.tasks
        self.printing = printing
        self.save_printer = save_printer
        self.station_view = station_view
        self.orders_view = OrdersView(ops, self._media, self)
        self.orders_view.detail.images = station_view.images  # the station's picture cache
        self.queue_view = PrintQueueView(ops, lambda: printing.service, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.station_view, self.tr("Station"))
        self.tabs.addTab(self.orders_view, self.tr("Orders"))
        self.tabs.addTab(self.queue_view, self.tr("Print queue"))
        self.products_view = ProductsView(ops, self)
        self.tabs.addTab(self.products_view, self.tr("Products"))
        self.sync = sync
        self.outbox_view = OutboxView(ops, self._send_now, self)
        self.tabs.addTab(self.outbox_view, self.tr("Ship-backs"))
        # The dashboard is built when its tab is first opened: its charts (pyqtgraph, numpy) take 0.2 to 0.7 s to
        # import, which the station's start does without.
        self.dashboard_tab = QWidget(self)
        QVBoxLayout(self.dashboard_tab).setContentsMargins(0, 0, 0, 0)
        self._dashboard_waiting = QLabel(self.tr("Loading the figures…"), self.dashboard_tab)
        self._dashboard_waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dashboard_tab.layout().addWidget(self._dashboard_waiting)
        self._dashboard: DashboardView | None = None
        self.tabs.addTab(self.dashboard_tab, self.tr("Dashboard"))
        self.risks_view = RisksView(ops, self)
        self.tabs.addTab(self.risks_view, self.tr("After dispatch"))
        # The breach notice: shown at the seller's times of day while orders are overdue or due soon (closable).
        self.breach_banner = QFrame(self)
        self.breach_banner.setObjectName("breachBanner")
        self.breach_banner.setStyleSheet(
            "#breachBanner { background: #fff3e0; border: 1px solid #e65100; border-radius: 4px; }"
        )
        banner = QHBoxLayout(self.breach_banner)
        banner.setContentsMargins(10, 4, 6, 4)
        self.breach_text = QLabel(self.breach_banner)
        self.breach_text.setStyleSheet(f"color: {LOW_COLOUR}; font-weight: bold;")
        self.breach_show_button = QPushButton(self.tr("Show them"), self.breach_banner)
        self.breach_dismiss_button = QPushButton(self.tr("Dismiss"), self.breach_banner)
        banner.addWidget(self.breach_text, 1)
        banner.addWidget(self.breach_show_button)
        banner.addWidget(self.breach_dismiss_button)
        self.breach_banner.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.breach_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.printer_action = QAction(self.tr("Printer setup…"), self)
        self.printer_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        menu = self.menuBar().addMenu(self.tr("&Printer"))
        menu.addAction(self.printer_action)
        self.sync_action = QAction(self.tr("Sync now"), self)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.import_action = QAction(self.tr("Import seller-centre files…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        shops_menu = self.menuBar().addMenu(self.tr("&Shops"))
        self.shops_action = QAction(self.tr("Shop settings…"), self)
        shops_menu.addAction(self.sync_action)
        shops_menu.addAction(self.import_action)
        shops_menu.addSeparator()
        shops_menu.addAction(self.shops_action)
        self.waybills_action = QAction(self.tr("Waybill accounts…"), self)
        self.refresh_balance_action = QAction(self.tr("Refresh waybill balances"), self)
        shops_menu.addAction(self.waybills_action)
        shops_menu.addAction(self.refresh_balance_action)
        rules_menu = self.menuBar().addMenu(self.tr("&Rules"))
        self.stops_action = QAction(self.tr("Carrier stops…"), self)
        self.carrier_rules_action = QAction(self.tr("Carrier rules, costs and insurance…"), self)
        rules_menu.addAction(self.stops_action)
        rules_menu.addAction(self.carrier_rules_action)
        self.notice_settings_action = QAction(self.tr("Notices to buyers…"), self)
        rules_menu.addAction(self.notice_settings_action)
        self.notice_settings_action.triggered.connect(self._on_notice_settings_action_triggered)
        self.stops_action.triggered.connect(self._on_stops_action_triggered)
        self.carrier_rules_action.triggered.connect(self._on_carrier_rules_action_triggered)
        self.shops_action.triggered.connect(self._on_shops_action_triggered)
        self.waybills_action.triggered.connect(self._on_waybills_action_triggered)
        self.refresh_balance_action.triggered.connect(self._on_refresh_balance_action_triggered)
        self.sync_action.triggered.connect(self._sync_now)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.save_sound = save_sound
        station_menu = self.menuBar().addMenu(self.tr("S&tation"))
        self.mute_action = QAction(self.tr("Mute sounds"), self)
        self.mute_action.setCheckable(True)
        self.mute_action.setShortcut(QKeySequence("Ctrl+M"))
        station_menu.addAction(self.mute_action)
        self.reopen_action = QAction(self.tr("Reopen a parcel…"), self)
        station_menu.addAction(self.reopen_action)
        self.reopen_action.triggered.connect(self._on_reopen_action_triggered)
        self.station_settings_action = QAction(self.tr("Station settings…"), self)
        station_menu.addAction(self.station_settings_action)
        self.station_settings_action.triggered.connect(self._on_station_settings_action_triggered)
        self.station_settings_action.setEnabled(False)  # until set_station_settings() wires it
        self.station_settings_dialog: StationSettingsDialog | None = None
        self.assistant_action = QAction(self.tr("Setup assistant…"), self)
        station_menu.addAction(self.assistant_action)
        self.assistant_action.setEnabled(False)  # until set_setup_assistant() wires it
        volume_menu = station_menu.addMenu(self.tr("Volume"))
        self.volume_actions: dict[int, QAction] = {}
        for level in (25, 50, 80, 100):
            action = QAction(f"{level}%", self)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, v=level: self._on_volume_chosen(v))
            volume_menu.addAction(action)
            self.volume_actions[level] = action
        sounds = station_view.sounds
        if sounds is not None:
            self.mute_action.setChecked(sounds.muted)
            self._check_volume(sounds.volume)
        self.mute_action.toggled.connect(self._on_mute_action_toggled)
        self.sync_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.balance_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.balance_label)
        self.low_stock_button = QPushButton(self)
        self.low_stock_button.setFlat(True)
        self.low_stock_button.setStyleSheet(f"color: {LOW_COLOUR}; font-weight: bold; padding: 0 4px;")
        self.low_stock_button.setToolTip(self.tr("SKUs whose available stock is under their safety stock: show them"))
        self.low_stock_button.hide()  # until a SKU runs low
        self.statusBar().addPermanentWidget(self.low_stock_button)
        self.breach_button = QPushButton(self)
        self.breach_button.setFlat(True)
        self.breach_button.setStyleSheet(f"color: {LOW_COLOUR}; font-weight: bold; padding: 0 4px;")
        self.breach_button.setToolTip(self.tr("Orders past or near their ship-by time: show them"))
        self.breach_button.hide()  # until an order is overdue or due soon
        self.statusBar().addPermanentWidget(self.breach_button)
        self.breach_button.clicked.connect(self.show_breaches)
        self.breach_show_button.clicked.connect(self.show_breaches)
        self.breach_dismiss_button.clicked.connect(self.breach_banner.hide)
        self._breach_timer = QTimer(self)
        self._breach_timer.setInterval(60_000)  # the counts age with the clock, and a notice time may come
        self._breach_timer.timeout.connect(self.reload_breaches)
        self._breach_timer.start()
        self._breach_checked: datetime | None = None  # up to when the notice times were looked at
        self.breach: BreachWatch | None = None
        self.low_stock_button.clicked.connect(self._on_low_stock_button_clicked)
        self._low_stock_timer = QTimer(self)
        self._low_stock_timer.setSingleShot(True)
        self._low_stock_timer.setInterval(1000)  # a burst of scans or a batch print asks once
        self._low_stock_timer.timeout.connect(self.reload_low_stock)
        self._low_stock_timer.timeout.connect(self.reload_breaches)  # orders changed: the counts too
        self._low_stock_asked = 0
        if sync is not None:
            sync.started.connect(self._on_sync_started)
            sync.finished.connect(self._on_sync_finished)
            sync.status_changed.connect(self._on_sync_status_changed)

        self.packer_label = QLabel(self.tr("Packer: %1").replace("%1", packer), self)
        self.station_label = QLabel(self.tr("Station: %1").replace("%1", station_name), self)
        self.printer_label = QLabel(self)
        for label in (self.packer_label, self.station_label, self.printer_label):
            self.statusBar().addPermanentWidget(label)
        self._on_printing_printer_changed(printing.printer_uri)

        self.orders_view.order_activated.connect(self._on_orders_view_order_activated)
        self.orders_view.print_requested.connect(self._on_orders_view_print_requested)
        self.orders_view.pdf_requested.connect(self._on_orders_view_pdf_requested)
        self.orders_view.order_actions.reprint_requested.connect(self._on_order_actions_reprint_requested)
        self.station_view.scan_handled.connect(self._on_station_view_scan_handled)
        self.station_view.signed_in.connect(self._on_station_view_signed_in)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.printer_action.triggered.connect(self._on_printer_action_triggered)
        self.printing.progressed.connect(self._on_printing_progressed)
        self.printing.batch_finished.connect(self._on_printing_batch_finished)
        self.printing.printer_changed.connect(self._on_printing_printer_changed)
        ops.hub.changed.connect(self._on_changed)
        self.orders_view.reload()
        self.reload_balances()
        self.reload_low_stock()
        self.reload_breaches()

    def _media(self) -> Media:
        service = self.printing.service
        return service.media if service else Media()

    def on_barcode_scanned(self, code: str) -> None:
        """A scanner's code, from wherever the focus was: it goes to the station, except while the Products tab is
        shown (it binds the code to the selected SKU, or counts it in a stock count)."""
        modal = QApplication.activeModalWidget()
        if modal is not None and callable(getattr(modal, "take_scan", None)):  # a dialog asking for a number
            modal.take_scan(code)
            return
        if self.tabs.currentWidget() is self.products_view:
            self.products_view.take_scan(code)
            return
        self.tabs.setCurrentWidget(self.station_view)
        self.station_view.submit_scan(code)

    def _on_orders_view_order_activated(self, order_no: str) -> None:
        self.tabs.setCurrentWidget(self.station_view)
        self.station_view.submit_scan(order_no)

    @property
    def dashboard_view(self) -> DashboardView:
        """The Dashboard tab's view, built on first use."""
        if self._dashboard is None:
            from ui.widgets.dashboard import DashboardView

            self._dashboard = DashboardView(self.ops, self.dashboard_tab)
            self._dashboard_waiting.hide()
            self.dashboard_tab.layout().addWidget(self._dashboard)
            self._dashboard.open_orders.connect(self._on_dashboard_view_open_orders)
        return self._dashboard

    def _on_dashboard_view_open_orders(self, typed: dict[str, object]) -> None:
        """A click on the dashboard: the order workspace with the orders behind it (one reload, the filter's)."""
        self.orders_view.apply_filter(typed)
        self.tabs.blockSignals(True)  # the tab change would reload the list a second time
        self.tabs.setCurrentWidget(self.orders_view)
        self.tabs.blockSignals(False)

    def _on_orders_view_print_requested(self, order_nos: list[str]) -> None:
        self.statusBar().showMessage(plural(self.tr("Printing %n waybill(s)…", "", len(order_nos)), len(order_nos)))
        self.printing.print_orders(order_nos)

    def _on_order_actions_reprint_requested(self, order_nos: list[str], reason: str) -> None:
        n = len(order_nos)
        self.statusBar().showMessage(plural(self.tr("Reprinting %n waybill(s)…", "", n), n))
        self.printing.reprint_orders(order_nos, reason)

    def _on_orders_view_pdf_requested(self, order_nos: list[str]) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save waybills as PDF"), "waybills.pdf", "PDF (*.pdf)")
        if path:
            self.printing.save_pdf(order_nos, path if path.lower().endswith(".pdf") else path + ".pdf")

    def _on_printing_progressed(self, done: int, total: int) -> None:
        self.statusBar().showMessage(self.tr("Printed %1 of %2").replace("%1", str(done)).replace("%2", str(total)))

    def _on_printing_batch_finished(self, outcome: BatchOutcome) -> None:
        parts = [self.tr("%1 printed").replace("%1", str(outcome.sent))]
        if outcome.refused:
            parts.append(self.tr("%1 refused").replace("%1", str(len(outcome.refused))))
        if outcome.not_sent:
            parts.append(self.tr("%1 waiting in the queue").replace("%1", str(len(outcome.not_sent))))
        self.statusBar().showMessage(" · ".join(parts), 15_000)
        self.queue_view.show_pause(outcome.pause)
        self.refresh_balances()  # numbers were taken: what is left, from the providers
        if outcome.notices:  # an address changed after printing: the packer must use the new label
            QMessageBox.information(
                self, self.tr("Waybills updated"), "\n".join(f"{no}: {what}" for no, what in outcome.notices)
            )
        if outcome.refused or outcome.pause:
            details = "\n".join(f"{no}: {why}" for no, why in outcome.refused)
            if outcome.pause:
                details = (details + "\n" if details else "") + self.tr("Printing stopped: %1").replace(
                    "%1", outcome.pause
                )
            QMessageBox.warning(self, self.tr("Some waybills did not print"), details)

    def _on_printing_printer_changed(self, uri: str) -> None:
        self.printer_label.setText(
            self.tr("Printer: %1").replace("%1", uri) if uri else self.tr("No printer configured")
        )

    def _on_printer_action_triggered(self) -> None:
        uri = PrinterSetupDialog.ask(self, self.printing.printer_uri, self.tasks)
        if not uri:
            return
        try:
            self.printing.set_printer(uri)
        except PrinterError as exc:
            QMessageBox.warning(self, self.tr("Printer setup"), core_text(exc))
            return
        self.save_printer(uri)

    def _on_reopen_action_triggered(self) -> None:
        code, ok = QInputDialog.getText(
            self, self.tr("Reopen a parcel"), self.tr("Order or waybill number of the parcel closed by mistake:")
        )
        if ok and code.strip():
            self.tabs.setCurrentWidget(self.station_view)
            self.station_view.reopen(code.strip())

    def set_station_settings(
        self, current: Callable[[], StationOptions], apply: Callable[[StationOptions], None]
    ) -> None:
        """Where the station settings dialog reads this bench's options and hands the ones chosen."""
        self._station_options, self._apply_station_options = current, apply
        self.station_settings_action.setEnabled(True)

    def set_setup_assistant(self, open_assistant: Callable[[], object]) -> None:
        """What Station ▸ Setup assistant… opens (the first-run assistant, over this window)."""
        self.assistant_action.triggered.connect(lambda _checked=False: open_assistant())
        self.assistant_action.setEnabled(True)

    def _on_station_settings_action_triggered(self) -> None:
        dialog = StationSettingsDialog(self._station_options(), self)
        dialog.chosen.connect(self._apply_station_options)
        dialog.finished.connect(dialog.deleteLater)
        self.station_settings_dialog = dialog
        dialog.open()

    # -- sound ------------------------------------------------------------------------------------------------------

    def _check_volume(self, volume: int) -> None:
        for level, action in self.volume_actions.items():
            action.setChecked(level == volume)

    def _on_mute_action_toggled(self, muted: bool) -> None:
        sounds = self.station_view.sounds
        if sounds is not None:
            sounds.set_muted(muted)
            self.save_sound(sounds.muted, sounds.volume)

    def _on_volume_chosen(self, volume: int) -> None:
        sounds = self.station_view.sounds
        self._check_volume(volume)
        if sounds is not None:
            sounds.set_volume(volume)
            self.save_sound(sounds.muted, sounds.volume)

    # -- sync -------------------------------------------------------------------------------------------------------

    def _sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync_now()

    def _send_now(self) -> None:
        if self.sync is not None:
            self.sync.send_now()

    def _on_sync_started(self) -> None:
        self.sync_label.setText(self.tr("Syncing…"))

    def _on_sync_finished(self, outcome: SyncOutcome) -> None:
        if outcome.error:
            self.statusBar().showMessage(core_text(outcome.error), 30_000)

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.order_nos:  # the platform changed orders: the open parcel may be one of them
            self.station_view.recheck(set(changes.order_nos))
        if changes.shops:  # accounts added or changed, balances asked again
            self.reload_balances()
        if changes.orders or changes.queue or changes.shops:  # stock moved: shipped, synced, imported, counted
            self._low_stock_timer.start()

    # -- ship-by breaches -------------------------------------------------------------------------------------------

    def reload_breaches(self) -> None:
        """Counts the overdue and due-soon orders (the io lane) for the status bar, and shows the notice when one of
        the seller's times of day has come since the last look."""
        QueryOp(self.ops, self, op=lambda desk: desk.breach_watch(), success=self._show_breaches).failure(
            lambda _error: None
        ).run_in_background(lane="io")

    def _show_breaches(self, watch: BreachWatch) -> None:
        self.breach = watch
        late = watch.overdue + watch.due_soon
        text = (
            self.tr("Overdue: %1 · due within %2 h: %3")
            .replace("%1", str(watch.overdue))
            .replace("%2", str(watch.hours))
            .replace("%3", str(watch.due_soon))
        )
        self.breach_button.setText(text)
        self.breach_button.setVisible(late > 0)
        now = self.ops.desk.clock()
        since, self._breach_checked = self._breach_checked, now
        if since is not None and late and alert_due(watch.alert_times, since, now):
            self.breach_text.setText(
                self.tr("Ship-by times: %1 order(s) overdue, %2 due within %3 hours.")
                .replace("%1", str(watch.overdue))
                .replace("%2", str(watch.due_soon))
                .replace("%3", str(watch.hours))
            )
            self.breach_banner.show()
        elif not late:
            self.breach_banner.hide()

    def show_breaches(self) -> None:
        """The Orders tab with the overdue orders, or those due soon when none is overdue."""
        self.breach_banner.hide()
        watch = self.breach
        self.tabs.setCurrentWidget(self.orders_view)
        self.orders_view.clear_filters()
        if watch is not None and not watch.overdue:
            self.orders_view.apply_filter({"due_soon": True})
        else:
            self.orders_view.apply_filter({"overdue": True})

    # -- low stock --------------------------------------------------------------------------------------------------

    def reload_low_stock(self) -> None:
        """Counts the SKUs whose available stock is under their safety stock (the io lane: never between scans)."""
        self._low_stock_asked += 1
        asked = self._low_stock_asked  # reads on the io lane may finish out of order: the latest one is shown
        QueryOp(
            self.ops,
            self,
            op=lambda desk: desk.catalogue.low_stock_count(),
            success=lambda count: self._show_low_stock(count) if asked == self._low_stock_asked else None,
        ).failure(lambda _error: None).run_in_background(lane="io")

    def _show_low_stock(self, count: int) -> None:
        self.low_stock_button.setText(plural(self.tr("Low stock: %n SKU(s)", "", count), count))
        self.low_stock_button.setVisible(count > 0)

    def _on_low_stock_button_clicked(self) -> None:
        self.tabs.setCurrentWidget(self.products_view)
        self.products_view.show_low()

    # -- waybill balances -------------------------------------------------------------------------------------------

    def reload_balances(self) -> None:
        """Shows the balances as last asked (no network)."""
        QueryOp(self.ops, self, op=lambda desk: desk.waybill_balances(), success=self._show_balances).failure(
            lambda _error: None
        ).run_in_background()

    def refresh_balances(self) -> None:
        """Asks the providers of the accounts in use for their balances (the io lane), then shows them."""
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.refresh_waybill_accounts(in_use_only=True),
            changes=Changes(shops=True),
            success=self._on_balances_refreshed,
        ).failure(lambda _error: self.reload_balances()).run_in_background(lane="io")

    def _on_balances_refreshed(self, results: list[Refreshed]) -> None:
        errors = [f"{r.account.name}: {core_text(r.error)}" for r in results if r.error]
        if errors:
            self.statusBar().showMessage(errors[0], 15_000)

    def _show_balances(self, accounts: list[AccountView]) -> None:
        """The default account of each shop group and every account running low: its default carrier's numbers
        left, in the warning colour below the account's threshold."""
        shown = [a for a in accounts if a.is_default or a.low]
        if not shown:
            self.balance_label.setText(self.tr("No waybill account") if not accounts else "")
            self.balance_label.setStyleSheet(f"color: {LOW_COLOUR}; font-weight: bold;" if not accounts else "")
            self.balance_label.setToolTip(self.tr("Shops print with no waybill account: add one (Shops menu)"))
            return
        parts = []
        for a in shown:
            part = f"{a.carrier} {balance_text(a.balance)}"
            parts.append(f"⚠ {part}" if a.low else part)
        low = any(a.low for a in shown)
        self.balance_label.setText(self.tr("Waybills: %1").replace("%1", " · ".join(parts)))
        self.balance_label.setStyleSheet(f"color: {LOW_COLOUR}; font-weight: bold;" if low else "color: #37474f;")
        lines = []
        for a in accounts:
            for c in a.carriers:
                line = f"{a.name} · {c.code}: {balance_text(c.balance)}"
                if c.low:
                    line += " " + self.tr("(below %1)").replace("%1", f"{a.warn_below:,}")
                lines.append(line)
        self.balance_label.setToolTip("\n".join(lines))

    def _on_stops_action_triggered(self) -> None:
        StopsDialog.show_for(self, self.ops)

    def _on_carrier_rules_action_triggered(self) -> None:
        CarrierRulesDialog.show_for(self, self.ops)

    def _on_notice_settings_action_triggered(self) -> None:
        NoticeSettingsDialog.show_for(self, self.ops)

    def _on_waybills_action_triggered(self) -> None:
        WaybillAccountsDialog.show_for(self, self.ops)

    def _on_refresh_balance_action_triggered(self) -> None:
        self.balance_label.setText(self.tr("Asking for the waybill balances…"))
        self.refresh_balances()

    def _on_sync_status_changed(self, status: SyncStatus) -> None:
        if not status.api_shops:
            text, colour = self.tr("Orders from imported files"), "#37474f"
        elif status.last_error:
            text, colour = self.tr("Offline: %1").replace("%1", core_text(status.last_error)[:60]), "#c62828"
        elif status.last_success:
            when = status.last_success.astimezone(CHINA_TZ).strftime("%H:%M")
            text, colour = self.tr("Synced %1").replace("%1", when), "#2e7d32"
        else:
            text, colour = self.tr("Not synced yet"), "#e65100"
        if status.waiting:
            text += " · " + plural(self.tr("%n ship-back(s) waiting", "", status.waiting), status.waiting)
        if status.manual:  # not waiting for PackDesk: for the seller to enter in the seller centre
            text += " · " + plural(self.tr("%n shipment(s) for the seller centre", "", status.manual), status.manual)
        if status.failed:
            text += " · " + self.tr("%1 refused").replace("%1", str(status.failed))
            colour = "#c62828"
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.sync_label.setToolTip(core_text(status.last_error))

    def _on_shops_action_triggered(self) -> None:
        if ShopSettingsDialog.show_for(self, self.ops):
            self._sync_now()

    def _on_import_action_triggered(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import seller-centre exports"), "", self.tr("Order exports (*.csv *.txt)")
        )
        if not paths:
            return
        shop, ok = QInputDialog.getText(self, self.tr("Import"), self.tr("Shop name:"))
        if not ok or not shop.strip():
            return
        name = shop.strip()
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.import_files(paths, name),
            changes=Changes(orders=True, shops=True),
            success=self._on_import_done,
        ).failure(self._on_import_failed).run_in_background()

    def _on_import_done(self, report: ImportReport) -> None:
        lines = [
            self.tr("Orders: %1 new, %2 changed, %3 unchanged.")
            .replace("%1", str(report.total("inserted")))
            .replace("%2", str(report.total("updated")))
            .replace("%3", str(report.total("unchanged")))
        ]
        for f in report.files:
            if f.message:
                lines.append(f"{f.file}: {core_text(f.message)}")
            for r in sorted(f.rejected, key=lambda r: r.row)[:20]:
                lines.append(
                    self.tr("%1 row %2: %3")
                    .replace("%1", f.file)
                    .replace("%2", str(r.row))
                    .replace("%3", core_text(r.message))
                )
        QMessageBox.information(self, self.tr("Import"), "\n".join(lines))

    def _on_import_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Import"), core_text(error))

    def _on_station_view_signed_in(self, name: str) -> None:
        self.packer_label.setText(self.tr("Packer: %1").replace("%1", name))

    def _on_station_view_scan_handled(self, _snapshot: object) -> None:
        self.ops.hub.notify(Changes(orders=True, station=True), self.station_view)

    def _on_tabs_current_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if current is self.orders_view:
            self.orders_view.reload()
        elif current is self.queue_view:
            self.queue_view.reload()
        elif current is self.outbox_view:
            self.outbox_view.reload()
        elif current is self.risks_view:
            self.risks_view.reload()
        elif current is self.products_view:
            self.products_view.reload()
        elif current is self.dashboard_tab:
            # once the tab has painted (the first time it says it is loading while the charts are imported)
            QTimer.singleShot(30, self._open_dashboard)
        else:
            self.station_view.scan_input.setFocus()

    def _open_dashboard(self) -> None:
        if self.tabs.currentWidget() is self.dashboard_tab:
            self.dashboard_view.reload()

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        self.tasks.wait(5_000)
        super().closeEvent(event)

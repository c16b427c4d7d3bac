"""The main window: the packing station and the order list in tabs, the bench's context in the status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget
from sqlalchemy.orm import Session, sessionmaker

from ui.tasks import TaskRunner
from ui.widgets.orders_view import OrdersView
from ui.widgets.station_view import StationView


class MainWindow(QMainWindow):
    def __init__(
        self,
        station_view: StationView,
        session_factory: sessionmaker[Session],
        tasks: TaskRunner,
        *,
        packer: str,
        station_name: str,
        printer_uri: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PackDesk · packing station"))
        self.tasks = tasks
        self.station_view = station_view
        self.orders_view = OrdersView(session_factory, tasks, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.station_view, self.tr("Station"))
        self.tabs.addTab(self.orders_view, self.tr("Orders"))
        self.setCentralWidget(self.tabs)

        self.packer_label = QLabel(self.tr("Packer: %1").replace("%1", packer), self)
        self.station_label = QLabel(self.tr("Station: %1").replace("%1", station_name), self)
        self.printer_label = QLabel(
            self.tr("Printer: %1").replace("%1", printer_uri) if printer_uri else self.tr("No printer configured"),
            self,
        )
        for label in (self.packer_label, self.station_label, self.printer_label):
            self.statusBar().addPermanentWidget(label)

        self.orders_view.order_activated.connect(self._on_orders_view_order_activated)
        self.station_view.scan_handled.connect(self._on_station_view_scan_handled)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.orders_view.reload()

    def on_barcode_scanned(self, code: str) -> None:
        """A scanner's code, from wherever the focus was: it always goes to the station."""
        self.tabs.setCurrentWidget(self.station_view)
        self.station_view.submit_scan(code)

    def _on_orders_view_order_activated(self, order_no: str) -> None:
        self.tabs.setCurrentWidget(self.station_view)
        self.station_view.submit_scan(order_no)

    def _on_station_view_scan_handled(self, _snapshot: object) -> None:
        if self.tabs.currentWidget() is self.orders_view:
            self.orders_view.reload()

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.orders_view:
            self.orders_view.reload()
        else:
            self.station_view.scan_input.setFocus()

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        self.tasks.wait(5_000)
        super().closeEvent(event)

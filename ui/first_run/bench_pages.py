"""The assistant's bench steps: the printer, a waybill account, packers and the supervisor PIN (ui layer).

The printer and waybill steps hold the window's own dialogs (printer setup, waybill accounts) as pages, so a station
is set up here exactly as it is later from the menus; they are built when their page is first shown, in the
language chosen by then. Printers are looked for on the io lane; PINs are hashed on the database lane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.facade import SetupState
from printers.discovery import Found
from printers.errors import PrinterError
from ui.core_text import core_text
from ui.dialogs.printer_setup import PrinterSetupDialog
from ui.dialogs.waybill_accounts import WaybillAccountsDialog
from ui.first_run.wizard import ERROR_COLOUR, OK_COLOUR, WARN_COLOUR, SetupContext, StepPage, message_label, say
from ui.ops import Changes, CollectionOp, QueryOp


def embed(dialog: QDialog) -> QDialog:
    """A dialog shown as a widget of a page: no window of its own, no OK/Cancel/Close (the wizard has those)."""
    dialog.setWindowFlags(Qt.WindowType.Widget)
    for box in dialog.findChildren(QDialogButtonBox):
        box.hide()
    for combo in dialog.findChildren(QComboBox):  # a long entry (a folder's path) must not widen the wizard
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
    return dialog


class EmbeddedPrinterSetup(PrinterSetupDialog):
    """The printer setup form on a page: Enter or Escape never closes it."""

    def accept(self) -> None:
        pass

    def reject(self) -> None:
        pass


class EmbeddedWaybillAccounts(WaybillAccountsDialog):
    """The waybill accounts list and form on a page: Escape never closes it."""

    def accept(self) -> None:
        pass

    def reject(self) -> None:
        pass


class PrinterPage(StepPage):
    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setup: EmbeddedPrinterSetup | None = None
        self.found: list[Found] | None = None  # None: still looking
        self.stale = True  # (re)built in the language in effect when the page shows
        self.test_label_button = QPushButton(self)
        self.use_button = QPushButton(self)
        self.message = message_label(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_label_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        self.body = QVBoxLayout(self)
        self.body.addLayout(buttons)
        self.body.addWidget(self.message)
        self.test_label_button.clicked.connect(self._on_test_label_button_clicked)
        self.use_button.clicked.connect(self._on_use_button_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The label printer"))
        self.setSubTitle(
            self.tr(
                "Choose a printer found here or type its address. The test page checks that the label sits right; "
                "the test label shows a waybill. Next uses this printer (no address: skipped). Later: Printer ▸ "
                "Printer setup…"
            )
        )
        self.test_label_button.setText(self.tr("Print a test label"))
        self.use_button.setText(self.tr("Use this printer"))
        self.stale = True

    def initializePage(self) -> None:  # noqa: N802
        if self.setup is not None and not self.stale:
            return
        uri = self.setup.uri() if self.setup is not None else self.context.settings.printer_uri
        if self.setup is not None:
            self.setup.deleteLater()
        self.setup = EmbeddedPrinterSetup(uri, self.ops.tasks, self, found=[])
        embed(self.setup)
        self.setup.uri_label.setWordWrap(True)  # an address not yet complete is said in a sentence
        self.body.insertWidget(0, self.setup)
        self.stale = False
        if self.found is None:
            say(self.message, self.tr("Looking for printers…"), WARN_COLOUR)
            self.ops.tasks.run(self.context.find_printers, self._on_found, self._on_find_failed, lane="io")
        else:
            self._offer(self.found)

    def _on_found(self, found: list[Found]) -> None:
        self.found = found
        self._offer(found)
        if found:
            say(self.message, self.tr("Printers found: %1").replace("%1", str(len(found))))
        else:
            say(self.message, self.tr("No printer found on this computer: type its address."), WARN_COLOUR)

    def _on_find_failed(self, error: BaseException) -> None:
        self.found = []
        say(self.message, core_text(error), ERROR_COLOUR)

    def _offer(self, found: list[Found]) -> None:
        if self.setup is None:
            return
        combo = self.setup.found_combo
        while combo.count() > 1:
            combo.removeItem(1)
        for item in found:
            combo.addItem(item.label, item.uri)
        folder = (self.context.ops.desk.data_dir / "labels").as_posix()
        combo.addItem(self.tr("Virtual printer: one PNG file per label in %1").replace("%1", folder), f"png://{folder}")

    def _checked_uri(self) -> str | None:
        """The address the form makes, or None (the form says why) when it is incomplete or wrong."""
        if self.setup is None or self.setup.spec() is None:
            say(self.message, self.setup.uri_label.text() if self.setup else "", ERROR_COLOUR)
            return None
        return self.setup.uri()

    def _on_test_label_button_clicked(self) -> None:
        uri = self._checked_uri()
        if uri is None:
            return
        say(self.message, self.tr("Printing a test label…"), WARN_COLOUR)
        op = QueryOp(self.ops, self, op=lambda desk: desk.print_test_label(uri), success=self._on_test_label_printed)
        op.failure(self._on_failed).run_in_background(lane="io")

    def _on_test_label_printed(self, sent: int) -> None:
        say(
            self.message,
            self.tr("Test label sent (%1 bytes): its barcode must scan and no text may be cut off.").replace(
                "%1", str(sent)
            ),
        )

    def _on_failed(self, error: BaseException) -> None:
        say(self.message, core_text(error), ERROR_COLOUR)

    def validatePage(self) -> bool:  # noqa: N802
        """Next uses the printer chosen (when it is not in use yet); an empty address skips the step."""
        if self.setup is None or not self.setup.address_edit.text().strip() or self.setup.spec() is None:
            return True
        if self.setup.uri() == self.context.settings.printer_uri:
            return True
        return self._use(self.setup.uri())

    def _on_use_button_clicked(self) -> None:
        uri = self._checked_uri()
        if uri is not None:
            self._use(uri)

    def _use(self, uri: str) -> bool:
        try:
            self.context.set_printer(uri)
        except PrinterError as exc:
            say(self.message, core_text(exc), ERROR_COLOUR)
            return False
        except OSError as exc:  # config.toml could not be written
            text = self.tr("Could not save the settings: %1").replace("%1", exc.strerror or str(exc))
            say(self.message, text, ERROR_COLOUR)
            return False
        say(self.message, self.tr("This station prints on %1").replace("%1", uri))
        return True


class WaybillPage(StepPage):
    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.accounts: EmbeddedWaybillAccounts | None = None
        self.stale = True
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Tracking numbers"))
        self.setSubTitle(
            self.tr(
                "Where the waybill numbers come from: a number roll from your carrier, or an e-waybill account "
                "(Cainiao, Pinduoduo, Kuaidi100). Later: Shops ▸ Waybill accounts…"
            )
        )
        self.stale = True

    def initializePage(self) -> None:  # noqa: N802
        if self.accounts is not None and not self.stale:
            self.accounts.reload()  # shops added on the way get their groups
            return
        if self.accounts is not None:
            self.accounts.deleteLater()
        self.accounts = EmbeddedWaybillAccounts(self.ops, self)
        embed(self.accounts)
        self.accounts.table.setMinimumHeight(60)
        self.body.addWidget(self.accounts)
        self.stale = False


class PackersPage(StepPage):
    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.added = False  # packers added here: the bench asks for a sign-in
        self.names: list[str] = []
        self.had_packers = False
        self.packers_box, self.pin_box = QGroupBox(self), QGroupBox(self)
        self.packer_form, self.pin_form = QFormLayout(self.packers_box), QFormLayout(self.pin_box)
        self.name_edit, self.pin_edit, self.badge_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.authority_edit = QLineEdit(self)  # the supervisor PIN, once one is set
        self.current_edit, self.new_edit, self.repeat_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        for edit in (self.pin_edit, self.authority_edit, self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = {key: QLabel(self) for key in ("name", "pin", "badge", "authority", "current", "new", "repeat")}
        for key, edit in (
            ("name", self.name_edit),
            ("pin", self.pin_edit),
            ("badge", self.badge_edit),
            ("authority", self.authority_edit),
        ):
            self.packer_form.addRow(self.labels[key], edit)
        self.add_button = QPushButton(self)
        self.packer_form.addRow("", self.add_button)
        self.packers_label = message_label(self)
        self.packer_form.addRow(self.packers_label)
        for key, edit in (("current", self.current_edit), ("new", self.new_edit), ("repeat", self.repeat_edit)):
            self.pin_form.addRow(self.labels[key], edit)
        self.pin_button = QPushButton(self)
        self.pin_form.addRow("", self.pin_button)
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.packers_box)
        layout.addWidget(self.pin_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.pin_button.clicked.connect(self._on_pin_button_clicked)
        self._show_rows()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Packers and the supervisor"))
        self.setSubTitle(
            self.tr(
                "Packers sign in at the bench with their name and PIN or by scanning their badge; the supervisor "
                "PIN lets a code be bound, an item confirmed by hand or a stop overridden."
            )
        )
        self.packers_box.setTitle(self.tr("Add a packer"))
        self.pin_box.setTitle(self.tr("Supervisor PIN"))
        texts = {
            "name": self.tr("Name"),
            "pin": self.tr("PIN (4-12 digits)"),
            "badge": self.tr("Badge code (optional)"),
            "authority": self.tr("Supervisor PIN"),
            "current": self.tr("Current PIN"),
            "new": self.tr("New PIN (6-12 digits)"),
            "repeat": self.tr("New PIN again"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.add_button.setText(self.tr("Add packer"))
        self.pin_button.setText(self.tr("Change PIN") if self.context.settings.supervisor_pin else self.tr("Set PIN"))
        self._show_packers()

    def initializePage(self) -> None:  # noqa: N802
        QueryOp(self.ops, self, op=lambda desk: desk.setup_state(), success=self._on_state).failure(
            self._on_failed
        ).run_in_background()

    def _on_state(self, state: SetupState) -> None:
        self.had_packers = state.packers and not self.names
        self._show_packers()

    def _show_rows(self) -> None:
        pin_set = bool(self.context.settings.supervisor_pin)
        self.packer_form.setRowVisible(self.authority_edit, pin_set)
        self.pin_form.setRowVisible(self.current_edit, pin_set)

    def _show_packers(self) -> None:
        if self.names:
            text = self.tr("Packers added: %1").replace("%1", ", ".join(self.names))
        elif self.had_packers:
            text = self.tr("This station has packers already; adding one under their name gives them a new PIN.")
        else:
            text = self.tr("No packers yet: the bench then never locks and needs no sign-in.")
        self.packers_label.setText(text)

    def _on_failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.pin_button.setEnabled(True)
        say(self.message, core_text(error), ERROR_COLOUR)

    def _on_add_button_clicked(self) -> None:
        name, pin, badge = self.name_edit.text().strip(), self.pin_edit.text(), self.badge_edit.text().strip() or None
        stored, authority = self.context.settings.supervisor_pin, self.authority_edit.text()
        self.add_button.setEnabled(False)
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.add_packer(name, pin, badge, supervisor_hash=stored, supervisor_pin=authority),
            changes=Changes(station=True),
            success=lambda _state: self._on_packer_added(name),
        ).failure(self._on_failed).run_in_background()

    def _on_packer_added(self, name: str) -> None:
        self.add_button.setEnabled(True)
        self.added = True
        if name not in self.names:
            self.names.append(name)
        for edit in (self.name_edit, self.pin_edit, self.badge_edit):
            edit.clear()
        self._show_packers()
        say(self.message, self.tr("%1 can sign in at the bench.").replace("%1", name))

    def _on_pin_button_clicked(self) -> None:
        new, repeat = self.new_edit.text(), self.repeat_edit.text()
        if new != repeat:
            say(self.message, self.tr("The two new PINs differ: type the same PIN twice."), ERROR_COLOUR)
            return
        stored, current = self.context.settings.supervisor_pin, self.current_edit.text()
        self.pin_button.setEnabled(False)
        QueryOp(
            self.ops,
            self,
            op=lambda desk: desk.set_supervisor_pin(new, current_hash=stored, current_pin=current),
            success=self._on_pin_set,
        ).failure(self._on_failed).run_in_background()

    def _on_pin_set(self, stored: str) -> None:
        self.pin_button.setEnabled(True)
        previous, self.context.settings.supervisor_pin = self.context.settings.supervisor_pin, stored
        try:
            self.context.save_settings()
        except OSError as exc:
            self.context.settings.supervisor_pin = previous
            text = self.tr("Could not save the settings: %1").replace("%1", exc.strerror or str(exc))
            say(self.message, text, ERROR_COLOUR)
            return
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self._show_rows()
        self.retranslate()
        say(self.message, self.tr("Supervisor PIN set."), OK_COLOUR)

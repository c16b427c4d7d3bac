"""The first-run assistant: a wizard that takes a new station from nothing to its first printed parcel (ui layer).

Language, a shop (Taobao API or imported files), the catalogue, the printer, a waybill account, packers and the
supervisor PIN: one page each, every one skippable (Next goes on whatever was done) and each reachable later from
the window's menus. The pages do their work through the façade on the TaskRunner's lanes; a refusal is said in the
core's words on the page and changes nothing. A language chosen on the first page applies at once: every page says
its texts again when the translator changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage

from app.facade import SetupState
from app.services.workspace import Settings
from printers.discovery import Found, discover
from ui.i18n import choose_language, switch_language
from ui.ops import Ops, QueryOp

OK_COLOUR, WARN_COLOUR, ERROR_COLOUR = "#2e7d32", "#e65100", "#c62828"


@dataclass
class SetupContext:
    """What the assistant works on: the façade's lanes, this station's settings and how they are kept."""

    ops: Ops
    settings: Settings
    save_settings: Callable[[], None]  # writes config.toml (language, printer, supervisor PIN)
    set_printer: Callable[[str], None]  # uses and keeps a printer address (raises PrinterError)
    find_printers: Callable[[], list[Found]] = field(default=discover)  # slow: run on the io lane
    over_window: bool = False  # opened over the running window (which says its texts again only at the next start)


def say(label: QLabel, text: str, colour: str = OK_COLOUR) -> None:
    """A page's one-line outcome, in the colour of what it means."""
    label.setStyleSheet(f"color: {colour};" if colour else "")
    label.setText(text)


def message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    return label


class StepPage(QWizardPage):
    """A page of the assistant: builds its widgets once, says its texts in `retranslate` (again on a language
    change); never incomplete, so Next always goes on (the step is then done later from the menus)."""

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ops = context.ops

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguagePage(StepPage):
    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.zh_button = QRadioButton("中文（简体）", self)  # each language named in itself: no translation
        self.en_button = QRadioButton("English", self)
        self.note = message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.zh_button)
        layout.addWidget(self.en_button)
        layout.addSpacing(12)
        layout.addWidget(self.note)
        layout.addStretch(1)
        chosen = choose_language(context.settings.language)
        (self.zh_button if chosen == "zh_CN" else self.en_button).setChecked(True)
        self.zh_button.toggled.connect(self._on_zh_button_toggled)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to PackDesk"))
        self.setSubTitle(
            self.tr(
                "This assistant sets up the station: a shop, its products, the printer, a waybill account and the "
                "packers. Every step can be skipped and done later from the menus."
            )
        )
        if self.context.over_window:
            note = self.tr("The language of PackDesk. This assistant changes at once, the window at the next start.")
        else:
            note = self.tr("The language of the window. It changes at once.")
        say(self.note, note, "")

    def _on_zh_button_toggled(self, zh: bool) -> None:
        language = "zh_CN" if zh else "en"
        app = QApplication.instance()
        if app is not None:
            switch_language(app, language)  # every page says its texts again
        previous, self.context.settings.language = self.context.settings.language, language
        try:
            self.context.save_settings()
        except OSError as exc:  # said; the language holds for this start only
            self.context.settings.language = previous
            text = self.tr("Could not save the settings: %1").replace("%1", exc.strerror or str(exc))
            say(self.note, text, ERROR_COLOUR)


class DonePage(StepPage):
    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.state: SetupState | None = None
        self.summary = message_label(self)
        self.later = message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addWidget(self.later)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802
        QueryOp(self.ops, self, op=lambda desk: desk.setup_state(), success=self._show).run_in_background()

    def _show(self, state: SetupState) -> None:
        self.state = state
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Finish opens the station. Scan an order number to start packing."))
        self.later.setText(
            self.tr(
                "Anything skipped is in the menus: Shops (shop settings, importing files, waybill accounts), Printer "
                "(printer setup) and Station (this assistant again)."
            )
        )
        state = self.state
        if state is None:
            self.summary.setText("")
            return
        yes, no = "✔", "✘"
        printer = self.context.settings.printer_uri
        rows = [
            (bool(state.shops), self.tr("Shops: %1").replace("%1", ", ".join(state.shops) or self.tr("none yet"))),
            (state.products, self.tr("Products with barcodes") if state.products else self.tr("No catalogue yet")),
            (bool(printer), self.tr("Printer: %1").replace("%1", printer) if printer else self.tr("No printer yet")),
            (
                bool(state.accounts),
                self.tr("Waybill accounts: %1").replace("%1", str(state.accounts))
                if state.accounts
                else self.tr("No waybill account yet"),
            ),
            (state.packers, self.tr("Packers sign in at the bench") if state.packers else self.tr("No packers yet")),
            (
                bool(self.context.settings.supervisor_pin),
                self.tr("Supervisor PIN set")
                if self.context.settings.supervisor_pin
                else self.tr("No supervisor PIN yet"),
            ),
        ]
        self.summary.setText("\n".join(f"{yes if done else no}  {text}" for done, text in rows))


class FirstRunWizard(QWizard):
    """The assistant. `packers_added` tells the window to lock the bench so a packer signs in."""

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.first_run.bench_pages import PackersPage, PrinterPage, WaybillPage
        from ui.first_run.shop_pages import CataloguePage, ShopPage

        self.context = context
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.language_page = LanguagePage(context, self)
        self.shop_page = ShopPage(context, self)
        self.catalogue_page = CataloguePage(context, self)
        self.printer_page = PrinterPage(context, self)
        self.waybill_page = WaybillPage(context, self)
        self.packers_page = PackersPage(context, self)
        self.done_page = DonePage(context, self)
        self.step_pages: list[StepPage] = [
            self.language_page,
            self.shop_page,
            self.catalogue_page,
            self.printer_page,
            self.waybill_page,
            self.packers_page,
            self.done_page,
        ]
        for page in self.step_pages:
            self.addPage(page)
        self.retranslate()
        self._fit()

    @property
    def packers_added(self) -> bool:
        return self.packers_page.added

    def _fit(self) -> None:
        """1100 x 720, or the whole screen where that is smaller (a 1366 x 768 laptop)."""
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1100, 720
        if room is not None:
            width, height = min(width, room.width()), min(height, room.height() - 30)  # the title bar
        self.resize(width, height)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("PackDesk setup assistant"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""Acting on one order or a selection from the workspace: the small dialogs that ask what the action needs (a
reprint's reason, a memo, a hold's reason, an expected date, a tracking number) and `OrderActions`, the menu that
runs each action on the database worker and says what was done and what was skipped, with why (ui layer).

Each dialog is asked through its `ask` classmethod (one seam for callers and tests). Every action is a CollectionOp:
when it ends the change hub tells the list and the detail pane to read again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Flag
from app.domain.order_actions import ActionReport
from app.domain.tracking import CARRIERS, detect_carriers
from ui.core_text import core_text
from ui.dialogs.batch_ship import BatchShipDialog
from ui.dialogs.notice_dialog import NoticeDialog
from ui.dialogs.split import SplitDialog
from ui.ops import Changes, CollectionOp, Ops, QueryOp
from ui.plurals import plural
from ui.widgets.order_detail import flag_text


class _AskDialog(QDialog):
    """A form with OK/Cancel whose OK is enabled only while `ready()` says so."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def ready(self) -> bool:
        return True

    def _update_ok(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.ready())

    def accept(self) -> None:
        if self.ready():
            super().accept()


def _orders_text(order_nos: list[str]) -> str:
    if len(order_nos) == 1:
        return QCoreApplication.translate("OrderActions", "Order %1").replace("%1", order_nos[0])
    n = len(order_nos)
    return plural(QCoreApplication.translate("OrderActions", "%n order(s) selected", "", n), n)


class ReprintDialog(_AskDialog):
    """Why a printed waybill prints again: chosen from the usual reasons or typed."""

    def __init__(self, order_nos: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reprint waybills"), parent)
        self.intro.setText(
            _orders_text(order_nos) + "\n" + self.tr("A reprint is counted and audited with its reason.")
        )
        self.reason_combo = QComboBox(self)
        self.reason_combo.setEditable(True)
        self.reason_combo.addItems(
            [
                "",
                self.tr("Label damaged or smudged"),
                self.tr("Label lost"),
                self.tr("Printer jammed"),
                self.tr("Barcode does not scan"),
            ]
        )
        self.reason_combo.lineEdit().setPlaceholderText(self.tr("Reason (required)"))
        self.form.addRow(self.tr("Reason:"), self.reason_combo)
        self.reason_combo.editTextChanged.connect(self._update_ok)
        self._update_ok()

    def ready(self) -> bool:
        return bool(self.reason_combo.currentText().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, order_nos: list[str]) -> str | None:
        dialog = cls(order_nos, parent)
        return dialog.reason_combo.currentText().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MemoDialog(_AskDialog):
    """The seller memo to write (replacing it) or to add on a new line."""

    def __init__(self, order_nos: list[str], current: str, append: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Append to the seller memo") if append else self.tr("Write the seller memo"), parent)
        self.intro.setText(_orders_text(order_nos))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        if not append:
            self.text_edit.setPlainText(current)
        self.append_check = QCheckBox(self.tr("Add on a new line (keep the memo there is)"), self)
        self.append_check.setChecked(append)
        self.form.addRow(self.tr("Memo:"), self.text_edit)
        self.form.addRow("", self.append_check)
        self.text_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def ready(self) -> bool:
        # Writing an empty memo clears it; appending nothing does nothing.
        return not self.append_check.isChecked() or bool(self.text_edit.toPlainText().strip())

    @classmethod
    def ask(
        cls, parent: QWidget | None, order_nos: list[str], current: str = "", append: bool = False
    ) -> tuple[str, bool] | None:
        dialog = cls(order_nos, current, append, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text_edit.toPlainText().strip(), dialog.append_check.isChecked()


class HoldDialog(_AskDialog):
    """Why the orders are held (the batch and the bench refuse them with it)."""

    def __init__(self, order_nos: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Hold orders"), parent)
        self.intro.setText(_orders_text(order_nos))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. buyer asked to wait, address to confirm"))
        self.form.addRow(self.tr("Reason:"), self.reason_edit)
        self.reason_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def ready(self) -> bool:
        return bool(self.reason_edit.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, order_nos: list[str]) -> str | None:
        dialog = cls(order_nos, parent)
        return dialog.reason_edit.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


class OutOfStockDialog(_AskDialog):
    """A manual out-of-stock mark: why, and when stock is expected (or not said)."""

    def __init__(self, order_nos: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mark out of stock"), parent)
        self.intro.setText(_orders_text(order_nos))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. shelf empty, goods faulty"))
        self.expected_check = QCheckBox(self.tr("Stock expected on"), self)
        self.expected_edit = QDateEdit(QDate.currentDate().addDays(3), self)
        self.expected_edit.setCalendarPopup(True)
        self.expected_edit.setDisplayFormat("yyyy-MM-dd")
        self.expected_edit.setMinimumDate(QDate.currentDate())
        self.expected_edit.setEnabled(False)
        self.expected_check.toggled.connect(self.expected_edit.setEnabled)
        self.form.addRow(self.tr("Reason:"), self.reason_edit)
        self.form.addRow(self.expected_check, self.expected_edit)

    def expected(self) -> date | None:
        """The day stock is expected (a China-time day), None when not said."""
        if not self.expected_check.isChecked():
            return None
        return date.fromisoformat(self.expected_edit.date().toString("yyyy-MM-dd"))

    @classmethod
    def ask(cls, parent: QWidget | None, order_nos: list[str]) -> tuple[date | None, str] | None:
        dialog = cls(order_nos, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.expected(), dialog.reason_edit.text().strip()


class ShipByHandDialog(_AskDialog):
    """One order shipped with a number from a paper roll or another system: scan or type it, the carrier follows
    from the number's format when it fits one carrier only."""

    def __init__(self, order_no: str, carrier: str | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ship by hand"), parent)
        self.intro.setText(
            _orders_text([order_no]) + "\n" + self.tr("Scan the waybill's barcode or type its number, then Enter.")
        )
        self.carrier_combo = QComboBox(self)
        self.carrier_combo.addItem(self.tr("Choose the carrier"), None)
        for code, spec in CARRIERS.items():
            self.carrier_combo.addItem(f"{spec.name} ({code})", code)
        if carrier:
            self.carrier_combo.setCurrentIndex(max(self.carrier_combo.findData(carrier), 0))
        self.number_edit = QLineEdit(self)
        self.number_edit.setPlaceholderText(self.tr("Tracking number"))
        self.form.addRow(self.tr("Tracking no.:"), self.number_edit)
        self.form.addRow(self.tr("Carrier:"), self.carrier_combo)
        self.number_edit.textChanged.connect(self._on_number_edit_changed)
        self.carrier_combo.currentIndexChanged.connect(self._update_ok)
        self.number_edit.setFocus()
        self._update_ok()

    def take_scan(self, code: str) -> None:
        """A scanner's code while the dialog is open: it is the number."""
        self.number_edit.setText(code.strip())
        self.number_edit.setFocus()

    def _on_number_edit_changed(self, text: str) -> None:
        fits = detect_carriers(text)
        if len(fits) == 1 or (fits and self.carrier_combo.currentData() is None):
            self.carrier_combo.setCurrentIndex(self.carrier_combo.findData(fits[0]))
        self._update_ok()

    def ready(self) -> bool:
        return bool(self.number_edit.text().strip()) and self.carrier_combo.currentData() is not None

    @classmethod
    def ask(cls, parent: QWidget | None, order_no: str, carrier: str | None = None) -> tuple[str, str] | None:
        dialog = cls(order_no, carrier, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.carrier_combo.currentData(), dialog.number_edit.text().strip()


def report_lines(report: Any) -> tuple[int, list[str]]:
    """How many orders an action changed, and a line per order it skipped with why."""
    lines = []
    for skipped in report.skipped:
        why = core_text(skipped.reason)
        lines.append(why if skipped.order_no in why else f"{skipped.order_no}: {why}")
    return len(report.done), lines


def undo_steps(name: str, report: Any) -> list[Callable[[Any], Any]]:
    """The façade calls that set back what the action `name` changed, from its report's `before` values (empty: it
    cannot be undone from here, as a manual out-of-stock mark's expected date once released)."""
    done, before = list(report.done), dict(report.before)
    groups: dict[Any, list[str]] = {}  # a flag's or expedite's value before -> the orders that had it
    if name in ("flag", "expedite"):
        for no in done:
            if no in before:
                groups.setdefault(before[no], []).append(no)
    if name == "flag":
        return [lambda desk, nos=nos, colour=colour: desk.set_flag(nos, colour) for colour, nos in groups.items()]
    if name == "expedite":
        return [lambda desk, nos=nos, on=on: desk.expedite(nos, bool(on)) for on, nos in groups.items()]
    if name == "memo":
        return [lambda desk, no=no: desk.write_memo([no], before[no], append=False) for no in done if no in before]
    if name in ("hold", "out_of_stock") and done:
        return [lambda desk: desk.release(done)]
    if name == "release":
        reasons = {no: (before.get(no) or {}).get("hold_reason") for no in done}
        return [lambda desk, no=no, why=why: desk.hold([no], why) for no, why in reasons.items() if why]
    return []


def _unmerged(parcel: Any) -> ActionReport:
    """An undone merge as the report the undo says: its orders changed."""
    return ActionReport("unmerge", done=list(parcel.orders))


class OrderActions(QObject):
    """The actions on the selected orders, as one menu (the toolbar's Actions button and the list's context menu)
    whose shortcuts work while the workspace has the focus."""

    reprint_requested = Signal(list, str)  # order numbers, reason: the window's print controller prints them
    action_finished = Signal(str, object)  # action name, its report (or result)

    def __init__(self, ops: Ops, selected: Callable[[], list[str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.ops = ops
        self.selected = selected
        self.widget = parent
        self.menu = QMenu(parent)
        self.actions: dict[str, QAction] = {}
        self._add(self.menu, "ship", self.tr("Ship by hand…"), "Ctrl+Shift+S", self.ship_by_hand)
        self._add(self.menu, "batch_ship", self.tr("Batch ship…"), "Ctrl+B", self.batch_ship)
        self._add(self.menu, "reprint", self.tr("Reprint with a reason…"), "Ctrl+R", self.reprint)
        self.batch_dialog: BatchShipDialog | None = None
        self._add_backlog_actions()
        self._add_split_actions()
        self.menu.addSeparator()
        self._add(self.menu, "undo", self.tr("Undo the last change"), "Ctrl+Z", self.undo)
        self.actions["undo"].setEnabled(False)  # until an action changed something it can set back
        self._undo: list[Callable[[Any], Any]] = []

    def _add_backlog_actions(self) -> None:
        """Flags, memos, hold and release, expedite, out of stock (app.services.order_actions through the façade)."""
        self.menu.addSeparator()
        flags = self.menu.addMenu(self.tr("Flag"))
        for n, flag in enumerate((Flag.RED, Flag.YELLOW, Flag.GREEN, Flag.BLUE, Flag.PURPLE), start=1):
            self._add(flags, f"flag_{flag.label}", flag_text(flag), f"Ctrl+{n}", lambda f=flag: self.set_flag(f))
        self._add(flags, "flag_none", flag_text(Flag.NONE), "Ctrl+0", lambda: self.set_flag(Flag.NONE))
        self._add(self.menu, "memo", self.tr("Write memo…"), "F2", lambda: self.write_memo(False))
        self._add(self.menu, "memo_append", self.tr("Append to memo…"), "Shift+F2", lambda: self.write_memo(True))
        self.menu.addSeparator()
        self._add(self.menu, "hold", self.tr("Hold…"), "Ctrl+H", self.hold)
        self._add(self.menu, "release", self.tr("Release"), "Ctrl+Shift+H", self.release)
        self._add(self.menu, "expedite", self.tr("Expedite"), "Ctrl+E", lambda: self.expedite(True))
        self._add(self.menu, "unexpedite", self.tr("Stop expediting"), "Ctrl+Shift+E", lambda: self.expedite(False))
        self._add(self.menu, "out_of_stock", self.tr("Mark out of stock…"), "Ctrl+Shift+O", self.mark_out_of_stock)
        self.menu.addSeparator()
        self._add(self.menu, "merge", self.tr("Merge into one parcel"), "Ctrl+G", self.merge)
        self._add(self.menu, "unmerge", self.tr("Unmerge"), "Ctrl+Shift+G", self.unmerge)
        self._add(self.menu, "notify", self.tr("Notify the buyer…"), "Ctrl+Shift+N", self.notify_buyer)

    def _add_split_actions(self) -> None:
        """Split one order into parcels, and undo that before its label prints (app.services.splits)."""
        self.menu.addSeparator()
        self._add(self.menu, "split", self.tr("Split into parcels…"), "Ctrl+Shift+X", self.split)
        self._add(self.menu, "unsplit", self.tr("Undo the split"), "", self.unsplit)

    def _add(self, menu: QMenu, name: str, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.widget)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.widget.addAction(action)  # the shortcut works while the workspace has the focus
        self.actions[name] = action
        return action

    # -- the actions ---------------------------------------------------------------------------------------------

    def _chosen(self) -> list[str]:
        chosen = self.selected()
        if not chosen:
            self.tell(self.tr("Select one or more orders first."), [])
        return chosen

    def set_flag(self, flag: Flag) -> None:
        if chosen := self._chosen():
            self._run("flag", lambda desk: desk.set_flag(chosen, flag.label))

    def write_memo(self, append: bool) -> None:
        if not (chosen := self._chosen()):
            return
        answer = MemoDialog.ask(self.widget, chosen, self._current_memo(chosen), append)
        if answer is not None:
            text, append = answer
            self._run("memo", lambda desk: desk.write_memo(chosen, text, append=append))

    def _current_memo(self, chosen: list[str]) -> str:
        """The memo of the one order shown in the detail pane, to edit (several orders: a new one)."""
        detail = getattr(self.widget, "detail", None)
        shown = getattr(detail, "detail", None)
        if len(chosen) == 1 and shown is not None and shown.order.order_no == chosen[0]:
            return shown.order.memo
        return ""

    def hold(self) -> None:
        if (chosen := self._chosen()) and (reason := HoldDialog.ask(self.widget, chosen)):
            self._run("hold", lambda desk: desk.hold(chosen, reason))

    def release(self) -> None:
        if chosen := self._chosen():
            self._run("release", lambda desk: desk.release(chosen))

    def expedite(self, on: bool) -> None:
        if chosen := self._chosen():
            self._run("expedite", lambda desk: desk.expedite(chosen, on))

    def mark_out_of_stock(self) -> None:
        if (chosen := self._chosen()) and (answer := OutOfStockDialog.ask(self.widget, chosen)) is not None:
            expected, reason = answer
            self._run("out_of_stock", lambda desk: desk.mark_out_of_stock(chosen, expected, reason))

    def merge(self) -> None:
        """Merges the selection into one parcel (合并发货): one waybill, every order's lines, shipped back to each."""
        if not (chosen := self._chosen()):
            return
        if len(chosen) < 2:
            self.tell(self.tr("Select the orders to put into one parcel (two or more)."), [])
            return
        self._parcel_op("merge", lambda desk: desk.merge_orders(chosen))

    def unmerge(self) -> None:
        """Takes each selected order out of its merged parcel (a lead: its whole parcel) before it prints."""
        if chosen := self._chosen():
            self._parcel_op("unmerge", lambda desk: [desk.unmerge(no) for no in chosen])

    def _parcel_op(self, name: str, op: Callable[[Any], Any]) -> None:
        CollectionOp(
            self.ops, self.widget, op=op, changes=Changes(orders=True), success=lambda r: self._on_parcel(name, r)
        ).failure(lambda error: self.tell(core_text(error), [], warn=True)).run_in_background()

    def _on_parcel(self, name: str, result: Any) -> None:
        if name == "merge":
            self._undo = [lambda desk, p=result: _unmerged(desk.unmerge(p.lead))]
            text = self.tr("Orders %1 now ship in one parcel with one waybill.").replace("%1", ", ".join(result.orders))
        else:
            self._undo = []
            text = plural(self.tr("%n order(s) ship in a parcel of their own again.", "", len(result)), len(result))
        self.actions["undo"].setEnabled(bool(self._undo))
        self.tell(text, [])
        self.action_finished.emit(name, result)

    def notify_buyer(self) -> None:
        """The notice dialog for the first selected order (a notice is to one buyer)."""
        if chosen := self._chosen():
            self.notice_dialog = NoticeDialog(self.ops, chosen[0], "delay", self.widget)
            self.notice_dialog.open()

    def ship_by_hand(self) -> None:
        if not (chosen := self._chosen()):
            return
        if len(chosen) > 1:
            self.tell(self.tr("Ship by hand takes one order: use Batch ship for a selection."), [])
            return
        answer = ShipByHandDialog.ask(self.widget, chosen[0])
        if answer is not None:
            carrier, number = answer
            CollectionOp(
                self.ops,
                self.widget,
                op=lambda desk: desk.ship_by_hand(chosen[0], carrier, number),
                changes=Changes(orders=True, outbox=True),
                success=self._on_shipped,
            ).failure(lambda error: self.tell(core_text(error), [], warn=True)).run_in_background()

    def _on_shipped(self, result: Any) -> None:
        text = self.tr("Order %1 shipped with %2 %3.").replace("%1", result.order_no)
        lines = [core_text(result.warning)] if result.warning is not None else []
        self.tell(text.replace("%2", result.carrier).replace("%3", result.tracking_no), lines)
        self.action_finished.emit("ship", result)

    def _one(self, action: str) -> str | None:
        """The one selected order an action on a single order takes (None, said, otherwise)."""
        if not (chosen := self._chosen()):
            return None
        if len(chosen) > 1:
            self.tell(self.tr("%1 takes one order: select only one.").replace("%1", action), [])
            return None
        return chosen[0]

    def split(self) -> None:
        """Reads the order (fresh: what a split may take), asks for the parcel's lines, then splits it."""
        if (order_no := self._one(self.tr("Split"))) is None:
            return
        QueryOp(self.ops, self.widget, op=lambda desk: desk.order_detail(order_no), success=self._ask_split).failure(
            lambda error: self.tell(core_text(error), [], warn=True)
        ).run_in_background(lane="read")

    def _ask_split(self, detail: Any) -> None:
        order = detail.order
        lines = SplitDialog.ask(self.widget, order)
        if lines is None:
            return
        CollectionOp(
            self.ops,
            self.widget,
            op=lambda desk: desk.split_order(order.order_no, lines),
            changes=Changes(orders=True),
            success=lambda result: self._on_split(result, "split"),
        ).failure(lambda error: self.tell(core_text(error), [], warn=True)).run_in_background()

    def unsplit(self) -> None:
        if (order_no := self._one(self.tr("Undo the split"))) is None:
            return
        CollectionOp(
            self.ops,
            self.widget,
            op=lambda desk: desk.unsplit_order(order_no),
            changes=Changes(orders=True),
            success=lambda result: self._on_split(result, "unsplit"),
        ).failure(lambda error: self.tell(core_text(error), [], warn=True)).run_in_background()

    def _on_split(self, result: Any, name: str) -> None:
        def said(lines: Any) -> list[str]:
            return [f"{p.sku} ×{p.qty}  {p.title}" for p in lines]

        if result.split:
            text = self.tr("Order %1 is split. The next parcel carries:").replace("%1", result.order_no)
            lines = said(result.parcel) + [self.tr("Waits for a later parcel:")] + said(result.staying)
        else:
            text = self.tr("The split of order %1 is undone: its next parcel carries all that is left.")
            text, lines = text.replace("%1", result.order_no), []
        self.tell(text, lines)
        self.action_finished.emit(name, result)

    def batch_ship(self) -> None:
        """Opens the batch-ship review for the selection (the numbers are recorded only on its Confirm)."""
        if chosen := self._chosen():
            self.batch_dialog = BatchShipDialog.show_for(self.widget, self.ops, chosen)
            self.batch_dialog.shipped.connect(lambda report: self.action_finished.emit("batch_ship", report))

    def reprint(self) -> None:
        if (chosen := self._chosen()) and (reason := ReprintDialog.ask(self.widget, chosen)):
            self.reprint_requested.emit(chosen, reason)

    # -- running and telling ------------------------------------------------------------------------------------

    def _run(self, name: str, op: Callable[[Any], Any]) -> None:
        CollectionOp(
            self.ops, self.widget, op=op, changes=Changes(orders=True), success=lambda r: self._on_report(name, r)
        ).failure(lambda error: self.tell(core_text(error), [], warn=True)).run_in_background()

    def _on_report(self, name: str, report: Any) -> None:
        if name != "undo":
            self._undo = undo_steps(name, report)
            self.actions["undo"].setEnabled(bool(self._undo))
        reports = report if isinstance(report, list) else [report]
        done, lines = 0, []
        for each in reports:
            n, said = report_lines(each)
            done, lines = done + n, lines + said
        text = plural(self.tr("%n order(s) changed.", "", done), done)
        if lines:
            text += " " + plural(self.tr("%n skipped:", "", len(lines)), len(lines))
        self.tell(text, lines, warn=bool(lines))
        self.action_finished.emit(name, report)

    def undo(self) -> None:
        """Sets back what the last flag, memo, hold, release, expedite or out-of-stock action changed."""
        steps, self._undo = self._undo, []
        self.actions["undo"].setEnabled(False)
        if steps:
            self._run("undo", lambda desk: [step(desk) for step in steps])

    def tell(self, text: str, lines: list[str], *, warn: bool = False) -> None:
        """Says what an action did (the tests' seam)."""
        box = QMessageBox.warning if warn else QMessageBox.information
        box(self.widget, self.tr("Orders"), "\n".join([text, *lines]))

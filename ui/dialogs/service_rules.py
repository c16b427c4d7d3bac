"""The service rules' dialogs (ui layer): carrier stops with spring-festival mode, and the carrier-choice rules with
the cost table, insurance and the due-soon hours.

Both show what is stored (desk.rules.picture()) and send each change through desk.rules on the db lane; a refusal
(a bad date, an unknown carrier, a file row that does not read) is said under the form, and nothing is stored. Sized
to fit a 1366 x 768 screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.carrier_rules import CarrierRule
from app.domain.tracking import CARRIERS
from app.facade import Desk
from app.facade_rules import RulesPicture
from ui.core_text import core_text
from ui.ops import Changes, CollectionOp, Ops, QueryOp

RULES_CHANGED = Changes(orders=True)  # the list's stop marks and due-soon counts follow the rules
ERROR_STYLE = "color: #c62828"
CSV_FILTER = "CSV (*.csv)"


def _table(parent: QWidget, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], keys: Sequence[Any]) -> None:
    table.setRowCount(len(rows))
    for r, (row, key) in enumerate(zip(rows, keys, strict=True)):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setData(256, key)  # Qt.UserRole: the entry's id (or rule)
            table.setItem(r, c, item)


def _date_edit(parent: QWidget, days: int = 0) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate().addDays(days), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _carrier_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for code, fmt in CARRIERS.items():
        combo.addItem(f"{code} {fmt.name}", code)
    return combo


class _RulesDialog(QDialog):
    """What both dialogs share: the picture they show, the error line, and running a change."""

    def __init__(self, ops: Ops, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.picture: RulesPicture | None = None
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

    def load(self) -> None:
        QueryOp(self.ops, self, op=lambda desk: desk.rules.picture(), success=self.show_picture).failure(
            self._on_failed
        ).run_in_background()

    def change(self, op: Callable[[Desk], RulesPicture]) -> None:
        self.error_label.clear()
        CollectionOp(self.ops, self, op=op, changes=RULES_CHANGED, success=self.show_picture).failure(
            self._on_failed
        ).run_in_background()

    def show_picture(self, picture: RulesPicture) -> None:
        self.picture = picture

    def _on_failed(self, error: BaseException) -> None:
        self.error_label.setText(core_text(error))

    def selected_key(self, table: QTableWidget) -> Any:
        rows = table.selectionModel().selectedRows()
        return table.item(rows[0].row(), 0).data(256) if rows else None

    def open_csv(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, title, "", CSV_FILTER)
        return Path(path) if path else None


class StopsDialog(_RulesDialog):
    """Carrier stops: carrier x regions x dates x note, still-running entries, spring-festival mode."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.setWindowTitle(self.tr("Carrier stops"))
        self.resize(980, 600)
        self.table = _table(self, (self.tr("No."), self.tr("Kind"), self.tr("Carrier"), self.tr("Regions"),
                                   self.tr("From"), self.tr("To"), self.tr("Note")))  # fmt: skip

        self.carrier_combo = _carrier_combo(self)
        self.regions_edit = QLineEdit(self)
        self.regions_edit.setPlaceholderText(self.tr("Provinces or cities, e.g. 新疆,西藏 (全国: everywhere)"))
        self.from_edit, self.to_edit = _date_edit(self), _date_edit(self, 7)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Why, e.g. the carrier's announcement"))
        self.runs_check = QCheckBox(self.tr("Still running there (for spring-festival mode)"), self)
        self.add_button = QPushButton(self.tr("Add"), self)
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Carrier:"), self), 0, 0)
        form.addWidget(self.carrier_combo, 0, 1)
        form.addWidget(QLabel(self.tr("Regions:"), self), 0, 2)
        form.addWidget(self.regions_edit, 0, 3, 1, 3)
        form.addWidget(QLabel(self.tr("From:"), self), 1, 0)
        form.addWidget(self.from_edit, 1, 1)
        form.addWidget(QLabel(self.tr("To:"), self), 1, 2)
        form.addWidget(self.to_edit, 1, 3)
        form.addWidget(QLabel(self.tr("Note:"), self), 2, 0)
        form.addWidget(self.note_edit, 2, 1, 1, 3)
        form.addWidget(self.runs_check, 1, 4, 1, 2)
        form.addWidget(self.add_button, 2, 5)
        add_box = QGroupBox(self.tr("New stop"), self)
        add_box.setLayout(form)

        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.import_button = QPushButton(self.tr("Import CSV…"), self)
        self.import_button.setToolTip(self.tr("Columns: carrier, regions, from, to, note"))
        self.starter_button = QPushButton(self.tr("Add the starter list"), self)
        self.starter_button.setToolTip(self.tr("Typical spring-festival stops to check and edit"))
        list_buttons = QHBoxLayout()
        for button in (self.remove_button, self.import_button, self.starter_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)

        self.festival_check = QCheckBox(self.tr("Spring-festival mode: only carriers still running are offered"))
        self.festival_from, self.festival_to = _date_edit(self), _date_edit(self, 14)
        self.festival_button = QPushButton(self.tr("Apply"), self)
        festival = QHBoxLayout()
        festival.addWidget(self.festival_check)
        festival.addWidget(QLabel(self.tr("From:"), self))
        festival.addWidget(self.festival_from)
        festival.addWidget(QLabel(self.tr("To:"), self))
        festival.addWidget(self.festival_to)
        festival.addWidget(self.festival_button)
        festival.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(list_buttons)
        layout.addWidget(add_box)
        layout.addLayout(festival)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.starter_button.clicked.connect(lambda: self.change(lambda desk: desk.rules.import_stops(None)))
        self.festival_button.clicked.connect(self._on_festival_button_clicked)
        self.load()

    def show_picture(self, picture: RulesPicture) -> None:
        super().show_picture(picture)
        stops = picture.stops.stops
        kinds = {"stop": self.tr("stopped"), "runs": self.tr("still running")}
        _fill(
            self.table,
            [
                (
                    str(s.id),
                    kinds.get(s.kind, s.kind),
                    s.carrier,
                    ",".join(s.regions),
                    s.starts.isoformat(),
                    s.ends.isoformat(),
                    s.note,
                )
                for s in stops
            ],  # fmt: skip
            [s.id for s in stops],
        )
        festival = picture.stops.festival
        self.festival_check.setChecked(festival is not None)
        if festival is not None:
            self.festival_from.setDate(QDate(festival[0].year, festival[0].month, festival[0].day))
            self.festival_to.setDate(QDate(festival[1].year, festival[1].month, festival[1].day))

    def _on_add_button_clicked(self) -> None:
        carrier, regions = self.carrier_combo.currentData(), self.regions_edit.text()
        starts, ends = self.from_edit.date().toString("yyyy-MM-dd"), self.to_edit.date().toString("yyyy-MM-dd")
        note, runs = self.note_edit.text(), self.runs_check.isChecked()
        self.change(lambda desk: desk.rules.add_stop(carrier, regions, starts, ends, note, runs))

    def _on_remove_button_clicked(self) -> None:
        stop_id = self.selected_key(self.table)
        if stop_id is not None:
            self.change(lambda desk: desk.rules.remove_stop(stop_id))

    def _on_import_button_clicked(self) -> None:
        path = self.open_csv(self.tr("Import carrier stops"))
        if path is not None:
            self.change(lambda desk: desk.rules.import_stops(path))

    def _on_festival_button_clicked(self) -> None:
        on = self.festival_check.isChecked()
        starts = self.festival_from.date().toString("yyyy-MM-dd") if on else ""
        ends = self.festival_to.date().toString("yyyy-MM-dd") if on else ""
        self.change(lambda desk: desk.rules.set_festival(starts, ends))

    @staticmethod
    def show_for(parent: QWidget, ops: Ops) -> None:
        StopsDialog(ops, parent).exec()


class CarrierRulesDialog(_RulesDialog):
    """Carrier-choice rules in priority order, the cost table, insurance and the due-soon hours."""

    CONDITIONS = ("provinces", "min_weight", "max_weight", "min_value", "max_value", "skus", "shops", "keywords")

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.setWindowTitle(self.tr("Carrier rules"))
        self.resize(1100, 680)
        self.rules_table = _table(self, (self.tr("Priority"), self.tr("Carrier"), self.tr("Name"),
                                         self.tr("Conditions")))  # fmt: skip
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        rule_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            rule_buttons.addWidget(button)
        rule_buttons.addStretch(1)

        self.carrier_combo = _carrier_combo(self)
        self.name_edit = QLineEdit(self)
        self.edits: dict[str, QLineEdit] = {}
        hints = {
            "provinces": self.tr("e.g. 新疆,西藏"), "min_weight": self.tr("e.g. 800 or 1.5kg"),
            "max_weight": self.tr("e.g. 3kg"), "min_value": self.tr("yuan, e.g. 1000"), "max_value": self.tr("yuan"),
            "skus": self.tr("e.g. TEA-04"), "shops": self.tr("shop names"), "keywords": self.tr("e.g. 顺丰,SF"),
        }  # fmt: skip
        labels = {
            "provinces": self.tr("Provinces or cities:"), "min_weight": self.tr("Weight from:"),
            "max_weight": self.tr("Weight below:"), "min_value": self.tr("Value from:"),
            "max_value": self.tr("Value below:"), "skus": self.tr("SKUs:"), "shops": self.tr("Shops:"),
            "keywords": self.tr("Words in message or memo:"),
        }  # fmt: skip
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Carrier:"), self), 0, 0)
        grid.addWidget(self.carrier_combo, 0, 1)
        grid.addWidget(QLabel(self.tr("Name:"), self), 0, 2)
        grid.addWidget(self.name_edit, 0, 3)
        for i, key in enumerate(self.CONDITIONS):
            edit = QLineEdit(self)
            edit.setPlaceholderText(hints[key])
            self.edits[key] = edit
            row, col = 1 + i // 2, (i % 2) * 2
            grid.addWidget(QLabel(labels[key], self), row, col)
            grid.addWidget(edit, row, col + 1)
        self.add_button = QPushButton(self.tr("Add rule"), self)
        grid.addWidget(self.add_button, 5, 3)
        add_box = QGroupBox(self.tr("New rule (every condition given must hold; lower priority first)"), self)
        add_box.setLayout(grid)

        self.costs_table = _table(self, (self.tr("Carrier"), self.tr("Province"), self.tr("First kg"),
                                         self.tr("Each next kg")))  # fmt: skip
        self.costs_button = QPushButton(self.tr("Import cost table CSV…"), self)
        self.costs_button.setToolTip(self.tr("Columns: carrier, province (* for any other), first_kg, extra_kg"))
        self.insure_edit = QLineEdit(self)
        self.insure_edit.setPlaceholderText(self.tr("empty: no insurance"))
        self.due_soon_edit = QLineEdit(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        settings = QFormLayout()
        settings.addRow(self.tr("Insure (保价) orders worth at least (yuan):"), self.insure_edit)
        settings.addRow(self.tr("Warn of orders due within (hours):"), self.due_soon_edit)
        settings.addRow("", self.save_button)
        side = QVBoxLayout()
        side.addWidget(self.costs_table, 1)
        side.addWidget(self.costs_button)
        side.addLayout(settings)

        left = QVBoxLayout()
        left.addWidget(self.rules_table, 1)
        left.addLayout(rule_buttons)
        left.addWidget(add_box)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.costs_button.clicked.connect(self._on_costs_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.load()

    def show_picture(self, picture: RulesPicture) -> None:
        super().show_picture(picture)
        _fill(
            self.rules_table,
            [(str(r.priority), r.carrier, r.name, self._conditions_text(r)) for r in picture.rules],
            list(picture.rules),
        )
        _fill(
            self.costs_table,
            [(c.carrier, c.province, f"¥{c.first_kg}", f"¥{c.extra_kg}") for c in picture.costs.rows],
            [None] * len(picture.costs.rows),
        )
        self.insure_edit.setText(picture.settings.get("insure_above", ""))
        self.due_soon_edit.setText(picture.settings.get("due_soon_hours", ""))

    def _conditions_text(self, rule: CarrierRule) -> str:
        c = rule.conditions()
        parts = []
        if c.get("provinces"):
            parts.append(self.tr("to %1").replace("%1", ",".join(c["provinces"])))
        if "min_weight_g" in c or "max_weight_g" in c:
            parts.append(self.tr("weight %1–%2 g").replace("%1", str(c.get("min_weight_g", 0)))
                         .replace("%2", str(c.get("max_weight_g", "∞"))))  # fmt: skip
        if "min_value" in c or "max_value" in c:
            parts.append(self.tr("value ¥%1–%2").replace("%1", str(c.get("min_value", 0)))
                         .replace("%2", str(c.get("max_value", "∞"))))  # fmt: skip
        if c.get("skus"):
            parts.append(self.tr("SKU %1").replace("%1", ",".join(c["skus"])))
        if c.get("shops"):
            parts.append(self.tr("shop %1").replace("%1", ",".join(c["shops"])))
        if c.get("keywords"):
            parts.append(self.tr("message has %1").replace("%1", ",".join(c["keywords"])))
        return "; ".join(parts) or self.tr("every order")

    def _on_add_button_clicked(self) -> None:
        rules = self.picture.rules if self.picture else ()
        priority = str(max((r.priority for r in rules), default=0) + 10)
        carrier, name = self.carrier_combo.currentData(), self.name_edit.text()
        conditions = {key: edit.text() for key, edit in self.edits.items()}
        self.change(lambda desk: desk.rules.add_rule(carrier, priority, name, conditions))

    def _on_remove_button_clicked(self) -> None:
        rule = self.selected_key(self.rules_table)
        if rule is not None:
            self.change(lambda desk: desk.rules.remove_rule(rule.id))

    def _move(self, step: int) -> None:
        rule = self.selected_key(self.rules_table)
        rules = list(self.picture.rules) if self.picture else []
        if rule is None or rule not in rules:
            return
        other = rules.index(rule) + step
        if 0 <= other < len(rules):
            neighbour = rules[other]
            self.change(lambda desk: desk.rules.swap_rules(rule, neighbour))

    def _on_costs_button_clicked(self) -> None:
        path = self.open_csv(self.tr("Import the cost table"))
        if path is not None:
            self.change(lambda desk: desk.rules.import_costs(path))

    def _on_save_button_clicked(self) -> None:
        insure, hours = self.insure_edit.text(), self.due_soon_edit.text()
        self.change(lambda desk: desk.rules.save_settings(insure, hours))

    @staticmethod
    def show_for(parent: QWidget, ops: Ops) -> None:
        CarrierRulesDialog(ops, parent).exec()

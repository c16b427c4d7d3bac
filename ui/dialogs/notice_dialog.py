"""The notice to the buyer of one order (ui layer): a template, the concrete reason and date, the number the platform
allows, and the text as the buyer will read it; Send queues it for SMS (the outbox round sends it), Copy records it
and puts its text on the clipboard for the chat window (旺旺), which is also what happens without an SMS account.

The text is filled here from the template as the seller types (app.domain.notices.render, the same function the
core uses), so what the preview shows is what is sent; the core checks it again when it queues the notice.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.domain.notices import KEYS, SELLER_ALERT, chinese_date, render
from ui.core_text import core_text
from ui.ops import Changes, CollectionOp, Ops, QueryOp

NOTICE_CHANGES = Changes(orders=True, outbox=True)  # the order's history and the outbox


class NoticeDialog(QDialog):
    def __init__(self, ops: Ops, order_no: str, template: str = "delay", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.order_no = ops, order_no
        self.setWindowTitle(self.tr("Notice to the buyer of %1").replace("%1", order_no))
        self.bodies: dict[str, dict[str, Any]] = {}
        self.sms = False
        self.template = QComboBox(self)
        for key in KEYS:
            if key != SELLER_ALERT:
                self.template.addItem(self.template_name(key), key)
        self.template.setCurrentIndex(max(0, self.template.findData(template)))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("the concrete reason, e.g. 供应商延迟到货"))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate().addDays(2))
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("empty: asked of the platform when it is sent (SMS only)"))
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setMinimumHeight(60)
        self.preview.setStyleSheet("QLabel { background: #fffde7; border: 1px solid #e0e0e0; padding: 6px; }")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("The buyer reads"), self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.send_button = QPushButton(self.tr("Send by SMS"), self)
        self.copy_button = QPushButton(self.tr("Copy for the chat window"), self)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        for signal in (self.template.currentIndexChanged, self.reason.textChanged, self.day.dateChanged):
            signal.connect(self.update_preview)
        self.send_button.clicked.connect(lambda: self._queue(copy=False))
        self.copy_button.clicked.connect(lambda: self._queue(copy=True))
        self.send_button.setEnabled(False)
        QueryOp(
            ops,
            self,
            op=lambda desk: (desk.buyer.notice_templates(), desk.buyer.has_sms_account()),
            success=self._on_loaded,
        ).run_in_background()

    def template_name(self, key: str) -> str:
        return {
            "delay": self.tr("Delay"),
            "partial": self.tr("Partial shipment"),
            "out_of_stock_wait": self.tr("Out of stock: wait"),
            "out_of_stock_swap": self.tr("Out of stock: swap"),
            "out_of_stock_refund": self.tr("Out of stock: refund"),
            "shipped": self.tr("Shipped"),
            "payment_reminder": self.tr("Payment reminder"),
            "holiday": self.tr("Holiday notice"),
            "apology": self.tr("Delivery delay apology"),
        }.get(key, key)

    def _on_loaded(self, loaded: tuple[list[dict[str, Any]], bool]) -> None:
        found, self.sms = loaded
        self.bodies = {t["key"]: t for t in found}
        if not self.sms:
            self.status.setText(self.tr("No SMS account is set: copy the notice into the chat window."))
        self.update_preview()

    def chosen_day(self) -> date:
        return self.day.date().toPython()  # type: ignore[no-any-return]

    def update_preview(self) -> None:
        t = self.bodies.get(self.template.currentData())
        if t is None:
            return
        values = {"order_no": self.order_no, "reason": self.reason.text(), "date": chinese_date(self.chosen_day())}
        # the order's own values (carrier, tracking number, items) are filled by the core: shown as their names here
        for name in ("carrier", "tracking_no", "items_shipped", "items_to_come", "buyer"):
            values[name] = "{" + name + "}"
        try:
            self.preview.setText(render(t["body"], values))
            ready = True
        except InvalidInput as exc:
            self.preview.setText(core_text(exc))
            ready = False
        self.send_button.setEnabled(ready and self.sms and bool(t["template_code"]))
        self.copy_button.setEnabled(ready)
        if self.sms and not t["template_code"]:
            self.send_button.setToolTip(self.tr("This template has no approved code from the SMS provider yet"))

    def _queue(self, *, copy: bool) -> None:
        key, reason, day, phone = self.template.currentData(), self.reason.text(), self.chosen_day(), self.phone.text()
        CollectionOp(
            self.ops,
            self,
            op=lambda desk: desk.buyer.queue_notice(self.order_no, key, reason=reason, day=day, phone=phone, copy=copy),
            changes=NOTICE_CHANGES,
            success=self._on_queued,
        ).failure(lambda error: self.status.setText(core_text(error))).run_in_background()

    def _on_queued(self, queued: Any) -> None:
        if queued.channel == "copy":
            QGuiApplication.clipboard().setText(queued.text)
            said = self.tr("Recorded and copied: paste it in the chat window.")
            if queued.note is not None:
                said += " " + core_text(queued.note)
        else:
            said = self.tr("Queued for %1; it goes with the next outbox round.").replace("%1", queued.phone)
        self.status.setText(said)
        self.send_button.setEnabled(False)
        self.copy_button.setEnabled(False)

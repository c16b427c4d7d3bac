"""The workspace's detail pane: the selected order's lines with their pictures, the buyer's message, the memo, flag,
status and hold reason, what it is short of, its parcels with their print counts, its print and ship history and
the audit trail (ui layer).

One read-only rich-text document: it wraps to the pane's width at 1366 px, selects and copies like text, and needs no
per-row widgets. The order is read on the workspace's `read` lane (never between two scans at the bench); when the
selection moves on before an answer comes, only the latest answer is shown. Pictures come from the station's image
cache on the `pictures` lane and appear as they arrive.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.domain.enums import Flag, OrderStatus
from app.domain.merges import merged_orders
from app.domain.order_detail import OrderDetail
from app.domain.orders import CHINA_TZ, place_names
from app.domain.splits import parcel_units, staying
from app.services.images import ImageCache
from ui.core_text import core_text
from ui.models.jobs_model import state_text
from ui.models.orders_model import FLAG_COLOURS, countdown_text, status_text
from ui.ops import Changes, Ops, QueryOp
from ui.station.painted import PICTURE_PX, load_picture
from ui.text import displayable


def _when(at: datetime | None) -> str:
    return at.astimezone(CHINA_TZ).strftime("%m-%d %H:%M") if at else ""


def flag_text(flag: Flag) -> str:
    return {
        Flag.NONE: QCoreApplication.translate("OrderDetailPane", "No flag"),
        Flag.RED: QCoreApplication.translate("OrderDetailPane", "Red"),
        Flag.YELLOW: QCoreApplication.translate("OrderDetailPane", "Yellow"),
        Flag.GREEN: QCoreApplication.translate("OrderDetailPane", "Green"),
        Flag.BLUE: QCoreApplication.translate("OrderDetailPane", "Blue"),
        Flag.PURPLE: QCoreApplication.translate("OrderDetailPane", "Purple"),
    }[flag]


def _esc(text: object) -> str:
    return escape(displayable(str(text)))


def _value_text(key: str, value: Any) -> str:
    """One value of an audit entry in the seller's words: a status or flag colour by its name, yes/no, a time in China
    time; anything else as it is."""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("OrderDetailPane", "yes")
            if value
            else QCoreApplication.translate("OrderDetailPane", "no")
        )
    if isinstance(value, str):
        try:
            return status_text(OrderStatus(value))
        except ValueError:
            pass
        if key in ("before", "after") and value in _FLAG_NAMES:
            return flag_text(Flag[value.upper()])
    if isinstance(value, list | tuple) and len(value) == 2:  # a changed field: [was, now]
        return f"{_value_text(key, value[0])} → {_value_text(key, value[1])}"
    return str(value)


_FLAG_NAMES = frozenset(f.label for f in Flag)
# Keys an audit entry carries that the pane leaves out: the entry's own time says when.
_UNSAID = frozenset({"at", "append"})


def detail_text(action: str, detail: dict[str, Any]) -> str:
    """An audit entry's detail in words: "before → after" for a change, then each other value under its name (a key
    this pane does not know keeps its code)."""
    names = {
        "reason": QCoreApplication.translate("OrderDetailPane", "reason"),
        "hold_reason": QCoreApplication.translate("OrderDetailPane", "held for"),
        "tracking_no": QCoreApplication.translate("OrderDetailPane", "tracking no."),
        "carrier": QCoreApplication.translate("OrderDetailPane", "carrier"),
        "order_no": QCoreApplication.translate("OrderDetailPane", "order"),
        "copy_no": QCoreApplication.translate("OrderDetailPane", "copy"),
        "claimed_by": QCoreApplication.translate("OrderDetailPane", "by"),
        "failures": QCoreApplication.translate("OrderDetailPane", "failed tries"),
        "locked": QCoreApplication.translate("OrderDetailPane", "locked"),
        "sku": QCoreApplication.translate("OrderDetailPane", "SKU"),
        "units": QCoreApplication.translate("OrderDetailPane", "units"),
        "expected": QCoreApplication.translate("OrderDetailPane", "expected"),
        "stock_mark": QCoreApplication.translate("OrderDetailPane", "out of stock because"),
        "template": QCoreApplication.translate("OrderDetailPane", "template"),
        "channel": QCoreApplication.translate("OrderDetailPane", "by"),
        "notice": QCoreApplication.translate("OrderDetailPane", "notice"),
        "trigger": QCoreApplication.translate("OrderDetailPane", "when"),
        "sent": QCoreApplication.translate("OrderDetailPane", "sent"),
    }
    said = {k: v for k, v in detail.items() if v not in (None, "", [], {}) and k not in _UNSAID}
    parts = []
    if "before" in detail or "after" in detail:
        before, after = said.pop("before", None), said.pop("after", None)
        if action == "memo" and detail.get("append"):
            parts.append(QCoreApplication.translate("OrderDetailPane", "appended: %1").replace("%1", str(after or "")))
        elif after is not None or before is not None:
            was = _value_text("before", before) if before is not None else "–"
            now = _value_text("after", after) if after is not None else "–"
            parts.append(
                QCoreApplication.translate("OrderDetailPane", "was %1").replace("%1", was)
                if after is None
                else f"{was} → {now}"
            )
    parts += [f"{names.get(k, k)}: {_value_text(k, v)}" for k, v in said.items()]
    return ", ".join(parts)


class OrderDetailPane(QWidget):
    detail_loaded = Signal(object)  # OrderDetail, once shown

    def __init__(self, ops: Ops, images: ImageCache | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.images = images
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setPlaceholderText(self.tr("Select an order to see its details."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.detail: OrderDetail | None = None
        self.order_no: str | None = None
        self._asked = 0
        self._pictures: dict[str, QImage] = {}
        ops.hub.changed.connect(self._on_changed)

    # -- reading -------------------------------------------------------------------------------------------------

    def show_order(self, order_no: str | None) -> None:
        """Reads `order_no` on the read lane and shows it (None: nothing selected)."""
        self.order_no = order_no
        self._asked += 1
        asked = self._asked
        if order_no is None:
            self.detail = None
            self.browser.clear()
            return
        QueryOp(
            self.ops,
            self,
            op=lambda desk: desk.order_detail(order_no),
            success=lambda detail: self._on_detail(asked, detail),
        ).failure(lambda error: self._on_error(asked, error)).run_in_background(lane="read")

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.orders and self.order_no is not None and (not changes.station or self.isVisible()):
            self.show_order(self.order_no)

    def _on_detail(self, asked: int, detail: OrderDetail) -> None:
        if asked != self._asked:
            return  # the selection moved on meanwhile
        self.detail = detail
        self._render()
        self._load_pictures(detail)
        self.detail_loaded.emit(detail)

    def _on_error(self, asked: int, error: BaseException) -> None:
        if asked == self._asked:
            self.detail = None
            self.browser.setPlainText(core_text(error))

    def _load_pictures(self, detail: OrderDetail) -> None:
        if self.images is None:
            return
        for url in {ln.image for ln in detail.order.lines if ln.image} - set(self._pictures):
            self.ops.tasks.run(
                partial(load_picture, self.images, url, PICTURE_PX),
                partial(self._on_picture, url),
                lambda _error: None,  # no picture: the line shows without one
                lane="pictures",
            )

    def _on_picture(self, url: str, image: QImage | None) -> None:
        if image is None:
            return
        if len(self._pictures) > 200:  # a long browse through the list: keep the cache of drawn pictures small
            self._pictures.clear()
        self._pictures[url] = image
        if self.detail is not None and any(ln.image == url for ln in self.detail.order.lines):
            self._render()

    def has_picture(self, url: str) -> bool:
        return url in self._pictures

    # -- drawing -------------------------------------------------------------------------------------------------

    def _render(self) -> None:
        detail = self.detail
        assert detail is not None
        doc = self.browser.document()
        for url, image in self._pictures.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("pic:" + url), image)
        bar = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.html(detail))
        self.browser.verticalScrollBar().setValue(bar)

    def html(self, detail: OrderDetail) -> str:
        order = detail.order
        e = _esc
        flag = (
            f' <span style="color:{FLAG_COLOURS[order.flag]}">■ {e(flag_text(order.flag))}</span>'
            if order.flag in FLAG_COLOURS
            else ""
        )
        status = e(status_text(order.status))
        if order.hold_reason:
            status += " · " + e(self.tr("held: %1").replace("%1", order.hold_reason))
        if order.priority:
            status += ' · <b style="color:#b71c1c">' + e(self.tr("Expedited")) + "</b>"
        marks = detail.marks
        if marks.stock_mark:
            said = self.tr("out of stock by hand: %1").replace("%1", marks.stock_mark)
            if marks.stock_expected is not None:
                day = marks.stock_expected.astimezone(CHINA_TZ).strftime("%Y-%m-%d")
                said += " · " + self.tr("expected %1").replace("%1", day)
            status += " · " + e(said)
        deadline = _when(order.deadline)
        if order.status.is_open:
            deadline += f" ({e(countdown_text(order.deadline, self.ops.desk.clock()))})"
        a = order.receiver.address
        buyer = self.tr("Buyer")
        facts = (
            (self.tr("Status"), status),
            (self.tr("Shop"), f"{e(order.shop)} · {e(buyer)}: {e(order.buyer_nick)}"),
            (
                self.tr("Receiver"),
                f"{e(order.receiver.name)} {e(order.receiver.phone)} · "
                + e(place_names(a.province, a.city, a.district)),
            ),
            (self.tr("Paid"), f"{_when(order.paid_at)} · ¥{order.total}"),
            (self.tr("Ship by"), deadline),
        )
        merged = merged_orders(order)
        if merged:  # 合并发货: one parcel, one waybill for all of them
            said = self.tr("one parcel with one waybill: %1 (lead %2)").replace("%1", " + ".join(merged))
            facts += ((self.tr("Merged"), '<b style="color:#1565c0">' + e(said.replace("%2", merged[0])) + "</b>"),)
        parts = [
            f"<h3>{e(order.order_no)}{flag}</h3>",
            "<p>" + "<br>".join(f"{e(name)}: {value}" for name, value in facts) + "</p>",
        ]
        notes = []
        if order.buyer_message:
            said = self.tr("Buyer message")
            notes.append(f"<b>{e(said)}:</b> {e(order.buyer_message)}")
        if order.memo:
            said = self.tr("Seller memo")
            notes.append(f"<b>{e(said)}:</b> {e(order.memo)}")
        if notes:
            parts.append('<p style="background:#fff8e1">' + "<br>".join(notes) + "</p>")
        memos = [a for a in detail.audit if a.action == "memo"]
        if memos:  # the memo as each change left it, newest last
            rows = "".join(f"<li>{_when(a.at)} {e(a.actor)}: {e(a.detail.get('after', '')) or '–'}</li>" for a in memos)
            heading = self.tr("Memo history")
            parts.append(f"<h4>{e(heading)}</h4><ul>{rows}</ul>")
        if order.short:
            short = ", ".join(f"{e(s.sku)} ×{s.missing}" for s in order.short)
            said = self.tr("Short")
            parts.append(f'<p style="color:#b71c1c"><b>{e(said)}:</b> {short}</p>')
        parts += [self._lines_html(detail), self._parcels_html(detail), self._history_html(detail)]
        return "\n".join(parts)

    def _lines_html(self, detail: OrderDetail) -> str:
        e = _esc
        rows = []
        for ln in detail.order.lines:
            picture = f'<img src="pic:{escape(ln.image)}" width="{PICTURE_PX}">' if ln.image in self._pictures else ""
            state = []
            if ln.refund.blocks_shipping:
                state.append(self.tr("refund"))
            if ln.shipped:
                state.append(self.tr("shipped"))
            elif ln.sent:
                state.append(self.tr("%1 of %2 shipped").replace("%1", str(ln.sent)).replace("%2", str(ln.qty)))
            codes = " ".join(ln.barcodes) or self.tr("no barcode")
            rows.append(
                f"<tr><td>{picture}</td><td><b>{e(ln.sku)}</b><br>{e(ln.title)} {e(ln.spec)}"
                f'<br><span style="color:#607d8b">{e(codes)}</span></td>'
                f"<td align=right><b>×{ln.qty}</b></td><td>{e(' · '.join(state))}</td></tr>"
            )
        title = e(self.tr("Lines"))
        return f"<h4>{title}</h4><table cellspacing=0 cellpadding=3 width=100%>" + "".join(rows) + "</table>"

    def _parcels_html(self, detail: OrderDetail) -> str:
        e = _esc
        title = e(self.tr("Parcels"))
        split = self._split_html(detail)
        if not detail.parcels:
            none = self.tr("No waybill yet.")
            return f"<h4>{title}</h4><p>{e(none)}</p>{split}"
        skus = {ln.line_no: ln.sku for ln in detail.order.lines}
        states = {
            "allocated": self.tr("numbered"),
            "printed": self.tr("printed"),
            "shipped": self.tr("shipped"),
            "void": self.tr("void"),
        }
        rows = []
        for p in detail.parcels:
            pkg = p.package
            said = [self.tr("printed %1×").replace("%1", str(pkg.print_count))] if pkg.print_count else []
            if pkg.state.value != "printed" or not pkg.print_count:  # "printed" says itself in the count
                said.insert(0, states.get(pkg.state.value, pkg.state.value))
            said.append(_when(p.shipped_at or p.printed_at or p.created_at))
            if p.lines:  # what it carried (a split order's parcels each carry part of it)
                said.append(", ".join(f"{skus.get(no, no)} ×{qty}" for no, qty in p.lines))
            rows.append(f"<li>{e(pkg.carrier)} <b>{e(pkg.tracking_no)}</b> · {e(' · '.join(said))}</li>")
        return f"<h4>{title}</h4><ul>" + "".join(rows) + "</ul>" + split

    def _split_html(self, detail: OrderDetail) -> str:
        """A split order's next parcel and what waits for a later one ("" when the order is not split)."""
        order = detail.order
        if not order.split:
            return ""
        skus = {ln.line_no: ln.sku for ln in order.lines}
        units = parcel_units(order)
        nxt = ", ".join(f"{skus[no]} ×{n}" for no, n in units.items())
        later = ", ".join(f"{skus[no]} ×{n}" for no, n in staying(order, units).items())
        heading, stays = self.tr("Next parcel (split)"), self.tr("waits for a later parcel")
        return f"<p><b>{_esc(heading)}:</b> {_esc(nxt)}<br>{_esc(stays)}: {_esc(later)}</p>"

    def _history_html(self, detail: OrderDetail) -> str:
        e = _esc
        events: list[tuple[datetime, str]] = []
        for job in detail.prints:
            text = (
                self.tr("Print copy %1 of %2: %3")
                .replace("%1", str(job.copy_no))
                .replace("%2", job.tracking_no)
                .replace("%3", state_text(job.state))
            )
            if job.message is not None:
                text += " · " + core_text(job.message)
            events.append((job.created_at, e(text)))
        kinds = {
            "ship": self.tr("Ship-back"),
            "memo": self.tr("Flag and memo to the platform"),
            "notice": self.tr("Notice to the buyer"),
        }
        for entry in detail.outbox:
            text = " ".join(p for p in (kinds.get(entry.kind, entry.kind), entry.tracking_no) if p)
            text += ": " + self.outbox_state_text(entry.state)
            if entry.last_error is not None:
                text += " · " + core_text(entry.last_error)
            events.append((entry.done_at or entry.created_at, e(text)))
        history = "".join(f"<li>{_when(at)} {text}</li>" for at, text in sorted(events, key=lambda ev: ev[0]))
        trail = "".join(
            f"<li>{_when(a.at)} <b>{e(self.action_text(a.action))}</b> {e(a.actor)}@{e(a.station)}"
            + (f" · {e(detail_text(a.action, a.detail))}" if detail_text(a.action, a.detail) else "")
            + "</li>"
            for a in detail.audit
        )
        scans = self.tr("Scans at a bench: %1").replace("%1", str(detail.scans))
        heading, audit = self.tr("Print and ship history"), self.tr("Audit trail")
        return (
            f"<h4>{e(heading)}</h4><ul>{history or '<li>–</li>'}</ul>"
            f"<h4>{e(audit)}</h4><ul>{trail or '<li>–</li>'}</ul><p>{e(scans)}</p>"
        )

    def outbox_state_text(self, state: str) -> str:
        return {
            "pending": self.tr("waiting"),
            "sending": self.tr("sending"),
            "done": self.tr("accepted"),
            "failed": self.tr("refused"),
            "manual": self.tr("for the seller centre"),
        }.get(state, state)

    def action_text(self, action: str) -> str:
        """An audit entry's action in words (an action this pane does not know: its code)."""
        return {
            "print": self.tr("printed"),
            "reprint": self.tr("reprinted"),
            "ship": self.tr("shipped"),
            "void": self.tr("waybill voided"),
            "override": self.tr("supervisor override"),
            "stock_override": self.tr("stock override"),
            "reopen": self.tr("parcel reopened"),
            "print_cancelled": self.tr("print cancelled"),
            "print_confirmed": self.tr("print confirmed"),
            "print_interrupted": self.tr("print interrupted"),
            "print_partial": self.tr("print cut off"),
            "waybill_updated": self.tr("waybill updated"),
            "waybill_cancel": self.tr("waybill cancelled"),
            "flag": self.tr("flag"),
            "memo": self.tr("memo"),
            "hold": self.tr("held"),
            "release": self.tr("released"),
            "expedite": self.tr("expedite"),
            "mark_out_of_stock": self.tr("marked out of stock"),
            "merge": self.tr("merged into one parcel"),
            "unmerge": self.tr("unmerged"),
            "split": self.tr("split into parcels"),
            "unsplit": self.tr("split undone"),
            "notice": self.tr("notice to the buyer"),
            "notice_skipped": self.tr("no notice sent"),
            "notice_checked": self.tr("notice checked"),
        }.get(action, action)

    def sizeHint(self):  # noqa: ANN201, N802
        hint = super().sizeHint()
        hint.setWidth(380)
        return hint

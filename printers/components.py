"""Printing through the print components sellers already run (printers layer): Cainiao's CNPrint (菜鸟打印组件) and
Pinduoduo's (拼多多打印组件), local WebSocket servers that render a provider's print document, encrypted or not, and
drive the printer themselves.

    cainiao://HOST[:13528]?printer=NAME      pddprint://HOST[:5000]?printer=NAME
    options: printer= (the component's printer; none: its default printer), timeout= (seconds to wait for the print
    result, default 30), custom= (the template URL of the seller's custom area, which then lists the order's items)

Both speak the CNPrint protocol (`getPrinters`, `print`, JSON requests with `cmd`, `requestID` and `version`); PDD's
pushes its print result as `PrintResultNotify` where Cainiao's says `notifyPrintResult`. Each call has a connection
of its own, so a result pushed late for an earlier task can never be taken for the current one, and nothing is left
open between labels.

Only the print-result push says that a label came out. The `print` answer `success` means the component took the task;
from then on a push that never comes, or a connection that breaks, leaves "did it print?" (PrinterWriteError) for the
packer to answer, never a silent resend: the component may well have printed it.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal
from uuid import uuid4

from websockets.exceptions import ConnectionClosed, WebSocketException
from websockets.sync.client import ClientConnection, connect

from printers.errors import PrinterError, PrinterOffline, PrinterWriteError
from printers.status import PrinterStatus, State
from printers.uri import PrinterSpec
from printers.waybill import Waybill

RESULT_TIMEOUT_S = 30.0  # a label the component took and has not reported in 30 s: did it print?
STATUS_TIMEOUT_S = 5.0
CONNECT_TIMEOUT_S = 5.0
MAX_MESSAGE = 4 * 2**20  # a getPrinters answer with every printer of a busy office fits many times over
PROTOCOL_VERSION = "1.0"


@dataclass(frozen=True)
class Dialect:
    """What differs between the components."""

    push: str  # the command name of the print-result push
    not_running: str  # the message that names the component to start
    template_key: str  # how a content's template URL is spelled (the custom area)


DIALECTS = {
    "cainiao": Dialect("notifyPrintResult", "printer.component.cainiao_not_running", "templateURL"),
    "pddprint": Dialect("PrintResultNotify", "printer.component.pdd_not_running", "templateUrl"),
}


class ComponentPrinter:
    """A printer reached through a print component: it takes the provider's print document, not our label."""

    answers_status = True
    combined = False
    batches = False

    def __init__(self, spec: PrinterSpec) -> None:
        self.spec = spec
        self.dialect = DIALECTS[spec.scheme]
        self.printer = spec.options.get("printer", "").strip()  # empty: the component's default printer
        self.timeout = float(spec.options.get("timeout", RESULT_TIMEOUT_S))
        self.custom_area = spec.options.get("custom", "").strip()

    @property
    def address(self) -> str:
        return self.spec.target

    # -- printing ---------------------------------------------------------------------------------------------

    def print_waybill(self, waybill: Waybill, name: str) -> int:
        """Has the component print `waybill`'s print document and waits for its print result.

        Returns:
            The size of the print request sent.

        Raises:
            PrinterError: the waybill has no print document, or the component refused the task or reports that it
                could not print it (nothing came out).
            PrinterOffline: the component does not answer (nothing was sent).
            PrinterWriteError: the component took the task, then the connection broke or no result came in time:
                did it print?
        """
        document = waybill.document
        if not document:
            raise PrinterError("printer.component.no_document", tracking_no=waybill.tracking_no)
        request_id, task_id = uuid4().hex, f"{waybill.tracking_no}-{uuid4().hex[:8]}"
        request = {
            "cmd": "print",
            "requestID": request_id,
            "version": PROTOCOL_VERSION,
            "task": {
                "taskID": task_id,
                "preview": False,
                "printer": self.printer,
                "notifyType": ["render", "print"],
                "firstDocumentNumber": 1,
                "totalDocumentCount": 1,
                # One document per task, as Cainiao advises: a task that fails half-way cannot leave some labels
                # printed and others not.
                "documents": [{"documentID": waybill.tracking_no, "contents": self._contents(waybill, document)}],
            },
        }
        text = json.dumps(request, ensure_ascii=False, separators=(",", ":"))
        with self._connect() as link:
            try:
                link.send(text)
            except ConnectionClosed:  # the frame did not go out whole: the component has nothing to print
                raise PrinterOffline(self.dialect.not_running, address=self.address) from None
            self._await_result(link, request_id, task_id, waybill.tracking_no)
        return len(text.encode("utf-8"))

    def _contents(self, waybill: Waybill, document: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The provider's print document as it answered, and the seller's custom area with the items if set."""
        contents: list[dict[str, Any]] = [dict(document)]
        if self.custom_area and waybill.items:
            listed = "; ".join(f"{item.title} x{item.qty}" for item in waybill.items)
            contents.append({self.dialect.template_key: self.custom_area, "data": {"value": listed}})
        return contents

    def _await_result(self, link: ClientConnection, request_id: str, task_id: str, tracking_no: str) -> None:
        """Reads the `print` answer and the print-result push of `task_id` (in either order); returns once printed."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                message = _receive(link, deadline)
            except TimeoutError:
                raise PrinterWriteError(
                    "printer.component.no_result", tracking_no=tracking_no, seconds=f"{self.timeout:g}"
                ) from None
            except ConnectionClosed:
                raise PrinterWriteError("printer.component.dropped", tracking_no=tracking_no) from None
            if message.get("cmd") == "print" and message.get("requestID") in (request_id, None):
                if message.get("status") != "success":  # not taken: nothing will print
                    raise PrinterError("printer.component.refused", tracking_no=tracking_no, reason=_words(message))
                continue
            outcome = _outcome(message, self.dialect.push, task_id, tracking_no)
            if outcome is True:
                return
            if outcome is not None:
                raise PrinterError("printer.component.print_failed", tracking_no=tracking_no, reason=_words(outcome))

    # -- status -----------------------------------------------------------------------------------------------

    def status(self) -> PrinterStatus:
        """Asks the component for its printers: ready when the one to print on is among them."""
        try:
            link = self._connect()
        except PrinterOffline as exc:
            return PrinterStatus.of(State.OFFLINE, exc.message_id, **exc.params)
        request_id = uuid4().hex
        deadline = time.monotonic() + min(STATUS_TIMEOUT_S, self.timeout)
        with link:
            try:
                link.send(json.dumps({"cmd": "getPrinters", "requestID": request_id, "version": PROTOCOL_VERSION}))
                while True:
                    answer = _receive(link, deadline)
                    if answer.get("cmd") == "getPrinters" and answer.get("requestID") in (request_id, None):
                        break
            except (TimeoutError, ConnectionClosed):
                return PrinterStatus.of(State.UNKNOWN, "printer.component.silent", address=self.address)
        return self._printer_state(answer)

    def _printer_state(self, answer: Mapping[str, Any]) -> PrinterStatus:
        if answer.get("status", "success") != "success":
            return PrinterStatus.of(State.ERROR, "printer.component.list_failed", reason=_words(answer))
        listed = answer.get("printers")
        names = [str(p.get("name", "") if isinstance(p, Mapping) else p) for p in listed or [] if p]
        if not names:
            return PrinterStatus.of(State.ERROR, "printer.component.no_printers")
        wanted = self.printer or str(answer.get("defaultPrinter") or "")
        if not wanted:
            return PrinterStatus.of(State.ERROR, "printer.component.no_default", printers=", ".join(names))
        if wanted not in names:
            return PrinterStatus.of(
                State.ERROR, "printer.component.no_printer", printer=wanted, printers=", ".join(names)
            )
        return PrinterStatus.of(State.READY, "printer.component.ready", printer=wanted)

    def print_batch(self, waybills: list[Waybill]) -> list[int]:
        raise NotImplementedError("a print component takes labels one by one")

    # -- the link ---------------------------------------------------------------------------------------------

    def _connect(self) -> ClientConnection:
        """A WebSocket to the component. Raises PrinterOffline (nothing listens there, or not a component)."""
        host, port = self.spec.host_port
        try:
            # Our own socket: no proxy of the system's stands between the station and a component on its LAN.
            sock = socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S)
        except OSError:
            raise PrinterOffline(self.dialect.not_running, address=self.address) from None
        sock.settimeout(None)  # the handshake has its own deadline; receiving waits with timeouts of its own
        url_host = f"[{host}]" if ":" in host else host
        try:
            return connect(
                f"ws://{url_host}:{port}",
                sock=sock,
                open_timeout=CONNECT_TIMEOUT_S,
                close_timeout=2,
                ping_interval=None,  # the waits are bounded here; a keepalive would only add a reason to drop
                compression=None,
                max_size=MAX_MESSAGE,
            )
        except (WebSocketException, OSError) as exc:
            sock.close()
            raise PrinterOffline("printer.component.not_component", address=self.address, error=str(exc)) from None


def _receive(link: ClientConnection, deadline: float) -> dict[str, Any]:
    """The next JSON object the component sends before `deadline` (anything else is skipped).

    Raises:
        TimeoutError: none came in time.
        ConnectionClosed: the connection broke.
    """
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        raw = link.recv(timeout=remaining)
        try:
            message = json.loads(raw)
        except ValueError:
            continue
        if isinstance(message, dict):
            return message


def _outcome(
    message: Mapping[str, Any], push: str, task_id: str, document_id: str
) -> Literal[True] | Mapping[str, Any] | None:
    """What `message` says of the document `document_id` of task `task_id`: True printed, the failure (with its
    words), or None: nothing final (rendered; another task's push; not a push at all).

    Besides the protocol's task-level push (`push`), components after version 1.0 report each document as
    `notifyDocResult` {taskId, documentId, status rendered|printed, code (0: fine), detail}; either one decides.
    """
    if message.get("cmd") == "notifyDocResult":
        if str(message.get("taskId", "")) != task_id or str(message.get("documentId", "")) != document_id:
            return None
        if message.get("code", 0) not in (0, "0"):
            return message
        return True if message.get("status") == "printed" else None
    if message.get("cmd") != push or message.get("taskID") != task_id:
        return None
    documents = [d for d in message.get("printStatus") or [] if isinstance(d, Mapping)]
    mine = next((d for d in documents if str(d.get("documentID", "")) == document_id), None)
    task_status = str(message.get("taskStatus", ""))
    if task_status in ("failed", "canceled") or (mine is not None and mine.get("status") == "failed"):
        return mine if mine is not None and _said(mine) else message
    if task_status == "printed" and (mine is None or mine.get("status", "success") == "success"):
        return True
    return None


def _said(answer: Mapping[str, Any]) -> bool:
    return bool(str(answer.get("msg") or "").strip() or str(answer.get("detail") or "").strip())


def _words(answer: Mapping[str, Any]) -> str | PrinterError:
    """The component's own words in `answer` (msg, with its detail when that adds something)."""
    said, detail = str(answer.get("msg") or "").strip(), str(answer.get("detail") or "").strip()
    if said and detail and detail != said:
        return f"{said} ({detail})"
    return said or detail or PrinterError("printer.component.no_reason")

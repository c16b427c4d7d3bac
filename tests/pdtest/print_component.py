"""A simulated print component (Cainiao's CNPrint 菜鸟打印组件, or Pinduoduo's 拼多多打印组件): a WebSocket server on
127.0.0.1 that speaks the component's protocol, "prints" documents, and can misbehave.

    with PrintComponentSimulator("cainiao") as sim:   # or "pddprint": pushes PrintResultNotify
        uri = sim.uri()                                # cainiao://127.0.0.1:PORT?printer=<its first printer>
        sim.printers = ["XP-420B"]                     # what getPrinters lists (the first is the default printer)
        sim.paper_out = True                           # takes the task, then pushes taskStatus "failed" (打印机缺纸)
        sim.refuse = "模板下载失败"                      # answers the print command with status "failed" and this msg
        sim.push = False                               # takes the task and never says whether it printed
        sim.drop_after_accept = True                   # takes the task, then the TCP connection breaks
        sim.silent = True                              # reads requests and answers none
        sim.doc_results = True                         # reports each document as a newer component does
                                                       # (notifyDocResult, code 0 or not) instead of the task push
        sim.printed                                    # every document it printed (Printed), in order
        sim.requests                                   # every request it received, as parsed JSON
        sim.connections                                # connections accepted
        PrintComponentSimulator(bound=sock)            # serves on a socket from pdtest.capture.refused_port(): the
                                                       # component a test found not running is started

Protocol (shared/reference/platforms.md 3.4): requests {"cmd", "requestID", "version": "1.0", ...}; `getPrinters`
answers {"cmd", "requestID", "status", "msg", "defaultPrinter", "printers": [{"name", "status"}]}; `print` with a
`task` {"taskID", "printer", "notifyType", "documents": [{"documentID", "contents": [...]}]} is answered
{"cmd": "print", "requestID", "taskID", "status": "success"|"failed", "msg"} and, once the label is out, pushed
{"cmd": "notifyPrintResult", "printer", "taskID", "taskStatus": "rendered"|"printed"|"failed",
"printStatus": [{"documentID", "status": "success"|"failed", "msg", "detail"}]} (PDD's: "PrintResultNotify"); a
component after version 1.0 may report each document instead: {"cmd": "notifyDocResult", "taskId", "documentId",
"status": "rendered"|"printed", "code": 0 or a failure's, "detail"} (doc_results). A request that breaks the protocol
(no requestID, no documents, a document without documentID or contents) is answered "failed", as the component does.

Printing: unencrypted print data (contents[0].data) is drawn as a label PNG of its own, the waybillCode as a Code 128
barcode under the routing text (Cainiao's routingInfo.sortation/routeCode/consolidation, PDD's bigShotName/
threeSegmentCode/endBranchName); encrypted data (encryptedData) is printed without an image, since only the real
component can decrypt it.

The server and its connections run in threads; leaving the `with` block closes them and joins them within a bound,
and raises if one is still alive, so a test never leaks a thread.
"""

from __future__ import annotations

import io
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import zxingcpp
from PIL import Image, ImageDraw, ImageFont
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
PUSHES = {"cainiao": "notifyPrintResult", "pddprint": "PrintResultNotify"}
PAPER_OUT = "打印机缺纸"
NO_SUCH_PRINTER = "无效的打印机"
LABEL_DOTS = (800, 1200)  # 100 x 150 mm at 203 dpi


@dataclass(frozen=True)
class Printed:
    printer: str
    task_id: str
    document_id: str
    contents: list[dict[str, Any]]
    encrypted: bool
    image: bytes | None = field(default=None, repr=False)  # PNG; None for encrypted data
    lines: tuple[str, ...] = ()  # the text drawn above the barcode


class PrintComponentSimulator:
    def __init__(
        self,
        dialect: str = "cainiao",
        printers: tuple[str, ...] = ("XP-420B", "Deli DL-888D"),
        *,
        bound: socket.socket | None = None,
    ) -> None:
        if dialect not in PUSHES:
            raise ValueError(f"unknown dialect {dialect}")
        self.dialect = dialect
        self.printers = list(printers)
        self.paper_out = False
        self.refuse: str | None = None
        self.push = True
        self.drop_after_accept = False
        self.silent = False
        self.doc_results = False
        self.printed: list[Printed] = []
        self.requests: list[dict[str, Any]] = []
        self.connections = 0
        self.port = 0
        self._lock = threading.Lock()
        self._server: Server | None = None
        self._threads: list[threading.Thread] = []
        self._open: list[ServerConnection] = []
        self._bound = bound  # listen on this already bound socket (from refused_port(): the component starts)

    def uri(self, printer: str | None = None, **options: str) -> str:
        """The address of this component for PackDesk (`printer` None: its first printer)."""
        query = {"printer": self.printers[0] if printer is None and self.printers else printer or "", **options}
        return f"{self.dialect}://127.0.0.1:{self.port}?" + "&".join(f"{k}={quote(v)}" for k, v in query.items())

    def __enter__(self) -> PrintComponentSimulator:
        if self._bound is not None:
            self._bound.listen(8)
            self._server = serve(self._serve, sock=self._bound, compression=None)
        else:
            self._server = serve(self._serve, "127.0.0.1", 0, compression=None)
        self.port = self._server.socket.getsockname()[1]
        thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="component-server")
        self._threads.append(thread)
        thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._server is not None
        self._server.shutdown()
        with self._lock:
            still_open = list(self._open)
        for conn in still_open:
            _break(conn)
        deadline = time.monotonic() + 5
        for t in list(self._threads):
            t.join(max(0.0, deadline - time.monotonic()))
        alive = [t.name for t in self._threads if t.is_alive()]
        assert not alive, f"component simulator threads still running: {alive}"

    def wait_printed(self, n: int, timeout: float = 10.0) -> list[Printed]:
        """The documents printed once there are at least `n` (bounded by `timeout`, never a measurement)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.printed) >= n:
                    return list(self.printed)
            time.sleep(0.02)
        raise AssertionError(f"expected {n} printed documents, got {len(self.printed)}")

    # -- the protocol -----------------------------------------------------------------------------------------

    def _serve(self, conn: ServerConnection) -> None:
        with self._lock:
            self.connections += 1
            self._open.append(conn)
            self._threads.append(threading.current_thread())
        try:
            for raw in conn:
                try:
                    request = json.loads(raw)
                except ValueError:
                    continue  # the component ignores what is not JSON
                with self._lock:
                    self.requests.append(request)
                if self.silent or not isinstance(request, dict):
                    continue
                if not self._answer(conn, request):
                    return
        except ConnectionClosed:
            pass
        finally:
            with self._lock:
                self._open.remove(conn)

    def _answer(self, conn: ServerConnection, request: dict[str, Any]) -> bool:
        """Answers one request; False when the connection was broken on purpose."""
        cmd, request_id = request.get("cmd"), request.get("requestID")
        head = {"cmd": cmd, "requestID": request_id}
        if not request_id or request.get("version") != "1.0":
            _send(conn, {**head, "status": "failed", "msg": "协议头错误: requestID/version"})
            return True
        if cmd == "getPrinters":
            printers = [{"name": name, "status": "enable", "type": "RAW"} for name in self.printers]
            default = self.printers[0] if self.printers else ""
            _send(conn, {**head, "status": "success", "msg": "", "defaultPrinter": default, "printers": printers})
            return True
        if cmd != "print":
            _send(conn, {**head, "status": "failed", "msg": f"不支持的命令: {cmd}"})
            return True
        task = request.get("task")
        documents = task.get("documents") if isinstance(task, dict) else None
        valid = isinstance(documents, list) and documents and all(_valid_document(d) for d in documents)
        if not isinstance(task, dict) or not task.get("taskID") or not valid:
            _send(conn, {**head, "status": "failed", "msg": "参数错误: task"})
            return True
        task_id = str(task["taskID"])
        printer = str(task.get("printer") or (self.printers[0] if self.printers else ""))
        head["taskID"] = task_id
        if printer not in self.printers or self.refuse:
            _send(conn, {**head, "status": "failed", "msg": self.refuse or NO_SUCH_PRINTER})
            return True
        _send(conn, {**head, "status": "success", "msg": ""})
        if self.drop_after_accept:
            _break(conn)
            return False
        if not self.push:
            return True
        if self.doc_results:
            self._report_documents(conn, request_id, printer, task_id, documents)
            return True
        ids = [str(d["documentID"]) for d in documents]
        push = {"cmd": PUSHES[self.dialect], "printer": printer, "taskID": task_id}
        notify = task.get("notifyType") or ["render", "print"]
        if "render" in notify:
            _send(conn, {**push, "taskStatus": "rendered", "printStatus": _statuses(ids, "success", "")})
        if self.paper_out:
            failed = _statuses(ids, "failed", PAPER_OUT)
            _send(conn, {**push, "taskStatus": "failed", "printStatus": failed})
            return True
        for document in documents:
            self._print(printer, task_id, document)
        if "print" in notify:
            _send(conn, {**push, "taskStatus": "printed", "printStatus": _statuses(ids, "success", "")})
        return True

    def _report_documents(
        self, conn: ServerConnection, request_id: str, printer: str, task_id: str, documents: list[dict[str, Any]]
    ) -> None:
        """A newer component's per-document notices: rendered, then printed with code 0, or a failure's code."""
        for document in documents:
            notice = {"cmd": "notifyDocResult", "requestID": request_id, "printer": printer, "taskId": task_id}
            notice["documentId"] = str(document["documentID"])
            _send(conn, {**notice, "status": "rendered", "code": 0, "detail": ""})
            if self.paper_out:
                _send(conn, {**notice, "status": "failed", "code": 1, "detail": PAPER_OUT})
                continue
            self._print(printer, task_id, document)
            _send(conn, {**notice, "status": "printed", "code": 0, "detail": ""})

    def _print(self, printer: str, task_id: str, document: dict[str, Any]) -> None:
        contents = document["contents"]
        first = contents[0]
        encrypted = "encryptedData" in first
        image, lines = (None, ()) if encrypted else _render(first.get("data") or {})
        with self._lock:
            self.printed.append(
                Printed(printer, task_id, str(document["documentID"]), contents, encrypted, image, lines)
            )


def _valid_document(document: object) -> bool:
    if not isinstance(document, dict) or not document.get("documentID"):
        return False
    contents = document.get("contents")
    return isinstance(contents, list) and bool(contents) and all(isinstance(c, dict) for c in contents)


def _statuses(ids: list[str], status: str, words: str) -> list[dict[str, str]]:
    return [{"documentID": i, "status": status, "msg": words, "detail": words} for i in ids]


def _send(conn: ServerConnection, message: dict[str, Any]) -> None:
    conn.send(json.dumps(message, ensure_ascii=False))


def _break(conn: ServerConnection) -> None:
    """Breaks the TCP connection without a closing handshake (the component crashed or was quit)."""
    try:
        conn.socket.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _render(data: dict[str, Any]) -> tuple[bytes, tuple[str, ...]]:
    """A label of unencrypted print data: routing text, then the tracking number as a Code 128 barcode (PNG)."""
    code = str(data.get("waybillCode", ""))
    routing = data.get("routingInfo") or {}
    if "bigShotName" in routing or "threeSegmentCode" in routing:  # PDD
        parts = [routing.get("bigShotName", ""), routing.get("threeSegmentCode", ""), routing.get("endBranchName", "")]
    else:
        parts = [
            (routing.get("sortation") or {}).get("name", ""),
            routing.get("routeCode", ""),
            (routing.get("consolidation") or {}).get("name", ""),
        ]
    recipient = data.get("recipient") or {}
    lines = tuple(str(p) for p in (*parts, recipient.get("name", ""), code) if p)
    image = Image.new("L", LABEL_DOTS, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 40)
    for i, line in enumerate(lines):
        draw.text((40, 40 + i * 60), line, font=font, fill=0)
    if code:
        symbol = zxingcpp.create_barcode(code, zxingcpp.BarcodeFormat.Code128)
        scale = 3
        while scale > 1 and memoryview(symbol.to_image(scale=scale, add_quiet_zones=True)).shape[1] > LABEL_DOTS[0]:
            scale -= 1
        view = memoryview(symbol.to_image(scale=scale, add_quiet_zones=True))
        barcode = Image.frombytes("L", (view.shape[1], view.shape[0]), bytes(view))
        barcode = barcode.resize((barcode.width, 200))
        image.paste(barcode, ((LABEL_DOTS[0] - barcode.width) // 2, 80 + len(lines) * 60))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue(), lines

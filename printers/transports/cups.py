"""A CUPS queue as a raw printer link (printers layer, transports)."""

from __future__ import annotations

from printers.errors import PrinterError, PrinterOffline
from printers.ports import WRITE_TIMEOUT_S, AnswerComplete


class CupsTransport:
    """A CUPS queue, raw: the job goes through `lp -d QUEUE -o raw` so the driver never touches the bytes."""

    answers_status = False
    confirms_delivery = True
    batches = False

    def __init__(self, queue: str, lp: str | None = None) -> None:
        self.queue, self.lp = queue, lp

    def _lp(self) -> str:
        import shutil

        lp = self.lp or shutil.which("lp")
        if not lp:
            raise PrinterOffline("printer.cups_no_lp")
        return lp

    def query(
        self, request: bytes, answer_length: int, complete: AnswerComplete | None = None, timeout: float = 1.5
    ) -> bytes | None:
        self._lp()
        return None  # CUPS takes jobs; it cannot pass a status question through to the printer

    def send(self, data: bytes) -> int:
        import subprocess

        lp = self._lp()
        try:
            done = subprocess.run(
                [lp, "-d", self.queue, "-o", "raw", "-t", "PackDesk label", "-"],
                input=data,
                capture_output=True,
                timeout=WRITE_TIMEOUT_S,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrinterOffline("printer.cups_not_taken", queue=self.queue, error=str(exc)) from exc
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip()
            why = said or PrinterError("printer.cups_lp_exit", code=done.returncode)
            raise PrinterOffline("printer.cups_refused", queue=self.queue, error=why)
        return len(data)

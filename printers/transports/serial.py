"""A serial or USB-CDC printer link through pyserial (printers layer, transports)."""

from __future__ import annotations

import time

from printers.errors import PrinterOffline, PrinterWriteError
from printers.ports import WRITE_TIMEOUT_S, AnswerComplete


class SerialTransport:
    """A serial or USB-CDC printer via pyserial, with explicit flow control (raster needs it).

    A write returns once the bytes are in the operating system's buffers, and a line at 115200 baud carries about
    11.5 kB a second: the end of a 120 KB label may reach the printer seconds later. The transport keeps the time
    by which the last job has crossed the line at its speed, and a status question asked before then waits that much
    longer, so a slow printer is slow, not silent.
    """

    answers_status = True
    confirms_delivery = False  # only the printer's answer after the last byte says it took them all
    batches = False
    MARGIN = 1.25  # start bits, flow-control pauses and the printer's own pace on top of baud / 10

    def __init__(self, url: str, baud: int = 115200, rtscts: bool = True, xonxoff: bool = False) -> None:
        self.url, self.baud, self.rtscts, self.xonxoff = url, baud, rtscts, xonxoff
        self.line_clear_at = 0.0  # time.monotonic() by which the last job has crossed the line

    @property
    def bytes_per_second(self) -> float:
        return self.baud / 10  # 8N1: a start bit, eight data bits, a stop bit

    def in_flight_s(self) -> float:
        """Seconds the bytes of the last job may still need to reach the printer."""
        return max(0.0, self.line_clear_at - time.monotonic())

    def _open(self, timeout: float | None, write_timeout: float):  # type: ignore[no-untyped-def]
        import serial  # lazy: pyserial is only needed when a serial printer is used

        try:
            return serial.serial_for_url(
                self.url,
                baudrate=self.baud,
                rtscts=self.rtscts,
                xonxoff=self.xonxoff,
                timeout=timeout,
                write_timeout=write_timeout,
            )
        except (serial.SerialException, ValueError) as exc:
            raise PrinterOffline("printer.serial_cannot_open", port=self.url, error=str(exc)) from exc

    def query(
        self, request: bytes, answer_length: int, complete: AnswerComplete | None = None, timeout: float = 1.5
    ) -> bytes | None:
        import serial

        # The question queues behind what is still on the line; the answer cannot come before it is through.
        port = self._open(self.in_flight_s() + timeout, WRITE_TIMEOUT_S)
        answer = b""
        try:
            port.write(request)
            while not (answer_length and len(answer) >= answer_length) and not (complete and complete(answer)):
                chunk = port.read(max(1, port.in_waiting))  # returns at the first byte; empty after the wait
                if not chunk:
                    break
                answer += chunk
        except serial.SerialException:
            pass  # a timeout is "no answer", which the caller reads as unknown
        finally:
            port.close()
        return answer or None

    def send(self, data: bytes) -> int:
        import serial

        port = self._open(None, WRITE_TIMEOUT_S)
        try:
            started = time.monotonic()
            port.write(data)
            port.flush()
            done = time.monotonic()
        except serial.SerialException as exc:
            raise PrinterWriteError("printer.serial_write_failed", port=self.url, error=str(exc)) from exc
        finally:
            port.close()
        # What the line cannot have carried yet while the write ran is still in buffers on its way.
        left = max(0.0, len(data) - (done - started) * self.bytes_per_second)
        self.line_clear_at = done + left / self.bytes_per_second * self.MARGIN
        return len(data)

"""Who is sending a print job, and whether that sender is still alive (services layer).

A job claimed for sending carries its process's name ("host/pid") and the time; a job found `sending` whose process
on this machine is gone, or whose lease ran out, was cut off (the queue's recovery calls it "did it print?").
"""

from __future__ import annotations

import os
import platform
import sys
from datetime import datetime, timedelta


def this_process() -> str:
    return f"{platform.node()}/{os.getpid()}"


def process_alive(pid: int) -> bool:
    """True while process `pid` of this machine runs (no signal is sent)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


SEND_LEASE = timedelta(minutes=5)  # no label takes longer to send, even at 9600 baud


def interrupted(claimed_by: str | None, claimed_at: datetime | None, now: datetime) -> bool:
    """Whether a job left `sending` was cut off: its process on this machine is gone, or its lease ran out."""
    if claimed_at is not None and now - claimed_at > SEND_LEASE:
        return True
    host, _, pid = (claimed_by or "").rpartition("/")
    return host == platform.node() and pid.isdigit() and not process_alive(int(pid))

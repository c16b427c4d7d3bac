"""One station per data directory: the claim that the window, or a command that packs, prints or ships, holds on it
(services layer).

The claim is an OS lock on `packdesk.lock` in the data directory (flock on POSIX, a byte-range lock on Windows, through
filelock). The kernel drops it when the process ends, however it ends, so a crash or a kill never leaves a stale claim
to block the next start. Beside it, `packdesk.lock.json` says who holds it (the window or which command, its process,
since when): the holder writes it once the lock is its own, and it is read only while the lock is held, so one left
behind by a crash misleads nobody.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from filelock import BaseFileLock, Timeout

from app.domain.errors import DataDirError, PackDeskError
from app.domain.messages import msg
from app.persistence.db import create_private_file
from app.services.workspace import ensure_data_dir

LOCK_FILE = "packdesk.lock"
HOLDER_FILE = "packdesk.lock.json"
WINDOW = "gui"  # the command name of the window


class StationBusy(PackDeskError):
    """The data directory is claimed by a window or another command."""

    code = "station_busy"


@dataclass(frozen=True)
class Holder:
    """Who holds a data directory's claim."""

    command: str  # WINDOW, or the `packdesk` command (pack, print, ship, ...)
    pid: int
    since: str  # ISO 8601, UTC

    @property
    def is_window(self) -> bool:
        return self.command == WINDOW


class StationClaim:
    """The claim on `data_dir` for `command`; use it as a context manager or acquire() and release()."""

    def __init__(self, data_dir: Path, command: str) -> None:
        self.data_dir = data_dir
        self.command = command
        # fallback_to_soft=False: a file system without flock must refuse, never fall back to a lock file that a crash
        # would leave behind.
        self._lock = _lock_type()(
            data_dir / LOCK_FILE, timeout=0, mode=0o600, thread_local=False, fallback_to_soft=False
        )

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        """Takes the claim at once, or refuses at once (it never waits).

        Raises:
            StationBusy: a window or another command holds the data directory.
            DataDirError: the directory cannot be created or written, or its file system cannot lock files.
        """
        ensure_data_dir(self.data_dir)
        try:
            self._lock.acquire()
        except Timeout:
            raise busy_error(self.data_dir, read_holder(self.data_dir)) from None
        except OSError as exc:
            raise DataDirError(msg("data_dir.cannot_lock", path=str(self.data_dir), error=exc.strerror)) from exc
        holder = Holder(self.command, os.getpid(), datetime.now(UTC).isoformat(timespec="seconds"))
        try:
            _write_holder(self.data_dir, holder)
        except OSError:
            pass  # the note only words the next comer's message; the lock is what keeps them out

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> StationClaim:
        self.acquire()
        return self

    def __exit__(
        self, _type: type[BaseException] | None, _exc: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.release()


def busy_error(data_dir: Path, holder: Holder | None) -> StationBusy:
    """The refusal a second window or command gets, saying who holds the directory."""
    if holder is None:
        text = msg("data_dir.busy", path=str(data_dir))
    elif holder.is_window:
        text = msg("data_dir.busy_window", pid=holder.pid, path=str(data_dir))
    else:
        text = msg("data_dir.busy_command", command=holder.command, pid=holder.pid, path=str(data_dir))
    return StationBusy(text, holder=holder)


def read_holder(data_dir: Path) -> Holder | None:
    """What the holder wrote about itself (None when unreadable); true only while the claim is held."""
    try:
        data = json.loads((data_dir / HOLDER_FILE).read_text(encoding="utf-8"))
        return Holder(str(data["command"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_holder(data_dir: Path, holder: Holder) -> None:
    tmp = data_dir / (HOLDER_FILE + ".part")
    create_private_file(tmp)
    tmp.write_text(json.dumps(asdict(holder)), encoding="utf-8")
    os.replace(tmp, data_dir / HOLDER_FILE)


def _lock_type() -> type[BaseFileLock]:
    if os.name == "nt":
        from filelock import WindowsFileLock

        return WindowsFileLock
    from filelock import UnixFileLock

    return UnixFileLock

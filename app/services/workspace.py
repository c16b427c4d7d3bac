"""The data directory and everything opened from it: database, settings (services layer).

The directory is `--data-dir`, else $PACKDESK_HOME, else the user data dir from platformdirs. It holds packdesk.db,
config.toml, labels/ (the virtual printer's output and the print archive), cache/ (product pictures) and logs/.
It is its owner's alone (0700, and 0600 for the database and config.toml on POSIX): the PIN hashes and the buyers'
addresses in it are nobody else's to read.
"""

from __future__ import annotations

import os
import platform
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs
import tomli_w
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DataDirError, InvalidInput
from app.domain.messages import msg
from app.persistence.db import (
    create_private_file,
    make_engine,
    make_session_factory,
    owner_only,
    private_sqlite_file,
    sqlite_url,
    upgrade,
)

APP_NAME = "PackDesk"


def default_data_dir() -> Path:
    env = os.environ.get("PACKDESK_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))


def resolve_data_dir(data_dir: Path | None = None) -> Path:
    """The data directory `--data-dir` names, else the default one."""
    return (data_dir or default_data_dir()).expanduser()


@dataclass
class Settings:
    """config.toml. Secrets never live here: they are in the OS keyring."""

    printer_uri: str = ""
    label_size: str = "100x150"
    station: str = field(default_factory=lambda: platform.node() or "station")
    packer: str = ""
    database_url: str = ""  # empty: packdesk.db in the data directory
    language: str = ""  # empty: follow the system locale
    sku_first: bool = False  # an item scanned with no parcel open opens the most urgent order needing it
    confirm_scan: bool = False  # the printed waybill is scanned onto the parcel before it counts as shipped
    muted: bool = False  # the station's sounds
    volume: str = "80"  # percent
    supervisor_pin: str = ""  # a salted hash (app.services.supervisor), never the PIN
    wedge_min_length: str = "4"  # keyboard-wedge scanner: shortest code taken as a scan
    wedge_max_gap_ms: str = "35"  # longest pause between a scanner's keys (people type 80 ms and slower)
    wedge_prefix: str = ""  # characters the scanner is set to send before each code (removed)
    wedge_suffix: str = ""  # ... and after it, before the terminator (removed)
    scanner_uri: str = ""  # a serial barcode scanner, e.g. serial:///dev/ttyACM0?baud=9600 (wedge scanners need none)
    scale_uri: str = ""  # a bench scale in continuous output, e.g. serial:///dev/ttyUSB1?baud=9600
    lock_after_min: str = "10"  # an idle bench locks after this many minutes (0: never); progress is kept
    packaging_g: str = "0"  # box and filler weight added to the items' weight when the scale checks a parcel
    history_keep_days: str = ""  # `history prune` deletes report detail older than this (empty: keep it all)

    @classmethod
    def load(cls, path: Path) -> Settings:
        if not path.exists():
            return cls()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidInput(msg("data_dir.config_not_toml", path=str(path), error=str(exc))) from exc
        known = {k: v if isinstance(v, bool) else str(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".toml.part")
        create_private_file(tmp)  # owner-only from its first byte: it holds the supervisor PIN's hash
        tmp.write_text(tomli_w.dumps(asdict(self)), encoding="utf-8")
        os.replace(tmp, path)


@dataclass
class Workspace:
    data_dir: Path
    engine: Engine
    session_factory: sessionmaker[Session]
    settings: Settings

    @property
    def config_path(self) -> Path:
        return self.data_dir / "config.toml"

    @property
    def labels_dir(self) -> Path:
        return self.data_dir / "labels"

    @property
    def images_dir(self) -> Path:
        return self.data_dir / "cache" / "images"  # product pictures (app.services.images)

    def save_settings(self) -> None:
        self.settings.save(self.config_path)

    def close(self) -> None:
        self.engine.dispose()


def ensure_data_dir(path: Path) -> None:
    """Creates the data directory when needed (owner-only), checks that PackDesk can write there, and takes away
    group's and others' access to it and to config.toml (an older PackDesk made them readable by all).

    Raises:
        DataDirError: it is a file, or cannot be created or written.
    """
    _check_writable(path)
    owner_only(path)
    owner_only(path / "config.toml")


def _check_writable(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise DataDirError(msg("data_dir.is_file_choose", path=str(path)))
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(msg("data_dir.cannot_create", path=str(path), error=exc.strerror)) from exc
    if not path.is_dir():
        raise DataDirError(msg("data_dir.is_file", path=str(path)))
    probe = path / ".packdesk-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataDirError(msg("data_dir.not_writable", path=str(path), error=exc.strerror)) from exc


def open_workspace(data_dir: Path | None = None) -> Workspace:
    """Opens (creating when needed) the data directory and its database, upgrading the schema in place.

    Raises:
        DataDirError: the directory cannot be created or written.
        DatabaseError: the database is locked, damaged, foreign or too new.
    """
    root = resolve_data_dir(data_dir)
    ensure_data_dir(root)
    settings = Settings.load(root / "config.toml")
    if not settings.database_url:
        try:
            private_sqlite_file(root / "packdesk.db")
        except OSError as exc:
            raise DataDirError(msg("data_dir.no_database", path=str(root), error=exc.strerror)) from exc
    url = settings.database_url or sqlite_url(root / "packdesk.db")
    engine = make_engine(url)
    try:
        upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return Workspace(root, engine, make_session_factory(engine), settings)

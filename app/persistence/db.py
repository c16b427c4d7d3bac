"""Engine, sessions and schema upgrades (persistence layer).

`make_engine` turns on WAL, foreign keys and a busy timeout for SQLite; any other database URL (PostgreSQL for a
warehouse with several stations) goes through the same models and migrations. `upgrade` brings any older PackDesk
database to the current schema in place; it runs at every start, before anything reads the data. Alembic is imported
only when a database is not at the newest revision: a plain read of `alembic_version` against the revisions named in
the migration files settles the common case, so a start does not pay for Alembic (and Mako) every time.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DatabaseError
from app.domain.messages import msg

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def busy_timeout_s() -> float:
    """How long a write waits for another station or process to finish before giving up."""
    return float(os.environ.get("PACKDESK_BUSY_TIMEOUT", "5"))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def owner_only(path: Path) -> None:
    """Takes away group's and others' access to a file or folder PackDesk made (a missing one is skipped).

    Only on POSIX, and only for what this user owns: on Windows the data directory is in the user's profile, which
    is private already, and os.chmod there only toggles the read-only flag.
    """
    if os.name != "posix":
        return
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    mode = stat.S_IMODE(st.st_mode)
    if st.st_uid == os.getuid() and mode & 0o077:
        os.chmod(path, mode & 0o700)


def create_private_file(path: Path) -> None:
    """Creates `path` empty and readable by its owner only (0600), unless it exists; then tightens it (0600)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        owner_only(path)


def private_sqlite_file(path: Path) -> None:
    """Makes the database file before SQLite does, owner-only, so the PIN hashes and the buyers' data in it cannot be
    read by other users. SQLite gives its -wal and -shm files the database file's permissions; those an older
    PackDesk left readable are tightened too."""
    create_private_file(path)
    for suffix in ("-wal", "-shm", "-journal"):
        owner_only(path.with_name(path.name + suffix))


def make_engine(url: str) -> Engine:
    """Creates the engine for `url`, with SQLite tuned for one bench and many readers."""
    if url.startswith("sqlite"):
        timeout = busy_timeout_s()
        engine = create_engine(url, connect_args={"timeout": timeout})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            # WAL only for an empty file or a PackDesk database: a foreign file we are about to refuse stays as it was.
            ours = cur.execute(
                "SELECT count(*) = 0 OR sum(name = 'alembic_version') > 0 FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if ours:
                cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA foreign_keys = ON")
            # FULL: with WAL, NORMAL may roll back the last commits after a power cut (consistent, but a recorded scan,
            # print or ship-back gone). FULL syncs the log on every commit; on an SSD that costs a fraction of a ms.
            cur.execute("PRAGMA synchronous = FULL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def read_snapshot(session_factory: sessionmaker[Session]) -> Iterator[Connection]:
    """A connection for reads that must agree with each other (a page of the order list: its orders, their lines,
    parcels and merge marks), in one SQLite read transaction: a write committed meanwhile is seen by all or none of
    them. Without an ORM session, whose set-up costs more than a one-order page's queries."""
    engine = session_factory.kw["bind"]
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        if engine.dialect.name == "sqlite" and driver is not None:
            driver.execute("BEGIN")  # deferred: the snapshot starts at the first read; the pool's reset ends it
        yield conn


@contextmanager
def driver_cursor(conn: Connection) -> Iterator[Any]:
    """A cursor of the driver under `conn`, closed after use: for the reads run for every page the list shows, where
    building SQLAlchemy statements and results costs more than the queries."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        yield cursor
    finally:
        cursor.close()


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:["']([^"']+)["']|None)""", re.MULTILINE)


@cache
def head_revision() -> str:
    """The newest revision, read from the migration files' `revision` / `down_revision` lines (no Alembic import).

    The migrations form one line, so the head is the one revision no other names as its predecessor.
    """
    revisions: set[str] = set()
    predecessors: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((m.group(1), m.group(2)) for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
            if found.get("down_revision"):
                predecessors.add(found["down_revision"])
    heads = revisions - predecessors
    assert len(heads) == 1, heads
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database, None for a database Alembic never touched."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Applies every migration the database lacks (a no-op when it is current).

    Raises:
        DatabaseError: when the file is not a PackDesk database, is damaged, is locked, or is newer than this
            PackDesk.
    """
    with translate_db_errors():
        current = current_revision(engine)
        if current == head_revision() and revision == "head":
            return
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(_alembic_config())
        if current is not None and current not in {r.revision for r in script.walk_revisions()}:
            raise DatabaseError(msg("database.newer", revision=current))
        if current is None and inspect(engine).get_table_names() and not _is_empty_sqlite(engine):
            raise DatabaseError(msg("database.foreign"))
        cfg = _alembic_config()
        sqlite = engine.dialect.name == "sqlite"
        with engine.connect() as conn:
            if sqlite:
                # SQLite rebuilds a table to alter it (batch mode): with foreign keys on, dropping the old parent
                # table would cascade-delete its children. Off for the migration, checked, then on again.
                conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
                conn.commit()  # end the autobegun (empty) transaction so the migration gets its own
            try:
                with conn.begin():
                    from alembic import command

                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
                    if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                        raise DatabaseError(msg("database.upgrade_broken"))
            finally:
                if sqlite:
                    conn.rollback()
                    conn.exec_driver_sql("PRAGMA foreign_keys = ON")
                    conn.commit()


def _is_empty_sqlite(engine: Engine) -> bool:
    return set(inspect(engine).get_table_names()) <= {"alembic_version"}


class translate_db_errors:  # noqa: N801 - used as a context manager, reads like a statement
    """Turns driver errors into a `DatabaseError` a seller can act on."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, _tb: Any) -> bool:
        if exc is None or not isinstance(exc, sa_exc.DBAPIError):
            return False
        text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseError(msg("database.busy")) from exc
        if "not a database" in text or "malformed" in text or "disk image" in text:
            raise DatabaseError(msg("database.damaged")) from exc
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            raise DatabaseError(msg("database.not_writable")) from exc
        raise DatabaseError(msg("database.error", error=str(exc.orig))) from exc

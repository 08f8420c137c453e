"""The SQLite engine with the pragmas a product database needs, and the unit of work."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from crm_desktop.db import server_errors
from crm_desktop.db.location import Location
from crm_desktop.db.sql import WRITE_LOCK, portable
from crm_desktop.domain.errors import DatabaseBusy, DatabaseError, EditConflict

#: PRAGMA application_id of every crm-desktop database ("CRMD").
APPLICATION_ID = 0x43524D44
BUSY_TIMEOUT_MS = 10_000
#: SQLite's page cache per connection (negative: KiB). 8 MB holds what a list, a search or
#: a window reads; the rest stays in the system's file cache. At 32 MB the contact list at
#: 100,000 contacts peaked at 126 MB of memory, at 8 MB 116 MB (bench/bench_startup.py).
CACHE_SIZE = -8000
BUSY = ("the database is busy: another window or program kept it locked for more than "
        "{seconds} seconds; nothing was changed, try again")


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked" (SQLITE_BUSY / SQLITE_LOCKED), raw or from SQLAlchemy;
    on a server, a lock or statement that waited past its timeout, a serialization
    failure or a deadlock (db/server_errors.py)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.OperationalError):
        return server_errors.is_busy(orig)
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "database is locked" in str(orig)


def busy_error() -> DatabaseBusy:
    return DatabaseBusy(BUSY.replace("{seconds}", f"{BUSY_TIMEOUT_MS / 1000:g}"))


# No ANALYZE and no PRAGMA optimize (neither when a connection opens nor before it closes):
# the queries and indexes are tuned for a planner without statistics, and statistics made
# them slower where it matters. Measured on the demo databases (SQLite 3.40): with
# statistics (ANALYZE bounded by analysis_limit 400 or full) the contact list's count is
# planned as a table scan, 16 ms -> 91 ms at 500,000 contacts; the dynamic-list filter
# "SMS consent + active since" keeps its plan (49 ms without, 41-43 ms with, raw 37-44 ms).
# From SQLite 3.46, `PRAGMA optimize=0x10002` analyses every table by itself: do not add
# it without measuring bench/bench_startup.py and bench/bench_lists.py at 500,000.
def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # We emit BEGIN ourselves (see _on_begin), so pysqlite must not.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit the user saw is on disk even if the power goes out right after.
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
    cur.close()


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute(f"PRAGMA cache_size = {CACHE_SIZE}")
    cur.close()


def connect_read_only(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection that never writes to `path` (which may be a read-only file or sit in a
    read-only folder).

    A WAL database needs its -shm file beside it; in a read-only folder that cannot be
    created, so when no -wal file is there either (all the content is in the main file)
    the file is opened as immutable instead."""
    path = Path(path).absolute()
    uri = f"{path.as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # opens the file for real
        return conn
    except sqlite3.OperationalError:
        conn.close()
        wal = path.with_name(path.name + "-wal")
        if wal.exists() or not path.exists() or os.access(path.parent, os.W_OK):
            raise
    return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=timeout,
                           check_same_thread=False)


def _on_begin(conn: Any) -> None:
    # Writers take the write lock up front (BEGIN IMMEDIATE): a second window or process
    # then waits for the busy timeout instead of failing half-way, and read-then-write
    # sequences such as "next proforma number" cannot interleave.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    if read_only:
        engine = create_engine(
            "sqlite://", creator=lambda: connect_read_only(path, BUSY_TIMEOUT_MS / 1000))
        event.listen(engine, "connect", _on_connect_read_only)
        event.listen(engine, "begin", _on_begin)
        return engine
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


#: On a server: a statement waits this long for a lock another desk holds (the same
#: 10 s as SQLite's busy timeout), then fails as DatabaseBusy with nothing changed.
LOCK_TIMEOUT_MS = BUSY_TIMEOUT_MS
#: ... and no statement runs longer than this (a stuck query, not a big import: an import
#: of 100,000 rows is a few seconds); then the same DatabaseBusy.
STATEMENT_TIMEOUT_MS = 300_000
#: A desk that stops in the middle of a transaction (a crash, a frozen network) lets go
#: of its locks after this long.
IDLE_IN_TRANSACTION_MS = 60_000


def make_server_engine(location: Location) -> Engine:
    """A PostgreSQL engine through psycopg 3. The password, when the URL carries none,
    comes from PGPASSWORD or ~/.pgpass (libpq reads them) or the caller's
    `location.password` (keyring, prompt).

    pool_pre_ping: a connection the server or the network dropped while it sat in the
    pool is replaced before it is used, so the first action after the server is back
    works. TCP keepalives notice a network that went away within about 30 seconds."""
    options = (f"-c lock_timeout={LOCK_TIMEOUT_MS} "
               f"-c statement_timeout={STATEMENT_TIMEOUT_MS} "
               f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}")
    return create_engine(location.url(), pool_pre_ping=True,
                         connect_args={"connect_timeout": 10,
                                       "application_name": "crm-desktop",
                                       "options": options,
                                       "keepalives": 1, "keepalives_idle": 15,
                                       "keepalives_interval": 5, "keepalives_count": 3})


_TAKE_WRITE_LOCK = text("SELECT pg_advisory_xact_lock(:key)").bindparams(key=WRITE_LOCK)


class Database:
    """An open crm-desktop database: one file (SQLite) or one database on a PostgreSQL
    server, one engine, read and write transactions.

    `path` is the file for SQLite and None for a server; `location` says which
    (db/location.py), `dialect` is "sqlite" or "postgresql", `name` what to show."""

    def __init__(self, path: Path | None, engine: Engine, location: Location | None = None):
        if location is None:
            assert path is not None
            location = Location("sqlite", path=Path(path))
        self.location = location
        self.path = path
        self.engine = engine
        self.dialect: str = engine.dialect.name
        self._on_file = self.dialect == "sqlite"  # (read_rows asks on every call)
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        # noticing other programs' commits (data_version / changed_elsewhere)
        self._watch_lock = threading.Lock()
        self._watch: sqlite3.Connection | None = None
        self._seen: int | None = None
        self._foreign = False
        self._closed = False
        # PostgreSQL: other desks' commits come as notifications (db/notify.py)
        from crm_desktop.db.notify import new_identity

        self.identity = new_identity()
        self._listener: Any = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot; nothing is committed."""
        with self._read() as session:
            try:
                yield session
            except Exception as exc:
                self._raise_translated(exc)
                raise
            finally:
                try:
                    session.rollback()
                except DBAPIError:  # the connection is gone: nothing to roll back
                    session.invalidate()

    @contextmanager
    def write(self, actor_id: int | None = None, *, system: bool = False
              ) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error.

        `actor_id` is recorded as the author of the audit-log rows this transaction writes.
        `system` marks the program's own work (a scheduled automation run, start-up
        housekeeping, delivering what was already queued): the signed-in user's role does
        not refuse it (services/access.py), and its audit rows still name `actor_id`.
        A lock held by another program for longer than the busy timeout is DatabaseBusy.
        """
        # (only once a window watches the file: the command line opens no extra connection)
        before = self.data_version() if self._watch is not None else None
        try:
            with self._write() as session, session.begin():
                session.info["actor_id"] = actor_id
                if system:
                    session.info["system"] = True
                if not self.is_sqlite:
                    # PostgreSQL's counterpart of BEGIN IMMEDIATE: one writer at a time
                    # (the others wait up to the lock timeout, then DatabaseBusy); reads
                    # never wait. Numbers (year-seq), "the rows after the largest id" and
                    # the ids a bulk load gives rely on it, as they do on SQLite.
                    session.execute(_TAKE_WRITE_LOCK)
                yield session
                if not self.is_sqlite:  # (NOTIFY is delivered with the commit only)
                    self._notify(session)
        except StaleDataError as exc:
            # a versioned row (db/models/base.py VersionMixin) changed by another desk
            # between this transaction's read and its UPDATE; the edits of a form say
            # which record and who (services/versions.py), other writes say this much
            raise EditConflict("record", None) from exc
        except Exception as exc:
            self._raise_translated(exc)
            raise
        finally:
            if before is not None:
                self._own_write_done(before)

    def _raise_translated(self, exc: Exception) -> None:
        """Raise the project's error for `exc` when it is one of the database's own
        (through SQLAlchemy, or the DB-API's from a raw cursor); return otherwise."""
        if isinstance(exc, DBAPIError) or (
                not self.is_sqlite and type(exc).__module__.startswith("psycopg")):
            translated = self._translated(exc)
            if translated is not exc:
                raise translated from exc

    def _translated(self, exc: Exception) -> Exception:
        """The project's error for a database failure: DatabaseBusy (locked, timed out,
        a serialization failure or deadlock on a server), ServerUnreachable (the
        connection to the server was lost: the transaction did not commit), else the
        error itself."""
        if is_busy(exc):
            return busy_error()
        if not self.is_sqlite and server_errors.is_lost(exc):
            return server_errors.unreachable(self.location.display())
        return exc

    # -- other programs' changes ------------------------------------------------------------
    def _notify(self, session: Session) -> None:
        from crm_desktop.db.notify import notify_sql

        session.connection().exec_driver_sql(notify_sql(), (self.identity,))

    def watch(self) -> None:
        """Start noticing other programs' (desks') commits: changed_elsewhere() counts
        from here. SQLite: PRAGMA data_version; PostgreSQL: LISTEN (db/notify.py)."""
        if self.is_sqlite:
            self.data_version()
            return
        with self._watch_lock:
            if self._closed:
                raise DatabaseError(f"{self.name} is closed")
            if self._listener is None:
                from crm_desktop.db.notify import ChangeListener

                self._listener = ChangeListener(self.engine, self.identity)
        self._listener.start()

    def data_version(self) -> int:
        """SQLite's PRAGMA data_version on a connection kept open for it: a number that
        changes whenever ANOTHER connection (another program, or one of this program's
        own sessions) commits to the file. Cheap (no file is read)."""
        with self._watch_lock:
            if self._closed:
                raise DatabaseError(f"{self.path} is closed")
            if self._watch is None:
                self._watch = connect_read_only(self.path, BUSY_TIMEOUT_MS / 1000)
            version = int(self._watch.execute("PRAGMA data_version").fetchone()[0])
            if self._seen is None:
                self._seen = version
            return version

    def _own_write_done(self, before: int) -> None:
        """After one of our writes: a change that came before it from elsewhere is kept
        for changed_elsewhere(); our own commit is not another program's change."""
        after = self.data_version()
        with self._watch_lock:
            if before != self._seen:
                self._foreign = True
            self._seen = after

    def changed_elsewhere(self) -> bool:
        """Whether another program committed to the file since the last call (this
        program's own writes through `write` do not count). A commit made elsewhere during
        one of our own writes (the milliseconds it holds the write lock for) is counted
        as ours. On PostgreSQL: whether another desk's write transaction committed since
        (their NOTIFY, db/notify.py); the first call starts listening."""
        if not self.is_sqlite:
            if self._listener is None:
                self.watch()
                return False
            return bool(self._listener.changed())
        version = self.data_version()
        with self._watch_lock:
            changed = self._foreign or version != self._seen
            self._seen, self._foreign = version, False
            return changed

    def read_rows(self, sql: str, params: Sequence[Any] = ()) -> Sequence[Sequence[Any]]:
        """One SELECT in its own read transaction, without a session and without compiling
        anything: for statements compiled once and run again and again (a list's count and
        pages, what a view reads as it opens). A lock held past the busy timeout is
        DatabaseBusy; another error of the database is SQLAlchemy's, as for any statement.

        The connections are in autocommit, where SQLite reads a lone statement in a read
        transaction of its own: it runs on the pooled DB-API connection itself. Through
        SQLAlchemy's connection (its BEGIN, its result objects, its ROLLBACK) each cost
        about 80 microseconds more, three times as the contact list opens. While anything
        listens for the engine's cursor events (tests counting statements, tracing), the
        statement goes through SQLAlchemy, which tells them.

        On a server it always goes through SQLAlchemy's connection (its transaction,
        pool_pre_ping, the error translation of `_translated`), `sql` written with
        SQLite's `?` placeholders turned into psycopg's (db/sql.py portable). Statements
        compiled for PostgreSQL are not kept (services/compiled.py: psycopg's named
        parameters have no order), so there this serves hand-written SQL only."""
        params = tuple(params)
        dispatch = self.engine.dispatch
        if not self._on_file or dispatch.before_cursor_execute \
                or dispatch.after_cursor_execute:
            return self._read_rows_told(sql, params)
        try:
            conn = self.engine.raw_connection()
            try:
                cursor = conn.cursor()
                try:
                    cursor.execute(sql, params)
                    return cursor.fetchall()
                finally:
                    cursor.close()
            finally:
                conn.close()  # back to the pool
        except sqlite3.Error as exc:
            if is_busy(exc):
                raise busy_error() from exc
            raise DBAPIError.instance(sql, params, exc, sqlite3.Error) from exc
        except OperationalError as exc:  # (opening a connection)
            if is_busy(exc):
                raise busy_error() from exc
            raise

    def _read_rows_told(self, sql: str, params: tuple[Any, ...]) -> Sequence[Sequence[Any]]:
        try:
            with self.engine.connect() as conn:
                return conn.exec_driver_sql(portable(sql, self.dialect), params).fetchall()
        except DBAPIError as exc:
            raise self._translated(exc) from exc

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The DB-API connection, for bulk loads and maintenance (caller manages BEGIN).
        On PostgreSQL the other desks are told once the block is done."""
        with self.engine.connect() as conn:
            yield conn.connection.driver_connection  # type: ignore[misc]
        if self.dialect == "postgresql":
            from crm_desktop.db.notify import notify_sql

            with self.engine.begin() as conn:
                conn.exec_driver_sql(notify_sql(), (self.identity,))

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def name(self) -> str:
        """The file, or postgresql://user@host:port/name (never a password)."""
        return self.location.display()

    def close(self) -> None:
        with self._watch_lock:
            self._closed = True
            if self._watch is not None:
                self._watch.close()
                self._watch = None
            if self._listener is not None:
                self._listener.close()
                self._listener = None
        self.engine.dispose()

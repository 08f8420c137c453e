"""Opening a database file: create it, or upgrade it with Alembic after a safety copy.

Alembic (and Mako under it) costs a third of a second to import: a database already at
`HEAD` is opened without it. `HEAD` is the newest migration's revision, written here so
that no migration script has to be read to know it (a test checks it against Alembic's
script directory)."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desktop.db.engine import APPLICATION_ID, Database, connect_read_only, make_engine
from crm_desktop.db.location import Location, is_server, parse_location
from crm_desktop.domain import clock
from crm_desktop.domain.errors import DatabaseError
from crm_desktop.private_files import create_private, tighten_database

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
#: the revision of the newest migration (keep in step with migrations/versions)
HEAD = "0017"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class UpgradeStep:
    """One step of upgrading an older database, announced before it runs: number 0 is
    the safety copy of the file, 1 to `total` the migrations in order (`revision`, and
    `text`: the first line of the migration's description)."""

    number: int
    total: int
    revision: str | None
    text: str


#: told each step of an upgrade (the window shows them, the command line prints them)
Progress = Callable[[UpgradeStep], None]
_process_progress: list[Progress] = []


def report_upgrades(progress: Progress | None) -> None:
    """Every upgrade this process runs without a `progress` of its own tells `progress`
    its steps (the command line prints them); None: no more."""
    _process_progress[:] = [progress] if progress is not None else []


def pending_migrations(revision: str) -> list[tuple[str, str]]:
    """(revision, first line of its description) of each migration after `revision`,
    oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    steps = [(s.revision, (s.doc or "").strip().splitlines()[0] if s.doc else "")
             for s in scripts.iterate_revisions("head", revision)]
    return steps[::-1]


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The head as Alembic reads it from the migration scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def inspect_file(path: Path) -> tuple[int, str | None, int]:
    """(application_id, alembic revision or None, number of tables) of an existing file.

    Raises DatabaseError when the file is not an SQLite database at all.
    """
    try:
        with path.open("rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}") from exc
    if magic and magic != SQLITE_MAGIC:
        raise DatabaseError(f"{path} is not a crm-desktop database (not an SQLite file)")
    try:
        conn = connect_read_only(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read as a database: {exc}") from exc
    return app_id, revision, len(tables)


def check_ours(path: Path) -> str | None:
    """Raise DatabaseError unless `path` is empty/new or a crm-desktop database; its revision."""
    app_id, revision, n_tables = inspect_file(path)
    if n_tables == 0:
        return None
    if app_id != APPLICATION_ID or revision is None:
        raise DatabaseError(f"{path} is not a crm-desktop database")
    if revision != HEAD and revision not in known_revisions():
        raise DatabaseError(
            f"{path} was made by a newer version of crm-desktop (schema {revision}); "
            "update the program to open it"
        )
    return revision


def copy_database(src: Path, dest: Path) -> None:
    """A consistent copy through SQLite's online backup (safe while others write)."""
    source = connect_read_only(src)
    try:
        create_private(dest)  # the copy holds the whole customer base: the owner's only
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def open_read_only(path: Path | str) -> Database:
    """Open an existing database for reading only (a read-only file or folder): nothing is
    created, upgraded or written. A database that needs an upgrade is refused."""
    path = Path(path).expanduser().absolute()
    if not path.is_file():
        raise DatabaseError(f"{path} does not exist" if not path.exists()
                            else f"{path} is a folder, not a database file")
    revision = check_ours(path)
    if revision is None:
        raise DatabaseError(f"{path} is empty, not a crm-desktop database")
    if revision != head_revision():
        raise DatabaseError(
            f"{path} is read-only and was made by an older version (schema {revision}); "
            "it must be upgraded, which needs write access to the file and its folder")
    return Database(path, make_engine(path, read_only=True))


def open_database(path: Path | str | Location, *, create: bool = True,
                  progress: Progress | None = None) -> Database:
    """Open (and if needed create or upgrade) the database at `path` (a file, or a
    postgresql:// address or Location: db/server.py). An upgrade of an older file tells
    `progress` (or the process's, see report_upgrades) each step before it runs."""
    if is_server(path):
        from crm_desktop.db.server import open_server

        return open_server(parse_location(path), create=create)  # type: ignore[arg-type]
    if isinstance(path, Location):
        path = path.path  # type: ignore[assignment]
    path = Path(path).expanduser().absolute()  # type: ignore[arg-type]
    exists = path.exists()
    if exists and path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if not exists:
        if not create:
            raise DatabaseError(f"{path} does not exist")
        if not path.parent.is_dir():
            raise DatabaseError(f"the folder {path.parent} does not exist")
    folder_writable = os.access(path.parent, os.W_OK)
    if not folder_writable or (exists and not os.access(path, os.W_OK)):
        raise DatabaseError(
            f"{path} cannot be written: the file or its folder is read-only "
            "(the database needs write access to both)"
        )
    revision = check_ours(path) if exists else None
    if exists:
        tighten_database(path)  # a file made by an older version, or copied in
    else:
        create_private(path)  # SQLite gives its -wal and -shm the database's mode
    head = HEAD
    steps: list[tuple[str, str]] = []
    tell = progress or (_process_progress[0] if _process_progress else None)
    if revision is not None and revision != head:
        steps = pending_migrations(revision)
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
        log.info("upgrading %s from %s to %s; copy kept at %s", path, revision, head, backup)
        if tell is not None:
            tell(UpgradeStep(0, len(steps), None, f"a copy is kept at {backup}"))
        copy_database(path, backup)
    engine = make_engine(path)
    if revision == head:
        # nothing to migrate: Alembic is not needed (nor imported)
        return Database(path, engine)
    try:
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            # Foreign keys off while the migrations run (they are checked after): a
            # migration that rebuilds a table (SQLite cannot alter a CHECK) drops the old
            # one, and with foreign keys on, that DROP deletes the rows of every table
            # pointing at it ON DELETE CASCADE (0006 rebuilding activities emptied
            # activity_exceptions). The pragma is ignored inside a transaction: it is
            # set on the driver's connection before BEGIN, and set back on after.
            raw = conn.connection.driver_connection
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    cfg = alembic_config()
                    cfg.attributes["connection"] = conn
                    if not steps:  # a new file: every migration at once
                        command.upgrade(cfg, "head")
                    for number, (step, text) in enumerate(steps, start=1):
                        if tell is not None:
                            tell(UpgradeStep(number, len(steps), step, text))
                        command.upgrade(cfg, step)  # one migration, the same transaction
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(5)
                    if broken:
                        raise DatabaseError(f"{path}: the upgrade left rows pointing at "
                                            f"missing records: {broken}")
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, sqlite3.Error) or type(exc).__module__.startswith("sqlalchemy"):
            raise DatabaseError(f"{path} cannot be opened: {exc}") from exc
        raise
    if current != head:
        engine.dispose()
        raise DatabaseError(f"{path}: schema is at {current}, expected {head}")
    return Database(path, engine)

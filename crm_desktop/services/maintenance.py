"""Integrity check, backup and restore of a database file (SQLite online backup)."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crm_desktop.db import live_counts
from crm_desktop.db.engine import connect_read_only, is_busy
from crm_desktop.db.location import is_server
from crm_desktop.db.migrate import check_ours, copy_database, head_revision, open_database
from crm_desktop.db.search_index import integrity_problems
from crm_desktop.domain import clock
from crm_desktop.domain.errors import DatabaseError, DatabaseInUse
from crm_desktop.private_files import create_private, tighten_database

log = logging.getLogger(__name__)

#: entity name in reports -> (table, counts only live rows when it has deleted_at)
COUNTED: dict[str, str] = {
    "users": "users",
    "contacts": "contacts",
    "accounts": "accounts",
    "products": "products",
    "deals": "deals",
    "proformas": "proformas",
    "activities": "activities",
    "marketing_lists": "marketing_lists",
    "campaigns": "campaigns",
    "campaign_members": "campaign_members",
    "tickets": "tickets",
    "import_batches": "import_batches",
    "audit_log": "audit_log",
}
SOFT_DELETED = frozenset({"contacts", "accounts", "deals", "tickets"})


@dataclass
class CheckReport:
    ok: bool
    schema: str | None
    schema_current: bool
    counts: dict[str, int] = field(default_factory=dict)
    trash: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: the file or its folder cannot be written: read without the search-index check
    read_only: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "read_only": self.read_only,
            "schema": self.schema,
            "schema_current": self.schema_current,
            "counts": self.counts,
            "trash": self.trash,
            "problems": self.problems,
        }


def _existing_file(path: Path) -> Path:
    path = Path(path).expanduser().absolute()
    if not path.exists():
        raise DatabaseError(f"{path} does not exist")
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if path.stat().st_size == 0:
        raise DatabaseError(f"{path} is empty, not a crm-desktop database")
    return path


def check(path: Path | str) -> CheckReport:
    """Check a database without changing it: SQLite integrity, foreign keys, search index
    (a postgresql:// database: services/server_check.py)."""
    if is_server(path):
        from crm_desktop.services.server_check import check_server

        return check_server(path)  # type: ignore[arg-type]
    path = _existing_file(Path(path))
    revision = check_ours(path)
    problems: list[str] = []
    counts: dict[str, int] = {}
    trash: dict[str, int] = {}
    try:
        conn = connect_read_only(path)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
            if result != ["ok"]:
                problems += [f"integrity: {r}" for r in result]
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchmany(20):
                problems.append(f"foreign key: {table} row {rowid} points at a missing {parent}")
            for name, table in COUNTED.items():
                if table in SOFT_DELETED:
                    live, deleted = conn.execute(
                        f"SELECT count(*) - count(deleted_at), count(deleted_at) FROM {table}"
                    ).fetchone()
                    counts[name], trash[name] = live, deleted
                else:
                    counts[name] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                            (live_counts.TABLE,)).fetchone():
                live = {table: counts[name] for name, table in COUNTED.items()
                        if table in SOFT_DELETED}  # (counted above)
                problems += [f"live count: {p}" for p in live_counts.drift(
                    lambda sql: conn.execute(sql).fetchall(), live)]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        problems.append(f"damaged: {exc}")
    read_only = not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    if not problems and not read_only:
        # The FTS5 check is spelled as an INSERT: run it in a transaction that is rolled back.
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("BEGIN")
            problems += [f"search index: {p}" for p in integrity_problems(conn)]
            conn.execute("ROLLBACK")
        except sqlite3.DatabaseError as exc:
            problems.append(f"search index: {exc}")
        finally:
            conn.close()
    return CheckReport(
        ok=not problems,
        schema=revision,
        schema_current=revision == head_revision(),
        counts=counts,
        trash=trash,
        problems=problems,
        read_only=read_only,
    )


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def timestamp() -> str:
    return clock.now().strftime("%Y%m%d-%H%M%S")


def backup(db_path: Path | str, dest: Path | str, *, overwrite: bool = False) -> Path:
    """Copy the database to `dest` (a file, or a folder to put a dated file in).

    The copy is written beside the destination first and renamed when complete, so a
    power cut never leaves a half-written backup under the final name.
    """
    src = _existing_file(Path(db_path))
    check_ours(src)
    dest = Path(dest).expanduser().absolute()
    if dest.is_dir():
        dest = dest / f"{src.stem}-backup-{timestamp()}.sqlite3"
    if not dest.parent.is_dir():
        raise DatabaseError(f"the folder {dest.parent} does not exist")
    if dest.exists() and not overwrite:
        raise DatabaseError(f"{dest} already exists; choose another name")
    if not os.access(dest.parent, os.W_OK):
        raise DatabaseError(f"{dest.parent} is read-only; choose another folder")
    if dest.resolve() == src.resolve():
        raise DatabaseError("the backup must not replace the database itself")
    tmp = dest.with_name(dest.name + ".part")
    try:
        copy_database(src, tmp)  # private (0600) from the start
        conn = sqlite3.connect(tmp)
        try:
            # a stand-alone file: no -wal beside it
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        _fsync_file(tmp)
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"the backup could not be written: {exc}") from exc
    log.info("backup of %s written to %s", src, dest)
    return dest


#: how long restore waits for a writer to finish its transaction before refusing (seconds)
RESTORE_WAIT_S = 3.0
IN_USE = ("the database is open in another window or program; close it and try again "
          "(a restore needs the file to itself)")


@contextmanager
def _exclusive(path: Path) -> Iterator[sqlite3.Connection]:
    """One connection that holds SQLite's EXCLUSIVE lock on `path` until it is closed.

    With locking_mode=EXCLUSIVE the lock taken by BEGIN EXCLUSIVE is kept after COMMIT, so
    every other reader and writer waits (or fails with "busy") until the block ends. In WAL
    mode every connection of another process that has read the file holds a shared lock on
    it as long as it stays open, so the lock cannot be had while another window or program
    has the database open: DatabaseInUse is raised then, before anything is changed.
    """
    try:
        conn = sqlite3.connect(path, timeout=RESTORE_WAIT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path} cannot be opened: {exc}") from exc
    try:
        try:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise DatabaseInUse(IN_USE) from exc
            raise DatabaseError(f"{path} cannot be locked: {exc}") from exc
        yield conn
    finally:
        conn.close()  # releases the lock


def restore(src: Path | str, db_path: Path | str, passphrase: str | None = None, *,
            actor_id: int | None = None, by_user: bool = False) -> Path | None:
    """Replace the database with the backup `src`; returns the dated copy kept of the
    current database (None when there was none). A damaged or foreign file is refused.
    An encrypted backup is decrypted with `passphrase` to a private temporary file in the
    database's folder first (BackupFileError when it cannot be).

    Done by a user (`by_user`, the acting user `actor_id` as Database.write takes it), it
    needs RESTORE_DB (administrators only) in the current database: PermissionDenied and
    nothing touched otherwise. Without a user (the command line on the machine, before
    sign-in exists there) it is the first administrator's.

    From the copy of the current database to the end of the replacement the file is held
    under an exclusive lock, so no other program can commit a change that would be in
    neither file; while another window or program has the database open the restore is
    refused (DatabaseInUse) and nothing changes.
    """
    if by_user:
        _require_restore(Path(db_path).expanduser().absolute(), actor_id)
    src = _existing_file(Path(src))
    from crm_desktop.services import backup_crypto

    if backup_crypto.is_encrypted(src):
        from crm_desktop.services.backup_files import private_temp

        if not passphrase:
            raise backup_crypto.BackupFileError("needs_passphrase")
        folder = Path(db_path).expanduser().absolute().parent
        with private_temp(folder) as plain:
            backup_crypto.decrypt_file(src, plain, passphrase)
            return restore(plain, db_path)
    report = check(src)
    if not report.ok:
        raise DatabaseError(
            f"{src} is damaged and was not restored: {'; '.join(report.problems[:3])}"
        )
    target = Path(db_path).expanduser().absolute()
    if target.exists() and src.resolve() == target.resolve():
        raise DatabaseError("the backup and the database are the same file")
    if target.is_dir():
        raise DatabaseError(f"{target} is a folder, not a database file")
    if target.exists() and target.stat().st_size > 0:
        check_ours(target)
    elif not target.parent.is_dir():
        raise DatabaseError(f"the folder {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK) or (
            target.exists() and not os.access(target, os.W_OK)):
        raise DatabaseError(f"{target} cannot be written: the file or its folder is read-only")
    kept = None
    try:
        with _exclusive(target) as live:
            if live.execute("PRAGMA page_count").fetchone()[0] > 0:
                kept = _unused(target.with_name(
                    f"{target.stem}.before-restore-{timestamp()}{target.suffix}"))
                _copy_kept(live, kept)
            # Leave WAL for the replacement (a backup into a WAL file fails when the page
            # sizes differ); the lock stays. The page-by-page copy is one transaction: a
            # crash leaves either the old or the new database, never a mix.
            live.execute("PRAGMA journal_mode = DELETE")
            source = connect_read_only(src)
            try:
                source.backup(live)
            finally:
                source.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"{target} could not be replaced: {exc}") from exc
    tighten_database(target)
    open_database(target).close()  # back to WAL; upgrades a backup made by an older version
    log.info("restored %s from %s (previous copy: %s)", target, src, kept)
    return kept


def _require_restore(target: Path, actor_id: int | None) -> None:
    from crm_desktop.db.engine import Database, make_engine
    from crm_desktop.domain.permissions import Perm
    from crm_desktop.services.access import require_in

    if not target.is_file():
        return  # nothing to replace: no one's data is at stake
    db = Database(target, make_engine(target, read_only=True))
    try:
        with db.read() as session:
            require_in(session, Perm.RESTORE_DB, actor_id)
    finally:
        db.close()


def _unused(path: Path) -> Path:
    """`path`, or the same name with -2, -3, ... when a copy of that second exists."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _copy_kept(live: sqlite3.Connection, kept: Path) -> None:
    """The before-restore copy, read through the connection that holds the lock."""
    try:
        create_private(kept)
        dest = sqlite3.connect(kept)
        try:
            live.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # a stand-alone file
        finally:
            dest.close()
        _fsync_file(kept)
    except (OSError, sqlite3.Error) as exc:
        kept.unlink(missing_ok=True)
        raise DatabaseError(f"the copy of the current database could not be written: {exc}"
                            ) from exc

"""Backup files (no Qt, no session): a snapshot copy with its row counts, the verification
of what was written, what a backup holds (`inspect_backup`), the names of our backups and
their grandfather-father-son rotation.

Counts and copy come from ONE read transaction of the source: the counts are taken, then
SQLite's backup API copies the pages through the same connection, whose read snapshot
(WAL) stays pinned until the transaction ends. A writer committing in between changes
neither, so "the backup holds as many rows as the database had at the moment of the copy"
is an exact check, not an approximate one."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from crm_desktop.db.engine import APPLICATION_ID, connect_read_only
from crm_desktop.db.migrate import HEAD, SQLITE_MAGIC, known_revisions
from crm_desktop.domain import clock
from crm_desktop.private_files import create_private
from crm_desktop.services import backup_crypto as crypto
from crm_desktop.services.backup_crypto import BackupFileError

#: the main tables whose rows a verification counts (every revision since 0001 has them)
COUNTED = ("users", "contacts", "accounts", "products", "deals", "proformas",
           "proforma_lines", "activities", "marketing_lists", "campaigns", "tickets",
           "settings", "audit_log")
#: our backups: <database name>-backup-YYYYMMDD-HHMMSS[-n].sqlite3 or .crmbak (a server
#: database's: .pgdump, services/backup_pg.py)
NAME = re.compile(r"^(?P<stem>.+)-backup-(?P<day>\d{8})-(?P<time>\d{6})(?:-\d+)?"
                  r"(?P<ext>\.sqlite3|\.crmbak|\.pgdump)$")
#: called between the counts and the copy (tests make a writer commit there)
_between_count_and_copy: Callable[[], None] | None = None


def backup_name(db_stem: str, at: datetime, encrypted: bool,
                plain_suffix: str = ".sqlite3") -> str:
    suffix = crypto.SUFFIX if encrypted else plain_suffix
    return f"{db_stem}-backup-{at:%Y%m%d-%H%M%S}{suffix}"


def parse_name(name: str, db_stem: str | None = None) -> datetime | None:
    """The moment in the name of one of our backups (of database `db_stem`), else None."""
    match = NAME.match(name)
    if match is None or (db_stem is not None and match["stem"] != db_stem):
        return None
    try:
        return datetime.strptime(match["day"] + match["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None


def _present(conn: sqlite3.Connection) -> list[str]:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return [t for t in COUNTED if t in names]


def count_rows(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in _present(conn)}


def snapshot(src: Path, dest: Path) -> dict[str, int]:
    """Copy `src` to the new private file `dest` (a stand-alone file: no -wal); the row
    counts of the snapshot copied."""
    source = connect_read_only(src)
    source.isolation_level = None
    try:
        source.execute("BEGIN")
        counts = count_rows(source)  # starts the read snapshot the copy then reads
        if _between_count_and_copy is not None:
            _between_count_and_copy()
        create_private(dest)
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        source.execute("COMMIT")
    finally:
        source.close()
    return counts


@dataclass
class Verified:
    ok: bool
    revision: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def detail(self) -> str:
        return "; ".join(self.problems)


def verify_plain(path: Path, expected: dict[str, int] | None = None,
                 revision: str | None = None) -> Verified:
    """Integrity check, our application id, a schema revision we know (`revision` when
    given) and the row counts (equal to `expected` when given) of a plain database file."""
    try:
        with path.open("rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        return Verified(False, problems=[f"cannot read: {exc.strerror or exc}"])
    if magic != SQLITE_MAGIC:
        return Verified(False, problems=["not an SQLite database"])
    try:
        conn = connect_read_only(path)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
            if result != ["ok"]:
                return Verified(False, problems=[f"integrity: {r}" for r in result])
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return Verified(False, problems=["not a crm-desktop database "
                                                 "(application id)"])
            try:
                found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.OperationalError:
                found = None
            counts = count_rows(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return Verified(False, problems=[f"damaged: {exc}"])
    rev = found[0] if found else None
    problems = []
    if rev is None:
        problems.append("no schema revision")
    elif revision is not None and rev != revision:
        problems.append(f"schema {rev}, the database has {revision}")
    elif rev != HEAD and rev not in known_revisions():
        problems.append(f"schema {rev} is unknown to this version")
    if expected is not None:
        for table, n in expected.items():
            if counts.get(table) != n:
                problems.append(f"{table}: {counts.get(table, 0)} rows, expected {n}")
    return Verified(not problems, rev, counts, problems)


@contextlib.contextmanager
def private_temp(folder: Path) -> Iterator[Path]:
    """A private (0600) temporary file in `folder`, removed afterwards."""
    fd, name = tempfile.mkstemp(prefix=".crm-backup-", suffix=".tmp", dir=folder)
    os.close(fd)
    path = Path(name)
    try:
        create_private(path)
        yield path
    finally:
        path.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def verify_file(path: Path, passphrase: str | None, expected: dict[str, int] | None = None,
                revision: str | None = None, temp_dir: Path | None = None) -> Verified:
    """`verify_plain` of a backup as written: an encrypted one is decrypted to a private
    temporary file first (in `temp_dir`: the database's own folder, not the USB stick)."""
    if not crypto.is_encrypted(path):
        return verify_plain(path, expected, revision)
    if passphrase is None:
        return Verified(False, problems=["encrypted: no passphrase to check it with"])
    with private_temp(temp_dir or path.parent) as plain:
        try:
            crypto.decrypt_file(path, plain, passphrase)
        except BackupFileError as exc:
            return Verified(False, problems=[exc.message("en")])
        return verify_plain(plain, expected, revision)


@dataclass
class BackupInfo:
    """What a backup holds, shown before a restore."""

    path: Path
    size: int
    encrypted: bool
    #: when it was made (aware): from our file name, else the file's modification time
    made_at: datetime
    schema_revision: str | None
    #: older: upgraded when restored; newer: cannot be restored by this version
    schema_state: str
    counts: dict[str, int]
    ok: bool
    problems: list[str]

    def as_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "size": self.size, "encrypted": self.encrypted,
                "made_at": self.made_at.isoformat(timespec="seconds"),
                "schema_revision": self.schema_revision, "schema_state": self.schema_state,
                "counts": self.counts, "ok": self.ok, "problems": self.problems}


def _schema_state(revision: str | None) -> str:
    if revision == HEAD:
        return "current"
    if revision is not None and revision in known_revisions():
        return "older"
    return "newer" if revision else "unknown"


def inspect_backup(path: Path | str, passphrase: str | None = None,
                   temp_dir: Path | None = None) -> BackupInfo:
    """Date, schema revision, counts, size and encryption of a backup, after checking it
    the way a backup is verified. BackupFileError: not a backup or a database
    ("not_database"), empty, encrypted without a passphrase ("needs_passphrase"), wrong
    passphrase, damaged or truncated."""
    path = Path(path).expanduser().absolute()
    if not path.is_file():
        raise BackupFileError("not_backup", f"{path} does not exist" if not path.exists()
                              else f"{path} is a folder")
    size = path.stat().st_size
    if size == 0:
        raise BackupFileError("empty")
    encrypted = crypto.is_encrypted(path)
    if encrypted and not passphrase:
        raise BackupFileError("needs_passphrase")
    named = parse_name(path.name)  # the business's wall clock when it was written
    # a file named otherwise: when it was last written, on the business's clock as well
    made_at = named.replace(tzinfo=clock.business_tz()) if named else \
        clock.from_epoch(path.stat().st_mtime)
    if encrypted:
        with private_temp(temp_dir or path.parent) as plain:
            crypto.decrypt_file(path, plain, passphrase or "")
            result = verify_plain(plain)
    else:
        result = verify_plain(path)
    if not result.ok and result.revision is None and not result.counts:
        first = result.problems[0] if result.problems else ""
        if first.startswith(("not an SQLite", "not a crm-desktop", "no schema")):
            raise BackupFileError("not_database", first)
    state = _schema_state(result.revision)
    problems = list(result.problems)
    if state == "newer":
        problems = [p for p in problems if "unknown to this version" not in p]
        problems.append("made by a newer version of crm-desktop")
    return BackupInfo(path, size, encrypted, made_at, result.revision, state, result.counts,
                      not problems, problems)


# -- rotation: grandfather-father-son ---------------------------------------------------
def week_of(day: date) -> tuple[int, int]:
    """The week a day falls in, weeks starting on Saturday (the Iranian week)."""
    start = day.toordinal() - (day.weekday() - 5) % 7  # Monday=0 ... Saturday=5
    return divmod(start, 7)


def month_of(day: date) -> tuple[int, int]:
    """The Jalali month a day falls in."""
    import jdatetime

    j = jdatetime.date.fromgregorian(date=day)
    return j.year, j.month


def to_keep(moments: Iterable[datetime], daily: int, weekly: int, monthly: int
            ) -> set[datetime]:
    """The backups rotation keeps (the `restic forget --keep-daily/weekly/monthly` rule):
    the newest backup of each of the `daily` most recent days that have one, of each of the
    `weekly` most recent weeks (Saturday to Friday) and of each of the `monthly` most
    recent Jalali months; a backup may count for more than one."""
    newest_first = sorted(set(moments), reverse=True)
    keep: set[datetime] = set()
    for n, period in ((daily, lambda d: d), (weekly, week_of), (monthly, month_of)):
        seen: set[Any] = set()
        for moment in newest_first:
            if len(seen) >= n:
                break
            key = period(moment.date())
            if key not in seen:
                seen.add(key)
                keep.add(moment)
    return keep


def ours(folder: Path, db_stem: str) -> dict[datetime, list[Path]]:
    """Our backups of database `db_stem` in `folder`, by the moment in their names."""
    found: dict[datetime, list[Path]] = {}
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            moment = parse_name(entry.name, db_stem)
            if moment is not None and entry.is_file() and not entry.is_symlink():
                found.setdefault(moment, []).append(entry)
    return found


def rotate(folder: Path, db_stem: str, daily: int, weekly: int, monthly: int,
           protect: Iterable[Path] = ()) -> list[Path]:
    """Delete our backups of `db_stem` in `folder` that the GFS rule does not keep (never
    any other file, never the ones in `protect`); returns what was deleted."""
    found = ours(folder, db_stem)
    keep = to_keep(found, daily, weekly, monthly)
    protected = {Path(p).absolute() for p in protect}
    removed = []
    for moment, paths in sorted(found.items()):
        if moment in keep:
            continue
        for path in paths:
            if path.absolute() in protected:
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed

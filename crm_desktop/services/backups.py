"""Verified backups (no Qt): `core.backups`.

Every backup, whoever asks for it (on exit, the day's first, File > Back up, the command
line), is a snapshot copy with the row counts of that same snapshot, written beside its
final name as `.part` (encrypted when the settings say so), verified (integrity check,
our application id, the schema revision, the counts; an encrypted one is decrypted to a
private temporary file in the database's folder for that), renamed to its final name
when good and deleted when not, recorded as a BackupRecord row with an audit row, and
followed by the grandfather-father-son rotation of the folder's backups of this database
(automatic backups only).

Settings (one key, "backup"): folder, on_exit, daily, keep_daily / keep_weekly /
keep_monthly, warn_days, encrypt. The passphrase is never stored in the database: the
caller passes it (services/backup_passphrase.py keeps it for automatic backups).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crm_desktop import config
from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.migrate import check_ours
from crm_desktop.domain import clock
from crm_desktop.domain.enums import AuditAction
from crm_desktop.domain.errors import DatabaseError, FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.private_files import create_private, tighten
from crm_desktop.services import audit
from crm_desktop.services import backup_files as bf
from crm_desktop.services import fields as f
from crm_desktop.services.access import require_in
from crm_desktop.services.backup_crypto import BackupFileError, encrypt_file
from crm_desktop.services.backup_passphrase import PassphraseKeeper

log = logging.getLogger(__name__)

SETTINGS_KEY = "backup"
KINDS = ("exit", "daily", "manual", "cli")
DEFAULTS: dict[str, Any] = {
    "folder": "",  # empty: the backups folder in the user data folder
    "on_exit": True,
    "daily": True,
    "keep_daily": 7,
    "keep_weekly": 4,
    "keep_monthly": 12,
    "warn_days": 3,
    "encrypt": False,
}


def _folder(value: Any) -> str:
    text = f.text(1000)(value)
    if text and not Path(text).expanduser().is_absolute():
        raise f.InvalidValue("invalid")
    return text


FIELDS: dict[str, f.Field] = {
    "folder": f.Field(_folder, empty=""),
    "on_exit": f.Field(f.boolean, empty=False),
    "daily": f.Field(f.boolean, empty=False),
    "keep_daily": f.Field(f.integer(1, 365), required=True),
    "keep_weekly": f.Field(f.integer(0, 520), required=True),
    "keep_monthly": f.Field(f.integer(0, 240), required=True),
    "warn_days": f.Field(f.integer(1, 365), required=True),
    "encrypt": f.Field(f.boolean, empty=False),
}


def clean_backup_settings(current: Mapping[str, Any], changes: Any) -> dict[str, Any]:
    if not isinstance(changes, Mapping):
        raise ValidationError(FieldError("backup", "invalid"))
    unknown = [k for k in changes if k not in FIELDS]
    if unknown:
        raise ValidationError([FieldError(str(k), "invalid") for k in unknown])
    cleaned = f.clean(FIELDS, changes, partial=True)
    return {**DEFAULTS, **current, **cleaned}


@dataclass(frozen=True)
class BackupResult:
    ok: bool
    path: Path | None  # None when the failed file was removed
    size: int
    encrypted: bool
    counts: dict[str, int]
    detail: str
    record_id: int
    removed: tuple[Path, ...] = ()  # what rotation deleted


@dataclass(frozen=True)
class BackupStatus:
    """What the status bar says: `problem` is "" (all well), "folder" (missing or not
    writable), "old" (the newest good backup is older than warn_days) or "none" (never)."""

    problem: str
    last_good: datetime | None
    folder: Path
    warn_days: int


class BackupService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id
        #: the passphrase of encrypted backups for this session (and the keyring's)
        self.keeper = PassphraseKeeper()

    # -- settings ---------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        with self.db.read() as session:
            raw = session.scalar(select(m.Setting.value).where(m.Setting.key == SETTINGS_KEY))
        stored = json.loads(raw) if raw else {}
        return {**DEFAULTS, **(stored if isinstance(stored, dict) else {})}

    def set_settings(self, changes: Mapping[str, Any]) -> None:
        """Change some of the backup settings (SETTINGS permission; every bad field named)."""
        from crm_desktop.services.settings import SettingsService

        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.SETTINGS)
            raw = session.scalar(select(m.Setting.value).where(m.Setting.key == SETTINGS_KEY))
            current = json.loads(raw) if raw else {}
            SettingsService._put(session, SETTINGS_KEY, clean_backup_settings(
                current if isinstance(current, dict) else {}, changes))

    def folder(self) -> Path:
        chosen = self.settings()["folder"]
        return Path(chosen).expanduser() if chosen else config.backup_dir()

    # -- the record -------------------------------------------------------------------
    def history(self, limit: int = 50) -> list[dict[str, Any]]:
        """The recorded backups, newest first."""
        with self.db.read() as session:
            rows = session.scalars(select(m.BackupRecord).order_by(
                m.BackupRecord.at.desc(), m.BackupRecord.id.desc()).limit(limit)).all()
            return [{"id": r.id, "at": clock.utc(r.at), "kind": r.kind, "path": r.path,
                     "size": r.size, "ok": r.ok, "encrypted": r.encrypted,
                     "schema_revision": r.schema_revision,
                     "counts": json.loads(r.counts_json or "{}"), "detail": r.detail}
                    for r in rows]

    def last_good(self, kind: str | None = None) -> datetime | None:
        query = select(m.BackupRecord.at).where(m.BackupRecord.ok.is_(True))
        if kind is not None:
            query = query.where(m.BackupRecord.kind == kind)
        with self.db.read() as session:
            at = session.scalar(query.order_by(m.BackupRecord.at.desc()).limit(1))
        return clock.utc(at) if at is not None else None

    def daily_due(self, today: date | None = None) -> bool:
        """True when daily backups are on and none was made today (the business's day):
        the first run of the day makes one."""
        if not self.settings()["daily"]:
            return False
        last = self.last_good("daily")
        return last is None or clock.local_day(last) < (today or clock.today())

    def status(self, now: datetime | None = None) -> BackupStatus:
        settings = self.settings()
        folder = self.folder()
        last = self.last_good()
        warn = int(settings["warn_days"])
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            problem = "folder"
        elif last is None:
            problem = "none"
        elif (now or clock.now_utc()) - last > timedelta(days=warn):
            problem = "old"
        else:
            problem = ""
        return BackupStatus(problem, last, folder, warn)

    # -- making one -------------------------------------------------------------------
    def make(self, kind: str = "manual", dest: Path | str | None = None,
             passphrase: str | None = None, *, encrypt: bool | None = None,
             overwrite: bool = False, cancel: Callable[[], bool] | None = None
             ) -> BackupResult:
        """Write, verify and record one backup. `dest` is a file or a folder (default: the
        settings' folder); `encrypt` defaults to the settings' choice and then needs
        `passphrase`. An automatic kind (exit, daily) is the program's own work; the others
        need the EXPORT permission (the whole customer base leaves the program). A failed
        verification is recorded too (ok False, the file deleted); problems before
        anything was written raise DatabaseError / BackupFileError."""
        if not isinstance(kind, str) or kind not in KINDS:
            raise ValidationError(FieldError("kind", "choice"))
        if dest is not None and not isinstance(dest, str | os.PathLike):
            raise ValidationError(FieldError("dest", "invalid"))
        if passphrase is not None and not isinstance(passphrase, str):
            raise ValidationError(FieldError("passphrase", "invalid"))
        settings = self.settings()
        encrypt = settings["encrypt"] if encrypt is None else bool(encrypt)
        if encrypt and not passphrase:
            raise BackupFileError("needs_passphrase")
        with self.db.read() as session:
            if kind in ("manual", "cli"):
                session.info["actor_id"] = self.actor_id
                require_in(session, Perm.EXPORT)
        target = self._target(dest, encrypt, overwrite)
        if self.db.is_sqlite:
            written = write_verified(self.db.path, target, passphrase if encrypt else None,
                                     cancel=cancel)
        else:  # a server database: pg_dump (services/backup_pg.py)
            from crm_desktop.services import backup_pg

            written = backup_pg.write_verified(self.db, target,
                                               passphrase if encrypt else None, cancel=cancel)
        record_id = self._record(kind, written, encrypt)
        removed: tuple[Path, ...] = ()
        target = written.path
        if written.ok and target is not None and kind in ("exit", "daily") \
                and target.parent == self.folder().absolute():
            removed = tuple(bf.rotate(target.parent, self.stem(),
                                      settings["keep_daily"], settings["keep_weekly"],
                                      settings["keep_monthly"], protect=[target]))
        return BackupResult(written.ok, target, written.size, encrypt, written.counts,
                            written.detail, record_id, removed)

    def stem(self) -> str:
        """What this database's backups are named after: the file's name, or the server
        database's name."""
        if self.db.is_sqlite:
            return self.db.path.stem  # type: ignore[union-attr]
        return self.db.location.name or "server"

    def _target(self, dest: Path | str | None, encrypt: bool, overwrite: bool) -> Path:
        base = self.folder() if dest is None else Path(dest)
        if self.db.is_sqlite:
            return backup_target(self.db.path, base, encrypt, overwrite)  # type: ignore
        from crm_desktop.services import backup_pg

        backup_pg.find_tool("pg_dump")  # (what to install, before anything is written)
        return backup_target(None, base, encrypt, overwrite, stem=self.stem(),
                             plain_suffix=backup_pg.SUFFIX)

    def _record(self, kind: str, written: Written, encrypted: bool) -> int:
        target = written.path or written.target
        with self.db.write(self.actor_id) as session:
            row = m.BackupRecord(kind=kind, path=str(target), size=written.size,
                                 ok=written.ok, encrypted=encrypted,
                                 schema_revision=written.revision,
                                 counts_json=json.dumps(written.counts),
                                 detail=written.detail[:2000], user_id=self.actor_id)
            session.add(row)
            session.flush()
            shown = {"path": str(target), "ok": written.ok, "encrypted": encrypted,
                     "size": written.size}
            if written.detail:
                shown["detail"] = written.detail
            audit.record(session, [audit._row(session, "backups", row.id, AuditAction.BACKUP,
                                              kind, None, json.dumps(shown,
                                                                     ensure_ascii=False))])
            return row.id


    # -- restoring --------------------------------------------------------------------
    def require_restore(self) -> None:
        """PermissionDenied unless the acting user may replace the database (RESTORE_DB,
        administrators only): asked before the window closes its connections."""
        with self.db.read() as session:
            session.info["actor_id"] = self.actor_id
            require_in(session, Perm.RESTORE_DB)


def backup_target(src: Path | None, dest: Path | str, encrypt: bool, overwrite: bool, *,
                  stem: str | None = None, plain_suffix: str = ".sqlite3") -> Path:
    """The file a backup of `src` (None: a server database named `stem`) goes to: `dest`
    itself, or a dated name in the folder `dest` (-2, -3, ... when that second already
    has one). DatabaseError when it cannot."""
    base = Path(dest).expanduser().absolute()
    folder_given = base.is_dir()
    if folder_given:
        name = Path(bf.backup_name(stem or src.stem, clock.now(), encrypt,  # type: ignore
                                   plain_suffix))
        target, n = base / name, 1
        while target.exists():
            n += 1
            target = base / f"{name.stem}-{n}{name.suffix}"
    else:
        target = base
    if not target.parent.is_dir():
        raise DatabaseError(f"the folder {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise DatabaseError(f"{target.parent} is read-only; choose another folder")
    if target.exists() and not overwrite:
        raise DatabaseError(f"{target} already exists; choose another name")
    if src is not None and target.exists() and target.resolve() == src.resolve():
        raise DatabaseError("the backup must not replace the database itself")
    return target


@dataclass(frozen=True)
class Written:
    ok: bool
    target: Path
    path: Path | None  # None when the bad file was removed
    size: int
    revision: str | None
    counts: dict[str, int]
    detail: str


def write_verified(src: Path, target: Path, passphrase: str | None = None, *,
                   cancel: Callable[[], bool] | None = None) -> Written:
    """Write a backup of `src` to `target` (encrypted when `passphrase` is given) and
    verify it; a file that fails its verification is deleted (ok False, `detail` says
    why). Problems found before anything is written raise DatabaseError."""
    revision = check_ours(src)
    part = target.with_name(target.name + ".part")
    counts: dict[str, int] = {}

    def failed(detail: str) -> Written:
        part.unlink(missing_ok=True)  # a bad file never stays under a backup's name
        log.warning("backup to %s failed its verification: %s", target, detail)
        return Written(False, target, None, 0, revision, counts, detail)

    try:
        if passphrase:
            with bf.private_temp(src.parent) as plain:
                counts = bf.snapshot(src, plain)
                first = bf.verify_plain(plain, counts, revision)
                if not first.ok:
                    return failed(first.detail)
                create_private(part)
                encrypt_file(plain, part, passphrase, cancel=cancel)
        else:
            counts = bf.snapshot(src, part)
            _fsync(part)
        result = bf.verify_file(part, passphrase, counts, revision, temp_dir=src.parent)
    except BackupFileError as exc:
        return failed(exc.message("en"))
    except (OSError, sqlite3.Error) as exc:
        return failed(f"the backup could not be written: {getattr(exc, 'strerror', None) or exc}")
    if not result.ok:
        return failed(result.detail)
    os.replace(part, target)
    tighten(target)
    log.info("backup of %s written and verified: %s", src, target)
    return Written(True, target, target, target.stat().st_size, revision, counts, "")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

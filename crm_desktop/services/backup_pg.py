"""Backups of a database on a PostgreSQL server (no Qt): `pg_dump` in its custom format,
verified by `pg_restore` reading the whole file back.

The row counts and the dump come from ONE snapshot: a repeatable-read transaction counts
the rows and exports its snapshot, and pg_dump reads through that snapshot (--snapshot),
so "the backup holds as many rows as the database had" is exact, as for a file. The
verification lists the backup (`pg_restore --list`: the file is a whole archive) and reads
every table's rows back out of it (`pg_restore --data-only -f -`), counted against the
snapshot's. Encrypted like a file's backups when a passphrase is given.

Restoring a server database replaces what every desk works on: that is left to the
server's administrator (`restore_command` says how), not done by the program."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from crm_desktop.db.location import Location
from crm_desktop.domain.errors import DatabaseError
from crm_desktop.private_files import create_private
from crm_desktop.services import backup_files as bf
from crm_desktop.services.backup_crypto import BackupFileError, encrypt_file

#: the suffix of a plain (unencrypted) server backup
SUFFIX = ".pgdump"
TOOLS_MISSING = ("{tool} is not installed: backups of a database on a PostgreSQL server "
                 "need the PostgreSQL client programs (pg_dump and pg_restore) of the "
                 "server's version or newer. Install them (Debian/Ubuntu: apt install "
                 "postgresql-client; Windows: the PostgreSQL installer's \"Command Line "
                 "Tools\") or put them on the PATH")
COPY_LINE = re.compile(r'^COPY (?:"?\w+"?\.)?"?(?P<table>\w+)"? \(')


def find_tool(name: str) -> Path:
    """pg_dump or pg_restore: on the PATH, else the newest in /usr/lib/postgresql/*/bin
    (Debian's place). DatabaseError naming what to install when there is none."""
    found = shutil.which(name)
    if found:
        return Path(found)

    def version(path: str) -> int:
        match = re.search(r"/postgresql/(\d+)/", path)
        return int(match[1]) if match else 0

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version)
    if candidates:
        return Path(candidates[-1])
    raise DatabaseError(TOOLS_MISSING.replace("{tool}", name))


def _env(location: Location) -> dict[str, str]:
    env = dict(os.environ)
    if location.password:
        env["PGPASSWORD"] = location.password  # never on the command line
    env["PGAPPNAME"] = "crm-desktop backup"
    return env


def _conninfo(location: Location) -> list[str]:
    args = ["--host", location.host or "localhost", "--port", str(location.port),
            "--dbname", location.name or ""]
    if location.user:
        args += ["--username", location.user]
    return [*args, "--no-password"]


def _run(args: list[str], env: dict[str, str], *, out: int | None = None
         ) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(args, env=env, stdout=out if out is not None
                            else subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BackupFileError("damaged", f"{Path(args[0]).name}: "
                              + (detail[-1] if detail else f"exit {result.returncode}"))
    return result


def dump(db, dest: Path) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """pg_dump of the open server database `db` to the new private file `dest`; the row
    counts of the very snapshot dumped."""
    pg_dump = find_tool("pg_dump")
    location: Location = db.location
    with db.engine.connect().execution_options(isolation_level="REPEATABLE READ",
                                               postgresql_readonly=True) as conn:
        snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
        counts = {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()
                  for t in bf.COUNTED}
        if bf._between_count_and_copy is not None:
            bf._between_count_and_copy()
        create_private(dest)
        # (the snapshot lives as long as this transaction: pg_dump runs inside it)
        _run([str(pg_dump), "--format=custom", "--no-owner", "--snapshot", snapshot,
              "--file", str(dest), *_conninfo(location)], _env(location))
        conn.rollback()
    return counts


def verify_dump(path: Path, expected: dict[str, int] | None = None) -> bf.Verified:
    """pg_restore lists the archive (it is whole) and reads every table's rows out of it;
    the counts of the tables a verification counts equal `expected` when given."""
    try:
        pg_restore = find_tool("pg_restore")
        listing = _run([str(pg_restore), "--list", str(path)], dict(os.environ))
        if b"TABLE DATA" not in listing.stdout:
            return bf.Verified(False, problems=["the backup holds no table data"])
        data = _run([str(pg_restore), "--data-only", "--file", "-", str(path)],
                    dict(os.environ))
    except BackupFileError as exc:
        return bf.Verified(False, problems=[exc.detail or str(exc)])
    except DatabaseError as exc:
        return bf.Verified(False, problems=[str(exc)])
    counts: dict[str, int] = {}
    table: str | None = None
    for line in data.stdout.decode("utf-8", "replace").splitlines():
        if table is None:
            match = COPY_LINE.match(line)
            if match:
                table = match["table"]
                counts[table] = 0
        elif line == "\\.":
            table = None
        else:
            counts[table] += 1
    revision = None
    problems = []
    if expected is not None:
        for name, n in expected.items():
            if counts.get(name, 0) != n:
                problems.append(f"{name}: {counts.get(name, 0)} rows, expected {n}")
    shown = {t: counts.get(t, 0) for t in bf.COUNTED}
    return bf.Verified(not problems, revision, shown, problems)


def write_verified(db, target: Path, passphrase: str | None = None, *,  # type: ignore[no-untyped-def]
                   cancel: Callable[[], bool] | None = None):
    """A verified backup of the server database `db` to `target` (services/backups.py
    Written): pg_dump to `.part`, verified, encrypted when a passphrase is given (and
    verified again after decryption), renamed when good, deleted when not."""
    from crm_desktop.services.backups import Written, _fsync

    revision = _revision(db)
    part = target.with_name(target.name + ".part")
    counts: dict[str, int] = {}

    def failed(detail: str) -> Written:
        part.unlink(missing_ok=True)
        return Written(False, target, None, 0, revision, counts, detail)

    try:
        if passphrase:
            with bf.private_temp(target.parent) as plain:
                plain.unlink()
                counts = dump(db, plain)
                first = verify_dump(plain, counts)
                if not first.ok:
                    return failed(first.detail)
                create_private(part)
                encrypt_file(plain, part, passphrase, cancel=cancel)
            from crm_desktop.services import backup_crypto as crypto

            with bf.private_temp(target.parent) as plain:
                crypto.decrypt_file(part, plain, passphrase)
                result = verify_dump(plain, counts)
        else:
            counts = dump(db, part)
            _fsync(part)
            result = verify_dump(part, counts)
    except BackupFileError as exc:
        return failed(exc.detail or exc.message("en"))
    except OSError as exc:
        return failed(f"the backup could not be written: {exc.strerror or exc}")
    if not result.ok:
        return failed(result.detail)
    os.replace(part, target)
    return Written(True, target, target, target.stat().st_size, revision, counts, "")


def _revision(db) -> str | None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        conn.rollback()
    return revision


def restore_command(location: Location, backup: Path | str) -> str:
    """What the server's administrator runs to restore a backup (while no desk works)."""
    who = f" -U {location.user}" if location.user else ""
    return (f"pg_restore --clean --if-exists --single-transaction --no-owner -h "
            f"{location.host} -p {location.port}{who} -d {location.name} {backup}")
